"""The image's dependencies against requirements.lock (run by scripts/install-image).

    python scripts/check_lock.py                         # exit 1 unless every installed distribution
                                                         # is in the lock at exactly its pinned version
    python scripts/check_lock.py --runtime-requirements  # print pyproject's runtime dependencies

Run it with the Python of the environment to check. It needs nothing but the standard library.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_PINNED = {"pip", "setuptools", "wheel", "jobscout"}  # the installer's own, and the project


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_pins(path: Path = ROOT / "requirements.lock") -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise SystemExit(f"requirements.lock: not an exact pin: {line!r}")
        pins[normalize(name.split("[")[0])] = version.strip()
    return pins


def runtime_requirements(path: Path = ROOT / "pyproject.toml") -> list[str]:
    with path.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def problems() -> list[str]:
    pins = lock_pins()
    found = []
    for dist in metadata.distributions():
        name = normalize(dist.metadata["Name"])
        if name in NOT_PINNED:
            continue
        if name not in pins:
            found.append(f"{name} {dist.version} is installed but not in requirements.lock")
        elif pins[name] != dist.version:
            found.append(f"{name} {dist.version} is installed, requirements.lock pins {pins[name]}")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime-requirements", action="store_true")
    args = parser.parse_args()
    if args.runtime_requirements:
        print("\n".join(runtime_requirements()))
        return 0
    wrong = problems()
    for line in wrong:
        print(f"check_lock: {line}", file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
