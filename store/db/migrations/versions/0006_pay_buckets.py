"""Pay buckets: /salary's percentiles from a log-scale histogram per group, built from the postings
already saved.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

from store.db.types import KeyType
from store.pay_buckets import bucket_of

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

_KEY = ("guild_id", "role_key", "location_key", "pay_currency", "seniority", "bucket")
_PAID = "role_key IS NOT NULL AND pay_currency IS NOT NULL AND pay_year IS NOT NULL"
# Distinct pay figures are far fewer than postings (pay is mostly round), so the database groups by
# figure and Python only buckets the groups.
_SOURCES = (
    f"SELECT guild_id, role_key, '' AS place, pay_currency, seniority, pay_year, count(*) "
    f"FROM postings WHERE {_PAID} GROUP BY guild_id, role_key, pay_currency, seniority, pay_year",
    f"SELECT guild_id, role_key, location_key, pay_currency, seniority, pay_year, count(*) "
    f"FROM posting_locations WHERE {_PAID} "
    f"GROUP BY guild_id, role_key, location_key, pay_currency, seniority, pay_year",
)
_BATCH = 10_000


def _buckets(sql: str) -> Iterator[list[dict[str, Any]]]:
    sums: dict[tuple[Any, ...], list[float]] = {}
    for guild_id, role, place, currency, seniority, pay_year, n in op.get_bind().execute(sa.text(sql)):
        key = (guild_id, role, place, currency, seniority or "", bucket_of(pay_year))
        entry = sums.setdefault(key, [0, 0.0])
        entry[0] += n
        entry[1] += n * pay_year
    rows = [
        {**dict(zip(_KEY, key, strict=True)), "n": int(n), "total": total} for key, (n, total) in sums.items()
    ]
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def upgrade() -> None:
    table = op.create_table(
        "pay_buckets",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("role_key", KeyType, nullable=False),
        sa.Column("location_key", KeyType, nullable=False),
        sa.Column("pay_currency", sa.String(3), nullable=False),
        sa.Column("seniority", sa.String(12), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name="pk_pay_buckets"),
        sqlite_with_rowid=False,
    )
    for sql in _SOURCES:
        for batch in _buckets(sql):
            op.bulk_insert(table, batch)


def downgrade() -> None:
    op.drop_table("pay_buckets")
