"""Build ``skills.json`` from the hand-written sources in ``taxonomy/*.txt``.

Source format, one skill a line::

    @ Category name
    Canonical Name[*] | alias; alias; ...

A ``*`` after the name marks the skill ambiguous (the name is also an ordinary word or letter, so
it counts only in a skill context). A ``~`` before an alias marks a vetted spelling the vetting
below must not split off: a local name (German, French, Spanish, Dutch, Portuguese:
"~Lohnbuchhaltung" for Payroll) or a synonym that shares no letters with the name ("~EMR").
Lines starting with ``#`` are comments.

Two vetting steps run on the sources: an alias that names a related concept rather than the skill
("sales tax" under Corporate Tax) becomes a skill of its own (``split_related``), and the names in
``umbrella.txt`` (umbrella domains, generic practices) are flagged: read, never reported.

Run from the repository root: ``python -m parsing.data.build_skills`` (``--check`` only validates
and fails if ``skills.json`` is out of date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from parsing.skills import (
    DATA_FILE,
    INDEX_FILE,
    case_distinct,
    normalize_phrase,
    save_index,
    saved_index_is_current,
)

SOURCE_DIR = Path(__file__).resolve().parent / "taxonomy"
UMBRELLA_FILE = Path(__file__).resolve().parent / "umbrella.txt"
# The local names of an entry while it is built (not written to skills.json).
LOCAL_KEY = "_local"


class TaxonomyError(ValueError):
    pass


def parse_sources(source_dir: Path = SOURCE_DIR) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for path in sorted(source_dir.glob("*.txt")):
        category: str | None = None
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path.name}:{lineno}"
            if line.startswith("@"):
                category = line[1:].strip()
                continue
            if category is None:
                raise TaxonomyError(f"{where}: skill before any '@ Category' line")
            name_part, _, alias_part = line.partition("|")
            name = name_part.strip()
            ambiguous = name.endswith("*")
            name = name.rstrip("*").strip()
            if not name:
                raise TaxonomyError(f"{where}: empty name")
            seen = {normalize_phrase(name)}
            aliases: list[str] = []
            local: list[str] = []
            for alias in (a.strip() for a in alias_part.split(";")):
                is_local = alias.startswith("~")
                alias = alias.removeprefix("~").strip()
                key = normalize_phrase(alias)
                if alias and key and key not in seen:
                    seen.add(key)
                    aliases.append(alias)
                    if is_local:
                        local.append(alias)
            entries.append(
                {
                    "name": name,
                    "aliases": aliases,
                    "category": category,
                    "ambiguous": ambiguous,
                    LOCAL_KEY: local,
                }
            )
    return entries


# Words that say nothing about which skill a phrase names.
_FILLER_WORDS = frozenset(
    "and of the for in to a an with on management systems system software skills services".split()
)


def _content_words(phrase: str) -> set[str]:
    """The phrase's content words, cut to a five-letter stem ("statistical" and "statistics" agree,
    and so do "cold calls" and "cold calling")."""
    words = {_stem(token) for token in normalize_phrase(phrase)} - _FILLER_WORDS
    return {word[:5] for word in words}


def _stem(token: str) -> str:
    word = token.removesuffix("s")
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def _squash(phrase: str) -> str:
    return "".join(normalize_phrase(phrase))


# Vendor words: "Microsoft Excel" and "Excel macros" are about one skill, "Google Docs" and
# "Google Workspace" are not two spellings of one.
_VENDOR_STEMS = frozenset(
    w[:5] for w in "microsoft ms google amazon aws adobe apache oracle ibm sap apple meta azure".split()
)


def is_spelling_of(alias: str, name: str) -> bool:
    """Whether an alias plausibly writes the same skill as the name (not a related concept).

    It is the name with qualifiers ("Excel macros", "Python 3"), part of it, its acronym or
    expansion, or an abbreviation ("Postgres", "sklearn"). "sales tax" is not a spelling of
    "Corporate Tax", "conflict resolution" not of "Complaint Resolution", "WooCommerce" not of
    "WordPress", "GDPR" not of "Privacy Law": such aliases become skills of their own. Local names
    and vetted synonyms (marked ``~``) are not judged here.
    """
    alias_words = _content_words(alias) - _VENDOR_STEMS
    name_words = _content_words(name) - _VENDOR_STEMS
    if alias_words and name_words and (alias_words <= name_words or name_words <= alias_words):
        return True
    if alias_words & name_words:
        # Both name several things and only part of them agree: a neighbouring concept.
        return len(alias_words) == 1 or len(name_words) == 1
    a, n = _squash(alias), _squash(name)
    if not a or a in n or n in a or not alias.isascii():
        return True
    alias_initials = "".join(t[0] for t in normalize_phrase(alias))
    name_initials = "".join(t[0] for t in normalize_phrase(name))
    if alias_initials == n or name_initials == a or _abbreviates(a, n):
        return True
    # A version or a short code ("ES6", "k8s"); one long word sharing the name's stem.
    if any(c.isdigit() for c in alias) and len(a) <= 4:
        return True
    one_word = len(normalize_phrase(alias)) == 1 and len(normalize_phrase(name)) == 1
    if one_word and len(a) > 5 and not alias.isupper() and a[:4] == n[:4]:
        return True
    # The name's acronym written inside ("RAG pipelines", "Class A CDL").
    return any(len(w) >= 2 and w.isupper() and _abbreviates(_squash(w), n) for w in alias.split())


def _abbreviates(short: str, long: str) -> bool:
    """The short form's letters appear in order in the long one, from the same first letter."""
    if not short or not long or short[0] != long[0] or len(short) >= len(long):
        return False
    rest = iter(long)
    return all(c in rest for c in short)


