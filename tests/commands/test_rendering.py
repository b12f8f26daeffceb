"""Discord limits enforced in one place; the text rendering used by the console and CLI."""

from __future__ import annotations

from commands import limits
from commands.limits import fit_discord
from commands.render import render_text
from commands.reply import Reply, ReplyButton, ReplyField


def _size(r: Reply) -> int:
    return (
        len(r.title or "")
        + len(r.description or "")
        + len(r.footer or "")
        + sum(len(f.name) + len(f.value) for f in r.fields)
    )


def test_fit_discord_respects_every_limit() -> None:
    huge = Reply(
        title="T" * 500,
        description="D" * 5000,
        fields=[ReplyField(name="N" * 300, value="V" * 2000) for _ in range(40)]
        + [ReplyField(name="", value="")],
        footer="F" * 3000,
        buttons=[ReplyButton(custom_id="x" * 150, label="L" * 100) for _ in range(30)],
    )
    fitted = fit_discord(huge)
    assert len(fitted.title or "") <= limits.TITLE
    assert len(fitted.description or "") <= limits.DESCRIPTION
    assert len(fitted.fields) <= limits.FIELDS
    assert all(len(f.name) <= limits.FIELD_NAME and len(f.value) <= limits.FIELD_VALUE for f in fitted.fields)
    assert all(f.name and f.value for f in fitted.fields)
    assert len(fitted.footer or "") <= limits.FOOTER
    assert _size(fitted) <= limits.TOTAL
    assert len(fitted.buttons) <= limits.BUTTONS
    assert all(
        len(b.custom_id) <= limits.CUSTOM_ID and len(b.label) <= limits.BUTTON_LABEL for b in fitted.buttons
    )
    assert "more not shown" in (fitted.footer or "")


def test_fit_discord_leaves_small_replies_alone() -> None:
    small = Reply(title="Hi", description="there", fields=[ReplyField(name="a", value="b")], footer="f")
    assert fit_discord(small) == small


def test_render_text() -> None:
    reply = Reply(
        title="Pay for X",
        description="**bold** line",
        fields=[ReplyField(name="USD", value="median $1"), ReplyField(name="Long", value="a\nb")],
        footer="foot",
        buttons=[ReplyButton(custom_id="fix:1", label="Fix")],
    )
    assert (
        render_text(reply)
        == "Pay for X\n=========\nbold line\n\nUSD: median $1\n\nLong:\n  a\n  b\n\nfoot\n[Fix]"
    )
    assert render_text(Reply.error("nope")) == "error: nope"
