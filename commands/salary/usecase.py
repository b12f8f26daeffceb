"""/salary: pay percentiles for a role, per currency and seniority, with a chart."""

from __future__ import annotations

from dataclasses import dataclass, replace

from commands.core.errors import CommandError
from commands.core.format import role_title
from commands.core.reply import Reply, ReplyField
from commands.core.roles import ResolvedRole, matched_note, resolve_role
from commands.core.sample import (
    MEDIAN_FROM,
    P90_FROM,
    QUARTILES_FROM,
    brief,
    detail,
    has_quartiles,
    postings,
)
from commands.core.services import Services
from commands.salary.chart import salary_chart
from parsing.currency import CURRENCIES
from parsing.models import Period
from parsing.place_hierarchy import place_query
from store import CurrencyStats, PayConfig, SalaryStats

RATE_NAMES = {"day": " · day rates", "hour": " · hourly rates"}


def _group_name(cur: CurrencyStats, own_periods: bool) -> str:
    rate = RATE_NAMES.get(cur.period, "") if own_periods else ""
    return f"{cur.currency} per {cur.period}{rate} · {postings(cur.overall.n)}"


def salary_fields(stats: SalaryStats) -> list[ReplyField]:
    fields = []
    for cur in stats.by_currency:
        value = detail(cur.overall, cur.currency)
        if cur.sources:
            value += "\nfrom " + ", ".join(f"{code} (n={n})" for code, n in cur.sources.items())
        fields.append(ReplyField(name=_group_name(cur, stats.period is None), value=value))
        if len(cur.by_seniority) > 1 or (cur.by_seniority and cur.by_seniority[0].seniority):
            lines = [
                f"{(s.seniority or 'unstated').capitalize()}: {brief(s.stats, cur.currency)}"
                for s in cur.by_seniority
            ]
            fields.append(
                ReplyField(name=f"{cur.currency} per {cur.period} by seniority", value="\n".join(lines))
            )
    return fields


@dataclass(frozen=True, slots=True)
class SalaryQuery:
    """What /salary is asked: a role, and the filters (each front end reads its options into one).
    ``currency`` converts every posting into it; ``paid_in`` keeps only postings stated in it;
    ``period`` None shows salaries per year and day or hour rates in their own period."""

    role: str
    location: str | None = None
    seniority: str | None = None
    currency: str | None = None
    period: Period | None = None
    paid_in: str | None = None


def checked(query: SalaryQuery, pay: PayConfig) -> SalaryQuery:
    """The query with its currency codes upper-cased; an unknown code is refused with the known ones."""
    convert = query.currency.strip().upper() if query.currency else None
    stated = query.paid_in.strip().upper() if query.paid_in else None
    if convert and convert not in pay.usd_per_unit:
        known = ", ".join(sorted(pay.usd_per_unit))
        raise CommandError(f"No exchange rate for '{convert}'. Rates are configured for: {known}.")
    if stated and stated not in CURRENCIES:
        raise CommandError(f"Unknown currency '{stated}'. Known codes: {', '.join(sorted(CURRENCIES))}.")
    return replace(query, currency=convert, paid_in=stated)


async def salary(svc: Services, guild_id: int, query: SalaryQuery, *, chart: bool | None = None) -> Reply:
    """/salary: kept while the server's postings are unchanged, computed once for identical questions
    asked together; with a chart unless ``chart`` is False (default: when the deployment draws them)."""
    drawn = svc.charts if chart is None else chart
    query = checked(query, svc.pay)
    return await svc.answers.answer(
        guild_id, ("salary", query, drawn), lambda: salary_reply(svc, guild_id, query, chart=drawn)
    )


async def salary_stats(
    svc: Services, guild_id: int, query: SalaryQuery, role: ResolvedRole | None = None
) -> SalaryStats:
    """The statistics behind the reply (the CLI's ``--json``), of the saved role the query means."""
    query = checked(query, svc.pay)
    role = role or await resolve_role(svc, guild_id, query.role)
    return await svc.store.salary_stats(
        guild_id,
        role.role or query.role,
        place_query(query.location) if query.location else None,
        query.seniority,
        query.paid_in,
        query.period,
        convert_to=query.currency,
    )


