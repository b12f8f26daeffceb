"""Saving new postings: exact and near reposts found (text hash, MinHash bands), new rows inserted.

Every function here runs inside a caller's transaction (one ``AsyncSession``); the store commits.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Posting
from store.db.plain import (
    Insert,
    Row,
    Rows,
    fetch_then_insert,
    sqlite_fetch,
    sqlite_insert,
    sqlite_rows,
    write_rows,
)
from store.db.sqlutil import chunks, insert_sql, one_of
from store.db.tables import POSTING_BANDS, POSTING_BANDS_STAGED, POSTINGS, REPOSTS
from store.db.write_connection import Work
from store.keys import RoleKeys
from store.results import PayChange
from store.writes import dedup
from store.writes.derive import Derived, Identity, Prepared
from store.writes.keyfilter import KeyFilter
from store.writes.rows import driver_rows, insert_new, known_skills, new_posting, sqlite_skill_ids

MAX_CANDIDATES = 20  # saved postings checked per new text (those sharing the most bands)
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


def _target(row: Sequence[Any], roles: RoleKeys) -> _Target:
    """A saved posting as read by :data:`_TARGET_COLUMNS`."""
    return _Target(
        posting_id=int(row[0]),
        index=None,
        signature=bytes(row[1]),
        identity=Identity.of(Posting.model_validate_json(row[2]), roles),
        pay=_Pay(row[3], row[4], row[5], row[6], row[7], row[8]),
    )


_TARGET_COLUMNS = (
    "id", "minhash", "parsed_json",
    "pay_text", "pay_currency", "pay_period", "pay_min", "pay_max", "pay_year",
)  # fmt: skip


def _top_candidates(votes: Counter[int]) -> list[int]:
    """The saved postings sharing the most bands with a text, ties to the oldest."""
    ranked = sorted(votes.items(), key=lambda pair: (-pair[1], pair[0]))
    return [pid for pid, _ in ranked[:MAX_CANDIDATES]]


class _Reads:
    """What :func:`store_batch` reads of a guild's saved postings: a statement per question and chunk."""

    def __init__(self, session: AsyncSession, guild_id: int, roles: RoleKeys) -> None:
        self.session = session
        self.guild_id = guild_id
        self.roles = roles

    async def seen_messages(self, message_ids: list[int]) -> dict[int, int]:
        """Message id -> posting, for messages already saved as a posting or recorded as a repost."""
        found: dict[int, int] = {}
        for table, id_col in ((POSTINGS, POSTINGS.c.id), (REPOSTS, REPOSTS.c.posting_id)):
            rows = await self.session.execute(
                select(table.c.message_id, id_col).where(
                    table.c.guild_id == self.guild_id, table.c.message_id.in_(message_ids)
                )
            )
            for message_id, posting_id in rows.tuples():
                found.setdefault(int(message_id), int(posting_id))
        return found

    async def hashes(self, hashes: list[bytes], *, reposts: bool = False) -> dict[bytes, int]:
        """Text hash -> posting, for texts saved as postings (or, ``reposts``, recorded as reposts)."""
        table, id_col = (REPOSTS, REPOSTS.c.posting_id) if reposts else (POSTINGS, POSTINGS.c.id)
        found: dict[bytes, int] = {}
        for part in chunks(hashes):
            rows = await self.session.execute(
                select(table.c.text_hash, id_col).where(
                    table.c.guild_id == self.guild_id, one_of(self.session, table.c.text_hash, part)
                )
            )
            for digest, posting_id in rows.tuples():
                found.setdefault(bytes(digest), int(posting_id))
        return found

    async def near(
        self, band_keys: dict[int, list[int]], keys: list[int]
    ) -> tuple[dict[int, list[int]], dict[int, bytes]]:
        """For each text (index -> its band keys), the saved postings sharing most of ``keys`` with it,
        and their signatures."""
        hits = await self._band_hits(keys) if keys else {}
        wanted = {
            i: _top_candidates(Counter(pid for k in own for pid in hits.get(k, ())))
            for i, own in band_keys.items()
        }
        ids = sorted({pid for ids in wanted.values() for pid in ids})
        signatures: dict[int, bytes] = {}
        for part in chunks(ids):
            rows = await self.session.execute(
                select(POSTINGS.c.id, POSTINGS.c.minhash).where(
                    POSTINGS.c.guild_id == self.guild_id, POSTINGS.c.id.in_(part)
                )
            )
            signatures.update({int(pid): bytes(sig) for pid, sig in rows.tuples()})
        return wanted, signatures

    async def _band_hits(self, keys: list[int]) -> dict[int, list[int]]:
        hits: dict[int, list[int]] = {}
        for part in chunks(keys):
            merged, staged = POSTING_BANDS.c, POSTING_BANDS_STAGED.c
            stmt = union_all(
                select(merged.band_key, merged.posting_id).where(
                    merged.guild_id == self.guild_id, one_of(self.session, merged.band_key, part)
                ),
                select(staged.band_key, staged.posting_id).where(
                    staged.guild_id == self.guild_id, one_of(self.session, staged.band_key, part)
                ),
            )
            rows = await self.session.execute(stmt)
            for key, posting_id in rows.tuples():
                hits.setdefault(int(key), []).append(int(posting_id))
        return hits

    async def targets(self, ids: list[int]) -> dict[int, _Target]:
        """Saved postings in full (parse, pay), for the compatibility check and the pay comparison."""
        columns = [POSTINGS.c[name] for name in _TARGET_COLUMNS]
        targets: dict[int, _Target] = {}
        for part in chunks(ids):
            rows = await self.session.execute(
                select(*columns).where(POSTINGS.c.guild_id == self.guild_id, POSTINGS.c.id.in_(part))
            )
            for row in rows.tuples():
                targets[int(row[0])] = _target(row, self.roles)
        return targets


