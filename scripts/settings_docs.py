"""Regenerate .env.example and README.md's configuration reference from the settings model.

python scripts/settings_docs.py          # write both
python scripts/settings_docs.py --check  # exit 1 if either is stale (the tests do the same)

The same as ``jobscout docs [--check]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(["docs", *sys.argv[1:]]))
