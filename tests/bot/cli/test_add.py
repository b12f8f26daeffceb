"""``jobscout add``: the same "is this a posting?" rule as every front end, said in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.test_pastes import POSTING


def test_add_saves_a_posting_and_refuses_chat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    posting, chat = tmp_path / "posting.txt", tmp_path / "chat.txt"
    posting.write_text(POSTING)
    chat.write_text("hello there, see you all at the meetup on friday")
    assert main(["add", str(posting), "--database", database]) == 0
    assert "#1" in capsys.readouterr().out
    assert main(["add", str(chat), "--database", database]) == 2
    err = capsys.readouterr().err
    assert "doesn't look like a job posting" in err and len(err.strip().splitlines()) == 1
