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
