"""The whole parse: fields from different extractors agree with each other."""

from __future__ import annotations

from parsing import parse_posting


def test_bare_dollars_in_a_canadian_posting_are_canadian() -> None:
    posting = parse_posting(
        "Data Analyst\nMaple Metrics\nToronto, ON\n\nSalary: $90,000 - $110,000 per year\n"
    )
    assert posting.locations == ["Toronto, ON"]
    assert posting.salary is not None and posting.salary.currency == "CAD"


def test_vancouver_washington_keeps_us_dollars() -> None:
    posting = parse_posting(
        "Data Analyst\nCascade Metrics\nVancouver, WA\n\nSalary: $90,000 - $110,000 per year\n"
    )
    assert posting.salary is not None and posting.salary.currency == "USD"


def test_explicit_code_beats_location() -> None:
    posting = parse_posting(
        "Data Analyst\nMaple Metrics\nToronto, ON\n\nSalary: USD 90,000 - 110,000 per year\n"
    )
    assert posting.salary is not None and posting.salary.currency == "USD"


def test_role_is_the_title_without_seniority() -> None:
    posting = parse_posting("Sr. ML Engineer II\nAcme AI\nAustin, TX\n\nBuild models in Python.\n")
    assert posting.title == "Sr. ML Engineer II"
    assert posting.role == "machine learning engineer"
    assert posting.seniority == "senior"


def test_restated_range_is_listed_once() -> None:
    posting = parse_posting(
        "Salary Range: $120,000 - $140,000 per year.\nWe pay a salary within the range of $120,000 - $140,000."
    )
    assert len(posting.salary_ranges) == 1
