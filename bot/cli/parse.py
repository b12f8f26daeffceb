"""``jobscout parse``: print the parsed fields of postings as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli import loading

EXIT_UNREADABLE = 2


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="posting file(s); - reads standard input")
    parser.add_argument("--pretty", action="store_true", help="indented JSON for humans")
    parser.set_defaults(handler=run)


def read_source(path: str, limit: int) -> bytes:
    from parsing import UnreadableInput

    if path == "-":
        return sys.stdin.buffer.read(limit + 1)
    source = Path(path)
    try:
        with source.open("rb") as handle:
            return handle.read(limit + 1)
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except FileNotFoundError:
        raise UnreadableInput("no such file") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or "cannot read") from None


def parse_path(path: str) -> dict[str, Any]:
    from parsing import MAX_POSTING_BYTES, decode_posting, parse_posting

    text = decode_posting(read_source(path, MAX_POSTING_BYTES))
    return parse_posting(text).model_dump(mode="json")


def run(args: argparse.Namespace) -> int:
    with loading():
        from parsing import UnreadableInput

    paths: list[str] = args.paths
    indent = 2 if args.pretty else None
    failed = False
    for i, path in enumerate(paths):
        try:
            if i == 0:
                # The parser builds its tables on first use: that parse is start-up more than parsing.
                with loading():
                    result = parse_path(path)
            else:
                result = parse_path(path)
        except UnreadableInput as exc:
            failed = True
            if len(paths) == 1:
                print(f"jobscout parse: {path}: {exc}", file=sys.stderr)
                return EXIT_UNREADABLE
            result = {"error": f"{path}: {exc}"}
        print(json.dumps(result, ensure_ascii=False, indent=indent))
    return EXIT_UNREADABLE if failed else 0
