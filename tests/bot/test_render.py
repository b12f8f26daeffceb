"""Reply -> Discord message arguments: always within Discord's limits, never mentioning anyone."""

from __future__ import annotations

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import render as limits
from bot.render import (
    BUTTONS_PER_ROW,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    Pager,
    StaticView,
    embed_size,
    fit,
    render,
    split_text,
)
from commands.core.reply import Reply, ReplyButton, ReplyField, ReplyFile


def assert_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= TITLE_LIMIT
    assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert len(embed.fields) <= FIELDS_LIMIT
    for f in embed.fields:
        assert 0 < len(f.name or "") <= FIELD_NAME_LIMIT
        assert 0 < len(f.value or "") <= FIELD_VALUE_LIMIT
    assert len(embed.footer.text or "") <= FOOTER_LIMIT if embed.footer else True
    assert embed_size(embed) <= EMBED_TOTAL_LIMIT


def test_small_reply_is_one_embed_with_buttons_and_no_mentions() -> None:
    reply = Reply(
        title="Senior ML Engineer — Acme",
        description="Remote (EU) · €90k–110k a year",
        fields=[ReplyField(name="Skills", value="python, pytorch", inline=True)],
        buttons=[
            ReplyButton(custom_id="fix:7", label="Fix"),
            ReplyButton(custom_id="remove:7", label="Remove"),
        ],
    )
    rendered = render(reply)
    assert len(rendered.pages) == 1
    kwargs = rendered.channel_kwargs()
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    view = kwargs["view"]
    assert isinstance(view, StaticView)
    assert not view.is_dispatchable()  # handled by dynamic items, not stored per message
    assert [c.custom_id for c in view.children] == ["fix:7", "remove:7"]  # type: ignore[attr-defined]
    assert kwargs["embed"].fields[0].inline is True
    assert "ephemeral" not in kwargs


def test_error_is_ephemeral_for_interactions() -> None:
    kwargs = render(Reply.error("No such posting.")).interaction_kwargs()
    assert kwargs["ephemeral"] is True
    assert kwargs["embed"].colour == discord.Colour.red()


def test_long_title_and_footer_are_clipped() -> None:
    rendered = render(Reply(title="T" * 1000, footer="F" * 5000, description="d"))
    assert_within_limits(rendered.pages[0])
    assert rendered.pages[0].title.endswith("…")  # type: ignore[union-attr]


def test_long_field_values_continue_in_more_fields() -> None:
    value = "\n".join(f"- skill number {i}" for i in range(300))
    rendered = render(Reply(title="Skills", fields=[ReplyField(name="Asked for", value=value)]))
    names = [f.name for page in rendered.pages for f in page.fields]
    assert names[0] == "Asked for"
    assert all(n == "Asked for (cont.)" for n in names[1:])
    joined = "\n".join(f.value or "" for page in rendered.pages for f in page.fields)
    assert joined == value
    for page in rendered.pages:
        assert_within_limits(page)


def test_many_fields_become_pages_with_a_pager() -> None:
    fields = [ReplyField(name=f"#{i} Data Engineer", value="x" * 900) for i in range(60)]
    rendered = render(
        Reply(title="Postings", fields=fields, buttons=[ReplyButton(custom_id="fix:1", label="Fix")])
    )
    assert len(rendered.pages) > 2
    assert sum(len(p.fields) for p in rendered.pages) == 60
    for number, page in enumerate(rendered.pages, start=1):
        assert_within_limits(page)
        assert page.footer.text == f"Page {number}/{len(rendered.pages)}"
    view = rendered.view()
    assert isinstance(view, Pager)
    assert view.previous.disabled and not view.next.disabled


def test_huge_description_is_split_at_line_breaks() -> None:
    text = "\n".join(f"line {i} " + "y" * 80 for i in range(200))
    rendered = render(Reply(description=text))
    assert len(rendered.pages) >= 4
    assert "\n".join(p.description or "" for p in rendered.pages) == text
    for page in rendered.pages:
        assert_within_limits(page)


