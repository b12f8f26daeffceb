"""/compare: postings side by side, with each one's pay percentile among its role."""

from __future__ import annotations

from commands.compare.chart import compare_chart
from commands.core.errors import CommandError
from commands.core.format import role_title, stated_pay, yearly_pay
from commands.core.reply import Reply, ReplyField
from commands.core.sample import COMPARISON_FROM, can_compare, postings
from commands.core.services import Services
from store import ComparedPosting

MAX_POSTINGS = 5


def _ordinal(n: float) -> str:
    k = round(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _standing(c: ComparedPosting, currency: str) -> str:
    """Where the posting's pay sits among its role, when there are enough peers for a rank to mean
    something; else how many there are."""
    role = role_title(c.posting.role)
    if c.percentile is not None and can_compare(c.peers):
        return f"{_ordinal(c.percentile)} percentile of {postings(c.peers)} for {role} in {currency}"
    return (
        f"Among {postings(c.peers)} for {role} in {currency}: "
        f"too few to rank (a percentile from {COMPARISON_FROM})"
    )


async def compare(svc: Services, guild_id: int, ids: list[int], *, chart: bool = True) -> Reply:
    unique = list(dict.fromkeys(ids))
    if len(unique) < 2:
        raise CommandError("Pick at least two different postings to compare.")
    if len(unique) > MAX_POSTINGS:
        raise CommandError(f"Compare at most {MAX_POSTINGS} postings at a time.")
    result = await svc.store.compare(guild_id, unique)
    if len(result.postings) < 2:
        missing = ", ".join(f"#{i}" for i in result.missing_ids)
        raise CommandError(f"Not found in this server: {missing}.")
    fields = []
    for c in result.postings:
        v = c.posting
        lines = []
        if v.pay is not None:
            lines.append(f"Pay: {v.pay.text or stated_pay(v.pay)}")
            lines.append(f"Per year: {yearly_pay(v.pay)}")
            lines.append(_standing(c, v.pay.currency))
        else:
            lines.append("Pay: not stated")
        where = ", ".join(v.locations[:2]) + (f" ({v.workplace})" if v.workplace else "")
        lines.append(f"Seniority: {v.seniority or '?'} · Where: {where.strip() or '?'}")
        if c.unique_skills:
            lines.append(f"Only here: {', '.join(c.unique_skills[:10])}")
        title = f"#{v.id} {v.title or 'Untitled'}" + (f" — {v.company}" if v.company else "")
        fields.append(ReplyField(name=title, value="\n".join(lines), inline=len(result.postings) <= 3))
    fields.append(ReplyField(name="Skills in common", value=", ".join(result.shared_skills[:20]) or "none"))
    files = []
    if chart:
        image = await compare_chart(result)
        if image is not None:
            files.append(image)
    footer = f"Not found: {', '.join(f'#{i}' for i in result.missing_ids)}" if result.missing_ids else None
    return Reply(title="Comparison", fields=fields, files=files, footer=footer)


async def answer_compare(svc: Services, guild_id: int, ids: list[int]) -> Reply:
    """/compare as the front ends ask it: kept while the server's postings are unchanged."""
    key = ("compare", tuple(ids), svc.charts)
    return await svc.answers.answer(guild_id, key, lambda: compare(svc, guild_id, ids, chart=svc.charts))
