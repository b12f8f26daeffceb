"""Writing postings: dedup (exact and near), inserts, child rows, rewrites after a fix or reparse.

Every function here runs inside a caller's transaction (one ``AsyncSession``); the store commits.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import bindparam, delete, insert, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Posting
from store import dedup, summaries
from store.db.sqlutil import chunks, insert_ignore, one_of, raw_insert, raw_insert_returning_id
from store.db.tables import (
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    POSTING_FIXES,
    POSTING_LOCATIONS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTINGS,
    REPOSTS,
    SKILLS,
)
from store.derive import Derived, Identity, Prepared
from store.keyfilter import KeyFilter
from store.results import PayChange
from store.summaries import day_number

MAX_CANDIDATES = 20  # saved postings checked per new text (those sharing the most bands)

LOCATION_COLUMNS = (
    "posting_id",
    "location_key",
    "guild_id",
    "role_key",
    "pay_currency",
    "seniority",
    "pay_year",
)
OutcomeKind = Literal["created", "repost", "duplicate", "seen"]


@dataclass(slots=True)
class Outcome:
    kind: OutcomeKind  # created | repost (linked) | duplicate (bulk: already there, skipped) | seen
    posting_id: int
    similarity: float | None = None
    pay_change: PayChange | None = None


@dataclass(slots=True)
class _Pay:
    text: str | None
    currency: str | None
    period: str | None
    low: float | None
    high: float | None
    year: float | None


@dataclass(slots=True)
class _Target:
    """A posting a new text may repeat: saved (posting_id) or created earlier in this batch (index)."""

    posting_id: int | None
    index: int | None
    signature: npt.NDArray[np.uint32] | bytes
    identity: Identity
    pay: _Pay


def _pay_of(derived: Derived) -> _Pay:
    c = derived.columns
    return _Pay(c["pay_text"], c["pay_currency"], c["pay_period"], c["pay_min"], c["pay_max"], c["pay_year"])


def pay_change(old: _Pay, new: _Pay) -> PayChange | None:
    """A repost's pay differs from the saved posting's (a repost that states no pay changes nothing)."""
    if new.currency is None:
        return None
    same = (
        old.currency == new.currency
        and old.period == new.period
        and _close(old.low, new.low)
        and _close(old.high, new.high)
    )
    if same:
        return None
    return PayChange(
        old_text=old.text,
        old_currency=old.currency,
        old_year=old.year,
        new_text=new.text,
        new_currency=new.currency,
        new_year=new.year,
    )


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


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


async def _seen_messages(session: AsyncSession, guild_id: int, message_ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for table, id_col in ((POSTINGS, POSTINGS.c.id), (REPOSTS, REPOSTS.c.posting_id)):
        rows = await session.execute(
            select(table.c.message_id, id_col).where(
                table.c.guild_id == guild_id, table.c.message_id.in_(message_ids)
            )
        )
        for message_id, posting_id in rows.tuples():
            found.setdefault(int(message_id), int(posting_id))
    return found


async def _hash_lookup(
    session: AsyncSession, table: Any, id_col: Any, guild_id: int, hashes: list[bytes]
) -> dict[bytes, int]:
    found: dict[bytes, int] = {}
    for part in chunks(hashes):
        rows = await session.execute(
            select(table.c.text_hash, id_col).where(
                table.c.guild_id == guild_id, one_of(session, table.c.text_hash, part)
            )
        )
        for digest, posting_id in rows.tuples():
            found.setdefault(bytes(digest), int(posting_id))
    return found


async def _band_lookup(session: AsyncSession, guild_id: int, keys: list[int]) -> dict[int, list[int]]:
    hits: dict[int, list[int]] = {}
    for part in chunks(keys):
        merged, staged = POSTING_BANDS.c, POSTING_BANDS_STAGED.c
        stmt = union_all(
            select(merged.band_key, merged.posting_id).where(
                merged.guild_id == guild_id, one_of(session, merged.band_key, part)
            ),
            select(staged.band_key, staged.posting_id).where(
                staged.guild_id == guild_id, one_of(session, staged.band_key, part)
            ),
        )
        rows = await session.execute(stmt)
        for key, posting_id in rows.tuples():
            hits.setdefault(int(key), []).append(int(posting_id))
    return hits


async def _signatures(session: AsyncSession, guild_id: int, ids: list[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for part in chunks(ids):
        rows = await session.execute(
            select(POSTINGS.c.id, POSTINGS.c.minhash).where(
                POSTINGS.c.guild_id == guild_id, POSTINGS.c.id.in_(part)
            )
        )
        found.update({int(pid): bytes(sig) for pid, sig in rows.tuples()})
    return found


async def _saved_targets(session: AsyncSession, guild_id: int, ids: list[int]) -> dict[int, _Target]:
    p = POSTINGS.c
    targets: dict[int, _Target] = {}
    for part in chunks(ids):
        rows = await session.execute(
            select(
                p.id, p.minhash, p.parsed_json, p.pay_text, p.pay_currency, p.pay_period,
                p.pay_min, p.pay_max, p.pay_year,
            ).where(p.guild_id == guild_id, p.id.in_(part))
        )  # fmt: skip
        for row in rows.tuples():
            targets[int(row[0])] = _Target(
                posting_id=int(row[0]),
                index=None,
                signature=bytes(row[1]),
                identity=Identity.of(Posting.model_validate_json(row[2])),
                pay=_Pay(row[3], row[4], row[5], row[6], row[7], row[8]),
            )
    return targets


def _batch_target(index: int, item: Prepared) -> _Target:
    return _Target(
        posting_id=None,
        index=index,
        signature=item.signature,
        identity=item.identity,
        pay=_pay_of(item.derived),
    )


async def store_batch(
    session: AsyncSession,
    guild_id: int,
    items: Sequence[Prepared],
    *,
    interactive: bool,
    skill_cache: dict[str, int],
    now: datetime,
    key_filter: KeyFilter | None = None,
) -> tuple[list[Outcome], dict[str, int]]:
    """Store new texts of one guild. Interactive adds link every repeat as a repost; bulk imports skip
    texts already stored (as a posting or a recorded repost) so importing twice adds nothing.
    ``key_filter`` (bulk imports): the guild's band keys; only keys it may hold are looked up, and the
    keys of the postings created here are added to it.

    Returns one outcome per item and the skill ids created in this transaction.
    """
    outcomes: list[Outcome | None] = [None] * len(items)
    if interactive:
        message_ids = [it.message_id for it in items if it.message_id is not None]
        if message_ids:
            seen = await _seen_messages(session, guild_id, message_ids)
            for i, it in enumerate(items):
                if it.message_id is not None and it.message_id in seen:
                    outcomes[i] = Outcome("seen", seen[it.message_id])

    hashes = list({it.text_hash for i, it in enumerate(items) if outcomes[i] is None})
    saved = await _hash_lookup(session, POSTINGS, POSTINGS.c.id, guild_id, hashes)
    known_reposts = (
        {} if interactive else await _hash_lookup(session, REPOSTS, REPOSTS.c.posting_id, guild_id, hashes)
    )
    first_of_hash: dict[bytes, int] = {}
    batch_dupes: dict[int, int] = {}  # item -> earlier item with the same text (bulk: skipped)
    reposts: list[tuple[int, _Target | int, float]] = []  # (item, saved target or batch index, similarity)
    fresh: list[int] = []
    exact_targets: list[int] = []
    for i, it in enumerate(items):
        if outcomes[i] is not None:
            continue
        digest = it.text_hash
        if digest in saved:
            if interactive:
                exact_targets.append(saved[digest])
                reposts.append((i, saved[digest], 1.0))
            else:
                outcomes[i] = Outcome("duplicate", saved[digest])
        elif digest in known_reposts:
            outcomes[i] = Outcome("duplicate", known_reposts[digest])
        elif digest in first_of_hash:
            if interactive:
                reposts.append((i, _batch_target(first_of_hash[digest], items[first_of_hash[digest]]), 1.0))
            else:
                batch_dupes[i] = first_of_hash[digest]
        else:
            first_of_hash[digest] = i
            fresh.append(i)

    # Near duplicates: band keys shared with saved postings (and with earlier texts in this batch).
    keys = list({k for i in fresh for k in items[i].band_keys})
    if key_filter is not None:
        keys = [k for k, maybe in zip(keys, key_filter.may_contain(keys), strict=True) if maybe]
    hits = await _band_lookup(session, guild_id, keys) if keys else {}
    wanted: dict[int, list[int]] = {}
    for i in fresh:
        votes = Counter(pid for k in items[i].band_keys for pid in hits.get(k, ()))
        wanted[i] = [pid for pid, _ in votes.most_common(MAX_CANDIDATES)]
    # Candidates are confirmed by the similarity of stored signatures; only the few that pass are read
    # in full (parse, pay) for the compatibility check and the pay comparison.
    signatures = await _signatures(session, guild_id, sorted({pid for ids in wanted.values() for pid in ids}))
    close: dict[int, list[tuple[float, int]]] = {}
    for i in fresh:
        for pid in wanted[i]:
            if pid in signatures:
                sim = dedup.similarity(items[i].signature, signatures[pid])
                if sim >= dedup.REPOST_THRESHOLD:
                    close.setdefault(i, []).append((sim, pid))
    targets = await _saved_targets(
        session, guild_id, sorted({pid for pairs in close.values() for _, pid in pairs} | set(exact_targets))
    )
    batch_bands: dict[int, list[int]] = {}
    to_create: list[int] = []
    for i in fresh:
        item = items[i]
        options = [(sim, targets[pid]) for sim, pid in close.get(i, []) if pid in targets]
        for j in sorted({j for k in item.band_keys for j in batch_bands.get(k, ())}):
            sim = dedup.similarity(item.signature, items[j].signature)
            if sim >= dedup.REPOST_THRESHOLD:
                options.append((sim, _batch_target(j, items[j])))
        best: tuple[float, _Target] | None = None
        for sim, target in options:
            # near-identical texts naming a different role, level or place are different postings
            if (best is None or sim > best[0]) and item.identity.compatible(target.identity):
                best = (sim, target)
        if best is not None:
            reposts.append((i, best[1], best[0]))
        else:
            to_create.append(i)
            for k in item.band_keys:
                batch_bands.setdefault(k, []).append(i)

    if key_filter is not None:
        key_filter.add(k for i in to_create for k in items[i].band_keys)
    created = await insert_postings(session, guild_id, [items[i] for i in to_create], now=now)
    created_id = dict(zip(to_create, created, strict=True))
    learned = await insert_children(
        session,
        guild_id,
        [(created_id[i], items[i]) for i in to_create],
        skill_cache,
        now=now,
        stage_bands=not interactive,
    )
    for i in to_create:
        outcomes[i] = Outcome("created", created_id[i])
    for i, j in batch_dupes.items():
        outcomes[i] = Outcome("duplicate", created_id[j])

    repost_rows: list[dict[str, Any]] = []
    for i, target_ref, sim in reposts:
        item = items[i]
        target = targets[target_ref] if isinstance(target_ref, int) else target_ref
        if target.posting_id is not None:
            posting_id = target.posting_id
        else:
            assert target.index is not None
            posting_id = created_id[target.index]
        change = pay_change(target.pay, _pay_of(item.derived))
        outcomes[i] = Outcome("repost", posting_id, sim, change)
        new_pay = _pay_of(item.derived)
        repost_rows.append(
            {
                "guild_id": guild_id,
                "posting_id": posting_id,
                "text_hash": item.text_hash,
                "similarity": sim,
                "source": item.source,
                "user_id": item.user_id,
                "channel_id": item.channel_id,
                "message_id": item.message_id,
                "seen_at": item.added_at,
                "raw_text": None if sim >= 1.0 else item.text,
                "pay_changed": change is not None,
                "old_pay_text": target.pay.text,
                "old_pay_currency": target.pay.currency,
                "old_pay_year": target.pay.year,
                "new_pay_text": new_pay.text,
                "new_pay_currency": new_pay.currency,
                "new_pay_year": new_pay.year,
            }
        )
    if repost_rows:
        await session.execute(insert(REPOSTS), repost_rows)
    final = [o for o in outcomes if o is not None]
    assert len(final) == len(items)
    return final, learned


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


def _driver_rows(
    session: AsyncSession, rows: Sequence[dict[str, Any]]
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Dict rows (same keys) as the column list and value tuples :func:`raw_insert` takes."""
    sqlite_dialect = session.get_bind().dialect.name == "sqlite"
    columns = list(rows[0])
    return columns, [tuple(_driver_value(row[c], sqlite_dialect) for c in columns) for row in rows]


