"""The ``jobscout`` command line: one module per verb group, imported only when one of its verbs runs.

The top-level parser knows every verb by name and one line of help, and nothing else, so
``jobscout --help`` imports no part of the bot, the store or the parser. The verb given on the command
line gets its full parser from its group's module (which imports only :mod:`argparse` at the top), and
its handler imports what it needs when it runs. ``jobscout health`` runs often (it is the container's
health check), so this matters most there.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

PROG = "jobscout"
DESCRIPTION = "JobScout: job postings, read and counted."

# verb -> (the module that configures it, its line in ``jobscout --help``), in the order shown
VERBS: dict[str, tuple[str, str]] = {
    "parse": ("bot.cli.parse", "parse postings to JSON (one object per line for several)"),
    "db": ("bot.cli.store", "database maintenance"),
    "add": ("bot.cli.store", "save posting files (text, markdown, HTML)"),
    "import": ("bot.cli.store", "bulk import a .jsonl or .csv file (re-running adds nothing twice)"),
    "salary": ("bot.cli.questions", "pay percentiles for a role"),
    "compare": ("bot.cli.questions", "postings side by side"),
    "skills": ("bot.cli.questions", "the skills most asked for"),
    "export": ("bot.cli.store", "write every posting as CSV or JSON Lines"),
    "reparse": ("bot.cli.store", "parse every saved posting again (keeps fixes)"),
    "backup": ("bot.cli.backup", "copy the SQLite database to FILE (safe while the bot runs)"),
    "digest": ("bot.cli.digest", "the weekly digest"),
    "run": ("bot.cli.run", "run the Discord bot (token from DISCORD_TOKEN)"),
    "console": ("bot.cli.run", "the bot's commands in this terminal (no Discord, no token)"),
    "start": ("bot.cli.run", "the bot if DISCORD_TOKEN is set, else the console"),
    "health": ("bot.cli.health", "exit 0 if the running bot is connected (its heartbeat is fresh)"),
    "docs": ("bot.cli.docs", "regenerate .env.example and README's settings reference from the model"),
}


def build_parser(verb: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``verb`` (when given and known) is configured in full."""
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in VERBS.items():
        verb_parser = sub.add_parser(name, help=help_text)
        if name == verb:
            importlib.import_module(module).configure(name, verb_parser)
    return parser


@contextmanager
def loading() -> Iterator[None]:
    """Around the imports of a verb's handler: no garbage collection while the parser's and the
    store's tables are built (the collector would walk every object imported so far, again and again,
    for nothing: they all live as long as the process), and those objects frozen out of later
    collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    verb = words[0] if words and words[0] in VERBS else None
    args = build_parser(verb).parse_args(words)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    return code
