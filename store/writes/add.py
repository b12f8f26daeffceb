"""Saving new postings: exact and near reposts found (text hash, MinHash bands), new rows inserted.

Every function here runs inside a caller's transaction (one ``AsyncSession``); the store commits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import insert, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Posting
from store.db.sqlutil import chunks, one_of
from store.db.tables import POSTING_BANDS, POSTING_BANDS_STAGED, POSTINGS, REPOSTS
from store.keys import RoleKeys
from store.results import PayChange
from store.writes import dedup
from store.writes.derive import Derived, Identity, Prepared
from store.writes.keyfilter import KeyFilter
from store.writes.rows import insert_children, insert_postings

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


async def _saved_targets(
    session: AsyncSession, guild_id: int, ids: list[int], roles: RoleKeys
) -> dict[int, _Target]:
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
                identity=Identity.of(Posting.model_validate_json(row[2]), roles),
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
    wanted_targets = {pid for pairs in close.values() for _, pid in pairs} | set(exact_targets)
    targets = await _saved_targets(session, guild_id, sorted(wanted_targets), roles)
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
