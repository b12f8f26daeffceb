"""The store: one object the commands and the bot hold. It owns the engine and the transactions;
each public method is a thin entry that hands its session to the module answering it
(``store.queries.*`` for reads, ``store.writes.*`` for writes).

Every method is scoped to one guild (except schema and reparse maintenance), every write is one
transaction, and a method that returns has committed. Failures raise
:class:`~store.errors.StoreError` subclasses with short, user-safe messages.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence, Set
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Period, Posting
from store.db.engine import (
    DRIVER_ERRORS,
    QUERY_DEADLINE_S,
    SQLITE_CACHE_MB,
    Sessions,
    WalCheckpointer,
    analyze,
    brief,
    create_engine,
    is_sqlite,
    normalize_url,
    sqlite_pragmas,
    vacuum_analyze,
)
from store.db.migrate import current_revision, head_revision, upgrade
from store.db.plain import Rows, watched, write_rows
from store.db.tables import BULK_WRITTEN
from store.db.write_connection import WriteConnection, writing
from store.errors import (
    InvalidInput,
    NotFound,
    SchemaOutOfDate,
    StoreError,
    StoreUnavailable,
    StoreWriteError,
)
from store.keys import PlaceHierarchy, RoleKeys, RoleNormalizer
from store.pay import PayConfig
from store.queries import compare, digest, export, guilds, postings, roles, salary, skills
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
from store.role_cache import ALL, RoleCounts, Ticket
from store.writes import add, bands, fixes, remove, reparse, rows, welcome
from store.writes import guilds as guild_writes
from store.writes.derive import Prepared, prepare
from store.writes.keyfilter import KeyFilter

log = logging.getLogger(__name__)
T = TypeVar("T")
OPEN_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, OSError, *DRIVER_ERRORS)
SkillIds = dict[str, int]  # skill key -> id, as the skills table holds them
WRITE_ATTEMPTS = 3
ABANDONED_GRACE_S = 5.0


def utcnow() -> datetime:
    return datetime.now(UTC)


def _consume_outcome(task: asyncio.Future[Any]) -> None:
    """An abandoned call's outcome, read so that asyncio does not log it as never retrieved."""
    if not task.cancelled() and task.exception() is not None:
        log.debug("abandoned database call ended with %s", brief(task.exception() or Exception()))


