"""The role counts of each server, read once and kept in step with this process's writes.

Role matching (every ``/salary``, every role autocomplete) chooses among a server's saved roles with
their numbers of postings; counting them groups the server's whole (guild, role) index, 11-15 ms of
CPU at 100,000 postings, more than the rest of a ``/salary``. Here a server's counts are read once; a
new posting this process saves adds one to its role once committed, and any other write of the server
(removal, fix, import, reparse; or an add that failed, which may still commit after its deadline)
drops them, to be read again. Writes made by other processes (an import run from the command line) are
seen once the counts are ``max_age`` seconds old.

Adds are the writes that never stop during a burst, so a read overlapping them must still be kept, or
every ``/salary`` of the burst counts again. On SQLite a read also gives the highest posting id ever
handed out in its snapshot (its *watermark*): one writer at a time means ids are handed out in commit
order, so an add whose new id is above the watermark committed after the snapshot and is not in the
counts, and one at or below it is. Adds that end while a read is under way are noted, and the read adds
those above its watermark before it keeps its counts; adds that end later add themselves to the kept
counts on the same condition. Where there is no watermark (PostgreSQL: sequence values are not handed
out in commit order) a read overlapping an add is not kept, as with every other write: while any write
of a server is under way, or once one began or ended since the read started, its counts are used for
that answer only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_AGE_S = 60.0
ALL = None  # a write of every server (a reparse of all)
Version = tuple[int, int]  # (writes of every server, writes of this server) begun or ended, adds aside


@dataclass(slots=True)
class _Kept:
    read_at: float
    counts: dict[str, int]
    watermark: int | None  # see the module's docstring; None: unknown


@dataclass(frozen=True, slots=True)
class Ticket:
    """A read of a server's counts under way (from :meth:`RoleCounts.reading`)."""

    guild_id: int
    version: Version
    adds: int  # adds of the server begun or ended before the read started
    noted: int  # where the adds ending from now on are noted for it


@dataclass(slots=True)
class _Guild:
    adds_under_way: int = 0
    adds_seen: int = 0  # adds begun or ended
    reads: int = 0  # reads under way
    ended: list[tuple[int | None, str | None]] | None = None  # (new id, role) of adds ended meanwhile


class RoleCounts:
    def __init__(self, max_age: float = MAX_AGE_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age = max_age
        self.clock = clock
        self._counts: dict[int, _Kept] = {}
        self._writes: dict[int | None, int] = {}  # guild (or ALL) -> writes begun or ended, adds aside
        self._pending: dict[int | None, int] = {}  # guild (or ALL) -> such writes under way
        self._guilds: dict[int, _Guild] = {}

    def _guild(self, guild_id: int) -> _Guild:
        state = self._guilds.get(guild_id)
        if state is None:
            state = self._guilds[guild_id] = _Guild()
        return state

    def get(self, guild_id: int) -> dict[str, int] | None:
        """A copy of the counts, or None when they must be read."""
        kept = self._counts.get(guild_id)
        if kept is None or self.clock() - kept.read_at > self.max_age:
            return None
        return dict(kept.counts)

    def version(self, guild_id: int) -> Version:
        return self._writes.get(ALL, 0), self._writes.get(guild_id, 0)

    # --- reads

    def reading(self, guild_id: int) -> Ticket:
        """A read of the counts starts (give the ticket to :meth:`put`, then to :meth:`done`)."""
        state = self._guild(guild_id)
        state.reads += 1
        if state.ended is None:
            state.ended = []
        return Ticket(guild_id, self.version(guild_id), state.adds_seen, len(state.ended))

    def current(self, ticket: Ticket) -> bool:
        """Whether no write other than an add began or ended since the read started: a caller that
        comes now may take its answer."""
        return self.version(ticket.guild_id) == ticket.version

    def put(self, ticket: Ticket, counts: dict[str, int], watermark: int | None) -> dict[str, int]:
        """The counts read (``watermark``: see the module's docstring), with the adds that committed
        after their snapshot and have ended; kept unless another write began or ended since the read
        started or is under way (or, without a watermark, an add did or is)."""
        guild_id = ticket.guild_id
        state = self._guild(guild_id)
        assert state.ended is not None  # reading() started the notes
        counts = dict(counts)
        if watermark is not None:
            for new_id, role in state.ended[ticket.noted :]:
                if role and new_id is not None and new_id > watermark:
                    counts[role] = counts.get(role, 0) + 1
        quiet = watermark is not None or (state.adds_seen == ticket.adds and not state.adds_under_way)
        if quiet and self.current(ticket) and not self._pending.get(guild_id) and not self._pending.get(ALL):
            self._counts[guild_id] = _Kept(self.clock(), dict(counts), watermark)
        return counts

    def done(self, ticket: Ticket) -> None:
        """The read ended (after :meth:`put`, or failed)."""
        state = self._guild(ticket.guild_id)
        state.reads -= 1
        if not state.reads:
            state.ended = None

    # --- adds

    def adding(self, guild_id: int) -> None:
        """An add to the server begins."""
        state = self._guild(guild_id)
        state.adds_under_way += 1
        state.adds_seen += 1

    def added(self, guild_id: int, new_id: int | None, role: str | None) -> None:
        """The add committed: ``new_id`` the posting it created (None: it linked a repost)."""
        state = self._guild(guild_id)
        state.adds_under_way -= 1
        state.adds_seen += 1
        if state.ended is not None:
            state.ended.append((new_id, role))
        kept = self._counts.get(guild_id)
        if kept is None or new_id is None or not role:
            return
        if kept.watermark is None or new_id > kept.watermark:
            kept.counts[role] = kept.counts.get(role, 0) + 1

    def add_failed(self, guild_id: int) -> None:
        """The add raised: it may still commit (after its deadline), so the counts go."""
        state = self._guild(guild_id)
        state.adds_under_way -= 1
        state.adds_seen += 1
        self.begin(guild_id)
        self.end(guild_id)

    # --- other writes

    def begin(self, guild_id: int | None) -> None:
        """A write of the server's postings (ALL: of every server's) other than an add begins."""
        self._pending[guild_id] = self._pending.get(guild_id, 0) + 1
        self._writes[guild_id] = self._writes.get(guild_id, 0) + 1

    def end(self, guild_id: int | None) -> None:
        """That write ended, whatever its outcome: the counts are dropped."""
        self._pending[guild_id] -= 1
        self._writes[guild_id] += 1
        if guild_id is ALL:
            self._counts.clear()
        else:
            self._counts.pop(guild_id, None)

    @contextmanager
    def changing(self, guild_id: int | None) -> Iterator[None]:
        """Around a write of the server's postings (ALL: of every server's) other than an add: its
        counts are read again after it, whatever its outcome."""
        self.begin(guild_id)
        try:
            yield
        finally:
            self.end(guild_id)
