"""A small Discord on 127.0.0.1: enough REST and gateway for the real discord.py client to run against.

REST lives under ``/api/v10`` and every call is recorded (method, path, JSON body, uploaded files, time),
so a test asserts on what the bot *sent*. The gateway is a websocket at ``/gateway`` that says HELLO,
answers IDENTIFY with READY (with ``resume_gateway_url``) and one GUILD_CREATE per guild of the shard,
acknowledges heartbeats, and then forwards whatever events a test injects. Attachments are served from
``/attachments/<name>`` so the bot downloads them exactly as it would from Discord's CDN.

Several bot processes can share one fake: each gets its own address prefix (:meth:`FakeDiscord.client_api_base`
and :meth:`FakeDiscord.client_gateway_url` with a label), and every REST call and gateway connection
records the label it came through, so a test can tell which process did what. A connection IDENTIFYing
with ``shard [i, n]`` receives only the guilds (and the events) of shard ``i``.

It models Discord only as far as JobScout uses it; it is a test double, not an emulator.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import BodyPartReader, WSMsgType, web

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
ALL_PERMISSIONS = (1 << 50) - 1
# VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | EMBED_LINKS | ATTACH_FILES | USE_APPLICATION_COMMANDS
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 14) | (1 << 15) | (1 << 31)
MANAGE_MESSAGES = 1 << 13
MANAGE_GUILD = 1 << 5

# Interaction callback types
PONG, CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 1, 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


_snowflake_counter = itertools.count(1)


def snowflake() -> int:
    """A fresh, increasing snowflake (the timestamp part is real, so discord.py can read it)."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_snowflake_counter) & 0x3FFFFF)


@dataclass
class FakeUser:
    id: int
    name: str
    permissions: int = MEMBER_PERMISSIONS
    bot: bool = False

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
        }

    def member(self) -> JSON:
        return {
            "user": self.payload(),
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "avatar": None,
            "pending": False,
            "permissions": str(self.permissions),
        }


