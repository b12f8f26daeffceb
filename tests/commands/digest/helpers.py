"""Doubles and data for the digest tests: a recording sender, postings added at chosen times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from commands.core.reply import Reply
from commands.digest.runs import SendFailed
from store import Store
from tests.factories import make_posting, posting_text

GUILD = 4242
CHANNEL = 777


@dataclass
class Sent:
    guild_id: int
    channel_id: int
    reply: Reply


@dataclass
class FakeSender:
    """Records what would be posted. ``failures`` makes the next sends raise SendFailed with those
    reasons; ``posted_periods`` is what ``already_posted`` finds in the channel."""

    sent: list[Sent] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    posted_periods: set[str] = field(default_factory=set)
    history_checks: int = 0

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        if self.failures:
            raise SendFailed(self.failures.pop(0))
        self.sent.append(Sent(guild_id, channel_id, reply))

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        self.history_checks += 1
        return period in self.posted_periods

    def titles(self) -> list[str]:
        return [s.reply.title or "" for s in self.sent]


async def add_at(
    store: Store,
    at: datetime,
    seed: object,
    *,
    guild_id: int = GUILD,
    title: str = "Machine Learning Engineer",
    pay: tuple[float, float, str, str] | None = (100_000, 120_000, "USD", "year"),
    skills: list[str] | None = None,
    message_id: int | None = None,
) -> int:
    result = await store.add_posting(
        guild_id,
        posting_text(seed, title=title),
        make_posting(title=title, pay=pay, skills=skills),
        source="message",
        channel_id=CHANNEL if message_id else None,
        message_id=message_id,
        added_at=at,
    )
    return result.posting_id


async def a_week_of_postings(store: Store, week_start: datetime, guild_id: int = GUILD) -> None:
    """A few postings in the week after ``week_start`` and in the four weeks before it."""
    for i in range(6):
        await add_at(
            store,
            week_start - timedelta(days=3 + 4 * i),
            f"old{i}",
            pay=(90_000, 90_000, "USD", "year"),
            skills=["Hadoop", "Python"],
            guild_id=guild_id,
        )
    this_week: list[tuple[timedelta, str, dict[str, Any]]] = [
        (timedelta(hours=5), "a", {"pay": (150_000, 170_000, "USD", "year"), "skills": ["PyTorch", "Python"],
                                   "message_id": 9001}),
        (timedelta(days=2), "b", {"title": "Data Analyst", "pay": (60_000, 60_000, "USD", "year"),
                                  "skills": ["SQL"], "message_id": 9002}),
        (timedelta(days=3), "c", {"pay": (110_000, 110_000, "USD", "year"), "skills": ["PyTorch"]}),
    ]  # fmt: skip
    for offset, seed, fields in this_week:
        await add_at(store, week_start + offset, seed, guild_id=guild_id, **fields)
