"""``jobscout digest preview --guild G``: this week's digest so far, printed in the terminal."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.store import CLI_GUILD, _handler, _open

if TYPE_CHECKING:
    from bot.config import Settings


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    digest_sub = parser.add_subparsers(dest="digest_command", required=True, metavar="ACTION")
    preview = digest_sub.add_parser("preview", help="this week's digest so far, as text")
    preview.add_argument("--guild", type=int, default=CLI_GUILD, help="server id (default 0)")
    preview.add_argument("--database", metavar="URL", help="database URL (default: settings database.url)")
    preview.add_argument("--at", type=_moment, metavar="WHEN", help="as of this ISO time (UTC if no zone)")
    preview.add_argument("--chart", type=Path, metavar="PNG", help="also write the chart image here")
    preview.set_defaults(handler=_handler(run_preview, "digest preview"))


async def run_preview(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import policy_from
    from commands.core.errors import CommandError
    from commands.core.services import Services
    from commands.core.text import render_text
    from commands.digest.usecase import digest_preview

    try:
        policy = policy_from(settings.digest, charts=settings.discord.charts)
    except ValueError as exc:
        raise CommandError(f"bad [digest] settings: {exc}") from exc
    store = await _open(args, settings)
    try:
        at: datetime | None = args.at
        svc = Services(store=store, pay=store.pay) if at is None else Services(store, store.pay, lambda: at)
        reply = await digest_preview(svc, policy, args.guild, chart=args.chart is not None)
    finally:
        await store.close()
    print(render_text(reply))
    if args.chart is not None:
        image = next((f for f in reply.files if f.filename.endswith(".png")), None)
        if image is None:
            print("(no chart this week: it needs two roles, or a role to compare with its past)")
        else:
            args.chart.write_bytes(image.data)
            print(f"(chart written to {args.chart})")
    return 0
