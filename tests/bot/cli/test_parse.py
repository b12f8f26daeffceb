"""``jobscout parse``: the JSON contract, batches, and unreadable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

EXPECTED_KEYS = {
    "title",
    "role",
    "company",
    "locations",
    "workplace",
    "employment_type",
    "seniority",
    "salary",
    "salary_ranges",
    "experience_years",
    "education",
    "skills",
    "posted_on",
}
POSTING = """Data Engineer
Acme Analytics
Austin, TX

About the job
We are hiring a Data Engineer to build pipelines in Python and SQL.
Salary: $120,000 - $140,000 per year
"""


@pytest.fixture
def posting_file(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_prints_one_object_with_exactly_the_documented_keys(
    posting_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(posting_file)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == EXPECTED_KEYS
    assert result["salary"]["min"] == 120000
    assert result["salary"]["currency"] == "USD"
    assert result["salary"]["period"] == "year"


def test_several_paths_give_json_lines_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Pay: $20 - $25 per hour", encoding="utf-8")
    second.write_text("Salary: £40k-£50k pa", encoding="utf-8")
    assert main(["parse", str(first), str(second)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["salary"]["currency"] for line in lines] == ["USD", "GBP"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\x00\x01\x02binary\x00", "binary"), (b"   \n\t ", "empty"), (b"a" * 1_000_001, "too large")],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert reason in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_batch_reports_the_bad_file_and_parses_the_rest(
    tmp_path: Path, posting_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(missing), str(posting_file)]) == 2
    lines = capsys.readouterr().out.strip().splitlines()
    assert "error" in json.loads(lines[0]) and "missing.txt" in json.loads(lines[0])["error"]
    assert json.loads(lines[1])["salary"]["max"] == 140000


def test_reads_standard_input_through_the_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "parse", "-"],
        input=POSTING.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["salary"]["max"] == 140000


def test_pretty_output_is_indented(posting_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--pretty", str(posting_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert set(json.loads(out)) == EXPECTED_KEYS
