"""An index over the postings that state a day or an hour rate: /salary counts them per role by reading
only them, instead of every posting of the role."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"

# Written out rather than imported: a migration keeps the schema of its own day.
_RATE_POSTINGS = "pay_period IN ('day', 'hour')"
_COLUMNS = ["guild_id", "role_key", "pay_currency", "seniority", "pay_period", "pay_year", "id"]


def upgrade() -> None:
    op.create_index(
        "ix_postings_guild_role_rate",
        "postings",
        _COLUMNS,
        sqlite_where=sa.text(_RATE_POSTINGS),
        postgresql_where=sa.text(_RATE_POSTINGS),
    )


def downgrade() -> None:
    op.drop_index("ix_postings_guild_role_rate", table_name="postings")
