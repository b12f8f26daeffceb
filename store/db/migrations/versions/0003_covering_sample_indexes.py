"""The sampling indexes of postings also carry the pay, so skill pay medians read only indexes."""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"

OLD = {
    "ix_postings_guild_added": ["guild_id", "added_at", "sample"],
    "ix_postings_guild_sample": ["guild_id", "sample"],
    "ix_postings_guild_role_added": ["guild_id", "role_key", "added_at", "sample"],
}
PAY = ["pay_currency", "pay_year"]


def upgrade() -> None:
    for name, columns in OLD.items():
        op.drop_index(name, table_name="postings")
        op.create_index(name, "postings", [*columns, *PAY])


def downgrade() -> None:
    for name, columns in OLD.items():
        op.drop_index(name, table_name="postings")
        op.create_index(name, "postings", columns)
