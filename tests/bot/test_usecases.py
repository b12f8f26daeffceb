"""The use-case seam: identical questions asked together are answered by one computation."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import usecases
from bot.usecases import Source, UseCases, _store_source
from commands.reply import Reply


async def test_identical_concurrent_questions_share_one_computation(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []

    async def salary(svc: Any, guild_id: int, role: str, **options: Any) -> Reply:
        calls.append((guild_id, role, tuple(sorted(options.items()))))
        number = len(calls)
        await asyncio.sleep(0.05)
        return Reply(title=f"Pay for {role} #{number}")

    monkeypatch.setattr(usecases.salary_cmd, "salary", salary)
    uc = UseCases(services=None)  # type: ignore[arg-type]
    replies = await asyncio.gather(
        uc.salary(1, "nurse"),
        uc.salary(1, "nurse"),
        uc.salary(2, "nurse"),
        uc.salary(1, "nurse", location="Oslo"),
    )
    assert [r.title for r in replies] == [
        "Pay for nurse #1",
        "Pay for nurse #1",
        "Pay for nurse #2",
        "Pay for nurse #3",
    ]
    assert len(calls) == 3
    # nothing is kept: asked again later, it is computed again
    assert (await uc.salary(1, "nurse")).title == "Pay for nurse #4"


async def test_a_failure_reaches_every_asker_and_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = 0

    async def compare(svc: Any, guild_id: int, ids: list[int], **options: Any) -> Reply:
        nonlocal attempts
        attempts += 1
        await asyncio.sleep(0.01)
        if attempts == 1:
            raise RuntimeError("database hiccup")
        return Reply(title="ok")

    monkeypatch.setattr(usecases.compare_cmd, "compare", compare)
    uc = UseCases(services=None)  # type: ignore[arg-type]
    results = await asyncio.gather(uc.compare(1, [1, 2]), uc.compare(1, [1, 2]), return_exceptions=True)
    assert all(isinstance(r, RuntimeError) for r in results)
    assert (await uc.compare(1, [1, 2])).title == "ok"


@pytest.mark.parametrize(
    ("source", "stored"),
    [
        (Source("message", message_id=1), "message"),
        (Source("message", message_id=1, filename="message.txt"), "attachment"),
        (Source("command"), "add_text"),
        (Source("command", filename="a.md"), "add_file"),
        (Source("url", url="https://x"), "add_url"),
        (Source("console"), "cli"),
    ],
)
def test_sources_map_to_the_store(source: Source, stored: str) -> None:
    assert _store_source(source) == stored


async def test_charts_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    async def salary(svc: Any, guild_id: int, role: str, **options: Any) -> Reply:
        seen.append(options["chart"])
        return Reply(title="x")

    monkeypatch.setattr(usecases.salary_cmd, "salary", salary)
    await UseCases(services=None, charts=False).salary(1, "nurse")  # type: ignore[arg-type]
    await UseCases(services=None).salary(1, "nurse")  # type: ignore[arg-type]
    assert seen == [False, True]
