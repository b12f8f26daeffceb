"""Bulk import of JSON Lines or CSV files: streamed, prepared in worker processes, committed in batches.

Memory stays bounded (a few batches in flight); each batch is one transaction, so a killed import
leaves only whole batches behind, and running it again skips what is already saved (texts are
unique per guild), adding the rest. Records that carry a parse (``posting``, as written by
``jobscout export --format jsonl``) are stored without parsing again; others are parsed by the ``parse``
function the caller gives (a module-level function: worker processes receive it by name).
"""

from __future__ import annotations

import asyncio
import csv
import gc
import io
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from parsing.decode import MAX_POSTING_BYTES, file_encoding, storable_value
from parsing.models import Posting
from store.errors import InvalidInput
from store.keys import RoleKeys
from store.pay import PayConfig
from store.results import FIX_FIELDS, ImportReport, PayFix
from store.store import Store
from store.writes.bands import MERGE_EVERY_KEYS
from store.writes.dedup import BANDS
from store.writes.derive import Prepared, prepare

DEFAULT_BATCH = 5000  # postings per transaction: each commit rewrites the index pages it touched
PARALLEL_ABOVE_BYTES = 4_000_000  # smaller files are prepared in one thread: no process start-up cost
ERROR_SAMPLES = 20  # named in the summary; the rest are counted
FILTER_ABOVE_BYTES = 1_000_000  # smaller imports probe the database for every key: loading costs more
BYTES_PER_RECORD_GUESS = 800  # sizes the band-key filter; a wrong guess costs speed, never results
YOUNG_OBJECTS_PER_COLLECTION = 50_000
WAL_RESTART_COMMITS = 4  # bulk SQLite: the WAL holds at most about this many batches

# (line number, the record: a JSON line still to decode, a decoded CSV row, or why it cannot be read)
Record = tuple[int, bytes | dict[str, Any] | str]
Parse = Callable[[str], Posting]


@dataclass(slots=True)
class Progress:
    report: ImportReport
    bytes_read: int
    bytes_total: int


def _csv_limit() -> None:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


ENCODING_SAMPLE_BYTES = 1 << 20


