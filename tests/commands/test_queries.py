"""/salary, /compare, /skills and export replies."""

from __future__ import annotations

import csv
import io
import json

import pytest

from commands.compare import compare
from commands.errors import CommandError
from commands.export import export
from commands.salary import salary
from commands.services import Services
from commands.skills import skills
from tests.factories import make_posting, posting_text

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    r = await svc.store.add_posting(GUILD, posting_text(seed), make_posting(**kw), source="add_text")  # type: ignore[arg-type]
    return r.posting_id


async def test_salary_reply_with_chart_and_small_n_note(services: Services) -> None:
    for i, v in enumerate([90, 100, 110]):
        await _add(services, i, pay=(v * 1000, v * 1000, "USD", "year"), seniority="mid" if i else "senior")
    reply = await salary(services, GUILD, "ML engineer")
    assert reply.title == "Pay for Machine Learning Engineer (per year)"
    assert "too few to mean much" in (reply.description or "")
    assert reply.fields[0].name == "USD · 3 postings"
    assert "median **$100k**" in reply.fields[0].value
    assert reply.fields[1].name == "USD median by seniority"
    assert reply.files and reply.files[0].data.startswith(b"\x89PNG")
    none = await salary(services, GUILD, "astronaut")
    assert none.kind == "notice" and "No saved postings" in (none.description or "")


async def test_salary_never_blends_currencies(services: Services) -> None:
    for i in range(5):
        await _add(services, f"u{i}", pay=(100_000 + i, 100_000 + i, "USD", "year"))
        await _add(services, f"e{i}", pay=(50 + i, 50 + i, "EUR", "hour"))
    reply = await salary(services, GUILD, "machine learning engineer", period="hour", chart=False)
    names = [f.name for f in reply.fields]
    assert names == ["EUR · 5 postings", "USD · 5 postings"]  # equal n: by currency code
    assert "blended" in (reply.description or "") and "too few" not in (reply.description or "")
    assert "€52" in reply.fields[0].value


async def test_compare_reply(services: Services) -> None:
    a = await _add(services, "a", pay=(100_000, 100_000, "USD", "year"), skills=["Python", "Go"])
    b = await _add(services, "b", pay=(150_000, 150_000, "USD", "year"), skills=["Python", "Rust"])
    reply = await compare(services, GUILD, [a, b, 424242])
    assert reply.fields[-1].value == "Python"
    assert "percentile of 2" in reply.fields[1].value
    assert "Only here: Rust" in reply.fields[1].value
    assert reply.footer == "Not found: #424242"
    assert reply.files and reply.files[0].filename == "compare.png"
    with pytest.raises(CommandError):
        await compare(services, GUILD, [a, a])
    with pytest.raises(CommandError, match="Not found"):
        await compare(services, GUILD, [a, 99_999])


async def test_skills_reply(services: Services) -> None:
    await _add(services, 1, skills=["Python", "SQL"])
    await _add(services, 2, skills=["Python"])
    reply = await skills(services, GUILD)
    assert reply.title == "Skills asked for: all roles"
    assert "**Python** — 100% of postings" in reply.fields[0].value
    empty = await skills(services, GUILD, "lighthouse keeper")
    assert empty.kind == "notice"
    with pytest.raises(CommandError):
        await skills(services, GUILD, days=0)


async def test_export_csv_and_jsonl(services: Services) -> None:
    pid = await _add(services, "x", skills=["Python", "SQL"], locations=["Oslo"])
    await services.store.apply_fix(GUILD, pid, "title", "Fixed Title")
    reply = await export(services, GUILD, "csv")
    rows = list(csv.DictReader(io.StringIO(reply.files[0].data.decode())))
    assert len(rows) == 1 and rows[0]["title"] == "Fixed Title" and rows[0]["skills"] == "Python; SQL"
    assert rows[0]["fixed"] == "title" and rows[0]["text"] == posting_text("x")
    reply = await export(services, GUILD, "jsonl")
    record = json.loads(reply.files[0].data.decode().splitlines()[0])
    assert (
        record["fixes"] == {"title": "Fixed Title"}
        and record["posting"]["title"] == "Machine Learning Engineer"
    )
    assert (await export(services, GUILD + 1, "csv")).kind == "notice"
