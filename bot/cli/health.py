"""``jobscout health``: is the running bot connected? (The container's HEALTHCHECK.)

It reads the heartbeat file the bot rewrites while its gateway connections are up (:mod:`bot.health`)
and exits 0 when it is fresh, 1 otherwise, saying why. It imports only the settings and the heartbeat
reader, so a check costs a fraction of a second of CPU, not the bot's start-up.
"""

from __future__ import annotations

import argparse
import sys

EXIT_HEALTHY = 0
EXIT_UNHEALTHY = 1  # what Docker's HEALTHCHECK reads as unhealthy


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-age", type=float, metavar="SECONDS", help="oldest acceptable heartbeat (default: settings)"
    )
    parser.set_defaults(handler=health_command)


def health_command(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from bot import health
    from bot.config import load_settings

    try:
        settings = load_settings()
    except ValidationError as exc:
        print(f"jobscout health: bad configuration: {exc.errors()[0]['msg']}", file=sys.stderr)
        return EXIT_UNHEALTHY
    max_age = args.max_age if args.max_age is not None else settings.health.max_age_seconds
    result = health.check(settings.heartbeat_path, max_age)
    if result.ok:
        print(f"healthy: {result.message}")
        return EXIT_HEALTHY
    print(f"unhealthy: {result.message}", file=sys.stderr)
    return EXIT_UNHEALTHY
