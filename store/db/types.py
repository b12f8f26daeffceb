"""Column types shared by the tables and the migrations (so both spell them identically)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

# Autoincrement primary keys: BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite.
IdType: TypeEngine[int] = BigInteger().with_variant(Integer(), "sqlite")
# Discord snowflakes need 64 bits.
Snowflake = BigInteger
# Lookup keys compared byte-wise on both engines, so prefix ranges (key >= p AND key < p + max) work
# whatever the server's default collation is. SQLite's default BINARY collation already is byte order.
KeyType: TypeEngine[str] = String().with_variant(String(collation="C"), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time, stored as naive UTC on both engines and always returned timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware datetime (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return utc_datetime(value)


def utc_datetime(value: Any) -> datetime | None:
    """A stored point in time as read (SQLite: text, also from an expression that bypassed the type;
    PostgreSQL: naive UTC), timezone-aware (UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stored_date(value: Any) -> date | None:
    """A DATE column as read without SQLAlchemy's type (SQLite keeps it as ISO text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
