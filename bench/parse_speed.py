"""Parse time per posting and peak memory over a corpus.

    python -m bench.parse_speed FILE.jsonl [FILE.jsonl ...] [--repeat 5] [--cpu]

Each posting is parsed ``--repeat`` times after one warm-up pass (which also builds the lazy indexes);
the figure per posting is its fastest run, so a stray scheduler hiccup does not count as parser cost,
and the worst posting is reported separately. One process, one core. ``--cpu`` times each run by the
thread's CPU time instead of the wall clock: on a shared, loaded machine the time spent waiting for a
core then stays out of the figure (what is left still grows a little with load: shared caches).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bench.accuracy import load_rows
from parsing import parse_posting


def measure(
    texts: list[str], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> dict[str, float]:
    started = time.perf_counter()
    for text in texts:  # warm-up: builds caches and indexes once
        parse_posting(text)
    warmup = time.perf_counter() - started
    per_posting: list[float] = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            t0 = clock()
            parse_posting(text)
            best = min(best, clock() - t0)
        per_posting.append(best * 1000)
    tracemalloc.start()
    for text in texts:
        parse_posting(text)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ordered = sorted(per_posting)
    return {
        "postings": len(texts),
        "first_pass_s": warmup,
        "median_ms": statistics.median(per_posting),
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "worst_ms": ordered[-1],
        "mean_chars": statistics.mean(len(t) for t in texts),
        "traced_peak_mb": traced_peak / 1e6,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="time runs by thread CPU time, not wall clock")
    args = parser.parse_args(argv)
    texts = [text for path in args.paths for _, text, _, _, _ in load_rows(path)]
    result = measure(texts, args.repeat, time.thread_time if args.cpu else time.perf_counter)
    result_text = {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}
    machine = platform.processor() or platform.machine()
    clock = "thread CPU time" if args.cpu else "wall clock"
    print(json.dumps({"machine": machine, "clock": clock, **result_text}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
