"""Fields from a schema.org ``JobPosting`` (JSON-LD): the most precise source a page can carry."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parsing.currency import CURRENCIES
from parsing.html import html_to_text
from parsing.models import EmploymentType, HeaderFields, Period, SalaryRange
from parsing.salary import infer_period, plausible_pay

_UNIT_TO_PERIOD: dict[str, Period] = {
    "HOUR": "hour",
    "HOURLY": "hour",
    "DAY": "day",
    "DAILY": "day",
    "WEEK": "week",
    "WEEKLY": "week",
    "MONTH": "month",
    "MONTHLY": "month",
    "YEAR": "year",
    "YEARLY": "year",
    "ANNUAL": "year",
    "ANNUALLY": "year",
}
_EMPLOYMENT: dict[str, EmploymentType] = {
    "FULL_TIME": "full_time",
    "FULLTIME": "full_time",
    "PART_TIME": "part_time",
    "PARTTIME": "part_time",
    "CONTRACTOR": "contract",
    "CONTRACT": "contract",
    "TEMPORARY": "temporary",
    "TEMP": "temporary",
    "INTERN": "internship",
    "INTERNSHIP": "internship",
}
_COUNTRY_NAMES = {
    "US": "United States",
    "USA": "United States",
    "GB": "United Kingdom",
    "UK": "United Kingdom",
}


@dataclass
class JsonLdFields(HeaderFields):
    posted_on: date | None = None
    salary_ranges: list[SalaryRange] = field(default_factory=list)
    description: str | None = None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        cleaned = re.sub(r"\s+", " ", value).strip()
        return cleaned or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _location(place: Any) -> str | None:
    if isinstance(place, str):
        return _text(place)
    if not isinstance(place, dict):
        return None
    address = place.get("address", place)
    if isinstance(address, str):
        return _text(address)
    if not isinstance(address, dict):
        return None
    locality = _text(address.get("addressLocality"))
    region = _text(address.get("addressRegion"))
    country = _text(address.get("addressCountry"))
    if country:
        country = _COUNTRY_NAMES.get(country.upper(), country)
    if locality and region and country in (None, "United States"):
        return f"{locality}, {region}"
    if locality:
        return f"{locality}, {country}" if country else locality
    return country or region


def _salary(base: Any) -> list[SalaryRange]:
    ranges: list[SalaryRange] = []
    for amount in _as_list(base):
        if not isinstance(amount, dict):
            continue
        currency = (_text(amount.get("currency")) or "").upper()
        value = amount.get("value")
        unit = amount.get("unitText")
        if isinstance(value, dict):
            unit = value.get("unitText", unit)
            given = [value.get(key) for key in ("minValue", "maxValue", "value")]
            low, high, single = (_number(v) for v in given)
            if low is None and high is None and single is not None:
                low = high = single
        else:
            given = [value]
            low = high = _number(value)
        if any(v is not None and _number(v) is None for v in given):
            continue  # a bound that is there but no number ("NaN", "1e400", "TBD") spoils the amount
        period = _UNIT_TO_PERIOD.get(str(unit or "").upper())
        bounds = [v for v in (low, high) if v is not None]
        if currency not in CURRENCIES or not bounds:
            continue
        period_inferred = period is None and not unit
        if period_inferred:
            # No unit at all: baseSalary is pay by definition, so its size may choose the period.
            period = infer_period(bounds, currency, pay_stated=True)
        if period is None:
            continue
        if low is not None and high is not None and low > high:
            low, high = high, low
        # Page data is typed in by hand too: 1e308 an hour, negative or NaN figures are not pay.
        if not all(plausible_pay(v, currency, period) for v in (low, high) if v is not None):
            continue
        stated = "-".join(f"{v:,.2f}".rstrip("0").rstrip(".") for v in (low, high) if v is not None)
        ranges.append(
            SalaryRange(
                min=low,
                max=high,
                currency=currency,
                period=period,
                text=f"{currency} {stated} per {period}",
                label="baseSalary",
                period_inferred=period_inferred,
            )
        )
    return ranges


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_job_posting(data: dict[str, Any]) -> JsonLdFields:
    fields = JsonLdFields()
    fields.title = _text(data.get("title"))
    fields.company = _text(data.get("hiringOrganization"))
    locations = [_location(place) for place in _as_list(data.get("jobLocation"))]
    fields.locations = list(dict.fromkeys(loc for loc in locations if loc))
    location_type = str(data.get("jobLocationType") or "").upper()
    if "TELECOMMUTE" in location_type:
        fields.workplace = "remote"
    for kind in _as_list(data.get("employmentType")):
        mapped = _EMPLOYMENT.get(str(kind).upper().replace("-", "_").replace(" ", "_"))
        if mapped:
            fields.employment_type = mapped
            break
    fields.posted_on = _date(data.get("datePosted"))
    # Only the posting's own pay: schema.org's estimatedSalary is a market estimate, which is not pay.
    fields.salary_ranges = _salary(data.get("baseSalary"))
    description = data.get("description")
    if isinstance(description, str) and description.strip():
        fields.description = html_to_text(description) if "<" in description else description
    return fields
