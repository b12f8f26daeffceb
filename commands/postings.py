"""Adding, showing, listing, removing and fixing postings; autocomplete for postings and roles."""

from __future__ import annotations

import asyncio
import logging

from pydantic import BaseModel

from commands.errors import CommandError
from commands.format import money, role_title, stated_pay, when, yearly_pay
from commands.limits import fit_discord
from commands.paytext import parse_pay_fix
from commands.reply import Reply, ReplyButton, ReplyField
from commands.services import Services
from parsing import parse_posting
from parsing.models import SENIORITY_ORDER, Posting
from store import AddResult, FixField, PayChange, PostingView, Source

log = logging.getLogger(__name__)
CARD_SKILLS = 8
PAGE_SIZE = 10
RESET_WORDS = frozenset({"", "reset", "clear", "undo", "auto"})
NO_PAY_WORDS = frozenset({"none", "no pay", "not stated", "unpaid", "n/a"})
SENIORITY_SYNONYMS = {
    "sr": "senior", "snr": "senior", "jr": "entry", "junior": "entry", "graduate": "entry", "grad": "entry",
    "middle": "mid", "intermediate": "mid", "internship": "intern", "exec": "executive", "head": "director",
}  # fmt: skip


class Choice(BaseModel):
    """One autocomplete choice: ``name`` is shown (at most 100 characters), ``value`` is sent back."""

    name: str
    value: str


class AddOutcome(BaseModel):
    posting_id: int
    created: bool
    repost_of: int | None
    pay_change: PayChange | None
    parsed: Posting
    posting: PostingView
    reply: Reply


def _parse(text: str) -> Posting:
    try:
        return parse_posting(text)
    except Exception:  # the parser must never cost us a posting: keep the text, reparse later
        log.exception("parser failed; saving the posting unparsed")
        return Posting()


def _where(view: PostingView) -> str | None:
    parts = [", ".join(view.locations[:3])] if view.locations else []
    if view.workplace:
        parts.append(view.workplace.capitalize())
    return " · ".join(parts) or None


def posting_card(view: PostingView, *, result: AddResult | None = None) -> Reply:
    """The compact card shown after a paste and by /show."""
    lines = [x for x in (view.company, _where(view)) if x]
    if result is not None and not result.created:
        if result.already_recorded:
            lines.append(f"Already recorded as #{view.id}.")
        else:
            lines.append(f"Already saved as #{view.id}: counted once, not twice.")
        if result.pay_change is not None:
            change = result.pay_change
            old = money(change.old_year, change.old_currency) if change.old_year is not None else "none"
            lines.append(f"Pay changed since: {old} → {money(change.new_year, change.new_currency)} a year.")
    fields: list[ReplyField] = []
    if view.pay is not None:
        fields.append(ReplyField(name="Pay", value=view.pay.text or stated_pay(view.pay), inline=True))
        fields.append(ReplyField(name="Per year", value=yearly_pay(view.pay), inline=True))
    else:
        fields.append(ReplyField(name="Pay", value="not stated", inline=True))
    if view.seniority:
        fields.append(ReplyField(name="Seniority", value=view.seniority.capitalize(), inline=True))
    if view.role:
        fields.append(ReplyField(name="Role", value=role_title(view.role), inline=True))
    if view.skills:
        shown = ", ".join(view.skills[:CARD_SKILLS])
        more = len(view.skills) - CARD_SKILLS
        fields.append(ReplyField(name="Skills", value=shown + (f" (+{more} more)" if more > 0 else "")))
    footer = f"#{view.id} · added {when(view.added_at)}"
    if view.fixed_fields:
        footer += f" · fixed: {', '.join(view.fixed_fields)}"
    if view.repost_count:
        footer += f" · seen {view.repost_count + 1} times"
    return fit_discord(
        Reply(
            title=view.title or "Untitled posting",
            description="\n".join(lines) or None,
            fields=fields,
            footer=footer,
            buttons=[
                ReplyButton(custom_id=f"fix:{view.id}", label="Fix", style="secondary"),
                ReplyButton(custom_id=f"remove:{view.id}", label="Remove", style="danger"),
            ],
        )
    )


async def add_posting(
    svc: Services,
    guild_id: int,
    text: str,
    *,
    source: Source,
    user_id: int | None = None,
    channel_id: int | None = None,
    message_id: int | None = None,
) -> AddOutcome:
    """Parse and save a posting (or link a repost). Raises StoreWriteError when nothing was saved."""
    if not text.strip():
        raise CommandError("That posting is empty.")
    parsed = await asyncio.to_thread(_parse, text)
    result = await svc.store.add_posting(
        guild_id,
        text,
        parsed,
        source=source,
        user_id=user_id,
        channel_id=channel_id,
        message_id=message_id,
        added_at=svc.clock(),
    )
    return AddOutcome(
        posting_id=result.posting_id,
        created=result.created,
        repost_of=result.repost_of,
        pay_change=result.pay_change,
        parsed=parsed,
        posting=result.posting,
        reply=posting_card(result.posting, result=result),
    )