_HIT, _NEAR, _MESSAGE, _MESSAGE_REPOST = range(4)


def _one_paste_sql(message: bool, keys: int) -> str:
    """Everything an interactive add reads, in one statement: the posting with the same text, the
    saved postings sharing most bands with it (both band tables) with their signatures, and (when it
    came as a message) whether that message is already saved. Each row: (kind, votes, target columns)."""
    target = ", ".join(f"p.{c}" for c in _TARGET_COLUMNS)
    marks = ", ".join("?" for _ in range(keys))
    bands = " UNION ALL ".join(
        f"SELECT posting_id FROM {table.name} WHERE guild_id = ? AND band_key IN ({marks})"
        for table in (POSTING_BANDS, POSTING_BANDS_STAGED)
    )
    parts = [
        f"SELECT {_HIT} AS kind, 0 AS votes, {target} FROM postings p "
        "WHERE p.guild_id = ? AND p.text_hash = ?",
        f"SELECT {_NEAR}, c.votes, {target} FROM ("
        f"SELECT posting_id, count(*) AS votes FROM ({bands}) AS b "
        f"GROUP BY posting_id ORDER BY votes DESC, posting_id LIMIT {MAX_CANDIDATES}"
        ") AS c JOIN postings p ON p.id = c.posting_id AND p.guild_id = ?",
    ]
    if message:
        parts += [
            f"SELECT {_MESSAGE}, 0, {target} FROM postings p WHERE p.guild_id = ? AND p.message_id = ?",
            f"SELECT {_MESSAGE_REPOST}, 0, {target} FROM reposts r JOIN postings p ON p.id = r.posting_id "
            "WHERE r.guild_id = ? AND r.message_id = ?",
        ]
    return " UNION ALL ".join(parts)


def _one_paste_query(guild_id: int, item: Prepared) -> tuple[str, Row]:
    keys = list(item.band_keys)
    params: list[Any] = [guild_id, item.text_hash, guild_id, *keys, guild_id, *keys, guild_id]
    if item.message_id is not None:
        params += [guild_id, item.message_id, guild_id, item.message_id]
    return _one_paste_sql(item.message_id is not None, len(keys)), tuple(params)


def _repeats_nothing(item: Prepared, rows: list[Row]) -> bool:
    """Whether the rows of :func:`_one_paste_sql` show a paste is new: no posting with its text, no
    saved message, no candidate similar enough to be weighed as a near repeat."""
    return all(
        row[0] == _NEAR and dedup.similarity(item.signature, bytes(row[3])) < dedup.REPOST_THRESHOLD
        for row in rows
    )


async def _read_one_paste(
    session: AsyncSession, guild_id: int, item: Prepared, skill_cache: dict[str, int], now: datetime
) -> tuple[list[Row], int | None]:
    """The reads of an interactive add; a paste they show to be new (the usual case) is inserted in the
    same trip when its skills are all known. Returns the rows read and the new posting's id, if any."""
    skill_ids = known_skills(item, skill_cache)
    sqlite_dialect = session.get_bind().dialect.name == "sqlite"

    def plan(rows: list[Row]) -> Insert | None:
        if skill_ids is None or not _repeats_nothing(item, rows):
            return None
        return new_posting(guild_id, item, skill_ids, now=now, sqlite_dialect=sqlite_dialect)

    sql, params = _one_paste_query(guild_id, item)
    return await fetch_then_insert(session, sql, params, plan)


