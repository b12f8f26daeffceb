"""Which failures a member is told about, and in what words.

A *known* error is one the member can act on (a bad link, an unreadable file, a missing permission) or
one that is nobody's fault in particular (the database is down): it becomes one short sentence.
Anything else is a bug: the member gets a generic apology and the log gets the traceback with context.
"""

from __future__ import annotations

from dataclasses import dataclass

from discord import app_commands
from discord.ext import commands
from sqlalchemy import exc as sa_exc

from bot.fetch import FetchError
from commands.core.errors import CommandError, UserFacingError, error_message
from parsing import UnreadableInput
from store.errors import InvalidInput, NotFound, StoreError

UNEXPECTED = "Something went wrong on our side; it has been logged. Please try again later."
DATABASE_DOWN = "The database did not answer, so nothing was changed. Please try again in a moment."
TOO_SLOW = "That took too long and was stopped. Please try again in a moment."


@dataclass(frozen=True)
class Described:
    message: str
    expected: bool  # True: the member's doing or a refusal; logged quietly. False: logged as an error.


def _permission_names(perms: list[str]) -> str:
    return ", ".join(p.replace("_", " ").replace("guild", "server").title() for p in perms)


def sentence(text: str) -> str:
    """``text`` as a sentence: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def describe(error: BaseException) -> Described:
    """The sentence to show for ``error``, and whether it was expected."""
    if isinstance(error, app_commands.CommandInvokeError | commands.CommandInvokeError):
        error = error.original
    if isinstance(error, UserFacingError | FetchError):
        return Described(str(error), True)
    if isinstance(error, CommandError | NotFound | InvalidInput | UnreadableInput):
        return Described(sentence(error_message(error) or str(error)), True)
    if isinstance(error, StoreError):
        # Known, and worded by the commands layer, but a fault: logged as an error.
        return Described(sentence(error_message(error) or DATABASE_DOWN), False)
    if isinstance(error, app_commands.MissingPermissions | commands.MissingPermissions):
        return Described(
            f"You need the {_permission_names(error.missing_permissions)} permission for that.", True
        )
    if isinstance(error, app_commands.BotMissingPermissions | commands.BotMissingPermissions):
        names = _permission_names(error.missing_permissions)
        return Described(f"I need the {names} permission here; ask a server admin.", True)
    if isinstance(error, app_commands.NoPrivateMessage | commands.NoPrivateMessage):
        return Described("That works in a server, not in direct messages.", True)
    if isinstance(error, app_commands.CommandOnCooldown | commands.CommandOnCooldown):
        return Described(f"Slow down a little: try again in {error.retry_after:.0f} s.", True)
    if isinstance(error, commands.NotOwner):
        return Described("Only the bot's owners can do that.", True)
    if isinstance(error, app_commands.TransformerError | commands.BadArgument):
        return Described(f"That value was not understood: {error}", True)
    if isinstance(error, app_commands.CheckFailure | commands.CheckFailure):
        return Described("You can't use that here.", True)
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError | sa_exc.DisconnectionError):
        return Described(DATABASE_DOWN, False)
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return Described(DATABASE_DOWN, False)
    if isinstance(error, TimeoutError):
        return Described(TOO_SLOW, False)
    if isinstance(error, ConnectionRefusedError):
        return Described(DATABASE_DOWN, False)
    return Described(UNEXPECTED, False)
