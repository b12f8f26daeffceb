"""The Fix and Remove buttons under a posting card, including who may press them."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.fakediscord import MODAL, RestCall
from tests.e2e.test_pastes import POSTING


async def card(env: Env) -> tuple[int, RestCall]:
    _, reply = await env.paste(POSTING)
    (posting_id,) = await env.saved()
    return posting_id, reply


async def test_fix_opens_a_form_and_the_fix_is_stored(env: Env) -> None:
    posting_id, reply = await card(env)
    ix = await env.fake.click(
        env.alpha, "job-postings", env.alice, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    modal = await env.fake.answer(ix)
    assert modal.json["type"] == MODAL
    form = modal.json["data"]
    inputs = {c["custom_id"]: c for row in form["components"] for c in row["components"]}
    assert set(inputs) == {"title", "company", "pay", "seniority"}

    submitted = await env.fake.submit_modal(
        env.alpha,
        "job-postings",
        env.alice,
        form,
        {
            "title": "Staff ML Engineer",
            "company": "Acme Robotics Ltd",
            "pay": "€95k-120k a year",
            "seniority": "staff",
        },
    )
    answer = await env.fake.answer(submitted)
    assert "Fixed the title, company, pay and seniority" in answer.text
    assert answer.data["embeds"][0]["title"] == "Staff ML Engineer"
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None
    assert (view.title, view.company, view.seniority) == ("Staff ML Engineer", "Acme Robotics Ltd", "staff")
    assert view.pay is not None and (view.pay.currency, view.pay.min, view.pay.max) == (
        "EUR",
        95_000,
        120_000,
    )
    assert set(view.fixed_fields) == {"title", "company", "pay", "seniority"}

    # The form opens again with the fixed values, and an emptied field goes back to the parse.
    ix = await env.fake.click(
        env.alpha, "job-postings", env.alice, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    form = (await env.fake.answer(ix)).json["data"]
    values = {c["custom_id"]: c.get("value") for row in form["components"] for c in row["components"]}
    assert values["title"] == "Staff ML Engineer" and values["seniority"] == "staff"
    submitted = await env.fake.submit_modal(env.alpha, "job-postings", env.alice, form, {"company": ""})
    assert "company" in (await env.fake.answer(submitted)).text.lower()
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and "company" not in view.fixed_fields


async def test_fix_with_a_bad_value_is_a_short_private_error(env: Env) -> None:
    posting_id, reply = await card(env)
    ix = await env.fake.click(
        env.alpha, "job-postings", env.alice, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    form = (await env.fake.answer(ix)).json["data"]
    submitted = await env.fake.submit_modal(
        env.alpha, "job-postings", env.alice, form, {"seniority": "wizard"}
    )
    answer = await env.fake.answer(submitted)
    assert answer.ephemeral and "Seniority must be one of" in answer.text


async def test_only_the_poster_or_a_moderator_may_fix(env: Env) -> None:
    posting_id, reply = await card(env)
    ix = await env.fake.click(
        env.alpha, "job-postings", env.bob, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    refusal = await env.fake.answer(ix)
    assert refusal.json["type"] != MODAL
    assert refusal.ephemeral and "Manage Messages" in refusal.text
    ix = await env.fake.click(
        env.alpha, "job-postings", env.mod, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    assert (await env.fake.answer(ix)).json["type"] == MODAL


async def test_remove_refused_for_others_then_done_by_the_poster(env: Env) -> None:
    posting_id, reply = await card(env)
    message = env.fake.message_of(reply)
    ix = await env.fake.click(env.alpha, "job-postings", env.bob, message, f"remove:{posting_id}")
    refusal = await env.fake.answer(ix)
    assert refusal.ephemeral and "Manage Messages" in refusal.text
    assert await env.saved() == [posting_id]

    ix = await env.fake.click(env.alpha, "job-postings", env.alice, message, f"remove:{posting_id}")
    done = await env.fake.answer(ix)
    assert done.ephemeral and f"Removed posting #{posting_id}" in done.text
    assert await env.saved() == []
    # the card goes with it
    await env.fake.wait_call(lambda c: c.method == "DELETE" and c.path.endswith(f"/messages/{message['id']}"))


async def test_a_moderator_may_remove_anyones_posting(env: Env) -> None:
    posting_id, reply = await card(env)
    ix = await env.fake.click(
        env.alpha, "job-postings", env.mod, env.fake.message_of(reply), f"remove:{posting_id}"
    )
    assert f"Removed posting #{posting_id}" in (await env.fake.answer(ix)).text
    assert await env.saved() == []


async def test_buttons_of_another_server_cannot_touch_this_one(env: Env) -> None:
    posting_id, reply = await card(env)
    # The same custom_id pressed in the other server (a forged or copied component) finds nothing there.
    ix = await env.fake.click(env.beta, "jobs", env.mod, env.fake.message_of(reply), f"remove:{posting_id}")
    answer = await env.fake.answer(ix)
    assert answer.ephemeral and f"no posting #{posting_id}" in answer.text
    assert await env.saved() == [posting_id]
