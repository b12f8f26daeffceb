"""Skills extractor: recall on the seed gold, most frequent extractions on a corpus, and speed.

Usage (from the repository root)::

    python -m bench.skills_bench [--corpus DIR] [--top N] [--show ID]
    python -m bench.skills_bench --halves [bench/gold/skills-*.jsonl]

The corpus directory must hold ``seeds/gold.jsonl`` (with ``file``, ``skills``, ``not_skills``),
the seed texts, and optionally ``linkedin-dev.jsonl`` (rows with ``id`` and ``text``). Texts are
cut at a line "Salary Context" (where an aggregator's own text starts) as the pipeline would.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from bench.accuracy import load_skill_gold, score_skills
from parsing.skills import _index, extract_skills

DEFAULT_CORPUS = Path("/work/shared/corpus")


def job_text(text: str) -> str:
    cut = text.find("\nSalary Context")
    return text if cut < 0 else text[:cut]


def seed_report(corpus: Path) -> None:
    total = found_total = bad_total = extra_total = 0
    for line in (corpus / "seeds" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = job_text((corpus / "seeds" / row["file"]).read_text(encoding="utf-8"))
        got = extract_skills(text)
        gold = set(row["skills"])
        missing = [s for s in row["skills"] if s not in got]
        wrong = [s for s in row["not_skills"] if s in got]
        extras = [s for s in got if s not in gold]
        total += len(gold)
        found_total += len(gold) - len(missing)
        bad_total += len(wrong)
        extra_total += len(extras)
        print(f"{row['file']}: found {len(gold) - len(missing)}/{len(gold)}, not_skills hit {len(wrong)}")
        if missing:
            print(f"  missing: {missing}")
        if wrong:
            print(f"  not_skills extracted: {wrong}")
        print(f"  extras ({len(extras)}): {extras}")
    print(f"TOTAL found {found_total}/{total}, not_skills hit {bad_total}, extras {extra_total}")


def corpus_rows(corpus: Path) -> list[dict[str, str]]:
    path = corpus / "linkedin-dev.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def frequency_report(rows: list[dict[str, str]], top: int) -> None:
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(extract_skills(row["text"]))
    print(f"\n{len(rows)} corpus texts; most frequent skills (postings):")
    for name, n in counts.most_common(top):
        print(f"  {n:4d}  {name}")


def speed_report(texts: list[str], rounds: int = 5) -> None:
    _index()
    times: list[float] = []
    chars = 0
    for _ in range(rounds):
        for text in texts:
            t0 = time.perf_counter()
            extract_skills(text)
            times.append(time.perf_counter() - t0)
            chars += len(text)
    per_kb = sum(times) / (chars / 1000)
    print(
        f"\nspeed over {len(texts)} texts x {rounds}: median {statistics.median(times) * 1e3:.3f} ms, "
        f"p90 {statistics.quantiles(times, n=10)[-1] * 1e3:.3f} ms, "
        f"{per_kb * 1e3:.3f} ms per KB (so {per_kb * 5e3:.3f} ms for 5 KB)"
    )


def label_half(row_id: str) -> int:
    """0 or 1 from a hash of the corpus id: a fixed split of the labelled postings, so that data
    drawn from the misses of half 0 can be measured on half 1, which it was not drawn from."""
    return int(hashlib.md5(row_id.encode("utf-8")).hexdigest(), 16) % 2


def halves_report(gold_files: list[Path], corpus: Path) -> None:
    gold = load_skill_gold(gold_files, corpus)
    for half, name in ((0, "half 0 (misses read)"), (1, "half 1 (held out)")):
        score = score_skills([g for g in gold if label_half(g.row_id) == half]).overall
        print(
            f"{name:22} postings {score.postings:4}  precision {score.precision:.3f}"
            f"  recall {score.recall:.3f} ({score.found}/{score.gold})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--show", help="print the skills of one corpus row by id")
    parser.add_argument("--halves", nargs="*", type=Path, help="label files to score in two halves")
    args = parser.parse_args()
    if args.halves is not None:
        halves_report(args.halves or sorted(Path("bench/gold").glob("skills-*.jsonl")), args.corpus)
        return
    rows = corpus_rows(args.corpus)
    if args.show:
        for row in rows:
            if row["id"] == args.show:
                print(extract_skills(row["text"]))
        return
    seed_report(args.corpus)
    frequency_report(rows, args.top)
    seeds = [job_text(p.read_text(encoding="utf-8")) for p in sorted((args.corpus / "seeds").glob("*.txt"))]
    speed_report(seeds + [row["text"] for row in rows])


if __name__ == "__main__":
    main()
