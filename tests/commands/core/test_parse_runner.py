"""Pastes parsed in worker processes under a budget: a stopped or dead worker costs one answer, is
replaced, and a paste of ordinary size never waits behind a large one."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from commands.core.errors import CommandError
from commands.core.parse_runner import LARGE_PASTE_CHARS, ParseFailed, ParseOverBudget, ParseRunner
from commands.core.services import Services
from commands.postings.usecase import Origin, add_posting
from parsing import parse_posting
from store.db.tables import POSTINGS
from tests.factories import JOB_AD_LINES, pasted_text, posting_text

GUILD = 4016
# Long enough to go to the lane of large pastes, and to take far longer than a tenth of a millisecond.
LARGE = (
    "Platform Engineer\nSalary: $140,000 - $170,000\n"
    + JOB_AD_LINES
    + "Kubernetes and Go. " * (LARGE_PASTE_CHARS // 10)
)
# Generous: these tests are about what happens, not how fast; a busy machine must not fail them.
ROOMY_BUDGET = 60.0


@pytest.fixture
async def runner() -> AsyncIterator[ParseRunner]:
    parse_runner = ParseRunner(workers=1, large_workers=1, budget_seconds=ROOMY_BUDGET)
    try:
        yield parse_runner
    finally:
        await parse_runner.close()


def _worker_pids(runner: ParseRunner) -> set[int]:
    return {w.process.pid for w in runner._all if w.process.pid is not None}


async def test_a_worker_reads_a_posting_as_the_parser_does(runner: ParseRunner) -> None:
    text = posting_text(7)
    assert await runner.parse(text) == parse_posting(text)


async def test_a_parse_over_budget_is_stopped_and_its_worker_replaced(runner: ParseRunner) -> None:
    await runner.parse(LARGE)
    before = _worker_pids(runner)
    runner.budget = 1e-4
    with pytest.raises(ParseOverBudget):
        await runner.parse(LARGE)
    runner.budget = ROOMY_BUDGET
    assert (await runner.parse(LARGE)).salary is not None  # on the worker that replaced it
    assert _worker_pids(runner) and _worker_pids(runner).isdisjoint(before)


async def test_a_worker_that_dies_costs_one_parse_only(runner: ParseRunner) -> None:
    await runner.parse(posting_text(1))
    (pid,) = _worker_pids(runner)
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(ParseFailed):
        await runner.parse(posting_text(2))
    assert (await runner.parse(posting_text(3))) == parse_posting(posting_text(3))
    assert pid not in _worker_pids(runner)


async def test_an_ordinary_paste_does_not_wait_behind_a_large_one(runner: ParseRunner) -> None:
    await runner.parse(LARGE)
    await runner.parse(posting_text(1))
    (large_worker,) = [w for w in runner._all if w in runner._large.idle._queue]  # type: ignore[attr-defined]
    assert large_worker.process.pid is not None
    os.kill(large_worker.process.pid, signal.SIGSTOP)  # the large lane's worker is frozen mid-work
    try:
        large = asyncio.ensure_future(runner.parse(LARGE))
        small = await asyncio.wait_for(runner.parse(posting_text(2)), ROOMY_BUDGET)
        assert small == parse_posting(posting_text(2))
        assert not large.done()
    finally:
        os.kill(large_worker.process.pid, signal.SIGCONT)
    assert (await large).salary is not None


async def test_a_paste_over_budget_is_answered_and_nothing_is_saved(
    services: Services, runner: ParseRunner
) -> None:
    svc = dataclasses.replace(services, parser=runner)
    runner.budget = 1e-4
    with pytest.raises(CommandError, match="took too long to read"):
        await add_posting(svc, GUILD, LARGE, origin=Origin("message", user_id=1))
    async with svc.store.sessions.read() as s:
        assert (await s.execute(select(func.count()).select_from(POSTINGS))).scalar_one() == 0
    runner.budget = ROOMY_BUDGET
    added = await add_posting(svc, GUILD, pasted_text(4), origin=Origin("message", user_id=1))
    assert added.created and added.parsed == parse_posting(pasted_text(4))
