"""Lint, type and layering checks are part of the suite, so a red ruff, mypy or lint-imports fails CI
like a failing test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    tool = BIN / args[0]
    if not tool.exists():
        found = shutil.which(args[0])
        if found is None:
            pytest.fail(f"{args[0]} is not installed; it is in the dev extras")
        tool = Path(found)
    return subprocess.run([str(tool), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_is_clean() -> None:
    result = run_tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = run_tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold() -> None:
    """The layering in pyproject.toml ([tool.importlinter]): bot -> commands -> store -> parsing, the
    parser on its own, discord only in the cogs, the store using only the parser's models."""
    result = run_tool("lint-imports")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
