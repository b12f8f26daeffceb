"""``jobscout start``: the bot when DISCORD_TOKEN is set, a console otherwise."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from parsing import parse_posting


def register(sub: Any) -> None:
    parser = sub.add_parser("start", help="run the bot if DISCORD_TOKEN is set, else the console")
    parser.set_defaults(handler=start)


def start(args: argparse.Namespace) -> int:
    if os.environ.get("DISCORD_TOKEN"):
        print("DISCORD_TOKEN is set, but the Discord front end is not built yet.", file=sys.stderr)
        return 1
    print("No DISCORD_TOKEN in the environment: starting the console.", file=sys.stderr)
    print("Paste a posting and end it with Ctrl-D.", file=sys.stderr)
    text = sys.stdin.read()
    if text.strip():
        print(json.dumps(parse_posting(text).model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0
