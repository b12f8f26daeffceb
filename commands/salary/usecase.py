"""/salary: pay percentiles for a role, per currency and seniority, with a chart."""

from __future__ import annotations

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


async def salary(
    svc: Services,
    guild_id: int,
    role: str,
    *,
    location: str | None = None,
    seniority: str | None = None,
    currency: str | None = None,
    period: Period = "year",
    chart: bool = True,
) -> Reply:
    stats = await svc.store.salary_stats(
        guild_id, role, location=location, seniority=seniority, currency=currency, period=period
    )
    filters = " · ".join(x for x in (location, seniority, currency.upper() if currency else None) if x)
    if not stats.by_currency:
        where = f" ({filters})" if filters else ""
        return Reply.notice(f"No saved postings with pay match '{role}'{where} yet.")
    lines = []
    if filters:
        lines.append(f"Filtered: {filters}")
    if stats.n < SMALL_N:
        lines.append(
            f"Only {stats.n} posting{'s' if stats.n != 1 else ''} with pay: too few to mean much yet."
        )
    if len(stats.by_currency) > 1:
        lines.append("Currencies are shown separately, never blended.")
    files = []
    if chart:
        image = await salary_chart(stats)
        if image is not None:
            files.append(image)
    return Reply(
        title=f"Pay for {role_title(stats.role_key)} (per {period})",
        description="\n".join(lines) or None,
        fields=salary_fields(stats),
        footer=(
            "Each posting counts at the midpoint of its range, annualized "
            f"({svc.pay.hours_per_year:g} hours a year)."
        ),
        files=files,
    )


async def answer_salary(
    svc: Services,
    guild_id: int,
    role: str,
    *,
    location: str | None = None,
    seniority: str | None = None,
    currency: str | None = None,
) -> Reply:
    """/salary as the front ends ask it: kept while the server's postings are unchanged, computed once
    for identical questions asked together, with a chart when the deployment draws them."""
    key = ("salary", role, location, seniority, currency, svc.charts)
    return await svc.answers.answer(
        guild_id,
        key,
        lambda: salary(
            svc, guild_id, role, location=location, seniority=seniority, currency=currency, chart=svc.charts
        ),
    )
