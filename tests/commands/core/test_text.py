"""The text rendering of a Reply, used by the console and the command line."""

from __future__ import annotations

from commands.core.reply import Reply, ReplyButton, ReplyField
from commands.core.text import render_text


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
