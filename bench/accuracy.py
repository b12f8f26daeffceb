"""Score the parser on a JSON Lines corpus with gold labels.

    python -m bench.accuracy FILE.jsonl [FILE.jsonl ...] [--field salary] [--failures 20] [--json]

A row is ``{"id", "text", "gold": {...}, "ambiguous": {...}}``; a row without ``text`` may name a
``file`` beside the JSONL, and a row without ``gold`` is its own gold (the seeds' shape). Only keys
present in gold are scored; a list where the field holds one value means any of them is right;
fields named in ``ambiguous`` are left out for that row.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
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
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--field", action="append", help="score only these fields")
    parser.add_argument("--failures", type=int, default=25, help="failures to print per field")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
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