def test_chart_file_becomes_the_embed_image() -> None:
    reply = Reply(
        title="Pay",
        files=[ReplyFile(filename="pay.png", data=b"\x89PNG"), ReplyFile(filename="x.csv", data=b"a")],
    )
    rendered = render(reply)
    assert rendered.pages[0].image.url == "attachment://pay.png"
    files = rendered.channel_kwargs()["files"]
    assert [f.filename for f in files] == ["pay.png", "x.csv"]
    # Fresh File objects each time: discord.py closes them after sending.
    assert rendered.channel_kwargs()["files"][0] is not files[0]


def test_buttons_are_laid_out_in_rows_of_five() -> None:
    buttons = [ReplyButton(custom_id=f"b:{i}", label=f"B{i}") for i in range(12)]
    view = render(Reply(description="x", buttons=buttons)).view()
    assert view is not None
    rows = [item._row for item in view.children]  # type: ignore[attr-defined]
    assert rows == [i // BUTTONS_PER_ROW for i in range(12)]
    payload = view.to_components()
    assert all(len(row["components"]) <= BUTTONS_PER_ROW for row in payload)


def test_link_button() -> None:
    link = ReplyButton(
        custom_id="first", label="First posting", style="link", url="https://discord.com/channels/1/2/3"
    )
    view = render(Reply(description="Already saved", buttons=[link])).view()
    assert view is not None
    assert view.children[0].url == "https://discord.com/channels/1/2/3"  # type: ignore[attr-defined]


def test_split_text_hard_cuts_a_line_longer_than_the_limit() -> None:
    assert split_text("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]
    assert split_text("", 10) == ["\u200b"]


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(max_size=400),
    description=st.text(max_size=9000),
    fields=st.lists(
        st.tuples(st.text(max_size=300), st.text(max_size=2500), st.booleans()),
        max_size=40,
    ),
    footer=st.one_of(st.none(), st.text(max_size=3000)),
)
def test_any_reply_renders_within_limits(
    title: str, description: str, fields: list[tuple[str, str, bool]], footer: str | None
) -> None:
    reply = Reply(
        title=title or None,
        description=description or None,
        fields=[ReplyField(name=n, value=v, inline=i) for n, v, i in fields],
        footer=footer,
    )
    rendered = render(reply)
    assert rendered.pages
    for page in rendered.pages:
        assert_within_limits(page)


def test_empty_reply_still_renders_a_sendable_embed() -> None:
    page = render(Reply()).pages[0]
    assert page.description


# --- fitting a reply to one message -----------------------------------------------------------------


def test_fit_respects_every_limit() -> None:
    huge = Reply(
        title="T" * 500,
        description="D" * 5000,
        fields=[ReplyField(name="N" * 300, value="V" * 2000) for _ in range(40)]
        + [ReplyField(name="", value="")],
        footer="F" * 3000,
        buttons=[ReplyButton(custom_id="x" * 150, label="L" * 100) for _ in range(30)],
    )
    fitted = fit(huge)
    assert len(fitted.title or "") <= limits.TITLE_LIMIT
    assert len(fitted.description or "") <= limits.DESCRIPTION_LIMIT
    assert len(fitted.fields) <= limits.FIELDS_LIMIT
    assert all(
        len(f.name) <= limits.FIELD_NAME_LIMIT and len(f.value) <= limits.FIELD_VALUE_LIMIT
        for f in fitted.fields
    )
    assert all(f.name and f.value for f in fitted.fields)
    assert len(fitted.footer or "") <= limits.FOOTER_LIMIT
    assert limits.reply_size(fitted) <= limits.EMBED_TOTAL_LIMIT
    assert len(fitted.buttons) <= limits.BUTTONS_LIMIT
    assert all(
        len(b.custom_id) <= limits.CUSTOM_ID_LIMIT and len(b.label) <= limits.BUTTON_LABEL_LIMIT
        for b in fitted.buttons
    )
    assert "more not shown" in (fitted.footer or "")


def test_fit_leaves_small_replies_alone() -> None:
    small = Reply(title="Hi", description="there", fields=[ReplyField(name="a", value="b")], footer="f")
    assert fit(small) == small
