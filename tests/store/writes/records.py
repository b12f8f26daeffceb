"""What the import tests share: JSON Lines files of postings, and a record of the store calls an
import makes."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from store import Store
from tests.factories import make_posting, posting_text


def write_jsonl(path: Path, n: int, *, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            posting = make_posting(title=f"Role {i % 7} Developer", skills=[f"Skill{i % 5}", "Git"])
            # Discord ids are positive: the importer refuses 0
            record = {"text": posting_text(i), "posting": posting.model_dump(mode="json"), "user_id": i + 1}
            out.write(json.dumps(record) + "\n")
    return path


def record_calls(
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    note: Callable[[Store, Any], Awaitable[object]] | None = None,
) -> list[Any]:
    """From now on, every call of the ``Store`` method still runs and adds one entry to the returned
    list: what it returned, or what ``note(store, returned)`` makes of it once the call is done."""
    noted: list[Any] = []
    real = getattr(Store, method)

    async def recording(self: Store, *args: Any, **kwargs: Any) -> Any:
        returned = await real(self, *args, **kwargs)
        noted.append(returned if note is None else await note(self, returned))
        return returned

    monkeypatch.setattr(Store, method, recording)
    return noted
