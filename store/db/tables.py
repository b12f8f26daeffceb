"""The SQLModel tables. Only migrations change the schema; ``tests/store/db/test_migrations.py`` checks that
these definitions and the migrations agree.

Postings carry denormalized, precomputed columns (role key, annualized pay, sample) so the queries read
narrow indexes instead of joining and computing at query time. Child rows (pay ranges, skills, locations)
are rewritten whole whenever a posting's derived fields change (fix, reparse).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

from store.db.types import IdType, KeyType, Snowflake, UTCDateTime

# Pay periods of contract rates: /salary counts them apart (and shows them in their own period), so
# they have an index of their own, over those postings only. A query reaches that index only by
# repeating its condition with these very constants, hence the SQL text kept here.
RATE_PERIODS = ("day", "hour")
RATE_PERIODS_SQL = "(" + ", ".join(f"'{kind}'" for kind in RATE_PERIODS) + ")"
RATE_POSTINGS = f"pay_period IN {RATE_PERIODS_SQL}"


def _fk_posting() -> ForeignKey:
    return ForeignKey("postings.id", ondelete="CASCADE")


class PostingRow(SQLModel, table=True):
    __tablename__ = "postings"
    __table_args__ = (
        UniqueConstraint("guild_id", "text_hash", name="uq_postings_guild_text_hash"),
        # Sampling indexes, covering the pay so skill medians never read the (wide) rows.
        Index("ix_postings_guild_added", "guild_id", "added_at", "sample", "pay_currency", "pay_year"),
        Index("ix_postings_guild_sample", "guild_id", "sample", "pay_currency", "pay_year"),
        Index(
            "ix_postings_guild_role_added",
            "guild_id",
            "role_key",
            "added_at",
            "sample",
            "pay_currency",
            "pay_year",
        ),
        Index("ix_postings_guild_role_pay", "guild_id", "role_key", "pay_currency", "pay_year"),
        Index(
            "ix_postings_guild_role_seniority_pay",
            "guild_id",
            "role_key",
            "pay_currency",
            "seniority",
            "pay_year",
        ),
        # /salary's count of day and hour rates reads only the role's rate postings, a small share of its
        # postings, instead of every posting of the role (nothing else indexes pay_period).
        Index(
            "ix_postings_guild_role_rate",
            "guild_id",
            "role_key",
            "pay_currency",
            "seniority",
            "pay_period",
            "pay_year",
            "id",  # PostgreSQL: a place's probe of posting_locations needs the id, read from the index
            sqlite_where=text(RATE_POSTINGS),
            postgresql_where=text(RATE_POSTINGS),
        ),
        Index("ix_postings_guild_title", "guild_id", "title_key"),
        Index(
            "ix_postings_guild_message",
            "guild_id",
            "message_id",
            sqlite_where=text("message_id IS NOT NULL"),
            postgresql_where=text("message_id IS NOT NULL"),
        ),
        # an id is never handed out again once its posting is removed (PostgreSQL's sequence never
        # goes back; SQLite needs AUTOINCREMENT, else the next row takes the highest id plus one)
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, sa_column=Column(IdType, primary_key=True, autoincrement=True))
    guild_id: int = Field(sa_column=Column(Snowflake, nullable=False))
    user_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    channel_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    message_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    source: str = Field(sa_column=Column(String(16), nullable=False))
    added_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    # The text exactly as given, and the parse of it (Posting as JSON) so reparse never loses anything.
    raw_text: str = Field(sa_column=Column(Text, nullable=False))
    text_hash: bytes = Field(sa_column=Column(LargeBinary(16), nullable=False))
    sample: int = Field(sa_column=Column(Integer, nullable=False))
    minhash: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # dedup.compact(signature)
    parsed_json: str = Field(sa_column=Column(Text, nullable=False))
    parsed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    # Effective fields: the parse with the user's fixes applied.
    title: str | None = Field(default=None, sa_column=Column(Text))
    title_key: str | None = Field(default=None, sa_column=Column(KeyType))
    company: str | None = Field(default=None, sa_column=Column(Text))
    role_key: str | None = Field(default=None, sa_column=Column(KeyType))
    seniority: str | None = Field(default=None, sa_column=Column(String(12)))
    workplace: str | None = Field(default=None, sa_column=Column(String(8)))
    employment_type: str | None = Field(default=None, sa_column=Column(String(12)))
    # Pay envelope as stated...
    pay_text: str | None = Field(default=None, sa_column=Column(Text))
    pay_currency: str | None = Field(default=None, sa_column=Column(String(3)))
    pay_period: str | None = Field(default=None, sa_column=Column(String(5)))
    pay_min: float | None = Field(default=None, sa_column=Column(Float))
    pay_max: float | None = Field(default=None, sa_column=Column(Float))
    # ...and as computed: annualized (in its own currency) and converted to USD at pay_rate_date.
    pay_year: float | None = Field(default=None, sa_column=Column(Float))
    pay_year_min: float | None = Field(default=None, sa_column=Column(Float))
    pay_year_max: float | None = Field(default=None, sa_column=Column(Float))
    pay_usd_year: float | None = Field(default=None, sa_column=Column(Float))
    pay_rate_date: date | None = Field(default=None, sa_column=Column(Date))
    # The bot's card for the posting (so removing it by command can take the card's buttons away).
    card_channel_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    card_message_id: int | None = Field(default=None, sa_column=Column(Snowflake))


class SkillRow(SQLModel, table=True):
    """The skill vocabulary, shared by all guilds (a name carries no guild data)."""

    __tablename__ = "skills"
    __table_args__ = (UniqueConstraint("key", name="uq_skills_key"),)

    id: int | None = Field(default=None, sa_column=Column(IdType, primary_key=True, autoincrement=True))
    key: str = Field(sa_column=Column(KeyType, nullable=False))
    name: str = Field(sa_column=Column(Text, nullable=False))


class PostingSkillRow(SQLModel, table=True):
    __tablename__ = "posting_skills"
    __table_args__ = (
        PrimaryKeyConstraint("posting_id", "skill_id", name="pk_posting_skills"),
        {"sqlite_with_rowid": False},
    )

    posting_id: int = Field(sa_column=Column(IdType, _fk_posting(), nullable=False))
    skill_id: int = Field(sa_column=Column(IdType, ForeignKey("skills.id"), nullable=False))
    position: int = Field(sa_column=Column(SmallInteger, nullable=False))


class PostingLocationRow(SQLModel, table=True):
    """Location keys of a posting (the whole place, each comma part, and "remote" for remote work), with
    the columns salary stats filter and sort on, so a location-filtered query reads one index."""

    __tablename__ = "posting_locations"
    __table_args__ = (
        PrimaryKeyConstraint("posting_id", "location_key", name="pk_posting_locations"),
        Index(
            "ix_posting_locations_lookup",
            "guild_id",
            "location_key",
            "role_key",
            "pay_currency",
            "pay_year",
            "seniority",
        ),
        {"sqlite_with_rowid": False},
    )

    posting_id: int = Field(sa_column=Column(IdType, _fk_posting(), nullable=False))
    location_key: str = Field(sa_column=Column(KeyType, nullable=False))
    guild_id: int = Field(sa_column=Column(Snowflake, nullable=False))
    role_key: str | None = Field(default=None, sa_column=Column(KeyType))
    pay_currency: str | None = Field(default=None, sa_column=Column(String(3)))
    seniority: str | None = Field(default=None, sa_column=Column(String(12)))
    pay_year: float | None = Field(default=None, sa_column=Column(Float))


class PostingBandRow(SQLModel, table=True):
    """MinHash LSH band keys. No foreign key: rows are deleted by recomputing the keys from the posting's
    text, and a stray row is harmless (candidates are confirmed against the posting itself)."""

    __tablename__ = "posting_bands"
    __table_args__ = (
        PrimaryKeyConstraint("guild_id", "band_key", "posting_id", name="pk_posting_bands"),
        {"sqlite_with_rowid": False},
    )

    guild_id: int = Field(sa_column=Column(Snowflake, nullable=False))
    band_key: int = Field(sa_column=Column(Snowflake, nullable=False))
    posting_id: int = Field(sa_column=Column(IdType, nullable=False))


class PostingFixRow(SQLModel, table=True):
    """A user's correction of one field; it wins over the parse and survives reparse."""

    __tablename__ = "posting_fixes"
    __table_args__ = (PrimaryKeyConstraint("posting_id", "field", name="pk_posting_fixes"),)

    posting_id: int = Field(sa_column=Column(IdType, _fk_posting(), nullable=False))
    field: str = Field(sa_column=Column(String(16), nullable=False))
    value_json: str = Field(sa_column=Column(Text, nullable=False))
    user_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    fixed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class RepostRow(SQLModel, table=True):
    """A later paste of a saved posting: linked to it instead of counted again, with any pay change."""

    __tablename__ = "reposts"
    __table_args__ = (
        Index("ix_reposts_guild_hash", "guild_id", "text_hash"),
        Index("ix_reposts_guild_seen", "guild_id", "seen_at"),
        Index("ix_reposts_posting", "posting_id"),
        Index(
            "ix_reposts_guild_message",
            "guild_id",
            "message_id",
            sqlite_where=text("message_id IS NOT NULL"),
            postgresql_where=text("message_id IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, sa_column=Column(IdType, primary_key=True, autoincrement=True))
    guild_id: int = Field(sa_column=Column(Snowflake, nullable=False))
    posting_id: int = Field(sa_column=Column(IdType, _fk_posting(), nullable=False))
    text_hash: bytes = Field(sa_column=Column(LargeBinary(16), nullable=False))
    similarity: float = Field(sa_column=Column(Float, nullable=False))
    source: str = Field(sa_column=Column(String(16), nullable=False))
    user_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    channel_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    message_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    seen_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    raw_text: str | None = Field(default=None, sa_column=Column(Text))  # None: same normalized text
    pay_changed: bool = Field(sa_column=Column(Boolean, nullable=False))
    old_pay_text: str | None = Field(default=None, sa_column=Column(Text))
    old_pay_currency: str | None = Field(default=None, sa_column=Column(String(3)))
    old_pay_year: float | None = Field(default=None, sa_column=Column(Float))
    new_pay_text: str | None = Field(default=None, sa_column=Column(Text))
    new_pay_currency: str | None = Field(default=None, sa_column=Column(String(3)))
    new_pay_year: float | None = Field(default=None, sa_column=Column(Float))


class GuildSettingsRow(SQLModel, table=True):
    __tablename__ = "guild_settings"

    guild_id: int = Field(sa_column=Column(Snowflake, primary_key=True, autoincrement=False))
    watched_channel_ids: str = Field(sa_column=Column(Text, nullable=False))  # JSON list of ids
    digest_channel_id: int | None = Field(default=None, sa_column=Column(Snowflake))
    digest_day: str | None = Field(default=None, sa_column=Column(String(3)))
    digest_time: time | None = Field(default=None, sa_column=Column(Time))
    digest_timezone: str | None = Field(default=None, sa_column=Column(String(64)))
    enabled: bool = Field(sa_column=Column(Boolean, nullable=False))
    last_failure: str | None = Field(default=None, sa_column=Column(Text))
    last_failure_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class GuildWelcomeRow(SQLModel, table=True):
    """Servers the bot has introduced itself to (once per server, whichever process saw it join)."""

    __tablename__ = "guild_welcomes"

    guild_id: int = Field(sa_column=Column(Snowflake, primary_key=True, autoincrement=False))
    welcomed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class DigestRunRow(SQLModel, table=True):
    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("guild_id", "period", name="uq_digest_runs_guild_period"),)

    id: int | None = Field(default=None, sa_column=Column(IdType, primary_key=True, autoincrement=True))
    guild_id: int = Field(sa_column=Column(Snowflake, nullable=False))
    period: str = Field(sa_column=Column(String(32), nullable=False))
    status: str = Field(sa_column=Column(String(8), nullable=False))  # claimed | sent | failed
    attempts: int = Field(sa_column=Column(Integer, nullable=False))
    claimed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    failed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    error: str | None = Field(default=None, sa_column=Column(Text))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


metadata = SQLModel.metadata


def table(name: str) -> Table:
    return metadata.tables[name]


POSTINGS = table("postings")
# One pay range of a posting, as stated and as computed (a fixed pay replaces the parsed ranges).
POSTING_PAY = Table(
    "posting_pay",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("posting_id", IdType, _fk_posting(), nullable=False),
    Column("position", SmallInteger, nullable=False),
    Column("origin", String(8), nullable=False),  # parsed | fix
    Column("text", Text, nullable=False),
    Column("label", Text),
    Column("currency", String(3), nullable=False),
    Column("period", String(5), nullable=False),
    # the range as stated, annualized, and converted to USD at rate_date
    *(Column(name, Float) for name in ("min", "max", "year_min", "year_max", "usd_year_min", "usd_year_max")),
    Column("rate_date", Date),
    Index("ix_posting_pay_posting", "posting_id"),
)
SKILLS = table("skills")
POSTING_SKILLS = table("posting_skills")
POSTING_LOCATIONS = table("posting_locations")
POSTING_BANDS = table("posting_bands")
# Band keys written by bulk imports, moved into posting_bands in key order every few tens of thousands
# of postings (store.writes.bands): the same columns and key as posting_bands, but small, so a batch of random
# keys rewrites few pages.
POSTING_BANDS_STAGED = Table(
    "posting_bands_staged",
    metadata,
    *(Column(c.name, c.type, nullable=False) for c in POSTING_BANDS.columns),
    PrimaryKeyConstraint("guild_id", "band_key", "posting_id", name="pk_posting_bands_staged"),
    sqlite_with_rowid=False,
)
POSTING_FIXES = table("posting_fixes")
REPOSTS = table("reposts")
GUILD_SETTINGS = table("guild_settings")
DIGEST_RUNS = table("digest_runs")
GUILD_WELCOMES = table("guild_welcomes")
# What a bulk import writes (the tables whose planner statistics it refreshes as they grow).
BULK_WRITTEN = (
    POSTINGS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTING_LOCATIONS,
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    REPOSTS,
)


ALL_ROLES = ""  # the summary tables' role for "every role"
EPOCH = date(1970, 1, 1)  # the summary tables' days are UTC days since this one


def day_number(moment: datetime) -> int:
    return (moment.astimezone(UTC).date() - EPOCH).days


def day_start(day: int) -> datetime:
    return datetime.combine(date.fromordinal(EPOCH.toordinal() + day), datetime.min.time(), UTC)


def _counts(name: str, *key: Column[Any]) -> Table:
    """A summary table: ``n`` per key, kept exact by every write in the writer's transaction
    (``store.writes.summaries``); role ALL_ROLES counts all roles, days are :func:`day_number`s."""
    return Table(
        name,
        metadata,
        *key,
        Column("n", Integer, nullable=False),
        PrimaryKeyConstraint(*(c.name for c in key), name=f"pk_{name}"),
        sqlite_with_rowid=False,
    )


def _guild() -> Column[Any]:
    return Column("guild_id", Snowflake, nullable=False)


def _role() -> Column[Any]:
    return Column("role_key", KeyType, nullable=False)


def _day() -> Column[Any]:
    return Column("day", Integer, nullable=False)


def _skill() -> Column[Any]:
    return Column("skill_id", IdType, nullable=False)


# Skill shares and their trends are summed from these few thousand rows instead of counted over
# millions of links: postings asking for a skill per role and day, the same all time, and postings
# saved per role and day.
SKILL_DAYS = _counts("skill_days", _guild(), _role(), _day(), _skill())
SKILL_TOTALS = _counts("skill_totals", _guild(), _role(), _skill())
POSTING_DAYS = _counts("posting_days", _guild(), _role(), _day())

ALL_PLACES = ""  # pay_buckets' location_key for "anywhere"
NO_SENIORITY = ""  # pay_buckets' seniority for a posting that does not say
# /salary's percentiles at any size: postings with pay per (guild, role, place, currency, seniority) and
# log-scale bucket of pay_year (``store.pay_buckets``), with the sum of their pay_year, kept exact by
# every write like the counts above. A posting counts under ALL_PLACES and under each of its location keys.
PAY_BUCKETS = Table(
    "pay_buckets",
    metadata,
    _guild(),
    _role(),
    Column("location_key", KeyType, nullable=False),
    Column("pay_currency", String(3), nullable=False),
    Column("seniority", String(12), nullable=False),
    Column("bucket", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    Column("total", Float, nullable=False),
    PrimaryKeyConstraint(
        "guild_id", "role_key", "location_key", "pay_currency", "seniority", "bucket", name="pk_pay_buckets"
    ),
    sqlite_with_rowid=False,
)

__all__ = [
    "ALL_PLACES",
    "ALL_ROLES",
    "BULK_WRITTEN",
    "DIGEST_RUNS",
    "GUILD_SETTINGS",
    "NO_SENIORITY",
    "PAY_BUCKETS",
    "POSTINGS",
    "POSTING_BANDS",
    "POSTING_BANDS_STAGED",
    "POSTING_DAYS",
    "POSTING_FIXES",
    "POSTING_LOCATIONS",
    "POSTING_PAY",
    "POSTING_SKILLS",
    "RATE_PERIODS",
    "RATE_PERIODS_SQL",
    "REPOSTS",
    "SKILLS",
    "SKILL_DAYS",
    "SKILL_TOTALS",
    "day_number",
    "day_start",
    "metadata",
]
