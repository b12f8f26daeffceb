"""Reparse: the new parse is stored, the fixes are kept."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from parsing import parse_posting
from parsing.models import Posting
from store import Store
from store.db.tables import POSTING_SKILLS, POSTINGS
from store.writes.importer import import_file
from tests.factories import make_posting, posting_text
from tests.store.writes.records import write_jsonl

G = 909


async def _count(store: Store, guild: int = G) -> int:
    async with store.sessions.read() as s:
        return int((await s.execute(select(func.count()).where(POSTINGS.c.guild_id == guild))).scalar_one())


async def test_reparse_updates_the_parse_and_keeps_fixes(store: Store, tmp_path: Path) -> None:
    await import_file(
        store, write_jsonl(tmp_path / "p.jsonl", 30), parse=parse_posting, guild_id=G, batch_size=10
    )
    await store.apply_fix(G, 1, "company", "Fixed Co")

    async def better_parser(texts: list[str]) -> list[Posting]:
        return [make_posting(title="Reparsed Engineer", company="Parsed Co", skills=["Rust"]) for _ in texts]

    report = await store.reparse(better_parser, guild_id=G, batch_size=7)
    assert report.postings == 30 and report.changed == 30
    assert await _count(store) == 30
    fixed = await store.get_posting(G, 1)
    other = await store.get_posting(G, 2)
    assert fixed is not None and other is not None
    assert fixed.company == "Fixed Co" and fixed.title == "Reparsed Engineer" and fixed.skills == ["Rust"]
    assert other.company == "Parsed Co" and other.role == "reparsed engineer"
    async with store.sessions.read() as s:
        links = (await s.execute(select(func.count()).select_from(POSTING_SKILLS))).scalar_one()
    assert links == 30
    again = await store.reparse(better_parser, guild_id=G)
    assert again.changed == 0


async def test_reparse_keeps_the_pay_a_repost_changed(store: Store) -> None:
    text = posting_text("repriced", words=200)
    first = await store.add_posting(
        G, text, make_posting(pay=(100_000, 120_000, "USD", "year")), source="message"
    )
    await store.add_posting(
        G, text + "\nnow 130k-150k\n", make_posting(pay=(130_000, 150_000, "USD", "year")), source="message"
    )

    async def same_parser(texts: list[str]) -> list[Posting]:  # reads the first text's pay again
        return [make_posting(title="Reparsed Engineer", pay=(100_000, 120_000, "USD", "year")) for _ in texts]

    await store.reparse(same_parser, guild_id=G)
    view = await store.get_posting(G, first.posting_id)
    assert view is not None and view.title == "Reparsed Engineer"
    assert view.pay is not None and (view.pay.min, view.pay.max) == (130_000, 150_000)
