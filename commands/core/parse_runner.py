"""Parsing pastes in worker processes, each under a hard time budget.

The parser is linear on every input we know of, but a paste is untrusted text: a pattern nobody has
thought of yet must cost one answer ("took too long"), never the bot. So every parse runs in a worker
process; one that overruns its budget is killed (the only way to really stop CPU work in Python) and
replaced. Pastes are parsed concurrently, one per worker, in two lanes: postings of ordinary size never
queue behind large ones, so a flood of crafted megabyte pastes cannot delay a normal card.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from parsing.models import Posting

log = logging.getLogger(__name__)

# Most postings are a few KB; anything from here up goes to the lane of large pastes.
LARGE_PASTE_CHARS = 40_000
# A worker imports the parser and loads its tables before its first parse (under a second, idle).
_START_SECONDS = 60.0


class ParseOverBudget(Exception):
    """The parse ran past its budget and its worker was stopped."""


class ParseFailed(Exception):
    """The parser raised, or its worker died."""


# A small posting with a header, a pay figure and a requirements section whose sentences name skills
# both by name and by their action ("reconcile accounts"), so that every reader runs once.
_WARM_UP_POSTING = (
    "Backend Engineer at Example GmbH, Berlin, 60k EUR\n\n"
    "Requirements: Python and PostgreSQL; you reconcile accounts and write test plans.\n"
)


def warm_up() -> None:
    """Build the tables the parser makes on first use (the skill index, the skills reader's
    paraphrase table, the place tables) before a worker reports ready, so the first member's paste
    is not the one that pays for them."""
    from parsing import parse_posting

    parse_posting(_WARM_UP_POSTING)


def _serve(conn: Connection) -> None:
    """A worker's life: parse each text it is sent, answer with the Posting or the error's name."""
    from parsing import parse_posting

    warm_up()
    conn.send(("ready", None))
    while True:
        try:
            text = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", parse_posting(text)))
        except Exception as exc:  # the parent decides what a failed parse means
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _consume(sent: asyncio.Future[None]) -> None:
    """A send cut short by a stopped worker fails; that is expected and already answered."""
    if not sent.cancelled():
        sent.exception()


def _settle(ready: asyncio.Future[None]) -> None:
    if not ready.done():
        ready.set_result(None)


@dataclass(eq=False)  # a worker is itself, not its fields: kept in a set
class _Worker:
    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        # Killed first: a thread still writing to the pipe then fails at once instead of waiting.
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


@dataclass
class _Lane:
    name: str
    size: int
    idle: asyncio.Queue[_Worker] = field(default_factory=asyncio.Queue)
    started: int = 0


class ParseRunner:
    """``await runner.parse(text)``: the Posting, or ParseOverBudget / ParseFailed.

    Workers start on first use (a bot that never sees a paste never pays for them) and are replaced
    when one is killed or dies."""

    def __init__(self, *, workers: int = 2, large_workers: int = 1, budget_seconds: float = 3.0) -> None:
        self.budget = budget_seconds
        self._small = _Lane("small", max(1, workers))
        self._large = _Lane("large", max(1, large_workers))
        self._all: set[_Worker] = set()
        self._starting: set[asyncio.Task[None]] = set()
        self._context = multiprocessing.get_context("spawn")
        self._closed = False

    async def parse(self, text: str) -> Posting:
        if self._closed:
            raise ParseFailed("the parser is shut down")
        lane = self._large if len(text) >= LARGE_PASTE_CHARS else self._small
        await self._fill(lane)
        worker = await lane.idle.get()
        try:
            outcome = await self._run(worker, text)
        except BaseException:
            # Overran, died, or the paste's task was cancelled mid-parse: the worker's state is
            # unknown, so it is replaced rather than reused.
            self._all.discard(worker)
            lane.started -= 1
            replacing = asyncio.ensure_future(self._replace(lane, worker))  # off the answer's path
            self._starting.add(replacing)
            replacing.add_done_callback(self._started)
            raise
        await lane.idle.put(worker)
        return outcome

    def start(self) -> None:
        """Start the workers in the background, so the first paste does not wait for them."""
        for lane in (self._small, self._large):
            task = asyncio.ensure_future(self._fill(lane))
            self._starting.add(task)
            task.add_done_callback(self._started)

    def _started(self, task: asyncio.Task[None]) -> None:
        self._starting.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a parse worker did not start: %s", task.exception())

    async def _replace(self, lane: _Lane, worker: _Worker) -> None:
        await asyncio.to_thread(worker.stop)
        if not self._closed:
            await self._fill(lane)

    async def _fill(self, lane: _Lane) -> None:
        while lane.started < lane.size:
            lane.started += 1
            try:
                worker = await asyncio.to_thread(self._spawn)
            except BaseException:
                lane.started -= 1
                raise
            await lane.idle.put(worker)

    async def _run(self, worker: _Worker, text: str) -> Posting:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = worker.conn.fileno()
        # A megabyte through a pipe waits on the worker to drain it: off the event loop, and within
        # the budget (a worker that stopped reading is stopped like one that stopped answering).
        sending = asyncio.ensure_future(asyncio.to_thread(worker.conn.send, text))
        sending.add_done_callback(_consume)
        loop.add_reader(fd, _settle, ready)
        try:
            async with asyncio.timeout(self.budget):
                await sending
                await ready
        except TimeoutError:
            log.warning("parse of %d characters stopped after %.1f s", len(text), self.budget)
            raise ParseOverBudget(f"over the {self.budget:g} s budget") from None
        finally:
            loop.remove_reader(fd)
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise ParseFailed(f"the parse worker died ({type(exc).__name__})") from None
        if kind != "ok":
            raise ParseFailed(value)
        assert isinstance(value, Posting)
        return value

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child,), name="jobscout-parse", daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        # The first parse's budget must not pay for the worker's start (imports, tables).
        if not parent.poll(_START_SECONDS) or parent.recv()[0] != "ready":
            worker.stop()
            raise ParseFailed("a parse worker did not start")
        self._all.add(worker)
        return worker

    async def close(self) -> None:
        self._closed = True
        for task in list(self._starting):
            task.cancel()
        await asyncio.gather(*self._starting, return_exceptions=True)
        workers, self._all = list(self._all), set()
        for worker in workers:
            with contextlib.suppress(OSError):
                await asyncio.to_thread(worker.stop)
