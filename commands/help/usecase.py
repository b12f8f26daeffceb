"""/help: what JobScout can do, one line a command (the console lists its own spelling of them)."""

from __future__ import annotations

from commands.core.reply import Reply, ReplyField

COMMANDS = (
    ("/add", "save a posting: its text, a file, or a link (or paste it in a watched channel)"),
    ("/posting list | show | remove", "saved postings; Fix and Remove buttons under each card"),
    ("/salary ROLE", "pay percentiles for a role, per currency and seniority"),
    ("/compare A B [C]", "postings side by side"),
    ("/skills [ROLE]", "the skills asked for, and their pay"),
    ("/export", "this server's postings as CSV"),
    ("/digest", "the weekly digest: channel, schedule, preview, off, status"),
    ("/setup watch | unwatch | show", "which channels pastes are read from"),
)


def help_reply() -> Reply:
    return Reply(
        title="JobScout",
        description="Paste job postings; ask about their pay and skills.",
        fields=[ReplyField(name="Commands", value="\n".join(f"**{c}**: {what}" for c, what in COMMANDS))],
        ephemeral=True,
    )
