"""The Fix, Fix more and Remove buttons under a posting card, including who may press them: a fix edits
the card in place (all its fields or none), a removal leaves the card as a notice without buttons."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Env
from tests.e2e.fakediscord import JSON, MODAL, RestCall, edits_in_place, opt, sub
from tests.e2e.test_pastes import POSTING


async def card(env: Env) -> tuple[int, RestCall]:
    _, reply = await env.paste(POSTING)
    (posting_id,) = await env.saved()
    return posting_id, reply


def inputs(form: JSON) -> dict[str, JSON]:
    return {c["custom_id"]: c for row in form["components"] for c in row["components"]}


async def open_form(env: Env, card_message: JSON, custom_id: str, user: Any = None) -> JSON:
    ix = await env.fake.click(env.alpha, "job-postings", user or env.alice, card_message, custom_id)
    modal = await env.fake.answer(ix)
    assert modal.json["type"] == MODAL
    form: JSON = modal.json["data"]
    return form


async def submit(env: Env, card_message: JSON, form: JSON, values: dict[str, str]) -> RestCall:
    ix = await env.fake.submit_modal(env.alpha, "job-postings", env.alice, form, values, message=card_message)
    return await env.fake.answer(ix)


def card_posts(env: Env) -> list[RestCall]:
    path = f"/channels/{env.alpha.channel('job-postings')}/messages"
    return env.fake.find_calls(lambda c: c.method == "POST" and c.path == path)


async def test_fix_edits_the_card_in_place_with_every_field(env: Env) -> None:
    posting_id, reply = await card(env)
    message = env.fake.message_of(reply)
    form = await open_form(env, message, f"fix:{posting_id}")
    assert set(inputs(form)) == {"title", "company", "pay", "seniority", "locations"}

    answer = await submit(
        env,
        message,
        form,
        {
            "title": "Staff ML Engineer",
            "company": "Acme Robotics Ltd",
            "pay": "€95k-120k a year",
            "seniority": "staff",
            "locations": "Berlin, Germany; Remote",
        },
    )
    # the card itself is edited (an update of the message the button is on, at once or, when the fix
    # outlasts the acknowledgement budget, after a deferred update), no second card is posted
    assert edits_in_place(answer, message)
    assert len(card_posts(env)) == 1
    shown = env.fake.messages[int(message["id"])]
    embed = shown["embeds"][0]
    assert embed["title"] == "Staff ML Engineer"
    assert "Fixed the title, company, pay, seniority and places" in embed["description"]
    assert f"Fixed by <@{env.alice.id}>: title, company, pay, seniority, places" in embed["description"]
    assert [c["custom_id"] for row in shown["components"] for c in row["components"]] == [
        f"fix:{posting_id}",
        f"fix-more:{posting_id}",
        f"remove:{posting_id}",
    ]
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None
    assert (view.title, view.company, view.seniority) == ("Staff ML Engineer", "Acme Robotics Ltd", "staff")
    assert view.pay is not None and (view.pay.currency, view.pay.min, view.pay.max) == (
        "EUR",
        95_000,
        120_000,
    )
    assert view.locations == ["Berlin, Germany", "Remote"]
    assert view.fixed_by == {name: env.alice.id for name in view.fixed_fields}

    # the second page: workplace, employment type and skills
    form = await open_form(env, message, f"fix-more:{posting_id}")
    assert set(inputs(form)) == {"workplace", "employment_type", "skills"}
    await submit(
        env, message, form, {"workplace": "on-site", "employment_type": "contract", "skills": "Rust, Go"}
    )
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None
    assert (view.workplace, view.employment_type, view.skills) == ("onsite", "contract", ["Rust", "Go"])

    # the form opens with the fixed values; a blanked field is cleared (not the parse brought back),
    # "reset" goes back to what the posting says
    form = await open_form(env, message, f"fix:{posting_id}")
    assert inputs(form)["title"]["value"] == "Staff ML Engineer"
    await submit(env, message, form, {"company": "", "title": "reset"})
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.company is None and "company" in view.fixed_fields
    assert view.title is not None and view.title.startswith("Senior Machine Learning Engineer")
    assert "title" not in view.fixed_fields


async def test_a_fix_with_one_bad_field_saves_nothing(env: Env) -> None:
    posting_id, reply = await card(env)
    message = env.fake.message_of(reply)
    form = await open_form(env, message, f"fix:{posting_id}")
    before = await env.services.store.get_posting(env.alpha.id, posting_id)
    answer = await submit(env, message, form, {"title": "Wizard", "seniority": "wizard", "pay": "lots"})
    assert (
        answer.ephemeral
        and "Seniority must be one of" in answer.text
        and "Nothing was changed" in answer.text
    )
    after = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert before is not None and after is not None
    card_place = {"card_channel_id", "card_message_id"}  # recorded just after the card went out
    assert after.model_dump(exclude=card_place) == before.model_dump(exclude=card_place)
    assert env.fake.messages[int(message["id"])]["embeds"] == reply.json["embeds"]  # the card as it was


async def test_only_the_poster_or_a_moderator_may_fix(env: Env) -> None:
    posting_id, reply = await card(env)
    ix = await env.fake.click(
        env.alpha, "job-postings", env.bob, env.fake.message_of(reply), f"fix:{posting_id}"
    )
    refusal = await env.fake.answer(ix)
    assert refusal.json["type"] != MODAL
    assert refusal.ephemeral and "Manage Messages" in refusal.text
    await open_form(env, env.fake.message_of(reply), f"fix:{posting_id}", user=env.mod)


def components(message: JSON) -> list[Any]:
    return [c for row in message.get("components") or [] for c in row.get("components", [])]


async def test_remove_button_leaves_a_removed_card_without_buttons(env: Env) -> None:
    posting_id, reply = await card(env)
    message = env.fake.message_of(reply)
    ix = await env.fake.click(env.alpha, "job-postings", env.bob, message, f"remove:{posting_id}")
    refusal = await env.fake.answer(ix)
    assert refusal.ephemeral and "Manage Messages" in refusal.text
    assert await env.saved() == [posting_id]

    ix = await env.fake.click(env.alpha, "job-postings", env.alice, message, f"remove:{posting_id}")
    done = await env.fake.answer(ix)
    assert edits_in_place(done, message)
    assert await env.saved() == []
    shown = env.fake.messages[int(message["id"])]
    assert components(shown) == []
    assert f"Posting #{posting_id} was removed by <@{env.alice.id}>" in shown["embeds"][0]["description"]


async def test_posting_remove_by_command_takes_the_cards_buttons_away(env: Env) -> None:
    posting_id, reply = await card(env)
    message = env.fake.message_of(reply)
    assert await env.card_of(posting_id) == int(message["id"])
    answer = await env.run("posting", sub("remove", opt("posting", posting_id, kind=4)), user=env.mod)
    assert f"Removed posting #{posting_id}" in answer.text
    edit = await env.fake.wait_call(
        lambda c: c.method == "PATCH" and c.path.endswith(f"/messages/{message['id']}")
    )
    assert edit.json["components"] == []
    assert components(env.fake.messages[int(message["id"])]) == []
    assert "was removed" in env.fake.messages[int(message["id"])]["embeds"][0]["description"]


async def test_a_removed_postings_id_is_not_given_again(env: Env) -> None:
    await env.paste(POSTING)
    second_text = POSTING.replace("Acme Robotics", "Initech").replace("perception", "planning")
    await env.paste(second_text)
    ids = sorted(await env.saved())
    assert len(ids) == 2
    await env.run("posting", sub("remove", opt("posting", ids[-1], kind=4)))
    await env.paste(POSTING.replace("Acme Robotics", "Globex").replace("warehouse", "farm"))
    now = sorted(await env.saved())
    assert now[0] == ids[0] and now[-1] > ids[-1]


async def test_buttons_of_another_server_cannot_touch_this_one(env: Env) -> None:
    posting_id, reply = await card(env)
    # The same custom_id pressed in the other server (a forged or copied component) finds nothing there.
    ix = await env.fake.click(env.beta, "jobs", env.mod, env.fake.message_of(reply), f"remove:{posting_id}")
    answer = await env.fake.answer(ix)
    assert answer.ephemeral and f"no posting #{posting_id}" in answer.text
    assert await env.saved() == [posting_id]


async def test_remove_under_a_reposts_card_also_updates_the_first_card(env: Env) -> None:
    posting_id, first = await card(env)
    _, repost = await env.paste(POSTING + "\n(reposting this one)\n")
    assert await env.saved() == [posting_id] and f"remove:{posting_id}" in repost.custom_ids
    first_message, repost_message = env.fake.message_of(first), env.fake.message_of(repost)
    assert await env.card_of(posting_id) == int(first_message["id"])
    ix = await env.fake.click(env.alpha, "job-postings", env.alice, repost_message, f"remove:{posting_id}")
    assert edits_in_place(await env.fake.answer(ix), repost_message)
    await env.fake.wait_call(
        lambda c: c.method == "PATCH" and c.path.endswith(f"/messages/{first_message['id']}")
    )
    assert components(env.fake.messages[int(first_message["id"])]) == []
    assert components(env.fake.messages[int(repost_message["id"])]) == []
