"""Answers to read-only questions (/salary, /compare), kept while the server's postings are unchanged.

Every server has a *data version*, a counter the use cases bump whenever one of its postings is added,
removed or fixed. An answer is stored with the version it was computed at (read *before* the query
starts, so an answer can only be fresher than its version, never older) and is served only while the
server is still at that version: the first write after it makes every stored answer of that server
unreachable, and they are dropped. Keys always include the server, so nothing is shared between
servers.

Writes this process does not see (``jobscout import`` or ``reparse`` run beside the bot on the same
database) are picked up when an answer reaches ``max_age``. Memory is bounded by ``max_entries``
(least recently used first out); a /salary answer with its chart is some tens of kilobytes.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

from commands.core.reply import Reply

MAX_ENTRIES = 512
MAX_AGE_SECONDS = 300.0
HEAVY_AT_ONCE = 2  # statistics (with charts) computed at the same time; the rest queue


@dataclass(frozen=True, slots=True)
class _Entry:
    version: int
    stored_at: float
    reply: Reply


class AnswerCache:
    def __init__(
        self,
        *,
        max_entries: int = MAX_ENTRIES,
        max_age: float = MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.max_age = max_age
        self.clock = clock
        self._versions: dict[int, int] = {}
        self._entries: OrderedDict[tuple[int, Hashable], _Entry] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def version(self, guild_id: int) -> int:
        """The server's data version: read it before computing an answer to store under it."""
        return self._versions.get(guild_id, 0)

    def changed(self, guild_id: int) -> None:
        """The server's postings changed (or may have): its stored answers are no longer served."""
        self._versions[guild_id] = self.version(guild_id) + 1
        for key in [k for k in self._entries if k[0] == guild_id]:
            del self._entries[key]

    def get(self, guild_id: int, key: Hashable) -> Reply | None:
        entry = self._entries.get((guild_id, key))
        if entry is None or entry.version != self.version(guild_id):
            self.misses += 1
            return None
        if self.clock() - entry.stored_at > self.max_age:
            del self._entries[(guild_id, key)]
            self.misses += 1
            return None
        self._entries.move_to_end((guild_id, key))
        self.hits += 1
        return entry.reply.model_copy(deep=True)  # callers may adjust their copy

    def put(self, guild_id: int, version: int, key: Hashable, reply: Reply) -> None:
        """Store ``reply``, computed from data at least as new as ``version``; ignored if the server
        has changed since (the answer may already be out of date)."""
        if version != self.version(guild_id) or self.max_entries <= 0:
            return
        self._entries[(guild_id, key)] = _Entry(version, self.clock(), reply.model_copy(deep=True))
        self._entries.move_to_end((guild_id, key))
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class Answers:
    """How read-only answers are computed: kept in the :class:`AnswerCache` while the server's postings
    are unchanged, computed once for identical questions asked at the same moment, and at most
    ``HEAVY_AT_ONCE`` heavy ones at a time."""

    def __init__(self, cache: AnswerCache | None = None) -> None:
        self.cache = cache if cache is not None else AnswerCache()
        self._running: dict[Hashable, asyncio.Future[Reply]] = {}
        # Statistics with charts cost a tenth of a second of CPU or more each; a burst of them would
        # hold every database connection and starve quick commands (an /add waits behind all of them).
        self._heavy = asyncio.Semaphore(HEAVY_AT_ONCE)

    async def shared(self, key: Hashable, start: Callable[[], Awaitable[Reply]]) -> Reply:
        """One computation for identical questions asked at the same moment (a burst of the same
        /salary): later askers await the first one's answer. Only read-only use cases go through here,
        and nothing is kept once the answer is out, so nobody gets a stale reply."""
        running = self._running.get(key)
        if running is None:
            running = asyncio.ensure_future(self.limited(start))
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
        return await asyncio.shield(running)

    async def answer(self, guild_id: int, key: Hashable, start: Callable[[], Awaitable[Reply]]) -> Reply:
        """A read-only answer that depends only on the server's postings: served from the cache while
        they are unchanged, otherwise computed (once for identical questions asked together) and kept
        under the data version read before the computation started."""
        cached = self.cache.get(guild_id, key)
        if cached is not None:
            return cached
        version = self.cache.version(guild_id)

        async def compute() -> Reply:
            reply = await start()
            self.cache.put(guild_id, version, key, reply)
            return reply

        return await self.shared((guild_id, key, version), compute)

    def changed(self, guild_id: int) -> None:
        """Called after every write to a server's postings (and after a failed one: it may have
        committed part of its work), so no answer computed before it is served again."""
        self.cache.changed(guild_id)

    async def limited(self, start: Callable[[], Awaitable[Reply]]) -> Reply:
        async with self._heavy:
            return await start()
