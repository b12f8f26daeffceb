"""The Docker image, built and run without Docker: the Dockerfile's own steps, performed in a temporary root.

Docker cannot run here, so this test reads the Dockerfile and does what it says: COPY from the project
into ``ROOT/app``, ENV (container paths mapped into the temporary root), RUN (``scripts/install-image``
into a fresh virtual environment from requirements.lock; only the user-setup line is not run), then the
compose file's migration command and the image's CMD against a fake Discord, its HEALTHCHECK, a paste,
and its STOPSIGNAL. A change to the Dockerfile that these steps cannot follow fails here.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.fakediscord import FakeDiscord, FakeUser, snowflake
from tests.e2e.test_pastes import POSTING
from tests.ship.procs import BotProcess, clean_env

ROOT = Path(__file__).resolve().parents[2]
# The container paths the Dockerfile uses; each becomes the same path under the temporary root.
CONTAINER_DIRS = ("/opt/jobscout", "/app", "/data")
USER_SETUP = ("useradd", "groupadd", "adduser", "addgroup")
BASE_IMAGE = "python:3.11-slim"


@dataclass
class Instruction:
    keyword: str
    args: str


def instructions(text: str) -> Iterator[Instruction]:
    """The Dockerfile's instructions, continuation lines joined and comments dropped."""
    logical = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not logical and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            logical += line[:-1] + " "
            continue
        logical += line
        keyword, _, args = logical.partition(" ")
        yield Instruction(keyword.upper(), args.strip())
        logical = ""


def exec_form(args: str) -> list[str]:
    words = json.loads(args)
    assert isinstance(words, list) and all(isinstance(w, str) for w in words), args
    return words


def env_pairs(args: str) -> list[tuple[str, str]]:
    pairs = []
    for word in shlex.split(args):
        key, sep, value = word.partition("=")
        assert sep, f"ENV {args!r}: use KEY=value"
        pairs.append((key, value))
    return pairs


