"""JSON Lines files of postings for the import tests."""

from __future__ import annotations

import json
from pathlib import Path

from tests.factories import make_posting, posting_text


def write_jsonl(path: Path, n: int, *, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            posting = make_posting(title=f"Role {i % 7} Developer", skills=[f"Skill{i % 5}", "Git"])
            # Discord ids are positive: the importer refuses 0
            record = {"text": posting_text(i), "posting": posting.model_dump(mode="json"), "user_id": i + 1}
            out.write(json.dumps(record) + "\n")
    return path
