"""Measure the non-salary fields (title, company, locations, attributes) against a gold corpus.

Usage:
    python -m bench.fields_probe CORPUS.jsonl [--seeds SEEDS_DIR] [--show-misses] [--timing]

CORPUS is a JSON Lines file of {"id", "text", "gold": {...}}; only the gold keys this probe knows are
scored, and a gold list means any of its values is right. With --seeds, SEEDS_DIR/gold.jsonl names its
text files by "file" instead of carrying "text".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parsing import parse_posting
from parsing.lines import load as load_doc
from parsing.role import normalize_role


def fold(value: str) -> str:
    """Case-folded, punctuation and spaces collapsed: how title and company are compared."""
    return re.sub(r"[\W_]+", " ", value.casefold()).strip()


def parse_fields(text: str) -> dict[str, Any]:
    """The fields this probe scores, as the pipeline reads them."""
    posting = parse_posting(text).model_dump(mode="json")
    return {name: posting[name] for name in ("role", *FIELDS)}


def same(field: str, got: Any, gold: Any) -> bool:
    if field in ("title", "company"):
        return fold(got or "") == fold(gold or "")
    if field in ("locations", "education"):
        return list(got or []) == list(gold or [])
    return bool(got == gold)


def matches(field: str, got: Any, gold: Any) -> bool:
    options = gold if isinstance(gold, list) and field not in ("locations", "education") else [gold]
    if field in ("locations", "education") and gold and isinstance(gold[0], list):
        options = gold
    return any(same(field, got, option) for option in options)


FIELDS = (
    "title",
    "company",
    "locations",
    "seniority",
    "employment_type",
    "workplace",
    "experience_years",
    "education",
    "posted_on",
)


def load(path: Path, seeds: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if seeds:
            text = (path.parent / row["file"]).read_text(encoding="utf-8")
            rows.append({"id": row["file"], "text": text, "gold": row, "ambiguous": {}})
        else:
            rows.append(row)
    return rows


def timed(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Mean milliseconds per text, the best of ``repeat`` rounds (each text read afresh every round)."""
    best = float("inf")
    for _ in range(repeat):
        load_doc.cache_clear()
        normalize_role.cache_clear()
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seeds", action="store_true", help="corpus is seeds/gold.jsonl (texts in files)")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--timing", action="store_true")
    args = parser.parse_args(argv)

    rows = load(args.corpus, args.seeds)
    scored: dict[str, list[int]] = {}
    for row in rows:
        got = parse_fields(row["text"])
        for name in FIELDS:
            if name not in row["gold"] or name in row.get("ambiguous", {}):
                continue
            ok = matches(name, got[name], row["gold"][name])
            scored.setdefault(name, []).append(int(ok))
            if not ok and args.show_misses:
                print(f"MISS {row['id']} {name}: got {got[name]!r} gold {row['gold'][name]!r}")
    for name, results in scored.items():
        print(f"{name:18} {sum(results):4}/{len(results):<4} {100 * sum(results) / len(results):6.1f}%")
    if args.timing:
        texts = [row["text"] for row in rows]
        groups = [("all", texts), ("4-6 KB", [t for t in texts if 4000 <= len(t.encode()) <= 6000])]
        for label, group in groups:
            if group:
                per = timed(parse_fields, group, 7)
                chars = sum(map(len, group)) / len(group)
                print(f"all fields, {label}: {per:.3f} ms a posting (n={len(group)}, mean {chars:.0f} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
