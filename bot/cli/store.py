"""``jobscout`` verbs over the saved postings: db upgrade, add, import, export, reparse. Each opens the
database from ``--database`` (else the settings), works on ``--guild`` (0 for the command line), and
reports errors as one short line with exit status 2. (The questions, salary, compare and skills, are in
:mod:`bot.cli.questions`.)"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli import loading

if TYPE_CHECKING:
    from bot.config import Settings
    from commands.core.services import Services
    from parsing.models import Posting
    from store import Store
    from store.results import ReparseReport
    from store.writes.importer import Progress

EXIT_ERROR = 2
CLI_GUILD = 0


def _common(parser: argparse.ArgumentParser, *, guild: bool = True) -> None:
    parser.add_argument("--database", metavar="URL", help="database URL (default: settings database.url)")
    if guild:
        parser.add_argument("--guild", type=int, default=CLI_GUILD, help="server id to work on (default 0)")


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    if verb == "db":
        db_sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
        upgrade = db_sub.add_parser("upgrade", help="apply the schema migrations")
        _common(upgrade, guild=False)
        upgrade.set_defaults(handler=_handler(run_upgrade, "db upgrade"))
    elif verb == "add":
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="posting file(s); - reads standard input"
        )
        _common(parser)
        parser.set_defaults(handler=_handler(run_add, "add"))
    elif verb == "import":
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument(
            "--batch-size", type=int, default=None, help="postings per transaction (default: the importer's)"
        )
        parser.add_argument("--workers", type=int, default=None, help="parser processes (default: auto)")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="stop at the first record that cannot be read (default: skip it, name it, go on)",
        )
        _common(parser)
        parser.set_defaults(handler=_handler(run_import, "import"))
    elif verb == "export":
        parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
        parser.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
        _common(parser)
        parser.set_defaults(handler=_handler(run_export, "export"))
    elif verb == "reparse":
        parser.add_argument("--guild", type=int, default=None, help="only this server (default: all)")
        parser.add_argument("--database", metavar="URL")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--workers", type=int, default=None, help="parser processes (default: CPU count)")
        parser.set_defaults(handler=_handler(run_reparse, "reparse"))


Runner = Callable[[argparse.Namespace, "Settings"], Coroutine[Any, Any, int]]


def _handler(run: Runner, name: str) -> Callable[[argparse.Namespace], int]:
    """The verb's handler: the settings, then ``run`` on an event loop, known errors as one line."""

    def handle(args: argparse.Namespace) -> int:
        with loading():
            from pydantic import ValidationError

            from bot.config import load_settings
            from commands.core.errors import CommandError
            from parsing import UnreadableInput
            from store import StoreError
        try:
            settings = load_settings()
        except ValidationError as exc:
            print(f"jobscout {name}: bad configuration: {exc.errors()[0]['msg']}", file=sys.stderr)
            return EXIT_ERROR
        try:
            return asyncio.run(run(args, settings))
        except (StoreError, CommandError, UnreadableInput) as exc:
            print(f"jobscout {name}: {error_text(exc)}", file=sys.stderr)
            return EXIT_ERROR
        except OSError as exc:
            print(f"jobscout {name}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR

    return handle


def error_text(exc: BaseException) -> str:
    from commands.core.errors import error_message
    from store import StoreError

    if isinstance(exc, StoreError):
        return exc.message  # the precise message (the user-facing one is softer)
    return error_message(exc) or str(exc)


# SQLite page cache for import and reparse: the indexes a batch writes into at random (text hash, pay
# order, locations) stay cached up to about a million postings
BULK_CACHE_MB = 128


async def _open(
    args: argparse.Namespace, settings: Settings, *, auto_upgrade: bool | None = None, bulk: bool = False
) -> Store:
    from bot.runtime import pay_config
    from parsing.place_hierarchy import place_hierarchy
    from parsing.role import normalize_role
    from store import Store
    from store.db.engine import SQLITE_CACHE_MB

    url = args.database or settings.database.url
    cache_mb = BULK_CACHE_MB if bulk else SQLITE_CACHE_MB
    return await Store.open(
        url,
        pay=pay_config(settings),
        normalize_role=normalize_role,
        place_hierarchy=place_hierarchy,
        auto_upgrade=auto_upgrade,
        cache_mb=cache_mb,
        bulk=bulk,
    )


async def _with_services(
    args: argparse.Namespace, settings: Settings, work: Callable[[Services], Awaitable[int]]
) -> int:
    from commands.core.services import Services

    store = await _open(args, settings)
    try:
        # No chart images on a terminal.
        return await work(Services(store=store, pay=store.pay, charts=False))
    finally:
        await store.close()


async def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from store.db.migrate import head_revision

    store = await _open(args, settings, auto_upgrade=True)
    await store.close()
    print(f"database schema at revision {head_revision()} (latest)")
    return 0


def _read(path: str) -> str:
    from parsing import MAX_POSTING_BYTES, UnreadableInput, decode_posting

    if path == "-":
        data = sys.stdin.buffer.read(MAX_POSTING_BYTES + 1)
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_POSTING_BYTES + 1)
        except IsADirectoryError:
            raise UnreadableInput(f"{path}: is a directory") from None
        except FileNotFoundError:
            raise UnreadableInput(f"{path}: no such file") from None
    try:
        return decode_posting(data)
    except UnreadableInput as exc:
        raise UnreadableInput(f"{path}: {exc}") from None


