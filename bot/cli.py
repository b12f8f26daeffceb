"""The ``jobscout`` command line. Each area registers its own subcommands.

``jobscout health`` runs often (it is the container's health check), so it is parsed without importing
the rest: the bot, the store and the charts take seconds of CPU to import.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot import cli_health

PROG = "jobscout"
DESCRIPTION = "JobScout: job postings, read and counted."


def build_parser() -> argparse.ArgumentParser:
    from bot import cli_backup, cli_bot, cli_digest, cli_parse, cli_store

    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (cli_parse, cli_store, cli_backup, cli_digest, cli_bot, cli_health):
        module.register(sub)
    return parser


def _health_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cli_health.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = _health_parser() if words[:1] == ["health"] else build_parser()
    args = parser.parse_args(words)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    return code
