"""``jobscout run`` against the fake Discord: clear messages for a missing or rejected token or intent,
and the token never printed or logged."""

from __future__ import annotations

import asyncio
import logging
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


async def test_rejected_token_is_a_message_not_a_traceback(
    fake: FakeDiscord,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "MTIz.wrong-secret-token.abc"
    code = await cli_bot.run_bot(bot_settings(fake, tmp_path, db_url), secret)
    assert code == cli_bot.EXIT_CONFIG
    err = capsys.readouterr().err
    assert "LoginFailure" in err and "Traceback" not in err
    assert secret not in err and secret not in caplog.text


async def test_missing_message_content_intent_is_explained(
    fake: FakeDiscord,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.message_content_allowed = False
    code = await asyncio.wait_for(cli_bot.run_bot(bot_settings(fake, tmp_path, db_url), fake.token), 20)
    assert code == cli_bot.EXIT_CONFIG
    err = capsys.readouterr().err
    assert "Message Content Intent" in err and "message_content = false" in err
    assert fake.token not in caplog.text and fake.token not in err
