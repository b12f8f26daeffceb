"""/help, the introduction when the bot joins a server (once per server), the answer to a mention, and
/export's permission and privacy."""

from __future__ import annotations

import csv
import io

from tests.e2e.conftest import Env
from tests.e2e.fakediscord import FakeGuild, opt
from tests.e2e.test_pastes import POSTING


async def test_help_says_how_it_works(env: Env) -> None:
    answer = await env.run("help")
    assert answer.ephemeral
    fields = {f["name"]: f["value"] for f in answer.json["data"]["embeds"][0]["fields"]}
    assert set(fields) == {"Commands", "Saving postings", "The weekly digest", "Privacy"}
    assert "/salary" in fields["Commands"] and "/add" in fields["Commands"]
    assert "#job-postings" in fields["Saving postings"] and "Save to JobScout" in fields["Saving postings"]
    assert "/digest channel" in fields["The weekly digest"]
    assert "member ids" in fields["Privacy"]


def posts_in(env: Env, guild: FakeGuild, channel: str) -> list[str]:
    path = f"/channels/{guild.channel(channel)}/messages"
    return [c.text for c in env.fake.find_calls(lambda c: c.method == "POST" and c.path == path)]


async def test_joining_a_server_says_hello_once(env: Env) -> None:
    gamma = FakeGuild.make("Gamma Ops", "rules", "lobby")
    await env.fake.join(gamma, system_channel="lobby")
    hello = await env.fake.channel_message(gamma.channel("lobby"))
    assert "JobScout is here" in hello.text and "/setup watch" in hello.text
    assert posts_in(env, gamma, "rules") == []
    # kicked and invited again: not a second introduction
    await env.fake.dispatch("GUILD_DELETE", {"id": str(gamma.id)}, guild_id=gamma.id)
    await env.fake.join(gamma, system_channel="lobby")
    await env.run("help")  # a round trip, so the bot has handled the second join
    assert len(posts_in(env, gamma, "lobby")) == 1


async def test_without_a_system_channel_the_first_writable_channel_is_used(env: Env) -> None:
    delta = FakeGuild.make("Delta", "announcements", "chat")
    await env.fake.join(delta)
    hello = await env.fake.channel_message(delta.channel("announcements"))
    assert "JobScout is here" in hello.text


async def test_a_mention_gets_an_answer(env: Env) -> None:
    me = env.fake.me
    message = await env.fake.post_message(env.alpha, "general", env.alice, f"<@{me.id}> help", mentions=[me])
    reply = await env.fake.channel_message(
        env.alpha.channel("general"), lambda c: c.replying_to == int(message["id"])
    )
    assert "Commands" in reply.text and "/salary" in reply.text
    # a message that only names someone else is not for the bot
    other = await env.fake.post_message(
        env.alpha, "general", env.alice, f"<@{env.bob.id}> hi", mentions=[env.bob]
    )
    await env.run("help")
    assert env.replies_to(other) == []


async def test_export_needs_manage_server_and_leaves_member_ids_out(env: Env) -> None:
    await env.paste(POSTING)
    refused = await env.run("export")
    assert refused.ephemeral and "Manage Server" in refused.text and not refused.files

    answer = await env.run("export", user=env.admin)
    ((_, data),) = answer.files
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == 1 and "user_id" not in rows[0]
    assert str(env.alice.id) not in data.decode("utf-8")

    asked = await env.run("export", opt("member_ids", True, kind=5), user=env.admin)
    ((_, data),) = asked.files
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8")))
    assert row["user_id"] == str(env.alice.id)
