"""The role counts of each server, read once and kept in step with this process's writes.

Role matching (every ``/salary``, every role autocomplete) chooses among a server's saved roles with
their numbers of postings; counting them groups the server's whole (guild, role) index, 15 ms of CPU at
100,000 postings, more than the rest of a ``/salary``. Here a server's counts are read once; a new
posting this process saves adds one to its role once committed, and any other write of the server
(removal, fix, import, reparse; or a write that failed, which may still commit after its deadline)
drops them, to be read again. Writes made by other processes (an import run from the command line) are
seen once the counts are ``max_age`` seconds old.

While a write of a server is under way no counts read for it are kept (their snapshot may be from
before or after it), so the counts a committed add adds one to were read before it began.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MAX_AGE_S = 60.0
ALL = None  # a write of every server (a reparse of all)
Version = tuple[int, int]  # (writes of every server, writes of this server) begun or ended


class RoleCounts:
    def __init__(self, max_age: float = MAX_AGE_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age = max_age
        self.clock = clock
        self._counts: dict[int, tuple[float, dict[str, int]]] = {}  # guild -> (read at, counts)
        self._writes: dict[int | None, int] = {}  # guild (or ALL) -> writes begun or ended
        self._pending: dict[int | None, int] = {}  # guild (or ALL) -> writes under way

    def get(self, guild_id: int) -> dict[str, int] | None:
        """A copy of the counts, or None when they must be read."""
        kept = self._counts.get(guild_id)
        if kept is None or self.clock() - kept[0] > self.max_age:
            return None
        return dict(kept[1])

    def version(self, guild_id: int) -> Version:
        """To give :meth:`put` back: taken before the read starts."""
        return self._writes.get(ALL, 0), self._writes.get(guild_id, 0)

    def put(self, guild_id: int, counts: dict[str, int], version: Version) -> None:
        """Keep counts read since :meth:`version` gave ``version``, unless a write began or ended since
        or is under way."""
        if (
            self.version(guild_id) == version
            and not self._pending.get(guild_id)
            and not self._pending.get(ALL)
        ):
            self._counts[guild_id] = (self.clock(), dict(counts))

    def begin(self, guild_id: int | None) -> None:
        """A write of the server's postings (ALL: of every server's) begins."""
        self._pending[guild_id] = self._pending.get(guild_id, 0) + 1
        self._writes[guild_id] = self._writes.get(guild_id, 0) + 1

    @contextmanager
    def changing(self, guild_id: int | None) -> Iterator[None]:
        """Around a write of the server's postings (ALL: of every server's) other than an add: its
        counts are read again after it, whatever its outcome."""
        self.begin(guild_id)
        try:
            yield
        finally:
            self.end(guild_id)

    def end(self, guild_id: int | None, *, kept: bool = False, added: str | None = None) -> None:
        """The write ended. ``kept``: the counts are still right, plus one posting of ``added`` (a
        role) if given; otherwise they are dropped."""
        self._pending[guild_id] -= 1
        self._writes[guild_id] += 1
        if guild_id is ALL:
            self._counts.clear()
            return
        counts = self._counts.get(guild_id)
        if counts is not None and not kept:
            del self._counts[guild_id]
        elif counts is not None and added:
            counts[1][added] = counts[1].get(added, 0) + 1
