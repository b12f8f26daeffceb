"""``jobscout salary``, ``compare`` and ``skills``: the questions, answered as text (or their statistics
as JSON) from the database of ``--database`` (else the settings), about ``--guild`` (0 by default)."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from typing import TYPE_CHECKING, get_args

from bot.cli.store import _common, _handler, _with_services

if TYPE_CHECKING:
    from bot.config import Settings
    from commands.core.services import Services


def configure(verb: str, parser: argparse.ArgumentParser) -> None:
    if verb == "salary":
        from parsing.models import SENIORITY_ORDER, Period

        parser.add_argument("role")
        parser.add_argument("--location")
        parser.add_argument("--seniority", choices=SENIORITY_ORDER)
        parser.add_argument(
            "--currency", help="convert every posting to this currency at the configured rates"
        )
        parser.add_argument("--paid-in", help="only postings that state their pay in this currency")
        parser.add_argument(
            "--period", choices=get_args(Period), help="every figure per this period (default: each its own)"
        )
        parser.add_argument("--json", action="store_true", help="the statistics as JSON")
        _common(parser)
        parser.set_defaults(handler=_handler(run_salary, "salary"))
    elif verb == "compare":
        parser.add_argument("ids", nargs="+", type=int, metavar="ID")
        parser.add_argument("--json", action="store_true")
        _common(parser)
        parser.set_defaults(handler=_handler(run_compare, "compare"))
    elif verb == "skills":
        parser.add_argument("role", nargs="?")
        parser.add_argument("--days", type=int, help="only postings of the last N days")
        parser.add_argument("--json", action="store_true")
        _common(parser)
        parser.set_defaults(handler=_handler(run_skills, "skills"))


async def run_salary(args: argparse.Namespace, settings: Settings) -> int:
    from commands.core.sample import honest_json
    from commands.core.text import render_text
    from commands.salary.usecase import SalaryQuery, salary, salary_stats

    async def work(svc: Services) -> int:
        query = SalaryQuery(
            args.role, args.location, args.seniority, args.currency, args.period, paid_in=args.paid_in
        )
        if args.json:
            stats = await salary_stats(svc, args.guild, query)
            print(json.dumps(honest_json(stats.model_dump(mode="json")), indent=2))
        else:
            print(render_text(await salary(svc, args.guild, query, chart=False)))
        return 0

    return await _with_services(args, settings, work)


async def run_compare(args: argparse.Namespace, settings: Settings) -> int:
    from commands.compare.usecase import compare
    from commands.core.sample import honest_compare
    from commands.core.text import render_text

    async def work(svc: Services) -> int:
        if args.json:
            found = await svc.store.compare(args.guild, args.ids)
            print(json.dumps(honest_compare(found.model_dump(mode="json")), indent=2))
        else:
            print(render_text(await compare(svc, args.guild, args.ids, chart=False)))
        return 0

    return await _with_services(args, settings, work)


async def run_skills(args: argparse.Namespace, settings: Settings) -> int:
    from commands.core.sample import honest_skills
    from commands.core.text import render_text
    from commands.skills.usecase import skills

    async def work(svc: Services) -> int:
        if args.json:
            since = svc.clock() - timedelta(days=args.days) if args.days else None
            found = await svc.store.skill_summary(args.guild, args.role, since)
            print(json.dumps(honest_skills(found.model_dump(mode="json")), indent=2))
        else:
            print(render_text(await skills(svc, args.guild, args.role, days=args.days)))
        return 0

    return await _with_services(args, settings, work)
