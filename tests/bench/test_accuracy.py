"""The accuracy harness: it reads any corpus of the documented shape and scores what it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.accuracy import field_correct, load_skill_gold, main, score, score_skills
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


def test_skill_precision_and_recall_follow_the_labelling_convention(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "board.jsonl").write_text(
        json.dumps({"id": "p1", "text": "posting one"})
        + "\n"
        + json.dumps({"id": "p2", "text": "posting two"}),
        encoding="utf-8",
    )
    labels = tmp_path / "skills-a.jsonl"
    rows = [
        {
            "id": "p1",
            "file": "board.jsonl",
            "role_family": "software",
            "skills": [
                {"name": "Amazon Web Services", "aliases": ["AWS"]},
                {"name": "Python", "aliases": []},
            ],
            "acceptable": [{"name": "Cloud Computing", "aliases": []}],
        },
        {"id": "p2", "file": "board.jsonl", "role_family": "sales", "skills": [{"name": "Salesforce"}]},
        {"id": "missing", "file": "board.jsonl", "skills": [{"name": "Go"}]},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    predictions = {
        # An alias hit, an acceptable skill (ignored), a false positive, one gold skill missed.
        "posting one": ["AWS", "Cloud Computing", "Recruiting"],
        "posting two": ["Salesforce", "Salesforce"],
    }
    gold = load_skill_gold([labels], corpus)
    assert [g.row_id for g in gold] == ["p1", "p2"]
    report = score_skills(gold, extract=lambda text: predictions[text])
    overall = report.overall
    assert (overall.hits, overall.false_positives, overall.found, overall.gold) == (2, 1, 2, 3)
    assert overall.precision == pytest.approx(2 / 3) and overall.recall == pytest.approx(2 / 3)
    assert overall.wrong == {"Recruiting": 1} and overall.missed == {"Python": 1}
    assert report.by_family["sales"].recall == 1.0
    assert report.by_file["board.jsonl"].postings == 2


def test_seed_shaped_skill_gold_counts_only_named_wrong_skills(tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_text("seed text", encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(
        json.dumps({"file": "seed.txt", "skills": ["Python", "SQL"], "not_skills": ["Docker"]}),
        encoding="utf-8",
    )
    gold = load_skill_gold([gold_file], tmp_path)
    report = score_skills(gold, extract=lambda _: ["Python", "Docker", "Kubernetes"])
    assert (report.overall.hits, report.overall.false_positives) == (1, 1)
    assert report.overall.missed == {"SQL": 1}
