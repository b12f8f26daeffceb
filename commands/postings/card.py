"""The compact posting card shown after a paste and by /posting show, with its Fix and Remove buttons."""

from __future__ import annotations

from commands.core import ids
from commands.core.format import money, role_title, stated_pay, when, yearly_pay
from commands.core.reply import Reply, ReplyButton, ReplyField
from commands.postings.fixing import FORM_ORDER, LABELS
from store import AddResult, PostingView

CARD_SKILLS = 8


def _where(view: PostingView) -> str | None:
    parts = [", ".join(view.locations[:3])] if view.locations else []
    if view.workplace:
        parts.append(view.workplace.capitalize())
    return " · ".join(parts) or None


def _fixers(view: PostingView) -> list[str]:
    """Who fixed what: "Fixed by @ana: pay, seniority" (one line per member)."""
    by_member: dict[int | None, list[str]] = {}
    for name in sorted(
        view.fixed_fields, key=lambda f: FORM_ORDER.index(f) if f in FORM_ORDER else len(FORM_ORDER)
    ):
        by_member.setdefault(view.fixed_by.get(name), []).append(LABELS.get(name, name))
    return [
        f"Fixed{f' by <@{member}>' if member is not None else ''}: {', '.join(names)}"
        for member, names in by_member.items()
    ]


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
            old = change.old_text or (
                f"{money(change.old_year, change.old_currency)} a year"
                if change.old_year is not None
                else "none"
            )
            new = change.new_text or f"{money(change.new_year, change.new_currency)} a year"
            lines.append(f"Pay changed: {old} → {new}. The posting now counts the new pay.")
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
    lines += _fixers(view)
    footer = f"#{view.id} · added {when(view.added_at)}"
    if view.fixed_fields:
        footer += f" · fixed: {', '.join(LABELS.get(f, f) for f in view.fixed_fields)}"
    if view.repost_count:
        footer += f" · seen {view.repost_count + 1} times"
    return Reply(
        title=view.title or "Untitled posting",
        description="\n".join(lines) or None,
        fields=fields,
        footer=footer,
        buttons=[
            ReplyButton(custom_id=ids.fix(view.id), label="Fix", style="secondary"),
            ReplyButton(custom_id=ids.fix_more(view.id), label="Fix more", style="secondary"),
            ReplyButton(custom_id=ids.remove(view.id), label="Remove", style="danger"),
        ],
    )
