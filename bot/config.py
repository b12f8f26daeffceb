"""Settings: config.toml, overridden by JOBSCOUT_* environment variables (nested with ``__``).

The Discord token is deliberately not a setting: it is read from ``DISCORD_TOKEN`` only when the bot
connects, so it can never end up in a config dump or a log line.
"""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
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
    shard_count: int | None = Field(default=None, description="Total shards; set to run sharded.")
    shard_ids: list[int] | None = Field(default=None, description="Shards this process runs.")
    guild_ready_timeout: float = Field(default=2.0, description="Seconds to wait for guilds at start.")
    owner_ids: list[int] = Field(default_factory=list, description="Users allowed to run owner commands.")
    charts: bool = Field(
        default=True, description="Attach chart images to /salary and /compare (a few ms of CPU each)."
    )


class DatabaseSettings(BaseModel):
    url: str = Field(
        default="sqlite+aiosqlite:///data/jobscout.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    echo: bool = False


class PaySettings(BaseModel):
    """How stated pay becomes comparable yearly pay. Figures, not code, so they live here."""

    hours_per_year: float = 2080.0
    days_per_year: float = 260.0
    weeks_per_year: float = 52.0
    months_per_year: float = 12.0
    rates_date: date = date(2026, 11, 1)
    usd_per_unit: dict[str, float] = Field(
        default_factory=lambda: {"USD": 1.0},
        description="Exchange rates: how many US dollars one unit of each currency buys on rates_date.",
    )


class DigestSettings(BaseModel):
    default_day: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    default_time: time = time(9, 0)
    default_timezone: str = "UTC"
    grace_hours: float = 24.0
    max_attempts: int = 3


class FetchSettings(BaseModel):
    timeout_seconds: float = 10.0
    max_bytes: int = 1_000_000
    allow_private_addresses: bool = False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="JOBSCOUT_",
        env_nested_delimiter="__",
        extra="ignore",
    )

    data_dir: Path = Path("data")
    log_level: str = "INFO"
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    pay: PaySettings = Field(default_factory=PaySettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)

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
