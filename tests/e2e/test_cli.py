"""``jobscout run`` against the fake Discord: clear messages for a missing or rejected token or intent,
and the token never printed or logged."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli import run as cli_bot
from tests.e2e.fakediscord import FakeDiscord
from tests.e2e.harness import bot_settings


def test_run_without_a_token_explains(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["run"]) == cli_bot.EXIT_CONFIG
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN is not set" in err and "Traceback" not in err


Outcome = tuple[int, str, str]  # exit status, standard error, the log


@pytest.fixture
def run_bot(
    fake: FakeDiscord,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> Callable[[str], Awaitable[Outcome]]:
    """``jobscout run`` against the fake with a token: what it exits with, says and logs."""
    caplog.set_level(logging.DEBUG)

    async def run(token: str) -> Outcome:
        code = await asyncio.wait_for(cli_bot.run_bot(bot_settings(fake, tmp_path, db_url), token), 20)
        return code, capsys.readouterr().err, caplog.text

    return run


async def test_rejected_token_is_a_message_not_a_traceback(
    run_bot: Callable[[str], Awaitable[Outcome]],
) -> None:
    secret = "MTIz.wrong-secret-token.abc"
    code, err, logged = await run_bot(secret)
    assert code == cli_bot.EXIT_CONFIG
    assert "LoginFailure" in err and "Traceback" not in err
    assert secret not in err and secret not in logged


async def test_missing_message_content_intent_is_explained(
    fake: FakeDiscord, run_bot: Callable[[str], Awaitable[Outcome]]
) -> None:
    fake.message_content_allowed = False
    code, err, logged = await run_bot(fake.token)
    assert code == cli_bot.EXIT_CONFIG
    assert "Message Content Intent" in err and "message_content = false" in err
    assert fake.token not in logged and fake.token not in err
