"""The use cases the front ends call, bound to one :class:`commands.services.Services`.

This is the single seam between the runtime (Discord cogs, the console) and :mod:`commands`: each
method forwards to the use case of the same name. Tests replace a method on an instance to inject a
delay or a fault without touching the cogs; nothing else lives here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Literal

from bot.answer_cache import AnswerCache
from commands import compare as compare_cmd
from commands import digest, postings
from commands import export as export_cmd
from commands import salary as salary_cmd
from commands import skills as skills_cmd
from commands.digest_schedule import DigestPolicy, timezone_choices
from commands.errors import CommandError
from commands.reply import Reply
from commands.services import Services
from store import FixField
from store import Source as StoreSource

SourceKind = Literal["message", "command", "url", "console"]
FIX_ORDER: tuple[FixField, ...] = ("title", "company", "pay", "seniority")
HEAVY_AT_ONCE = 2  # statistics (with charts) computed at the same time; the rest queue


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
    def __init__(
        self, services: Services, *, charts: bool = True, answers: AnswerCache | None = None
    ) -> None:
        self.services = services
        self.charts = charts
        # /salary and /compare answers, kept until the server's postings change (see AnswerCache).
        self.answers = answers if answers is not None else AnswerCache()
        self._running: dict[Hashable, asyncio.Future[Reply]] = {}
        # Statistics with charts cost a tenth of a second of CPU or more each; a burst of them would
        # hold every database connection and starve quick commands (an /add waits behind all of them).
        self._heavy = asyncio.Semaphore(HEAVY_AT_ONCE)

    async def _shared(self, key: Hashable, start: Callable[[], Awaitable[Reply]]) -> Reply:
        """One computation for identical questions asked at the same moment (a burst of the same
        /salary): later askers await the first one's answer. Only read-only use cases go through here,
        and nothing is kept once the answer is out, so nobody gets a stale reply."""
        running = self._running.get(key)
        if running is None:
            running = asyncio.ensure_future(self._limited(start))
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
        return await asyncio.shield(running)

    async def _answer(self, guild_id: int, key: Hashable, start: Callable[[], Awaitable[Reply]]) -> Reply:
        """A read-only answer that depends only on the server's postings: served from the answer cache
        while they are unchanged, otherwise computed (once for identical questions asked together) and
        kept under the data version read before the computation started."""
        cached = self.answers.get(guild_id, key)
        if cached is not None:
            return cached
        version = self.answers.version(guild_id)

        async def compute() -> Reply:
            reply = await start()
            self.answers.put(guild_id, version, key, reply)
            return reply

        return await self._shared((guild_id, key, version), compute)

    def _changed(self, guild_id: int) -> None:
        """Called after every write to a server's postings (and after a failed one: it may have
        committed part of its work), so no answer computed before it is served again."""
        self.answers.changed(guild_id)

    async def _limited(self, start: Callable[[], Awaitable[Reply]]) -> Reply:
        async with self._heavy:
            return await start()

    # --- postings --------------------------------------------------------------------------------

    async def add_posting(self, guild_id: int, text: str, *, source: Source) -> Added:
        try:
            outcome = await postings.add_posting(
                self.services,
                guild_id,
                text,
                source=_store_source(source),
                user_id=source.user_id,
                channel_id=source.channel_id,
                message_id=source.message_id,
            )
        finally:
            self._changed(guild_id)
        first = outcome.posting  # for a repost: the posting saved first, with where it was pasted
        link = None
        if not outcome.created and first.channel_id and first.message_id:
            link = f"https://discord.com/channels/{guild_id}/{first.channel_id}/{first.message_id}"
        return Added(
            posting_id=outcome.posting_id, created=outcome.created, reply=outcome.reply, first_link=link
        )

    async def show_posting(self, guild_id: int, posting_id: int) -> Reply:
        return await postings.show_posting(self.services, guild_id, posting_id)

    async def list_postings(self, guild_id: int, *, query: str | None = None, page: int = 0) -> Reply:
        return await postings.list_postings(self.services, guild_id, page=page, query=query)

    async def remove_posting(
        self, guild_id: int, posting_id: int, *, user_id: int, can_manage: bool
    ) -> Reply:
        try:
            return await postings.remove_posting(
                self.services, guild_id, posting_id, user_id=user_id, can_manage=can_manage
            )
        finally:
            self._changed(guild_id)

    async def fix_draft(self, guild_id: int, posting_id: int, *, user_id: int, can_manage: bool) -> FixDraft:
        """The Fix form's starting values; refuses (CommandError) whoever may not fix the posting."""
        view = await self.services.store.get_posting(guild_id, posting_id)
        if view is None:
            raise CommandError(f"There is no posting #{posting_id} in this server.")
        if not (can_manage or view.user_id == user_id):
            raise CommandError(
                f"Only the member who added #{posting_id} or a moderator (Manage Messages) can fix it."
            )
        pay = view.pay.text if view.pay is not None else None
        return FixDraft(posting_id, view.title, view.company, pay, view.seniority)

    async def fix_posting(
        self, guild_id: int, posting_id: int, values: FixValues, *, user_id: int, can_manage: bool
    ) -> Reply:
        """Apply every field that differs from the form's starting values (an emptied field: back to
        what the posting says). One use-case call per field; the last card shows them all."""
        draft = await self.fix_draft(guild_id, posting_id, user_id=user_id, can_manage=can_manage)
        reply: Reply | None = None
        changed: list[str] = []
        for field in FIX_ORDER:
            new, old = getattr(values, field), getattr(draft, field)
            if (new or None) == (old or None):
                continue
            try:
                reply = await postings.fix_posting(
                    self.services,
                    guild_id,
                    posting_id,
                    field,
                    new or "reset",
                    user_id=user_id,
                    can_manage=can_manage,
                )
            finally:
                self._changed(guild_id)
            changed.append(field)
        if reply is None:
            return Reply.notice(f"Nothing changed in #{posting_id}.")
        if len(changed) > 1:
            _, _, rest = (reply.description or "").partition("\n")
            note = f"Fixed the {', '.join(changed[:-1])} and {changed[-1]} of #{posting_id}."
            reply = reply.model_copy(update={"description": "\n".join(x for x in (note, rest) if x)})
        return reply

    async def posting_choices(self, guild_id: int, prefix: str) -> list[tuple[str, int]]:
        found = await postings.posting_choices(self.services, guild_id, prefix)
        return [(c.name, int(c.value)) for c in found if c.value.isdigit()]

    async def role_choices(self, guild_id: int, prefix: str) -> list[tuple[str, str]]:
        found = await postings.role_choices(self.services, guild_id, prefix)
        return [(c.name, c.value) for c in found]

    # --- questions -------------------------------------------------------------------------------

    async def salary(
        self,
        guild_id: int,
        role: str,
        *,
        location: str | None = None,
        seniority: str | None = None,
        currency: str | None = None,
    ) -> Reply:
        key = ("salary", role, location, seniority, currency, self.charts)
        return await self._answer(
            guild_id,
            key,
            lambda: salary_cmd.salary(
                self.services,
                guild_id,
                role,
                location=location,
                seniority=seniority,
                currency=currency,
                chart=self.charts,
            ),
        )

    async def compare(self, guild_id: int, posting_ids: list[int]) -> Reply:
        key = ("compare", tuple(posting_ids), self.charts)
        return await self._answer(
            guild_id,
            key,
            lambda: compare_cmd.compare(self.services, guild_id, posting_ids, chart=self.charts),
        )

    async def skills(self, guild_id: int, role: str | None = None) -> Reply:
        # Not kept: the answer depends on the clock (this week against the weeks before) too.
        key = ("skills", guild_id, role)
        return await self._shared(key, lambda: skills_cmd.skills(self.services, guild_id, role))

    async def export(self, guild_id: int) -> Reply:
        return await export_cmd.export(self.services, guild_id, "csv")

    async def digest_preview(self, guild_id: int, *, can_manage: bool = False) -> Reply | None:
        """This week's digest so far, for the caller only (see the digest block below)."""
        return await self._limited(
            lambda: digest.digest_preview(
                self.services, self.digest_policy, guild_id, can_manage=can_manage, chart=self.charts
            )
        )

    # --- server settings -------------------------------------------------------------------------

    async def watched_channels(self, guild_id: int) -> set[int]:
        """The channels a server chose with /setup watch; empty means "use the configured names"."""
        settings = await self.services.store.get_guild_settings(guild_id)
        return set(settings.watched_channel_ids)

    async def set_watched(self, guild_id: int, channel_id: int, watched: bool) -> set[int]:
        chosen = await self.watched_channels(guild_id)
        if watched:
            chosen.add(channel_id)
        else:
            chosen.discard(channel_id)
        updated = await self.services.store.update_guild_settings(
            guild_id, watched_channel_ids=sorted(chosen)
        )
        return set(updated.watched_channel_ids)

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


def _store_source(source: Source) -> StoreSource:
    if source.kind == "message":
        return "attachment" if source.filename else "message"
    if source.kind == "url":
        return "add_url"
    if source.kind == "command":
        return "add_file" if source.filename else "add_text"
    return "cli"
