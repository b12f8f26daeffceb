"""Reading postings back: full views, pages (/postings), autocomplete choices of postings and roles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Posting
from store.db.plain import Row, fetch_all
from store.db.sqlutil import chunks
from store.db.tables import POSTING_FIXES, POSTING_PAY, POSTING_SKILLS, POSTINGS, REPOSTS, SKILLS
from store.db.types import stored_date, utc_datetime
from store.keys import RoleKeys, text_key
from store.results import (
    PayView,
    PostingChoice,
    PostingPage,
    PostingSummary,
    PostingView,
)
from store.writes.derive import Prepared, parse_fixes

KEY_MAX = "\U0010ffff"  # above every character: prefix ranges are [prefix, prefix + KEY_MAX)
MAX_PAGE = 100
MAX_CHOICES = 25  # an autocomplete list shows no more
_P = POSTINGS.c


# PayView field -> the postings column that holds it for the posting's pay envelope
_ENVELOPE = {
    "text": "pay_text", "currency": "pay_currency", "period": "pay_period", "min": "pay_min",
    "max": "pay_max", "year_min": "pay_year_min", "year_max": "pay_year_max", "year_point": "pay_year",
    "usd_year": "pay_usd_year", "rate_date": "pay_rate_date",
}  # fmt: skip


def pay_envelope(c: Mapping[Any, Any]) -> PayView | None:
    """The posting's pay as the postings columns hold it (a row's mapping, or the columns being written)."""
    if c["pay_currency"] is None:
        return None
    return PayView(**{name: c[column] for name, column in _ENVELOPE.items()})


_STATED = ("text", "label", "origin", "currency", "period", "min", "max", "year_min", "year_max", "rate_date")


def pay_range(r: Mapping[Any, Any]) -> PayView:
    """One stated range as a posting_pay row holds it (a row's mapping, or the row being written)."""
    return PayView(
        **{name: r[name] for name in _STATED},
        year_point=_mid(r["year_min"], r["year_max"]),
        usd_year=_mid(r["usd_year_min"], r["usd_year_max"]),
    )


# A posting's view as read in one trip (plain SQL: SQLAlchemy's statement machinery cost more than
# the five small queries themselves). Child rows are read by posting id; only those of postings found
# in the guild are used.
_VIEW_COLUMNS = (
    "id", "guild_id", "title", "company", "role_key", "seniority", "workplace", "employment_type",
    *_ENVELOPE.values(), "added_at", "user_id", "channel_id", "message_id", "source", "raw_text",
    "parsed_json", "card_channel_id", "card_message_id",
)  # fmt: skip
_PAY_COLUMNS = (*_STATED, "usd_year_min", "usd_year_max")


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" for _ in ids)


def _fixes_query(ids: Sequence[int]) -> tuple[str, Row]:
    columns = "posting_id, field, value_json, user_id"
    return f"SELECT {columns} FROM {POSTING_FIXES.name} WHERE posting_id IN ({_marks(ids)})", tuple(ids)


def _fixes_by_posting(
    ids: Sequence[int], rows: list[Row]
) -> dict[int, tuple[dict[str, Any], dict[str, int | None]]]:
    raw: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    fixers: dict[int, dict[str, int | None]] = {i: {} for i in ids}
    for pid, name, value, user_id in rows:
        raw[int(pid)].append((name, value))
        fixers[int(pid)][name] = None if user_id is None else int(user_id)
    return {pid: (parse_fixes(pairs), fixers[pid]) for pid, pairs in raw.items()}


async def fixes_of(session: AsyncSession, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The fixes of each posting, by field (an empty dict for a posting without any)."""
    return {pid: values for pid, (values, _) in (await fixes_and_fixers(session, ids)).items()}


async def fixes_and_fixers(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, tuple[dict[str, Any], dict[str, int | None]]]:
    """Each posting's fixes by field, and who made each (the member's id, None when not known)."""
    found: dict[int, tuple[dict[str, Any], dict[str, int | None]]] = {}
    for part in chunks(ids):
        (rows,) = await fetch_all(session, [_fixes_query(part)])
        found.update(_fixes_by_posting(part, rows))
    return found


async def load_views(session: AsyncSession, guild_id: int, ids: list[int]) -> dict[int, PostingView]:
    """Full views of postings of one guild (ids of other guilds are simply absent)."""
    views: dict[int, PostingView] = {}
    for part in chunks(sorted(set(ids))):
        views.update(await _load_part(session, guild_id, part))
    return views


async def _load_part(session: AsyncSession, guild_id: int, ids: Sequence[int]) -> dict[int, PostingView]:
    marks, by_id = _marks(ids), tuple(ids)
    postings, skill_rows, fix_rows, pay_rows, repost_rows = await fetch_all(
        session,
        [
            (
                f"SELECT {', '.join(_VIEW_COLUMNS)} FROM {POSTINGS.name} "
                f"WHERE guild_id = ? AND id IN ({marks})",
                (guild_id, *ids),
            ),
            (
                f"SELECT ps.posting_id, s.name FROM {POSTING_SKILLS.name} ps JOIN {SKILLS.name} s "
                f"ON s.id = ps.skill_id WHERE ps.posting_id IN ({marks}) ORDER BY ps.posting_id, ps.position",
                by_id,
            ),
            _fixes_query(ids),
            (
                f"SELECT posting_id, {', '.join(_PAY_COLUMNS)} FROM {POSTING_PAY.name} "
                f"WHERE posting_id IN ({marks}) ORDER BY posting_id, position",
                by_id,
            ),
            (
                f"SELECT posting_id, count(*) FROM {REPOSTS.name} "
                f"WHERE posting_id IN ({marks}) GROUP BY posting_id",
                by_id,
            ),
        ],
    )
    skills: dict[int, list[str]] = {i: [] for i in ids}
    for pid, name in skill_rows:
        skills[int(pid)].append(name)
    pay: dict[int, list[PayView]] = {i: [] for i in ids}
    for pid, *values in pay_rows:
        stated = dict(zip(_PAY_COLUMNS, values, strict=True))
        stated["rate_date"] = stored_date(stated["rate_date"])
        pay[int(pid)].append(pay_range(stated))
    fixes = _fixes_by_posting(ids, fix_rows)
    reposts = {int(pid): int(count) for pid, count in repost_rows}
    views: dict[int, PostingView] = {}
    for posting in postings:
        row = dict(zip(_VIEW_COLUMNS, posting, strict=True))
        row["added_at"] = utc_datetime(row["added_at"])
        row["pay_rate_date"] = stored_date(row["pay_rate_date"])
        pid = int(row["id"])
        views[pid] = _view(
            row,
            Posting.model_validate_json(row["parsed_json"]),
            pay_ranges=pay[pid],
            skills=skills[pid],
            fixed=fixes[pid][0],
            reposts=reposts.get(pid, 0),
            fixed_by=fixes[pid][1],
        )
    return views


async def load_view(session: AsyncSession, guild_id: int, posting_id: int) -> PostingView | None:
    return (await load_views(session, guild_id, [posting_id])).get(posting_id)


def new_posting_view(guild_id: int, posting_id: int, item: Prepared, parsed: Posting) -> PostingView:
    """The view :func:`load_views` would read back for a posting just created from ``item``."""
    row = {
        **item.derived.columns,
        "id": posting_id,
        "guild_id": guild_id,
        "added_at": item.added_at.astimezone(UTC),
        "user_id": item.user_id,
        "channel_id": item.channel_id,
        "message_id": item.message_id,
        "source": item.source,
        "raw_text": item.text,
    }
    pay_ranges = [pay_range(r) for r in item.derived.pay_ranges]
    skills = [name for _, name in item.derived.skills]
    return _view(row, parsed, pay_ranges=pay_ranges, skills=skills, fixed=item.fixes, reposts=0)


def _view(
    row: Mapping[str, Any],
    parsed: Posting,
    *,
    pay_ranges: list[PayView],
    skills: list[str],
    fixed: Mapping[str, Any],
    reposts: int,
    fixed_by: Mapping[str, int | None] | None = None,
) -> PostingView:
    """A posting's view from its postings columns (as read, or as about to be written) and the rest."""
    return PostingView(
        id=row["id"],
        guild_id=row["guild_id"],
        title=row["title"],
        company=row["company"],
        role=row["role_key"],
        seniority=row["seniority"],
        workplace=row["workplace"],
        employment_type=row["employment_type"],
        locations=list(fixed.get("locations", parsed.locations)),
        pay=pay_envelope(row),
        pay_ranges=pay_ranges,
        skills=skills,
        added_at=row["added_at"],
        user_id=row["user_id"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        source=row["source"],
        fixed_fields=sorted(fixed),
        repost_count=reposts,
        text=row["raw_text"],
        parsed=parsed,
        fixed_by=dict(fixed_by or {}),
        card_channel_id=row.get("card_channel_id"),
        card_message_id=row.get("card_message_id"),
    )


def _mid(a: float | None, b: float | None) -> float | None:
    if a is not None and b is not None:
        return (a + b) / 2
    return a if a is not None else b


def _summary_columns() -> list[Any]:
    return [
        _P.id, _P.title, _P.company, _P.role_key, _P.parsed_json, _P.workplace, _P.pay_text,
        _P.pay_currency, _P.pay_year, _P.added_at, _P.source,
    ]  # fmt: skip


_SUMMARY_AS_IS = (
    "id",
    "title",
    "company",
    "workplace",
    "pay_text",
    "pay_currency",
    "pay_year",
    "added_at",
    "source",
)


def _summary(row: Any) -> PostingSummary:
    return PostingSummary(
        **{name: getattr(row, name) for name in _SUMMARY_AS_IS},
        role=row.role_key,
        locations=list(Posting.model_validate_json(row.parsed_json).locations),
    )


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def list_postings(
    session: AsyncSession, guild_id: int, *, page: int, page_size: int, query: str | None
) -> PostingPage:
    """Newest first; ``query`` matches title, company, role or text (case-insensitive substring)."""
    page = max(0, page)
    page_size = max(1, min(page_size, MAX_PAGE))
    stmt: Select[Any] = select(*_summary_columns()).where(_P.guild_id == guild_id)
    if query and query.strip():
        pattern = f"%{_like_escape(query.strip())}%"
        stmt = stmt.where(
            or_(
                _P.title.ilike(pattern, escape="\\"),
                _P.company.ilike(pattern, escape="\\"),
                _P.role_key.ilike(pattern, escape="\\"),
                _P.raw_text.ilike(pattern, escape="\\"),
            )
        )
    stmt = stmt.order_by(_P.added_at.desc(), _P.id.desc()).offset(page * page_size).limit(page_size + 1)
    rows = (await session.execute(stmt)).all()
    return PostingPage(
        items=[_summary(r) for r in rows[:page_size]],
        page=page,
        page_size=page_size,
        has_more=len(rows) > page_size,
    )


def choice_label(row: Any) -> str:
    title = row.title or "Untitled posting"
    label = f"#{row.id} {title}"
    if row.company:
        label += f" — {row.company}"
    if row.pay_text:
        label += f" ({row.pay_text})"
    return label if len(label) <= 100 else label[:99] + "…"


async def posting_choices(
    session: AsyncSession, guild_id: int, prefix: str, limit: int
) -> list[PostingChoice]:
    """Autocomplete: an id typed as digits, then titles starting with the prefix, then recent matches."""
    limit = max(1, min(limit, MAX_CHOICES))
    columns = [_P.id, _P.title, _P.company, _P.pay_text]
    typed = prefix.strip().lstrip("#")
    picked: dict[int, Any] = {}
    if typed.isdigit():
        for row in await session.execute(
            select(*columns).where(_P.guild_id == guild_id, _P.id == int(typed))
        ):
            picked[row.id] = row
    key = text_key(typed)
    if not key:
        stmt = select(*columns).where(_P.guild_id == guild_id).order_by(_P.added_at.desc()).limit(limit)
    else:
        stmt = (
            select(*columns)
            .where(_P.guild_id == guild_id, _P.title_key >= key, _P.title_key < key + KEY_MAX)
            .order_by(_P.title_key)
            .limit(limit)
        )
    for row in await session.execute(stmt):
        picked.setdefault(row.id, row)
    if key and len(picked) < limit:
        recent = (
            select(*columns, _P.title_key)
            .where(_P.guild_id == guild_id)
            .order_by(_P.added_at.desc())
            .limit(500)
            .subquery()
        )
        pattern = f"%{_like_escape(key)}%"
        more = select(recent.c.id, recent.c.title, recent.c.company, recent.c.pay_text).where(
            or_(
                recent.c.title_key.like(pattern, escape="\\"),
                func.lower(recent.c.company).like(pattern, escape="\\"),
            )
        )
        for row in await session.execute(more.limit(limit)):
            picked.setdefault(row.id, row)
    return [PostingChoice(id=int(r.id), label=choice_label(r)) for r in list(picked.values())[:limit]]


_ROLE_SCAN = text(
    """
    WITH RECURSIVE roles(k) AS (
        SELECT (SELECT min(role_key) FROM postings
                WHERE guild_id = :g AND role_key >= :lo AND role_key < :hi)
        UNION ALL
        SELECT (SELECT min(role_key) FROM postings
                WHERE guild_id = :g AND role_key > roles.k AND role_key < :hi)
        FROM roles WHERE roles.k IS NOT NULL
    )
    SELECT k FROM roles WHERE k IS NOT NULL LIMIT :limit
    """
)


async def role_choices(
    session: AsyncSession, guild_id: int, prefix: str, limit: int, roles: RoleKeys
) -> list[str]:
    """Saved role keys starting with what was typed or with its role key ("ML" finds "machine learning
    engineer"), by a loose index scan (one seek per role)."""
    limit = max(1, min(limit, MAX_CHOICES))
    typed = " ".join(prefix.casefold().split())
    prefixes = [typed]
    normalized = roles(prefix) if typed else None
    if normalized and normalized != typed:
        prefixes.insert(0, normalized)
    found: dict[str, None] = {}
    for prefix in prefixes:
        rows = await session.execute(
            _ROLE_SCAN, {"g": guild_id, "lo": prefix, "hi": prefix + KEY_MAX, "limit": limit}
        )
        for (k,) in rows.tuples():
            found.setdefault(k, None)
        if len(found) >= limit:
            break
    return list(found)[:limit]
