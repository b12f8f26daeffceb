"""The digest embed fits Discord's limits whatever the data, and says what it should."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import EMBED_TOTAL_LIMIT, FIELD_VALUE_LIMIT, FIELDS_LIMIT, embed_size, render
from commands.core.format import message_link
from commands.digest import chart, message
from commands.digest.chart import chart_helps, digest_chart
from commands.digest.message import digest_reply, inert
from commands.digest.schedule import Schedule
from store import DigestData, DigestPosting, PayChange, RepostNote, RoleMedian
from store.results import SkillMove
from tests.commands.core.test_chart import image

SCHEDULE = Schedule("mon", time(9), "Europe/Berlin")
START = datetime(2026, 11, 9, 8, tzinfo=UTC)
END = START + timedelta(days=7)


def data(**kw: object) -> DigestData:
    base: dict[str, object] = {
        "guild_id": 1,
        "period_start": START,
        "period_end": END,
        "new_count": 0,
        "best_paid": [],
        "role_medians": [],
        "rising_skills": [],
        "falling_skills": [],
        "repost_count": 0,
        "pay_changes": [],
    }
    base.update(kw)
    return DigestData.model_validate(base)


def posting(i: int, title: str = "ML Engineer", company: str = "Acme", pay: float = 150_000) -> DigestPosting:
    return DigestPosting(
        id=i,
        title=title,
        company=company,
        role="machine learning engineer",
        pay_text="$150k",
        pay_currency="EUR",
        pay_year=pay,
        pay_usd_year=pay * 1.1,
    )


def test_quiet_week_has_a_line_not_an_empty_message() -> None:
    reply = digest_reply(data(), SCHEDULE, "2026-W47", {})
    assert reply.title == "Weekly digest · 2026-W47"
    assert reply.description and reply.description.startswith("A quiet week: no new postings")
    assert "Mon 09 Nov 09:00 to Mon 16 Nov 09:00 (Europe/Berlin)" in reply.description
    assert reply.fields == [] and not reply.ephemeral
    assert "digest 2026-W47" in (reply.footer or "")


def test_a_full_week() -> None:
    d = data(
        new_count=42,
        best_paid=[posting(1, pay=200_000), posting(2, title="Data [Lead]", company="*Bold* Co")],
        role_medians=[
            RoleMedian(
                role="machine learning engineer",
                currency="EUR",
                n=5,
                median=150_000,
                previous_n=12,
                previous_median=140_000,
                change=150 / 140 - 1,
            ),
            RoleMedian(
                role="data analyst",
                currency="USD",
                n=2,
                median=80_000,
                previous_n=0,
                previous_median=None,
                change=None,
            ),
        ],
        rising_skills=[SkillMove(skill="PyTorch", share=0.4, previous_share=0.2, change=0.2)],
        falling_skills=[SkillMove(skill="Hadoop", share=0.05, previous_share=0.15, change=-0.1)],
        repost_count=3,
        pay_changes=[
            RepostNote(
                posting_id=2,
                title="Data Lead",
                company="Beta",
                seen_at=START,
                similarity=1.0,
                pay_change=PayChange(
                    old_text=None,
                    old_currency="USD",
                    old_year=100_000,
                    new_text=None,
                    new_currency="USD",
                    new_year=110_000,
                ),
            )
        ],
    )
    link = message_link(1, 10, 20)
    assert link == "https://discord.com/channels/1/10/20"
    reply = digest_reply(d, SCHEDULE, "2026-W47", {1: link})
    assert reply.description and "**42** new postings from" in reply.description
    assert "3 reposts of saved postings, 1 with a pay change." in reply.description
    by_name = {f.name: f.value for f in reply.fields}
    best = by_name["Best paid"].splitlines()
    assert best[0] == f"1. [ML Engineer · Acme]({link}) · €200k/yr (≈ $220k)"
    assert best[1].startswith("2. Data (Lead) · \\*Bold\\* Co · ")  # no link stored: plain, and inert
    medians = by_name["Role medians (yearly salaries, per currency, vs the 4 weeks before)"].splitlines()
    assert medians[0] == "**Machine Learning Engineer** €150k (n=5) · ▲ 7% vs €140k (n=12)"
    assert medians[1] == "**Data Analyst** $80k (n=2, too few for a median)"
    assert by_name["Skills rising"] == "PyTorch 40% (+20 pts)"
    assert by_name["Skills falling"] == "Hadoop 5% (-10 pts)"
    assert by_name["Pay changed on reposts"] == "Data Lead · Beta: $100k → $110k a year"
    assert chart_helps(d)


def test_inert_text() -> None:
    assert inert("  a\n\n[b](http://x) *c* `d` <@123> ", 100) == "a (b)(http://x) \\*c\\* \\`d\\` <@123>"
    assert inert("x" * 50, 10) == "x" * 9 + "…"
    assert inert(None, 5) == ""


async def test_chart_only_where_it_helps() -> None:
    one = RoleMedian(
        role="qa", currency="USD", n=1, median=1.0, previous_n=0, previous_median=None, change=None
    )
    assert await digest_chart(data(role_medians=[one])) is None
    two = [
        one,
        one.model_copy(
            update={"role": "sre", "n": 3, "previous_median": 2.0, "previous_n": 3, "change": -0.5}
        ),
    ]
    thin = [one, two[1].model_copy(update={"n": 2})]
    assert await digest_chart(data(role_medians=thin)) is None  # no change from fewer than 3 a week
    image = await digest_chart(data(role_medians=two))
    assert image is not None and image.filename == "digest.png" and image.data[:4] == b"\x89PNG"
    reply = digest_reply(data(role_medians=two), SCHEDULE, "2026-W47", {}, chart=image)
    assert render(reply).pages[0].image.url == "attachment://digest.png"


# --- whatever the data: one embed within every limit ---------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=1500)
BIG = st.floats(min_value=0, max_value=1e15, allow_nan=False)


@st.composite
def digest_data(draw: st.DrawFn) -> DigestData:
    postings = draw(
        st.lists(
            st.builds(
                DigestPosting,
                id=st.integers(1, 10**12),
                title=st.none() | TEXT,
                company=st.none() | TEXT,
                role=st.none() | TEXT,
                pay_text=st.none() | TEXT,
                pay_currency=st.none() | st.sampled_from(["USD", "EUR", "XYZ"]),
                pay_year=st.none() | BIG,
                pay_usd_year=st.none() | BIG,
            ),
            max_size=30,
        )
    )
    medians = draw(
        st.lists(
            st.builds(
                RoleMedian,
                role=TEXT,
                currency=st.sampled_from(["USD", "GBP", "CHF"]),
                n=st.integers(0, 10**6),
                median=BIG,
                previous_n=st.integers(0, 10**6),
                previous_median=st.none() | BIG,
                change=st.none() | st.floats(-1e6, 1e6),
            ),
            max_size=30,
        )
    )
    moves = st.lists(
        st.builds(
            SkillMove,
            skill=TEXT,
            share=st.floats(0, 1),
            previous_share=st.floats(0, 1),
            change=st.floats(-1, 1),
        ),
        max_size=30,
    )
    notes = st.lists(
        st.builds(
            RepostNote,
            posting_id=st.integers(1, 10**12),
            title=st.none() | TEXT,
            company=st.none() | TEXT,
            seen_at=st.just(START),
            similarity=st.floats(0, 1),
            pay_change=st.none()
            | st.builds(
                PayChange,
                old_text=st.none(),
                old_currency=st.none() | st.just("USD"),
                old_year=st.none() | BIG,
                new_text=st.none(),
                new_currency=st.none() | st.just("EUR"),
                new_year=st.none() | BIG,
            ),
        ),
        max_size=40,
    )
    return data(
        new_count=draw(st.integers(0, 10**9)),
        best_paid=postings,
        role_medians=medians,
        rising_skills=draw(moves),
        falling_skills=draw(moves),
        repost_count=draw(st.integers(0, 10**9)),
        pay_changes=draw(notes),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=digest_data(), note=st.none() | TEXT, preview=st.booleans())
def test_always_one_embed_within_limits(d: DigestData, note: str | None, preview: bool) -> None:
    links = {p.id: message_link(10**18, 10**18 + 1, 10**18 + p.id) or "" for p in d.best_paid}
    reply = digest_reply(d, SCHEDULE, "2026-W47", links, preview=preview, note=note, tail="x" * 300)
    rendered = render(reply)
    assert len(rendered.pages) == 1, "a digest must be one embed"
    embed = rendered.pages[0]
    assert embed_size(embed) <= EMBED_TOTAL_LIMIT
    assert len(embed.fields) <= FIELDS_LIMIT
    assert all(len(f.value or "") <= FIELD_VALUE_LIMIT for f in embed.fields)
    assert len(embed.description or "") <= 4096 and len(embed.title or "") <= 256
    assert reply.ephemeral == preview
    # A link is never broken by clipping: each one opens and closes on its line.
    for f in reply.fields:
        for line in f.value.splitlines():
            assert line.count("](https://discord.com/channels/") <= 1


@pytest.mark.parametrize(
    ("title", "company", "label"),
    [
        ("Director — FloQast", "FloQast", "Director · FloQast"),
        ("Software Engineer", "eBay - San Jose, CA", "Software Engineer · eBay"),
        ("ML Engineer at Acme", "Acme", "ML Engineer · Acme"),
        ("Data Engineer - London", None, "Data Engineer"),
        (None, "Acme", "Posting #7 · Acme"),
    ],
)
def test_best_paid_labels_hold_title_and_company_apart_without_places(
    title: str | None, company: str | None, label: str
) -> None:
    assert message._label(title, company, 7) == label


async def test_roles_the_chart_cannot_draw_are_named_under_it() -> None:
    moved = RoleMedian(
        role="sre", currency="USD", n=3, median=2.0, previous_n=3, previous_median=1.0, change=1.0
    )
    new = RoleMedian(
        role="qa", currency="EUR", n=1, median=1.0, previous_n=0, previous_median=None, change=None
    )
    alone = await digest_chart(data(role_medians=[moved]))
    both = await digest_chart(data(role_medians=[moved, new]))
    assert alone is not None and both is not None
    assert image(both.data).height == image(alone.data).height + chart.LEGEND_BAND
