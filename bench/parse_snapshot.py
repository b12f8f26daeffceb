"""Snapshot every parse result of some corpora, or compare the parser against a snapshot.

    python -m bench.parse_snapshot FILE.jsonl [FILE.jsonl ...] --out snapshot.jsonl
    python -m bench.parse_snapshot FILE.jsonl [FILE.jsonl ...] --compare snapshot.jsonl

A speed change must leave every output as it was: take a snapshot on the commit before the change and
compare after it. Each line is ``{"key", "posting"}``, the key being the corpus file name and the row id,
the posting its full JSON dump plus the header confidences (which the dump leaves out). ``--compare``
prints each key whose fields differ, with the fields, and exits 1 when any do. ``--shapes N`` also
renders every Nth posting of each file through every paste shape of ``bench.shapes``, so the header
readers see more layouts than the corpora hold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.accuracy import load_rows
from bench.shapes import SHAPES, corpus_fields
from parsing import parse_posting


def _dump(text: str) -> dict[str, Any]:
    posting = parse_posting(text)
    dumped = posting.model_dump(mode="json")
    dumped["confidence"] = posting.confidence
    return dumped


def parse_results(paths: list[Path], shape_stride: int = 0) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in paths:
        for row_id, text, _, _, _ in load_rows(path):
            yield f"{path.name}:{row_id}", _dump(text)
        if not shape_stride:
            continue
        for number, (row_id, fields) in enumerate(corpus_fields(path)):
            if number % shape_stride == 0:
                for shape in SHAPES:
                    yield f"{path.name}:{row_id}:{shape.name}", _dump(shape.render(fields))


def differences(expected: dict[str, dict[str, Any]], got: dict[str, dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for key in sorted(expected.keys() | got.keys()):
        before, after = expected.get(key), got.get(key)
        if before is None or after is None:
            lines.append(f"{key}: only in {'the snapshot' if after is None else 'this run'}")
            continue
        changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
        for name in changed:
            lines.append(f"{key}: {name}: {before.get(name)!r} -> {after.get(name)!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--out", type=Path, help="write the snapshot here")
    mode.add_argument("--compare", type=Path, help="compare against this snapshot")
    parser.add_argument(
        "--shapes", type=int, default=0, metavar="N", help="also every Nth posting in every paste shape"
    )
    args = parser.parse_args(argv)
    results = dict(parse_results(args.paths, args.shapes))
    if args.out:
        with args.out.open("w", encoding="utf-8") as handle:
            for key, posting in results.items():
                handle.write(json.dumps({"key": key, "posting": posting}, ensure_ascii=False) + "\n")
        print(f"{len(results)} postings written to {args.out}")
        return 0
    with args.compare.open(encoding="utf-8") as handle:
        expected = {row["key"]: row["posting"] for row in map(json.loads, handle) if row}
    found = differences(expected, results)
    print("\n".join(found) if found else f"{len(results)} postings, no differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
