"""Rows of postings: inserting new ones with their child rows, rewriting them after a fix or a reparse.

Every function here runs inside a caller's transaction (one ``AsyncSession``); the store commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.plain import Insert, Row, Rows, insert, write_rows
from store.db.sqlutil import chunks, insert_ignore, insert_sql, one_of, raw_insert
from store.db.tables import (
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    POSTING_FIXES,
    POSTING_LOCATIONS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTINGS,
    SKILLS,
    day_number,
)
from store.writes import dedup, summaries
from store.writes.derive import Derived, Prepared

LOCATION_COLUMNS = (
    "posting_id",
    "location_key",
    "guild_id",
    "role_key",
    "pay_currency",
    "seniority",
    "pay_year",
)


async def resolve_skills(
    session: AsyncSession, names: dict[str, str], cache: dict[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    """Ids for skill keys, creating missing ones. Returns (all ids, ids learned in this transaction)."""
    ids = {k: cache[k] for k in names if k in cache}
    missing = [k for k in names if k not in ids]
    learned: dict[str, int] = {}
    for attempt in range(2):
        for part in chunks(missing):
            rows = await session.execute(select(SKILLS.c.key, SKILLS.c.id).where(SKILLS.c.key.in_(part)))
            learned.update({k: int(v) for k, v in rows.tuples()})
        missing = [k for k in missing if k not in learned]
        if not missing or attempt:
            break
        stmt = insert_ignore(session, SKILLS, ["key"])
        await session.execute(stmt, [{"key": k, "name": names[k]} for k in missing])
    if missing:
        raise RuntimeError(f"skills could not be created: {missing[:3]}")
    ids.update(learned)
    return ids, learned


_NEW_SKILL = f"INSERT INTO {SKILLS.name} (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"


def sqlite_skill_ids(
    conn: sqlite3.Connection, names: dict[str, str], known: dict[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    """:func:`resolve_skills` with the sqlite3 module, on the connection's thread of a write
    transaction (which holds the database's write lock, so a skill created here is not raced)."""
    ids = {k: known[k] for k in names if k in known}
    missing = [k for k in names if k not in ids]
    if not missing:
        return ids, {}
    conn.executemany(_NEW_SKILL, [(k, names[k]) for k in missing])
    marks = ", ".join("?" for _ in missing)
    rows = conn.execute(f"SELECT key, id FROM {SKILLS.name} WHERE key IN ({marks})", missing).fetchall()
    learned = {str(k): int(v) for k, v in rows}
    if len(learned) != len(missing):
        raise RuntimeError(f"skills could not be created: {[k for k in missing if k not in learned][:3]}")
    return {**ids, **learned}, learned


def posting_row(guild_id: int, item: Prepared, now: datetime) -> dict[str, Any]:
    return {
        "guild_id": guild_id,
        "user_id": item.user_id,
        "channel_id": item.channel_id,
        "message_id": item.message_id,
        "source": item.source,
        "added_at": item.added_at,
        "raw_text": item.text,
        "text_hash": item.text_hash,
        "sample": item.sample,
        "minhash": dedup.compact(item.signature),
        "parsed_json": item.parsed_json,
        "parsed_at": now,
        **item.derived.columns,
    }


def _driver_value(value: Any, sqlite_dialect: bool) -> Any:
    """A column value as the driver takes it, written the way SQLAlchemy's types would write it
    (naive UTC datetimes; on SQLite, SQLAlchemy's text formats for DATETIME and DATE)."""
    if isinstance(value, datetime):
        naive = value.astimezone(UTC).replace(tzinfo=None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite_dialect else naive
    if isinstance(value, date):
        return value.isoformat() if sqlite_dialect else value
    return value


def driver_rows(sqlite_dialect: bool, rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[Row]]:
    """Dict rows (same keys) as the column list and value tuples the driver takes."""
    columns = list(rows[0])
    return columns, [tuple(_driver_value(row[c], sqlite_dialect) for c in columns) for row in rows]


def _is_sqlite(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _insert(table: Any, columns: Sequence[str], rows: Sequence[Row]) -> Rows:
    return Rows(insert_sql("qmark", table, columns), rows)


async def insert_postings(
    session: AsyncSession, guild_id: int, items: Sequence[Prepared], *, now: datetime
) -> list[int]:
    """Insert new postings (texts not yet in the guild) with one driver-level executemany, then read
    their ids back (SQLite: consecutive rowids; otherwise by text hash, unique in the guild and in the
    batch)."""
    if not items:
        return []
    columns, values = driver_rows(_is_sqlite(session), [posting_row(guild_id, it, now) for it in items])
    await raw_insert(session, POSTINGS, columns, values)
    if _is_sqlite(session):
        ids_in_order = await _sqlite_new_ids(session, guild_id, items)
        if ids_in_order is not None:
            return ids_in_order
    ids: dict[bytes, int] = {}
    hashes = [it.text_hash for it in items]
    for part in chunks(hashes):
        found = await session.execute(
            select(POSTINGS.c.text_hash, POSTINGS.c.id).where(
                POSTINGS.c.guild_id == guild_id, one_of(session, POSTINGS.c.text_hash, part)
            )
        )
        ids.update({bytes(digest): int(pid) for digest, pid in found.tuples()})
    return [ids[it.text_hash] for it in items]


async def _sqlite_new_ids(
    session: AsyncSession, guild_id: int, items: Sequence[Prepared]
) -> list[int] | None:
    """Ids of rows just inserted by one executemany, without a lookup per row: under SQLite's single
    write lock consecutive inserts get consecutive rowids, ending at ``last_insert_rowid()``. Checked on
    the first and last row; None (look them up) if that ever does not hold."""
    conn = await session.connection()
    last = (await conn.exec_driver_sql("SELECT last_insert_rowid()")).scalar_one()
    first = int(last) - len(items) + 1
    # by id alone: with the guild in the WHERE clause SQLite prefers scanning the guild's part of the
    # covering (guild_id, text_hash) index to two rowid lookups
    ends = await session.execute(
        select(POSTINGS.c.id, POSTINGS.c.guild_id, POSTINGS.c.text_hash).where(
            POSTINGS.c.id.in_([first, int(last)])
        )
    )
    found = {int(pid): (int(guild), bytes(digest)) for pid, guild, digest in ends.tuples()}
    expected = {first: (guild_id, items[0].text_hash), int(last): (guild_id, items[-1].text_hash)}
    return list(range(first, int(last) + 1)) if found == expected else None


def _skill_names(derived: Iterable[Derived]) -> dict[str, str]:
    return {key: name for d in derived for key, name in d.skills}


async def insert_new(
    session: AsyncSession,
    guild_id: int,
    items: Sequence[Prepared],
    skill_cache: dict[str, int],
    *,
    now: datetime,
    stage_bands: bool = False,
) -> tuple[list[int], dict[str, int]]:
    """Insert new postings with their pay ranges, skills, locations, LSH bands and fixes, and count
    them in the summaries. Bulk imports stage their band keys (``store.bands``); single adds write them
    straight into ``posting_bands``. A single posting goes in one trip to the driver (its id comes back
    with the insert); a batch is inserted first, then its child rows go in one more.

    Returns the new ids (in the order of ``items``) and the skill ids created in this transaction."""
    if not items:
        return [], {}
    skill_ids, learned = await resolve_skills(session, _skill_names(it.derived for it in items), skill_cache)
    sqlite_dialect = _is_sqlite(session)
    if len(items) == 1:
        new = new_posting(
            guild_id, items[0], skill_ids, now=now, sqlite_dialect=sqlite_dialect, stage_bands=stage_bands
        )
        return [await insert(session, new)], learned
    ids = await insert_postings(session, guild_id, items, now=now)
    pairs = list(zip(ids, items, strict=True))
    await write_rows(session, _children(guild_id, pairs, skill_ids, now, stage_bands, sqlite_dialect))
    return ids, learned


def known_skills(item: Prepared, cache: dict[str, int]) -> dict[str, int] | None:
    """The ids of a posting's skills when the cache holds them all (None: some must be looked up)."""
    ids = {key: cache.get(key) for key, _ in item.derived.skills}
    return None if None in ids.values() else {k: v for k, v in ids.items() if v is not None}


def new_posting(
    guild_id: int,
    item: Prepared,
    skill_ids: dict[str, int],
    *,
    now: datetime,
    sqlite_dialect: bool,
    stage_bands: bool = False,
) -> Insert:
    """What a new posting writes: its row, then its child rows and its part of the summaries."""
    columns, values = driver_rows(sqlite_dialect, [posting_row(guild_id, item, now)])
    return Insert(
        Rows(insert_sql("qmark", POSTINGS, columns, " RETURNING id"), values),
        lambda new_id: _children(guild_id, [(new_id, item)], skill_ids, now, stage_bands, sqlite_dialect),
    )


def _children(
    guild_id: int,
    rows: Sequence[tuple[int, Prepared]],
    skill_ids: dict[str, int],
    now: datetime,
    stage_bands: bool,
    sqlite_dialect: bool,
) -> list[Rows]:
    with_days = [(pid, it.derived, day_number(it.added_at)) for pid, it in rows]
    statements = _derived(guild_id, with_days, skill_ids, sqlite_dialect)
    # sorted: the index pages are then visited in order, once each (keys are random)
    bands = sorted({(guild_id, key, pid) for pid, it in rows for key in it.band_keys})
    target = POSTING_BANDS_STAGED if stage_bands else POSTING_BANDS
    statements.append(_insert(target, ("guild_id", "band_key", "posting_id"), bands))
    fixes = [
        {
            "posting_id": pid,
            "field": name,
            "value_json": json.dumps(value),
            "user_id": it.fixed_by,
            "fixed_at": now,
        }
        for pid, it in rows
        for name, value in it.fixes.items()
    ]
    if fixes:
        statements.append(_insert(POSTING_FIXES, *driver_rows(sqlite_dialect, fixes)))
    return statements


def _derived(
    guild_id: int,
    rows: Sequence[tuple[int, Derived, int]],
    skill_ids: dict[str, int],
    sqlite_dialect: bool,
) -> list[Rows]:
    """Pay ranges, skill links and locations of postings (id, derived fields, day added), and their
    contribution to the summaries."""
    statements: list[Rows] = []
    pay = [r for pid, d, _ in rows for r in d.pay_rows(pid)]
    if pay:
        statements.append(_insert(POSTING_PAY, *driver_rows(sqlite_dialect, pay)))
    links = [(pid, skill_ids[key], i) for pid, d, _ in rows for i, (key, _) in enumerate(d.skills)]
    statements.append(_insert(POSTING_SKILLS, ("posting_id", "skill_id", "position"), links))
    places = [tuple(r.values()) for pid, d, _ in rows for r in d.location_rows(pid, guild_id)]
    statements.append(_insert(POSTING_LOCATIONS, LOCATION_COLUMNS, places))
    contributions = [
        summaries.Contribution(
            guild_id,
            d.columns["role_key"],
            day,
            tuple(skill_ids[k] for k, _ in d.skills),
            summaries.pay_of(d.columns, d.location_keys),
        )
        for _, d, day in rows
    ]
    return statements + summaries.statements(contributions, +1)


async def _days(session: AsyncSession, ids: list[int]) -> list[tuple[int, int]]:
    days: list[tuple[int, int]] = []
    for part in chunks(ids):
        rows = await session.execute(
            select(POSTINGS.c.id, POSTINGS.c.added_at).where(POSTINGS.c.id.in_(part))
        )
        days += [(int(pid), day_number(added)) for pid, added in rows.tuples()]
    return days


async def rewrite_derived(
    session: AsyncSession,
    guild_id_of: dict[int, int],
    rows: Sequence[tuple[int, Derived, str | None]],
    skill_cache: dict[str, int],
    *,
    now: datetime,
) -> dict[str, int]:
    """Replace the effective columns and child rows of existing postings (after a fix or a reparse).

    ``rows``: (posting id, derived fields, new parsed JSON or None to keep the stored parse).
    """
    if not rows:
        return {}
    ids = [pid for pid, _, _ in rows]
    # the summaries lose what the postings counted for before the rewrite (role and skills may change)
    before = await summaries.current(session, ids)
    await summaries.apply(session, before, -1)
    day_of = dict(await _days(session, ids))
    columns = list(rows[0][1].columns)
    values: dict[str, Any] = {c: bindparam(f"v_{c}") for c in columns}
    for with_parse in (True, False):
        batch = [(pid, d, pj) for pid, d, pj in rows if (pj is not None) == with_parse]
        if not batch:
            continue
        extra: dict[str, Any] = {}
        if with_parse:
            extra = {"parsed_json": bindparam("v_parsed_json"), "parsed_at": bindparam("v_parsed_at")}
        stmt = update(POSTINGS).where(POSTINGS.c.id == bindparam("v_id")).values(**values, **extra)
        params: list[dict[str, Any]] = []
        for pid, d, pj in batch:
            p = {f"v_{k}": v for k, v in d.columns.items()}
            p["v_id"] = pid
            if with_parse:
                p["v_parsed_json"] = pj
                p["v_parsed_at"] = now
            params.append(p)
        await session.execute(stmt.execution_options(synchronize_session=False), params)
    for part in chunks(ids):
        for table in (POSTING_PAY, POSTING_SKILLS, POSTING_LOCATIONS):
            await session.execute(delete(table).where(table.c.posting_id.in_(part)))
    by_guild: dict[int, list[tuple[int, Derived, int]]] = {}
    for pid, d, _ in rows:
        by_guild.setdefault(guild_id_of[pid], []).append((pid, d, day_of[pid]))
    skill_ids, learned = await resolve_skills(session, _skill_names(d for _, d, _ in rows), skill_cache)
    await write_rows(
        session,
        [
            statement
            for guild_id, group in by_guild.items()
            for statement in _derived(guild_id, group, skill_ids, _is_sqlite(session))
        ],
    )
    return learned


def card_location(guild_id: int, posting_id: int, channel_id: int, message_id: int) -> Rows:
    """Where the bot's card for a posting is (nothing when the posting is not the guild's)."""
    return Rows(
        f"UPDATE {POSTINGS.name} SET card_channel_id = ?, card_message_id = ? WHERE id = ? AND guild_id = ?",
        [(channel_id, message_id, posting_id, guild_id)],
    )
