"""Adding, showing, listing, removing and fixing postings.

Every write to a server's postings (and every failed one: it may have committed part of its work)
tells the answer cache, so no /salary or /compare answer computed before it is served again.

One rule says what is a posting (:mod:`commands.postings.detect`), for every way one arrives: a paste
(where chat is ignored without a word), ``/add``, the context menu, the console and ``jobscout add``
(which say why they refused it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
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
from commands.postings.detect import assess
from commands.postings.fixing import LABELS, plan_fix, shown_values
from parsing import parse_posting
from parsing.decode import storable_text
from parsing.models import Posting
from store import FixField, PayChange, PostingView, Source

log = logging.getLogger(__name__)
PAGE_SIZE = 10
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


NOT_A_POSTING = (
    "That doesn't look like a job posting, so it was not saved. A posting names the job and says "
    "some of what it involves, what it asks for, the pay, where and how to apply."
)


def check_posting(text: str, *, from_file: bool = False) -> None:
    """The one "is this a posting?" rule (:mod:`commands.postings.detect`); CommandError when not."""
    if not text.strip():
        raise CommandError("That posting is empty.")
    if not assess(text, from_file=from_file).is_posting:
        raise CommandError(NOT_A_POSTING)


async def add_posting(svc: Services, guild_id: int, text: str, *, origin: Origin) -> AddOutcome:
    """Parse and save a posting (or link a repost). Raises CommandError when the text is not a posting
    (a file or a page needs fewer signs of one than a message), StoreWriteError when nothing was saved."""
    text = storable_text(text)  # a NUL would make PostgreSQL refuse the posting (SQLite takes it)
    # Someone who runs /add, the context menu, the console or the CLI means to save a posting, like one
    # who drops a file: fewer signs are asked than of a message that merely appeared in the channel.
    check_posting(text, from_file=origin.kind != "message" or origin.filename is not None)
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


@dataclass(frozen=True)
class Removal:
    """A removed posting: the answer to whoever removed it, and what its card becomes (no buttons)."""

    reply: Reply
    card: Reply
    card_channel_id: int | None
    card_message_id: int | None


def removed_card(view: PostingView, user_id: int | None) -> Reply:
    by = f" by <@{user_id}>" if user_id is not None else ""
    return Reply(
        title=f"Removed: {view.title or 'untitled posting'}",
        description=f"Posting #{view.id} was removed{by}. It no longer counts in any answer.",
        kind="notice",
    )


async def remove(
    svc: Services, guild_id: int, posting_id: int, *, user_id: int | None, can_manage: bool
) -> Removal:
    """Remove a posting: allowed to whoever added it, or anyone with Manage Messages."""
    view = await _view(svc, guild_id, posting_id)
    check_owner(view, user_id, can_manage, "remove")
    try:
        removed = await svc.store.remove_posting(guild_id, posting_id)
    finally:
        svc.answers.changed(guild_id)
    if not removed:
        raise CommandError(f"There is no posting #{posting_id} in this server.")
    return Removal(
        reply=Reply.notice(f"Removed posting #{posting_id} ({view.title or 'untitled'}).", ephemeral=False),
        card=removed_card(view, user_id),
        card_channel_id=view.card_channel_id,
        card_message_id=view.card_message_id,
    )


async def remove_posting(
    svc: Services, guild_id: int, posting_id: int, *, user_id: int | None, can_manage: bool
) -> Reply:
    removal = await remove(svc, guild_id, posting_id, user_id=user_id, can_manage=can_manage)
    return removal.reply


async def card_sent(
    svc: Services, guild_id: int, added: AddOutcome, channel_id: int, message_id: int
) -> None:
    """Remember where a new posting's card is (a repost's card is not the posting's own)."""
    if added.created:
        await svc.store.record_card(guild_id, added.posting_id, channel_id, message_id)


@dataclass(frozen=True)
class FixDraft:
    """The fields a member may correct, as they stand now (what the Fix form is filled with)."""

    posting_id: int
    values: dict[FixField, str]


async def fix_draft(
    svc: Services, guild_id: int, posting_id: int, *, user_id: int | None, can_manage: bool
) -> FixDraft:
    """The Fix form's starting values; refuses (CommandError) whoever may not fix the posting."""
    view = await _view(svc, guild_id, posting_id)
    check_owner(view, user_id, can_manage, "fix")
    return FixDraft(posting_id, shown_values(view))


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


async def fix_fields(
    svc: Services,
    guild_id: int,
    posting_id: int,
    values: Mapping[FixField, str],
    *,
    user_id: int | None,
    can_manage: bool,
) -> Reply:
    """Apply a correction (the Fix form, or ``/fix``): every field given that differs from what is shown
    is read first (a blank one is cleared, ``reset`` goes back to the parse); then all are saved in one
    transaction, or none. The answer is the updated card, saying what was fixed."""
    view = await _view(svc, guild_id, posting_id)
    check_owner(view, user_id, can_manage, "fix")
    plan = plan_fix(values, view)
    if not plan.changed:
        return Reply.notice(f"Nothing changed in #{posting_id}.")
    try:
        updated = await svc.store.change_fixes(guild_id, posting_id, plan.put, plan.reset, user_id=user_id)
    finally:
        svc.answers.changed(guild_id)
    card = posting_card(updated)
    note = f"Fixed the {_listed([LABELS[name] for name in plan.changed])} of #{posting_id}."
    card.description = "\n".join(x for x in (note, card.description) if x)
    return card


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
    """Correct one field. ``reset`` returns it to what the parser read; for pay, ``none`` means no pay."""
    return await fix_fields(svc, guild_id, posting_id, {field: value}, user_id=user_id, can_manage=can_manage)
