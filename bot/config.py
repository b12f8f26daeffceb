"""Settings: config.toml, overridden by JOBSCOUT_* environment variables (nested with ``__``).

The Discord token is deliberately not a setting: it is read from ``DISCORD_TOKEN`` only when the bot
connects, so it can never end up in a config dump or a log line.
"""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config.toml"


class DiscordSettings(BaseModel):
    api_base: str | None = Field(default=None, description="REST base URL (a proxy, or the test fake).")
    gateway_url: str | None = Field(default=None, description="Gateway websocket URL override.")
    watch_channels: list[str] = Field(
        default_factory=lambda: ["job-postings", "jobs"],
        description="Channel names watched for pasted postings unless a server sets its own.",
    )
    message_content: bool = Field(
        default=True, description="Use the privileged MESSAGE_CONTENT intent; off means /add-only mode."
    )
    shard_count: int | None = Field(
        default=None, ge=1, description="Total shards across all processes; set to run sharded."
    )
    shard_ids: list[int] | None = Field(
        default=None,
        description="The shards this process runs (all of them when unset); needs shard_count.",
    )
    guild_ready_timeout: float = Field(default=2.0, description="Seconds to wait for guilds at start.")
    owner_ids: list[int] = Field(default_factory=list, description="Users allowed to run owner commands.")
    charts: bool = Field(
        default=True, description="Attach chart images to /salary and /compare (a few ms of CPU each)."
    )

    @model_validator(mode="after")
    def _shards_make_sense(self) -> DiscordSettings:
        if self.shard_ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("discord.shard_ids needs discord.shard_count (the total across processes)")
        if not self.shard_ids:
            raise ValueError(
                "discord.shard_ids is empty: list the shards this process runs, or leave it unset"
            )
        wrong = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
        if wrong:
            raise ValueError(f"discord.shard_ids {wrong} are not in 0..{self.shard_count - 1}")
        if len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError("discord.shard_ids lists a shard twice")
        return self


class DatabaseSettings(BaseModel):
    url: str = Field(
        default="sqlite+aiosqlite:///data/jobscout.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    echo: bool = Field(default=False, description="Log every SQL statement (debugging only).")


class PaySettings(BaseModel):
    """How stated pay becomes comparable yearly pay. Figures, not code, so they live here."""

    hours_per_year: float = Field(default=2080.0, description="Working hours in a year (hourly pay x this).")
    days_per_year: float = Field(default=260.0, description="Working days in a year (daily pay x this).")
    weeks_per_year: float = Field(default=52.0, description="Weeks in a year (weekly pay x this).")
    months_per_year: float = Field(default=12.0, description="Months in a year (monthly pay x this).")
    rates_date: date = Field(default=date(2026, 11, 1), description="The date the exchange rates are from.")
    usd_per_unit: dict[str, float] = Field(
        default_factory=lambda: {"USD": 1.0},
        description="Exchange rates: how many US dollars one unit of each currency buys on rates_date.",
    )


class DigestSettings(BaseModel):
    default_day: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = Field(
        default="mon", description="Weekday of the digest when a server has not chosen one."
    )
    default_time: time = Field(default=time(9, 0), description="Local time of the digest (HH:MM:SS).")
    default_timezone: str = Field(
        default="UTC", description="IANA timezone when a server has not chosen one."
    )
    grace_hours: float = Field(
        default=24.0, description="A digest missed while the bot was down is still sent this many hours late."
    )
    max_attempts: int = Field(default=3, description="Tries to post one week's digest before giving up.")
    spread_minutes: int = Field(
        default=60,
        ge=0,
        le=24 * 60,
        description="Servers on the default time are spread over this many minutes after it (by server id).",
    )


class FetchSettings(BaseModel):
    timeout_seconds: float = Field(default=10.0, description="Time limit for fetching a posting by /add url.")
    max_bytes: int = Field(default=1_000_000, description="Largest page /add url downloads.")
    allow_private_addresses: bool = Field(
        default=False, description="Let /add url fetch private and loopback addresses (tests only)."
    )


class HealthSettings(BaseModel):
    """Liveness: the bot touches a heartbeat file while its gateway connections are up."""

    heartbeat_file: Path | None = Field(
        default=None,
        description=(
            "File the bot rewrites while connected; `jobscout health` reads it "
            "(default: DATA_DIR/heartbeat.json)."
        ),
    )
    interval_seconds: float = Field(default=10.0, gt=0, description="How often the heartbeat is written.")
    max_age_seconds: float = Field(
        default=60.0, gt=0, description="`jobscout health` fails when the heartbeat is older than this."
    )


class ParseSettings(BaseModel):
    workers: int = Field(
        default=2,
        ge=0,
        description=(
            "Worker processes parsing pastes of ordinary size (one more takes large ones); "
            "0 parses in a thread, without a budget."
        ),
    )
    budget_seconds: float = Field(
        default=3.0, gt=0, description="Time one paste may take to parse before it is stopped and refused."
    )


class ShutdownSettings(BaseModel):
    drain_seconds: float = Field(
        default=8.0,
        ge=0,
        description="On SIGTERM, how long work already started may take to finish before the bot closes.",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="JOBSCOUT_",
        env_nested_delimiter="__",
        env_ignore_empty=True,  # an empty variable (as compose passes for unset ones) means "not set"
        extra="ignore",
    )

    data_dir: Path = Field(
        default=Path("data"),
        description="Where the bot keeps its files (SQLite database, heartbeat, sync hash).",
    )
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR.")
    discord: DiscordSettings = Field(
        default_factory=DiscordSettings, description="Connecting to Discord, and what the bot reads."
    )
    database: DatabaseSettings = Field(
        default_factory=DatabaseSettings, description="Where postings are kept."
    )
    pay: PaySettings = Field(default_factory=PaySettings, description="Making stated pay comparable.")
    digest: DigestSettings = Field(
        default_factory=DigestSettings, description="The weekly digest, for servers that keep the defaults."
    )
    fetch: FetchSettings = Field(default_factory=FetchSettings, description="/add url: fetching a posting.")
    health: HealthSettings = Field(
        default_factory=HealthSettings, description="Liveness: the heartbeat file and `jobscout health`."
    )
    parse: ParseSettings = Field(
        default_factory=ParseSettings, description="Reading pastes: worker processes and the time budget."
    )
    shutdown: ShutdownSettings = Field(
        default_factory=ShutdownSettings, description="Stopping on SIGTERM (docker stop) or Ctrl-C."
    )

    @property
    def heartbeat_path(self) -> Path:
        return self.health.heartbeat_file or Path(self.data_dir) / "heartbeat.json"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = Path(os.environ.get("JOBSCOUT_CONFIG", DEFAULT_CONFIG_FILE))
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file)
        return init_settings, env_settings, toml


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
