"""Postings on Discord: pasted in a watched channel, or given to /add; shown, listed, fixed and removed.

Pastes: a member's message in a watched channel (a server's /setup choice, else the configured channel
names) is read as text, or from its ``message.txt``/``.txt``/``.md``/``.html`` attachments, and kept only
when it looks like a posting (:mod:`commands.postings.detect`), so chat in the channel is left alone.
Anything else attached (images, PDFs) is not ours to read and is skipped without a word; a download that
fails or a file that cannot be decoded is told to the poster: they must learn that their posting was not
saved. The bot answers with the card; a repost answers with a link to the first one. A listener never
dies on one bad message: failures are told to the poster and logged.

Buttons under a card carry the posting id (:mod:`commands.core.ids`) and are handled by dynamic items,
so they work on cards sent before a restart.
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import PurePosixPath
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core import ids
from commands.core.cog import Host, acting_member, host, posting_choices
from commands.core.errors import AttachmentError, UserFacingError
from commands.core.reply import Reply
from commands.postings import usecase
from commands.postings.detect import looks_like_posting
from commands.postings.usecase import FixDraft, FixValues, Origin
from parsing import MAX_POSTING_BYTES, UnreadableInput, decode_posting
from parsing.models import SENIORITY_ORDER

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
TEXT_TYPES = ("text/plain", "text/markdown", "text/html", "text/x-markdown")


def is_posting_file(attachment: discord.Attachment) -> bool:
    suffix = PurePosixPath(attachment.filename.lower()).suffix
    if suffix in TEXT_SUFFIXES:
        return True
    content_type = (attachment.content_type or "").split(";", 1)[0].strip().lower()
    return not suffix and content_type in TEXT_TYPES


async def read_text(attachment: discord.Attachment, *, max_bytes: int = MAX_POSTING_BYTES) -> str:
    """The decoded text of ``attachment`` (downloaded from Discord's CDN)."""
    name = attachment.filename
    if attachment.size > max_bytes:
        raise AttachmentError(
            f"{name} is too large to read ({attachment.size:,} bytes; limit {max_bytes:,})."
        )
    try:
        data = await attachment.read()
    except discord.NotFound:
        raise AttachmentError(f"Could not download {name}: Discord no longer has it.") from None
    except discord.HTTPException as exc:
        raise AttachmentError(f"Could not download {name} (HTTP {exc.status}); please try again.") from None
    except (OSError, TimeoutError) as exc:
        raise AttachmentError(
            f"Could not download {name} ({type(exc).__name__}); please try again."
        ) from None
    try:
        # Decoding a megabyte of text is CPU work: keep it off the event loop.
        return await asyncio.to_thread(decode_posting, data, max_bytes=max_bytes)
    except UnreadableInput as exc:
        raise AttachmentError(f"Could not read {name}: {exc}.") from None


class PostingsCog(commands.Cog):
    posting = app_commands.Group(name="posting", description="Saved postings", guild_only=True)

    def __init__(self, bot: Host) -> None:
        self.bot = bot

    # --- pastes in watched channels --------------------------------------------------------------

    async def is_watched(self, channel: discord.abc.GuildChannel | discord.Thread) -> bool:
        chosen = await self.bot.services.watched.get(channel.guild.id)
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
            await self.bot.tell_poster(message, exc)

    async def read_paste(self, message: discord.Message) -> None:
        assert message.guild is not None
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
            origin = Origin(
                kind="message",
                user_id=message.author.id,
                channel_id=message.channel.id,
                message_id=message.id,
                filename=filename,
            )
            added = await usecase.add_posting(self.bot.services, message.guild.id, text, origin=origin)
            await self.bot.reply_to(message, added.card())
        for failure in failures:
            await self.bot.tell_poster(message, failure)

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
            await self.bot.send(interaction, Reply.error("Give exactly one of `text`, `file` or `url`."))
            return
        await self.bot.answer(interaction, self._add(interaction, text, file, url))

    async def _add(
        self,
        interaction: discord.Interaction[Any],
        text: str | None,
        file: discord.Attachment | None,
        url: str | None,
    ) -> Reply:
        assert interaction.guild_id is not None
        user, channel = interaction.user.id, interaction.channel_id
        origin = Origin(kind="command", user_id=user, channel_id=channel)
        if file is not None:
            if not is_posting_file(file):
                return Reply.error("Attach a .txt, .md or .html file.")
            text = await read_text(file, max_bytes=self.bot.settings.fetch.max_bytes)
            origin = Origin(kind="command", user_id=user, channel_id=channel, filename=file.filename)
        elif url is not None:
            text, address = await self.bot.fetch_text(url)
            origin = Origin(kind="url", user_id=user, channel_id=channel, url=address)
        assert text is not None
        added = await usecase.add_posting(self.bot.services, interaction.guild_id, text, origin=origin)
        return added.card()

    # --- /posting show | list | remove -----------------------------------------------------------

    @posting.command(name="show", description="Show a saved posting")
    @app_commands.describe(posting="The posting (start typing its title or company)")
    @app_commands.autocomplete(posting=posting_choices)
    async def show(self, interaction: discord.Interaction[Any], posting: int) -> None:
        assert interaction.guild_id is not None
        work = usecase.show_posting(self.bot.services, interaction.guild_id, posting)
        await self.bot.answer(interaction, work)

    @posting.command(name="list", description="List saved postings, newest first")
    @app_commands.describe(search="Only postings whose title, company or role contains this")
    async def list_(self, interaction: discord.Interaction[Any], search: str | None = None) -> None:
        assert interaction.guild_id is not None
        work = usecase.list_postings(self.bot.services, interaction.guild_id, query=search)
        await self.bot.answer(interaction, work)

    @posting.command(name="remove", description="Remove a posting (yours, or any with Manage Messages)")
    @app_commands.describe(posting="The posting (start typing its title or company)")
    @app_commands.autocomplete(posting=posting_choices)
    async def remove(self, interaction: discord.Interaction[Any], posting: int) -> None:
        assert interaction.guild_id is not None
        work = usecase.remove_posting(
            self.bot.services,
            interaction.guild_id,
            posting,
            **acting_member(interaction),
        )
        await self.bot.answer(interaction, work)


class ListPageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.LIST_PAGE):
    """Newer/Older under /posting list: the list's page and search live in the custom_id."""

    def __init__(self, page: int, query: str | None) -> None:
        super().__init__(discord.ui.Button(label="Page", custom_id=ids.list_page(page, query)))
        self.page = page
        self.query = query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ListPageButton:
        return cls(int(match["page"]), match["query"] or None)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = host(interaction)
        try:
            assert interaction.guild_id is not None
            work = usecase.list_postings(bot.services, interaction.guild_id, query=self.query, page=self.page)
            await bot.answer_by_editing(interaction, work)
        except Exception as exc:
            await bot.report(interaction, exc, context=f"list page {self.page} (query={self.query!r})")


class PostingButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.FIX):
    """A button under a card that acts on its posting: the id is in the custom_id (see ids)."""

    label = "Fix"
    custom_id_of = staticmethod(ids.fix)

    def __init__(self, posting_id: int) -> None:
        super().__init__(discord.ui.Button(label=self.label, custom_id=self.custom_id_of(posting_id)))
        self.posting_id = posting_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PostingButton:
        return cls(int(match["id"]))


class RemoveButton(PostingButton, template=ids.REMOVE):
    """The Remove button under a card: the poster, or anyone with Manage Messages."""

    label = "Remove"
    custom_id_of = staticmethod(ids.remove)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = host(interaction)
        removed = False

        async def work() -> Reply:
            nonlocal removed
            assert interaction.guild_id is not None
            reply = await usecase.remove_posting(
                bot.services,
                interaction.guild_id,
                self.posting_id,
                **acting_member(interaction),
            )
            removed = reply.kind != "error"
            return reply.model_copy(update={"ephemeral": True})

        try:
            await bot.answer(interaction, work(), ephemeral=True)
        except Exception as exc:
            await bot.report(interaction, exc, context=f"Remove button for posting {self.posting_id}")
            return
        if removed and interaction.message is not None:
            try:
                await interaction.message.delete()
            except discord.HTTPException:
                log.info("Could not delete the card of removed posting %s", self.posting_id)


class FixModal(discord.ui.Modal):
    def __init__(self, draft: FixDraft, *, nonce: int) -> None:
        super().__init__(
            title="Fix this posting", custom_id=ids.fix_form(draft.posting_id, nonce), timeout=900
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
        bot = host(interaction)
        assert interaction.guild_id is not None
        values = FixValues(
            title=self.job_title.value.strip() or None,
            company=self.company.value.strip() or None,
            pay=self.pay.value.strip() or None,
            seniority=self.seniority.value.strip().lower() or None,
        )
        work = usecase.fix_fields(
            bot.services,
            interaction.guild_id,
            self.posting_id,
            values,
            **acting_member(interaction),
        )
        await bot.answer(interaction, work)

    async def on_error(  # type: ignore[override]  # Modal's signature, not View's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await host(interaction).report(interaction, error, context=f"Fix form for posting {self.posting_id}")


class FixButton(PostingButton, template=ids.FIX):
    """The Fix button: a form with the fields as they stand; what is saved wins over the parse."""

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = host(interaction)
        try:
            assert interaction.guild_id is not None
            draft = await usecase.fix_draft(
                bot.services,
                interaction.guild_id,
                self.posting_id,
                **acting_member(interaction),
            )
            await interaction.response.send_modal(FixModal(draft, nonce=interaction.id))
        except Exception as exc:
            await bot.report(interaction, exc, context=f"Fix button for posting {self.posting_id}")