def _place_label(location: str | None) -> str | None:
    """The place filtered on, with the name it was matched by when that differs ("uk (United Kingdom)")."""
    if not location:
        return None
    found = place_query(location)
    return location if found.casefold() == location.strip().casefold() else f"{location} ({found})"


def _notes(stats: SalaryStats, pay: PayConfig) -> list[str]:
    """What the figures rest on: the conversion and its rates, what was annualised, what is thin."""
    lines = []
    if stats.converted_to:
        sources = sorted({code for cur in stats.by_currency for code in cur.sources} - {stats.converted_to})
        if sources:
            lines.append(
                f"Converted to {stats.converted_to} from {', '.join(sources)} at the rates of "
                f"{stats.rates_date or pay.rates_date:%Y-%m-%d}; n by stated currency under each figure."
            )
        elif stats.by_currency:
            lines.append(f"All stated in {stats.converted_to}: nothing to convert.")
        if stats.left_out:
            left = ", ".join(f"{code} (n={n})" for code, n in sorted(stats.left_out.items()))
            lines.append(f"Left out, no exchange rate configured: {left}.")
    elif len({c.currency for c in stats.by_currency}) > 1:
        lines.append("Currencies are shown separately, never blended (currency: converts them).")
    if stats.annualised_from:
        per_year = {"day": pay.days_per_year, "hour": pay.hours_per_year}
        parts = [
            f"{n} {kind} rate{'s' if n != 1 else ''} (× {per_year[kind]:g} {kind}s)"
            for kind, n in stats.annualised_from.items()
        ]
        lines.append(f"Annualised from {' and '.join(parts)}, as if full time.")
    thin = [c.currency for c in stats.by_currency if not has_quartiles(c.overall.n)]
    if thin:
        lines.append(
            f"Too few postings for percentiles in {', '.join(dict.fromkeys(thin))}: "
            f"a median from {MEDIAN_FROM}, p25–p75 from {QUARTILES_FROM}, p90 from {P90_FROM}."
        )
    return lines


async def salary_reply(svc: Services, guild_id: int, query: SalaryQuery, *, chart: bool = True) -> Reply:
    """The answer, computed."""
    role = await resolve_role(svc, guild_id, query.role)
    stats = await salary_stats(svc, guild_id, query, role)
    filters = " · ".join(
        x
        for x in (
            _place_label(query.location),
            query.seniority,
            f"stated in {query.paid_in}" if query.paid_in else None,
        )
        if x
    )
    if not stats.by_currency:
        where = f" ({filters})" if filters else ""
        left = f" (left out for want of a rate: {', '.join(stats.left_out)})" if stats.left_out else ""
        return Reply.notice(f"No saved postings with pay match '{query.role}'{where} yet{left}.")
    lines = [matched_note(role)] if not role.exact else []
    lines += [f"Filtered: {filters}"] if filters else []
    lines += _notes(stats, svc.pay)
    bound = max((c.overall.within or 0.0 for c in stats.by_currency), default=0.0)
    if bound:
        lines.append(
            f"Large groups are read from a pay histogram: figures within ±{bound:.1%} (counts exact)."
        )
    files = []
    if chart:
        image = await salary_chart(stats)
        if image is not None:
            files.append(image)
    per = f" (per {query.period})" if query.period else ""
    basis = (
        f"annualized ({svc.pay.hours_per_year:g} hours, {svc.pay.days_per_year:g} days a year)"
        if query.period
        else "salaries per year, day and hour rates per day and hour"
    )
    return Reply(
        title=f"Pay for {role_title(stats.role_key)}{per}",
        description="\n".join(lines) or None,
        fields=salary_fields(stats),
        footer=f"Each posting counts at the midpoint of its range; {basis}.",
        files=files,
    )