async def run_add(args: argparse.Namespace, settings: Settings) -> int:
    from commands.core.text import render_text
    from commands.postings.usecase import Origin, add_posting

    texts = [(p, await asyncio.to_thread(_read, p)) for p in args.paths]

    async def work(svc: Services) -> int:
        for i, (path, text) in enumerate(texts):
            outcome = await add_posting(svc, args.guild, text, origin=Origin(kind="console"))
            if len(texts) > 1:
                print(f"{'' if i == 0 else chr(10)}# {path}")
            print(render_text(outcome.reply))
        return 0

    return await _with_services(args, settings, work)


class ProgressBar:
    """One self-rewriting line on a terminal; a line every few seconds otherwise."""

    def __init__(self, label: str, stream: TextIO = sys.stderr) -> None:
        self.label = label
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.tty = stream.isatty()

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        self._draw(p)

    def _draw(self, p: Progress) -> None:
        r = p.report
        rate = r.read / max(now_elapsed := time.monotonic() - self.start, 1e-9)
        fraction = min(1.0, p.bytes_read / p.bytes_total) if p.bytes_total else 0.0
        filled = int(fraction * 24)
        bar = "#" * filled + "-" * (24 - filled)
        line = (
            f"{self.label} {fraction * 100:3.0f}% [{bar}] {r.read:,} read · {rate:,.0f}/s · "
            f"{r.added:,} new · {r.reposts:,} reposts · {r.skipped:,} already there · {r.errors:,} errors"
            f" · {now_elapsed:.0f}s"
        )
        self.stream.write(("\r" + line + "\x1b[K") if self.tty else line + "\n")
        self.stream.flush()

    def finish(self, p: Progress) -> None:
        self._draw(p)
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()


async def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from commands.core.errors import CommandError
    from parsing import parse_posting
    from store.writes.importer import DEFAULT_BATCH, import_file

    batch_size = DEFAULT_BATCH if args.batch_size is None else args.batch_size
    if batch_size < 1:
        raise CommandError("--batch-size must be at least 1")
    store = await _open(args, settings, bulk=True)
    bar = ProgressBar(f"importing {args.file.name}")
    last: list[Progress] = []

    def progress(p: Progress) -> None:
        last[:] = [p]
        bar(p)

    try:
        report = await import_file(
            store,
            args.file,
            guild_id=args.guild,
            parse=parse_posting,
            batch_size=batch_size,
            workers=args.workers,
            progress=progress,
            strict=args.strict,
        )
    finally:
        await store.close()
    if last:
        bar.finish(last[0])
    print(
        f"{report.added:,} postings added, {report.reposts:,} reposts linked, "
        f"{report.skipped:,} already there, {report.errors:,} rejected",
        file=sys.stderr,
    )
    for sample in report.error_samples:
        print(f"  {sample}", file=sys.stderr)
    if report.errors > len(report.error_samples):
        print(f"  ... and {report.errors - len(report.error_samples):,} more", file=sys.stderr)
    if report.stopped_at:
        print(f"stopped (--strict) at {report.stopped_at}; the records before it are saved", file=sys.stderr)
    # 0: every record imported or already there; 1: some were rejected (named above).
    return 0 if report.errors == 0 else 1


async def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from commands.export.usecase import export_lines

    async def work(svc: Services) -> int:
        out: TextIO = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
        try:
            async for line in export_lines(svc.store, args.guild, args.format):
                out.write(line)
        finally:
            if args.output:
                out.close()
        return 0

    return await _with_services(args, settings, work)


def _parse_chunk(texts: list[str]) -> list[Posting]:
    from parsing import parse_posting

    return [parse_posting(t) for t in texts]


async def run_reparse(args: argparse.Namespace, settings: Settings) -> int:
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = args.workers if args.workers is not None else min(4, os.cpu_count() or 1)
    executor = (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) if workers > 0 else None
    )

    async def parse_many(texts: list[str]) -> list[Posting]:
        if executor is None:
            return await asyncio.to_thread(_parse_chunk, texts)
        loop = asyncio.get_running_loop()
        size = max(1, len(texts) // workers + 1)
        parts = [texts[i : i + size] for i in range(0, len(texts), size)]
        results = await asyncio.gather(*(loop.run_in_executor(executor, _parse_chunk, p) for p in parts))
        return [posting for part in results for posting in part]

    def progress(report: ReparseReport) -> None:
        print(
            f"\rreparsed {report.postings:,} postings ({report.changed:,} changed)", end="", file=sys.stderr
        )

    store = await _open(args, settings, bulk=True)
    try:
        report = await store.reparse(
            parse_many, guild_id=args.guild, batch_size=args.batch_size, progress=progress
        )
    finally:
        await store.close()
        if executor is not None:
            executor.shutdown()
    end = "\r\x1b[K" if sys.stderr.isatty() else ""
    print(f"{end}reparsed {report.postings:,} postings, {report.changed:,} changed", file=sys.stderr)
    return 0
