"""/salary: pay percentiles for a role, per currency and seniority, with a chart."""

from __future__ import annotations

from dataclasses import dataclass

from commands.core.format import role_title
from commands.core.reply import Reply, ReplyField
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
from parsing.models import Period
from store import SalaryStats


def salary_fields(stats: SalaryStats) -> list[ReplyField]:
    fields = []
    for cur in stats.by_currency:
        fields.append(
            ReplyField(
                name=f"{cur.currency} · {postings(cur.overall.n)}",
                value=detail(cur.overall, cur.currency),
            )
        )
        if len(cur.by_seniority) > 1 or (cur.by_seniority and cur.by_seniority[0].seniority):
            lines = [
                f"{(s.seniority or 'unstated').capitalize()}: {brief(s.stats, cur.currency)}"
                for s in cur.by_seniority
            ]
            fields.append(ReplyField(name=f"{cur.currency} by seniority", value="\n".join(lines)))
    return fields


@dataclass(frozen=True, slots=True)
class SalaryQuery:
    """What /salary is asked: a role, and the filters (each front end reads its options into one)."""

    role: str
    location: str | None = None
    seniority: str | None = None
    currency: str | None = None
    period: Period = "year"


async def salary(svc: Services, guild_id: int, query: SalaryQuery, *, chart: bool | None = None) -> Reply:
    """/salary: kept while the server's postings are unchanged, computed once for identical questions
    asked together; with a chart unless ``chart`` is False (default: when the deployment draws them)."""
    drawn = svc.charts if chart is None else chart
    return await svc.answers.answer(
        guild_id, ("salary", query, drawn), lambda: salary_reply(svc, guild_id, query, chart=drawn)
    )


async def salary_reply(svc: Services, guild_id: int, query: SalaryQuery, *, chart: bool = True) -> Reply:
    """The answer, computed."""
    stats = await svc.store.salary_stats(
        guild_id, query.role, query.location, query.seniority, query.currency, query.period
    )
    currency = query.currency
    filters = " · ".join(
        x for x in (query.location, query.seniority, currency.upper() if currency else None) if x
    )
    if not stats.by_currency:
        where = f" ({filters})" if filters else ""
        return Reply.notice(f"No saved postings with pay match '{query.role}'{where} yet.")
    lines = []
    if filters:
        lines.append(f"Filtered: {filters}")
    thin = [c.currency for c in stats.by_currency if not has_quartiles(c.overall.n)]
    if thin:
        lines.append(
            f"Too few postings for percentiles in {', '.join(thin)}: "
            f"a median from {MEDIAN_FROM}, p25–p75 from {QUARTILES_FROM}, p90 from {P90_FROM}."
        )
    if len(stats.by_currency) > 1:
        lines.append("Currencies are shown separately, never blended.")
    files = []
    if chart:
        image = await salary_chart(stats)
        if image is not None:
            files.append(image)
    return Reply(
        title=f"Pay for {role_title(stats.role_key)} (per {query.period})",
        description="\n".join(lines) or None,
        fields=salary_fields(stats),
        footer=(
            "Each posting counts at the midpoint of its range, annualized "
            f"({svc.pay.hours_per_year:g} hours a year)."
        ),
        files=files,
    )
