"""Our own postings for the shape suite (``postings.jsonl``): header fields and a body each, across
countries, languages and kinds of work. Companies and places in the bodies are named the way real
postings name them ("At Nimbus, we ..."), so the body is evidence the parser may use. All invented."""

from __future__ import annotations

import json
from pathlib import Path

from bench.shapes import Fields

_FILE = Path(__file__).with_name("postings.jsonl")


def _load() -> dict[str, Fields]:
    postings: dict[str, Fields] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            name = row.pop("name")
            postings[name] = Fields(**{**row, "places": tuple(row["places"])})
    return postings


POSTINGS: dict[str, Fields] = _load()
