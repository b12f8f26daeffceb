"""Audit the skill taxonomy against the dev corpora: which aliases fire, where, and how often wrongly.

    python -m bench.skills_audit [CORPUS.jsonl ...] [--gold bench/gold/*.jsonl] [--top 40] [--alias NAME]
    python -m bench.skills_audit --misses [--show-misses KIND] [--half 0|1]
    python -m bench.skills_audit --wrong [--half 0|1]

For every alias that fires (in the parts of a posting the extractor reads), it counts the postings
it fires in, the role families of those postings (from the normalised title), and, in postings
that have skill labels, how often the skill it gives is a labelled skill, an acceptable one, or
wrong. An alias that fires mostly wrongly (at least ``--min-labelled`` labelled postings, at least
half of them wrong) is flagged: it needs a required context, a sense check, or to go. ``--alias``
prints the contexts an alias fired in.

``--misses`` sorts every labelled skill the extractor missed into kinds (see ``MISS_KINDS``), so
that what is fixed is a kind of miss, not a posting's rows.

``--wrong`` lists every mention of a false positive (a skill neither labelled nor acceptable) with the
words around it and the kind of section it was read in, to sort the false positives into kinds
(boilerplate, the company's own text, word sense, a paraphrase...) before fixing any.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.accuracy import DEFAULT_CORPUS, fold, json_lines, load_skill_gold
from parsing import parse_posting
from parsing.jsonld import JsonLdFields, read_job_posting
from parsing.sections import job_text, skill_text, split_sections
from parsing.skills import _fold, _index, _lookup, extract_skills, normalize_phrase, skill_mentions, taxonomy
from parsing.text import normalize_text, prepare

DEV_FILES = ("linkedin-dev.jsonl", "uber-dev.jsonl", "arbeitnow-dev.jsonl", "hn-dev.jsonl")
GOLD_GLOB = "bench/gold/skills-*.jsonl"

# Coarse role families from words of the normalised title (first family whose words match).
_FAMILIES: list[tuple[str, re.Pattern[str]]] = [
    (family, re.compile(r"\b(?:" + words + r")", re.IGNORECASE))
    for family, words in [
        ("health", "nurs|therap|physician|medical|clinic|pharm|dental|health|care|patient|pflege|arzt"),
        ("finance", "account|financ|audit|tax|bookkeep|controller|payroll|buchhalt|treasur|actuar"),
        ("software/data", "software|developer|engineer|data|devops|security|cloud|machine learning|it |sre"),
        ("design", "design|ux|ui |creative|art director|illustrat|animat"),
        ("sales/marketing", "sales|marketing|account executive|seo|growth|brand|content|vertrieb"),
        ("legal/hr", "legal|attorney|lawyer|paralegal|counsel|recruit|hr |human resources|talent|people"),
        (
            "operations/trades",
            "operat|warehouse|driver|technician|mechanic|electric|maintenance|logistic|supply",
        ),
    ]
]


def role_family(role: str | None) -> str:
    text = f"{role or ''} "
    for family, pattern in _FAMILIES:
        if pattern.search(text):
            return family
    return "other"


@dataclass
class AliasStats:
    skill: str
    postings: set[str] = field(default_factory=set)
    families: Counter[str] = field(default_factory=Counter)
    right: int = 0
    acceptable: int = 0
    wrong: int = 0
    contexts: list[str] = field(default_factory=list)

    @property
    def labelled(self) -> int:
        return self.right + self.acceptable + self.wrong

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.labelled if self.labelled else 0.0


def _body(text: str) -> str:
    document = prepare(text)
    structured = read_job_posting(document.job_posting) if document.job_posting else JsonLdFields()
    description = normalize_text(structured.description) if structured.description else document.text
    return skill_text(job_text(description))


MISS_KINDS = {
    "a-variant": "in the taxonomy; the text writes it in a form no alias has (plural, glued, version)",
    "a-alias": "in the taxonomy, but the text writes it in a spelling only the label lists",
    "a-name": "in the taxonomy and returned, under a canonical name the label does not list",
    "b-missing": "not in the taxonomy, written as labelled in the parts read",
    "b-variant": "not in the taxonomy, written in another form in the parts read",
    "c-section": "written (as an alias) only in parts of the posting the section reader leaves out",
    "e-dropped": "in the taxonomy, an alias written in the parts read, dropped by a sense check",
    "u-umbrella": "its spelling is an umbrella entry (read, never reported)",
    "d-paraphrase": "not written in any form the taxonomy or the label has",
}


def _has_key(lows: list[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    first = key[0]
    return any(lows[i] == first and tuple(lows[i : i + n]) == key for i in range(len(lows) - n + 1))


def _loose(tokens: Iterable[str]) -> str:
    """Tokens folded for a loose comparison: no plural "s", no version numbers, no "js" suffix."""
    out = "".join(_fold(t) for t in tokens if not t.replace(".", "").isdigit())
    return out[:-2] if out.endswith("js") and len(out) > 4 else out


def _has_loose(lows: list[str], key: tuple[str, ...]) -> bool:
    want = _loose(key)
    if len(want) < 3:
        return False
    for i in range(len(lows)):
        for n in range(1, len(key) + 3):
            got = _loose(lows[i : i + n])
            if got == want:
                return True
            if len(got) > len(want):
                break
    return False


def _context(lows: list[str], key: tuple[str, ...], window: int = 5) -> str:
    n = len(key)
    i = next(i for i in range(len(lows) - n + 1) if tuple(lows[i : i + n]) == key)
    return " ".join(lows[max(0, i - window) : i + n + window])


@dataclass
class Miss:
    kind: str
    file: str
    row_id: str
    name: str
    detail: str


def classify_misses(gold_paths: list[Path], corpus_dir: Path, half: int | None = None) -> list[Miss]:
    """Every labelled skill the extractor misses, with the kind of miss it is."""
    from bench.skills_bench import label_half

    index = _index()
    out: list[Miss] = []
    for gold in load_skill_gold(gold_paths, corpus_dir):
        if half is not None and label_half(gold.row_id) != half:
            continue
        whole = job_text(normalize_text(prepare(gold.text).text))
        read = _body(gold.text)
        got = extract_skills(read)
        got_folded = {fold(n) for n in got}
        whole_lows = [t.lower() for t in normalize_phrase(whole)]
        read_lows = [t.lower() for t in normalize_phrase(read)]
        for spellings, name in zip(gold.skills, gold.names, strict=True):
            if spellings & got_folded:
                continue
            entries: set[int] = set()
            keys = {normalize_phrase(s) for s in spellings} - {()}
            for key in list(keys):
                alias = _lookup(index, key)
                if alias is not None:
                    entries.add(alias.skill)
            writings = [w for e in entries for w in (index.entries[e].name, *index.entries[e].aliases)]
            known = {normalize_phrase(w) for w in writings} - {()}
            forms = keys | known
            reported = [index.entries[e].name for e in entries if index.entries[e].name in got]
            found = next((k for k in known if _has_key(read_lows, k)), None)
            if entries and all(index.entries[e].umbrella for e in entries):
                kind = "u-umbrella"
            elif reported:
                kind = "a-name"
            elif found:
                kind = "e-dropped"
            elif (found := next((k for k in keys if _has_key(read_lows, k)), None)) is not None:
                kind = "a-alias" if entries else "b-missing"
            elif any(_has_key(whole_lows, k) for k in forms):
                kind = "c-section"
            elif any(_has_loose(read_lows, k) for k in forms):
                kind = "a-variant" if entries else "b-variant"
            else:
                kind = "d-paraphrase"
            where = _context(read_lows, found) if found else ", ".join(sorted(spellings))[:80]
            out.append(Miss(kind, gold.file, gold.row_id, name, where))
    return out


@dataclass
class Wrong:
    row_id: str
    name: str
    alias: str
    section: str
    context: str


def _section_of(text: str, context: str) -> str:
    """The kind of section a mention's words stand in (the first place they occur)."""
    words = context.split()
    probe = " ".join(words[len(words) // 3 : len(words) // 3 + 3])
    at = text.find(probe) if probe else -1
    if at < 0:
        return "?"
    return next((s.kind for s in split_sections(text) if s.start <= at < s.end), "?")


def false_positives(gold_paths: list[Path], corpus_dir: Path, half: int | None = None) -> list[Wrong]:
    """Every mention of a skill the extractor returns that the labels hold neither right nor acceptable."""
    from bench.skills_bench import label_half

    umbrella = {e.name for e in taxonomy() if e.umbrella}
    out: list[Wrong] = []
    for gold in load_skill_gold(gold_paths, corpus_dir):
        if gold.not_skills is not None or (half is not None and label_half(gold.row_id) != half):
            continue
        document = prepare(gold.text)
        whole = job_text(normalize_text(document.text))
        for mention in skill_mentions(_body(gold.text), window=8):
            name = fold(mention.name)
            if mention.name in umbrella or name in gold.acceptable:
                continue
            if any(name in spellings for spellings in gold.skills):
                continue
            section = _section_of(whole, mention.context)
            out.append(Wrong(gold.row_id, mention.name, mention.alias, section, mention.context))
    return out


def print_false_positives(wrong: list[Wrong]) -> None:
    by_section = Counter(w.section for w in wrong)
    skills = {(w.row_id, w.name) for w in wrong}
    postings = len({w.row_id for w in wrong})
    print(f"false positives: {len(skills)} skills in {postings} postings, {len(wrong)} mentions")
    print("  mentions by section kind:", dict(by_section.most_common()))
    for w in wrong:
        print(f"{w.row_id:22} {w.name:32} [{w.alias}] ({w.section}) {w.context}")


def print_misses(misses: list[Miss], show: str | None) -> None:
    counts = Counter(m.kind for m in misses)
    print(f"misses: {len(misses)}")
    for kind, what in MISS_KINDS.items():
        print(f"  {counts[kind]:4}  {kind:13} {what}")
    for m in misses:
        if show and m.kind.startswith(show):
            print(f"{m.kind:13} {m.row_id:18} {m.name:40} [{m.detail}]")


def audit(corpora: list[Path], gold_paths: list[Path], corpus_dir: Path) -> dict[str, AliasStats]:
    labels = {(g.file, g.row_id): g for g in load_skill_gold(gold_paths, corpus_dir)} if gold_paths else {}
    umbrella = {e.name for e in taxonomy() if e.umbrella}
    stats: dict[str, AliasStats] = {}
    for path in corpora:
        for row in json_lines(path):
            text = row.get("text")
            if not text:
                continue
            row_id = str(row.get("id"))
            family = role_family(parse_posting(text).role)
            gold = labels.get((path.name, row_id))
            seen: set[str] = set()
            for mention in skill_mentions(_body(text)):
                key = f"{mention.alias} -> {mention.name}"
                entry = stats.setdefault(key, AliasStats(mention.name))
                if len(entry.contexts) < 12:
                    entry.contexts.append(f"{row_id}: {mention.context}")
                if key in seen:
                    continue
                seen.add(key)
                entry.postings.add(f"{path.name}:{row_id}")
                entry.families[family] += 1
                if gold is None or mention.name in umbrella:
                    continue
                name = fold(mention.name)
                if any(name in spellings for spellings in gold.skills):
                    entry.right += 1
                elif name in gold.acceptable:
                    entry.acceptable += 1
                else:
                    entry.wrong += 1
    return stats


def print_audit(stats: dict[str, AliasStats], top: int, min_labelled: int) -> None:
    firing = sorted(stats.items(), key=lambda kv: -len(kv[1].postings))
    postings = {p for s in stats.values() for p in s.postings}
    print(f"aliases firing: {len(stats)} (over {len(postings)} postings with at least one skill)")
    print(f"\nmost frequent {top} (postings, role families, labelled right/acceptable/wrong):")
    for key, s in firing[:top]:
        families = ", ".join(f"{f} {n}" for f, n in s.families.most_common(3))
        print(f"  {len(s.postings):4}  {key:55} {families:45} {s.right}/{s.acceptable}/{s.wrong}")
    flagged = [(k, s) for k, s in stats.items() if s.labelled >= min_labelled and s.wrong_share >= 0.5]
    flagged.sort(key=lambda kv: (-kv[1].wrong, kv[0]))
    print(f"\nflagged: firing mostly wrongly in labelled postings ({len(flagged)}):")
    for key, s in flagged:
        print(f"  {s.wrong:3}/{s.labelled:<3} wrong  {key}   e.g. {s.contexts[0][:110]}")


def _added_since(stats: dict[str, AliasStats], older: Path) -> dict[str, AliasStats]:
    """Only the aliases (alias -> skill) an older taxonomy file did not have."""
    known = {
        (fold(written), fold(entry["name"]))
        for entry in json.loads(older.read_text(encoding="utf-8"))
        for written in [entry["name"], *entry.get("aliases", [])]
    }
    return {key: s for key, s in stats.items() if tuple(map(fold, key.split(" -> ", 1))) not in known}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where the dev files are")
    parser.add_argument("--gold", nargs="*", type=Path, help="skill label files (default: bench/gold)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--min-labelled", type=int, default=3)
    parser.add_argument("--alias", help="print where an alias or skill name fired")
    parser.add_argument(
        "--new-since",
        type=Path,
        help="an older skills.json (git show REV:parsing/data/skills.json): only the aliases added since",
    )
    parser.add_argument("--misses", action="store_true", help="sort the labelled skills missed into kinds")
    parser.add_argument("--show-misses", metavar="KIND", help="with --misses: list the misses of a kind")
    parser.add_argument("--half", type=int, choices=(0, 1), help="with --misses or --wrong: one half")
    parser.add_argument("--wrong", action="store_true", help="list the false positives with their contexts")
    args = parser.parse_args(argv)
    if args.wrong:
        gold_files = args.gold if args.gold is not None else sorted(Path().glob(GOLD_GLOB))
        print_false_positives(false_positives(gold_files, args.corpus, args.half))
        return 0
    if args.misses:
        gold_files = args.gold if args.gold is not None else sorted(Path().glob(GOLD_GLOB))
        print_misses(classify_misses(gold_files, args.corpus, args.half), args.show_misses)
        return 0
    corpora = args.corpora or [args.corpus / name for name in DEV_FILES if (args.corpus / name).exists()]
    gold = args.gold if args.gold is not None else sorted(Path().glob(GOLD_GLOB))
    stats = audit(corpora, gold, args.corpus)
    if args.new_since:
        stats = _added_since(stats, args.new_since)
        print(f"aliases added since {args.new_since}:")
    if args.alias:
        wanted = args.alias.casefold()
        for key, s in stats.items():
            if wanted in key.casefold().split(" -> "):
                print(f"{key}: {len(s.postings)} postings, {dict(s.families)}")
                for context in s.contexts:
                    print(f"    {context}")
        return 0
    print_audit(stats, args.top, args.min_labelled)
    by_family: defaultdict[str, int] = defaultdict(int)
    for s in stats.values():
        for family, n in s.families.items():
            by_family[family] += n
    print("\nmentions by role family:", dict(sorted(by_family.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
