"""/skills: the skills most asked for, their share, the pay that goes with them, and what moved."""

from __future__ import annotations

from datetime import timedelta

from commands.core.errors import CommandError
from commands.core.format import money, percent, points, role_title
from commands.core.reply import Reply, ReplyField
from commands.core.services import Services
from store import SkillStat


def _line(s: SkillStat, currency: str | None) -> str:
    text = f"**{s.skill}** — {percent(s.share)} of postings"
    if s.change is not None and abs(s.change) >= 0.005:
        text += f" ({points(s.change)})"
    if s.median_with is not None and s.median_without is not None and currency:
        text += f" · pay {money(s.median_with, currency)} with vs {money(s.median_without, currency)} without"
    return text


async def skills(svc: Services, guild_id: int, role: str | None = None, *, days: int | None = None) -> Reply:
    if days is not None and days <= 0:
        raise CommandError("The number of days must be positive.")
    now = svc.clock()
    since = now - timedelta(days=days) if days else None
    summary = await svc.store.skill_summary(guild_id, role, since)
    subject = role_title(summary.role_key) if role else "all roles"
    if not summary.skills:
        return Reply.notice(f"No skills recorded yet for {subject}.")
    window = f"last {days} days" if days else "all time"
    count = f"≈{summary.n_postings:,}" if summary.sampled else f"{summary.n_postings:,}"
    description = f"{count} postings ({window})."
    if summary.sampled:
        description += f" Shares and medians from a uniform sample of {summary.sample_size:,}."
    if summary.currency:
        description += f" Pay medians per year in {summary.currency}."
    lines = [_line(s, summary.currency) for s in summary.skills]
    rising = sorted((s for s in summary.skills if s.change and s.change > 0), key=lambda s: -(s.change or 0))[
        :3
    ]
    falling = sorted((s for s in summary.skills if s.change and s.change < 0), key=lambda s: s.change or 0)[
        :3
    ]
    fields = [ReplyField(name="Top skills", value="\n".join(lines))]
    trend = "vs the previous period" if days else "last 28 days vs the 28 before"
    if rising:
        fields.append(
            ReplyField(
                name=f"Rising ({trend})",
                value=", ".join(f"{s.skill} {points(s.change or 0)}" for s in rising),
            )
        )
    if falling:
        fields.append(
            ReplyField(
                name=f"Falling ({trend})",
                value=", ".join(f"{s.skill} {points(s.change or 0)}" for s in falling),
            )
        )
    return Reply(title=f"Skills asked for: {subject}", description=description, fields=fields)


async def answer_skills(svc: Services, guild_id: int, role: str | None = None) -> Reply:
    """/skills as the front ends ask it: one computation for identical questions asked together (not
    kept: the answer depends on the clock, this week against the weeks before, too)."""
    return await svc.answers.shared(("skills", guild_id, role), lambda: skills(svc, guild_id, role))
