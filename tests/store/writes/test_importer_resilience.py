"""An import with bad records in the middle saves every good one, names the bad ones by line, and a
re-run adds nothing; the same on PostgreSQL with NUL characters. --strict stops at the first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from parsing import parse_posting
from store import Store
from store.db.tables import POSTINGS
from store.writes.importer import import_file
from tests.factories import posting_text

G = 1616
BAD = {
    2: json.dumps({"text": posting_text("big-id"), "user_id": 2**63}),
    4: json.dumps({"text": posting_text("year-one"), "added_at": "0001-01-01T00:00:00+05:00"}),
    6: '{"text": "Ops Engineer", "user_id": ' + "9" * 5000 + "}",
    8: "[" * 100_000 + "]" * 100_000,
}
REASONS = {2: "not a Discord id", 4: "added_at out of range", 6: "not readable JSON", 8: "nested deeper"}


def _file_with_bad_records(path: Path) -> Path:
    lines = []
    for number in range(1, 12):
        good = {"text": posting_text(number) + ("\x00 NUL inside" if number == 9 else "")}
        lines.append(BAD.get(number) or json.dumps(good))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def _texts(store: Store) -> list[str]:
    async with store.sessions.read() as s:
        rows = await s.execute(
            select(POSTINGS.c.raw_text).where(POSTINGS.c.guild_id == G).order_by(POSTINGS.c.id)
        )
        return [row[0] for row in rows]


async def test_bad_records_are_named_and_every_good_one_is_saved(store: Store, tmp_path: Path) -> None:
    path = _file_with_bad_records(tmp_path / "mixed.jsonl")
    report = await import_file(store, path, parse=parse_posting, guild_id=G, batch_size=3)
    assert (report.read, report.added, report.errors) == (11, 7, 4)
    assert [s.split(":")[0] for s in report.error_samples] == [f"line {n}" for n in sorted(BAD)]
    for sample, number in zip(report.error_samples, sorted(BAD), strict=True):
        assert REASONS[number] in sample
    texts = await _texts(store)
    assert len(texts) == 7 and not any("\x00" in t for t in texts)
    assert any("NUL inside" in t for t in texts)  # the posting with a NUL is saved, without the NUL
    again = await import_file(store, path, parse=parse_posting, guild_id=G, batch_size=3)
    assert (again.added, again.skipped, again.errors) == (0, 7, 4)


async def test_strict_stops_at_the_first_bad_record(store: Store, tmp_path: Path) -> None:
    path = _file_with_bad_records(tmp_path / "mixed.jsonl")
    report = await import_file(store, path, parse=parse_posting, guild_id=G, batch_size=3, strict=True)
    assert report.stopped_at is not None and report.stopped_at.startswith("line 2:")
    assert report.added == 1 and len(await _texts(store)) == 1


async def test_files_in_utf16_and_latin1_import_as_their_text(store: Store, tmp_path: Path) -> None:
    accented = posting_text("accents") + "\nLieu : Genève, équipe à Zürich\n"
    other = posting_text("latin") + "\nLieu : Genève, équipe à Zürich\n"
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_bytes(json.dumps({"text": accented}, ensure_ascii=False).encode("utf-16") + b"\n\x00")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(('text\n"' + other.replace('"', '""') + '"\n').encode("latin-1"))
    first = await import_file(store, utf16, parse=parse_posting, guild_id=G)
    second = await import_file(store, latin, parse=parse_posting, guild_id=G)
    assert (first.added, first.errors, second.added, second.errors) == (1, 0, 1, 0)
    assert [t.strip() for t in await _texts(store)] == [accented.strip(), other.strip()]


def test_the_command_line_summarises_and_says_so_in_its_exit_status(tmp_path: Path) -> None:
    path = _file_with_bad_records(tmp_path / "mixed.jsonl")
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    run = [sys.executable, "-m", "bot", "import", str(path), "--database", url, "--guild", str(G)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "7 postings added" in done.stderr and "4 rejected" in done.stderr
    assert "line 8: nested deeper" in done.stderr and "Traceback" not in done.stderr
    clean = subprocess.run([*run, "--strict"], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 1 and "stopped (--strict) at line 2" in clean.stderr


def test_a_missing_postgresql_database_is_one_line(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://postgres@127.0.0.1:5432/jobscout_no_such_database"
    path = _file_with_bad_records(tmp_path / "mixed.jsonl")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "import", str(path), "--database", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "does not exist" in done.stderr
