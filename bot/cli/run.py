"""``jobscout run`` (the Discord bot), ``jobscout console`` (the same commands in a terminal),
and ``jobscout start`` (the bot when DISCORD_TOKEN is set, the console otherwise; what ``scripts/run``
calls).

``jobscout run`` stops gracefully on SIGTERM or SIGINT (see :meth:`bot.app.JobScoutBot.shutdown`), then
closes the database, and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from typing import TYPE_CHECKING, TextIO

from bot.cli import loading

if TYPE_CHECKING:
    from bot.app import JobScoutBot
    from bot.config import Settings

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2
TOKEN_VARIABLE = "DISCORD_TOKEN"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

NO_TOKEN = (
    f"{TOKEN_VARIABLE} is not set. Put the bot token from the Discord developer portal (Bot page) in the "
    "environment; see 'Discord setup' in README.md. Without a token, `jobscout console` runs the same "
    "commands in this terminal."
)
TOKEN_REJECTED = (
    f"Discord rejected {TOKEN_VARIABLE} (LoginFailure): the token is wrong or was reset. Copy a fresh one "
    "from the developer portal's Bot page."
)
INTENT_MISSING = (
    "Discord refused the Message Content intent: enable 'Message Content Intent' on the Bot page of the "
    "developer portal, or run in /add-only mode with discord.message_content = false "
    "(JOBSCOUT_DISCORD__MESSAGE_CONTENT=false)."
)


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    handlers = {"run": run_command, "console": console_command, "start": start_command}
    parser.set_defaults(handler=handlers[verb])


def token_from_env() -> str | None:
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    return token or None


def setup_logging(settings: Settings) -> None:
    """Logging for the whole process, once (discord.py's handler and format, our level)."""
    import discord

    level = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
    discord.utils.setup_logging(level=level, root=True)


def _say(text: str, stream: TextIO | None = None) -> None:
    print(f"jobscout: {text}", file=stream or sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    token = token_from_env()
    if token is None:
        _say(NO_TOKEN)
        return EXIT_CONFIG
    with loading():
        from bot.config import load_settings

        settings = load_settings()
        import bot.app  # noqa: F401  # the bot, its cogs' modules and the store, before the loop starts
    setup_logging(settings)
    return asyncio.run(run_bot(settings, token))


async def run_bot(settings: Settings, token: str) -> int:
    """Connect and serve until stopped. Returns the exit status; explains the failures a user can fix."""
    import discord

    from bot.app import create_bot
    from bot.runtime import open_services
    from store import StoreError

    try:
        async with open_services(settings) as services:
            bot = create_bot(settings, services)
            async with bot:
                try:
                    await serve(bot, token, drain_seconds=settings.shutdown.drain_seconds)
                except discord.LoginFailure:
                    _say(TOKEN_REJECTED)
                    return EXIT_CONFIG
                except discord.PrivilegedIntentsRequired:
                    _say(INTENT_MISSING)
                    return EXIT_CONFIG
    except StoreError as exc:
        _say(f"cannot use the database: {exc.message}")
        return EXIT_FAILED
    return EXIT_OK


async def serve(bot: JobScoutBot, token: str, *, drain_seconds: float) -> str | None:
    """Run the bot until it stops by itself or a stop signal arrives; returns the signal's name, if any.

    On SIGTERM (what ``docker stop`` sends) or SIGINT the bot shuts down gracefully; the caller then
    closes the database. A second signal while stopping is only logged: the drain is bounded anyway.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    received: list[str] = []

    def on_signal(sig: signal.Signals) -> None:
        if received:
            log.warning("%s received while already stopping; at most %.0f s more.", sig.name, drain_seconds)
            return
        received.append(sig.name)
        stop.set()

    installed = []
    for sig in STOP_SIGNALS:
        try:
            loop.add_signal_handler(sig, on_signal, sig)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            pass
    runner = asyncio.create_task(bot.start(token), name="jobscout-bot")
    waiter = asyncio.create_task(stop.wait(), name="jobscout-stop-signal")
    try:
        await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner.done():
            runner.result()  # the bot stopped by itself: re-raise why (bad token, missing intent...)
            return None
        log.info("%s received: stopping (open work gets up to %.0f s).", received[0], drain_seconds)
        clean = await bot.shutdown(drain_seconds)
        await runner
        log.info("JobScout stopped %s.", "cleanly" if clean else "(some work was cut off)")
        return received[0]
    finally:
        waiter.cancel()
        for sig in installed:
            loop.remove_signal_handler(sig)
        if not runner.done():
            runner.cancel()


def console_command(
    args: argparse.Namespace, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    with loading():
        from bot.config import load_settings

        settings = load_settings()
        import bot.console  # noqa: F401  # the use cases and the store
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return asyncio.run(run_console(settings, stdin or sys.stdin, stdout or sys.stdout))


async def run_console(settings: Settings, stdin: TextIO, stdout: TextIO) -> int:
    from bot.console import Console
    from bot.runtime import open_services, policy_from
    from store import StoreError

    try:
        async with open_services(settings) as services:
            policy = policy_from(settings.digest, charts=settings.discord.charts)
            console = Console(services, settings, stdout, digest_policy=policy)
            if stdin.isatty():
                console.write('JobScout console. Paste a posting and end it with a line holding only "."; ')
                console.write("or type /help.")
            return await console.run(stdin)
    except StoreError as exc:
        _say(f"cannot use the database: {exc.message}")
        return EXIT_FAILED


def start_command(args: argparse.Namespace) -> int:
    if token_from_env() is not None:
        _say(f"{TOKEN_VARIABLE} is set: starting the Discord bot.")
        return run_command(args)
    _say(f"No {TOKEN_VARIABLE} in the environment: starting the console (set it to run the Discord bot).")
    return console_command(args)
