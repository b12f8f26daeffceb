"""Adding, showing, listing, removing and fixing postings.

Every write to a server's postings (and every failed one: it may have committed part of its work)
tells the answer cache, so no /salary or /compare answer computed before it is served again.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from commands.core import ids
from commands.core.errors import CommandError
from commands.core.format import message_link, money, stated_pay, when
from commands.core.parse_runner import ParseFailed, ParseOverBudget
from commands.core.reply import Reply, ReplyButton, ReplyField
from commands.core.services import Services
from commands.postings.card import posting_card
from commands.postings.paytext import parse_pay_fix
from parsing import parse_posting
from parsing.decode import storable_text
from parsing.models import SENIORITY_ORDER, Posting
from store import FixField, PayChange, PostingView, Source

log = logging.getLogger(__name__)
PAGE_SIZE = 10
RESET_WORDS = frozenset({"", "reset", "clear", "undo", "auto"})
NO_PAY_WORDS = frozenset({"none", "no pay", "not stated", "unpaid", "n/a"})
SENIORITY_SYNONYMS = {
    "sr": "senior", "snr": "senior", "jr": "entry", "junior": "entry", "graduate": "entry", "grad": "entry",
    "middle": "mid", "intermediate": "mid", "internship": "intern", "exec": "executive", "head": "director",
}  # fmt: skip
FIX_ORDER: tuple[FixField, ...] = ("title", "company", "pay", "seniority")
OriginKind = Literal["message", "command", "url", "console"]


@dataclass(frozen=True)
class Origin:
    """Where a posting came from, so a repost can link back to the first one."""

    kind: OriginKind
    user_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None
    url: str | None = None
    filename: str | None = None

    @property
    def source(self) -> Source:
        """How the store records it."""
        if self.kind == "message":
            return "attachment" if self.filename else "message"
        if self.kind == "url":
            return "add_url"
        if self.kind == "command":
            return "add_file" if self.filename else "add_text"
        return "cli"


@dataclass(frozen=True)
class FixDraft:
    """The fields a member may correct, as they stand now (what the Fix form is filled with)."""

    posting_id: int
    title: str | None
    company: str | None
    pay: str | None
    seniority: str | None


@dataclass(frozen=True)
class FixValues:
    title: str | None
    company: str | None
    pay: str | None
    seniority: str | None


class AddOutcome(BaseModel):
    posting_id: int
    created: bool
    repost_of: int | None
    pay_change: PayChange | None
    parsed: Posting
    posting: PostingView
    reply: Reply

    @property
    def first_link(self) -> str | None:
        """For a repost: the message the posting saved first was pasted in."""
        if self.created:
            return None
        return message_link(self.posting.guild_id, self.posting.channel_id, self.posting.message_id)

    def card(self) -> Reply:
        """The reply to the paste; a repost gets a link button to the first posting's message."""
        link = self.first_link
        if link is None:
            return self.reply
        button = ReplyButton(custom_id="first", label="First posting", style="link", url=link)
        return self.reply.model_copy(update={"buttons": [*self.reply.buttons, button]})


def _parse(text: str) -> Posting:
    try:
        return parse_posting(text)
    except Exception:  # the parser must never cost us a posting: keep the text, reparse later
        log.exception("parser failed; saving the posting unparsed")
        return Posting()


async def _parse_within_budget(svc: Services, text: str) -> Posting:
    if svc.parser is None:
        return await asyncio.to_thread(_parse, text)
    try:
        return await svc.parser.parse(text)
    except ParseOverBudget:
        raise CommandError(
            f"That posting took too long to read (over {svc.parser.budget:g} s), so nothing was saved. "
            "Paste just the posting, without the page around it."
        ) from None
    except ParseFailed as exc:
        log.error("parser failed (%s); saving the posting unparsed", exc)
        return Posting()


async def add_posting(svc: Services, guild_id: int, text: str, *, origin: Origin) -> AddOutcome:
    """Parse and save a posting (or link a repost). Raises StoreWriteError when nothing was saved."""
    text = storable_text(text)  # a NUL would make PostgreSQL refuse the posting (SQLite takes it)
    if not text.strip():
        raise CommandError("That posting is empty.")
    parsed = await _parse_within_budget(svc, text)
    try:
        result = await svc.store.add_posting(
            guild_id,
            text,
            parsed,
            source=origin.source,
            user_id=origin.user_id,
            channel_id=origin.channel_id,
            message_id=origin.message_id,
            added_at=svc.clock(),
        )
    finally:
        svc.answers.changed(guild_id)
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
    return card


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
    if page > 0:
        buttons.append(ReplyButton(custom_id=ids.list_page(page - 1, query), label="Newer"))
    if result.has_more:
        buttons.append(ReplyButton(custom_id=ids.list_page(page + 1, query), label="Older"))
    title = f"Postings matching '{query}'" if query else "Saved postings"
    return Reply(
        title=title,
        description="\n".join(lines) or "Nothing more.",
        footer=f"Page {page + 1}",
        buttons=buttons,
    )


def check_owner(view: PostingView, user_id: int | None, can_manage: bool, action: str) -> None:
    """The one permission rule for changing a posting: whoever added it, or a moderator."""
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
    check_owner(view, user_id, can_manage, "remove")
    try:
        removed = await svc.store.remove_posting(guild_id, posting_id)
    finally:
        svc.answers.changed(guild_id)
    if not removed:
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
    check_owner(view, user_id, can_manage, "fix")
    try:
        updated, note = await _apply_fix(svc, guild_id, view, field, value.strip(), user_id)
    finally:
        svc.answers.changed(guild_id)
    card = posting_card(updated)
    card.description = "\n".join(x for x in (note, card.description) if x)
    return card


async def _apply_fix(
    svc: Services, guild_id: int, view: PostingView, field: FixField, typed: str, user_id: int | None
) -> tuple[PostingView, str]:
    posting_id = view.id
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
    return updated, note


async def fix_draft(
    svc: Services, guild_id: int, posting_id: int, *, user_id: int | None, can_manage: bool
) -> FixDraft:
    """The Fix form's starting values; refuses (CommandError) whoever may not fix the posting."""
    view = await _view(svc, guild_id, posting_id)
    check_owner(view, user_id, can_manage, "fix")
    pay = view.pay.text if view.pay is not None else None
    return FixDraft(posting_id, view.title, view.company, pay, view.seniority)


async def fix_fields(
    svc: Services,
    guild_id: int,
    posting_id: int,
    values: FixValues,
    *,
    user_id: int | None,
    can_manage: bool,
) -> Reply:
    """Apply every field of the Fix form that differs from its starting values (an emptied field: back
    to what the posting says). One fix per field; the last card shows them all."""
    draft = await fix_draft(svc, guild_id, posting_id, user_id=user_id, can_manage=can_manage)
    reply: Reply | None = None
    changed: list[str] = []
    for field in FIX_ORDER:
        new, old = getattr(values, field), getattr(draft, field)
        if (new or None) == (old or None):
            continue
        reply = await fix_posting(
            svc, guild_id, posting_id, field, new or "reset", user_id=user_id, can_manage=can_manage
        )
        changed.append(field)
    if reply is None:
        return Reply.notice(f"Nothing changed in #{posting_id}.")
    if len(changed) > 1:
        _, _, rest = (reply.description or "").partition("\n")
        note = f"Fixed the {', '.join(changed[:-1])} and {changed[-1]} of #{posting_id}."
        reply = reply.model_copy(update={"description": "\n".join(x for x in (note, rest) if x)})
    return reply
