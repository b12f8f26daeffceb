"""The bot factory: intents, defaults, endpoints, the command tree and its hash."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl
from discord import app_commands

from bot.app import EXTENSIONS, JobScoutBot, ShardedJobScoutBot, command_tree_hash, create_bot
from bot.config import Settings
from commands.help.usecase import help_reply


def settings(tmp_path: Path, **discord_settings: Any) -> Settings:
    return Settings(data_dir=tmp_path, discord=discord_settings)  # type: ignore[arg-type]


@pytest.fixture
async def loaded(tmp_path: Path) -> AsyncIterator[JobScoutBot]:
    bot = create_bot(settings(tmp_path), services=None)
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    yield bot
    await bot.close()


def test_defaults_never_mention_and_read_only_what_is_needed(tmp_path: Path) -> None:
    bot = create_bot(settings(tmp_path), services=None)
    assert bot.allowed_mentions is not None and bot.allowed_mentions.to_dict() == {"parse": []}
    assert bot.intents.guilds and bot.intents.guild_messages and bot.intents.message_content
    assert not bot.intents.members and not bot.intents.presences
    add_only = create_bot(settings(tmp_path, message_content=False), services=None)
    assert not add_only.intents.message_content


def test_sharding_when_configured(tmp_path: Path) -> None:
    bot = create_bot(settings(tmp_path, shard_count=4, shard_ids=[0, 1]), services=None)
    assert isinstance(bot, ShardedJobScoutBot) and isinstance(bot, discord.AutoShardedClient)
    assert (bot.shard_count, bot.shard_ids) == (4, [0, 1])
    assert not isinstance(create_bot(settings(tmp_path), services=None), discord.AutoShardedClient)


def test_endpoints_point_discord_py_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    create_bot(
        settings(tmp_path, api_base="http://proxy:8080/api/v10/", gateway_url="ws://proxy:8081/"), None
    )
    assert discord.http.Route("GET", "/users/@me").url == "http://proxy:8080/api/v10/users/@me"
    assert yarl.URL("ws://proxy:8081/") == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY


async def test_the_command_tree(loaded: JobScoutBot) -> None:
    commands = loaded.tree.get_commands(type=discord.AppCommandType.chat_input)
    names = [c.name for c in commands]
    assert sorted(names) == [
        "add",
        "compare",
        "digest",
        "export",
        "help",
        "posting",
        "salary",
        "setup",
        "skills",
    ]
    assert len(names) == len(set(names))  # no two commands clash

    def walk(cmds: list[Any]) -> list[app_commands.Command[Any, ..., Any]]:
        out = []
        for c in cmds:
            out += walk(c.commands) if isinstance(c, app_commands.Group) else [c]
        return out

    for command in walk(commands):
        assert 1 <= len(command.description) <= 100, command.qualified_name
        for param in command.parameters:
            assert 1 <= len(param.description) <= 100, (command.qualified_name, param.name)
    setup = loaded.tree.get_command("setup")
    assert isinstance(setup, app_commands.Group)
    watch = setup.get_command("watch")
    assert watch is not None and watch.default_permissions == discord.Permissions(manage_guild=True)
    export = loaded.tree.get_command("export")
    assert export is not None and export.default_permissions == discord.Permissions(manage_guild=True)
    menus = loaded.tree.get_commands(type=discord.AppCommandType.message)
    assert [m.name for m in menus] == ["Save to JobScout"]


async def test_tree_hash_changes_with_the_schema_only(loaded: JobScoutBot, tmp_path: Path) -> None:
    first = command_tree_hash(loaded.tree)
    assert first == command_tree_hash(loaded.tree)
    other = create_bot(settings(tmp_path), services=None)
    for extension in EXTENSIONS:
        await other.load_extension(extension)
    assert command_tree_hash(other.tree) == first  # same code, same hash (order and process independent)
    loaded.tree.remove_command("export")
    assert command_tree_hash(loaded.tree) != first
    await other.close()


async def test_help_lists_every_command(loaded: JobScoutBot) -> None:
    listed = help_reply().fields[0].value
    for command in loaded.tree.get_commands(type=discord.AppCommandType.chat_input):
        if command.name != "help":
            assert f"**/{command.name}" in listed, command.name
