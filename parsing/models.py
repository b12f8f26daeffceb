"""The parsed shape of a job posting: what every other layer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Period = Literal["hour", "day", "week", "month", "year"]
Workplace = Literal["remote", "hybrid", "onsite"]
EmploymentType = Literal["full_time", "part_time", "contract", "temporary", "internship"]
Seniority = Literal[
    "intern", "entry", "mid", "senior", "lead", "staff", "principal", "manager", "director", "executive"
]
Education = Literal["high_school", "associate", "bachelor", "master", "phd"]

SENIORITY_ORDER: tuple[Seniority, ...] = (
    "intern",
    "entry",
    "mid",
    "senior",
    "lead",
    "staff",
    "principal",
    "manager",
    "director",
    "executive",
)
EDUCATION_ORDER: tuple[Education, ...] = ("high_school", "associate", "bachelor", "master", "phd")


class Salary(BaseModel):
    """Pay as the posting states it (nothing converted). As ``Posting.salary`` it is the envelope of the
    base-pay ranges in the posting's first period and currency."""

    model_config = ConfigDict(frozen=True)

    min: float | None
    max: float | None
    currency: str = Field(min_length=3, max_length=3)
    period: Period
    text: str
    # The posting wrote no period ("Pay: $18 - $20") and the magnitude chose one.
    period_inferred: bool = False
    # The posting wrote a bare "$" (or no currency) and its place or the rest of its text chose one.
    currency_inferred: bool = False


class SalaryRange(Salary):
    """One stated range, with what it applies to ("San Francisco Bay area", "Base salary")."""

    label: str | None = None


@dataclass
class HeaderFields:
    """The header fields each reader of a posting returns (a packed header line, JSON-LD, the header as a
    whole), before the pipeline merges them into a ``Posting``."""

    title: str | None = None
    company: str | None = None
    locations: list[str] = field(default_factory=list)
    workplace: Workplace | None = None
    employment_type: EmploymentType | None = None


class ExperienceYears(BaseModel):
    model_config = ConfigDict(frozen=True)

    min: int | None
    max: int | None


class Posting(BaseModel):
    """Everything the parser reads out of one posting. Absent fields are None or empty."""

    title: str | None = None
    role: str | None = None
    company: str | None = None
    locations: list[str] = Field(default_factory=list)
    workplace: Workplace | None = None
    employment_type: EmploymentType | None = None
    seniority: Seniority | None = None
    salary: Salary | None = None
    salary_ranges: list[SalaryRange] = Field(default_factory=list)
    experience_years: ExperienceYears | None = None
    education: list[Education] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    posted_on: date | None = None
    # How sure the parser is of a header field it read from evidence that can mislead (a packed
    # "Company | Role | Place" line): 0-1 by field name. A field below ``CONFIDENT`` is left empty. Not
    # serialised: stored postings and `jobscout parse` output keep their documented keys.
    confidence: dict[str, float] = Field(default_factory=dict, exclude=True)


# A header field read with less confidence than this is left empty (the card then invites a fix).
CONFIDENT: float = 0.5
