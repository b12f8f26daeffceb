"""The console front end: pastes and commands typed in a terminal, on a real store."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.console import Console, render_text, split_options
from commands.core.reply import Reply, ReplyButton
from commands.core.services import Services
from store import Store
from tests.factories import make_posting, posting_text

POSTING = """Senior Data Engineer - Acme (Remote)
We're hiring a data engineer. Requirements: 5+ years of experience with SQL and Python.
Salary: $150,000 - $170,000 per year. Full-time. Apply with your CV.
"""


async def run_console(store: Store, tmp_path: Path, typed: str, *, prompts: bool = False) -> str:
    out = io.StringIO()
    console = Console(Services(store=store, pay=store.pay), Settings(data_dir=tmp_path), out)
    assert await console.run(io.StringIO(typed), prompts=prompts) == 0
    return out.getvalue()


def test_split_options() -> None:
    assert split_options("ml engineer location:new york currency:eur", ("location", "currency")) == (
        "ml engineer",
        {"location": "new york", "currency": "eur"},
    )
    assert split_options("data scientist", ("location",)) == ("data scientist", {})


def test_buttons_become_console_hints() -> None:
    reply = Reply(
        title="Card",
        buttons=[
            ReplyButton(custom_id="fix:4", label="Fix"),
            ReplyButton(custom_id="remove:4", label="Remove"),
        ],
    )
    text = render_text(reply)
    assert "/fix 4 field:value" in text and "/posting remove 4" in text


async def test_paste_ended_by_a_dot_then_commands(store: Store, tmp_path: Path) -> None:
    output = await run_console(store, tmp_path, POSTING + ".\n/posting list\n/quit\n/posting list\n")
    assert "#1" in output and "[Fix: /fix 1 field:value]" in output
    assert output.count("Saved postings") == 1  # nothing runs after /quit
    page = await store.list_postings(1)
    assert [p.id for p in page.items] == [1]
    view = await store.get_posting(1, 1)
    assert view is not None and view.source == "cli"


async def test_paste_ended_by_end_of_input(store: Store, tmp_path: Path) -> None:
    await run_console(store, tmp_path, POSTING)
    assert len((await store.list_postings(1)).items) == 1


async def test_salary_compare_skills_fix_export_digest(store: Store, tmp_path: Path) -> None:
    for i in range(6):
        posting = make_posting(
            pay=(100_000 + 5_000 * i, 130_000, "USD", "year"), skills=["python", "sql"], locations=["Berlin"]
        )
        await store.add_posting(1, posting_text(i), posting, source="cli")
    output = await run_console(
        store,
        tmp_path,
        "/salary machine learning engineer location:berlin currency:usd\n"
        "/compare 1 2\n/skills\n/fix 3 company:Initech seniority:senior\n"
        "/export\n/digest preview\n/nonsense\n",
    )
    assert "Pay for Machine Learning Engineer" in output
    assert "Comparison" in output and "#1" in output and "#2" in output
    assert "python" in output
    assert "Fixed the company and seniority of #3" in output
    exported = tmp_path / "console" / "jobscout-postings.csv"
    assert exported.exists() and f"(file: {exported})" in output
    assert "Digest preview · " in output  # the digest use case answers (see tests/commands/digest)
    assert "Unknown command /nonsense" in output
    charts = list((tmp_path / "console").glob("*.png"))
    assert charts  # /salary and /compare charts are saved, not dumped as bytes
    view = await store.get_posting(1, 3)
    assert view is not None and (view.company, view.seniority) == ("Initech", "senior")


async def test_errors_are_one_line_and_the_console_goes_on(store: Store, tmp_path: Path) -> None:
    output = await run_console(
        store, tmp_path, "/posting show 99\n/compare 1\n/add file:/no/such/file\n/skills\n"
    )
    assert "There is no posting #99 in this server" in output
    assert "Usage: /compare" in output
    assert "Could not read /no/such/file" in output
    assert "No skills recorded yet" in output
    assert "Traceback" not in output


def test_start_without_a_token_says_it_starts_the_console(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env |= {
        "JOBSCOUT_DATABASE__URL": f"sqlite+aiosqlite:///{tmp_path / 'console.db'}",
        "JOBSCOUT_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "start"],
        input=POSTING + ".\n/posting list\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "No DISCORD_TOKEN in the environment: starting the console" in result.stderr
    assert "Saved postings" in result.stdout and "#1" in result.stdout


@pytest.mark.parametrize("typed", ["/salary\n", "/posting frobnicate\n", "/fix x\n", "/add\n"])
async def test_usage_messages(store: Store, tmp_path: Path, typed: str) -> None:
    assert "Usage:" in await run_console(store, tmp_path, typed)


async def test_prompts_show_whether_a_command_or_a_paste_is_read(store: Store, tmp_path: Path) -> None:
    output = await run_console(store, tmp_path, "/posting list\n" + POSTING + ".\n", prompts=True)
    assert output.startswith("jobscout> ")
    assert "(reading a posting: end it with a line holding only '.')" in output
    assert output.count("paste> ") == len(POSTING.splitlines())  # one per line after the first, and the "."
    assert output.rstrip().endswith("jobscout>")


async def test_stray_lines_are_not_saved_as_postings(store: Store, tmp_path: Path) -> None:
    output = await run_console(store, tmp_path, "clear\n.\nhello there\n.\n")
    assert output.count("doesn't look like a job posting") == 2
    assert (await store.list_postings(1)).items == []


async def test_fix_takes_field_options_and_refuses_unknown_ones(store: Store, tmp_path: Path) -> None:
    await store.add_posting(1, posting_text(1), make_posting(title="Senior DevOps Engineer"), source="cli")
    output = await run_console(
        store,
        tmp_path,
        "/fix 1 title:Senior SRE location:Austin, TX; Remote\n"
        "/fix 1 title:Senior SRE colour:blue\n"
        "/fix 1 Senior SRE\n"
        "/fix 1 type:contract skills:Go, Terraform company:\n",
    )
    assert "Fixed the title and places of #1" in output and "Fixed by @1: title, places" in output
    assert "/fix has no field 'colour'" in output
    assert output.count("Usage: /fix ID field:value") == 2  # the bare words, and the unknown field
    view = await store.get_posting(1, 1)
    assert view is not None
    assert (view.title, view.locations) == ("Senior SRE", ["Austin, TX", "Remote"])
    assert (view.employment_type, view.skills, view.company) == ("contract", ["Go", "Terraform"], None)