async def insert_postings(
    session: AsyncSession, guild_id: int, items: Sequence[Prepared], *, now: datetime
) -> list[int]:
    """Insert new postings (texts not yet in the guild) with one driver-level executemany, then read
    their ids back (one insert: RETURNING; SQLite: consecutive rowids; otherwise by text hash, unique in
    the guild and in the batch)."""
    if not items:
        return []
    columns, values = _driver_rows(session, [posting_row(guild_id, it, now) for it in items])
    if len(values) == 1:  # a single add: the id comes back with the insert
        return [await raw_insert_returning_id(session, POSTINGS, columns, values[0])]
    await raw_insert(session, POSTINGS, columns, values)
    if session.get_bind().dialect.name == "sqlite":
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


async def insert_children(
    session: AsyncSession,
    guild_id: int,
    rows: Sequence[tuple[int, Prepared]],
    skill_cache: dict[str, int],
    *,
    now: datetime,
    stage_bands: bool = False,
) -> dict[str, int]:
    """Pay ranges, skills, locations, LSH bands and fixes of newly inserted postings. Bulk imports
    stage their band keys (``store.bands``); single adds write them straight into ``posting_bands``."""
    with_days = [(pid, it.derived, day_number(it.added_at)) for pid, it in rows]
    learned = await write_derived_children(session, guild_id, with_days, skill_cache)
    # sorted: the index pages are then visited in order, once each (keys are random)
    bands = sorted({(guild_id, key, pid) for pid, it in rows for key in it.band_keys})
    target = POSTING_BANDS_STAGED if stage_bands else POSTING_BANDS
    await raw_insert(session, target, ("guild_id", "band_key", "posting_id"), bands)
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
        await session.execute(insert(POSTING_FIXES), fixes)
    return learned


