"""/skills: the skills most asked for, their share, the pay that goes with them, and what moved."""

from __future__ import annotations

from datetime import timedelta

from commands.core.errors import CommandError
from commands.core.format import money, percent, points, role_title
from commands.core.reply import Reply, ReplyField
from commands.core.roles import matched_note, resolve_role
from commands.core.sample import COMPARISON_FROM, can_compare
from commands.core.services import Services
from store import SkillStat

LINES_PER_FIELD = 5
SKILL_CHARS = 40


def inert_name(skill: str) -> str:
    return skill if len(skill) <= SKILL_CHARS else skill[: SKILL_CHARS - 1] + "…"


def _line(s: SkillStat, currency: str | None) -> str:
    text = f"**{inert_name(s.skill)}** — {percent(s.share)} of postings"
    if s.change is not None and abs(s.change) >= 0.005:
        text += f" ({points(s.change)})"
    if (
        s.median_with is not None
        and s.median_without is not None
        and currency
        and can_compare(s.n_with_pay, s.n_without_pay)
    ):
        text += (
            f" · pay {money(s.median_with, currency)} with (n={s.n_with_pay})"
            f" vs {money(s.median_without, currency)} without (n={s.n_without_pay})"
        )
    return text


async def skills(svc: Services, guild_id: int, role: str | None = None, *, days: int | None = None) -> Reply:
    if days is not None and days <= 0:
        raise CommandError("The number of days must be positive.")
    now = svc.clock()
    since = now - timedelta(days=days) if days else None
    resolved = await resolve_role(svc, guild_id, role) if role else None
    asked = (resolved.role or role) if resolved else None
    summary = await svc.store.skill_summary(guild_id, asked, since)
    subject = role_title(summary.role_key) if role else "all roles"
    if not summary.skills:
        return Reply.notice(f"No skills recorded yet for {subject}.")
    window = f"last {days} days" if days else "all time"
    count = f"≈{summary.n_postings:,}" if summary.sampled else f"{summary.n_postings:,}"
    description = f"{count} postings ({window})."
    if resolved is not None and not resolved.exact:
        description = f"{matched_note(resolved)}\n{description}"
    if summary.sampled:
        description += f" Shares and medians from a uniform sample of {summary.sample_size:,}."
    if summary.currency:
        description += (
            f" Pay medians per year in {summary.currency}, shown when at least {COMPARISON_FROM}"
            " postings with pay ask for the skill and as many do not."
        )
    lines = [_line(s, summary.currency) for s in summary.skills]
    rising = sorted((s for s in summary.skills if s.change and s.change > 0), key=lambda s: -(s.change or 0))[
        :3
    ]
    falling = sorted((s for s in summary.skills if s.change and s.change < 0), key=lambda s: s.change or 0)[
        :3
    ]
    # Whole lines in fields of LINES_PER_FIELD: each line stays well under a tenth of a field's room,
    # so no field is ever cut (mid-number) to fit.
    fields = [
        ReplyField(
            name="Top skills" if not first else f"Top skills ({first + 1}–{first + len(part)})",
            value="\n".join(part),
        )
        for first in range(0, len(lines), LINES_PER_FIELD)
        for part in [lines[first : first + LINES_PER_FIELD]]
    ]
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
