"""The ``jobscout`` command line. Each area registers its own subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot import cli_bot, cli_digest, cli_parse, cli_store


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobscout", description="JobScout: job postings, read and counted.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (cli_parse, cli_store, cli_digest, cli_bot):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    return code
