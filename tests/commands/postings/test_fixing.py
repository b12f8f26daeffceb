"""Reading a correction: every field at once, blank clears, reset goes back to the parse, and every
mistake is told together (nothing is written by the caller then)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commands.core.errors import CommandError
from commands.postings.fixing import plan_fix, shown_values
from parsing.models import Posting
from store import PayFix, PostingView


def view(**fields: object) -> PostingView:
    base: dict[str, object] = {
        "id": 4, "guild_id": 1, "title": "Senior DevOps Engineer", "company": "Acme", "role": "devops engineer",
        "seniority": "mid", "workplace": "remote", "employment_type": "full_time", "locations": ["Austin, TX"],
        "pay": None, "pay_ranges": [], "skills": ["Go", "Terraform"], "added_at": datetime(2026, 12, 1, tzinfo=UTC),
        "user_id": 7, "channel_id": None, "message_id": None, "source": "message", "fixed_fields": [],
        "repost_count": 0, "text": "", "parsed": Posting(),
    }  # fmt: skip
    return PostingView.model_validate(base | fields)


def test_fields_left_as_shown_change_nothing() -> None:
    current = view()
    assert plan_fix(shown_values(current), current).changed == []


def test_each_field_is_read_into_what_the_store_keeps() -> None:
    plan = plan_fix(
        {
            "title": "Staff SRE",
            "pay": "$150k-170k a year",
            "seniority": "Sr.",
            "locations": "Berlin, Germany; Remote",
            "workplace": "On-site",
            "employment_type": "Full time",
            "skills": "Rust, Go; SQL",
        },
        view(),
    )
    put = plan.put
    assert put["title"] == "Staff SRE" and put["seniority"] == "senior"
    assert isinstance(put["pay"], PayFix) and (put["pay"].min, put["pay"].max) == (150_000, 170_000)
    assert put["locations"] == ["Berlin, Germany", "Remote"]
    assert (put["workplace"], put["skills"]) == ("onsite", ["Rust", "Go", "SQL"])
    assert "employment_type" not in put  # "full time" is what is shown already
    assert plan.changed == ["title", "pay", "seniority", "locations", "workplace", "skills"]


def test_blank_clears_and_reset_returns_to_the_parse() -> None:
    plan = plan_fix({"company": "", "skills": "", "pay": "", "title": "Reset"}, view())
    assert plan.put == {"company": None, "skills": None} and plan.reset == {"title"}
    assert plan.changed == ["title", "company", "skills"]  # blank pay: there is none shown already


def test_every_bad_field_is_told_at_once() -> None:
    with pytest.raises(CommandError) as refused:
        plan_fix(
            {"title": "Fine", "seniority": "wizard", "workplace": "moon", "employment_type": "gig"}, view()
        )
    message = refused.value.message
    assert "Seniority must be one of" in message and "Workplace must be one of" in message
    assert "Employment type must be one of: full time, part time" in message
    assert message.endswith("Nothing was changed.")
