"""Answering through the front ends' use cases: identical questions asked together are answered by one
computation, and answers are kept only while the server's postings are unchanged."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from commands.compare import usecase as compare_cmd
from commands.compare.usecase import answer_compare
from commands.core.answers import HEAVY_AT_ONCE
from commands.core.reply import Reply
from commands.core.services import Services
from commands.postings.usecase import Origin, add_posting, fix_fields, remove_posting
from commands.salary import usecase as salary_cmd
from commands.salary.usecase import SalaryQuery, salary
from tests.factories import pasted_text, posting_text


async def test_identical_concurrent_questions_share_one_computation(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    release = asyncio.Event()

    async def salary_reply(svc: Any, guild_id: int, query: SalaryQuery, **options: Any) -> Reply:
        calls.append((guild_id, query, tuple(sorted(options.items()))))
        number = len(calls)
        await release.wait()
        return Reply(title=f"Pay for {query.role} #{number}")

    monkeypatch.setattr(salary_cmd, "salary_reply", salary_reply)
    svc = Services(store=None, pay=None)  # type: ignore[arg-type]
    asking = asyncio.gather(
        salary(svc, 1, SalaryQuery("nurse")),
        salary(svc, 1, SalaryQuery("nurse")),
        salary(svc, 2, SalaryQuery("nurse")),
        salary(svc, 1, SalaryQuery("nurse", location="Oslo")),
    )
    while len(calls) < HEAVY_AT_ONCE:  # every heavy slot busy: all four questions have been asked
        await asyncio.sleep(0)
    release.set()
    replies = await asking
    assert [r.title for r in replies] == [
        "Pay for nurse #1",
        "Pay for nurse #1",
        "Pay for nurse #2",
        "Pay for nurse #3",
    ]
    assert len(calls) == 3
    # asked again later, with no posting changed in between: the kept answer
    assert (await salary(svc, 1, SalaryQuery("nurse"))).title == "Pay for nurse #1"
    assert len(calls) == 3
    # once a posting of that server changed, it is computed again
    svc.answers.changed(1)
    assert (await salary(svc, 1, SalaryQuery("nurse"))).title == "Pay for nurse #4"


async def test_a_failure_reaches_every_asker_and_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = 0
    release = asyncio.Event()

    async def compare(svc: Any, guild_id: int, ids: list[int], **options: Any) -> Reply:
        nonlocal attempts
        attempts += 1
        await release.wait()
        if attempts == 1:
            raise RuntimeError("database hiccup")
        return Reply(title="ok")

    monkeypatch.setattr(compare_cmd, "compare", compare)
    svc = Services(store=None, pay=None)  # type: ignore[arg-type]
    asking = asyncio.gather(
        answer_compare(svc, 1, [1, 2]), answer_compare(svc, 1, [1, 2]), return_exceptions=True
    )
    while attempts < 1:  # the first computation started: both askers wait on it
        await asyncio.sleep(0)
    release.set()
    results = await asking
    assert all(isinstance(r, RuntimeError) for r in results)
    assert (await answer_compare(svc, 1, [1, 2])).title == "ok"


@pytest.mark.parametrize(
    ("source", "stored"),
    [
        (Origin("message", message_id=1), "message"),
        (Origin("message", message_id=1, filename="message.txt"), "attachment"),
        (Origin("command"), "add_text"),
        (Origin("command", filename="a.md"), "add_file"),
        (Origin("url", url="https://x"), "add_url"),
        (Origin("console"), "cli"),
    ],
)
def test_sources_map_to_the_store(source: Origin, stored: str) -> None:
    assert source.source == stored


async def test_charts_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    async def salary_reply(svc: Any, guild_id: int, query: SalaryQuery, **options: Any) -> Reply:
        seen.append(options["chart"])
        return Reply(title="x")

    monkeypatch.setattr(salary_cmd, "salary_reply", salary_reply)
    await salary(Services(store=None, pay=None, charts=False), 1, SalaryQuery("nurse"))  # type: ignore[arg-type]
    await salary(Services(store=None, pay=None), 1, SalaryQuery("nurse"))  # type: ignore[arg-type]
    assert seen == [False, True]


# --- the answer cache, through the use cases, on a real store ------------------------------------------

ALPHA, BETA = 71, 72
PASTE = "Machine Learning Engineer\n{company}\nBerlin\n\nSalary: ${low:,} - ${high:,} per year\n\n"


async def _paste(svc: Services, guild_id: int, seed: int, low: int, *, user_id: int = 5) -> int:
    text = PASTE.format(company=f"Company {seed}", low=low, high=low + 20_000) + posting_text(seed)
    added = await add_posting(svc, guild_id, text, origin=Origin("command", user_id=user_id))
    assert added.created
    return added.posting_id


def _count(reply: Reply) -> str:
    return reply.fields[0].name  # "USD per year · 3 postings"


async def test_salary_answer_is_kept_until_a_posting_is_added_removed_or_fixed(services: Services) -> None:
    uc = services
    ids = [await _paste(uc, ALPHA, seed, 100_000 + seed * 1000) for seed in range(3)]
    first = await salary(uc, ALPHA, SalaryQuery("machine learning engineer"))
    assert _count(first) == "USD per year · 3 postings" and first.files

    again = await salary(uc, ALPHA, SalaryQuery("machine learning engineer"))
    assert uc.answers.cache.hits == 1 and again == first

    await _paste(uc, ALPHA, 3, 150_000)  # added
    assert (
        _count(await salary(uc, ALPHA, SalaryQuery("machine learning engineer")))
        == "USD per year · 4 postings"
    )

    await remove_posting(uc, ALPHA, ids[0], user_id=5, can_manage=False)  # removed
    assert (
        _count(await salary(uc, ALPHA, SalaryQuery("machine learning engineer")))
        == "USD per year · 3 postings"
    )

    before = await salary(uc, ALPHA, SalaryQuery("machine learning engineer"))
    await fix_fields(uc, ALPHA, ids[1], {"pay": "EUR 90000 per year"}, user_id=5, can_manage=False)  # fixed
    after = await salary(uc, ALPHA, SalaryQuery("machine learning engineer"))
    assert after != before
    assert sorted(f.name for f in after.fields if "·" in f.name) == [
        "EUR per year · 1 posting",
        "USD per year · 2 postings",
    ]


async def test_answers_are_never_shared_across_servers(services: Services) -> None:
    uc = services
    await _paste(uc, ALPHA, 1, 100_000)
    await _paste(uc, BETA, 2, 200_000)
    await _paste(uc, BETA, 3, 210_000)
    alpha = await salary(uc, ALPHA, SalaryQuery("machine learning engineer"))
    beta = await salary(uc, BETA, SalaryQuery("machine learning engineer"))
    assert _count(alpha) == "USD per year · 1 posting" and _count(beta) == "USD per year · 2 postings"
    assert alpha.files[0].data != beta.files[0].data

    await _paste(uc, BETA, 4, 220_000)  # a write in one server leaves the other's answers in place
    hits = uc.answers.cache.hits
    assert await salary(uc, ALPHA, SalaryQuery("machine learning engineer")) == alpha
    assert uc.answers.cache.hits == hits + 1
    assert (
        _count(await salary(uc, BETA, SalaryQuery("machine learning engineer")))
        == "USD per year · 3 postings"
    )


async def test_compare_answer_follows_a_fix(services: Services) -> None:
    uc = services
    a = await _paste(uc, ALPHA, 1, 100_000)
    b = await _paste(uc, ALPHA, 2, 120_000)
    first = await answer_compare(uc, ALPHA, [a, b])
    assert await answer_compare(uc, ALPHA, [a, b]) == first
    await fix_fields(uc, ALPHA, a, {"title": "Staff Machine Learning Engineer"}, user_id=5, can_manage=False)
    fixed = await answer_compare(uc, ALPHA, [a, b])
    assert fixed.fields[0].name.startswith(f"#{a} Staff Machine Learning Engineer")


class FailingStore:
    """Stands in for a store whose write committed and then failed (the database went away)."""

    async def add_posting(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away after the commit")


async def test_a_failed_write_still_invalidates(monkeypatch: pytest.MonkeyPatch) -> None:
    async def salary_reply(svc: Any, guild_id: int, query: SalaryQuery, **options: Any) -> Reply:
        return Reply(title=f"version {uc.answers.cache.version(guild_id)}")

    monkeypatch.setattr(salary_cmd, "salary_reply", salary_reply)
    uc = Services(store=FailingStore(), pay=None)  # type: ignore[arg-type]
    assert (await salary(uc, 1, SalaryQuery("nurse"))).title == "version 0"
    with pytest.raises(RuntimeError):
        await add_posting(uc, 1, pasted_text(0), origin=Origin("command"))
    assert (await salary(uc, 1, SalaryQuery("nurse"))).title == "version 1"


async def test_an_answer_computed_while_a_posting_is_added_is_not_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    calls = 0

    async def salary_reply(svc: Any, guild_id: int, query: SalaryQuery, **options: Any) -> Reply:
        nonlocal calls
        calls += 1
        started.set()
        await release.wait()
        return Reply(title=f"computation {calls}")

    monkeypatch.setattr(salary_cmd, "salary_reply", salary_reply)
    uc = Services(store=FailingStore(), pay=None)  # type: ignore[arg-type]
    asking = asyncio.ensure_future(salary(uc, 1, SalaryQuery("nurse")))
    await started.wait()
    with pytest.raises(RuntimeError):
        await add_posting(uc, 1, pasted_text(0), origin=Origin("command"))
    release.set()
    assert (await asking).title == "computation 1"
    assert (await salary(uc, 1, SalaryQuery("nurse"))).title == "computation 2"
