"""Discord's size limits, enforced in one place so every reply fits (the console ignores them)."""

from __future__ import annotations

from commands.reply import Reply, ReplyButton, ReplyField

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
TOTAL = 6000
BUTTONS = 25
BUTTON_LABEL = 80
CUSTOM_ID = 100
FILES = 10
BLANK = "\u200b"  # Discord refuses empty field names and values
ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def _size(reply: Reply) -> int:
    return (
        len(reply.title or "")
        + len(reply.description or "")
        + len(reply.footer or "")
        + sum(len(f.name) + len(f.value) for f in reply.fields)
    )


def fit_discord(reply: Reply) -> Reply:
    """A copy of ``reply`` within Discord's embed, button and file limits.

    Each part is clipped to its own limit; if the whole is still over 6000 characters, fields are
    dropped from the end (with a note in the footer), then the description is shortened.
    """
    fields = [
        ReplyField(
            name=clip(f.name.strip() or BLANK, FIELD_NAME),
            value=clip(f.value.strip() or BLANK, FIELD_VALUE),
            inline=f.inline,
        )
        for f in reply.fields
    ]
    dropped = max(0, len(fields) - FIELDS)
    fields = fields[:FIELDS]
    fitted = reply.model_copy(
        update={
            "title": clip(reply.title, TITLE) if reply.title else reply.title,
            "description": clip(reply.description, DESCRIPTION) if reply.description else reply.description,
            "footer": clip(reply.footer, FOOTER) if reply.footer else reply.footer,
            "fields": fields,
            "buttons": [
                ReplyButton(
                    custom_id=b.custom_id[:CUSTOM_ID],
                    label=clip(b.label, BUTTON_LABEL),
                    style=b.style,
                    url=b.url,
                )
                for b in reply.buttons[:BUTTONS]
            ],
            "files": reply.files[:FILES],
        }
    )
    while _size(fitted) > TOTAL and fitted.fields:
        fitted.fields.pop()
        dropped += 1
    if dropped:
        note = f"{dropped} more not shown"
        fitted.footer = clip(f"{note} · {fitted.footer}" if fitted.footer else note, FOOTER)
    overflow = _size(fitted) - TOTAL
    if overflow > 0 and fitted.description:
        fitted.description = clip(fitted.description, max(1, len(fitted.description) - overflow))
    overflow = _size(fitted) - TOTAL
    if overflow > 0 and fitted.footer:
        fitted.footer = clip(fitted.footer, max(1, len(fitted.footer) - overflow))
    return fitted