def iter_records(handle: IO[bytes], kind: str) -> Iterator[Record]:
    """Records of a JSON Lines or CSV file, one at a time. JSON lines are decoded by the worker
    that prepares them (so the reading process only splits lines). The encoding is judged from the
    file's first megabyte (a byte-order mark, else UTF-8, else a single-byte table)."""
    encoding = "utf-8"
    if handle.seekable():
        encoding = file_encoding(handle.read(ENCODING_SAMPLE_BYTES))
        handle.seek(0)
    if kind == "csv":
        text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        _csv_limit()
        reader = csv.DictReader(text)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise InvalidInput("the CSV file needs a header row with a `text` column")
        for row in reader:
            yield reader.line_num, {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        return
    if encoding in ("utf-8", "utf-8-sig"):
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line
        return
    # UTF-16/32 and single-byte files: lines split as text, handed on as UTF-8 like any other.
    lines = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    for number, text_line in enumerate(lines, start=1):
        if text_line.strip():
            yield number, text_line.encode("utf-8", errors="replace")


# A record nests a few levels (a posting's ranges); anything deeper is not one of ours.
MAX_JSON_DEPTH = 32
_OPENERS = frozenset(b"[{")


def _too_deep(line: bytes) -> bool:
    """Whether brackets open past MAX_JSON_DEPTH (a cheap scan that ignores strings: it can only
    over-count, and only for records that write brackets inside their text at that depth)."""
    if line.count(b"[") + line.count(b"{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for byte in line:
        if byte in _OPENERS:
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return False


def decode_line(line: bytes) -> dict[str, Any] | str:
    if _too_deep(line):
        return f"nested deeper than {MAX_JSON_DEPTH} levels"
    try:
        value = json.loads(line.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        return f"not JSON ({exc.msg})"
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits, deep nesting
        return f"not readable JSON ({str(exc).split(':')[0]})"
    return value if isinstance(value, dict) else "not a JSON object"


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    raise InvalidInput(f"{path.name}: import reads .jsonl or .csv files")


def _when(value: object, now: datetime) -> datetime:
    if value in (None, ""):
        return now
    when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)  # a year-1 date with an offset ahead of UTC has no UTC time
    except OverflowError:
        raise ValueError(f"added_at out of range: {str(value)[:40]}") from None


# Discord ids (and 0, the command line's) fit a signed 64-bit column.
_MAX_SNOWFLAKE = 2**63 - 1


def _snowflake(value: object) -> int | None:
    if value in (None, ""):
        return None
    number = int(str(value))
    if not 0 <= number <= _MAX_SNOWFLAKE:
        raise ValueError(f"not a Discord id: {str(value)[:30]}")
    return number


def _fixes(value: object) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    fixes = json.loads(value) if isinstance(value, str) else value
    if not isinstance(fixes, dict):
        raise ValueError("fixes must be an object")
    unknown = set(fixes) - set(FIX_FIELDS)
    if unknown:
        raise ValueError(f"unknown fix field(s): {', '.join(sorted(unknown))}")
    if fixes.get("pay") is not None:
        PayFix.model_validate(fixes["pay"])
    return dict(fixes)


def prepare_record(
    record: dict[str, Any], cfg: PayConfig, roles: RoleKeys, parse: Parse, now: datetime
) -> Prepared:
    record = storable_value(record)  # the same text on SQLite and PostgreSQL (which refuses NUL)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no `text`")
    if len(text.encode("utf-8")) > MAX_POSTING_BYTES:
        raise ValueError("text too large")
    carried = record.get("posting")
    if isinstance(carried, str):
        carried = storable_value(json.loads(carried))
    parsed = Posting.model_validate(carried) if isinstance(carried, dict) else parse(text)
    return prepare(
        text,
        parsed,
        cfg,
        roles,
        added_at=_when(record.get("added_at"), now),
        source="import",
        fixes=_fixes(record.get("fixes")),
        user_id=_snowflake(record.get("user_id")),
        channel_id=_snowflake(record.get("channel_id")),
        message_id=_snowflake(record.get("message_id")),
    )


def prepare_batch(
    records: list[Record], cfg: PayConfig, roles: RoleKeys, parse: Parse, now: datetime
) -> list[Prepared | str]:
    """Worker side: each record prepared, or the reason it cannot be (as "line N: why")."""
    out: list[Prepared | str] = []
    for number, raw in records:
        record = decode_line(raw) if isinstance(raw, bytes) else raw
        if isinstance(record, str):
            out.append(f"line {number}: {record}")
            continue
        try:
            out.append(prepare_record(record, cfg, roles, parse, now))
        except (ValueError, TypeError, ValidationError, ArithmeticError, RecursionError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            out.append(f"line {number}: {reason[:160]}")
    return out


def _next_batch(records: Iterator[Record], size: int) -> list[Record]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            break
    return batch


@contextmanager
def _collect_less() -> Iterator[None]:
    """An import allocates millions of short-lived objects; each automatic collection of the oldest
    generation walks every long-lived one (parser tables, SQLAlchemy) again. Set those aside for the
    duration and let the young generation fill up more before it is collected."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], YOUNG_OBJECTS_PER_COLLECTION), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


async def import_file(
    store: Store,
    path: Path,
    *,
    guild_id: int,
    parse: Parse,
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    strict: bool = False,
) -> ImportReport:
    """Import a .jsonl or .csv file into one guild; ``parse`` reads the records that carry no parse.
    A record that cannot be read is counted and named, and the import goes on; ``strict`` stops at
    the first one instead, having saved the records before it."""
    with _collect_less():
        kind = file_kind(path)
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise InvalidInput(f"{path}: {exc.strerror or 'cannot read'}") from exc
        total = os.fstat(handle.fileno()).st_size
        if workers is None:
            workers = min(4, os.cpu_count() or 1) if total > PARALLEL_ABOVE_BYTES else 0
        executor: Executor | None = (
            ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 0
            else None
        )
        report = ImportReport()
        loop = asyncio.get_running_loop()
        now = store.clock()
        pending: deque[asyncio.Future[list[Prepared | str]]] = deque()
        commits = 0
        try:
            staged = await store.staged_band_keys()  # left by an import that was stopped
            # Large files: the guild's band keys in memory, so most near-repost probes never reach the
            # database. (A posting another process adds meanwhile is still found as an exact repeat, not
            # as a near one.)
            key_filter = (
                await store.band_filter(guild_id, more=BANDS * total // BYTES_PER_RECORD_GUESS)
                if total > FILTER_ABOVE_BYTES
                else None
            )
            records = iter_records(handle, kind)
            exhausted = False
            while True:
                while not exhausted and len(pending) <= max(1, workers):
                    batch = await asyncio.to_thread(_next_batch, records, batch_size)
                    if not batch:
                        exhausted = True
                        break
                    report.read += len(batch)
                    job = (batch, store.pay, store.roles, parse, now)
                    if executor is not None:
                        pending.append(loop.run_in_executor(executor, prepare_batch, *job))
                    else:
                        pending.append(asyncio.ensure_future(asyncio.to_thread(prepare_batch, *job)))
                if not pending:
                    break
                results = await pending.popleft()
                if strict:
                    first_bad = next((i for i, r in enumerate(results) if isinstance(r, str)), None)
                    if first_bad is not None:
                        report.stopped_at = str(results[first_bad])
                        results = results[: first_bad + 1]
                        exhausted = True
                        for waiting in pending:
                            waiting.cancel()
                        pending.clear()
                prepared = [r for r in results if not isinstance(r, str)]
                for reason in (r for r in results if isinstance(r, str)):
                    report.errors += 1
                    if len(report.error_samples) < ERROR_SAMPLES:
                        report.error_samples.append(reason)
                if prepared:
                    outcomes = await store.store_prepared(
                        guild_id, prepared, interactive=False, key_filter=key_filter
                    )
                    for outcome in outcomes:
                        if outcome.kind == "created":
                            report.added += 1
                            staged += BANDS
                        elif outcome.kind == "repost":
                            report.reposts += 1
                        else:
                            report.skipped += 1
                    if staged >= MERGE_EVERY_KEYS:
                        await store.merge_staged_bands()
                        staged = 0
                    commits += 1
                    if commits % WAL_RESTART_COMMITS == 0:
                        await store.settle_wal()
                    if commits & (commits - 1) == 0:  # 1, 2, 4, 8...: as the tables grow severalfold
                        await store.refresh_planner_statistics()
                if progress:
                    progress(Progress(report, total if handle.closed else handle.tell(), total))
        finally:
            for waiting in pending:
                waiting.cancel()
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)
            handle.close()
        if staged:
            await store.merge_staged_bands()
        if report.added:
            await store.refresh_statistics()
        return report
