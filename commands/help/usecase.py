"""/help, the introduction sent when JobScout joins a server, and the answer to a mention.

What it says depends on how the bot runs: with the message-content intent members paste postings in
watched channels; without it (``discord.message_content = false``) they save them with the message
menu or /add. Either way one short reply: the commands, how postings get in, where the digest goes,
and what is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from commands.core.reply import Reply, ReplyField

COMMANDS = (
    ("/add", "save a posting: its text, a file or a link; with no option, a form for long text"),
    ("/posting list | show | remove", "saved postings; Fix, Fix more and Remove buttons under each card"),
    ("/salary ROLE", "pay percentiles for a role, per currency and seniority"),
    ("/compare A B [C]", "postings side by side"),
    ("/skills [ROLE]", "the skills asked for, and their pay"),
    ("/digest", "the weekly digest: channel, schedule, preview, status, off"),
    ("/export", "this server's postings as CSV (Manage Server)"),
    ("/setup watch | unwatch | show", "which channels pastes are read from (Manage Server)"),
)
SAVE_MENU = "Save to JobScout"
PRIVACY = (
    "JobScout keeps the postings saved here and who added them, for this server only; a posting's "
    "poster or a moderator can remove it, and /export leaves member ids out unless an admin asks."
)


def _how_postings_get_in(pastes: bool, watch_names: Sequence[str]) -> str:
    menu = f"right-click (or long-press) any message → Apps → **{SAVE_MENU}**, or use /add"
    if not pastes:
        return f"To save a posting, {menu}."
    channels = ", ".join(f"#{name.lstrip('#')}" for name in watch_names) or "the channels chosen with /setup"
    return (
        f"Paste a posting (text, or a .txt/.md/.html file) in a watched channel ({channels}, unless a "
        f"server admin picked others with /setup watch) and JobScout answers with a card; chat there is "
        f"left alone. Anywhere else, {menu}."
    )


def help_reply(*, pastes: bool = True, watch_names: Sequence[str] = ()) -> Reply:
    return Reply(
        title="JobScout",
        description="Save job postings; ask what roles pay and which skills they want.",
        fields=[
            ReplyField(name="Commands", value="\n".join(f"**{c}**: {what}" for c, what in COMMANDS)),
            ReplyField(name="Saving postings", value=_how_postings_get_in(pastes, watch_names)),
            ReplyField(
                name="The weekly digest",
                value="Posted once a week in the channel a server admin sets with /digest channel "
                "(nothing is posted until one is set); /digest preview shows this week's so far.",
            ),
            ReplyField(name="Privacy", value=PRIVACY),
        ],
        ephemeral=True,
    )


def welcome_reply(*, pastes: bool = True, watch_names: Sequence[str] = ()) -> Reply:
    """The one message JobScout sends when it joins a server."""
    reply = help_reply(pastes=pastes, watch_names=watch_names)
    return reply.model_copy(
        update={
            "title": "Hello! JobScout is here",
            "description": "I read job postings members share and answer what roles pay. "
            "A server admin can start with /setup watch and /digest channel. /help shows this again.",
            "ephemeral": False,
        }
    )


def mention_reply(*, pastes: bool = True, watch_names: Sequence[str] = ()) -> Reply:
    """The answer to "@JobScout ..." (anything that is not an owner command)."""
    reply = help_reply(pastes=pastes, watch_names=watch_names)
    return reply.model_copy(update={"ephemeral": False})
