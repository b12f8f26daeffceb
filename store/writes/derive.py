"""From a parse (plus the user's fixes) to the columns and child rows the store writes.

Pure and picklable, so bulk import can run it in worker processes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from parsing.models import Period, Posting, Salary, SalaryRange
from store.keys import MAX_KEY_LENGTH, RoleKeys, location_key, location_keys, text_key
from store.pay import PayConfig, pay_point
from store.results import PayFix, PayView
from store.writes import dedup

PERIODS: tuple[Period, ...] = ("hour", "day", "week", "month", "year")
# Fixes that replace a field of the parse itself (the others set effective columns directly).
PARSE_FIXES = ("workplace", "employment_type", "locations", "skills")


@dataclass(slots=True)
class Derived:
    """Effective fields of a posting (parse + fixes), as plain data: the postings columns, the pay
    range rows, skills and location keys. Cheap to pickle (bulk import prepares it in workers)."""

    columns: dict[str, Any]
    pay_ranges: list[dict[str, Any]]
    skills: list[tuple[str, str]]  # (key, display name), in the parse's order
    location_keys: list[str]

    def pay_rows(self, posting_id: int) -> list[dict[str, Any]]:
        return [{"posting_id": posting_id, "position": i, **r} for i, r in enumerate(self.pay_ranges)]

    def location_rows(self, posting_id: int, guild_id: int) -> list[dict[str, Any]]:
        c = self.columns
        return [
            {
                "posting_id": posting_id,
                "location_key": key,
                "guild_id": guild_id,
                "role_key": c["role_key"],
                "pay_currency": c["pay_currency"],
                "seniority": c["seniority"],
                "pay_year": c["pay_year"],
            }
            for key in self.location_keys
        ]


def _columns(
    title: str | None,
    company: str | None,
    role: str | None,
    seniority: str | None,
    parsed: Posting,
    pay: PayView | None,
) -> dict[str, Any]:
    return {
        "title": title,
        "title_key": text_key(title) if title else None,
        "company": company,
        "role_key": role,
        "seniority": seniority,
        "workplace": parsed.workplace,
        "employment_type": parsed.employment_type,
        "pay_text": pay.text if pay else None,
        "pay_currency": pay.currency if pay else None,
        "pay_period": pay.period if pay else None,
        "pay_min": pay.min if pay else None,
        "pay_max": pay.max if pay else None,
        "pay_year": pay.year_point if pay else None,
        "pay_year_min": pay.year_min if pay else None,
        "pay_year_max": pay.year_max if pay else None,
        "pay_usd_year": pay.usd_year if pay else None,
        "pay_rate_date": pay.rate_date if pay else None,
    }


def _pay_row(r: PayView) -> dict[str, Any]:
    return {
        "origin": r.origin,
        "text": r.text or "",
        "label": r.label,
        "currency": r.currency,
        "period": r.period,
        "min": r.min,
        "max": r.max,
        "year_min": r.year_min,
        "year_max": r.year_max,
        "usd_year_min": _usd(r, r.year_min),
        "usd_year_max": _usd(r, r.year_max),
        "rate_date": r.rate_date,
    }


def _usd(view: PayView, year_amount: float | None) -> float | None:
    if year_amount is None or view.usd_year is None or not view.year_point:
        return None
    return year_amount * view.usd_year / view.year_point


def as_period(value: str) -> Period:
    """A stated period as one of ours (anything unknown counts as yearly)."""
    return cast(Period, value) if value in PERIODS else "year"


def pay_view(
    *,
    text: str | None,
    currency: str,
    period: str,
    low: float | None,
    high: float | None,
    cfg: PayConfig,
    label: str | None = None,
    origin: str = "parsed",
) -> PayView:
    currency = currency.upper()
    view_period = as_period(period)
    year_min = cfg.annualize(low, view_period)
    year_max = cfg.annualize(high, view_period)
    point = pay_point(year_min, year_max)
    usd = cfg.to_usd(point, currency)
    return PayView(
        text=text,
        label=label,
        origin="fix" if origin == "fix" else "parsed",
        currency=currency,
        period=view_period,
        min=low,
        max=high,
        year_min=year_min,
        year_max=year_max,
        year_point=point,
        usd_year=usd,
        rate_date=cfg.rates_date if usd is not None else None,
    )


def _from_salary(s: Salary | SalaryRange | PayFix, cfg: PayConfig, origin: str = "parsed") -> PayView | None:
    if s.min is None and s.max is None:
        return None
    low, high = s.min, s.max
    if low is not None and high is not None and low > high:
        low, high = high, low
    return pay_view(
        text=s.text,
        currency=s.currency,
        period=s.period,
        low=low,
        high=high,
        cfg=cfg,
        label=getattr(s, "label", None),
        origin=origin,
    )


def derive(parsed: Posting, fixes: dict[str, Any], cfg: PayConfig, roles: RoleKeys) -> Derived:
    """Effective fields: every fix wins over the parse (a pay fix of None means "states no pay"; a
    fix of None or [] elsewhere means the field was cleared)."""
    corrected = {name: fixes[name] for name in PARSE_FIXES if name in fixes}
    if corrected:
        parsed = parsed.model_copy(update=corrected)
    title = fixes.get("title", parsed.title)
    company = fixes.get("company", parsed.company)
    seniority = fixes.get("seniority", parsed.seniority)
    role_source = fixes.get("title", parsed.role or parsed.title)
    if "pay" in fixes:
        fix = PayFix.model_validate(fixes["pay"]) if fixes["pay"] is not None else None
        envelope = _from_salary(fix, cfg, "fix") if fix else None
        ranges = [envelope] if envelope else []
    else:
        ranges = [v for v in (_from_salary(r, cfg) for r in parsed.salary_ranges) if v is not None]
        if parsed.salary is not None:
            envelope = _from_salary(parsed.salary, cfg)
        else:
            envelope = ranges[0] if ranges else None
        if envelope is not None and not ranges:
            ranges = [envelope]
    skills: dict[str, str] = {}
    for name in parsed.skills:
        key = text_key(name)
        if key and key not in skills:
            skills[key] = name.strip()[:MAX_KEY_LENGTH]
    return Derived(
        columns=_columns(title, company, roles(role_source), seniority, parsed, envelope),
        pay_ranges=[_pay_row(r) for r in ranges],
        skills=list(skills.items()),
        location_keys=location_keys(parsed.locations, parsed.workplace, roles.places),
    )


_NOT_WORD = re.compile(r"[^\w]+")
_LEGAL_FORM = re.compile(r"\b(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|bv|co|corp|corporation)\b")


def company_key(name: str | None) -> str | None:
    """A company's name as compared between reposts: "Acme, Inc." and "ACME" are the same company."""
    if not name:
        return None
    key = " ".join(_LEGAL_FORM.sub(" ", _NOT_WORD.sub(" ", text_key(name))).split())
    return key or None


