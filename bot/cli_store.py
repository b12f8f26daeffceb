"""``jobscout`` subcommands over the store: db upgrade, add, import, salary, compare, skills, export,
reparse. Each opens the database from ``--database`` (else the settings), works on ``--guild``
(0 for the command line), and reports errors as one short line with exit status 2."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from bot.config import Settings, load_settings
from commands.compare import compare
from commands.errors import CommandError, error_message
from commands.export import export_lines
from commands.postings import add_posting
from commands.render import render_text
from commands.salary import salary
from commands.services import Services
from commands.skills import skills
from parsing import MAX_POSTING_BYTES, UnreadableInput, decode_posting, parse_posting
from parsing.models import SENIORITY_ORDER, Posting
from parsing.role import normalize_role
from store import PayConfig, Store, StoreError
from store.db.engine import SQLITE_CACHE_MB
from store.db.migrate import head_revision
from store.results import ReparseReport
from store.writes.importer import DEFAULT_BATCH, Progress, import_file

EXIT_ERROR = 2
CLI_GUILD = 0


def pay_config(settings: Settings) -> PayConfig:
    return PayConfig(**settings.pay.model_dump())


def _common(parser: argparse.ArgumentParser, *, guild: bool = True) -> None:
    parser.add_argument("--database", metavar="URL", help="database URL (default: settings database.url)")
    if guild:
        parser.add_argument("--guild", type=int, default=CLI_GUILD, help="server id to work on (default 0)")


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_sub.add_parser("upgrade", help="apply the schema migrations")
    _common(upgrade, guild=False)
    upgrade.set_defaults(handler=_handler(run_upgrade, "db upgrade"))

    add = sub.add_parser("add", help="save posting files (text, markdown, HTML)")
    add.add_argument("paths", nargs="+", metavar="PATH", help="posting file(s); - reads standard input")
    _common(add)
    add.set_defaults(handler=_handler(run_add, "add"))

    imp = sub.add_parser("import", help="bulk import a .jsonl or .csv file (re-running adds nothing twice)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH,
        help=f"postings per transaction (default {DEFAULT_BATCH})",
    )
    imp.add_argument("--workers", type=int, default=None, help="parser processes (default: auto)")
    _common(imp)
    imp.set_defaults(handler=_handler(run_import, "import"))

    sal = sub.add_parser("salary", help="pay percentiles for a role")
    sal.add_argument("role")
    sal.add_argument("--location")
    sal.add_argument("--seniority", choices=SENIORITY_ORDER)
    sal.add_argument("--currency")
    sal.add_argument("--period", choices=("hour", "day", "week", "month", "year"), default="year")
    sal.add_argument("--json", action="store_true", help="the statistics as JSON")
    _common(sal)
    sal.set_defaults(handler=_handler(run_salary, "salary"))

    cmp_ = sub.add_parser("compare", help="postings side by side")
    cmp_.add_argument("ids", nargs="+", type=int, metavar="ID")
    cmp_.add_argument("--json", action="store_true")
    _common(cmp_)
    cmp_.set_defaults(handler=_handler(run_compare, "compare"))

    sk = sub.add_parser("skills", help="the skills most asked for")
    sk.add_argument("role", nargs="?")
    sk.add_argument("--days", type=int, help="only postings of the last N days")
    sk.add_argument("--json", action="store_true")
    _common(sk)
    sk.set_defaults(handler=_handler(run_skills, "skills"))

    exp = sub.add_parser("export", help="write every posting as CSV or JSON Lines")
    exp.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    exp.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    _common(exp)
    exp.set_defaults(handler=_handler(run_export, "export"))

    rep = sub.add_parser("reparse", help="parse every saved posting again (keeps fixes)")
    rep.add_argument("--guild", type=int, default=None, help="only this server (default: all)")
    rep.add_argument("--database", metavar="URL")
    rep.add_argument("--batch-size", type=int, default=500)
    rep.add_argument("--workers", type=int, default=None, help="parser processes (default: CPU count)")
    rep.set_defaults(handler=_handler(run_reparse, "reparse"))


Runner = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]


def _handler(run: Runner, name: str) -> Callable[[argparse.Namespace], int]:
    def handle(args: argparse.Namespace) -> int:
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
    if isinstance(exc, StoreError):
        return exc.message  # the precise message (the user-facing one is softer)
    return error_message(exc) or str(exc)


# SQLite page cache for import and reparse: the indexes a batch writes into at random (text hash, pay
# order, locations) stay cached up to about a million postings
BULK_CACHE_MB = 128


async def _open(
    args: argparse.Namespace, settings: Settings, *, auto_upgrade: bool | None = None, bulk: bool = False
) -> Store:
    url = args.database or settings.database.url
    cache_mb = BULK_CACHE_MB if bulk else SQLITE_CACHE_MB
    return await Store.open(
        url,
        pay=pay_config(settings),
        normalize_role=normalize_role,
        auto_upgrade=auto_upgrade,
        cache_mb=cache_mb,
        bulk=bulk,
    )


async def _with_services(
    args: argparse.Namespace, settings: Settings, work: Callable[[Services], Awaitable[int]]
) -> int:
    store = await _open(args, settings)
    try:
        return await work(Services(store=store, pay=store.pay))
    finally:
        await store.close()


async def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    store = await _open(args, settings, auto_upgrade=True)
    await store.close()
    print(f"database schema at revision {head_revision()} (latest)")
    return 0


def _read(path: str) -> str:
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
    texts = [(p, await asyncio.to_thread(_read, p)) for p in args.paths]

    async def work(svc: Services) -> int:
        for i, (path, text) in enumerate(texts):
            outcome = await add_posting(svc, args.guild, text, source="cli")
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
    if args.batch_size < 1:
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
            batch_size=args.batch_size,
            workers=args.workers,
            progress=progress,
        )
    finally:
        await store.close()
    if last:
        bar.finish(last[0])
    print(
        f"{report.added:,} postings added, {report.reposts:,} reposts linked, "
        f"{report.skipped:,} already there, {report.errors:,} unreadable records",
        file=sys.stderr,
    )
    for sample in report.error_samples:
        print(f"  {sample}", file=sys.stderr)
    return 0 if report.errors == 0 else 1


async def run_salary(args: argparse.Namespace, settings: Settings) -> int:
    async def work(svc: Services) -> int:
        if args.json:
            stats = await svc.store.salary_stats(
                args.guild, args.role, args.location, args.seniority, args.currency, args.period
            )
            print(stats.model_dump_json(indent=2))
        else:
            reply = await salary(
                svc, args.guild, args.role, location=args.location, seniority=args.seniority,
                currency=args.currency, period=args.period, chart=False,
            )  # fmt: skip
            print(render_text(reply))
        return 0

    return await _with_services(args, settings, work)


async def run_compare(args: argparse.Namespace, settings: Settings) -> int:
    async def work(svc: Services) -> int:
        if args.json:
            print((await svc.store.compare(args.guild, args.ids)).model_dump_json(indent=2))
        else:
            print(render_text(await compare(svc, args.guild, args.ids, chart=False)))
        return 0

    return await _with_services(args, settings, work)


async def run_skills(args: argparse.Namespace, settings: Settings) -> int:
    async def work(svc: Services) -> int:
        if args.json:
            since = svc.clock() - timedelta(days=args.days) if args.days else None
            print((await svc.store.skill_summary(args.guild, args.role, since)).model_dump_json(indent=2))
        else:
            print(render_text(await skills(svc, args.guild, args.role, days=args.days)))
        return 0

    return await _with_services(args, settings, work)


async def run_export(args: argparse.Namespace, settings: Settings) -> int:
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
    return [parse_posting(t) for t in texts]


async def run_reparse(args: argparse.Namespace, settings: Settings) -> int:
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
