"""The posting use cases: add (card, repost), failure reporting, remove and fix permissions, choices."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from commands.core.choices import posting_choices, role_choices
from commands.core.errors import CommandError, error_reply
from commands.core.services import Services
from commands.core.text import render_text
from commands.postings.usecase import (
    Origin,
    add_posting,
    fix_posting,
    list_postings,
    remove_posting,
    show_posting,
)
from store import StoreWriteError
from store.db.tables import POSTINGS
from tests.factories import pasted_text, saved_posting

GUILD = 4004


async def _add(svc: Services, seed: object, *, user_id: int = 1, **kw: Any) -> int:
    return await saved_posting(svc.store, GUILD, seed, user_id=user_id, **kw)


async def _count(svc: Services) -> int:
    async with svc.store.sessions.read() as s:
        return int((await s.execute(select(func.count()).select_from(POSTINGS))).scalar_one())


async def test_add_posting_returns_a_card(services: Services) -> None:
    outcome = await add_posting(services, GUILD, pasted_text(1), origin=Origin("command", user_id=3))
    assert outcome.created and outcome.repost_of is None
    card = outcome.reply
    assert card.title is not None and card.title.startswith("Engineer")  # the title line of the paste
    assert [b.custom_id for b in card.buttons] == [
        f"fix:{outcome.posting_id}",
        f"fix-more:{outcome.posting_id}",
        f"remove:{outcome.posting_id}",
    ]
    assert card.footer is not None and card.footer.startswith(f"#{outcome.posting_id}")
    again = await add_posting(services, GUILD, pasted_text(1) + "\n", origin=Origin("message", user_id=4))
    assert not again.created and again.repost_of == outcome.posting_id
    assert "Already saved as" in (again.reply.description or "")


async def test_card_shows_pay_seniority_and_skills(services: Services) -> None:
    pid = await _add(
        services, 2, pay=(60, 70, "EUR", "hour"), seniority="senior", skills=[f"S{i}" for i in range(12)],
        locations=["Berlin, Germany"], workplace="hybrid",
    )  # fmt: skip
    card = await show_posting(services, GUILD, pid)
    fields = {f.name: f.value for f in card.fields}
    assert fields["Pay"] == "EUR 60-70 per hour"
    assert fields["Per year"] == "€124.8k–€145.6k/yr (≈ $148.7k)"
    assert fields["Seniority"] == "Senior"
    assert fields["Skills"].endswith("(+4 more)")
    assert card.description == "Acme\nBerlin, Germany · Hybrid"
    text = render_text(card)
    assert "Machine Learning Engineer" in text and "**" not in text


async def test_failed_write_is_reported_as_failed(services: Services) -> None:
    engine = services.store.sessions.engine.sync_engine

    def explode(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO POSTING_BANDS"):
            raise OperationalError(statement, {}, Exception("disk I/O error (injected)"))

    event.listen(engine, "before_cursor_execute", explode)
    try:
        with pytest.raises(StoreWriteError) as caught:
            await add_posting(services, GUILD, pasted_text(3), origin=Origin("message"))
    finally:
        event.remove(engine, "before_cursor_execute", explode)
    assert "nothing was saved" in caught.value.message
    reply = error_reply(caught.value)
    assert reply is not None and reply.kind == "error" and "nothing was stored" in (reply.description or "")
    assert await _count(services) == 0  # the posting row written before the failure was rolled back
    ok = await add_posting(services, GUILD, pasted_text(3), origin=Origin("message"))
    assert ok.created


async def test_remove_needs_the_poster_or_a_moderator(services: Services) -> None:
    pid = await _add(services, 4, user_id=10)
    with pytest.raises(CommandError, match="Manage Messages"):
        await remove_posting(services, GUILD, pid, user_id=11, can_manage=False)
    reply = await remove_posting(services, GUILD, pid, user_id=10, can_manage=False)
    assert f"Removed posting #{pid}" in (reply.description or "")
    other = await _add(services, 5, user_id=10)
    await remove_posting(services, GUILD, other, user_id=99, can_manage=True)
    assert await _count(services) == 0
    with pytest.raises(CommandError, match="no posting"):
        await remove_posting(services, GUILD, other, user_id=10, can_manage=True)


async def test_fix_pay_seniority_title_and_reset(services: Services) -> None:
    pid = await _add(services, 6, user_id=10, pay=(100_000, 120_000, "USD", "year"))
    reply = await fix_posting(services, GUILD, pid, "pay", "£50-60k a year", user_id=10, can_manage=False)
    assert "Fixed the pay" in (reply.description or "")
    view = await services.store.get_posting(GUILD, pid)
    assert view is not None and view.pay is not None
    assert (view.pay.currency, view.pay.min, view.pay.max, view.pay.period) == ("GBP", 50_000, 60_000, "year")
    await fix_posting(services, GUILD, pid, "seniority", "Sr.", user_id=10, can_manage=False)
    await fix_posting(services, GUILD, pid, "title", "Platform Engineer", user_id=1, can_manage=True)
    view = await services.store.get_posting(GUILD, pid)
    assert view is not None and view.seniority == "senior" and view.role == "platform engineer"
    await fix_posting(services, GUILD, pid, "pay", "reset", user_id=10, can_manage=False)
    view = await services.store.get_posting(GUILD, pid)
    assert view is not None and view.pay is not None and view.pay.currency == "USD"
    with pytest.raises(CommandError):
        await fix_posting(services, GUILD, pid, "seniority", "wizard", user_id=10, can_manage=False)
    with pytest.raises(CommandError, match="Manage Messages"):
        await fix_posting(services, GUILD, pid, "title", "x", user_id=77, can_manage=False)


async def test_list_and_choices(services: Services) -> None:
    for i in range(12):
        services.clock.advance(minutes=1)  # type: ignore[attr-defined]
        await _add(services, f"l{i}", title=f"Role {i:02d} Engineer")
    first = await list_postings(services, GUILD)
    assert first.description is not None and first.description.count("\n") == 9
    assert [b.label for b in first.buttons] == ["Older"]
    second = await list_postings(services, GUILD, page=1)
    assert [b.custom_id for b in second.buttons] == ["list:0"]
    assert (await list_postings(services, GUILD, query="nothing like this")).kind == "notice"
    choices = await posting_choices(services, GUILD, "role 1")
    assert len(choices) == 2 and all(len(c.name) <= 100 for c in choices)
    roles = await role_choices(services, GUILD, "role 0")
    assert roles[0].name == "Role 00 Engineer"