class Store:
    """Open with :meth:`Store.open`; close with :meth:`close` (or ``async with``)."""

    def __init__(
        self,
        sessions: Sessions,
        pay: PayConfig,
        roles: RoleKeys,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.sessions = sessions
        self.pay = pay
        self.clock = clock
        self.roles = roles
        self._skills: SkillIds = {}
        self._checkpointer: WalCheckpointer | None = None
        # Seconds a call may wait on the database before StoreUnavailable (None: as long as it takes).
        self.deadline: float | None = QUERY_DEADLINE_S
        self._abandoned: set[asyncio.Future[Any]] = set()  # calls given up on, still winding down
        # SQLite has one writer at a time: this process's writes queue here, outside the deadline, so
        # a burst of pastes waits its turn instead of timing out on the database lock.
        self._sqlite_writes = asyncio.Lock() if is_sqlite(sessions.engine) else None
        # SQLite: a new paste is written in one trip of a connection of its own (see add_posting).
        self._write_connection: WriteConnection | None = None
        self._role_counts = RoleCounts()
        self._role_reads: dict[int, tuple[Ticket, asyncio.Future[dict[str, int]]]] = {}  # under way

    # ------------------------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        normalize_role: RoleNormalizer,
        place_hierarchy: PlaceHierarchy | None = None,
        pay: PayConfig | None = None,
        auto_upgrade: bool | None = None,
        echo: bool = False,
        clock: Callable[[], datetime] = utcnow,
        cache_mb: int = SQLITE_CACHE_MB,
        bulk: bool = False,
        deadline: float | None = QUERY_DEADLINE_S,
    ) -> Store:
        """Connect and check the schema. ``normalize_role``: the role of a title or a role query
        (every caller passes ``parsing.role.normalize_role``: the store never runs the parser itself,
        and a role key is never the bare text). ``place_hierarchy``: the names a place is found under
        (the bot passes ``parsing.place_hierarchy.place_hierarchy``). ``auto_upgrade`` None means:
        upgrade SQLite databases automatically, require ``jobscout db upgrade`` for PostgreSQL.
        ``cache_mb``: SQLite page cache per connection (bulk imports ask for more). ``bulk``: tuned
        for a long run of large writes (SQLite: WAL checkpoints in a background thread, see
        ``store.db.engine.create_engine``; and no deadline). ``deadline``: seconds each call may wait
        on the database before it raises StoreUnavailable."""
        parsed = normalize_url(url)
        engine = create_engine(parsed, echo=echo, cache_mb=cache_mb, bulk=bulk)
        store = cls(Sessions(engine), pay or PayConfig(), RoleKeys(normalize_role, place_hierarchy), clock)
        store.deadline = None if bulk else deadline
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
        except OPEN_ERRORS as exc:
            await engine.dispose()
            raise StoreUnavailable(f"cannot open the database: {brief(exc)}") from exc
        if is_sqlite(engine):
            database = str(Path(parsed.database or "").expanduser())
            if bulk:
                store._checkpointer = WalCheckpointer(database)
                store._checkpointer.start()
            else:
                store._write_connection = WriteConnection(database, sqlite_pragmas(cache_mb))
        return store

    async def close(self) -> None:
        winding_down = set(self._abandoned) | {task for _, task in self._role_reads.values()}
        if winding_down:  # let calls given up on end first (briefly: the database may be gone)
            await asyncio.wait(winding_down, timeout=ABANDONED_GRACE_S)
        if self._write_connection is not None:
            await self._write_connection.close()
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

    async def upgrade(self) -> str | None:
        return await upgrade(self.sessions.engine)

    async def refresh_statistics(self) -> None:
        """After a bulk change on PostgreSQL (see ``store.db.engine.vacuum_analyze``)."""
        if self.dialect == "postgresql":
            await vacuum_analyze(self.sessions.engine)

    async def refresh_planner_statistics(self) -> None:
        """During a bulk import on PostgreSQL (see ``store.db.engine.analyze``)."""
        if self.dialect == "postgresql":
            await analyze(self.sessions.engine, BULK_WRITTEN)

    async def settle_wal(self) -> None:
        """Bulk SQLite stores: let the WAL start over (see ``store.db.engine.WalCheckpointer``)."""
        if self._checkpointer is not None:
            await asyncio.to_thread(self._checkpointer.restart)

    # ------------------------------------------------------------------------------ transactions

    async def _within_deadline(self, work: Callable[[], Awaitable[T]], what: str) -> T:
        """``work()`` within the deadline. A database that does not answer (frozen, partitioned) must
        not hold the caller: past the deadline the call is abandoned to finish or fail on its own, so
        even a rollback stuck on a dead connection cannot delay the answer."""
        if self.deadline is None:
            return await work()
        task = asyncio.ensure_future(work())
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.deadline)
        except TimeoutError:
            task.cancel()
            task.add_done_callback(_consume_outcome)
            self._abandoned.add(task)
            task.add_done_callback(self._abandoned.discard)
            log.warning("%s: no answer from the database within %g s", what, self.deadline)
            raise StoreUnavailable(
                f"{what}: the database did not answer within {self.deadline:g} s"
            ) from None
        except asyncio.CancelledError:
            # The caller gave up (an autocomplete past Discord's limit, a closing bot); the call itself
            # runs to its end: cancelled half-way, a pooled connection can be left to a close that
            # never completes, and the event loop then cannot shut down.
            task.add_done_callback(_consume_outcome)
            self._abandoned.add(task)
            task.add_done_callback(self._abandoned.discard)
            raise

    async def _write(self, what: str, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        async def once() -> T:
            async with self.sessions.write() as session:
                return await op(session)

        return await self._committed(what, once)

    async def _committed(self, what: str, once: Callable[[], Awaitable[T]]) -> T:
        """``once()``, a whole transaction that commits before it returns, in the queue of this
        process's SQLite writes and within the deadline; retried after a unique-key race."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                if self._sqlite_writes is None:
                    return await self._within_deadline(once, what)  # committed
                async with self._sqlite_writes:
                    return await self._within_deadline(once, what)  # committed
            except IntegrityError as exc:
                # A concurrent writer won a race for a unique key; the retry finds its row.
                if attempt + 1 < WRITE_ATTEMPTS:
                    log.debug("retrying %s after a unique-key race: %s", what, brief(exc))
                    continue
                raise StoreWriteError(f"{what} failed (conflicting write); nothing was saved") from exc
            except StoreError:
                raise
            except (SQLAlchemyError, OSError) as exc:
                raise StoreWriteError(f"{what} failed ({brief(exc)}); nothing was saved") from exc
        raise AssertionError("unreachable")

    async def _write_learning(
        self, what: str, op: Callable[[AsyncSession, SkillIds], Awaitable[tuple[T, SkillIds]]]
    ) -> T:
        """A write that may create skills: their ids join the cache only once it committed."""
        result, learned = await self._write(what, lambda session: op(session, self._skills))
        self._skills.update(learned)
        return result

    async def _read(self, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        async def once() -> T:
            async with self.sessions.read() as session:
                return await op(session)

        try:
            return await self._within_deadline(once, "reading")
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise StoreUnavailable(f"database error ({brief(exc)})") from exc

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
        prepare_it = functools.partial(
            prepare,
            text,
            posting,
            self.pay,
            self.roles,
            added_at=added_at or self.clock(),
            source=source,
            user_id=user_id,
            channel_id=channel_id,
            message_id=message_id,
        )
        self._role_counts.adding(guild_id)
        try:
            item, outcome = await self._add_new_in_one_trip(guild_id, prepare_it)
            if outcome is None:  # a near repeat to weigh, a saved message, new pay: the full way
                (outcome,) = await self.store_prepared(guild_id, [item], interactive=True)
        except BaseException:
            self._role_counts.add_failed(guild_id)  # a call given up on may still commit
            raise
        created = outcome.kind == "created"
        if created:
            self._role_counts.added(guild_id, outcome.posting_id, item.derived.columns["role_key"])
        else:
            self._role_counts.added(guild_id, None, None)
        # A new posting is shown as written (no read back); a repost shows the saved one it repeats.
        view = (
            postings.new_posting_view(guild_id, outcome.posting_id, item, posting)
            if created
            else await self.get_posting(guild_id, outcome.posting_id)
        )
        if view is None:  # removed in the instant after commit
            raise NotFound(f"posting #{outcome.posting_id} was removed meanwhile")
        return AddResult(
            posting_id=outcome.posting_id,
            created=created,
            repost_of=None if created else outcome.posting_id,
            similarity=outcome.similarity,
            already_recorded=outcome.kind == "seen",
            pay_change=outcome.pay_change,
            posting=view,
        )

    def _one_trip_writes(self) -> WriteConnection | None:
        """SQLite's own write connection, unless something watches the engine's statements (which must
        then all go through SQLAlchemy)."""
        if self._write_connection is None or watched(self.sessions.engine.sync_engine):
            return None
        return self._write_connection

    async def _write_rows(self, what: str, statements: list[Rows]) -> None:
        """Statements known up front as one transaction; on SQLite in one trip, without the session."""
        connection = self._one_trip_writes()
        if connection is None:
            await self._write(what, lambda session: write_rows(session, statements))
            return
        await self._committed(what, lambda: connection.transaction(writing(statements)))

    async def _add_new_in_one_trip(
        self, guild_id: int, prepare_it: Callable[[], Prepared]
    ) -> tuple[Prepared, add.Outcome | None]:
        """The paste prepared and, on SQLite, when it repeats nothing (most pastes) or repeats a saved
        text with the same pay (most reposts), read and written in one transaction of
        :class:`WriteConnection`, without SQLAlchemy's session: one trip to the connection's thread,
        which prepares it first. The outcome is None when it needs more (nothing was kept: a near
        repeat to weigh, a message already saved, new pay) or on another engine: the caller then
        takes the full way."""
        connection = self._one_trip_writes()
        if connection is None:
            return await asyncio.to_thread(prepare_it), None
        # the work reads the skill cache on the connection's thread: ids only ever join it, committed
        adding = add.PrepareThenInsert(prepare_it, guild_id, self._skills, self.clock())
        saved = await self._committed(
            "saving postings", lambda: connection.transaction(adding.work, adding.prepare)
        )
        assert adding.item is not None  # prepared before the transaction began
        if saved is None:
            return adding.item, None
        outcome, learned = saved
        self._skills.update(learned)  # committed
        return adding.item, outcome

    async def store_prepared(
        self,
        guild_id: int,
        items: Sequence[Prepared],
        *,
        interactive: bool,
        key_filter: KeyFilter | None = None,
    ) -> list[add.Outcome]:
        """Store prepared postings of one guild in one transaction (the bulk import path). A repost
        stating new pay updates the saved posting's pay in the same transaction."""

        async def store(session: AsyncSession, cache: SkillIds) -> tuple[list[add.Outcome], SkillIds]:
            now = self.clock()
            outcomes, learned = await add.store_batch(
                session,
                guild_id,
                items,
                interactive=interactive,
                skill_cache=cache,
                now=now,
                roles=self.roles,
                key_filter=key_filter,
            )
            changed = [
                (o.posting_id, Posting.model_validate_json(item.parsed_json))
                for o, item in zip(outcomes, items, strict=True)
                if o.kind == "repost" and o.pay_change is not None
            ]
            if changed:
                learned |= await fixes.adopt_repost_pay(
                    session, guild_id, changed, now=now, cfg=self.pay, roles=self.roles,
                    skill_cache={**cache, **learned},
                )  # fmt: skip
            return outcomes, learned

        if interactive:  # add_posting keeps the role counts in step
            return await self._write_learning("saving postings", store)
        with self._role_counts.changing(guild_id):
            return await self._write_learning("saving postings", store)

    async def get_posting(self, guild_id: int, posting_id: int) -> PostingView | None:
        return await self._read(lambda s: postings.load_view(s, guild_id, posting_id))

    async def list_postings(
        self, guild_id: int, *, page: int = 0, page_size: int = 10, query: str | None = None
    ) -> PostingPage:
        return await self._read(
            lambda s: postings.list_postings(s, guild_id, page=page, page_size=page_size, query=query)
        )

    async def remove_posting(self, guild_id: int, posting_id: int) -> bool:
        """Delete a posting with everything attached to it. False when there is no such posting."""
        with self._role_counts.changing(guild_id):
            return await self._write(
                "removing the posting", lambda s: remove.delete_posting(s, guild_id, posting_id)
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
        stored = fixes.stored_value(field, value)
        return await self._change_fixes(guild_id, posting_id, {field: stored}, set(), user_id)

    async def clear_fix(self, guild_id: int, posting_id: int, field: FixField) -> PostingView:
        return await self._change_fixes(guild_id, posting_id, {}, {field}, None)

    async def change_fixes(
        self,
        guild_id: int,
        posting_id: int,
        put: Mapping[FixField, fixes.FixValue],
        reset: Set[FixField] = frozenset(),
        *,
        user_id: int | None = None,
    ) -> PostingView:
        """Correct several fields at once (``put``; None clears a field) and return others to what the
        parse says (``reset``): every value is checked first (InvalidInput), then one transaction."""
        stored = fixes.stored_values(put)
        unknown = set(reset) - set(FIX_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot fix {', '.join(sorted(unknown))}")
        dropped = {str(name) for name in reset} - set(stored)
        return await self._change_fixes(guild_id, posting_id, stored, dropped, user_id)

    async def claim_welcome(self, guild_id: int) -> bool:
        """True the first time it is asked for a server (send the introduction then), False after."""
        return await self._write(
            "recording the welcome", lambda s: welcome.claim_welcome(s, guild_id, self.clock())
        )

    async def record_card(self, guild_id: int, posting_id: int, channel_id: int, message_id: int) -> None:
        """Where the bot's card for a posting is (so removing the posting can update it)."""
        await self._write_rows(
            "recording the card", [rows.card_location(guild_id, posting_id, channel_id, message_id)]
        )

    async def _change_fixes(
        self, guild_id: int, posting_id: int, put: dict[str, Any], drop: set[str], user_id: int | None
    ) -> PostingView:
        with self._role_counts.changing(guild_id):  # a fix of the title changes the role
            await self._write_learning(
                "saving the fix",
                lambda session, cache: fixes.change_fixes(
                    session,
                    guild_id,
                    posting_id,
                    put,
                    drop,
                    user_id=user_id,
                    now=self.clock(),
                    cfg=self.pay,
                    roles=self.roles,
                    skill_cache=cache,
                ),
            )
        view = await self.get_posting(guild_id, posting_id)
        if view is None:
            raise NotFound(f"there is no posting #{posting_id} in this server")
        return view

    async def posting_choices(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[PostingChoice]:
        return await self._read(lambda s: postings.posting_choices(s, guild_id, prefix, limit))

    async def role_choices(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[str]:
        """Saved role keys starting with what was typed (or with its role key: "ML" finds
        "machine learning engineer")."""
        return await self._read(lambda s: postings.role_choices(s, guild_id, prefix, limit, self.roles))

    async def role_counts(self, guild_id: int) -> dict[str, int]:
        """Every saved role key of the guild with its number of postings (for role matching); kept
        between calls (see ``store.role_cache``)."""
        counts = self._role_counts.get(guild_id)
        if counts is not None:
            return counts
        # One read at a time per server: the callers of a burst, all finding no counts kept, share it
        # (unless it is over, or a write other than an add began or ended since it started).
        shared = self._role_reads.get(guild_id)
        if shared is None or shared[1].done() or not self._role_counts.current(shared[0]):
            ticket = self._role_counts.reading(guild_id)
            task = asyncio.ensure_future(self._read_role_counts(ticket))
            task.add_done_callback(_consume_outcome)
            shared = self._role_reads[guild_id] = (ticket, task)
            task.add_done_callback(lambda _: self._forget_role_read(guild_id, task))
        return dict(await asyncio.shield(shared[1]))

    async def _read_role_counts(self, ticket: Ticket) -> dict[str, int]:
        try:
            counts, watermark = await self._read(lambda s: roles.role_counts_as_of(s, ticket.guild_id))
            return self._role_counts.put(ticket, counts, watermark)
        finally:
            self._role_counts.done(ticket)

    def _forget_role_read(self, guild_id: int, task: asyncio.Future[dict[str, int]]) -> None:
        shared = self._role_reads.get(guild_id)
        if shared is not None and shared[1] is task:
            del self._role_reads[guild_id]

    async def export_rows(self, guild_id: int, *, batch: int = 500) -> AsyncIterator[ExportRow]:
        async for row in export.export_rows(self.sessions.read, guild_id, batch):
            yield row

    # ------------------------------------------------------------------------------------- queries

    async def salary_stats(
        self,
        guild_id: int,
        role: str,
        location: str | None = None,
        seniority: str | None = None,
        currency: str | None = None,
        period: Period | None = "year",
        *,
        convert_to: str | None = None,
    ) -> SalaryStats:
        """See ``queries.salary.salary_stats``: ``currency`` filters on the stated currency,
        ``convert_to`` converts at the configured rates, ``period`` None keeps day and hour rates apart."""
        return await self._read(
            lambda s: salary.salary_stats(
                s,
                guild_id,
                role,
                location=location,
                seniority=seniority,
                currency=currency,
                period=period,
                cfg=self.pay,
                roles=self.roles,
                convert_to=convert_to,
            )
        )

    async def compare(self, guild_id: int, ids: Sequence[int]) -> Comparison:
        return await self._read(lambda s: compare.compare(s, guild_id, list(ids)))

    async def skill_summary(
        self,
        guild_id: int,
        role: str | None = None,
        since: datetime | None = None,
        *,
        until: datetime | None = None,
        top: int = 15,
    ) -> SkillSummary:
        """Top skills of [since, until) (all time / up to now when None); see queries.skills."""
        now = self.clock()
        return await self._read(
            lambda s: skills.skill_summary(
                s, guild_id, role=role, since=since, until=until, now=now, top=top, roles=self.roles
            )
        )

    async def digest_data(self, guild_id: int, period_start: datetime, period_end: datetime) -> DigestData:
        return await self._read(lambda s: digest.digest_data(s, guild_id, period_start, period_end))

    # ------------------------------------------------------------------------------ guild settings

    async def get_guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings (defaults when it never saved any)."""
        found = await self._read(lambda s: guilds.get_settings(s, guild_id))
        return found or GuildSettings(guild_id=guild_id)

    async def update_guild_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        try:
            return await self._write(
                "saving the settings",
                lambda s: guild_writes.update_settings(s, guild_id, changes, self.clock()),
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
            lambda s: guild_writes.claim_run(
                s, guild_id, period, self.clock(), max_attempts=max_attempts, stale_after=stale_after
            ),
        )

    async def mark_digest_run(
        self, guild_id: int, period: str, status: DigestStatus, *, error: str | None = None
    ) -> bool:
        return await self._write(
            "recording the digest",
            lambda s: guild_writes.mark_run(s, guild_id, period, status, self.clock(), error),
        )

    async def get_digest_run(self, guild_id: int, period: str) -> DigestRun | None:
        return await self._read(lambda s: guilds.get_run(s, guild_id, period))

    # ------------------------------------------------------------------------------ bulk maintenance

    async def band_filter(self, guild_id: int, *, more: int = 0) -> KeyFilter:
        """A Bloom filter of the guild's band keys, sized for ``more`` keys to come (bulk imports)."""
        return await self._read(lambda s: bands.load_filter(s, guild_id, more))

    async def merge_staged_bands(self) -> int:
        """Move band keys staged by bulk imports into the main index (see ``store.writes.bands``)."""
        return await self._write("merging band keys", bands.merge_staged)

    async def staged_band_keys(self) -> int:
        return await self._read(bands.staged_count)

    async def reparse(
        self,
        parse_many: Callable[[list[str]], Awaitable[list[Posting]]],
        *,
        guild_id: int | None = None,
        batch_size: int = 500,
        progress: Callable[[ReparseReport], None] | None = None,
    ) -> ReparseReport:
        """Parse every saved text again with ``parse_many`` (after a parser upgrade), batch by batch,
        keeping fixes. Each batch is one transaction: an interrupted reparse leaves every posting
        consistent and can simply be run again."""
        with self._role_counts.changing(ALL if guild_id is None else guild_id):
            return await self._reparse(parse_many, guild_id, batch_size, progress)

    async def _reparse(
        self,
        parse_many: Callable[[list[str]], Awaitable[list[Posting]]],
        guild_id: int | None,
        batch_size: int,
        progress: Callable[[ReparseReport], None] | None,
    ) -> ReparseReport:
        report = ReparseReport()
        after = 0
        while rows := await self._reparse_batch_after(after, batch_size, guild_id):
            parsed = await parse_many([r.raw_text for r in rows])
            new_json = [p.model_dump_json(exclude_defaults=True) for p in parsed]
            await self._write_learning(
                "reparsing", functools.partial(self._rewrite_reparsed, rows, parsed, new_json)
            )
            await self.settle_wal()  # bulk SQLite stores: the WAL would otherwise only grow
            report.postings += len(rows)
            report.changed += sum(1 for r, pj in zip(rows, new_json, strict=True) if r.parsed_json != pj)
            if progress:
                progress(report)
            after = rows[-1].id
        await self.refresh_statistics()
        return report

    async def _reparse_batch_after(self, after: int, size: int, guild_id: int | None) -> list[Any]:
        return await self._read(lambda s: reparse.next_batch(s, after, size, guild_id))

    async def _rewrite_reparsed(
        self,
        rows: list[Any],
        parsed: list[Posting],
        new_json: list[str],
        session: AsyncSession,
        cache: SkillIds,
    ) -> tuple[int, SkillIds]:
        return await reparse.rewrite_batch(
            session,
            rows,
            parsed,
            new_json,
            now=self.clock(),
            cfg=self.pay,
            roles=self.roles,
            skill_cache=cache,
        )
