"""A kill -9 in the middle of an import leaves only whole batches; running it again completes it.
Also: the command line reports errors in one line, exit status 2, no traceback."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from parsing.role import normalize_role
from store import Store
from store.db.tables import (
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    POSTING_LOCATIONS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTINGS,
)
from store.writes import dedup
from tests.factories import make_posting, posting_text

ROOT = Path(__file__).resolve().parents[3]
G = 31337
BATCH = 40
SKILLS_PER_POSTING = 3
LOCATIONS_PER_POSTING = 3  # "Town N, Region": the whole place and its two parts


def _jobscout(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JOBSCOUT_CONFIG": str(ROOT / "config.toml")}
    command = [sys.executable, "-m", "bot", *args]
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _write(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            posting = make_posting(
                title=f"Role {i % 9} Analyst", skills=[f"A{i % 4}", f"B{i % 6}", "C"],
                locations=[f"Town {i % 11}, Region"],
            )  # fmt: skip
            out.write(
                json.dumps({"text": posting_text(f"k{i}", words=300), "posting": posting.model_dump()}) + "\n"
            )


async def _counts(store: Store) -> dict[str, int]:
    counts = {}
    async with store.sessions.read() as s:
        for name, table in (
            ("postings", POSTINGS), ("pay", POSTING_PAY), ("skills", POSTING_SKILLS),
            ("locations", POSTING_LOCATIONS), ("bands", POSTING_BANDS), ("staged", POSTING_BANDS_STAGED),
        ):  # fmt: skip
            stmt = select(func.count()).select_from(table)
            counts[name] = int((await s.execute(stmt)).scalar_one())
    return counts


async def test_kill_during_import_loses_nothing_committed(db_url: str, tmp_path: Path) -> None:
    total = 2400
    source = tmp_path / "postings.jsonl"
    _write(source, total)
    args = ["import", str(source), "--database", db_url, "--guild", str(G), "--batch-size", str(BATCH)]
    proc = _jobscout(*args, "--workers", "0", cwd=tmp_path)
    store = await Store.open(db_url, auto_upgrade=False, normalize_role=normalize_role)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"import ended before it could be killed: {proc.communicate()}"
            if (await _counts(store))["postings"] >= 5 * BATCH:
                break
            assert time.monotonic() < deadline, "import made no progress"
            await asyncio.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL

        counts = await _counts(store)
        n = counts["postings"]
        assert 0 < n < total
        assert n % BATCH == 0, "a batch was half written"
        assert counts == {
            "postings": n,
            "pay": n,
            "skills": n * SKILLS_PER_POSTING,
            "locations": n * LOCATIONS_PER_POSTING,
            "bands": counts["bands"],
            "staged": counts["staged"],
        }
        # one key per band (two bands of one posting colliding is possible, and rare), some of them
        # still staged for merging (store.bands)
        assert n * (dedup.BANDS - 1) <= counts["bands"] + counts["staged"] <= n * dedup.BANDS
        if store.dialect == "sqlite":
            async with store.sessions.read() as s:
                assert (await s.execute(text("PRAGMA integrity_check"))).scalar_one() == "ok"

        rerun = _jobscout(*args, cwd=tmp_path)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert f"{total - n:,} postings added" in err and f"{n:,} already there" in err
        final = await _counts(store)
        assert final["postings"] == total and final["skills"] == total * SKILLS_PER_POSTING
        assert final["staged"] == 0 and total * (dedup.BANDS - 1) <= final["bands"] <= total * dedup.BANDS
    finally:
        if proc.poll() is None:
            proc.kill()
        await store.close()


def test_cli_errors_are_one_line_with_status_2(tmp_path: Path) -> None:
    cases = [
        ["salary", "x", "--database", "postgresql://nobody@127.0.0.1:1/none"],
        ["add", str(tmp_path / "missing.txt"), "--database", f"sqlite:///{tmp_path / 'a.db'}"],
        ["compare", "1", "2", "--database", f"sqlite:///{tmp_path / 'a.db'}"],
        ["import", str(tmp_path / "x.txt"), "--database", f"sqlite:///{tmp_path / 'a.db'}"],
        ["salary", "x", "--database", "mysql://x/y"],
    ]
    for args in cases:
        proc = _jobscout(*args, cwd=tmp_path)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 2, (args, out, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert err.startswith(f"jobscout {args[0]}: ")


def test_cli_round_trip(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    posting = tmp_path / "p.txt"
    # what `jobscout add` takes as a posting (duties, requirements, terms), with no pay and no skills
    signs = "You will own our services. Requirements: 3+ years of experience. Full-time, remote. Apply now.\n"
    posting.write_text(posting_text("cli") + signs)
    steps = [
        (["db", "upgrade", "--database", db], "revision"),
        (["add", str(posting), "--database", db], "#1"),
        (["add", str(posting), "--database", db], "Already saved as #1"),
        (["salary", "engineer", "--database", db, "--json"], '"by_currency": []'),
        (["skills", "--database", db], "No skills recorded"),
        (["export", "--format", "csv", "--database", db], "id,added_at,source"),
        (["reparse", "--database", db, "--workers", "0"], ""),
    ]
    for args, expected in steps:
        proc = _jobscout(*args, cwd=tmp_path)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, (args, err)
        assert expected in out, (args, out)