def _exact_repost(guild_id: int, item: Prepared, rows: list[Row]) -> tuple[Outcome, Rows] | None:
    """From the rows of :func:`_one_paste_sql`: the outcome and the row of a paste that repeats a saved
    posting's text exactly and states the same pay (most reposts), as :func:`store_batch` would write
    it; None when the paste needs more (a message already saved, new pay to adopt, no posting with its
    text)."""
    hits = [row for row in rows if row[0] != _NEAR]
    if len(hits) != 1 or hits[0][0] != _HIT:
        return None
    saved = _Pay(*hits[0][5:11])  # the target columns after (kind, votes, id, minhash, parsed_json)
    if pay_change(saved, _pay_of(item.derived)) is not None:
        return None
    posting_id = int(hits[0][2])
    row = _repost_row(guild_id, item, posting_id, 1.0, saved, None)
    columns, values = driver_rows(True, [row])
    return Outcome("repost", posting_id, 1.0, None), Rows(insert_sql("qmark", REPOSTS, columns), values)


def insert_if_new(
    guild_id: int, item: Prepared, known: dict[str, int], now: datetime
) -> Work[tuple[Outcome, dict[str, int]] | None]:
    """An interactive SQLite add as the work of a transaction of its own (see
    :class:`~store.db.write_connection.WriteConnection`): the reads of :func:`_one_paste_sql`, then,
    when they show the paste is new, its skills (``known``: ids already known) and rows, or when it
    repeats a saved posting exactly with the same pay, the repost's row. Its result is the outcome and
    the skill ids it looked up or created; None (nothing kept) when the paste needs more (a near
    repeat to weigh, a message already saved, new pay), which :func:`store_batch` then decides."""
    sql, params = _one_paste_query(guild_id, item)

    def work(conn: sqlite3.Connection) -> tuple[bool, tuple[Outcome, dict[str, int]] | None]:
        rows = sqlite_fetch(conn, sql, params)
        if not _repeats_nothing(item, rows):
            repost = _exact_repost(guild_id, item, rows)
            if repost is None:
                return False, None
            outcome, statement = repost
            sqlite_rows(conn, [statement])
            return True, (outcome, {})
        skill_ids, learned = sqlite_skill_ids(conn, dict(item.derived.skills), known)
        new = new_posting(guild_id, item, skill_ids, now=now, sqlite_dialect=True)
        return True, (Outcome("created", sqlite_insert(conn, new)), learned)

    return work


class PrepareThenInsert:
    """An interactive SQLite add made whole in one trip to the write connection's thread: the paste is
    prepared there (hashes, MinHash, derived columns: ``prepare_it``) before the transaction begins
    (:meth:`prepare`, the ``before`` of :meth:`~store.db.write_connection.WriteConnection.transaction`),
    then written by the work of :func:`insert_if_new` (:meth:`work`). ``skills``: the store's skill
    ids, read on that thread (ids only ever join it, once committed)."""

    def __init__(
        self, prepare_it: Callable[[], Prepared], guild_id: int, skills: Mapping[str, int], now: datetime
    ) -> None:
        self._prepare_it = prepare_it
        self._guild_id = guild_id
        self._skills = skills
        self._now = now
        self.item: Prepared | None = None  # once prepared (a retried transaction prepares once)

    def prepare(self) -> None:
        if self.item is None:
            self.item = self._prepare_it()

    def work(self, conn: sqlite3.Connection) -> tuple[bool, tuple[Outcome, dict[str, int]] | None]:
        item = self.item
        assert item is not None  # prepare() ran first
        skills = self._skills
        known = {key: skills[key] for key, _ in item.derived.skills if key in skills}
        return insert_if_new(self._guild_id, item, known, self._now)(conn)


