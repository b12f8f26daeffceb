"""/export and ``jobscout export``: a guild's postings as CSV (for spreadsheets) or JSON Lines
(complete, re-importable without parsing again)."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from typing import Literal

from commands.core.errors import CommandError
from commands.core.reply import Reply, ReplyFile
from commands.core.services import Services
from store import ExportRow, Store

ExportFormat = Literal["csv", "jsonl"]
CSV_COLUMNS = (
    "id", "added_at", "source", "user_id", "title", "company", "role", "seniority", "workplace",
    "employment_type", "locations", "pay_text", "pay_currency", "pay_period", "pay_min", "pay_max",
    "pay_per_year", "pay_usd_per_year", "rate_date", "skills", "fixed", "text",
)  # fmt: skip
MAX_ATTACHMENT_BYTES = 8_000_000


MEMBER_ID_COLUMNS = frozenset({"user_id"})


def csv_columns(*, member_ids: bool) -> list[str]:
    return [c for c in CSV_COLUMNS if member_ids or c not in MEMBER_ID_COLUMNS]


def csv_values(row: ExportRow) -> list[object]:
    return [
        row.id, row.added_at.isoformat(), row.source, row.user_id, row.title, row.company, row.role,
        row.seniority, row.workplace, row.employment_type, "; ".join(row.locations), row.pay_text,
        row.pay_currency, row.pay_period, row.pay_min, row.pay_max, row.pay_year, row.pay_usd_year,
        row.pay_rate_date.isoformat() if row.pay_rate_date else None, "; ".join(row.skills),
        ", ".join(sorted(row.fixes)), row.text,
    ]  # fmt: skip


def _csv_line(values: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


async def export_lines(
    store: Store, guild_id: int, fmt: ExportFormat, *, member_ids: bool = True
) -> AsyncIterator[str]:
    """The export, line by line (streamed from the database in batches). Without ``member_ids`` no
    Discord user id of the members who added postings is in it."""
    columns = csv_columns(member_ids=member_ids)
    keep = [i for i, c in enumerate(CSV_COLUMNS) if c in columns]
    if fmt == "csv":
        yield _csv_line(columns)
    async for row in store.export_rows(guild_id):
        if fmt == "csv":
            values = csv_values(row)
            yield _csv_line([values[i] for i in keep])
        else:
            record = row if member_ids else row.model_copy(update={"user_id": None})
            yield record.model_dump_json() + "\n"


async def export(
    svc: Services, guild_id: int, fmt: ExportFormat = "csv", *, member_ids: bool = False
) -> Reply:
    """The server's postings as a file; members' user ids only when ``member_ids`` (an admin's choice)."""
    if fmt not in ("csv", "jsonl"):
        raise CommandError("Export as `csv` or `jsonl`.")
    buffer = io.BytesIO()
    rows = -1 if fmt == "csv" else 0
    async for line in export_lines(svc.store, guild_id, fmt, member_ids=member_ids):
        buffer.write(line.encode("utf-8"))
        rows += 1
        if buffer.tell() > MAX_ATTACHMENT_BYTES:
            raise CommandError(
                "This server's postings are too many for one attachment; export them with `jobscout export`."
            )
    if rows <= 0:
        return Reply.notice("No postings saved yet: nothing to export.")
    name = f"jobscout-postings.{fmt}"
    return Reply(
        title="Export",
        description=(
            f"{rows:,} posting{'s' if rows != 1 else ''} as {fmt.upper()}, "
            + ("with the ids of the members who added them." if member_ids else "without member ids.")
        ),
        files=[ReplyFile(filename=name, data=buffer.getvalue(), description=f"{rows} postings")],
        ephemeral=True,
    )
