"""The use cases the front ends call, bound to one :class:`commands.services.Services`.

This is the single seam between the runtime (Discord cogs, the console) and :mod:`commands`: each
method forwards to the use case of the same name. Tests replace a method on an instance to inject a
delay or a fault without touching the cogs; nothing else lives here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from commands import digest
from commands.digest_schedule import DigestPolicy, timezone_choices
from commands.reply import Reply

SourceKind = Literal["message", "command", "url", "console"]


@dataclass(frozen=True)
class Source:
    """Where a posting came from, so a repost can link back to the first one."""

    kind: SourceKind
    user_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None
    url: str | None = None
    filename: str | None = None


@dataclass(frozen=True)
class Added:
    posting_id: int
    created: bool
    reply: Reply
    first_link: str | None = None  # the first posting's message, when this one is a repost


@dataclass(frozen=True)
class FixDraft:
    """The fields a member may correct, as they stand now (what the Fix modal is filled with)."""

    posting_id: int
    title: str | None
    company: str | None
    pay: str | None
    seniority: str | None


@dataclass(frozen=True)
class FixValues:
    title: str | None
    company: str | None
    pay: str | None
    seniority: str | None


class UseCases:
    def __init__(self, services: Any) -> None:
        self.services = services

    async def add_posting(self, guild_id: int, text: str, *, source: Source) -> Added:
        raise NotImplementedError

    async def show_posting(self, guild_id: int, posting_id: int) -> Reply:
        raise NotImplementedError

    async def list_postings(self, guild_id: int, *, query: str | None = None) -> Reply:
        raise NotImplementedError

    async def remove_posting(
        self, guild_id: int, posting_id: int, *, user_id: int, can_manage: bool
    ) -> Reply:
        raise NotImplementedError

    async def fix_draft(
        self, guild_id: int, posting_id: int, *, user_id: int, can_manage: bool
    ) -> FixDraft | Reply:
        raise NotImplementedError

    async def fix_posting(
        self, guild_id: int, posting_id: int, values: FixValues, *, user_id: int, can_manage: bool
    ) -> Reply:
        raise NotImplementedError

    async def posting_choices(self, guild_id: int, prefix: str) -> list[tuple[str, int]]:
        raise NotImplementedError

    async def role_choices(self, guild_id: int, prefix: str) -> list[str]:
        raise NotImplementedError

    async def salary(
        self,
        guild_id: int,
        role: str,
        *,
        location: str | None = None,
        seniority: str | None = None,
        currency: str | None = None,
    ) -> Reply:
        raise NotImplementedError

    async def compare(self, guild_id: int, posting_ids: list[int]) -> Reply:
        raise NotImplementedError

    async def skills(self, guild_id: int, role: str | None = None) -> Reply:
        raise NotImplementedError

    async def export(self, guild_id: int) -> Reply:
        raise NotImplementedError

    async def watched_channels(self, guild_id: int) -> set[int]:
        """The channels a server chose with /setup watch; empty means "use the configured names"."""
        raise NotImplementedError

    async def set_watched(self, guild_id: int, channel_id: int, watched: bool) -> set[int]:
        raise NotImplementedError

    async def digest_preview(self, guild_id: int, *, can_manage: bool = False) -> Reply | None:
        """This week's digest so far, for the caller only."""
        return await digest.digest_preview(self.services, self.digest_policy, guild_id, can_manage=can_manage)

    # --- the weekly digest (commands/digest.py); the digest cog sets digest_policy from the settings ---

    digest_policy: DigestPolicy = DigestPolicy()

    async def digest_status(self, guild_id: int, *, can_manage: bool) -> Reply:
        return await digest.digest_status(self.services, self.digest_policy, guild_id, can_manage=can_manage)

    async def digest_channel(
        self, guild_id: int, channel_id: int, *, can_manage: bool, bot_can_post: bool = True
    ) -> Reply:
        return await digest.digest_channel(
            self.services, self.digest_policy, guild_id, channel_id,
            can_manage=can_manage, bot_can_post=bot_can_post,
        )  # fmt: skip

    async def digest_schedule(
        self,
        guild_id: int,
        *,
        can_manage: bool,
        day: str | None = None,
        time: str | None = None,
        timezone: str | None = None,
    ) -> Reply:
        return await digest.digest_schedule(
            self.services, self.digest_policy, guild_id,
            can_manage=can_manage, day=day, at=time, timezone=timezone,
        )  # fmt: skip

    async def digest_off(self, guild_id: int, *, can_manage: bool) -> Reply:
        return await digest.digest_off(self.services, self.digest_policy, guild_id, can_manage=can_manage)

    async def timezone_choices(self, prefix: str) -> list[str]:
        return timezone_choices(prefix)
