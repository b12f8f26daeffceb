"""Pastes made while the bot was down are answered once it starts, from the channels' history; a
restart reads nothing twice, and what the bot answered before it stopped is left alone."""

from __future__ import annotations

from pathlib import Path

from bot.runtime import open_services
from tests.e2e.fakediscord import FakeDiscord, FakeUser, RestCall, snowflake
from tests.e2e.harness import bot_settings, running_bot

ALICE = FakeUser(snowflake(), "alice")


def _posting(n: int) -> str:
    return (
        f"Backend Engineer {n} - Company{n} (Berlin, Germany)\n\n"
        f"We are hiring a backend engineer for team {n}.\n"
        "Requirements: 3+ years of Python and PostgreSQL.\n"
        f"Salary: €{60 + n},000 - €{70 + n},000 per year, full-time.\n"
    )


def _replies_to(fake: FakeDiscord, message: dict[str, object]) -> list[RestCall]:
    return fake.find_calls(lambda c: c.method == "POST" and c.replying_to == int(str(message["id"])))


async def test_pastes_made_while_the_bot_was_down_are_answered_after_it_starts(
    fake: FakeDiscord, db_url: str, tmp_path: Path
) -> None:
    guild = fake.guilds[0]
    settings = bot_settings(fake, tmp_path, db_url)
    async with open_services(settings) as services:
        async with running_bot(fake, settings, services):
            live = await fake.post_message(guild, "job-postings", ALICE, _posting(1))
            await fake.channel_message(
                guild.channel("job-postings"), lambda c: c.replying_to == int(live["id"])
            )
        # The bot is down: two postings and some chat arrive.
        missed = [
            await fake.post_message(guild, "job-postings", ALICE, _posting(n), deliver=False) for n in (2, 3)
        ]
        chat = await fake.post_message(
            guild, "job-postings", ALICE, "anyone going to the meetup?", deliver=False
        )
        elsewhere = await fake.post_message(guild, "general", ALICE, _posting(4), deliver=False)

        async with running_bot(fake, settings, services):
            for message in missed:
                await fake.channel_message(
                    guild.channel("job-postings"), lambda c, m=message: c.replying_to == int(m["id"])
                )
        page = await services.store.list_postings(guild.id, page_size=10)
        views = [await services.store.get_posting(guild.id, p.id) for p in page.items]
        saved = {v.message_id for v in views if v is not None}
        assert saved == {int(m["id"]) for m in [live, *missed]}
        assert all(len(_replies_to(fake, m)) == 1 for m in [live, *missed])
        assert not _replies_to(fake, chat) and not _replies_to(fake, elsewhere)  # chat; an unwatched channel

        # Started again: only the chat, which was never answered, is looked at again (and left alone).
        async with running_bot(fake, settings, services) as running:
            assert running.bot.catching_up is not None
            assert await running.bot.catching_up == 1
        assert all(len(_replies_to(fake, m)) == 1 for m in [live, *missed])
        assert len((await services.store.list_postings(guild.id, page_size=10)).items) == 3
