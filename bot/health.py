"""Liveness: a heartbeat file the bot rewrites while its gateway connections are up.

The running bot rewrites the file (``health.heartbeat_file``, by default ``DATA_DIR/heartbeat.json``)
every ``health.interval_seconds`` while every shard it runs is connected, and deletes it when it stops.
``jobscout health`` (the Docker HEALTHCHECK) reads it: healthy when it is younger than
``health.max_age_seconds``. A file is used rather than an HTTP port because the check then needs no
network, no port, and no extra dependency, and works the same in a container and under systemd.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Beat:
    """What one heartbeat says: who wrote it, when, and what it was connected to."""

    pid: int
    at: float  # seconds since the epoch
    shards: list[int] = field(default_factory=list)
    shard_count: int | None = None
    guilds: int = 0
    latency_ms: float | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Beat:
        data = json.loads(text)
        return cls(
            pid=int(data["pid"]),
            at=float(data["at"]),
            shards=[int(s) for s in data.get("shards") or []],
            shard_count=data.get("shard_count"),
            guilds=int(data.get("guilds") or 0),
            latency_ms=data.get("latency_ms"),
        )


def write_beat(path: Path, beat: Beat) -> None:
    """Replace the file atomically, so a reader never sees half a heartbeat."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(beat.to_json() + "\n")
    os.replace(tmp, path)


def read_beat(path: Path) -> Beat | None:
    try:
        return Beat.from_json(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.debug("Unreadable heartbeat file %s", path, exc_info=True)
        return None


@dataclass(frozen=True)
class Health:
    ok: bool
    message: str


def check(path: Path, max_age: float, *, now: float | None = None) -> Health:
    """Whether a bot is alive and connected, judged by its heartbeat file."""
    now = time.time() if now is None else now
    if not path.exists():
        return Health(False, f"no heartbeat at {path}: the bot is not running, or not connected yet")
    beat = read_beat(path)
    if beat is None:
        return Health(False, f"the heartbeat file {path} is unreadable")
    age = now - beat.at
    where = f"{beat.guilds} servers" + (
        f", shards {beat.shards} of {beat.shard_count}" if beat.shard_count is not None else ""
    )
    if age > max_age:
        return Health(
            False,
            f"the last heartbeat (pid {beat.pid}, {where}) is {age:.0f} s old, more than {max_age:g} s: "
            "the gateway is disconnected or the bot is stuck",
        )
    latency = f", gateway latency {beat.latency_ms:.0f} ms" if beat.latency_ms is not None else ""
    return Health(True, f"connected: pid {beat.pid}, {where}{latency}, heartbeat {max(age, 0):.0f} s ago")


class Heartbeat:
    """Rewrites the heartbeat file every ``interval`` seconds while ``connected()`` returns a beat."""

    def __init__(self, path: Path, interval: float, connected: Callable[[], Beat | None]) -> None:
        self.path = path
        self.interval = interval
        self.connected = connected
        self._task: asyncio.Task[None] | None = None
        self.beats = 0

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="jobscout-heartbeat")

    async def _run(self) -> None:
        while True:
            try:
                beat = self.connected()
                if beat is not None:
                    await asyncio.to_thread(write_beat, self.path, beat)
                    self.beats += 1
            except Exception:  # a full disk must not take the bot down; the file just goes stale
                log.warning("Could not write the heartbeat file %s", self.path, exc_info=True)
            await asyncio.sleep(self.interval)

    async def stop(self) -> None:
        """Stop beating and remove the file (a stopped bot is not healthy)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        with contextlib.suppress(FileNotFoundError):
            beat = read_beat(self.path)
            if beat is None or beat.pid == os.getpid():  # never delete another process's heartbeat
                self.path.unlink()
