"""The one format the skill tests write their reading cases in, one case a line:

    + Name; Other Name | a text that must yield every name
    - Name | a text that must yield none of them

Lines starting with ``#`` are comments."""

from __future__ import annotations

from parsing.skills import extract_skills


def reading_cases(block: str) -> list[tuple[str, list[str], bool]]:
    """(text, names, must_be_present) for every case line of ``block``."""
    readings = []
    for line in block.strip().splitlines():
        if line.startswith("#"):
            continue
        names, _, text = line[1:].partition("|")
        readings.append((text.strip(), [name.strip() for name in names.split(";")], line.startswith("+")))
    return readings


def assert_reads(text: str, names: list[str], present: bool) -> None:
    """The skills read from ``text`` hold every one of ``names`` (present) or none of them."""
    got = extract_skills(text)
    wrong = [s for s in names if (s in got) != present]
    assert not wrong, f"{wrong} {'not in' if present else 'found in'} {got}"
