"""Posting ids are never handed out twice, a posting remembers where its card is, and a server is
welcomed once.

SQLite gives a new row the largest rowid plus one, so removing the newest posting made its id come back
for the next paste (links and digests naming it then pointed elsewhere). ``AUTOINCREMENT`` keeps the
highest id ever used in ``sqlite_sequence`` instead; SQLite can only add it by rebuilding the table.
PostgreSQL's sequence never goes back, so there only the card columns are added.

The rebuild keeps every row and id, and the rows that reference them (it runs with foreign keys off,
see ``store.db.migrate``, so dropping the old table cascades to nothing).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from store.db.types import UTCDateTime

revision = "0005"
down_revision = "0004"

PLAIN_ID = "id INTEGER NOT NULL, "
AUTOINCREMENT_ID = "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
TABLE_KEY = "PRIMARY KEY (id), "
UNIQUE_TEXT = "CONSTRAINT uq_postings_guild_text_hash"
CREATE = re.compile(r'^CREATE TABLE "?postings"? \(')  # quoted once SQLite renamed it
REBUILT = "postings_rebuilt_0005"


def _rebuild_postings(to_autoincrement: bool) -> None:
    """Recreate the SQLite postings table from its own definition, with or without AUTOINCREMENT."""
    conn = op.get_bind()
    if conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one():
        raise RuntimeError("run this migration through store.db.migrate (foreign keys off)")
    schema = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'postings'"
    ).scalar_one()
    indexes = (
        conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'postings' AND sql IS NOT NULL"
        )
        .scalars()
        .all()
    )
    if to_autoincrement:
        if PLAIN_ID not in schema or TABLE_KEY not in schema:
            raise RuntimeError("unexpected postings schema; cannot add AUTOINCREMENT")
        rebuilt = schema.replace(PLAIN_ID, AUTOINCREMENT_ID, 1).replace(TABLE_KEY, "", 1)
    else:
        if AUTOINCREMENT_ID not in schema:
            return
        rebuilt = schema.replace(AUTOINCREMENT_ID, PLAIN_ID, 1).replace(
            UNIQUE_TEXT, TABLE_KEY + UNIQUE_TEXT, 1
        )
    columns = ", ".join(row[1] for row in conn.exec_driver_sql("PRAGMA table_info(postings)").all())
    # The 12-step rebuild of SQLite's ALTER TABLE documentation: the child tables keep referencing
    # "postings", which is the rebuilt table once it is renamed.
    conn.exec_driver_sql(CREATE.sub(f"CREATE TABLE {REBUILT} (", rebuilt, count=1))
    conn.exec_driver_sql(f"INSERT INTO {REBUILT} ({columns}) SELECT {columns} FROM postings")
    conn.exec_driver_sql("DROP TABLE postings")
    conn.exec_driver_sql(f"ALTER TABLE {REBUILT} RENAME TO postings")
    for sql in indexes:
        conn.exec_driver_sql(sql)


def _drop_card_columns() -> None:
    for name in ("card_message_id", "card_channel_id"):
        op.execute(f"ALTER TABLE postings DROP COLUMN {name}")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_postings(to_autoincrement=True)
    op.add_column("postings", sa.Column("card_channel_id", sa.BigInteger(), nullable=True))
    op.add_column("postings", sa.Column("card_message_id", sa.BigInteger(), nullable=True))
    op.create_table(
        "guild_welcomes",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("welcomed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )


def downgrade() -> None:
    op.drop_table("guild_welcomes")
    _drop_card_columns()
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_postings(to_autoincrement=False)
