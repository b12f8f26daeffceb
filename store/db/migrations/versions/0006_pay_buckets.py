"""Pay buckets: /salary's percentiles from a log-scale histogram per group, built from the postings
already saved.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.db.types import KeyType
from store.pay_buckets import BACKFILL_SOURCES, KEY, summarize

revision = "0006"
down_revision = "0005"

_BATCH = 10_000


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
        sa.PrimaryKeyConstraint(*KEY, name="pk_pay_buckets"),
        sqlite_with_rowid=False,
    )
    for sql in BACKFILL_SOURCES:
        rows = summarize(op.get_bind().execute(sa.text(sql)).tuples())
        for start in range(0, len(rows), _BATCH):
            op.bulk_insert(table, rows[start : start + _BATCH])


def downgrade() -> None:
    op.drop_table("pay_buckets")
