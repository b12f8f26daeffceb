"""The weekly digest as a :class:`Reply`: one embed that fits Discord's limits whatever the data.

Every part has a fixed budget (at most five lines a section, each user-supplied text clipped before it
is put in a line), so the whole stays far below 6000 characters and one embed; the bot's renderer
fits it to Discord's limits only as a safety net. User text is made inert: no markdown, no broken links.
"""

from __future__ import annotations

import re
from datetime import datetime

from commands.core.format import message_link, money, percent, points, role_title
from commands.core.reply import Reply, ReplyField, ReplyFile
from commands.core.sample import can_show_change, has_median
from commands.digest.chart import ROLES, digest_chart
from commands.digest.schedule import Schedule
from parsing.places import read_places
from store import DigestData, DigestPosting, PostingView, RepostNote, RoleMedian, Store

BEST = 5
SKILLS = 5
PAY_CHANGES = 5
TITLE_CHARS = 60
COMPANY_CHARS = 40
SKILL_CHARS = 40
_MARKDOWN = re.compile(r"([\\*_~`|])")
_LINE_START = re.compile(r"^([#>\-+])")
_PARTS = re.compile(r"\s+[-–—|]\s+")


def digest_marker(period: str) -> str:
    """What the footer of the digest of ``period`` says: how a second attempt finds it in the channel."""
    return f"JobScout weekly digest {period}"


