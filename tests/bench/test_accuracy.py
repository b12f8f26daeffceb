"""The accuracy harness: it reads any corpus of the documented shape and scores what it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.accuracy import field_correct, main, score
from parsing.models import Posting, Salary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "postings.jsonl"


def test_every_field_of_our_own_postings_is_right() -> None:
    report = score([FIXTURES])
    wrong = {name: bucket.failures for name, bucket in report.fields.items() if bucket.failures}
    assert report.rows >= 12
    assert not wrong


def test_alternatives_lists_and_ranges() -> None:
    assert field_correct("seniority", ["mid", None], None)
    assert not field_correct("seniority", ["mid", None], "senior")
    assert field_correct(
        "salary",
        {"min": 100, "max": 200, "currency": "USD", "period": "year"},
        {"min": 100.5, "max": 199, "currency": "USD", "period": "year"},
    )
    assert not field_correct(
        "salary",
        {"min": 100, "max": 200, "currency": "USD", "period": "year"},
        {"min": 100, "max": 200, "currency": "USD", "period": "hour"},
    )
    assert field_correct("title", "Sr. ML Engineer", "sr ml engineer")
    assert field_correct("education", ["master", "phd"], ["phd", "master"])
    assert field_correct(
        "experience_years", [{"min": 2, "max": None}, {"min": 1, "max": None}], {"min": 1, "max": None}
    )


def test_scores_rows_with_files_gold_at_top_level_and_ambiguity(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Salary: $50,000 - $60,000 per year", encoding="utf-8")
    rows = [
        {"file": "a.txt", "salary": {"min": 50000, "max": 60000, "currency": "USD", "period": "year"}},
        {"id": "b", "text": "Pay: $20/hr", "gold": {"salary": None}, "ambiguous": {}},
        {
            "id": "c",
            "text": "Pay: $20/hr",
            "gold": {"salary": {"min": 1, "max": 1, "currency": "USD", "period": "hour"}},
            "ambiguous": {"salary": "reason"},
        },
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = score([corpus])
    assert report.salary_with_gold.correct == 1 and report.salary_with_gold.scored == 1
    # Row b has no salary in gold but the text states one: a false salary, counted as such.
    assert report.salary_without_gold.scored == 1 and report.salary_without_gold.correct == 0
    assert report.fields["salary"].scored == 2  # row c is ambiguous, so left out


def test_not_skills_make_a_skills_row_wrong(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "x", "text": "anything", "gold": {"skills": ["Python"]}, "not_skills": ["Docker"]}),
        encoding="utf-8",
    )

    def parser(_: str) -> Posting:
        return Posting(
            skills=["Python", "Docker"], salary=Salary(min=1, max=1, currency="USD", period="year", text="$1")
        )

    report = score([corpus], parser=parser)
    assert report.fields["skills"].correct == 0


def test_command_line_prints_scores_and_failures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES), "--field", "salary"]) == 0
    out = capsys.readouterr().out
    assert "salary exact on rows with gold salary" in out
