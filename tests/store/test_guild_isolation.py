"""Guild A's queries never see guild B's postings: every query and write function, checked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import NotFound, PayFix, Store
from tests.factories import make_posting, posting_text
from tests.store_fixtures import FakeClock

A, B = 111, 222


@pytest.fixture
async def two_guilds(store: Store, clock: FakeClock) -> dict[str, list[int]]:
    """Both guilds hold postings of the same role; B's have a marker pay, skill, place and title."""
    ids: dict[str, list[int]] = {"a": [], "b": []}
    clock.advance(days=-3)
    for i in range(3):
        a = make_posting(title="Data Engineer", pay=(100_000 + i, 100_000 + i, "USD", "year"), skills=["SQL"],
                         locations=["Lisbon"], seniority="mid")  # fmt: skip
        b = make_posting(title="Data Engineer BETA", pay=(999_000, 999_000, "USD", "year"),
                         skills=["OnlyInB"], locations=["Lisbon"], seniority="mid")  # fmt: skip
        ids["a"].append((await store.add_posting(A, posting_text(f"a{i}"), a, source="message")).posting_id)
        ids["b"].append((await store.add_posting(B, posting_text(f"b{i}"), b, source="message")).posting_id)
    clock.advance(days=3)
    # B reposts a text of its own with a pay change; A must not see that either
    text = posting_text("b0")
    b_change = make_posting(title="Data Engineer BETA", pay=(1, 2, "USD", "year"), locations=["Lisbon"])
    await store.add_posting(B, text + "\nreposted", b_change, source="message")
    return ids


async def test_get_list_choices_and_export(store: Store, two_guilds: dict[str, list[int]]) -> None:
    for pid in two_guilds["b"]:
        assert await store.get_posting(A, pid) is None
    page = await store.list_postings(A, page_size=100)
    assert {p.id for p in page.items} == set(two_guilds["a"])
    assert (await store.list_postings(A, query="BETA")).items == []
    assert {c.id for c in await store.posting_choices(A, "")} == set(two_guilds["a"])
    by_id = await store.posting_choices(A, str(two_guilds["b"][0]))
    assert all(c.id in two_guilds["a"] for c in by_id)
    assert await store.posting_choices(A, "data engineer beta") == []
    assert await store.role_choices(A, "") == ["data engineer"]
    assert await store.role_choices(B, "") == ["data engineer beta"]
    exported = [row async for row in store.export_rows(A)]
    assert {r.id for r in exported} == set(two_guilds["a"]) and all(r.guild_id == A for r in exported)


async def test_writes_cannot_reach_another_guild(store: Store, two_guilds: dict[str, list[int]]) -> None:
    b0 = two_guilds["b"][0]
    assert not await store.remove_posting(A, b0)
    with pytest.raises(NotFound):
        await store.apply_fix(A, b0, "title", "hijacked")
    with pytest.raises(NotFound):
        await store.apply_fix(A, b0, "pay", PayFix(min=1, max=1, currency="USD", period="year", text="1"))
    with pytest.raises(NotFound):
        await store.clear_fix(A, b0, "title")
    view = await store.get_posting(B, b0)
    assert view is not None and view.title == "Data Engineer BETA"
    # the same text in A is a new posting of A, not a repost of B's
    r = await store.add_posting(A, posting_text("b1"), make_posting(), source="message")
    assert r.created


async def test_salary_stats(store: Store, two_guilds: dict[str, list[int]]) -> None:
    stats = await store.salary_stats(A, "data engineer")
    assert stats.n == 3 and stats.by_currency[0].overall.max == 100_002
    by_place = await store.salary_stats(A, "data engineer", location="Lisbon", seniority="mid")
    assert by_place.n == 3 and by_place.by_currency[0].overall.max == 100_002
    assert (await store.salary_stats(A, "data engineer beta")).n == 0


async def test_compare(store: Store, two_guilds: dict[str, list[int]]) -> None:
    a0, b0 = two_guilds["a"][0], two_guilds["b"][0]
    result = await store.compare(A, [a0, b0, two_guilds["a"][1]])
    assert [c.posting.id for c in result.postings] == [a0, two_guilds["a"][1]]
    assert result.missing_ids == [b0]
    assert result.postings[0].peers == 3  # B's same-role postings are not peers
    assert "OnlyInB" not in result.shared_skills


async def test_skill_summary(store: Store, clock: FakeClock, two_guilds: dict[str, list[int]]) -> None:
    for role in (None, "data engineer"):
        for since in (None, clock.now - timedelta(days=30)):
            summary = await store.skill_summary(A, role, since)
            assert [s.skill for s in summary.skills] == ["SQL"]
            assert summary.n_postings == 3
            assert summary.skills[0].median_with == 100_001


async def test_digest_data(store: Store, clock: FakeClock, two_guilds: dict[str, list[int]]) -> None:
    digest = await store.digest_data(A, clock.now - timedelta(days=7), clock.now + timedelta(days=1))
    assert digest.new_count == 3
    assert {p.id for p in digest.best_paid} == set(two_guilds["a"])
    assert [r.role for r in digest.role_medians] == ["data engineer"]
    assert digest.role_medians[0].median == 100_001
    assert digest.repost_count == 0 and digest.pay_changes == []
    assert all(m.skill != "OnlyInB" for m in digest.rising_skills + digest.falling_skills)
    b_digest = await store.digest_data(B, clock.now - timedelta(days=7), clock.now + timedelta(days=1))
    assert b_digest.repost_count == 1 and len(b_digest.pay_changes) == 1


async def test_settings_and_digest_runs(store: Store) -> None:
    await store.update_guild_settings(B, digest_channel_id=5, watched_channel_ids=[1, 2])
    a = await store.get_guild_settings(A)
    assert a.digest_channel_id is None and a.watched_channel_ids == []
    assert await store.claim_digest_run(B, "2026-W47")
    assert await store.claim_digest_run(A, "2026-W47")
    assert await store.get_digest_run(A, "2026-W48") is None