_SMALL_WORDS = frozenset("and or of the for in to a an with on".split())


def _skill_name(alias: str) -> str:
    """A promoted alias written as a name: "SSL certificates" -> "SSL Certificates"."""
    # Words with capitals of their own stay as written ("SSL", "iOS", "eDiscovery").
    words = alias.split()
    return " ".join(
        w if (i and w in _SMALL_WORDS) or any(c.isupper() for c in w) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def split_related(entries: list[dict[str, object]]) -> list[dict[str, object]]:
    """Make every alias that names a related concept rather than the skill a skill of its own."""
    names = {normalize_phrase(str(e["name"])) for e in entries}
    out: list[dict[str, object]] = []
    promoted: dict[tuple[str, ...], dict[str, object]] = {}
    for entry in entries:
        kept: list[str] = []
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        local = entry.get(LOCAL_KEY) or []
        assert isinstance(local, list)
        for alias in aliases:
            if alias in local or is_spelling_of(alias, str(entry["name"])):
                kept.append(alias)
                continue
            key = normalize_phrase(alias)
            if key in names:
                continue
            if key in promoted:
                continue
            promoted[key] = {
                "name": _skill_name(alias),
                "aliases": [],
                "category": entry["category"],
                "ambiguous": False,
            }
        out.append({**entry, "aliases": kept})
    # A promoted phrase that another entry keeps as a genuine spelling stays that entry's alias.
    spelled = {normalize_phrase(a) for e in out for a in e["aliases"]}  # type: ignore[attr-defined]
    out.extend(p for key, p in promoted.items() if key not in spelled)
    return out


def read_umbrella(path: Path = UMBRELLA_FILE) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")}


def mark_umbrella(entries: list[dict[str, object]], umbrella: set[str]) -> list[dict[str, object]]:
    """Flag the umbrella domains and generic practices: read, never reported."""
    return [
        {**{k: v for k, v in e.items() if k != LOCAL_KEY}, "umbrella": str(e["name"]).casefold() in umbrella}
        for e in entries
    ]


def build_entries() -> list[dict[str, object]]:
    return mark_umbrella(split_related(parse_sources()), read_umbrella())


def validate(entries: list[dict[str, object]]) -> list[str]:
    problems: list[str] = []
    names: set[str] = set()
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    upper_owner: dict[tuple[str, ...], str] = {}
    umbrella = read_umbrella()
    known = {str(e["name"]).casefold() for e in entries}
    problems.extend(f"umbrella name not in the taxonomy: {u}" for u in sorted(umbrella - known))
    for entry in entries:
        name = str(entry["name"])
        if name in names:
            problems.append(f"duplicate name: {name}")
        names.add(name)
        if not entry.get("category"):
            problems.append(f"no category: {name}")
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        for written in [name, *aliases]:
            key = normalize_phrase(str(written))
            if not key:
                problems.append(f"{name}: alias {written!r} has no tokens")
                continue
            other, other_written = owner.setdefault(key, (name, str(written)))
            if other == name:
                continue
            # One key may serve two skills when case tells them apart ("dbt" vs "DBT").
            if case_distinct(other_written, str(written)) and key not in upper_owner:
                upper_owner[key] = name
                continue
            problems.append(f"{' '.join(key)!r} claimed by {other!r} and {name!r}")
    return problems


def render(entries: list[dict[str, object]]) -> str:
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    return "[\n" + lines + "\n]\n"


def main(argv: list[str]) -> int:
    entries = build_entries()
    problems = validate(entries)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    text = render(entries)
    if "--check" in argv:
        current = DATA_FILE.read_text(encoding="utf-8") if DATA_FILE.exists() else ""
        if current != text:
            print(f"{DATA_FILE} is out of date: run python -m parsing.data.build_skills", file=sys.stderr)
            return 1
        if not saved_index_is_current():
            print(f"{INDEX_FILE} is out of date: run python -m parsing.data.build_skills", file=sys.stderr)
            return 1
        return 0
    DATA_FILE.write_text(text, encoding="utf-8")
    save_index()
    print(f"wrote {len(entries)} skills to {DATA_FILE} and their index to {INDEX_FILE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
