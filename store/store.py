"""The store: one object the commands and the bot hold. Every method is scoped to one guild (except
schema and reparse maintenance), every write is one transaction, and a method that returns has
committed. Failures raise :class:`~store.errors.StoreError` subclasses with short, user-safe messages.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from parsing import parse_posting
from parsing.models import SENIORITY_ORDER, Period, Posting
from store import bands, guilds, reads, stats, writes
from store.db.engine import (
    SQLITE_CACHE_MB,
    Sessions,
    WalCheckpointer,
    create_engine,
    is_sqlite,
    normalize_url,
)
from store.db.migrate import current_revision, head_revision, upgrade
from store.db.sqlutil import chunks
from store.db.tables import (
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    POSTING_FIXES,
    POSTING_LOCATIONS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTINGS,
    REPOSTS,
)
from store.derive import Prepared, derive, parse_fixes, prepare
from store.errors import (
    InvalidInput,
    NotFound,
    SchemaOutOfDate,
    StoreError,
    StoreUnavailable,
    StoreWriteError,
)
from store.keyfilter import KeyFilter
from store.pay import PayConfig
from store.reads import new_posting_view
from store.results import (
    FIX_FIELDS,
    AddResult,
    Comparison,
    DigestData,
    DigestRun,
    DigestStatus,
    ExportRow,
    FixField,
    GuildSettings,
    PayFix,
    PostingChoice,
    PostingPage,
    PostingView,
    ReparseReport,
    SalaryStats,
    SkillSummary,
    Source,
)
from store.roles import role_key

log = logging.getLogger(__name__)
T = TypeVar("T")
BULK_TABLES = (
    POSTINGS,
    POSTING_PAY,
    POSTING_SKILLS,
    POSTING_LOCATIONS,
    POSTING_BANDS,
    POSTING_BANDS_STAGED,
    REPOSTS,
)
WRITE_ATTEMPTS = 3


def utcnow() -> datetime:
    return datetime.now(UTC)


def _brief(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return text[:200]


class Store:
    """Open with :meth:`Store.open`; close with :meth:`close` (or ``async with``)."""

    def __init__(self, sessions: Sessions, pay: PayConfig, clock: Callable[[], datetime] = utcnow) -> None:
        self.sessions = sessions
        self.pay = pay
        self.clock = clock
        self._skills: dict[str, int] = {}
        self._checkpointer: WalCheckpointer | None = None

    # ------------------------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        pay: PayConfig | None = None,
        auto_upgrade: bool | None = None,
        echo: bool = False,
        clock: Callable[[], datetime] = utcnow,
        cache_mb: int = SQLITE_CACHE_MB,
        bulk: bool = False,
    ) -> Store:
        """Connect and check the schema. ``auto_upgrade`` None means: upgrade SQLite databases
        automatically, require ``jobscout db upgrade`` for PostgreSQL. ``cache_mb``: SQLite page cache
        per connection (bulk imports ask for more). ``bulk``: tuned for a long run of large writes (SQLite:
        WAL checkpoints in a background thread, see ``store.db.engine.create_engine``)."""
        parsed = normalize_url(url)
        engine = create_engine(parsed, echo=echo, cache_mb=cache_mb, bulk=bulk)
        store = cls(Sessions(engine), pay or PayConfig(), clock)
        try:
            if auto_upgrade is None:
                auto_upgrade = is_sqlite(engine)
            current = await current_revision(engine)
            head = head_revision()
            if current != head:
                if not auto_upgrade:
                    raise SchemaOutOfDate(
                        f"the database schema is at {current or 'nothing'}, this JobScout needs {head}: "
                        "run `jobscout db upgrade`"
                    )
                await upgrade(engine)
        except StoreError:
            await engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            await engine.dispose()
            raise StoreUnavailable(f"cannot open the database: {_brief(exc)}") from exc
        if bulk and is_sqlite(engine):
            store._checkpointer = WalCheckpointer(str(Path(parsed.database or "").expanduser()))
            store._checkpointer.start()
        return store

    async def close(self) -> None:
        await self.sessions.engine.dispose()
        if self._checkpointer is not None:
            await asyncio.to_thread(self._checkpointer.stop)
            self._checkpointer = None

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def dialect(self) -> str:
        return self.sessions.engine.dialect.name

    async def refresh_statistics(self) -> None:
        """After a bulk change on PostgreSQL: fresh planner statistics and visibility map (so
        index-only scans skip the heap). Autovacuum would get there too, later."""
        if self.dialect != "postgresql":
            return
        try:
            async with self.sessions.engine.connect() as conn:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await auto.execute(text("VACUUM (ANALYZE)"))
        except (SQLAlchemyError, OSError) as exc:
            log.warning("VACUUM (ANALYZE) failed: %s", _brief(exc))

    async def refresh_planner_statistics(self) -> None:
        """During a bulk import on PostgreSQL: ANALYZE the tables it writes (a sample, so cheap). With
        statistics from when a table was nearly empty, or none (autovacuum off), the planner may read a
        whole guild's index to find 500 text hashes: a lookup then grows with the table."""
        if self.dialect != "postgresql":
            return
        names = ", ".join(t.name for t in BULK_TABLES)
        try:
            async with self.sessions.engine.connect() as conn:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await auto.execute(text(f"ANALYZE {names}"))
        except (SQLAlchemyError, OSError) as exc:
            log.warning("ANALYZE failed: %s", _brief(exc))

    async def settle_wal(self) -> None:
        """Bulk SQLite stores: let the WAL start over (see ``store.db.engine.WalCheckpointer``)."""
        if self._checkpointer is not None:
            await asyncio.to_thread(self._checkpointer.restart)

    async def band_filter(self, guild_id: int, *, more: int = 0) -> KeyFilter:
        """A Bloom filter of the guild's band keys, sized for ``more`` keys to come (bulk imports)."""
        return await self._read(lambda s: bands.load_filter(s, guild_id, more))

    async def merge_staged_bands(self) -> int:
        """Move band keys staged by bulk imports into the main index (see ``store.bands``)."""
        return await self._write("merging band keys", bands.merge_staged)

    async def staged_band_keys(self) -> int:
        return await self._read(bands.staged_count)

    async def upgrade(self) -> str | None:
        return await upgrade(self.sessions.engine)

    # ------------------------------------------------------------------------------ transactions

    async def _write(self, what: str, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                async with self.sessions.write() as session:
                    result = await op(session)
                return result  # committed
            except IntegrityError as exc:
                # A concurrent writer won a race for a unique key; the retry finds its row.
                if attempt + 1 < WRITE_ATTEMPTS:
                    log.debug("retrying %s after a unique-key race: %s", what, _brief(exc))
                    continue
                raise StoreWriteError(f"{what} failed (conflicting write); nothing was saved") from exc
            except StoreError:
                raise
            except (SQLAlchemyError, OSError) as exc:
                raise StoreWriteError(f"{what} failed ({_brief(exc)}); nothing was saved") from exc
        raise AssertionError("unreachable")

    async def _read(self, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        try:
            async with self.sessions.read() as session:
                return await op(session)
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise StoreUnavailable(f"database error ({_brief(exc)})") from exc

    async def store_prepared(
        self,
        guild_id: int,
        items: Sequence[Prepared],
        *,
        interactive: bool,
        key_filter: KeyFilter | None = None,
    ) -> list[writes.Outcome]:
        """Store prepared postings of one guild in one transaction (the bulk import path)."""
        learned: dict[str, int] = {}

        async def op(session: AsyncSession) -> list[writes.Outcome]:
            learned.clear()
            outcomes, new = await writes.store_batch(
                session,
                guild_id,
                items,
                interactive=interactive,
                skill_cache=self._skills,
                now=self.clock(),
                key_filter=key_filter,
            )
            learned.update(new)
            return outcomes

        outcomes = await self._write("saving postings", op)
        self._skills.update(learned)
        return outcomes

    # ------------------------------------------------------------------------------------ postings

    async def add_posting(
        self,
        guild_id: int,
        text: str,
        posting: Posting,
        *,
        source: Source,
        user_id: int | None = None,
        channel_id: int | None = None,
        message_id: int | None = None,
        added_at: datetime | None = None,
    ) -> AddResult:
        """Save a pasted posting, or link it to the saved one it repeats (exactly or nearly).

        Returns only after commit. Raises StoreWriteError if nothing could be saved.
        """
        if not text.strip():
            raise InvalidInput("the posting is empty")
        item = await asyncio.to_thread(
            prepare,
            text,
            posting,
            self.pay,
            added_at=added_at or self.clock(),
            source=source,
            user_id=user_id,
            channel_id=channel_id,
            message_id=message_id,
        )
        (outcome,) = await self.store_prepared(guild_id, [item], interactive=True)
        # A new posting is shown as written (no read back); a repost shows the saved one it repeats.
        view = (
            new_posting_view(guild_id, outcome.posting_id, item, posting)
            if outcome.kind == "created"
            else await self.get_posting(guild_id, outcome.posting_id)
        )
        if view is None:  # removed in the instant after commit
            raise NotFound(f"posting #{outcome.posting_id} was removed meanwhile")
        return AddResult(
            posting_id=outcome.posting_id,
            created=outcome.kind == "created",
            repost_of=None if outcome.kind == "created" else outcome.posting_id,
            similarity=outcome.similarity,
            already_recorded=outcome.kind == "seen",
            pay_change=outcome.pay_change,
            posting=view,
        )

    async def get_posting(self, guild_id: int, posting_id: int) -> PostingView | None:
        async def op(session: AsyncSession) -> PostingView | None:
            return (await reads.load_views(session, guild_id, [posting_id])).get(posting_id)

        return await self._read(op)

    async def list_postings(
        self, guild_id: int, *, page: int = 0, page_size: int = 10, query: str | None = None
    ) -> PostingPage:
        page = max(0, page)
        page_size = max(1, min(page_size, 100))
        return await self._read(
            lambda s: reads.list_postings(s, guild_id, page=page, page_size=page_size, query=query)
        )

    async def remove_posting(self, guild_id: int, posting_id: int) -> bool:
        """Delete a posting with everything attached to it. False when there is no such posting."""
        return await self._write(
            "removing the posting", lambda s: writes.delete_posting(s, guild_id, posting_id)
        )

    async def apply_fix(
        self,
        guild_id: int,
        posting_id: int,
        field: FixField,
        value: str | PayFix | None,
        *,
        user_id: int | None = None,
    ) -> PostingView:
        """Correct one field; the fix wins over the parse and survives reparse. For ``pay``, None means
        "this posting states no pay"; :meth:`clear_fix` returns a field to what the parse says."""
        if field not in FIX_FIELDS:
            raise InvalidInput(f"cannot fix {field!r}: choose one of {', '.join(FIX_FIELDS)}")
        stored: Any
        if field == "pay":
            if value is not None and not isinstance(value, PayFix):
                raise InvalidInput("a pay fix needs an amount, a currency and a period")
            stored = value.model_dump() if isinstance(value, PayFix) else None
        else:
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput(f"the new {field} is empty")
            stored = value.strip()[:300]
            if field == "seniority" and stored not in SENIORITY_ORDER:
                raise InvalidInput(f"seniority must be one of: {', '.join(SENIORITY_ORDER)}")
        return await self._change_fixes(guild_id, posting_id, {field: stored}, set(), user_id)

    async def clear_fix(self, guild_id: int, posting_id: int, field: FixField) -> PostingView:
        return await self._change_fixes(guild_id, posting_id, {}, {field}, None)

    async def _change_fixes(
        self, guild_id: int, posting_id: int, put: dict[str, Any], drop: set[str], user_id: int | None
    ) -> PostingView:
        learned: dict[str, int] = {}

        async def op(session: AsyncSession) -> None:
            learned.clear()
            row = (
                await session.execute(
                    select(POSTINGS.c.parsed_json).where(
                        POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id
                    )
                )
            ).first()
            if row is None:
                raise NotFound(f"there is no posting #{posting_id} in this server")
            now = self.clock()
            for name in drop:
                await session.execute(
                    POSTING_FIXES.delete().where(
                        POSTING_FIXES.c.posting_id == posting_id, POSTING_FIXES.c.field == name
                    )
                )
            for name, value in put.items():
                await session.execute(
                    POSTING_FIXES.delete().where(
                        POSTING_FIXES.c.posting_id == posting_id, POSTING_FIXES.c.field == name
                    )
                )
                await session.execute(
                    POSTING_FIXES.insert(),
                    [
                        {
                            "posting_id": posting_id,
                            "field": name,
                            "value_json": json.dumps(value),
                            "user_id": user_id,
                            "fixed_at": now,
                        }
                    ],
                )
            fixes = await _load_fixes(session, posting_id)
            derived = derive(Posting.model_validate_json(row[0]), fixes, self.pay)
            new = await writes.rewrite_derived(
                session, {posting_id: guild_id}, [(posting_id, derived, None)], self._skills, now=now
            )
            learned.update(new)

        await self._write("saving the fix", op)
        self._skills.update(learned)
        view = await self.get_posting(guild_id, posting_id)
        if view is None:
            raise NotFound(f"there is no posting #{posting_id} in this server")
        return view

    async def posting_choices(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[PostingChoice]:
        limit = max(1, min(limit, 25))
        return await self._read(lambda s: reads.posting_choices(s, guild_id, prefix, limit))

    async def role_choices(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[str]:
        """Saved role keys starting with what was typed (or with its normalized form: "ML" finds
        "machine learning engineer")."""
        limit = max(1, min(limit, 25))
        typed = " ".join(prefix.casefold().split())
        prefixes = [typed]
        normalized = role_key(prefix) if typed else None
        if normalized and normalized != typed:
            prefixes.insert(0, normalized)
        return await self._read(lambda s: reads.role_choices(s, guild_id, prefixes, limit))

    async def export_rows(self, guild_id: int, *, batch: int = 500) -> AsyncIterator[ExportRow]:
        async for row in reads.export_rows(self.sessions.read, guild_id, batch):
            yield row

    # ------------------------------------------------------------------------------------- queries

    async def salary_stats(
        self,
        guild_id: int,
        role: str,
        location: str | None = None,
        seniority: str | None = None,
        currency: str | None = None,
        period: Period = "year",
    ) -> SalaryStats:
        return await self._read(
            lambda s: stats.salary_stats(
                s,
                guild_id,
                role,
                location=location,
                seniority=seniority,
                currency=currency,
                period=period,
                cfg=self.pay,
            )
        )

    async def compare(self, guild_id: int, ids: Sequence[int]) -> Comparison:
        return await self._read(lambda s: stats.compare(s, guild_id, list(ids)))

    async def skill_summary(
        self,
        guild_id: int,
        role: str | None = None,
        since: datetime | None = None,
        *,
        until: datetime | None = None,
        top: int = 15,
    ) -> SkillSummary:
        """Top skills of [since, until) (all time / up to now when None); see stats.skill_summary."""
        now = self.clock()
        return await self._read(
            lambda s: stats.skill_summary(s, guild_id, role=role, since=since, until=until, now=now, top=top)
        )

    async def digest_data(self, guild_id: int, period_start: datetime, period_end: datetime) -> DigestData:
        return await self._read(lambda s: stats.digest_data(s, guild_id, period_start, period_end))

    # ------------------------------------------------------------------------------ guild settings

    async def get_guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings (defaults when it never saved any)."""
        found = await self._read(lambda s: guilds.get_settings(s, guild_id))
        return found or GuildSettings(guild_id=guild_id)

    async def update_guild_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        try:
            return await self._write(
                "saving the settings", lambda s: guilds.update_settings(s, guild_id, changes, self.clock())
            )
        except ValueError as exc:
            raise InvalidInput(str(exc)) from exc

    async def list_guild_settings(self, *, enabled_only: bool = True) -> list[GuildSettings]:
        return await self._read(lambda s: guilds.all_settings(s, enabled_only=enabled_only))

    async def claim_digest_run(
        self, guild_id: int, period: str, *, max_attempts: int = 3, stale_after: timedelta | None = None
    ) -> bool:
        """True when this caller may send the digest of ``period`` (e.g. "2026-W47"); at most one
        caller gets True per attempt, across processes."""
        return await self._write(
            "claiming the digest",
            lambda s: guilds.claim_run(
                s, guild_id, period, self.clock(), max_attempts=max_attempts, stale_after=stale_after
            ),
        )

    async def mark_digest_run(
        self, guild_id: int, period: str, status: DigestStatus, *, error: str | None = None
    ) -> bool:
        return await self._write(
            "recording the digest",
            lambda s: guilds.mark_run(s, guild_id, period, status, self.clock(), error),
        )

    async def get_digest_run(self, guild_id: int, period: str) -> DigestRun | None:
        return await self._read(lambda s: guilds.get_run(s, guild_id, period))

    # -------------------------------------------------------------------------------------- reparse

    async def reparse(
        self,
        parse_many: Callable[[list[str]], Awaitable[list[Posting]]] | None = None,
        *,
        guild_id: int | None = None,
        batch_size: int = 500,
        progress: Callable[[ReparseReport], None] | None = None,
    ) -> ReparseReport:
        """Parse every saved text again (after a parser upgrade), batch by batch, keeping fixes.

        Each batch is one transaction: an interrupted reparse leaves every posting consistent and
        can simply be run again.
        """

        async def default_parse(texts: list[str]) -> list[Posting]:
            return await asyncio.to_thread(lambda: [parse_posting(t) for t in texts])

        parse_many = parse_many or default_parse
        report = ReparseReport()
        after = 0
        while True:

            async def fetch(session: AsyncSession, after: int = after) -> list[Any]:
                stmt = select(POSTINGS.c.id, POSTINGS.c.guild_id, POSTINGS.c.raw_text, POSTINGS.c.parsed_json)
                stmt = stmt.where(POSTINGS.c.id > after).order_by(POSTINGS.c.id).limit(batch_size)
                if guild_id is not None:
                    stmt = stmt.where(POSTINGS.c.guild_id == guild_id)
                return list((await session.execute(stmt)).all())

            rows = await self._read(fetch)
            if not rows:
                await self.refresh_statistics()
                return report
            parsed = await parse_many([r.raw_text for r in rows])
            new_json = [p.model_dump_json(exclude_defaults=True) for p in parsed]
            await self._reparse_batch(rows, parsed, new_json)
            await self.settle_wal()  # bulk SQLite stores: the WAL would otherwise only grow
            report.postings += len(rows)
            report.changed += sum(1 for r, pj in zip(rows, new_json, strict=True) if r.parsed_json != pj)
            if progress:
                progress(report)
            after = rows[-1].id

    async def _reparse_batch(self, rows: list[Any], parsed: list[Posting], new_json: list[str]) -> None:
        learned: dict[str, int] = {}

        async def op(session: AsyncSession) -> None:
            learned.clear()
            ids = [r.id for r in rows]
            alive: set[int] = set()
            for part in chunks(ids):
                found = await session.execute(select(POSTINGS.c.id).where(POSTINGS.c.id.in_(part)))
                alive.update(int(i) for i in found.scalars())
            fixes = await _load_fixes_many(session, list(alive))
            todo = [
                (r.id, derive(p, fixes.get(r.id, {}), self.pay), pj)
                for r, p, pj in zip(rows, parsed, new_json, strict=True)
                if r.id in alive
            ]
            guild_of = {r.id: r.guild_id for r in rows}
            learned.update(
                await writes.rewrite_derived(session, guild_of, todo, self._skills, now=self.clock())
            )

        await self._write("reparsing", op)
        self._skills.update(learned)


async def _load_fixes(session: AsyncSession, posting_id: int) -> dict[str, Any]:
    return (await _load_fixes_many(session, [posting_id])).get(posting_id, {})


async def _load_fixes_many(session: AsyncSession, ids: list[int]) -> dict[int, dict[str, Any]]:
    pairs: dict[int, list[tuple[str, str]]] = {}
    for part in chunks(ids):
        rows = await session.execute(
            select(POSTING_FIXES.c.posting_id, POSTING_FIXES.c.field, POSTING_FIXES.c.value_json).where(
                POSTING_FIXES.c.posting_id.in_(part)
            )
        )
        for pid, name, value in rows.tuples():
            pairs.setdefault(int(pid), []).append((name, value))
    return {pid: parse_fixes(p) for pid, p in pairs.items()}
