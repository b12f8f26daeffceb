"""A command's :class:`~commands.core.reply.Reply` rendered for Discord: embeds, files and buttons within
limits. This is the only module that knows Discord's size limits (the console ignores them).

Discord refuses a message over its limits (2000 characters of content; an embed's title 256, description
4096, 25 fields of 1024, footer 2048, 6000 characters in all), so nothing here trusts the length of what a
use case produced: long descriptions and field values are cut at line boundaries into pages, and a reply
of several pages gets Previous/Next buttons. Everything is sent with no allowed mentions, because replies
echo what members pasted.

:func:`fit` makes a reply one message (each part clipped, fields dropped from the end past 6000
characters); the bot fits every reply before rendering it, so pages are only the last resort.

Buttons are rendered as plain components; the handlers are the cogs' dynamic items, matched on
``custom_id`` (:mod:`commands.core.ids`), so they keep working after a restart and no per-message view
is stored.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import discord

from commands.core.reply import Reply, ReplyButton, ReplyField, ReplyFile

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
BUTTON_LABEL_LIMIT = 80
CUSTOM_ID_LIMIT = 100
BUTTONS_PER_ROW = 5
ROWS_LIMIT = 5
FILES_LIMIT = 10
BUTTONS_LIMIT = 25
BLANK = "\u200b"  # Discord refuses empty field names and values
ELLIPSIS = "…"
# Leave room for the "Page 2/3" footer suffix and rounding.
_PAGE_BUDGET = EMBED_TOTAL_LIMIT - 100

COLOURS = {
    "info": discord.Colour.blurple(),
    "notice": discord.Colour.gold(),
    "error": discord.Colour.red(),
}
BUTTON_STYLES = {
    "primary": discord.ButtonStyle.primary,
    "secondary": discord.ButtonStyle.secondary,
    "danger": discord.ButtonStyle.danger,
    "link": discord.ButtonStyle.link,
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
NO_MENTIONS = discord.AllowedMentions.none()


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def reply_size(reply: Reply) -> int:
    """Characters of ``reply`` Discord counts against an embed's 6000."""
    return (
        len(reply.title or "")
        + len(reply.description or "")
        + len(reply.footer or "")
        + sum(len(f.name) + len(f.value) for f in reply.fields)
    )


def fit(reply: Reply) -> Reply:
    """A copy of ``reply`` within Discord's embed, button and file limits, as one message.

    Each part is clipped to its own limit; if the whole is still over 6000 characters, fields are
    dropped from the end (with a note in the footer), then the description is shortened.
    """
    fields = [
        ReplyField(
            name=clip(f.name.strip() or BLANK, FIELD_NAME_LIMIT),
            value=clip(f.value.strip() or BLANK, FIELD_VALUE_LIMIT),
            inline=f.inline,
        )
        for f in reply.fields
    ]
    dropped = max(0, len(fields) - FIELDS_LIMIT)
    fields = fields[:FIELDS_LIMIT]
    fitted = reply.model_copy(
        update={
            "title": clip(reply.title, TITLE_LIMIT) if reply.title else reply.title,
            "description": (
                clip(reply.description, DESCRIPTION_LIMIT) if reply.description else reply.description
            ),
            "footer": clip(reply.footer, FOOTER_LIMIT) if reply.footer else reply.footer,
            "fields": fields,
            "buttons": [
                ReplyButton(
                    custom_id=b.custom_id[:CUSTOM_ID_LIMIT],
                    label=clip(b.label, BUTTON_LABEL_LIMIT),
                    style=b.style,
                    url=b.url,
                )
                for b in reply.buttons[:BUTTONS_LIMIT]
            ],
            "files": reply.files[:FILES_LIMIT],
        }
    )
    while reply_size(fitted) > EMBED_TOTAL_LIMIT and fitted.fields:
        fitted.fields.pop()
        dropped += 1
    if dropped:
        note = f"{dropped} more not shown"
        fitted.footer = clip(f"{note} · {fitted.footer}" if fitted.footer else note, FOOTER_LIMIT)
    overflow = reply_size(fitted) - EMBED_TOTAL_LIMIT
    if overflow > 0 and fitted.description:
        fitted.description = clip(fitted.description, max(1, len(fitted.description) - overflow))
    overflow = reply_size(fitted) - EMBED_TOTAL_LIMIT
    if overflow > 0 and fitted.footer:
        fitted.footer = clip(fitted.footer, max(1, len(fitted.footer) - overflow))
    return fitted


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in chunks of at most ``limit`` characters, cut at line breaks where possible."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while len(line) > limit:  # a single line longer than a chunk: cut it hard
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) > limit:
            chunks.append(current)
            current = ""
        current += line
    if current or not chunks:
        chunks.append(current)
    return [chunk.rstrip("\n") or "\u200b" for chunk in chunks]


def _fields(reply_fields: list[ReplyField]) -> Iterator[tuple[str, str, bool]]:
    """Each field with a non-empty name and value, long values continued in extra fields."""
    for f in reply_fields:
        name = clip(f.name.strip() or "\u200b", FIELD_NAME_LIMIT)
        parts = split_text(f.value.strip() or "—", FIELD_VALUE_LIMIT)
        for i, part in enumerate(parts):
            label = name if i == 0 else clip(f"{f.name.strip()} (cont.)", FIELD_NAME_LIMIT)
            yield label, part, f.inline and len(parts) == 1


