"""Reading posting text out of Discord attachments.

Discord turns a long paste into a ``message.txt`` attachment; members also drop ``.txt``, ``.md`` and
``.html`` files. Anything else (images, PDFs) is not ours to read and is skipped without a word. A
download that fails or a file we cannot decode raises :class:`AttachmentError` with a sentence for the
member: the poster must learn that their posting was not saved.
"""

from __future__ import annotations

import asyncio
from pathlib import PurePosixPath

import discord

from bot.errors import AttachmentError
from parsing import MAX_POSTING_BYTES, UnreadableInput, decode_posting

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
TEXT_TYPES = ("text/plain", "text/markdown", "text/html", "text/x-markdown")


def is_posting_file(attachment: discord.Attachment) -> bool:
    suffix = PurePosixPath(attachment.filename.lower()).suffix
    if suffix in TEXT_SUFFIXES:
        return True
    content_type = (attachment.content_type or "").split(";", 1)[0].strip().lower()
    return not suffix and content_type in TEXT_TYPES


async def read_text(attachment: discord.Attachment, *, max_bytes: int = MAX_POSTING_BYTES) -> str:
    """The decoded text of ``attachment`` (downloaded from Discord's CDN)."""
    name = attachment.filename
    if attachment.size > max_bytes:
        raise AttachmentError(
            f"{name} is too large to read ({attachment.size:,} bytes; limit {max_bytes:,})."
        )
    try:
        data = await attachment.read()
    except discord.NotFound:
        raise AttachmentError(f"Could not download {name}: Discord no longer has it.") from None
    except discord.HTTPException as exc:
        raise AttachmentError(f"Could not download {name} (HTTP {exc.status}); please try again.") from None
    except (OSError, TimeoutError) as exc:
        raise AttachmentError(
            f"Could not download {name} ({type(exc).__name__}); please try again."
        ) from None
    try:
        # Decoding a megabyte of text is CPU work: keep it off the event loop.
        return await asyncio.to_thread(decode_posting, data, max_bytes=max_bytes)
    except UnreadableInput as exc:
        raise AttachmentError(f"Could not read {name}: {exc}.") from None
