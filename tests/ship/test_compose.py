"""docker-compose.yml and docker-compose.shards.yml say what docs/scaling.md and README.md say they do.

No YAML parser is installed (none is needed at run time), so these read the files' few lines directly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def service(text: str, name: str) -> str:
    found = re.search(rf"^  {re.escape(name)}:\n((?:    .*\n|\n)+)", text, re.MULTILINE)
    assert found, f"no service {name}"
    return found.group(1)


def test_postgresql_first_then_one_migration_then_the_bot() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"^    image: postgres:16$", service(text, "db"), re.MULTILINE)
    migrate = service(text, "migrate")
    assert '["jobscout", "db", "upgrade"]' in migrate and 'restart: "no"' in migrate
    assert re.search(r"db:\n\s+condition: service_healthy", migrate)
    bot = service(text, "bot")
    assert '["jobscout", "run"]' in bot
    assert re.search(r"migrate:\n\s+condition: service_completed_successfully", bot)
    assert "DISCORD_TOKEN: ${DISCORD_TOKEN:?" in bot and "- bot-data:/data" in bot
    # both the migration and the bot use the same PostgreSQL URL
    urls = re.findall(r"JOBSCOUT_DATABASE__URL: (\S+)", text)
    assert len(urls) == 2 and len(set(urls)) == 1 and urls[0].startswith("postgresql+asyncpg://")
    assert "stop_grace_period" in bot  # longer than the bot's drain


def test_the_sharded_override_covers_every_shard_once() -> None:
    text = (ROOT / "docker-compose.shards.yml").read_text()
    counts = {int(c) for c in re.findall(r'JOBSCOUT_DISCORD__SHARD_COUNT: "(\d+)"', text)}
    ids = [json.loads(i) for i in re.findall(r'JOBSCOUT_DISCORD__SHARD_IDS: "(\[[\d, ]*\])"', text)]
    assert len(counts) == 1 and len(ids) >= 2
    (count,) = counts
    assert sorted(i for group in ids for i in group) == list(range(count))
    assert "- bot-1-data:/data" in service(text, "bot-1")  # its own heartbeat file
    assert "service_completed_successfully" in service(text, "bot-1")
