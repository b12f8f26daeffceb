"""Initial schema: postings and their pay, skills, locations, LSH bands, fixes and reposts; guild
settings and digest runs.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.db.types import IdType, KeyType, UTCDateTime

revision = "0001"
down_revision = None

NOT_NULL_MESSAGE = sa.text("message_id IS NOT NULL")


def _posting_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["posting_id"], ["postings.id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "postings",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.LargeBinary(16), nullable=False),
        sa.Column("sample", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("parsed_json", sa.Text(), nullable=False),
        sa.Column("parsed_at", UTCDateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("title_key", KeyType, nullable=True),
        sa.Column("company", sa.Text(), nullable=True),
        sa.Column("role_key", KeyType, nullable=True),
        sa.Column("seniority", sa.String(12), nullable=True),
        sa.Column("workplace", sa.String(8), nullable=True),
        sa.Column("employment_type", sa.String(12), nullable=True),
        sa.Column("pay_text", sa.Text(), nullable=True),
        sa.Column("pay_currency", sa.String(3), nullable=True),
        sa.Column("pay_period", sa.String(5), nullable=True),
        sa.Column("pay_min", sa.Float(), nullable=True),
        sa.Column("pay_max", sa.Float(), nullable=True),
        sa.Column("pay_year", sa.Float(), nullable=True),
        sa.Column("pay_year_min", sa.Float(), nullable=True),
        sa.Column("pay_year_max", sa.Float(), nullable=True),
        sa.Column("pay_usd_year", sa.Float(), nullable=True),
        sa.Column("pay_rate_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "text_hash", name="uq_postings_guild_text_hash"),
    )
    op.create_index("ix_postings_guild_added", "postings", ["guild_id", "added_at", "sample"])
    op.create_index("ix_postings_guild_sample", "postings", ["guild_id", "sample"])
    op.create_index(
        "ix_postings_guild_role_added", "postings", ["guild_id", "role_key", "added_at", "sample"]
    )
    op.create_index(
        "ix_postings_guild_role_pay", "postings", ["guild_id", "role_key", "pay_currency", "pay_year"]
    )
    op.create_index(
        "ix_postings_guild_role_seniority_pay",
        "postings",
        ["guild_id", "role_key", "pay_currency", "seniority", "pay_year"],
    )
    op.create_index("ix_postings_guild_title", "postings", ["guild_id", "title_key"])
    op.create_index(
        "ix_postings_guild_message",
        "postings",
        ["guild_id", "message_id"],
        sqlite_where=NOT_NULL_MESSAGE,
        postgresql_where=NOT_NULL_MESSAGE,
    )

    op.create_table(
        "posting_pay",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("posting_id", IdType, nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("period", sa.String(5), nullable=False),
        sa.Column("min", sa.Float(), nullable=True),
        sa.Column("max", sa.Float(), nullable=True),
        sa.Column("year_min", sa.Float(), nullable=True),
        sa.Column("year_max", sa.Float(), nullable=True),
        sa.Column("usd_year_min", sa.Float(), nullable=True),
        sa.Column("usd_year_max", sa.Float(), nullable=True),
        sa.Column("rate_date", sa.Date(), nullable=True),
        _posting_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_posting_pay_posting", "posting_pay", ["posting_id"])

    op.create_table(
        "skills",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("key", KeyType, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", name="uq_skills_key"),
    )
    op.create_table(
        "posting_skills",
        sa.Column("posting_id", IdType, nullable=False),
        sa.Column("skill_id", IdType, nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        _posting_fk(),
        sa.ForeignKeyConstraint(["skill_id"], ["skills.id"]),
        sa.PrimaryKeyConstraint("posting_id", "skill_id", name="pk_posting_skills"),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "posting_locations",
        sa.Column("posting_id", IdType, nullable=False),
        sa.Column("location_key", KeyType, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("role_key", KeyType, nullable=True),
        sa.Column("pay_currency", sa.String(3), nullable=True),
        sa.Column("seniority", sa.String(12), nullable=True),
        sa.Column("pay_year", sa.Float(), nullable=True),
        _posting_fk(),
        sa.PrimaryKeyConstraint("posting_id", "location_key", name="pk_posting_locations"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_posting_locations_lookup",
        "posting_locations",
        ["guild_id", "location_key", "role_key", "pay_currency", "pay_year", "seniority"],
    )

    op.create_table(
        "posting_bands",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("posting_id", IdType, nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "band_key", "posting_id", name="pk_posting_bands"),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "posting_fixes",
        sa.Column("posting_id", IdType, nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("fixed_at", UTCDateTime(), nullable=False),
        _posting_fk(),
        sa.PrimaryKeyConstraint("posting_id", "field", name="pk_posting_fixes"),
    )

    op.create_table(
        "reposts",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("posting_id", IdType, nullable=False),
        sa.Column("text_hash", sa.LargeBinary(16), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=True),
        sa.Column("pay_changed", sa.Boolean(), nullable=False),
        sa.Column("old_pay_text", sa.Text(), nullable=True),
        sa.Column("old_pay_currency", sa.String(3), nullable=True),
        sa.Column("old_pay_year", sa.Float(), nullable=True),
        sa.Column("new_pay_text", sa.Text(), nullable=True),
        sa.Column("new_pay_currency", sa.String(3), nullable=True),
        sa.Column("new_pay_year", sa.Float(), nullable=True),
        _posting_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reposts_guild_hash", "reposts", ["guild_id", "text_hash"])
    op.create_index("ix_reposts_guild_seen", "reposts", ["guild_id", "seen_at"])
    op.create_index("ix_reposts_posting", "reposts", ["posting_id"])
    op.create_index(
        "ix_reposts_guild_message",
        "reposts",
        ["guild_id", "message_id"],
        sqlite_where=NOT_NULL_MESSAGE,
        postgresql_where=NOT_NULL_MESSAGE,
    )

    op.create_table(
        "guild_settings",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("watched_channel_ids", sa.Text(), nullable=False),
        sa.Column("digest_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("digest_day", sa.String(3), nullable=True),
        sa.Column("digest_time", sa.Time(), nullable=True),
        sa.Column("digest_timezone", sa.String(64), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("last_failure", sa.Text(), nullable=True),
        sa.Column("last_failure_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )
    op.create_table(
        "digest_runs",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("failed_at", UTCDateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "period", name="uq_digest_runs_guild_period"),
    )


def downgrade() -> None:
    for name in (
        "digest_runs",
        "guild_settings",
        "reposts",
        "posting_fixes",
        "posting_bands",
        "posting_locations",
        "posting_skills",
        "skills",
        "posting_pay",
        "postings",
    ):
        op.drop_table(name)