@dataclass
class Image:
    """What performing the Dockerfile left: a root directory and the container's configuration."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)
    workdir: Path | None = None
    cmd: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)
    healthcheck_options: str = ""
    stopsignal: str = "SIGTERM"
    user: str = "root"
    volumes: list[str] = field(default_factory=list)
    base: str = ""
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def host(self, text: str) -> str:
        """``text`` with every container path mapped under the temporary root."""
        dirs = "|".join(re.escape(d) for d in CONTAINER_DIRS)
        return re.sub(rf"(?<![\w.-])({dirs})(?![\w.-])", lambda m: f"{self.root}{m.group(1)}", text)

    def expand(self, value: str) -> str:
        return re.sub(r"\$\{?(\w+)\}?", lambda m: self.env.get(m.group(1), ""), value)

    def path(self, container_path: str) -> Path:
        mapped = Path(self.host(container_path))
        if mapped.is_absolute():
            return mapped
        assert self.workdir is not None, "a relative path before WORKDIR"
        return self.workdir / mapped


def copy_into(image: Image, args: str) -> None:
    """Docker's COPY: a file into a directory (``dest/``) or to a name; a directory's contents into dest."""
    *sources, dest = shlex.split(args)
    assert not any(s.startswith("--") for s in sources), f"COPY options are not performed here: {args}"
    assert len(sources) == 1 or dest.endswith("/"), f"COPY of several sources needs a directory: {args}"
    target = image.path(dest)
    for source in sources:
        origin = ROOT / source
        assert origin.exists(), f"COPY {source}: not in the project"
        if origin.is_dir():
            shutil.copytree(origin, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        elif dest.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target / origin.name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)


def perform(dockerfile: Path, root: Path) -> Image:
    image = Image(root=root)
    base_env = clean_env()
    base_env.pop("PYTHONPATH", None)  # the image sees only what it installed
    image.env = base_env
    for step in instructions(dockerfile.read_text()):
        keyword, args = step.keyword, step.args
        if keyword == "FROM":
            image.base = args
        elif keyword == "ENV":
            for key, value in env_pairs(args):
                image.env[key] = image.expand(image.host(value))
        elif keyword == "WORKDIR":
            image.workdir = image.path(args)
            image.workdir.mkdir(parents=True, exist_ok=True)
        elif keyword == "COPY":
            copy_into(image, args)
        elif keyword == "RUN":
            if args.split()[0] in USER_SETUP:
                image.skipped.append(args)
                (root / "data").mkdir(parents=True, exist_ok=True)  # what its mkdir does
                continue
            completed = subprocess.run(
                ["sh", "-c", image.host(args)],
                cwd=image.workdir,
                env=image.env,
                capture_output=True,
                text=True,
            )
            assert completed.returncode == 0, f"RUN {args}\n{completed.stdout}\n{completed.stderr}"
            image.ran.append(args)
        elif keyword == "VOLUME":
            image.volumes += exec_form(args) if args.startswith("[") else args.split()
            for volume in image.volumes:
                image.path(volume).mkdir(parents=True, exist_ok=True)
        elif keyword == "USER":
            image.user = args
        elif keyword == "HEALTHCHECK":
            options, _, command = args.partition("CMD ")
            image.healthcheck_options = options.strip()
            image.healthcheck = exec_form(command)
        elif keyword == "STOPSIGNAL":
            image.stopsignal = args
        elif keyword == "CMD":
            image.cmd = exec_form(args)
        else:
            raise AssertionError(
                f"{keyword} is not performed by this test: teach it, or keep the Dockerfile simple"
            )
    return image


def compose_command(service: str) -> list[str]:
    """The ``command:`` of a service in docker-compose.yml (exec form)."""
    text = (ROOT / "docker-compose.yml").read_text()
    block = re.search(rf"^  {service}:\n((?:    .*\n|\n)+)", text, re.MULTILINE)
    assert block, f"no service {service} in docker-compose.yml"
    found = re.search(r"^    command: (\[.*\])$", block.group(1), re.MULTILINE)
    assert found, f"service {service} has no exec-form command"
    return exec_form(found.group(1))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
async def test_the_dockerfile_installs_from_the_lock_and_its_command_runs_the_bot(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    image = await asyncio.to_thread(perform, ROOT / "Dockerfile", root)

    # What the image is: slim Python 3.11, the lock installed by the shared script, a non-root user,
    # data on a volume, a health check, SIGTERM to stop.
    assert image.base == BASE_IMAGE
    assert [r for r in image.ran if "scripts/install-image" in r] == image.ran and len(image.ran) == 2
    assert image.user not in ("root", "0") and image.skipped and image.volumes == ["/data"]
    assert image.healthcheck == ["jobscout", "health"] and "--start-period" in image.healthcheck_options
    assert image.stopsignal == "SIGTERM" and image.cmd == ["jobscout", "run"]
    venv = Path(image.env["VIRTUAL_ENV"])
    assert venv == root / "opt/jobscout" and (venv / "bin/jobscout").exists()
    freeze = await asyncio.create_subprocess_exec(
        str(venv / "bin/python"), "-m", "pip", "list", "--format=freeze", env=image.env,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    installed = (await freeze.communicate())[0].decode().lower()
    assert "discord.py==" in installed and "pytest" not in installed and "mypy" not in installed

    env = dict(image.env)
    # The settings the image runs with: the shipped config.toml (exchange rates) and the data volume.
    probe = await asyncio.create_subprocess_exec(
        str(venv / "bin/python"), "-c",
        "from bot.config import load_settings as l; s = l(); print(s.pay.usd_per_unit['EUR'], s.data_dir)",
        env=env, cwd=image.workdir, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert (await probe.communicate())[0].decode().split() == ["1.08", str(root / "data")]

    env.update(
        {
            "DISCORD_TOKEN": fake.token,
            "JOBSCOUT_DISCORD__API_BASE": fake.api_base,
            "JOBSCOUT_DISCORD__GATEWAY_URL": fake.gateway_url,
            "JOBSCOUT_DISCORD__GUILD_READY_TIMEOUT": "0.05",
            "JOBSCOUT_HEALTH__INTERVAL_SECONDS": "0.5",
        }
    )
    assert image.workdir is not None
    # The compose file's one-shot migration step, with the image's command line.
    migrate = await BotProcess.start("migrate", env, tmp_path, command=(), args=compose_command("migrate"))
    assert await migrate.wait(timeout=120) == 0, migrate.text()
    assert (root / "data" / "jobscout.db").exists()

    bot = await BotProcess.start("image", env, tmp_path, command=(), args=image.cmd)
    bot.command = tuple(image.healthcheck[:-1])  # `jobscout`, as the HEALTHCHECK calls it
    try:
        await fake.wait_connected(timeout=120)
        assert "healthy: connected" in await bot.wait_healthy(timeout=60)
        guild = fake.guilds[0]
        pasted = await fake.post_message(guild, "job-postings", FakeUser(snowflake(), "alice"), POSTING)
        card = await fake.channel_message(
            guild.channel("job-postings"), lambda c: c.replying_to == int(pasted["id"]), timeout=60
        )
        assert "Machine Learning Engineer" in card.text and "PyTorch" in card.text
        bot.signal(getattr(signal, image.stopsignal))
        assert await bot.wait(timeout=10) == 0  # within docker stop's default grace
    finally:
        await bot.stop()
    assert "JobScout stopped cleanly" in bot.text() and "Traceback" not in bot.text()
    assert os.path.exists(root / "data" / "jobscout.db") and not (root / "data" / "heartbeat.json").exists()
