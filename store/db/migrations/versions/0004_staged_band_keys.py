"""A staging table for the band keys of bulk imports (merged into posting_bands in key order)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.db.types import IdType

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "posting_bands_staged",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("posting_id", IdType, nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "band_key", "posting_id", name="pk_posting_bands_staged"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    # keys still staged are moved first, so a downgraded store keeps finding those reposts
    op.execute(
        "INSERT INTO posting_bands (guild_id, band_key, posting_id) "
        "SELECT guild_id, band_key, posting_id FROM posting_bands_staged"
    )
    op.drop_table("posting_bands_staged")