@dataclass
class Rendered:
    """A reply ready to send: one embed per page, file contents, button specs."""

    pages: list[discord.Embed]
    files: list[ReplyFile] = field(default_factory=list)
    buttons: list[ReplyButton] = field(default_factory=list)
    ephemeral: bool = False

    def discord_files(self) -> list[discord.File]:
        """Fresh File objects (discord.py consumes them on send)."""
        return [
            discord.File(io.BytesIO(f.data), filename=f.filename, description=f.description)
            for f in self.files[:FILES_LIMIT]
        ]

    def view(self, page: int = 0) -> discord.ui.View | None:
        if len(self.pages) > 1:
            return Pager(self, page)
        return StaticView(self.buttons) if self.buttons else None

    def channel_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Messageable.send`` / ``Message.reply``."""
        kwargs: dict[str, Any] = {
            "embed": self.pages[0],
            "files": self.discord_files(),
            "allowed_mentions": NO_MENTIONS,
        }
        view = self.view()
        if view is not None:
            kwargs["view"] = view
        return kwargs

    def interaction_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``InteractionResponse.send_message`` and ``Webhook.send`` (followups)."""
        return {**self.channel_kwargs(), "ephemeral": self.ephemeral}


def render(reply: Reply) -> Rendered:
    """Render ``reply`` as embeds within Discord's limits, splitting into pages when it does not fit one."""
    colour = COLOURS.get(reply.kind, COLOURS["info"])
    title = clip(reply.title, TITLE_LIMIT) if reply.title else None
    footer = clip(reply.footer, FOOTER_LIMIT - 20) if reply.footer else None
    descriptions: list[str | None] = (
        list(split_text(reply.description, DESCRIPTION_LIMIT)) if reply.description else [None]
    )
    if not (title or reply.description or reply.fields):
        descriptions = ["\u200b"]  # Discord refuses an empty embed
    image = next((f.filename for f in reply.files if f.filename.lower().endswith(IMAGE_SUFFIXES)), None)

    def new_page(description: str | None) -> discord.Embed:
        embed = discord.Embed(title=title, description=description, colour=colour)
        if reply.url and reply.url.startswith(("http://", "https://")):
            embed.url = reply.url
        return embed

    pages = [new_page(d) for d in descriptions]
    fixed = len(title or "") + len(footer or "") + 20
    page = pages[-1]
    for name, value, inline in _fields(reply.fields):
        size = len(name) + len(value)
        used = fixed + len(page.description or "") + _fields_size(page)
        if len(page.fields) >= FIELDS_LIMIT or used + size > _PAGE_BUDGET:
            page = new_page(None)
            pages.append(page)
        page.add_field(name=name, value=value, inline=inline)

    for number, embed in enumerate(pages, start=1):
        text = footer or ""
        if len(pages) > 1:
            text = f"{text} · Page {number}/{len(pages)}" if text else f"Page {number}/{len(pages)}"
        if text:
            embed.set_footer(text=text)
    if image is not None:
        pages[0].set_image(url=f"attachment://{image}")
    buttons = [b for b in reply.buttons if b.url or len(b.custom_id) <= CUSTOM_ID_LIMIT]
    return Rendered(pages=pages, files=list(reply.files), buttons=buttons, ephemeral=reply.ephemeral)


def to_discord(reply: Reply) -> Rendered:
    """What the bot sends for ``reply``: fitted to one message, then rendered."""
    return render(fit(reply))


def _fields_size(embed: discord.Embed) -> int:
    return sum(len(f.name or "") + len(f.value or "") for f in embed.fields)


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts against the 6000 limit."""
    footer = embed.footer.text if embed.footer else None
    return len(embed.title or "") + len(embed.description or "") + _fields_size(embed) + len(footer or "")


def _button(spec: ReplyButton, row: int) -> discord.ui.Button[Any]:
    label = clip(spec.label, BUTTON_LABEL_LIMIT)
    if spec.style == "link" or spec.url:
        return discord.ui.Button(label=label, url=spec.url, style=discord.ButtonStyle.link, row=row)
    return discord.ui.Button(label=label, custom_id=spec.custom_id, style=BUTTON_STYLES[spec.style], row=row)


class StaticView(discord.ui.View):
    """Buttons whose handlers live elsewhere (dynamic items): never stored, never timed out."""

    def __init__(self, buttons: list[ReplyButton], *, first_row: int = 0) -> None:
        super().__init__(timeout=None)
        for i, spec in enumerate(buttons[: BUTTONS_PER_ROW * (ROWS_LIMIT - first_row)]):
            self.add_item(_button(spec, first_row + i // BUTTONS_PER_ROW))

    def is_dispatchable(self) -> bool:
        return False


class Pager(discord.ui.View):
    """Previous/Next over the pages of one reply. Pages live in memory for ``timeout`` seconds."""

    def __init__(self, rendered: Rendered, page: int = 0, *, timeout: float = 900.0) -> None:
        super().__init__(timeout=timeout)
        self.rendered = rendered
        self.page = page
        for i, spec in enumerate(rendered.buttons[: BUTTONS_PER_ROW * (ROWS_LIMIT - 1)]):
            button = _button(spec, 1 + i // BUTTONS_PER_ROW)
            self.add_item(button)
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= len(self.rendered.pages) - 1

    async def _show(self, interaction: discord.Interaction[Any], page: int) -> None:
        self.page = max(0, min(page, len(self.rendered.pages) - 1))
        self._sync()
        await interaction.response.edit_message(embed=self.rendered.pages[self.page], view=self)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, row=0)
    async def previous(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary, row=0)
    async def next(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]) -> None:
        await self._show(interaction, self.page + 1)
