"""Crafted pastes (thousands of unclosed tags, amounts or shared currency signs) are read in one pass;
these tests pin what they are read as. Their speed is measured in bench/reliability.py."""

from __future__ import annotations

import pytest

from parsing import parse_posting
from parsing import salary as salary_module
from parsing.html import parse_html
from parsing.salary import extract_salary_ranges


def test_thousands_of_unclosed_anchor_tags_still_give_the_text_before_them() -> None:
    page = parse_html("<html><body><h1>Data Engineer</h1><p>Acme, Berlin</p>" + "<a " * 20_000)
    assert "Data Engineer" in page.text
    assert "Acme, Berlin" in page.text


def test_control_characters_in_html_are_read_as_spaces() -> None:
    page = parse_html("<html><body><p>Data\x00Engineer</p><p>Acme\x07Corp</p></body></html>")
    assert page.text.split() == ["Data", "Engineer", "Acme", "Corp"]


def test_line_breaks_of_void_tags_are_counted_once() -> None:
    page = parse_html("<html><body><div>one<br>two<br/>three</div></body></html>")
    assert page.text.strip().split("\n") == ["one", "two", "three"]


def test_a_shared_currency_sign_is_settled_once_per_paste(monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[dict[str, str]] = []
    original = salary_module._PlaceHints._first_named

    def counting(self: salary_module._PlaceHints, hints: dict[str, str]) -> str | None:
        lookups.append(hints)
        return original(self, hints)

    monkeypatch.setattr(salary_module._PlaceHints, "_first_named", counting)
    text = "Backend developer in Oslo. Salary: 600 000 kr per year.\n" + "Lunch 100 kr. Parking 50 kr.\n" * 50
    ranges = extract_salary_ranges(text)
    assert ranges and ranges[0].currency == "NOK"
    assert len(lookups) == 1


def test_pay_early_in_a_paste_of_endless_figures_is_still_found() -> None:
    text = "Platform Engineer\nSalary: $140,000 - $170,000 per year\n\n" + "$1, " * 50_000
    posting = parse_posting(text)
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (140_000, 170_000)


def test_amounts_past_the_reading_limit_are_not_read() -> None:
    filler = "Item 7 costs 3 units.\n" * (salary_module._MAX_AMOUNTS)
    text = "Platform Engineer\n" + filler + "Salary: $140,000 - $170,000 per year\n"
    assert extract_salary_ranges(text) == []
    assert extract_salary_ranges("Platform Engineer\nSalary: $140,000 - $170,000 per year\n")


def test_a_header_segment_on_a_one_line_paste_is_still_a_pay_slot() -> None:
    text = "Backend Developer | Leeds | £45K - £60K | Remote " + "x" * 200_000
    ranges = extract_salary_ranges(text)
    assert [(r.min, r.max, r.currency) for r in ranges] == [(45_000, 60_000, "GBP")]
