"""Reading what a member types to fix a posting: one value per field, as the Fix form or ``/fix`` gives it.

A blank field clears it (the posting states no such thing), ``reset`` (or ``auto``, ``undo``) returns
it to what the parse read, and anything else is checked and converted to what the store keeps. Every
field of one correction is read before anything is written, and all the mistakes are told at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import get_args

from commands.core.errors import CommandError
from commands.postings.paytext import parse_pay_fix
from parsing.models import SENIORITY_ORDER, EmploymentType, Workplace
from store import FIX_FIELDS, FixField, PostingView
from store.writes.fixes import FixValue

RESET_WORDS = frozenset({"reset", "undo", "auto"})
NO_PAY_WORDS = frozenset({"none", "no pay", "not stated", "unpaid", "n/a"})
LABELS: dict[str, str] = {
    "title": "title", "company": "company", "pay": "pay", "seniority": "seniority",
    "locations": "places", "workplace": "workplace", "employment_type": "employment type",
    "skills": "skills",
}  # fmt: skip
# What ``/fix`` accepts as option names (Discord's form uses the field names themselves).
OPTION_NAMES: dict[str, FixField] = {
    **{name: name for name in FIX_FIELDS},
    "place": "locations", "places": "locations", "location": "locations", "where": "locations",
    "type": "employment_type", "employment": "employment_type", "level": "seniority", "skill": "skills",
}  # fmt: skip
SENIORITY_SYNONYMS = {
    "sr": "senior", "snr": "senior", "jr": "entry", "junior": "entry", "graduate": "entry", "grad": "entry",
    "middle": "mid", "intermediate": "mid", "internship": "intern", "exec": "executive", "head": "director",
}  # fmt: skip
WORKPLACE_SYNONYMS = {
    "on-site": "onsite", "on site": "onsite", "office": "onsite", "in office": "onsite",
    "in-office": "onsite", "wfh": "remote", "fully remote": "remote",
}  # fmt: skip
EMPLOYMENT_SYNONYMS = {
    "full time": "full_time", "full-time": "full_time", "fulltime": "full_time", "ft": "full_time",
    "permanent": "full_time", "part time": "part_time", "part-time": "part_time", "pt": "part_time",
    "contractor": "contract", "freelance": "contract", "temp": "temporary", "intern": "internship",
}  # fmt: skip
WORKPLACES: tuple[str, ...] = get_args(Workplace)
EMPLOYMENT_TYPES: tuple[str, ...] = get_args(EmploymentType)
CHOICE_FIELDS = frozenset({"seniority", "workplace", "employment_type"})
PLACE_SEPARATORS = (";", "\n")  # "Austin, TX; Remote": a comma belongs to a place's name
SKILL_SEPARATORS = (",", ";", "\n")


# The order of the Fix form (and of "Fixed the ..." on the card).
FORM_ORDER: tuple[FixField, ...] = (
    "title", "company", "pay", "seniority", "locations", "workplace", "employment_type", "skills"
)  # fmt: skip


@dataclass(frozen=True)
class FixPlan:
    """What one correction changes: new values, fields back to the parse, in the order they were given."""

    put: dict[FixField, FixValue] = field(default_factory=dict)
    reset: set[FixField] = field(default_factory=set)

    @property
    def changed(self) -> list[FixField]:
        return [name for name in FORM_ORDER if name in self.put or name in self.reset]


def shown_values(view: PostingView) -> dict[FixField, str]:
    """Each field as the Fix form shows it (and as ``/fix`` compares against)."""
    return {
        "title": view.title or "",
        "company": view.company or "",
        "pay": (view.pay.text or "") if view.pay is not None else "",
        "seniority": view.seniority or "",
        "locations": "; ".join(view.locations),
        "workplace": view.workplace or "",
        "employment_type": (view.employment_type or "").replace("_", " "),
        "skills": ", ".join(view.skills),
    }


def option_field(name: str) -> FixField | None:
    return OPTION_NAMES.get(name.lower())


def _split(text: str, separators: tuple[str, ...]) -> list[str]:
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


def _choice(typed: str, synonyms: Mapping[str, str], allowed: tuple[str, ...], what: str) -> str:
    word = " ".join(typed.lower().rstrip(".").replace("_", " ").split())
    word = synonyms.get(word, word).replace(" ", "_")
    if word not in allowed:
        raise CommandError(f"{what} must be one of: {', '.join(a.replace('_', ' ') for a in allowed)}.")
    return word


def read_value(name: FixField, typed: str, view: PostingView) -> FixValue:
    """The value to store for ``typed`` (not blank, not a reset word), or CommandError in member words."""
    if name == "pay":
        if typed.lower() in NO_PAY_WORDS:
            return None
        return parse_pay_fix(typed, default_currency=view.pay.currency if view.pay else "USD")
    if name == "seniority":
        return _choice(typed, SENIORITY_SYNONYMS, SENIORITY_ORDER, "Seniority")
    if name == "workplace":
        return _choice(typed, WORKPLACE_SYNONYMS, WORKPLACES, "Workplace")
    if name == "employment_type":
        return _choice(typed, EMPLOYMENT_SYNONYMS, EMPLOYMENT_TYPES, "Employment type")
    if name == "locations":
        return _split(typed, PLACE_SEPARATORS)
    if name == "skills":
        return _split(typed, SKILL_SEPARATORS)
    return typed


def plan_fix(values: Mapping[FixField, str], view: PostingView) -> FixPlan:
    """Read every given field; fields left as shown change nothing. Raises one CommandError naming
    every field that could not be read."""
    shown = shown_values(view)
    plan = FixPlan()
    problems: list[str] = []
    for name in FIX_FIELDS:
        if name not in values:
            continue
        typed = values[name].strip()
        if typed == shown[name].strip():
            continue
        if typed.lower() in RESET_WORDS:
            plan.reset.add(name)
        elif not typed:
            plan.put[name] = None  # blank: the posting states no such thing (for pay: no pay)
        else:
            try:
                value = read_value(name, typed, view)
            except CommandError as exc:
                problems.append(exc.message)
                continue
            if name in CHOICE_FIELDS and value == getattr(view, name):
                continue  # "Full time" for full_time: the same choice, spelled another way
            plan.put[name] = value
    if problems:
        raise CommandError(" ".join(problems) + " Nothing was changed.")
    return plan
