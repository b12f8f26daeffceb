"""``jobscout salary --json``: the statistics as the replies show them (the small-n rule applies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

POSTING = """Senior Machine Learning Engineer
Acme Robotics

We are hiring a machine learning engineer to build perception models.
Salary: $150,000 - $170,000 per year.
"""


def test_salary_json_follows_the_small_n_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    assert main(["add", str(posting), "--database", url]) == 0
    capsys.readouterr()
    assert main(["salary", "ml engineer", "--json", "--database", url]) == 0
    stats = json.loads(capsys.readouterr().out)
    (usd,) = stats["by_currency"]
    overall = usd["overall"]
    assert overall["n"] == 1 and overall["figures"] == [160_000.0]
    assert overall["median"] is None and overall["p25"] is None and overall["p90"] is None
    assert main(["salary", "ml engineer", "--currency", "XYZ", "--database", url]) == 2
    assert "No exchange rate for 'XYZ'" in capsys.readouterr().err
