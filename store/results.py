"""What the store's functions return: small pydantic models, never ORM rows."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, Field

from parsing.models import Period, Posting

Source = Literal["message", "attachment", "add_text", "add_file", "add_url", "cli", "import"]
SOURCES: tuple[Source, ...] = ("message", "attachment", "add_text", "add_file", "add_url", "cli", "import")
FixField = Literal[
    "title", "company", "seniority", "pay", "workplace", "employment_type", "locations", "skills"
]
FIX_FIELDS: tuple[FixField, ...] = (
    "title", "company", "seniority", "pay", "workplace", "employment_type", "locations", "skills"
)  # fmt: skip
DigestStatus = Literal["claimed", "sent", "failed"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class PayFix(BaseModel):
    """A user's statement of a posting's pay (replaces every parsed range)."""

    min: float | None
    max: float | None
    currency: str = Field(min_length=3, max_length=3)
    period: Period
    text: str


class PayView(BaseModel):
    """One pay range: as stated, and as computed (per year in its own currency, and in USD)."""

    text: str | None
    label: str | None = None
    origin: Literal["parsed", "fix"] = "parsed"
    currency: str
    period: Period
    min: float | None
    max: float | None
    year_min: float | None
    year_max: float | None
    year_point: float | None
    usd_year: float | None
    rate_date: date | None


class SavedPosting(BaseModel):
    """What every read of a saved posting starts with: which one it is, where it came from, and its
    fields as they read after fixes (``role`` is the role key). The view and the export row share it;
    the export writes these fields first, in this order."""

    id: int
    guild_id: int
    added_at: datetime
    source: str
    user_id: int | None
    channel_id: int | None
    message_id: int | None
    title: str | None
    company: str | None
    role: str | None
    seniority: str | None
    workplace: str | None
    employment_type: str | None
    locations: list[str]


class PostingView(SavedPosting):
    pay: PayView | None
    pay_ranges: list[PayView]
    skills: list[str]
    fixed_fields: list[str]
    repost_count: int
    text: str
    parsed: Posting
    fixed_by: dict[str, int | None] = Field(default_factory=dict)  # field -> the member who fixed it
    card_channel_id: int | None = None  # where the bot's card for it is (None: not known)
    card_message_id: int | None = None


class PayChange(BaseModel):
    old_text: str | None
    old_currency: str | None
    old_year: float | None
    new_text: str | None
    new_currency: str | None
    new_year: float | None


class AddResult(BaseModel):
    posting_id: int
    created: bool
    repost_of: int | None = None  # the saved posting this paste repeats (== posting_id when not created)
    similarity: float | None = None  # 1.0 for an exact repost
    already_recorded: bool = False  # the same Discord message was stored before (e.g. a replayed event)
    pay_change: PayChange | None = None
    posting: PostingView


class PostingSummary(BaseModel):
    id: int
    title: str | None
    company: str | None
    role: str | None
    locations: list[str]
    workplace: str | None
    pay_text: str | None
    pay_currency: str | None
    pay_year: float | None
    added_at: datetime
    source: str


class PostingPage(BaseModel):
    items: list[PostingSummary]
    page: int
    page_size: int
    has_more: bool


class PostingChoice(BaseModel):
    id: int
    label: str


class Distribution(BaseModel):
    n: int
    min: float
    p25: float
    median: float
    p75: float
    p90: float
    max: float
    # None: exact; else every figure is within this relative error (read from the pay buckets)
    within: float | None = None


class SeniorityStats(BaseModel):
    seniority: str | None  # None: the posting does not say
    stats: Distribution


class CurrencyStats(BaseModel):
    """One group of a salary answer: pay in ``currency`` per ``period`` (a day or hour rate stays in its
    own period unless figures per year were asked for)."""

    currency: str
    overall: Distribution
    by_seniority: list[SeniorityStats]
    period: Period = "year"
    sources: dict[str, int] = Field(default_factory=dict)  # converted: postings by stated currency


class SalaryStats(BaseModel):
    """Pay percentiles per currency (never blended unless ``converted_to``: then every posting with a
    rate is converted at the rates of ``rates_date``), from annualized pay."""

    role: str
    role_key: str | None
    location: str | None
    seniority: str | None
    currency: str | None  # the stated currency filtered on
    period: Period | None  # None: each posting in its own kind of period (salary per year, day rate...)
    by_currency: list[CurrencyStats]
    converted_to: str | None = None
    rates_date: date | None = None
    left_out: dict[str, int] = Field(default_factory=dict)  # converted: postings of currencies without rate
    annualised_from: dict[str, int] = Field(default_factory=dict)  # day or hour rates in yearly figures

    @property
    def n(self) -> int:
        return sum(c.overall.n for c in self.by_currency)


class ComparedPosting(BaseModel):
    posting: PostingView
    percentile: float | None  # 0-100 among saved postings of the same role and currency
    peers: int  # how many postings that percentile is among (this one included)
    unique_skills: list[str]


class Comparison(BaseModel):
    postings: list[ComparedPosting]
    shared_skills: list[str]
    missing_ids: list[int]


class SkillStat(BaseModel):
    skill: str
    count: int  # postings asking for it (in the sample when sampled)
    share: float  # 0-1
    previous_share: float | None
    change: float | None  # share - previous_share
    median_with: float | None  # yearly pay in SkillSummary.currency
    median_without: float | None
    n_with_pay: int
    n_without_pay: int


class SkillSummary(BaseModel):
    role: str | None
    role_key: str | None
    since: datetime | None
    until: datetime
    previous_since: datetime
    previous_until: datetime
    n_postings: int  # exact
    n_previous: int
    sample_size: int  # postings with pay the medians were computed from
    sampled: bool  # True when that was a uniform deterministic sample of a large selection
    currency: str | None  # the currency the pay medians are in (the most common one)
    skills: list[SkillStat]


class DigestPosting(BaseModel):
    id: int
    title: str | None
    company: str | None
    role: str | None
    pay_text: str | None
    pay_currency: str | None
    pay_year: float | None
    pay_usd_year: float | None


class RoleMedian(BaseModel):
    role: str
    currency: str
    n: int
    median: float
    figures: list[float] = Field(default_factory=list)  # the yearly pay itself when n is 1 or 2
    previous_n: int
    previous_median: float | None
    change: float | None  # relative: 0.05 = 5% up


class SkillMove(BaseModel):
    skill: str
    share: float
    previous_share: float
    change: float


class RepostNote(BaseModel):
    posting_id: int
    title: str | None
    company: str | None
    seen_at: datetime
    similarity: float
    pay_change: PayChange | None


class DigestData(BaseModel):
    guild_id: int
    period_start: datetime
    period_end: datetime
    new_count: int
    best_paid: list[DigestPosting]
    role_medians: list[RoleMedian]
    rising_skills: list[SkillMove]
    falling_skills: list[SkillMove]
    repost_count: int
    pay_changes: list[RepostNote]


class GuildSettings(BaseModel):
    guild_id: int
    watched_channel_ids: list[int] = Field(default_factory=list)
    digest_channel_id: int | None = None
    digest_day: Weekday | None = None
    digest_time: time | None = None
    digest_timezone: str | None = None
    enabled: bool = True
    last_failure: str | None = None
    last_failure_at: datetime | None = None
    updated_at: datetime | None = None


class DigestRun(BaseModel):
    guild_id: int
    period: str
    status: DigestStatus
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None
    failed_at: datetime | None
    error: str | None


class ExportRow(SavedPosting):
    """One posting as exported (``jobscout export --format jsonl``); importable without re-parsing."""

    pay_text: str | None
    pay_currency: str | None
    pay_period: str | None
    pay_min: float | None
    pay_max: float | None
    pay_year: float | None
    pay_usd_year: float | None
    pay_rate_date: date | None
    skills: list[str]
    fixes: dict[str, object]
    posting: Posting  # the parse, before fixes
    text: str


class ImportReport(BaseModel):
    read: int = 0
    added: int = 0
    reposts: int = 0
    skipped: int = 0  # already in the database (or twice in the file): importing again adds nothing
    errors: int = 0
    error_samples: list[str] = Field(default_factory=list)
    # A strict import stops at the first record it cannot read: that record ("line N: why").
    stopped_at: str | None = None


class ReparseReport(BaseModel):
    postings: int = 0
    changed: int = 0