@dataclass(frozen=True, slots=True)
class Identity:
    """What tells two postings with near-identical text apart: the parsed role, level, places, company
    and title (an agency's ad sent for two clients is two postings)."""

    role: str | None
    seniority: str | None
    places: frozenset[str]
    company: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, parsed: Posting, roles: RoleKeys) -> Identity:
        places = frozenset(k for k in (location_key(x) for x in parsed.locations) if k)
        title = " ".join(_NOT_WORD.sub(" ", text_key(parsed.title)).split()) if parsed.title else None
        return cls(
            roles(parsed.role or parsed.title),
            parsed.seniority,
            places,
            company_key(parsed.company),
            title or None,
        )

    def compatible(self, other: Identity) -> bool:
        if self.role and other.role and self.role != other.role:
            return False
        if self.company and other.company and self.company != other.company:
            return False
        if self.title and other.title and self.title != other.title:
            return False
        if self.seniority and other.seniority and self.seniority != other.seniority:
            return False
        return not (self.places and other.places and not self.places & other.places)


@dataclass(slots=True)
class Prepared:
    """A posting ready to be written: text identity (hash, MinHash), the parse and its derived fields.
    Plain data only, so it crosses process boundaries cheaply."""

    text: str
    text_hash: bytes
    sample: int
    signature: npt.NDArray[np.uint32]
    band_keys: list[int]
    identity: Identity
    parsed_json: str
    fixes: dict[str, Any]
    derived: Derived
    added_at: datetime
    source: str
    user_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None
    fixed_by: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def prepare(
    text: str,
    parsed: Posting,
    cfg: PayConfig,
    roles: RoleKeys,
    *,
    added_at: datetime,
    source: str,
    fixes: dict[str, Any] | None = None,
    user_id: int | None = None,
    channel_id: int | None = None,
    message_id: int | None = None,
) -> Prepared:
    normalized = dedup.normalize_text(text)
    digest = dedup.text_hash(normalized)
    sig = dedup.signature(dedup.shingle_hashes(normalized))
    fixes = dict(fixes or {})
    return Prepared(
        text=text,
        text_hash=digest,
        sample=dedup.sample_value(digest),
        signature=sig,
        band_keys=dedup.band_keys(sig),
        identity=Identity.of(parsed, roles),
        parsed_json=parsed.model_dump_json(exclude_defaults=True),
        fixes=fixes,
        derived=derive(parsed, fixes, cfg, roles),
        added_at=added_at,
        source=source,
        user_id=user_id,
        channel_id=channel_id,
        message_id=message_id,
    )


def parse_fixes(rows: list[tuple[str, str]]) -> dict[str, Any]:
    return {field_name: json.loads(value) for field_name, value in rows}
