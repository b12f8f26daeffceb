"""Every way a posting gets in (paste, /add, its form, the message menu) applies one "is this a posting?"
rule and answers with the same card; reposts naming another company are new postings, a repost with new
pay changes the posting's pay."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from bot.runtime import open_services
from tests.e2e.conftest import Env
from tests.e2e.fakediscord import MODAL, FakeDiscord, FakeUser, opt, snowflake
from tests.e2e.harness import bot_settings, running_bot
from tests.e2e.test_pastes import POSTING

SAVE = "Save to JobScout"


async def test_add_of_chit_chat_is_refused_with_the_reason(env: Env) -> None:
    for text in ("hello", "anyone heard back from Acme? their process took me six weeks last year"):
        answer = await env.run("add", opt("text", text))
        assert answer.ephemeral and "doesn't look like a job posting" in answer.text
    assert await env.saved() == []


async def test_add_with_no_option_opens_a_form_for_long_text(env: Env) -> None:
    ix = await env.slash("add")
    modal = await env.fake.answer(ix)
    assert modal.json["type"] == MODAL
    form = modal.json["data"]
    (text_input,) = [c for row in form["components"] for c in row["components"]]
    assert text_input["custom_id"] == "text" and text_input["max_length"] == 4000
    submitted = await env.fake.submit_modal(env.alpha, "general", env.alice, form, {"text": POSTING})
    card = await env.fake.answer(submitted)
    (posting_id,) = await env.saved()
    assert f"fix:{posting_id}" in card.custom_ids and not card.ephemeral
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.user_id == env.alice.id and view.source == "add_text"
    # the card's place is kept (just after it went out), so removing the posting by command can update it
    assert await env.card_of(posting_id) == card.message_id


async def test_save_to_jobscout_on_any_message(env: Env) -> None:
    # a message in a channel nobody watches, by bob; alice saves it from the message menu
    message = await env.fake.post_message(env.alpha, "general", env.bob, POSTING)
    assert env.replies_to(message) == []  # not a watched channel: the paste itself is left alone
    ix = await env.fake.message_command(env.alpha, "general", env.alice, SAVE, message)
    card = await env.fake.answer(ix)
    (posting_id,) = await env.saved()
    assert card.custom_ids[0] == f"fix:{posting_id}" and not card.ephemeral
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None
    assert (view.user_id, view.message_id) == (env.alice.id, int(message["id"]))
    # chat is refused with the reason, and nothing is saved
    chat = await env.fake.post_message(env.alpha, "general", env.bob, "congrats on the offer!!")
    refused = await env.fake.answer(
        await env.fake.message_command(env.alpha, "general", env.alice, SAVE, chat)
    )
    assert refused.ephemeral and "doesn't look like a job posting" in refused.text
    assert await env.saved() == [posting_id]


async def test_a_repost_naming_another_company_is_a_new_posting(env: Env) -> None:
    _, first = await env.paste(POSTING)
    _, second = await env.paste(POSTING.replace("Acme Robotics", "Initech"))
    ids = sorted(await env.saved())
    assert len(ids) == 2
    assert "Already saved" not in second.text and "Initech" in second.json["embeds"][0]["title"]
    assert "Acme Robotics" in first.json["embeds"][0]["title"]


async def test_a_repost_with_new_pay_updates_the_posting(env: Env) -> None:
    await env.paste(POSTING)
    (posting_id,) = await env.saved()
    raised = POSTING.replace("€90,000 – €110,000", "€100,000 – €120,000")
    _, repost = await env.paste(raised + "\nStill hiring!\n")
    assert await env.saved() == [posting_id]
    assert f"Already saved as #{posting_id}" in repost.text
    assert "Pay changed: €90,000 - €110,000 per year → €100,000 - €120,000 per year." in repost.text
    assert "Pay: €100,000 - €120,000 per year" in repost.text  # the card shows the current pay
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.pay is not None and (view.pay.min, view.pay.max) == (100_000, 120_000)
    salary = await env.run("salary", opt("role", "machine learning engineer"))
    assert "€110k" in salary.text and "€100k" not in salary.text  # the posting counts at its new pay


async def test_without_message_content_the_menu_and_the_form_still_save(
    fake: FakeDiscord, db_url: str, tmp_path: Path
) -> None:
    settings = bot_settings(fake, tmp_path, db_url, message_content=False)
    alpha, alice = fake.guilds[0], FakeUser(snowflake(), "alice")
    async with open_services(settings) as services, running_bot(fake, settings, services):
        assert not int(fake.identifies[-1]["intents"]) & (1 << 15)  # the privileged intent is not asked for
        pasted = await fake.post_message(alpha, "job-postings", alice, POSTING)
        ix = await fake.message_command(alpha, "job-postings", alice, SAVE, pasted)
        card = await fake.answer(ix)
        page = await services.store.list_postings(alpha.id)
        assert [p.id for p in page.items] == [1] and "fix:1" in card.custom_ids
        # the paste itself got no reply: in this mode only the menu and /add save postings
        assert fake.find_calls(lambda c: c.method == "POST" and c.replying_to == int(pasted["id"])) == []
        form = (await fake.answer(await fake.slash(alpha, "general", alice, "add"))).json["data"]
        other = POSTING.replace("Acme Robotics", "Initech")
        await fake.answer(await fake.submit_modal(alpha, "general", alice, form, {"text": other}))
        assert len((await services.store.list_postings(alpha.id)).items) == 2


async def test_a_failed_link_fetch_is_told_in_plain_words(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as closed:  # a port nothing listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with caplog.at_level(logging.INFO, logger="bot.fetch"):
        answer = await env.run("add", opt("url", f"http://127.0.0.1:{port}/jobs/1"))
    assert answer.ephemeral and "Could not reach that site" in answer.text
    assert "Error" not in answer.text and "Client" not in answer.text
    assert any("ClientConnectorError" in r.getMessage() for r in caplog.records)  # the detail is logged
    assert await env.saved() == []
