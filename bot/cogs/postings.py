"""Postings: pasted in a watched channel, or given to /add; shown, listed, fixed and removed.

Pastes: a member's message in a watched channel (a server's /setup choice, else the configured channel
names) is read as text, or from its ``message.txt``/``.txt``/``.md``/``.html`` attachments, and kept only
when it looks like a posting (:mod:`bot.detect`), so chat in the channel is left alone. The bot answers
with the card; a repost answers with a link to the first one. A listener never dies on one bad message:
failures are told to the poster and logged.

Buttons under a card carry the posting id (``fix:42``, ``remove:42``) and are handled by dynamic items,
so they work on cards sent before a restart.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import autocomplete
from bot.attachments import is_posting_file, read_text
from bot.detect import looks_like_posting
from bot.errors import UserFacingError, describe
from bot.fetch import fetch_page
from bot.interactions import answer, answer_by_editing, report, send
from bot.render import render
from bot.usecases import Added, FixDraft, FixValues, Source
from commands.reply import Reply, ReplyButton
from parsing.models import SENIORITY_ORDER

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)


def can_manage_messages(interaction: discord.Interaction[Any]) -> bool:
    return bool(interaction.permissions.manage_messages)


def with_first_link(added: Added) -> Reply:
    """The card for ``added``; a repost gets a link button to the first posting's message."""
    reply = added.reply
    if added.first_link and not added.created:
        link = ReplyButton(custom_id="first", label="First posting", style="link", url=added.first_link)
        reply = reply.model_copy(update={"buttons": [*reply.buttons, link]})
    return reply