def inert(text: str | None, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters, with no markdown or link syntax left."""
    flat = " ".join((text or "").split()).replace("[", "(").replace("]", ")")
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _LINE_START.sub(r"\\\1", _MARKDOWN.sub(r"\\\1", flat))


async def card_links(store: Store, guild_id: int, ids: list[int]) -> dict[int, str]:
    """Links to the messages the postings were pasted in (their cards answer those messages)."""
    links: dict[int, str] = {}
    for posting_id in dict.fromkeys(ids):
        view: PostingView | None = await store.get_posting(guild_id, posting_id)
        if view is not None:
            link = message_link(guild_id, view.channel_id, view.message_id)
            if link:
                links[posting_id] = link
    return links


def _without_places(text: str) -> str:
    """``text`` without the place parts a title or company name picked up ("eBay - San Jose, CA")."""
    parts = [p for p in _PARTS.split(text) if p.strip()]
    kept = [p for p in parts if not read_places(p.strip())]
    return " - ".join(p.strip() for p in (kept or parts[:1]))


def clean_title(title: str | None, company: str | None) -> str | None:
    """The job title alone: no company ("Director — FloQast", "ML Engineer at Acme") and no place."""
    if not title:
        return None
    text = title
    if company:
        for sep in (" — ", " – ", " - ", " | ", " at ", " @ "):
            head, found, tail = text.rpartition(sep)
            if found and head.strip() and company.casefold().startswith(tail.strip().casefold()[:20]):
                text = head
                break
    return _without_places(text) or title


def clean_company(company: str | None) -> str | None:
    return _without_places(company) if company else None


def _label(title: str | None, company: str | None, posting_id: int) -> str:
    """Title and company as two parts (``Director · FloQast``), neither carrying the other or a place."""
    label = inert(clean_title(title, company), TITLE_CHARS) or f"Posting #{posting_id}"
    cleaned = clean_company(company)
    if cleaned:
        label += f" · {inert(cleaned, COMPANY_CHARS)}"
    return label


def _linked(label: str, link: str | None) -> str:
    return f"[{label}]({link})" if link else label


def _best_line(rank: int, p: DigestPosting, link: str | None) -> str:
    """One of the best paid: ranked by yearly pay in US dollars (salaries only, see the query)."""
    pay = f"{money(p.pay_year, p.pay_currency)}/yr" if p.pay_year is not None else "pay stated"
    if p.pay_currency and p.pay_currency != "USD" and p.pay_usd_year is not None:
        pay += f" (≈ {money(p.pay_usd_year, 'USD')})"
    return f"{rank}. {_linked(_label(p.title, p.company, p.id), link)} · {pay}"


def _arrow(change: float | None) -> str:
    if change is None:
        return ""
    if abs(change) < 0.005:
        return " · steady"
    return f" · {'▲' if change > 0 else '▼'} {abs(change) * 100:.0f}%"


def _median_line(m: RoleMedian) -> str:
    role = f"**{inert(role_title(m.role), TITLE_CHARS)}**"
    if not has_median(m.n):
        figures = " and ".join(money(v, m.currency) for v in m.figures) or money(m.median, m.currency)
        return f"{role} {figures} (n={m.n}, too few for a median)"
    line = f"{role} {money(m.median, m.currency)} (n={m.n})"
    if m.previous_n == 0 or m.previous_median is None:
        return line + " · new this week"
    if not can_show_change(m.n, m.previous_n):
        return line + f" · too few before to compare (n={m.previous_n})"
    return line + f"{_arrow(m.change)} vs {money(m.previous_median, m.currency)} (n={m.previous_n})"


def _pay_change_line(note: RepostNote, link: str | None) -> str:
    change = note.pay_change
    label = _linked(_label(note.title, note.company, note.posting_id), link)
    if change is None:
        return label
    old = money(change.old_year, change.old_currency) if change.old_year is not None else "none"
    new = money(change.new_year, change.new_currency) if change.new_year is not None else "none"
    return f"{label}: {old} → {new} a year"


def _span(start: datetime, end: datetime, schedule: Schedule) -> str:
    zone = schedule.zone
    a, b = start.astimezone(zone), end.astimezone(zone)
    return f"{a:%a %d %b %H:%M} to {b:%a %d %b %H:%M} ({schedule.timezone})"


def digest_fields(data: DigestData, links: dict[int, str]) -> list[ReplyField]:
    fields: list[ReplyField] = []
    if data.best_paid:
        lines = [_best_line(i, p, links.get(p.id)) for i, p in enumerate(data.best_paid[:BEST], start=1)]
        fields.append(ReplyField(name="Best paid", value="\n".join(lines)))
    if data.role_medians:
        lines = [_median_line(m) for m in data.role_medians[:ROLES]]
        fields.append(
            ReplyField(
                name="Role medians (yearly salaries, per currency, vs the 4 weeks before)",
                value="\n".join(lines),
            )
        )
    if data.rising_skills:
        lines = [
            f"{inert(s.skill, SKILL_CHARS)} {percent(s.share)} ({points(s.change)})"
            for s in data.rising_skills[:SKILLS]
        ]
        fields.append(ReplyField(name="Skills rising", value="\n".join(lines), inline=True))
    if data.falling_skills:
        lines = [
            f"{inert(s.skill, SKILL_CHARS)} {percent(s.share)} ({points(s.change)})"
            for s in data.falling_skills[:SKILLS]
        ]
        fields.append(ReplyField(name="Skills falling", value="\n".join(lines), inline=True))
    if data.pay_changes:
        shown = data.pay_changes[-PAY_CHANGES:]
        lines = [_pay_change_line(n, links.get(n.posting_id)) for n in shown]
        more = len(data.pay_changes) - len(shown)
        if more > 0:
            lines.append(f"…and {more} more")
        fields.append(ReplyField(name="Pay changed on reposts", value="\n".join(lines)))
    return fields


def _summary(data: DigestData, schedule: Schedule, *, preview: bool) -> str:
    span = _span(data.period_start, data.period_end, schedule)
    if data.new_count == 0 and data.repost_count == 0:
        return (
            f"A quiet week: no new postings from {span}. "
            "Paste one in a watched channel, or use /add, and it will be in next week's digest."
        )
    noun = "posting" if data.new_count == 1 else "postings"
    lines = [f"**{data.new_count:,}** new {noun} {'so far ' if preview else ''}from {span}."]
    if data.repost_count:
        reposts = "repost" if data.repost_count == 1 else "reposts"
        changed = f", {len(data.pay_changes)} with a pay change" if data.pay_changes else ""
        lines.append(f"{data.repost_count:,} {reposts} of saved postings{changed}.")
    if data.new_count and not data.best_paid:
        lines.append("None of them states its pay.")
    return "\n".join(lines)


def digest_reply(
    data: DigestData,
    schedule: Schedule,
    period: str,
    links: dict[int, str],
    *,
    preview: bool = False,
    chart: ReplyFile | None = None,
    note: str | None = None,
    tail: str | None = None,
) -> Reply:
    """The digest embed. ``note`` goes first in the description (e.g. a failure the admin should see),
    ``tail`` last (e.g. where and when the real digest is posted)."""
    title = f"Weekly digest · {period}" if not preview else f"Digest preview · {period} (so far)"
    description = _summary(data, schedule, preview=preview)
    if note:
        description = f"{note}\n\n{description}"
    if tail:
        description = f"{description}\n\n{tail}"
    footer = f"{digest_marker(period)} · {schedule.describe()}"
    if preview:
        footer = f"Preview · {footer}"
    return Reply(
        title=title,
        description=description,
        fields=digest_fields(data, links),
        footer=footer,
        files=[chart] if chart else [],
        ephemeral=preview,
    )


def link_ids(data: DigestData) -> list[int]:
    """The postings whose messages the digest links to."""
    return [p.id for p in data.best_paid[:BEST]] + [n.posting_id for n in data.pay_changes[-PAY_CHANGES:]]


async def build_digest(
    store: Store,
    guild_id: int,
    schedule: Schedule,
    period: str,
    start: datetime,
    end: datetime,
    *,
    preview: bool = False,
    chart: bool = True,
    note: str | None = None,
    tail: str | None = None,
) -> Reply:
    """Compute the digest of [start, end) for one guild and render it."""
    data = await store.digest_data(guild_id, start, end)
    links = await card_links(store, guild_id, link_ids(data))
    image = await digest_chart(data) if chart else None
    return digest_reply(data, schedule, period, links, preview=preview, chart=image, note=note, tail=tail)