@dataclass
class FakeGuild:
    id: int
    name: str
    channels: dict[str, int]
    owner_id: int = 1

    @classmethod
    def make(cls, name: str, *channel_names: str) -> FakeGuild:
        return cls(id=snowflake(), name=name, channels={c: snowflake() for c in channel_names})

    def channel(self, name: str) -> int:
        return self.channels[name]

    def channel_payload(self, name: str) -> JSON:
        position = list(self.channels).index(name)
        return {
            "id": str(self.channels[name]),
            "type": 0,
            "name": name,
            "guild_id": str(self.id),
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def payload(self, me: FakeUser) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [
                {
                    "id": str(self.id),
                    "name": "@everyone",
                    "permissions": str(MEMBER_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": 2,
            "voice_states": [],
            "members": [me.member()],
            "channels": [self.channel_payload(name) for name in self.channels],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


@dataclass
class RestCall:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    files: list[tuple[str, bytes]]  # (filename, data)
    at: float  # time.monotonic() when the request arrived
    message_id: int | None = None  # the message this call created, if any
    client: str | None = None  # the label of the address prefix it came through (several processes)

    @property
    def data(self) -> JSON:
        """The message part of the body: ``data`` of an interaction callback, else the body itself."""
        body = self.json if isinstance(self.json, dict) else {}
        inner = body.get("data")
        return inner if isinstance(inner, dict) and "type" in body else body

    @property
    def replying_to(self) -> int | None:
        """The message id this call replies to (``message_reference``), if any."""
        body = self.json if isinstance(self.json, dict) else {}
        reference = body.get("message_reference") or {}
        return int(reference["message_id"]) if "message_id" in reference else None

    @property
    def text(self) -> str:
        """Everything a reader would see: content, embed titles, descriptions and fields."""
        data = self.data
        parts: list[str] = [data.get("content") or ""]
        for embed in data.get("embeds") or []:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields") or []]
            parts.append((embed.get("footer") or {}).get("text") or "")
        if "choices" in data:
            parts += [str(choice["name"]) for choice in data["choices"]]
        return "\n".join(p for p in parts if p)

    @property
    def custom_ids(self) -> list[str]:
        ids: list[str] = []
        for row in self.data.get("components") or []:
            ids += [c["custom_id"] for c in row.get("components", []) if "custom_id" in c]
        return ids

    @property
    def ephemeral(self) -> bool:
        return bool((self.data.get("flags") or 0) & 64)


@dataclass
class Interaction:
    """An interaction the fake sent; its REST answers are found by its token."""

    id: int
    token: str
    sent_at: float


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    url: str = ""
    client: str | None = None
    shard: tuple[int, int] = (0, 1)
    seq: int = 0
    identified: asyncio.Event = field(default_factory=asyncio.Event)


class FakeDiscord:
    def __init__(self, guilds: list[FakeGuild], *, token: str = "fake-token") -> None:
        self.guilds = guilds
        self.token = token
        self.me = FakeUser(id=snowflake(), name="JobScout", bot=True)
        self.application_id = self.me.id
        self.owner = FakeUser(id=snowflake(), name="owner", permissions=ALL_PERMISSIONS)
        self.calls: list[RestCall] = []
        self.messages: dict[int, JSON] = {}
        self.commands: list[JSON] = []
        self.attachments: dict[str, tuple[int, bytes, str]] = {}
        self.rest_delay: float = 0.0
        self.identifies: list[JSON] = []  # IDENTIFY payloads received (intents, shard)
        self.arrived: list[RestCall] = []  # REST calls as they arrive (``calls`` has them once answered)
        self.message_content_allowed = True  # False: IDENTIFY asking for it is closed with 4014
        self._interaction_messages: dict[int, int] = {}  # interaction id -> the message it came from
        # interaction token -> the message a deferred update will edit (its @original, as on Discord)
        self._deferred_updates: dict[str, int] = {}
        self._connections: list[_Connection] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        app.router.add_get("/c/{client}/gateway", self._gateway)
        app.router.add_route("*", "/c/{client}/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        for conn in self._connections:
            with contextlib.suppress(Exception):
                await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def client_api_base(self, client: str) -> str:
        """The REST base for one of several bot processes: its calls are recorded with ``client``."""
        return f"{self.base_url}/c/{client}/api/v10"

    def client_gateway_url(self, client: str) -> str:
        return f"ws://127.0.0.1:{self.port}/c/{client}/gateway"

    async def wait_connected(self, shards: int = 1, timeout: float = 10.0) -> None:
        async def ready() -> bool:
            return sum(c.identified.is_set() for c in self._connections) >= shards

        await self._wait(ready, timeout)

    def connections(self) -> list[tuple[str | None, tuple[int, int]]]:
        """(client label, shard) of every identified gateway connection."""
        return [(c.client, c.shard) for c in self._connections if c.identified.is_set()]

    async def wait_shards(self, wanted: dict[str, list[int]], timeout: float = 30.0) -> None:
        """Until each client label has identified with (at least) the listed shard ids."""

        def done() -> bool:
            have = self.connections()
            return all(
                all(any(c == label and s[0] == i for c, s in have) for i in shards)
                for label, shards in wanted.items()
            )

        await self._wait(done, timeout)

    # --- attachments -----------------------------------------------------------------------------

    def attachment(
        self,
        filename: str,
        data: bytes,
        *,
        status: int = 200,
        content_type: str = "text/plain; charset=utf-8",
    ) -> JSON:
        """Serve ``data`` (or an HTTP ``status``) as an attachment; returns the attachment payload."""
        key = f"{snowflake()}-{filename}"
        self.attachments[key] = (status, data, content_type)
        return {
            "id": str(snowflake()),
            "filename": filename,
            "size": len(data),
            "url": f"{self.base_url}/attachments/{key}",
            "proxy_url": f"{self.base_url}/attachments/{key}",
            "content_type": content_type,
        }

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        status, data, content_type = self.attachments.get(
            request.match_info["name"], (404, b"", "text/plain")
        )
        if status != 200:
            return web.Response(status=status, text="attachment unavailable")
        return web.Response(body=data, headers={"Content-Type": content_type})

    # --- gateway ---------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        client = request.match_info.get("client")
        url = self.client_gateway_url(client) if client else self.gateway_url
        conn = _Connection(ws, url=url, client=client)
        self._connections.append(conn)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                op = payload.get("op")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11, "d": None, "s": None, "t": None}))
                elif op == 2:
                    await self._identify(conn, payload["d"])
                elif op == 6:
                    await self._send(conn, "RESUMED", {})
        finally:
            self._connections.remove(conn)
            async with self._changed:
                self._changed.notify_all()
        return ws

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        self.identifies.append(data)
        if data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if int(data.get("intents", 0)) & (1 << 15) and not self.message_content_allowed:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        shard = data.get("shard") or [0, 1]
        conn.shard = (int(shard[0]), int(shard[1]))
        guilds = [g for g in self.guilds if self._shard_of(g.id, conn.shard[1]) == conn.shard[0]]
        ready = {
            "v": 10,
            "user": self.me.payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": f"session-{snowflake()}",
            "resume_gateway_url": conn.url,
            "shard": list(conn.shard),
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._send(conn, "READY", ready)
        for guild in guilds:
            await self._send(conn, "GUILD_CREATE", guild.payload(self.me))
        conn.identified.set()
        async with self._changed:
            self._changed.notify_all()

    @staticmethod
    def _shard_of(guild_id: int, shard_count: int) -> int:
        return (guild_id >> 22) % shard_count

    async def _send(self, conn: _Connection, event: str, data: JSON) -> None:
        conn.seq += 1
        await conn.ws.send_str(json.dumps({"op": 0, "t": event, "s": conn.seq, "d": data}))

    async def dispatch(self, event: str, data: JSON, *, guild_id: int | None = None) -> None:
        """Send a gateway event to the connection (shard) that owns ``guild_id`` (all when None)."""
        if not self._connections:
            raise RuntimeError("no gateway connection: is the bot running?")
        for conn in list(self._connections):
            if guild_id is None or self._shard_of(guild_id, conn.shard[1]) == conn.shard[0]:
                await self._send(conn, event, data)

    # --- what members do -------------------------------------------------------------------------

    async def post_message(
        self,
        guild: FakeGuild,
        channel: str,
        author: FakeUser,
        content: str = "",
        *,
        attachments: list[JSON] | None = None,
        mentions: list[FakeUser] | None = None,
        deliver: bool = True,
    ) -> JSON:
        """A member's message; ``deliver=False``: kept in the channel's history only, as a message
        posted while the bot was not connected."""
        channel_id = guild.channel(channel)
        message: JSON = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "guild_id": str(guild.id),
            "author": author.payload(),
            "member": {k: v for k, v in author.member().items() if k not in ("user", "permissions")},
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": "@everyone" in content,
            "mentions": [u.payload() for u in mentions or []],
            "mention_roles": [],
            "attachments": attachments or [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }
        self.messages[int(message["id"])] = message
        if deliver:
            await self.dispatch("MESSAGE_CREATE", message, guild_id=guild.id)
        return message

    def _interaction(
        self,
        kind: int,
        guild: FakeGuild,
        channel: str,
        user: FakeUser,
        data: JSON,
        message: JSON | None = None,
    ) -> tuple[Interaction, JSON]:
        ix = Interaction(id=snowflake(), token=f"ixtoken-{snowflake()}", sent_at=time.monotonic())
        payload: JSON = {
            "id": str(ix.id),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(guild.channel(channel)),
            "channel": guild.channel_payload(channel),
            "member": user.member(),
            "token": ix.token,
            "version": 1,
            "app_permissions": str(ALL_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
            self._interaction_messages[ix.id] = int(message["id"])
        return ix, payload

    async def slash(
        self,
        guild: FakeGuild,
        channel: str,
        user: FakeUser,
        name: str,
        options: list[JSON] | None = None,
        *,
        resolved: JSON | None = None,
        autocomplete: bool = False,
    ) -> Interaction:
        """Run ``/name`` with ``options`` (Discord's option payloads; see :func:`opt`).

        With ``autocomplete`` it is an autocomplete request; mark the focused option with ``focused``.
        """
        data: JSON = {"id": str(snowflake()), "name": name, "type": 1, "options": options or []}
        if resolved:
            data["resolved"] = resolved
        ix, payload = self._interaction(4 if autocomplete else 2, guild, channel, user, data)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return ix

    async def click(
        self, guild: FakeGuild, channel: str, user: FakeUser, message: JSON, custom_id: str
    ) -> Interaction:
        data = {"custom_id": custom_id, "component_type": 2}
        ix, payload = self._interaction(3, guild, channel, user, data, message)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return ix

    async def submit_modal(
        self,
        guild: FakeGuild,
        channel: str,
        user: FakeUser,
        modal: JSON,
        values: dict[str, str],
        *,
        message: JSON | None = None,
    ) -> Interaction:
        """Submit the modal the bot opened (the ``data`` of its MODAL callback), filling ``values``;
        ``message``: the message whose button opened it (Discord sends it along)."""
        rows = []
        for row in modal["components"]:
            inputs = row["components"] if row.get("type") == 1 else [row["component"]]
            for text_input in inputs:
                cid = text_input["custom_id"]
                value = values.get(cid, text_input.get("value") or "")
                rows.append({"type": 1, "components": [{"type": 4, "custom_id": cid, "value": value}]})
        data = {"custom_id": modal["custom_id"], "components": rows}
        ix, payload = self._interaction(5, guild, channel, user, data, message)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return ix

    async def message_command(
        self, guild: FakeGuild, channel: str, user: FakeUser, name: str, target: JSON
    ) -> Interaction:
        """Use the message context-menu command ``name`` on ``target`` (a message of ``channel``)."""
        data: JSON = {
            "id": str(snowflake()),
            "name": name,
            "type": 3,
            "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}},
        }
        ix, payload = self._interaction(2, guild, channel, user, data)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return ix

    async def join(self, guild: FakeGuild, *, system_channel: str | None = None) -> None:
        """The bot is added to ``guild`` (GUILD_CREATE after READY, as when a server invites it)."""
        self.guilds.append(guild)
        payload = guild.payload(self.me)
        del payload["unavailable"]  # as Discord sends a join (with it, a guild coming back after an outage)
        if system_channel is not None:
            payload["system_channel_id"] = str(guild.channel(system_channel))
        await self.dispatch("GUILD_CREATE", payload, guild_id=guild.id)

    # --- waiting on what the bot did -------------------------------------------------------------

    async def _wait(self, check: Callable[[], Any], timeout: float) -> Any:
        async def loop() -> Any:
            async with self._changed:
                while True:
                    result = check()
                    if asyncio.iscoroutine(result):
                        result = await result
                    if result:
                        return result
                    await self._changed.wait()

        return await asyncio.wait_for(loop(), timeout)

    async def wait_call(self, predicate: Callable[[RestCall], bool], timeout: float = 5.0) -> RestCall:
        def find() -> RestCall | None:
            return next((c for c in self.calls if predicate(c)), None)

        result: RestCall = await self._wait(find, timeout)
        return result

    async def wait_arrival(self, predicate: Callable[[RestCall], bool], timeout: float = 5.0) -> RestCall:
        """A call as soon as it arrives (before ``rest_delay`` and the answer)."""

        def find() -> RestCall | None:
            return next((c for c in self.arrived if predicate(c)), None)

        result: RestCall = await self._wait(find, timeout)
        return result

    def find_calls(self, predicate: Callable[[RestCall], bool]) -> list[RestCall]:
        return [c for c in self.calls if predicate(c)]

    def for_interaction(self, ix: Interaction) -> Iterator[RestCall]:
        return (c for c in self.calls if ix.token in c.path)

    async def ack(self, ix: Interaction, timeout: float = 5.0) -> RestCall:
        """The interaction's callback (the first response Discord requires within 3 s)."""
        return await self.wait_call(lambda c: c.path.endswith(f"/{ix.id}/{ix.token}/callback"), timeout)

    async def answer(self, ix: Interaction, timeout: float = 5.0) -> RestCall:
        """The call that carries the visible answer: a message callback, a followup, or an edit."""

        def is_answer(c: RestCall) -> bool:
            if ix.token not in c.path:
                return False
            if c.path.endswith("/callback"):
                return c.json.get("type") in (CHANNEL_MESSAGE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL)
            return c.method in ("POST", "PATCH")

        return await self.wait_call(is_answer, timeout)

    async def channel_message(
        self, channel_id: int, predicate: Callable[[RestCall], bool] = lambda c: True, timeout: float = 5.0
    ) -> RestCall:
        path = f"/channels/{channel_id}/messages"
        return await self.wait_call(lambda c: c.method == "POST" and c.path == path and predicate(c), timeout)

    def message_of(self, call: RestCall) -> JSON:
        """The message Discord created for ``call`` (to click its buttons)."""
        assert call.message_id is not None, "this call created no message"
        return self.messages[call.message_id]

    # --- REST ------------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        files: list[tuple[str, bytes]] = []
        if request.content_type == "application/json":
            body = await request.json()
        elif request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                assert isinstance(part, BodyPartReader)
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                else:
                    files.append((part.filename or "", await part.read()))
        call = RestCall(request.method, path, dict(request.query), body or {}, files, time.monotonic())
        call.client = request.match_info.get("client")
        self.arrived.append(call)
        async with self._changed:
            self._changed.notify_all()
        if self.rest_delay:
            await asyncio.sleep(self.rest_delay)
        status, response = self._route(call, request)
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()
        if status == 204:
            return web.Response(status=204)
        # discord.py compares the header with "application/json" exactly (no charset).
        return web.Response(
            status=status, body=json.dumps(response).encode(), headers={"Content-Type": "application/json"}
        )

    def _route(self, call: RestCall, request: web.Request) -> tuple[int, Any]:
        method, path, parts = call.method, call.path, call.path.strip("/").split("/")
        if path == "/users/@me":
            if request.headers.get("Authorization") != f"Bot {self.token}":
                return 401, {"message": "401: Unauthorized", "code": 0}
            return 200, self.me.payload()
        if path == "/oauth2/applications/@me":
            return 200, self._app_info()
        if path in ("/gateway/bot", "/gateway"):
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            url = self.client_gateway_url(call.client) if call.client else self.gateway_url
            return 200, {"url": url, "shards": 1, "session_start_limit": limit}
        if parts[0] == "applications" and parts[-1] == "commands":
            if method == "PUT":
                self.commands = [
                    # Discord answers with an empty description for context-menu commands
                    {
                        "description": "",
                        **c,
                        "id": str(snowflake()),
                        "application_id": str(self.application_id),
                        "version": "1",
                    }
                    for c in call.json
                ]
            return 200, self.commands
        if parts[0] == "channels" and len(parts) >= 3 and parts[2] == "messages":
            return self._channel_messages(call, int(parts[1]), parts[3:])
        if parts[0] == "channels" and parts[-1] == "typing":
            return 204, None
        if parts[0] == "interactions" and parts[-1] == "callback":
            return self._callback(call, int(parts[1]), parts[2])
        if parts[0] == "webhooks":
            return self._webhook(call, parts[2], parts[3:])
        return 404, {"message": f"fake discord has no route {method} {path}", "code": 0}

    def _app_info(self) -> JSON:
        return {
            "id": str(self.application_id),
            "name": "JobScout",
            "icon": None,
            "description": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "interactions_endpoint_url": None,
        }

    def _new_message(self, channel_id: int, body: JSON, files: list[tuple[str, bytes]]) -> JSON:
        message: JSON = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "author": self.me.payload(),
            "content": body.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [
                {
                    "id": str(snowflake()),
                    "filename": name,
                    "size": len(data),
                    "url": f"{self.base_url}/attachments/{name}",
                    "proxy_url": f"{self.base_url}/attachments/{name}",
                }
                for name, data in files
            ],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        if body.get("message_reference"):
            message["message_reference"] = body["message_reference"]
        self.messages[int(message["id"])] = message
        return message

    def _history(self, channel_id: int, query: dict[str, str]) -> list[JSON]:
        """GET /channels/{id}/messages: newest first, as Discord answers; ``after`` gives the oldest
        ``limit`` messages after it, ``before`` (or neither) the newest before it."""
        limit = min(100, int(query.get("limit", 50)))
        ids = sorted(i for i, m in self.messages.items() if int(m["channel_id"]) == channel_id)
        if "after" in query:
            chosen = [i for i in ids if i > int(query["after"])][:limit]
        else:
            before = int(query.get("before", 1 << 63))
            chosen = [i for i in ids if i < before][-limit:]
        return [self.messages[i] for i in reversed(chosen)]

    def _channel_messages(self, call: RestCall, channel_id: int, rest: list[str]) -> tuple[int, Any]:
        if call.method == "GET" and not rest:
            return 200, self._history(channel_id, call.query)
        if call.method == "POST" and not rest:
            message = self._new_message(channel_id, call.json, call.files)
            call.message_id = int(message["id"])
            return 200, message
        message_id = int(rest[0]) if rest else 0
        existing = self.messages.get(message_id)
        if existing is None:
            return 404, {"message": "Unknown Message", "code": 10008}
        if call.method == "DELETE":
            del self.messages[message_id]
            return 204, None
        if call.method == "PATCH":
            _edit(existing, call.json)
        return 200, existing

    def _callback(self, call: RestCall, interaction_id: int, token: str) -> tuple[int, Any]:
        kind = call.json.get("type")
        result: JSON = {"interaction": {"id": str(interaction_id), "type": 2}}
        if kind == DEFERRED_CHANNEL_MESSAGE:
            result["interaction"]["response_message_loading"] = True
            result["interaction"]["response_message_ephemeral"] = bool(
                (call.json.get("data") or {}).get("flags", 0) & 64
            )
        origin = self.messages.get(self._interaction_messages.get(interaction_id, 0))
        if kind == DEFERRED_UPDATE and origin is not None:
            self._deferred_updates[token] = int(origin["id"])
        if kind == UPDATE_MESSAGE and origin is not None:  # the message whose component was used
            body = call.json.get("data") or {}
            _edit(origin, body)
            call.message_id = int(origin["id"])
            result["interaction"]["response_message_id"] = origin["id"]
            result["resource"] = {"type": kind, "message": origin}
        elif kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            message = self._new_message(0, call.json.get("data") or {}, call.files)
            call.message_id = int(message["id"])
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": kind, "message": message}
        return 200, result

    def _webhook(self, call: RestCall, token: str, rest: list[str]) -> tuple[int, Any]:
        deferred_origin = self.messages.get(self._deferred_updates.get(token, 0))
        if call.method == "PATCH" and rest == ["messages", "@original"] and deferred_origin is not None:
            _edit(deferred_origin, call.json)
            call.message_id = int(deferred_origin["id"])
            return 200, deferred_origin
        if call.method == "POST" and not rest:
            message = self._new_message(0, call.json, call.files)
            call.message_id = int(message["id"])
            return 200, message
        if call.method == "DELETE":
            return 204, None
        message = self._new_message(0, call.json, call.files)
        call.message_id = int(message["id"])
        return 200, message


def _edit(message: JSON, body: JSON) -> None:
    """Apply an edit's body to a stored message (what Discord lets an edit change)."""
    message.update({k: v for k, v in body.items() if k in ("content", "embeds", "components")})


def edits_in_place(answer: RestCall, message: JSON) -> bool:
    """The answer edits the message the button is on: an update at once or, when the work outlasts the
    acknowledgement budget (a loaded machine), an edit of the original after a deferred update."""
    updated = answer.json.get("type") == UPDATE_MESSAGE or answer.path.endswith("/messages/@original")
    return updated and answer.message_id == int(message["id"]) and not answer.ephemeral


def opt(name: str, value: Any, *, kind: int = 3, focused: bool = False) -> JSON:
    """A slash-command option payload (kind: 3 string, 4 integer, 7 channel, 11 attachment)."""
    option: JSON = {"name": name, "type": kind, "value": value}
    if focused:
        option["focused"] = True
    return option


def sub(name: str, *options: JSON) -> JSON:
    """A subcommand option (``/posting show ...``) carrying its own options."""
    return {"name": name, "type": 1, "options": list(options)}
