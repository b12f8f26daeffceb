"""Score the parser on a JSON Lines corpus with gold labels.

    python -m bench.accuracy FILE.jsonl [FILE.jsonl ...] [--field salary] [--failures 20] [--json]
    python -m bench.accuracy --skills-gold bench/gold/*.jsonl [--corpus DIR] [SEEDS gold.jsonl ...]

A row is ``{"id", "text", "gold": {...}, "ambiguous": {...}}``; a row without ``text`` may name a
``file`` beside the JSONL, and a row without ``gold`` is its own gold (the seeds' shape). Only keys
present in gold are scored; a list where the field holds one value means any of them is right;
fields named in ``ambiguous`` are left out for that row.

``--skills-gold`` scores skill precision and recall from label files keyed by corpus id (one line a
posting: ``{"id", "file", "skills": [{"name", "aliases"}], "acceptable": [...]}``, the convention of
the corpus's SKILLS-GOLD.md): a predicted skill that matches a ``skills`` name or alias is a hit, one
that matches only ``acceptable`` is ignored, anything else is a false positive. The text is read from
the corpus file the line names. Rows with ``skills`` and ``not_skills`` (the seeds) count too: their
``skills`` are hits or misses, their ``not_skills`` false positives, other predictions ignored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parsing import parse_posting

META_KEYS = {"id", "file", "text", "gold", "ambiguous", "labels", "notes", "not_skills"}
LIST_VALUED = {"locations", "education", "skills", "salary_ranges"}


@dataclass
class FieldScore:
    scored: int = 0
    correct: int = 0
    failures: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.correct / self.scored if self.scored else 1.0


@dataclass
class Report:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    salary_with_gold: FieldScore = field(default_factory=FieldScore)
    salary_without_gold: FieldScore = field(default_factory=FieldScore)
    rows: int = 0

    def field(self, name: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore())


def fold(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").casefold()).strip()


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


def salary_matches(gold: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    return (
        close(gold.get("min"), got.get("min"))
        and close(gold.get("max"), got.get("max"))
        and gold.get("currency") == got.get("currency")
        and gold.get("period") == got.get("period")
    )


def ranges_match(gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    remaining = list(got)
    for wanted in gold:
        hit = next((r for r in remaining if salary_matches(wanted, r)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return not remaining


def value_matches(name: str, gold: Any, got: Any) -> bool:
    if name == "salary":
        return salary_matches(gold, got)
    if name == "salary_ranges":
        return ranges_match(gold or [], got or [])
    if name in {"title", "company", "role"}:
        return fold(gold) == fold(got)
    if name == "locations":
        return sorted(fold(x) for x in gold or []) == sorted(fold(x) for x in got or [])
    if name == "education":
        return set(gold or []) == set(got or [])
    if name == "skills":
        return {fold(s) for s in gold or []} <= {fold(s) for s in got or []}
    return bool(gold == got)


def field_correct(name: str, gold: Any, got: Any) -> bool:
    # A list where the field holds one value means "any of these is right".
    if isinstance(gold, list) and name not in LIST_VALUED:
        return any(value_matches(name, option, got) for option in gold)
    if name in LIST_VALUED and isinstance(gold, list) and gold and isinstance(gold[0], list):
        return any(value_matches(name, option, got) for option in gold)
    return value_matches(name, gold, got)


def load_rows(path: Path) -> Iterable[tuple[str, str, dict[str, Any], dict[str, Any], list[str]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            row_id = str(row.get("id") or row.get("file") or f"{path.name}:{number}")
            text = row.get("text")
            if text is None and row.get("file"):
                text = (path.parent / row["file"]).read_text(encoding="utf-8")
            if text is None:
                continue
            gold = row.get("gold")
            if gold is None:
                gold = {k: v for k, v in row.items() if k not in META_KEYS}
            not_skills = row.get("not_skills") or (row.get("gold") or {}).get("not_skills") or []
            yield row_id, text, gold, row.get("ambiguous") or {}, list(not_skills)


def score(
    paths: list[Path], only: set[str] | None = None, parser: Callable[[str], Any] = parse_posting
) -> Report:
    report = Report()
    for path in paths:
        for row_id, text, gold, ambiguous, not_skills in load_rows(path):
            report.rows += 1
            got = parser(text).model_dump(mode="json")
            for name, expected in gold.items():
                if name in ambiguous or name == "not_skills" or (only and name not in only):
                    continue
                if name not in got:
                    continue
                bucket = report.field(name)
                bucket.scored += 1
                ok = field_correct(name, expected, got[name])
                if name == "skills" and not_skills:
                    extra = {fold(s) for s in not_skills} & {fold(s) for s in got["skills"]}
                    ok = ok and not extra
                if ok:
                    bucket.correct += 1
                else:
                    bucket.failures.append((row_id, expected, got[name]))
                if name == "salary":
                    split = report.salary_with_gold if expected else report.salary_without_gold
                    split.scored += 1
                    if ok:
                        split.correct += 1
                    else:
                        split.failures.append((row_id, expected, got[name]))
    return report


# ------------------------------------------------------------------------------------ skills

DEFAULT_CORPUS = Path("/work/shared/corpus")


@dataclass
class SkillGold:
    """One labelled posting: each gold skill as the folded spellings that count for it."""

    row_id: str
    file: str
    role_family: str
    text: str
    skills: list[frozenset[str]]
    names: list[str]
    acceptable: frozenset[str]
    # Seed rows list only some wrong skills: other predictions are neither right nor wrong.
    not_skills: frozenset[str] | None = None


@dataclass
class SkillScore:
    postings: int = 0
    hits: int = 0
    false_positives: int = 0
    gold: int = 0
    found: int = 0
    wrong: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        predicted = self.hits + self.false_positives
        return self.hits / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def add(self, other: SkillScore) -> None:
        self.postings += other.postings
        self.hits += other.hits
        self.false_positives += other.false_positives
        self.gold += other.gold
        self.found += other.found
        self.wrong.update(other.wrong)
        self.missed.update(other.missed)


@dataclass
class SkillReport:
    overall: SkillScore = field(default_factory=SkillScore)
    by_file: dict[str, SkillScore] = field(default_factory=dict)
    by_family: dict[str, SkillScore] = field(default_factory=dict)
    # (file, id, false positives, misses) for every posting with an error.
    rows: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)


def _spellings(entry: Any) -> frozenset[str]:
    if isinstance(entry, str):
        return frozenset([fold(entry)])
    return frozenset(fold(s) for s in [entry["name"], *entry.get("aliases", [])])


def json_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSON Lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _corpus_texts(path: Path, cache: dict[Path, dict[str, str]]) -> dict[str, str]:
    if path not in cache:
        rows = json_lines(path) if path.exists() else iter(())
        cache[path] = {str(row["id"]): row["text"] for row in rows if "text" in row}
    return cache[path]


def load_skill_gold(paths: list[Path], corpus: Path = DEFAULT_CORPUS) -> list[SkillGold]:
    """Skill labels from label files (keyed by corpus id) and from seed-shaped gold files."""
    cache: dict[Path, dict[str, str]] = {}
    out: list[SkillGold] = []
    for path in paths:
        for row in json_lines(path):
            if "skills" not in row:
                continue
            name = str(row.get("file") or "")
            if "id" in row and name.endswith(".jsonl"):
                text = _corpus_texts(corpus / name, cache).get(str(row["id"]))
                not_skills = None
            elif name:  # the seeds' shape: the text is a file beside the gold
                text_file = path.parent / name
                text = text_file.read_text(encoding="utf-8") if text_file.exists() else None
                not_skills = frozenset(fold(s) for s in row.get("not_skills") or [])
                name = path.parent.name + "/" + path.name
            else:
                continue
            if text is None:
                print(f"skills gold {path.name}: no text for {row.get('id')} in {name}", file=sys.stderr)
                continue
            out.append(
                SkillGold(
                    row_id=str(row.get("id") or row.get("file")),
                    file=name,
                    role_family=str(row.get("role_family") or "unlabelled"),
                    text=text,
                    skills=[_spellings(e) for e in row["skills"]],
                    names=[e if isinstance(e, str) else e["name"] for e in row["skills"]],
                    acceptable=frozenset().union(*(_spellings(e) for e in row.get("acceptable") or [])),
                    not_skills=not_skills,
                )
            )
    return out


def score_skill_row(gold: SkillGold, predicted: list[str]) -> SkillScore:
    result = SkillScore(postings=1, gold=len(gold.skills))
    matched: set[int] = set()
    for name in predicted:
        key = fold(name)
        hit = next((i for i, spellings in enumerate(gold.skills) if key in spellings), None)
        if hit is not None:
            if hit not in matched:
                matched.add(hit)
                result.hits += 1
            continue
        wrong = key not in gold.acceptable if gold.not_skills is None else key in gold.not_skills
        if wrong:
            result.false_positives += 1
            result.wrong[name] += 1
    result.found = len(matched)
    for i in range(len(gold.skills)):
        if i not in matched:
            result.missed[gold.names[i]] += 1
    return result


def score_skills(
    gold_rows: list[SkillGold], extract: Callable[[str], list[str]] | None = None
) -> SkillReport:
    """Precision and recall of ``extract`` (default: the parser's skills) against the labels."""
    if extract is None:

        def extract(text: str) -> list[str]:
            return list(parse_posting(text).skills)

    report = SkillReport()
    for gold in gold_rows:
        row = score_skill_row(gold, extract(gold.text))
        report.overall.add(row)
        report.by_file.setdefault(gold.file, SkillScore()).add(row)
        report.by_family.setdefault(gold.role_family, SkillScore()).add(row)
        if row.wrong or row.missed:
            report.rows.append((gold.file, gold.row_id, sorted(row.wrong), sorted(row.missed)))
    return report


def _score_line(label: str, s: SkillScore) -> str:
    return (
        f"{label:28} postings {s.postings:4}"
        f"  precision {s.precision:6.1%} ({s.hits}/{s.hits + s.false_positives})"
        f"  recall {s.recall:6.1%} ({s.found}/{s.gold})"
    )


def print_skill_report(report: SkillReport, failures: int) -> None:
    print(_score_line("skills overall", report.overall))
    for name, s in sorted(report.by_file.items()):
        print(_score_line(name, s))
    for name, s in sorted(report.by_family.items()):
        print(_score_line(f"  family {name}", s))
    print(f"\nfalse positives by skill ({report.overall.false_positives}):")
    for name, n in report.overall.wrong.most_common(failures):
        print(f"  {n:4}  {name}")
    print(f"\nmisses by skill ({report.overall.gold - report.overall.found}):")
    for name, n in report.overall.missed.most_common(failures):
        print(f"  {n:4}  {name}")
    if failures:
        print("\npostings with errors:")
        for file, row_id, wrong, missed in report.rows[:failures]:
            print(f"  {file} {row_id}\n    wrong:  {wrong}\n    missed: {missed}")


def print_report(report: Report, failures: int) -> None:
    print(f"rows: {report.rows}")
    for name, bucket in sorted(report.fields.items()):
        print(f"{name:18} {bucket.correct:5}/{bucket.scored:<5} {bucket.rate:7.1%}")
    if report.salary_with_gold.scored or report.salary_without_gold.scored:
        with_gold, without = report.salary_with_gold, report.salary_without_gold
        false_rate = 1 - without.rate if without.scored else 0.0
        exact = f"{with_gold.correct}/{with_gold.scored} ({with_gold.rate:.1%})"
        print(f"salary exact on rows with gold salary:   {exact}")
        print(
            f"salary reported on rows without salary:  {without.scored - without.correct}/{without.scored} "
            f"({false_rate:.1%})"
        )
    for name, bucket in sorted(report.fields.items()):
        for row_id, expected, got in bucket.failures[:failures]:
            print(f"FAIL {name} {row_id}\n  gold: {json.dumps(expected)}\n  got:  {json.dumps(got)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument(
        "--skills-gold", nargs="+", type=Path, default=[], help="skill label files keyed by corpus id"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where the labelled files are")
    parser.add_argument("--field", action="append", help="score only these fields")
    parser.add_argument("--failures", type=int, default=25, help="failures to print per field")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if args.skills_gold:
        gold = load_skill_gold([*args.skills_gold, *args.paths], args.corpus)
        skill_report = score_skills(gold)
        if args.json:
            json.dump(
                {
                    name: {"postings": s.postings, "precision": s.precision, "recall": s.recall}
                    for name, s in [("overall", skill_report.overall), *skill_report.by_file.items()]
                },
                sys.stdout,
                indent=2,
            )
            print()
        else:
            print_skill_report(skill_report, args.failures)
        return 0
    if not args.paths:
        parser.error("no corpus files given")
    report = score(args.paths, set(args.field) if args.field else None)
    if args.json:
        summary = {name: {"correct": b.correct, "scored": b.scored} for name, b in report.fields.items()}
        json.dump({"rows": report.rows, "fields": summary}, sys.stdout, indent=2)
        print()
    else:
        print_report(report, args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
