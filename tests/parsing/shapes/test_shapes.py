"""Metamorphic suite: the same posting pasted in every shape must give the same header fields.

Every posting of ``postings.py`` (and those of ``tests/fixtures/postings.jsonl`` that name a title, a
company and a place) is rendered by every shape of ``bench.shapes``; title, company, places, workplace
and employment type must come out as rendered, whatever the shape. ``KNOWN_GAPS`` lists the
(shape, posting, field) triples the parser still gets wrong; they are strict expected failures, so a fix
shows up as a test to update."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.shapes import SHAPES, Fields, Shape, check, expected, fields_of
from tests.parsing.shapes.postings import POSTINGS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "postings.jsonl"


def _fixture_postings() -> dict[str, Fields]:
    """Fixture rows with a title, a company and places: their body is the text after the header block."""
    found: dict[str, Fields] = {}
    for line in FIXTURES.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        if "\n\n" not in row["text"]:
            continue
        fields = fields_of(row["gold"], row["text"].split("\n\n", 1)[1])
        if fields is not None:
            found[f"fixture-{row['id']}"] = fields
    return found


ALL_POSTINGS: dict[str, Fields] = {**POSTINGS, **_fixture_postings()}

# (shape, posting, field) that do not come out right yet.
KNOWN_GAPS: frozenset[tuple[str, str, str]] = frozenset()


def _cases() -> list[object]:
    cases: list[object] = []
    for shape in SHAPES:
        for name, fields in ALL_POSTINGS.items():
            for field_name in expected(fields, shape):
                marks = (
                    [pytest.mark.xfail(strict=True, reason="known gap")]
                    if (shape.name, name, field_name) in KNOWN_GAPS
                    else []
                )
                cases.append(
                    pytest.param(
                        shape, fields, field_name, id=f"{shape.name}-{name}-{field_name}", marks=marks
                    )
                )
    return cases


def test_there_are_at_least_thirty_named_shapes() -> None:
    assert len({shape.name for shape in SHAPES}) == len(SHAPES) >= 30


def test_every_shape_renders_every_field_it_claims_to_show() -> None:
    posting = POSTINGS["data-engineer-lisbon"]
    for shape in SHAPES:
        paste = shape.render(posting)
        assert posting.title in paste and posting.places[0] in paste, shape.name
        if "company" in shape.shows:
            assert posting.company in paste, shape.name


@pytest.mark.parametrize(("shape", "fields", "field_name"), _cases())
def test_a_shape_keeps_the_field(shape: Shape, fields: Fields, field_name: str) -> None:
    wrong = check(fields, shape)
    assert field_name not in wrong, (shape.render(fields)[:300], wrong.get(field_name))
