"""/skills replies."""

from __future__ import annotations

import pytest

from commands.core.errors import CommandError
from commands.core.services import Services
from commands.skills.usecase import skills
from tests.factories import saved_posting

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    return await saved_posting(svc.store, GUILD, seed, **kw)


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


async def test_pay_with_and_without_a_skill_only_with_five_on_each_side(services: Services) -> None:
    for i in range(5):
        await _add(services, f"py{i}", skills=["Python", "SQL"], pay=(120_000, 120_000, "USD", "year"))
    for i in range(5):
        await _add(services, f"go{i}", skills=["Go"], pay=(100_000, 100_000, "USD", "year"))
    await _add(services, "rust", skills=["Rust", "Go"], pay=(90_000, 90_000, "USD", "year"))
    lines = "\n".join(f.value for f in (await skills(services, GUILD)).fields if f.name.startswith("Top"))
    python = next(line for line in lines.splitlines() if "**Python**" in line)
    assert "pay $120k with (n=5) vs $100k without (n=6)" in python
    rust = next(line for line in lines.splitlines() if "**Rust**" in line)
    assert "pay" not in rust  # one posting with Rust: no premium


async def test_many_skills_fit_in_whole_lines(services: Services) -> None:
    names = [f"Skill number {i} with a rather long name indeed" for i in range(15)]
    for i in range(12):
        await _add(services, f"s{i}", skills=names, pay=(100_000 + i, 100_000 + i, "USD", "year"))
    reply = await skills(services, GUILD)
    top = [f for f in reply.fields if f.name.startswith("Top skills")]
    assert len(top) == 3
    for field in top:
        assert len(field.value) <= 1024 // 2
        assert all(line.startswith("**") and "of postings" in line for line in field.value.splitlines())
