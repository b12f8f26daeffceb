"""Skill summaries: per-day and all-time skill counts and per-day posting counts, backfilled from
the postings already saved.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.db.types import IdType, KeyType

revision = "0002"
down_revision = "0001"


def _day_sql() -> str:
    """SQL for a posting's UTC day number (days since 1970-01-01); added_at is stored as naive UTC."""
    if op.get_bind().dialect.name == "postgresql":
        return "(p.added_at::date - DATE '1970-01-01')"
    return "CAST(julianday(date(p.added_at)) - 2440587.5 AS INTEGER)"


def upgrade() -> None:
    op.create_table(
        "skill_days",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("role_key", KeyType, nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("skill_id", IdType, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "role_key", "day", "skill_id", name="pk_skill_days"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "skill_totals",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("role_key", KeyType, nullable=False),
        sa.Column("skill_id", IdType, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "role_key", "skill_id", name="pk_skill_totals"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "posting_days",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("role_key", KeyType, nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "role_key", "day", name="pk_posting_days"),
        sqlite_with_rowid=False,
    )
    day = _day_sql()
    # Each posting counts under its role and under "" (all roles).
    for role, where, by_role in (
        ("p.role_key", "WHERE p.role_key IS NOT NULL", ", p.role_key"),
        ("''", "", ""),
    ):
        op.execute(
            f"INSERT INTO posting_days (guild_id, role_key, day, n) "
            f"SELECT p.guild_id, {role}, {day}, count(*) FROM postings p {where} "
            f"GROUP BY p.guild_id{by_role}, {day}"
        )
        op.execute(
            f"INSERT INTO skill_days (guild_id, role_key, day, skill_id, n) "
            f"SELECT p.guild_id, {role}, {day}, s.skill_id, count(*) FROM postings p "
            f"JOIN posting_skills s ON s.posting_id = p.id {where} "
            f"GROUP BY p.guild_id{by_role}, {day}, s.skill_id"
        )
        op.execute(
            f"INSERT INTO skill_totals (guild_id, role_key, skill_id, n) "
            f"SELECT p.guild_id, {role}, s.skill_id, count(*) FROM postings p "
            f"JOIN posting_skills s ON s.posting_id = p.id {where} "
            f"GROUP BY p.guild_id{by_role}, s.skill_id"
        )


def downgrade() -> None:
    for name in ("posting_days", "skill_totals", "skill_days"):
        op.drop_table(name)
