"""Every slash command with its options, and autocomplete, as Discord sends them."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from aiohttp import web

from tests.e2e.conftest import Env, live
from tests.e2e.fakediscord import AUTOCOMPLETE_RESULT, edits_in_place, opt, snowflake, sub
from tests.e2e.test_pastes import POSTING
from tests.factories import make_posting, posting_text


async def seed(env: Env, count: int = 8, *, guild_id: int | None = None) -> list[int]:
    """Postings with known fields, saved directly (independent of what the parser reads)."""
    ids = []
    for i in range(count):
        posting = make_posting(
            title="Machine Learning Engineer",
            company=f"Company {i}",
            pay=(100_000 + 10_000 * i, 120_000 + 10_000 * i, "USD", "year"),
            skills=["python", "pytorch"] if i % 2 else ["python", "sql"],
            locations=["Berlin"] if i < 4 else ["London"],
            seniority="senior" if i % 3 == 0 else "mid",
        )
        result = await env.services.store.add_posting(
            guild_id or env.alpha.id, posting_text(i), posting, source="add_text", user_id=env.alice.id
        )
        ids.append(result.posting_id)
    return ids


async def test_add_with_text(env: Env) -> None:
    answer = await env.run("add", opt("text", POSTING))
    (posting_id,) = await env.saved()
    assert answer.custom_ids == [f"fix:{posting_id}", f"fix-more:{posting_id}", f"remove:{posting_id}"]
    assert not answer.ephemeral
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.source == "add_text" and view.user_id == env.alice.id


async def test_add_with_a_file(env: Env) -> None:
    attachment = env.fake.attachment("posting.md", POSTING.encode(), content_type="text/markdown")
    resolved = {"attachments": {attachment["id"]: attachment}}
    answer = await env.run("add", opt("file", attachment["id"], kind=11), resolved=resolved)
    (posting_id,) = await env.saved()
    assert f"fix:{posting_id}" in answer.custom_ids
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.source == "add_file"


async def test_add_with_a_pdf_is_refused(env: Env) -> None:
    attachment = env.fake.attachment("posting.pdf", b"%PDF-1.7", content_type="application/pdf")
    answer = await env.run(
        "add",
        opt("file", attachment["id"], kind=11),
        resolved={"attachments": {attachment["id"]: attachment}},
    )
    assert answer.ephemeral and ".txt, .md or .html" in answer.text
    assert await env.saved() == []


async def test_add_with_a_url_reads_the_page(env: Env) -> None:
    page = f"""<html><head><script type="application/ld+json">{{"@type": "JobPosting",
        "title": "Data Engineer"}}</script></head><body><pre>{POSTING}</pre></body></html>"""

    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    app = web.Application()
    app.router.add_get("/jobs/42", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        answer = await env.run("add", opt("url", f"http://127.0.0.1:{port}/jobs/42"))
    finally:
        await runner.cleanup()
    (posting_id,) = await env.saved()
    assert f"fix:{posting_id}" in answer.custom_ids
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.source == "add_url" and "application/ld+json" in view.text


async def test_add_refuses_a_private_address_when_not_allowed(env: Env) -> None:
    env.bot.settings.fetch.allow_private_addresses = False
    answer = await env.run("add", opt("url", "http://169.254.169.254/latest/meta-data/"))
    assert answer.ephemeral and "private or local network" in answer.text


async def test_add_takes_one_source(env: Env) -> None:
    answer = await env.run("add", opt("text", POSTING), opt("url", "https://example.com/j"))
    assert answer.ephemeral and "not several" in answer.text
    assert await env.saved() == []


async def test_salary_with_options_and_a_chart(env: Env) -> None:
    await seed(env)
    answer = await env.run(
        "salary",
        opt("role", "machine learning engineer"),
        opt("location", "Berlin"),
        opt("seniority", "mid"),
        opt("currency", "usd"),
    )
    assert "Pay for Machine Learning Engineer" in answer.text
    assert "Filtered: Berlin · mid" in answer.text
    assert "All stated in USD: nothing to convert." in answer.text  # currency: converts
    assert "Too few postings for percentiles" in answer.text  # n is small: the use case says so
    assert answer.files and answer.files[0][0].endswith(".png")
    assert answer.data["embeds"][0]["image"]["url"] == f"attachment://{answer.files[0][0]}"
    everything = await env.run("salary", opt("role", "machine learning engineer"))
    assert "median" in everything.text.lower() and "too few" not in everything.text


async def test_salary_for_an_unknown_role(env: Env) -> None:
    answer = await env.run("salary", opt("role", "underwater basket weaver"))
    assert "No saved postings with pay match" in answer.text


async def test_compare_two_and_three(env: Env) -> None:
    a, b, c, *_ = await seed(env)
    answer = await env.run("compare", opt("a", a, kind=4), opt("b", b, kind=4))
    assert f"#{a}" in answer.text and f"#{b}" in answer.text and "percentile" in answer.text
    answer = await env.run("compare", opt("a", a, kind=4), opt("b", b, kind=4), opt("c", c, kind=4))
    assert f"#{c}" in answer.text
    same = await env.run("compare", opt("a", a, kind=4), opt("b", a, kind=4))
    assert same.ephemeral and "two different postings" in same.text


async def test_skills_for_all_and_for_a_role(env: Env) -> None:
    await seed(env)
    everything = await env.run("skills")
    assert "python" in everything.text
    role = await env.run("skills", opt("role", "machine learning engineer"))
    assert "pytorch" in role.text


async def test_posting_show_list_with_pages_and_remove(env: Env) -> None:
    ids = await seed(env, 14)
    shown = await env.run("posting", sub("show", opt("posting", ids[0], kind=4)))
    assert shown.data["embeds"][0]["title"] == "Machine Learning Engineer" and f"#{ids[0]}" in shown.text

    listed = await env.run("posting", sub("list"))
    assert listed.custom_ids == ["list:1"]
    assert f"#{ids[-1]}" in listed.text  # newest first
    ix = await env.fake.click(env.alpha, "general", env.bob, env.fake.message_of(listed), "list:1")
    older = await env.fake.answer(ix)
    assert edits_in_place(older, env.fake.message_of(listed))  # the list message is updated in place
    assert f"#{ids[0]}" in older.text and "list:0" in older.custom_ids

    searched = await env.run("posting", sub("list", opt("search", "Company 3")))
    assert f"#{ids[3]}" in searched.text and f"#{ids[4]}" not in searched.text

    refused = await env.run("posting", sub("remove", opt("posting", ids[0], kind=4)), user=env.bob)
    assert refused.ephemeral and "Manage Messages" in refused.text
    removed = await env.run("posting", sub("remove", opt("posting", ids[0], kind=4)))
    assert f"Removed posting #{ids[0]}" in removed.text
    assert ids[0] not in await env.saved()


async def test_export_is_a_private_csv(env: Env) -> None:
    ids = await seed(env, 3)
    answer = await env.run("export", user=env.admin)
    assert answer.ephemeral
    ((name, data),) = answer.files
    assert name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert sorted(int(r["id"]) for r in rows) == sorted(ids)


async def test_autocomplete_postings_and_roles(env: Env) -> None:
    ids = await seed(env, 3)
    await seed(env, 2, guild_id=env.beta.id)  # never offered in alpha
    ix = await env.slash("posting", sub("show", opt("posting", "Company 1", focused=True)), autocomplete=True)
    answer = await env.fake.answer(ix)
    assert answer.json["type"] == AUTOCOMPLETE_RESULT
    choices = answer.json["data"]["choices"]
    assert [c["value"] for c in choices] == [ids[1]]
    ix = await env.slash("compare", opt("a", "", focused=True), opt("b", 1, kind=4), autocomplete=True)
    values = {c["value"] for c in (await env.fake.answer(ix)).json["data"]["choices"]}
    assert values == set(ids)

    ix = await env.slash("salary", opt("role", "mach", focused=True), autocomplete=True)
    roles = (await env.fake.answer(ix)).json["data"]["choices"]
    assert roles and roles[0]["value"] == "machine learning engineer"


async def test_autocomplete_answers_even_when_the_lookup_fails(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any) -> list[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(live("commands.core.choices"), "role_choices", broken)
    ix = await env.slash("salary", opt("role", "ml", focused=True), autocomplete=True)
    answer = await env.fake.answer(ix)
    assert answer.json == {"type": AUTOCOMPLETE_RESULT, "data": {"choices": []}}


async def test_unknown_posting_id_is_a_short_private_error(env: Env) -> None:
    answer = await env.run("posting", sub("show", opt("posting", snowflake(), kind=4)))
    assert answer.ephemeral and "no posting #" in answer.text and len(answer.text) < 100
