"""Members pasting postings into watched channels, as Discord delivers them."""

from __future__ import annotations

import asyncio

from tests.e2e.conftest import Env
from tests.e2e.fakediscord import opt, sub

POSTING = """Senior Machine Learning Engineer — Acme Robotics (Remote, EU)

We're hiring a senior ML engineer to join our perception team.
Responsibilities:
- Train and ship models for our warehouse robots
- Own the evaluation pipeline
Requirements: 5+ years of experience with Python and PyTorch.
Salary: €90,000 – €110,000 per year, full-time. Apply with your CV.
"""

LONG_POSTING = POSTING + "\n".join(
    f"- Benefit number {i}: health insurance, pension, 30 days PTO" for i in range(80)
)


async def test_paste_gets_a_card_with_buttons_and_is_stored(env: Env) -> None:
    message, reply = await env.paste(POSTING)
    (posting_id,) = await env.saved()
    assert reply.custom_ids == [f"fix:{posting_id}", f"fix-more:{posting_id}", f"remove:{posting_id}"]
    assert reply.json["embeds"][0]["title"]
    assert f"#{posting_id}" in reply.text
    # a reply to the member's message that pings nobody, not even the poster
    assert reply.json["message_reference"]["message_id"] == int(message["id"])
    assert reply.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None
    assert (view.user_id, view.channel_id, view.message_id) == (
        env.alice.id,
        env.alpha.channel("job-postings"),
        int(message["id"]),
    )
    assert view.source == "message"
    assert view.text.strip() == POSTING.strip()


async def test_long_paste_as_message_txt(env: Env) -> None:
    attachment = env.fake.attachment("message.txt", LONG_POSTING.encode())
    _, reply = await env.paste("", attachments=[attachment])
    (posting_id,) = await env.saved()
    view = await env.services.store.get_posting(env.alpha.id, posting_id)
    assert view is not None and view.source == "attachment"
    assert "Benefit number 79" in view.text
    assert reply.custom_ids[0] == f"fix:{posting_id}"


async def test_html_file_with_a_comment(env: Env) -> None:
    html = f"<html><body><h1>Data Engineer</h1><p>{POSTING}</p></body></html>"
    attachment = env.fake.attachment("role.html", html.encode(), content_type="text/html")
    _, reply = await env.paste("this one looks good", attachments=[attachment])
    assert len(await env.saved()) == 1  # the comment is chat, the file is the posting
    assert reply.custom_ids


async def test_chatter_and_images_are_left_alone(env: Env) -> None:
    chatter = await env.fake.post_message(env.alpha, "job-postings", env.bob, "anyone heard back from Acme?")
    image = env.fake.attachment("screenshot.png", b"\x89PNG....", content_type="image/png")
    picture = await env.fake.post_message(env.alpha, "job-postings", env.bob, "look", attachments=[image])
    await env.paste(POSTING)  # processed after the two above
    await asyncio.sleep(0.2)
    assert env.replies_to(chatter) == [] and env.replies_to(picture) == []
    assert len(await env.saved()) == 1


async def test_unwatched_channel_is_ignored_until_setup_watch(env: Env) -> None:
    ignored = await env.fake.post_message(env.alpha, "hiring", env.alice, POSTING)
    await asyncio.sleep(0.3)
    assert env.replies_to(ignored) == [] and await env.saved() == []

    watch = sub("watch", opt("channel", str(env.alpha.channel("hiring")), kind=7))
    resolved = _channel_resolved(env, "hiring")
    refusal = await env.run("setup", watch, user=env.alice, resolved=resolved)
    assert refusal.ephemeral and "Manage Server" in refusal.text

    ok = await env.run("setup", watch, user=env.fake.owner, resolved=resolved)
    assert ok.ephemeral and "Now watching" in ok.text
    _, reply = await env.paste(POSTING, channel="hiring")
    assert reply.custom_ids
    # once a server chose channels, the default names are no longer watched
    other = await env.fake.post_message(
        env.alpha, "job-postings", env.alice, POSTING.replace("Senior", "Staff")
    )
    await asyncio.sleep(0.3)
    assert env.replies_to(other) == []


def _channel_resolved(env: Env, name: str) -> dict[str, object]:
    payload = env.alpha.channel_payload(name)
    payload["permissions"] = str((1 << 41) - 1)
    return {"channels": {payload["id"]: payload}}


async def test_repost_links_to_the_first_posting(env: Env) -> None:
    first, _ = await env.paste(POSTING)
    _, reply = await env.paste("\n\n" + POSTING.upper(), user=env.bob)  # same text, shouted
    assert len(await env.saved()) == 1
    link = f"https://discord.com/channels/{env.alpha.id}/{env.alpha.channel('job-postings')}/{first['id']}"
    buttons = [c for row in reply.json["components"] for c in row["components"]]
    assert any(b.get("url") == link and b["label"] == "First posting" for b in buttons)
    assert "Already saved" in reply.text


async def test_everyone_in_a_posting_pings_nobody(env: Env) -> None:
    _, reply = await env.paste(POSTING + "\n@everyone @here <@&123> <@456> apply today!")
    assert reply.json["allowed_mentions"]["parse"] == []
    ix = await env.slash("add", opt("text", "@everyone " + POSTING.replace("Senior", "Lead")))
    answer = await env.fake.answer(ix)
    assert answer.data["allowed_mentions"] == {"parse": []}


async def test_failing_attachment_download_is_reported(env: Env) -> None:
    broken = env.fake.attachment("message.txt", LONG_POSTING.encode(), status=500)
    _, reply = await env.paste("", attachments=[broken])
    assert "Could not download message.txt" in reply.text
    assert reply.json["embeds"][0]["color"] == 0xE74C3C  # an error, not a card
    assert await env.saved() == []


async def test_unreadable_file_is_reported(env: Env) -> None:
    binary = env.fake.attachment("posting.txt", b"\x00\x01\x02" * 100)
    _, reply = await env.paste("", attachments=[binary])
    assert "Could not read posting.txt" in reply.text
    assert await env.saved() == []


async def test_two_servers_never_see_each_others_postings(env: Env) -> None:
    await env.paste(POSTING)
    await env.paste(POSTING, guild=env.beta)  # the same text in another server is not a repost
    (alpha_id,) = await env.saved(env.alpha)
    (beta_id,) = await env.saved(env.beta)
    assert alpha_id != beta_id
    shown = await env.run("posting", sub("show", opt("posting", alpha_id, kind=4)), guild=env.beta)
    assert shown.ephemeral and f"no posting #{alpha_id}" in shown.text
    listed = await env.run("posting", sub("list"), guild=env.beta)
    assert f"#{beta_id}" in listed.text and f"#{alpha_id}" not in listed.text


async def test_setup_show_and_unwatch(env: Env) -> None:
    shown = await env.run("setup", sub("show"))
    assert shown.ephemeral and "#job-postings" in shown.text and "#jobs" in shown.text
    channel = opt("channel", str(env.alpha.channel("hiring")), kind=7)
    resolved = _channel_resolved(env, "hiring")
    await env.run("setup", sub("watch", channel), user=env.fake.owner, resolved=resolved)
    shown = await env.run("setup", sub("show"))
    assert f"<#{env.alpha.channel('hiring')}>" in shown.text
    gone = await env.run("setup", sub("unwatch", channel), user=env.fake.owner, resolved=resolved)
    assert "No longer watching" in gone.text and "No channels chosen" in gone.text
    # back to the configured names
    _, reply = await env.paste(POSTING)
    assert reply.custom_ids
