"""``jobscout backup FILE``: a consistent copy of the SQLite database, safe while the bot runs.

It uses SQLite's online backup API, which copies one snapshot (committed transactions only, whatever
is still in the write-ahead log included) while writers carry on. The image has no ``sqlite3`` shell,
so this is the way to back up a container's volume. PostgreSQL is backed up with ``pg_dump`` (see
README.md, "Backup and restore").
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

EXIT_ERROR = 2
BUSY_TIMEOUT_S = 15.0


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="where to write the copy (must not exist)")
    parser.add_argument("--database", metavar="URL", help="database URL (default: settings database.url)")
    parser.set_defaults(handler=backup_command)


def _fail(text: str) -> int:
    print(f"jobscout backup: {text}", file=sys.stderr)
    return EXIT_ERROR


def backup_command(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from bot.config import load_settings
    from store.db.engine import normalize_url
    from store.errors import StoreError

    try:
        url = args.database or load_settings().database.url
        parsed = normalize_url(url)
    except ValidationError as exc:
        return _fail(f"bad configuration: {exc.errors()[0]['msg']}")
    except StoreError as exc:
        return _fail(exc.message)
    if parsed.get_backend_name() != "sqlite":
        return _fail(
            "the database is PostgreSQL: back it up with pg_dump -Fc (see 'Backup and restore' in README.md)"
        )
    source = Path(parsed.database or "").expanduser()
    target: Path = args.file
    if not source.is_file():
        return _fail(f"no database at {source}")
    if target.exists():
        return _fail(f"{target} already exists; pick a new file")
    try:
        postings = copy_database(source, target)
    except (sqlite3.Error, OSError) as exc:
        return _fail(f"could not copy {source}: {exc}")
    size = target.stat().st_size / 1_048_576
    print(f"backed up {source} to {target}: {postings:,} postings, {size:.1f} MB")
    return 0


def copy_database(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target`` through the backup API and check the copy; returns its posting count."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # all pages in one step: one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            (check,) = dst.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise sqlite3.DatabaseError(f"the copy fails its integrity check: {check}")
            (postings,) = dst.execute("SELECT count(*) FROM postings").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)
    return int(postings)
