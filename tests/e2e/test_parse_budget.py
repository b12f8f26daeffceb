"""Through Discord: a paste whose parse runs past the budget is answered with a clear message, and
a normal paste pasted meanwhile gets its card without waiting for it."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from bot.config import ParseSettings
from bot.runtime import open_services
from commands.core.parse_runner import LARGE_PASTE_CHARS
from tests.e2e.fakediscord import FakeDiscord, FakeUser, snowflake
from tests.e2e.harness import bot_settings, running_bot

ALICE = FakeUser(snowflake(), "alice")
NORMAL = (
    "Data Engineer - Example GmbH (Berlin, Germany)\n\nWe are hiring a data engineer.\n"
    "Requirements: Python, SQL, Airflow.\nSalary: €70,000 - €85,000 per year, full-time.\n"
)
LARGE = (
    "Platform Engineer - Other AG (Munich, Germany)\n\nWe are hiring a platform engineer.\n"
    "Requirements: Kubernetes, Go, Terraform.\nSalary: €90,000 - €100,000 per year, full-time.\n\n"
    + "- You will build and run our services with Kubernetes and Go.\n"
    * (LARGE_PASTE_CHARS // 60 + 1)
)
# The card must come well inside this; it only keeps a broken build from hanging the run.
PATIENCE = 60.0


async def test_an_over_budget_paste_is_refused_and_does_not_hold_others(
    fake: FakeDiscord, db_url: str, tmp_path: Path
) -> None:
    guild = fake.guilds[0]
    channel = guild.channel("job-postings")
    settings = bot_settings(fake, tmp_path, db_url)
    settings.parse = ParseSettings(workers=1, budget_seconds=2.0)
    async with open_services(settings) as services, running_bot(fake, settings, services):
        runner = services.parser
        assert runner is not None
        warm = await fake.post_message(guild, "job-postings", ALICE, LARGE)
        await fake.channel_message(channel, lambda c: c.replying_to == int(warm["id"]), timeout=PATIENCE)
        (large_worker,) = list(runner._large.idle._queue)  # type: ignore[attr-defined]
        os.kill(large_worker.process.pid, signal.SIGSTOP)  # as a parse that never ends
        try:
            stuck = await fake.post_message(guild, "job-postings", ALICE, LARGE + " (again)")
            normal = await fake.post_message(guild, "job-postings", ALICE, NORMAL)
            card = await fake.channel_message(
                channel, lambda c: c.replying_to == int(normal["id"]), timeout=PATIENCE
            )
            refused = await fake.channel_message(
                channel, lambda c: c.replying_to == int(stuck["id"]), timeout=PATIENCE
            )
        finally:
            if large_worker.process.is_alive():
                os.kill(large_worker.process.pid, signal.SIGCONT)
        assert card.custom_ids  # the normal posting's card, with its buttons
        assert "took too long to read" in refused.text and not refused.custom_ids
        page = await services.store.list_postings(guild.id, page_size=10)
        assert len(page.items) == 2  # the warm-up paste and the normal one; nothing of the refused one