class PostingsCog(commands.Cog):
    posting = app_commands.Group(name="posting", description="Saved postings", guild_only=True)

    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot
        self._watched: dict[int, set[int]] = {}

    # --- pastes in watched channels --------------------------------------------------------------

    def forget_watch_cache(self, guild_id: int) -> None:
        self._watched.pop(guild_id, None)

    async def is_watched(self, channel: discord.abc.GuildChannel | discord.Thread) -> bool:
        guild_id = channel.guild.id
        if guild_id not in self._watched:
            self._watched[guild_id] = await self.bot.use_cases.watched_channels(guild_id)
        chosen = self._watched[guild_id]
        parent = channel.parent if isinstance(channel, discord.Thread) else None
        if chosen:
            return channel.id in chosen or (parent is not None and parent.id in chosen)
        names = {name.lower().lstrip("#") for name in self.bot.settings.discord.watch_channels}
        return channel.name.lower() in names or (parent is not None and parent.name.lower() in names)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or message.guild is None:
            return
        if not self.bot.settings.discord.message_content:
            return  # /add-only mode: we cannot read what members write
        if not isinstance(message.channel, discord.TextChannel | discord.Thread):
            return
        try:
            if not await self.is_watched(message.channel):
                return
            await self.read_paste(message)
        except Exception as exc:
            await self.tell_poster(message, exc)

    async def read_paste(self, message: discord.Message) -> None:
        files = [a for a in message.attachments if is_posting_file(a)]
        texts: list[tuple[str, bool, str | None]] = []
        if message.content and (not files or looks_like_posting(message.content)):
            texts.append((message.content, False, None))
        failures: list[BaseException] = []
        for attachment in files:
            try:
                texts.append((await read_text(attachment), True, attachment.filename))
            except UserFacingError as exc:
                failures.append(exc)
        for text, from_file, filename in texts:
            if not looks_like_posting(text, from_file=from_file):
                continue
            source = Source(
                kind="message",
                user_id=message.author.id,
                channel_id=message.channel.id,
                message_id=message.id,
                filename=filename,
            )
            added = await self.bot.use_cases.add_posting(message.guild.id, text, source=source)  # type: ignore[union-attr]
            await message.reply(**render(with_first_link(added)).channel_kwargs(), mention_author=False)
        for failure in failures:
            await self.tell_poster(message, failure)

    async def tell_poster(self, message: discord.Message, error: BaseException) -> None:
        described = describe(error)
        where = (
            f"message {message.id} (guild={message.guild and message.guild.id}, channel={message.channel.id})"
        )
        if described.expected:
            log.info("Could not take the posting in %s: %s", where, described.message)
        else:
            log.error("Error reading the posting in %s", where, exc_info=error)
        try:
            await message.reply(
                **render(Reply.error(described.message)).channel_kwargs(), mention_author=False
            )
        except discord.HTTPException:
            log.warning("Could not tell the poster about a failure in %s", where, exc_info=True)

    # --- /add ------------------------------------------------------------------------------------

    @app_commands.command(
        name="add", description="Save a job posting: paste its text, attach a file, or give a link"
    )
    @app_commands.describe(
        text="The posting's text",
        file="A .txt, .md or .html file with the posting",
        url="A link to the posting's page",
    )
    @app_commands.guild_only()
    async def add(
        self,
        interaction: discord.Interaction[Any],
        text: str | None = None,
        file: discord.Attachment | None = None,
        url: str | None = None,
    ) -> None:
        given = [v for v in (text, file, url) if v]
        if len(given) != 1:
            await send(interaction, Reply.error("Give exactly one of `text`, `file` or `url`."))
            return
        await answer(interaction, self._add(interaction, text, file, url))

    async def _add(
        self,
        interaction: discord.Interaction[Any],
        text: str | None,
        file: discord.Attachment | None,
        url: str | None,
    ) -> Reply:
        assert interaction.guild_id is not None
        source = Source(kind="command", user_id=interaction.user.id, channel_id=interaction.channel_id)
        if file is not None:
            if not is_posting_file(file):
                return Reply.error("Attach a .txt, .md or .html file.")
            text = await read_text(file, max_bytes=self.bot.settings.fetch.max_bytes)
            source = Source(
                kind="command",
                user_id=interaction.user.id,
                channel_id=interaction.channel_id,
                filename=file.filename,
            )
        elif url is not None:
            page = await fetch_page(url, self.bot.settings.fetch)
            text = page.text
            source = Source(
                kind="url", user_id=interaction.user.id, channel_id=interaction.channel_id, url=page.url
            )
        assert text is not None
        added = await self.bot.use_cases.add_posting(interaction.guild_id, text, source=source)
        return with_first_link(added)

    # --- /posting show | list | remove -----------------------------------------------------------

    @posting.command(name="show", description="Show a saved posting")
    @app_commands.describe(posting="The posting (start typing its title or company)")
    @app_commands.autocomplete(posting=autocomplete.postings)
    async def show(self, interaction: discord.Interaction[Any], posting: int) -> None:
        assert interaction.guild_id is not None
        await answer(interaction, self.bot.use_cases.show_posting(interaction.guild_id, posting))

    @posting.command(name="list", description="List saved postings, newest first")
    @app_commands.describe(search="Only postings whose title, company or role contains this")
    async def list_(self, interaction: discord.Interaction[Any], search: str | None = None) -> None:
        assert interaction.guild_id is not None
        await answer(interaction, self.bot.use_cases.list_postings(interaction.guild_id, query=search))

    @posting.command(name="remove", description="Remove a posting (yours, or any with Manage Messages)")
    @app_commands.describe(posting="The posting (start typing its title or company)")
    @app_commands.autocomplete(posting=autocomplete.postings)
    async def remove(self, interaction: discord.Interaction[Any], posting: int) -> None:
        assert interaction.guild_id is not None
        work = self.bot.use_cases.remove_posting(
            interaction.guild_id,
            posting,
            user_id=interaction.user.id,
            can_manage=can_manage_messages(interaction),
        )
        await answer(interaction, work)


class ListPageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"list:(?P<page>\d+)(?::(?P<query>.*))?"
):
    """Newer/Older under /posting list: the list's page and search live in the custom_id."""

    def __init__(self, page: int, query: str | None) -> None:
        custom_id = f"list:{page}" + (f":{query}" if query else "")
        super().__init__(discord.ui.Button(label="Page", custom_id=custom_id[:100]))
        self.page = page
        self.query = query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ListPageButton:
        return cls(int(match["page"]), match["query"] or None)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: JobScoutBot = interaction.client
        try:
            assert interaction.guild_id is not None
            work = bot.use_cases.list_postings(interaction.guild_id, query=self.query, page=self.page)
            await answer_by_editing(interaction, work)
        except Exception as exc:
            await report(interaction, exc, context=f"list page {self.page} (query={self.query!r})")


class RemoveButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"remove:(?P<id>\d+)"):
    """The Remove button under a card: the poster, or anyone with Manage Messages."""

    def __init__(self, posting_id: int) -> None:
        super().__init__(discord.ui.Button(label="Remove", custom_id=f"remove:{posting_id}"))
        self.posting_id = posting_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RemoveButton:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: JobScoutBot = interaction.client
        removed = False

        async def work() -> Reply:
            nonlocal removed
            assert interaction.guild_id is not None
            reply = await bot.use_cases.remove_posting(
                interaction.guild_id,
                self.posting_id,
                user_id=interaction.user.id,
                can_manage=can_manage_messages(interaction),
            )
            removed = reply.kind != "error"
            return reply.model_copy(update={"ephemeral": True})

        try:
            await answer(interaction, work(), ephemeral=True)
        except Exception as exc:
            await report(interaction, exc, context=f"Remove button for posting {self.posting_id}")
            return
        if removed and interaction.message is not None:
            try:
                await interaction.message.delete()
            except discord.HTTPException:
                log.info("Could not delete the card of removed posting %s", self.posting_id)


class FixModal(discord.ui.Modal):
    def __init__(self, draft: FixDraft, *, nonce: int) -> None:
        super().__init__(
            title="Fix this posting", custom_id=f"fix-modal:{draft.posting_id}:{nonce}", timeout=900
        )
        self.posting_id = draft.posting_id
        self.job_title: discord.ui.TextInput[FixModal] = discord.ui.TextInput(
            label="Title", custom_id="title", default=draft.title, required=False, max_length=200
        )
        self.company: discord.ui.TextInput[FixModal] = discord.ui.TextInput(
            label="Company", custom_id="company", default=draft.company, required=False, max_length=200
        )
        self.pay: discord.ui.TextInput[FixModal] = discord.ui.TextInput(
            label="Pay (as stated, e.g. $120k-150k a year)",
            custom_id="pay",
            default=draft.pay,
            required=False,
            max_length=200,
        )
        self.seniority: discord.ui.TextInput[FixModal] = discord.ui.TextInput(
            label="Seniority",
            custom_id="seniority",
            default=draft.seniority,
            placeholder=", ".join(SENIORITY_ORDER)[:100],
            required=False,
            max_length=40,
        )
        for item in (self.job_title, self.company, self.pay, self.seniority):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        bot: JobScoutBot = interaction.client
        assert interaction.guild_id is not None
        values = FixValues(
            title=self.job_title.value.strip() or None,
            company=self.company.value.strip() or None,
            pay=self.pay.value.strip() or None,
            seniority=self.seniority.value.strip().lower() or None,
        )
        work = bot.use_cases.fix_posting(
            interaction.guild_id,
            self.posting_id,
            values,
            user_id=interaction.user.id,
            can_manage=can_manage_messages(interaction),
        )
        await answer(interaction, work)

    async def on_error(  # type: ignore[override]  # Modal's signature, not View's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await report(interaction, error, context=f"Fix form for posting {self.posting_id}")


class FixButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"fix:(?P<id>\d+)"):
    """The Fix button: a form with the fields as they stand; what is saved wins over the parse."""

    def __init__(self, posting_id: int) -> None:
        super().__init__(discord.ui.Button(label="Fix", custom_id=f"fix:{posting_id}"))
        self.posting_id = posting_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> FixButton:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: JobScoutBot = interaction.client
        try:
            assert interaction.guild_id is not None
            draft = await bot.use_cases.fix_draft(
                interaction.guild_id,
                self.posting_id,
                user_id=interaction.user.id,
                can_manage=can_manage_messages(interaction),
            )
            await interaction.response.send_modal(FixModal(draft, nonce=interaction.id))
        except Exception as exc:
            await report(interaction, exc, context=f"Fix button for posting {self.posting_id}")


async def setup(bot: JobScoutBot) -> None:
    bot.add_dynamic_items(FixButton, RemoveButton, ListPageButton)
    await bot.add_cog(PostingsCog(bot))
