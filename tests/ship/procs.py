"""Running ``jobscout`` as a real process (as the container does) against the loopback fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from tests.e2e.fakediscord import FakeDiscord

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
DEV_COMMAND = (sys.executable, "-m", "bot")


def clean_env() -> dict[str, str]:
    """This environment without any JobScout setting or token (each test sets its own)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("JOBSCOUT_") and k != "DISCORD_TOKEN"}


def bot_env(
    fake: FakeDiscord,
    data_dir: Path,
    database_url: str,
    *,
    client: str | None = None,
    shard_count: int | None = None,
    shard_ids: Sequence[int] | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """The environment of one bot process: everything through JOBSCOUT_* variables, as in production."""
    env = clean_env()
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DISCORD_TOKEN": fake.token,
            "JOBSCOUT_DATA_DIR": str(data_dir),
            "JOBSCOUT_DATABASE__URL": database_url,
            "JOBSCOUT_DISCORD__API_BASE": fake.client_api_base(client) if client else fake.api_base,
            "JOBSCOUT_DISCORD__GATEWAY_URL": fake.client_gateway_url(client) if client else fake.gateway_url,
            "JOBSCOUT_DISCORD__GUILD_READY_TIMEOUT": "0.05",
            "JOBSCOUT_HEALTH__INTERVAL_SECONDS": "0.2",
            "JOBSCOUT_HEALTH__MAX_AGE_SECONDS": "5",
            "JOBSCOUT_LOG_LEVEL": "INFO",
        }
    )
    if shard_count is not None:
        env["JOBSCOUT_DISCORD__SHARD_COUNT"] = str(shard_count)
    if shard_ids is not None:
        env["JOBSCOUT_DISCORD__SHARD_IDS"] = "[" + ",".join(str(i) for i in shard_ids) + "]"
    env.update(extra or {})
    return env


@dataclass
class BotProcess:
    """One ``jobscout`` process; its output goes to ``log`` (read it with :meth:`text`)."""

    name: str
    proc: asyncio.subprocess.Process
    log: Path
    env: dict[str, str]
    command: tuple[str, ...] = DEV_COMMAND
    started: float = field(default_factory=time.monotonic)

    @classmethod
    async def start(
        cls,
        name: str,
        env: dict[str, str],
        workdir: Path,
        *,
        command: Sequence[str] = DEV_COMMAND,
        args: Sequence[str] = ("run",),
    ) -> BotProcess:
        log = workdir / f"{name}.log"
        with log.open("wb") as out:
            proc = await asyncio.create_subprocess_exec(
                *command, *args, env=env, cwd=workdir, stdout=out, stderr=asyncio.subprocess.STDOUT
            )
        return cls(name, proc, log, env, tuple(command))

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    async def _until(
        self,
        probe: Callable[[], Awaitable[T | None]],
        missing: Callable[[], str],
        timeout: float,
        pause: float,
    ) -> T:
        """``probe()`` until it gives something; fails early if the process died, or after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            found = await probe()
            if found is not None:
                return found
            if self.proc.returncode is not None:
                raise AssertionError(f"{self.name} exited {self.proc.returncode}:\n{self.text()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: {missing()}\n{self.text()[-3000:]}")
            await asyncio.sleep(pause)

    async def wait_log(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        """Until the log matches ``pattern`` (a regular expression); fails early if the process died."""

        async def probe() -> re.Match[str] | None:
            return re.search(pattern, self.text())

        return await self._until(probe, lambda: f"no {pattern!r} in {timeout} s:", timeout, 0.05)

    async def health(self, *extra: str) -> tuple[int, str]:
        """``jobscout health`` with this process's settings: (exit status, output)."""
        check = await asyncio.create_subprocess_exec(
            *self.command,
            "health",
            *extra,
            env=self.env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        out, _ = await asyncio.wait_for(check.communicate(), 60)
        assert check.returncode is not None
        return check.returncode, out.decode()

    async def wait_healthy(self, timeout: float = 60.0) -> str:
        last = ""

        async def probe() -> str | None:
            nonlocal last
            code, last = await self.health()
            return last if code == 0 else None

        return await self._until(probe, lambda: f"never healthy: {last}", timeout, 0.2)

    def signal(self, sig: signal.Signals = signal.SIGTERM) -> None:
        if self.proc.returncode is None:
            self.proc.send_signal(sig)

    async def wait(self, timeout: float = 30.0) -> int:
        return await asyncio.wait_for(self.proc.wait(), timeout)

    async def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM, then SIGKILL if it does not stop in ``timeout`` (cleanup after a failed test)."""
        if self.proc.returncode is not None:
            return self.proc.returncode
        self.signal(signal.SIGTERM)
        try:
            return await self.wait(timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()
            return None