class _OnePaste(_Reads):
    """The reads of one interactive add, answered from a single statement made up front."""

    def __init__(self, session: AsyncSession, guild_id: int, roles: RoleKeys, rows: list[Row]) -> None:
        super().__init__(session, guild_id, roles)
        self.rows = sorted(rows, key=lambda row: row[0])  # a message saved as a posting counts first

    def _ids(self, kinds: tuple[int, ...]) -> list[int]:
        return [int(row[2]) for row in self.rows if row[0] in kinds]

    async def seen_messages(self, message_ids: list[int]) -> dict[int, int]:
        ids = self._ids((_MESSAGE, _MESSAGE_REPOST))
        return {message_ids[0]: ids[0]} if ids else {}

    async def hashes(self, hashes: list[bytes], *, reposts: bool = False) -> dict[bytes, int]:
        assert not reposts  # an interactive add links every repeat
        ids = self._ids((_HIT,))
        return {hashes[0]: ids[0]} if ids and hashes else {}

    async def near(
        self, band_keys: dict[int, list[int]], keys: list[int]
    ) -> tuple[dict[int, list[int]], dict[int, bytes]]:
        near = [row for row in self.rows if row[0] == _NEAR]
        near.sort(key=lambda row: (-int(row[1]), int(row[2])))
        wanted = {i: [int(row[2]) for row in near] for i in band_keys}
        return wanted, {int(row[2]): bytes(row[3]) for row in near}

    async def targets(self, ids: list[int]) -> dict[int, _Target]:
        wanted = set(ids)
        found: dict[int, _Target] = {}
        for row in self.rows:
            pid = int(row[2])
            if pid in wanted and pid not in found:
                found[pid] = _target(row[2:], self.roles)
        return found


def _repost_row(
    guild_id: int, item: Prepared, posting_id: int, sim: float, saved: _Pay, change: PayChange | None
) -> dict[str, Any]:
    """The reposts row of a paste that repeats ``posting_id`` (whose pay is ``saved``)."""
    new_pay = _pay_of(item.derived)
    return {
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
        "old_pay_text": saved.text,
        "old_pay_currency": saved.currency,
        "old_pay_year": saved.year,
        "new_pay_text": new_pay.text,
        "new_pay_currency": new_pay.currency,
        "new_pay_year": new_pay.year,
    }


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
    roles: RoleKeys,
    key_filter: KeyFilter | None = None,
) -> tuple[list[Outcome], dict[str, int]]:
    """Store new texts of one guild. Interactive adds link every repeat as a repost; bulk imports skip
    texts already stored (as a posting or a recorded repost) so importing twice adds nothing.
    ``key_filter`` (bulk imports): the guild's band keys; only keys it may hold are looked up, and the
    keys of the postings created here are added to it.

    Returns one outcome per item and the skill ids created in this transaction.
    """
    outcomes: list[Outcome | None] = [None] * len(items)
    reads = _Reads(session, guild_id, roles)
    if interactive and len(items) == 1 and key_filter is None:
        rows, new_id = await _read_one_paste(session, guild_id, items[0], skill_cache, now)
        if new_id is not None:
            return [Outcome("created", new_id)], {}
        reads = _OnePaste(session, guild_id, roles, rows)
    if interactive:
        message_ids = [it.message_id for it in items if it.message_id is not None]
        if message_ids:
            seen = await reads.seen_messages(message_ids)
            for i, it in enumerate(items):
                if it.message_id is not None and it.message_id in seen:
                    outcomes[i] = Outcome("seen", seen[it.message_id])

    hashes = list({it.text_hash for i, it in enumerate(items) if outcomes[i] is None})
    saved = await reads.hashes(hashes)
    known_reposts = {} if interactive else await reads.hashes(hashes, reposts=True)
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
    # Candidates are confirmed by the similarity of stored signatures; only the few that pass are read
    # in full (parse, pay) for the compatibility check and the pay comparison.
    keys = list({k for i in fresh for k in items[i].band_keys})
    if key_filter is not None:
        keys = [k for k, maybe in zip(keys, key_filter.may_contain(keys), strict=True) if maybe]
    wanted, signatures = await reads.near({i: items[i].band_keys for i in fresh}, keys)
    close: dict[int, list[tuple[float, int]]] = {}
    for i in fresh:
        for pid in wanted[i]:
            if pid in signatures:
                sim = dedup.similarity(items[i].signature, signatures[pid])
                if sim >= dedup.REPOST_THRESHOLD:
                    close.setdefault(i, []).append((sim, pid))
    wanted_targets = {pid for pairs in close.values() for _, pid in pairs} | set(exact_targets)
    targets = await reads.targets(sorted(wanted_targets))
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
    created, learned = await insert_new(
        session, guild_id, [items[i] for i in to_create], skill_cache, now=now, stage_bands=not interactive
    )
    created_id = dict(zip(to_create, created, strict=True))
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
        repost_rows.append(_repost_row(guild_id, item, posting_id, sim, target.pay, change))
    if repost_rows:
        columns, values = driver_rows(session.get_bind().dialect.name == "sqlite", repost_rows)
        await write_rows(session, [Rows(insert_sql("qmark", REPOSTS, columns), values)])
    final = [o for o in outcomes if o is not None]
    assert len(final) == len(items)
    return final, learned
