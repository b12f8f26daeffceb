"""Errors a command reports to the user, and the one mapping from known errors to a short reply."""

from __future__ import annotations

from commands.core.reply import Reply
from parsing import UnreadableInput
from store import InvalidInput, NotFound, SchemaOutOfDate, StoreError, StoreUnavailable, StoreWriteError


class UserFacingError(Exception):
    """An error whose message is written for the member as it stands (short, no internals)."""


class AttachmentError(UserFacingError):
    """An attachment that could not be downloaded or read."""


class CommandError(Exception):
    """Something the user can fix (a bad option, a missing permission). The message is shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def error_message(exc: BaseException) -> str | None:
    """A short, friendly message for a known error; None for anything unexpected (log it instead)."""
    if isinstance(exc, CommandError):
        return exc.message
    if isinstance(exc, UserFacingError):
        return str(exc)
    if isinstance(exc, StoreWriteError):
        return "That could not be saved (database error), so nothing was stored. Please try again."
    if isinstance(exc, NotFound | InvalidInput):
        return exc.message[:1].upper() + exc.message[1:]
    if isinstance(exc, SchemaOutOfDate):
        return "The database needs an upgrade before JobScout can use it (`jobscout db upgrade`)."
    if isinstance(exc, StoreUnavailable | StoreError):
        return "The database is not available right now. Please try again in a moment."
    if isinstance(exc, UnreadableInput):
        return f"That can't be read as a posting: {exc}."
    return None


def error_reply(exc: BaseException) -> Reply | None:
    message = error_message(exc)
    return Reply.error(message) if message else None
