""".env.example and README's configuration reference are generated from the settings model and current;
every variable they (and the Dockerfile, compose file and docs) name is a real setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.cli.docs import (
    CONFIG_VARIABLE,
    TOKEN_VARIABLE,
    current_section,
    entries,
    env_example,
    env_value,
    reference,
    shipped_defaults,
)
from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
STALE = "stale: run `python scripts/settings_docs.py`"


def test_env_example_is_generated_from_the_settings_model() -> None:
    assert (ROOT / ".env.example").read_text() == env_example(), STALE


def test_readme_configuration_reference_is_generated_from_the_settings_model() -> None:
    assert current_section((ROOT / "README.md").read_text()) == reference(), STALE


def test_every_setting_is_documented() -> None:
    listed = entries()
    assert len(listed) >= 30
    assert all(e.description for e in listed), [e.toml_key for e in listed if not e.description]
    text = env_example()
    for entry in listed:
        assert f"# {entry.env}=" in text


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    import os

    for name in list(os.environ):
        if name.startswith("JOBSCOUT_") and name != CONFIG_VARIABLE:
            monkeypatch.delenv(name)
    monkeypatch.delenv(CONFIG_VARIABLE, raising=False)
    return monkeypatch


def test_each_example_line_uncommented_loads_its_shipped_default(no_env: pytest.MonkeyPatch) -> None:
    defaults = shipped_defaults()
    for line in env_example().splitlines():
        match = re.fullmatch(r"# (JOBSCOUT_\w+)=(.*)", line)
        if match and match.group(1) != CONFIG_VARIABLE:
            no_env.setenv(match.group(1), match.group(2))
    assert load_settings() == defaults


def test_variable_names_reach_their_settings(no_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    no_env.setenv("JOBSCOUT_DATA_DIR", str(tmp_path))
    no_env.setenv("JOBSCOUT_DISCORD__SHARD_COUNT", "4")
    no_env.setenv("JOBSCOUT_DISCORD__SHARD_IDS", "[1,3]")
    no_env.setenv("JOBSCOUT_HEALTH__MAX_AGE_SECONDS", "7.5")
    no_env.setenv("JOBSCOUT_SHUTDOWN__DRAIN_SECONDS", "3")
    no_env.setenv("JOBSCOUT_PAY__USD_PER_UNIT", '{"EUR": 2.0}')
    no_env.setenv("JOBSCOUT_DISCORD__API_BASE", "")  # empty means unset (compose passes empty values)
    settings = load_settings()
    assert settings.data_dir == tmp_path and settings.heartbeat_path == tmp_path / "heartbeat.json"
    assert (settings.discord.shard_count, settings.discord.shard_ids) == (4, [1, 3])
    assert settings.health.max_age_seconds == 7.5 and settings.shutdown.drain_seconds == 3
    assert settings.pay.usd_per_unit["EUR"] == 2.0 and settings.pay.usd_per_unit["GBP"] == 1.27
    assert settings.discord.api_base is None


def test_variables_named_anywhere_are_settings() -> None:
    known = {e.env for e in entries()} | {TOKEN_VARIABLE, CONFIG_VARIABLE}
    for name in (
        "Dockerfile",
        "docker-compose.yml",
        "docker-compose.shards.yml",
        "README.md",
        "docs/scaling.md",
        "bench/README.md",
    ):
        path = ROOT / name
        if not path.exists():
            continue
        for variable in set(re.findall(r"\b(JOBSCOUT_[A-Z0-9_]+[A-Z0-9])\b", path.read_text())):
            if variable.startswith("JOBSCOUT_TEST_"):
                continue  # the test suite's own switches
            assert variable in known, f"{name} names {variable}, which is not a setting"


@pytest.mark.parametrize(
    ("discord", "message"),
    [
        ({"shard_ids": [0]}, "needs discord.shard_count"),
        ({"shard_count": 2, "shard_ids": [2]}, "not in 0..1"),
        ({"shard_count": 2, "shard_ids": [1, 1]}, "twice"),
        ({"shard_count": 2, "shard_ids": []}, "empty"),
        ({"shard_count": 0}, "greater than or equal to 1"),
    ],
)
def test_shard_settings_that_cannot_work_are_refused(discord: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings.model_validate({"discord": discord})


def test_env_values() -> None:
    assert env_value(None) == "" and env_value(True) == "true" and env_value([0, 1]) == "[0,1]"
    assert env_value(2080.0) == "2080" and env_value(0.5) == "0.5"