async def write_derived_children(
    session: AsyncSession,
    guild_id: int,
    rows: Sequence[tuple[int, Derived, int]],
    skill_cache: dict[str, int],
) -> dict[str, int]:
    """Pay ranges, skill links and locations of postings (id, derived fields, day added), and their
    contribution to the skill summaries."""
    names = {key: name for _, d, _ in rows for key, name in d.skills}
    skill_ids, learned = await resolve_skills(session, names, skill_cache) if names else ({}, {})
    pay = [r for pid, d, _ in rows for r in d.pay_rows(pid)]
    if pay:
        await raw_insert(session, POSTING_PAY, *_driver_rows(session, pay))
    links = [(pid, skill_ids[key], i) for pid, d, _ in rows for i, (key, _) in enumerate(d.skills)]
    await raw_insert(session, POSTING_SKILLS, ("posting_id", "skill_id", "position"), links)
    places = [tuple(r.values()) for pid, d, _ in rows for r in d.location_rows(pid, guild_id)]
    await raw_insert(session, POSTING_LOCATIONS, LOCATION_COLUMNS, places)
    contributions = [
        summaries.Contribution(guild_id, d.columns["role_key"], day, tuple(skill_ids[k] for k, _ in d.skills))
        for _, d, day in rows
    ]
    await summaries.apply(session, contributions, +1)
    return learned


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
    learned: dict[str, int] = {}
    by_guild: dict[int, list[tuple[int, Derived, int]]] = {}
    for pid, d, _ in rows:
        by_guild.setdefault(guild_id_of[pid], []).append((pid, d, day_of[pid]))
    for guild_id, group in by_guild.items():
        learned.update(await write_derived_children(session, guild_id, group, skill_cache))
    return learned


async def delete_posting(session: AsyncSession, guild_id: int, posting_id: int) -> bool:
    row = (
        await session.execute(
            select(POSTINGS.c.raw_text).where(POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id)
        )
    ).first()
    if row is None:
        return False
    keys = dedup.band_keys(dedup.text_signature(row[0]))
    await summaries.apply(session, await summaries.current(session, [posting_id]), -1)
    for bands in (POSTING_BANDS, POSTING_BANDS_STAGED):
        await session.execute(
            delete(bands).where(
                bands.c.guild_id == guild_id,
                bands.c.band_key.in_(keys),
                bands.c.posting_id == posting_id,
            )
        )
    await session.execute(
        delete(POSTINGS).where(POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id)
    )
    return True