async def _view(svc: Services, guild_id: int, posting_id: int) -> PostingView:
    view = await svc.store.get_posting(guild_id, posting_id)
    if view is None:
        raise CommandError(f"There is no posting #{posting_id} in this server.")
    return view


async def show_posting(svc: Services, guild_id: int, posting_id: int) -> Reply:
    view = await _view(svc, guild_id, posting_id)
    card = posting_card(view)
    if len(view.pay_ranges) > 1:
        ranges = "\n".join(
            f"{r.label + ': ' if r.label else ''}{r.text or stated_pay(r)}" for r in view.pay_ranges
        )
        card.fields.append(ReplyField(name="All pay ranges", value=ranges))
    if view.employment_type:
        card.fields.append(ReplyField(name="Type", value=view.employment_type.replace("_", " "), inline=True))
    return fit_discord(card)


async def list_postings(svc: Services, guild_id: int, *, page: int = 0, query: str | None = None) -> Reply:
    result = await svc.store.list_postings(guild_id, page=page, page_size=PAGE_SIZE, query=query)
    if not result.items and page == 0:
        text = f"No saved postings match '{query}'." if query else "No postings saved yet: paste one!"
        return Reply.notice(text)
    lines = []
    for p in result.items:
        line = f"**#{p.id}** {p.title or 'Untitled'}"
        if p.company:
            line += f" — {p.company}"
        if p.pay_year is not None:
            line += f" · {money(p.pay_year, p.pay_currency)}/yr"
        line += f" · {when(p.added_at)}"
        lines.append(line)
    buttons = []
    suffix = f":{query[:80]}" if query else ""
    if page > 0:
        buttons.append(ReplyButton(custom_id=f"list:{page - 1}{suffix}", label="Newer"))
    if result.has_more:
        buttons.append(ReplyButton(custom_id=f"list:{page + 1}{suffix}", label="Older"))
    title = f"Postings matching '{query}'" if query else "Saved postings"
    return fit_discord(
        Reply(
            title=title,
            description="\n".join(lines) or "Nothing more.",
            footer=f"Page {page + 1}",
            buttons=buttons,
        )
    )


def _check_owner(view: PostingView, user_id: int | None, can_manage: bool, action: str) -> None:
    if can_manage or (user_id is not None and view.user_id == user_id):
        return
    raise CommandError(
        f"Only the member who added #{view.id} or a moderator (Manage Messages) can {action} it."
    )


async def remove_posting(
    svc: Services, guild_id: int, posting_id: int, *, user_id: int | None, can_manage: bool
) -> Reply:
    """Remove a posting: allowed to whoever added it, or anyone with Manage Messages."""
    view = await _view(svc, guild_id, posting_id)
    _check_owner(view, user_id, can_manage, "remove")
    if not await svc.store.remove_posting(guild_id, posting_id):
        raise CommandError(f"There is no posting #{posting_id} in this server.")
    return Reply.notice(f"Removed posting #{posting_id} ({view.title or 'untitled'}).", ephemeral=False)


def _seniority(value: str) -> str:
    word = value.strip().lower().rstrip(".")
    word = SENIORITY_SYNONYMS.get(word, word)
    if word not in SENIORITY_ORDER:
        raise CommandError(f"Seniority must be one of: {', '.join(SENIORITY_ORDER)}.")
    return word


async def fix_posting(
    svc: Services,
    guild_id: int,
    posting_id: int,
    field: FixField,
    value: str,
    *,
    user_id: int | None,
    can_manage: bool,
) -> Reply:
    """Correct a field. ``reset`` returns it to what the parser read; for pay, ``none`` means no pay."""
    view = await _view(svc, guild_id, posting_id)
    _check_owner(view, user_id, can_manage, "fix")
    typed = value.strip()
    if typed.lower() in RESET_WORDS:
        updated = await svc.store.clear_fix(guild_id, posting_id, field)
        note = f"{field.capitalize()} of #{posting_id} is back to what the posting says."
    else:
        if field == "pay":
            fix = (
                None
                if typed.lower() in NO_PAY_WORDS
                else parse_pay_fix(typed, default_currency=view.pay.currency if view.pay else "USD")
            )
            updated = await svc.store.apply_fix(guild_id, posting_id, "pay", fix, user_id=user_id)
        elif field == "seniority":
            updated = await svc.store.apply_fix(
                guild_id, posting_id, field, _seniority(typed), user_id=user_id
            )
        else:
            updated = await svc.store.apply_fix(guild_id, posting_id, field, typed, user_id=user_id)
        note = f"Fixed the {field} of #{posting_id}."
    card = posting_card(updated)
    card.description = "\n".join(x for x in (note, card.description) if x)
    return fit_discord(card)


async def posting_choices(svc: Services, guild_id: int, current: str) -> list[Choice]:
    found = await svc.store.posting_choices(guild_id, current, 25)
    return [Choice(name=c.label[:100], value=str(c.id)) for c in found]


async def role_choices(svc: Services, guild_id: int, current: str) -> list[Choice]:
    found = await svc.store.role_choices(guild_id, current, 25)
    return [Choice(name=role_title(r)[:100], value=r[:100]) for r in found]
