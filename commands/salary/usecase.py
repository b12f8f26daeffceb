"""/salary: pay percentiles for a role, per currency and seniority, with a chart."""

from __future__ import annotations

from dataclasses import dataclass

from commands.core.format import money, role_title
from commands.core.reply import Reply, ReplyField
from commands.core.services import Services
from commands.salary.chart import salary_chart
from parsing.models import Period
from store import Distribution, SalaryStats

SMALL_N = 5


def _line(d: Distribution, currency: str) -> str:
    def m(value: float) -> str:
        return money(value, currency)

    return (
        f"median **{m(d.median)}** · p25–p75 {m(d.p25)}–{m(d.p75)}\n"
        f"min {m(d.min)} · p90 {m(d.p90)} · max {m(d.max)}"
    )


def salary_fields(stats: SalaryStats) -> list[ReplyField]:
    fields = []
    for cur in stats.by_currency:
        n = cur.overall.n
        fields.append(
            ReplyField(
                name=f"{cur.currency} · {n} posting{'s' if n != 1 else ''}",
                value=_line(cur.overall, cur.currency),
            )
        )
        if len(cur.by_seniority) > 1 or (cur.by_seniority and cur.by_seniority[0].seniority):
            lines = [
                f"{(s.seniority or 'unstated').capitalize()}: "
                f"{money(s.stats.median, cur.currency)} (n={s.stats.n})"
                for s in cur.by_seniority
            ]
            fields.append(ReplyField(name=f"{cur.currency} median by seniority", value="\n".join(lines)))
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
    if stats.n < SMALL_N:
        lines.append(
            f"Only {stats.n} posting{'s' if stats.n != 1 else ''} with pay: too few to mean much yet."
        )
    if len(stats.by_currency) > 1:
        lines.append("Currencies are shown separately, never blended.")
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
