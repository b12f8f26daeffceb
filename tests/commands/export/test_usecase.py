"""Export replies and lines."""

from __future__ import annotations

import csv
import io
import json

from commands.core.services import Services
from commands.export.usecase import export
from tests.factories import posting_text, saved_posting

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    return await saved_posting(svc.store, GUILD, seed, **kw)


async def test_export_csv_and_jsonl(services: Services) -> None:
    pid = await _add(services, "x", skills=["Python", "SQL"], locations=["Oslo"])
    await services.store.apply_fix(GUILD, pid, "title", "Fixed Title")
    reply = await export(services, GUILD, "csv")
    rows = list(csv.DictReader(io.StringIO(reply.files[0].data.decode())))
    assert len(rows) == 1 and rows[0]["title"] == "Fixed Title" and rows[0]["skills"] == "Python; SQL"
    assert rows[0]["fixed"] == "title" and rows[0]["text"] == posting_text("x")
    reply = await export(services, GUILD, "jsonl")
    record = json.loads(reply.files[0].data.decode().splitlines()[0])
    assert (
        record["fixes"] == {"title": "Fixed Title"}
        and record["posting"]["title"] == "Machine Learning Engineer"
    )
    assert (await export(services, GUILD + 1, "csv")).kind == "notice"
