"""Regenerate .env.example and README.md's configuration reference from the settings model.

python scripts/settings_docs.py          # write both
python scripts/settings_docs.py --check  # exit 1 if either is stale (the tests do the same)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings_doc import env_example, reference, replace_section  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the files are current")
    args = parser.parse_args()
    readme = ROOT / "README.md"
    wanted = {
        ROOT / ".env.example": env_example(),
        readme: replace_section(readme.read_text(), reference()),
    }
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text() != text]
    if args.check:
        for path in stale:
            print(f"{path.name} is stale: run python scripts/settings_docs.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path])
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
