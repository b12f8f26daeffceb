"""Postings on Discord: pasted in a watched channel, or given to /add; shown, listed, fixed and removed.

Pastes: a member's message in a watched channel (a server's /setup choice, else the configured channel
names) is read as text, or from its ``message.txt``/``.txt``/``.md``/``.html`` attachments, and kept only
when it looks like a posting (:mod:`commands.postings.detect`), so chat in the channel is left alone.
Anything else attached (images, PDFs) is not ours to read and is skipped without a word; a download that
fails or a file that cannot be decoded is told to the poster: they must learn that their posting was not
saved. The bot answers with the card; a repost answers with a link to the first one. A listener never
dies on one bad message: failures are told to the poster and logged.

Without the message-content intent pastes cannot be read; members then save a posting with the message
context menu "Save to JobScout" (on any message, their own or another's) or with ``/add`` (its text, a
file, a link, or with no option a form for long text). Every way in applies the same "is this a
posting?" rule; only a paste is ignored silently when it is not one.

Buttons under a card carry the posting id (:mod:`commands.core.ids`) and are handled by dynamic items,
so they work on cards sent before a restart. Fix edits the card in place; Remove turns it into a
removed notice without buttons (``/posting remove`` does the same to the card, wherever it is).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable
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
from commands.postings.fixing import EMPLOYMENT_TYPES, WORKPLACES
from commands.postings.usecase import AddOutcome, FixDraft, Origin
from parsing import MAX_POSTING_BYTES, UnreadableInput, decode_posting
from parsing.models import SENIORITY_ORDER
from store import FixField

log = logging.getLogger(__name__)

SAVE_MENU = "Save to JobScout"
GUILD_ONLY = app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False)
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
    except (discord.HTTPException, OSError, TimeoutError) as exc:
        log.info("Downloading attachment %s failed: %r", name, exc)  # the detail is for the log
        raise AttachmentError(f"Could not download {name} from Discord; please try again.") from None
    try:
        # Decoding a megabyte of text is CPU work: keep it off the event loop.
        return await asyncio.to_thread(decode_posting, data, max_bytes=max_bytes)
    except UnreadableInput as exc:
        raise AttachmentError(f"Could not read {name}: {exc}.") from None


def message_origin(message: discord.Message, user_id: int, filename: str | None) -> Origin:
    """A posting taken from a Discord message (pasted, or saved from the message menu)."""
    return Origin(
        kind="message",
        user_id=user_id,
        channel_id=message.channel.id,
        message_id=message.id,
        filename=filename,
    )


class PostingsCog(commands.Cog):
    posting = app_commands.Group(name="posting", description="Saved postings", guild_only=True)

    def __init__(self, bot: Host) -> None:
        self.bot = bot
        self.save_menu = app_commands.ContextMenu(
            name=SAVE_MENU, callback=self.save_message, allowed_contexts=GUILD_ONLY
        )

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.save_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.save_menu.name, type=self.save_menu.type)

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
            origin = message_origin(message, message.author.id, filename)
            added = await usecase.add_posting(self.bot.services, message.guild.id, text, origin=origin)
            card = await self.bot.reply_to(message, added.card())
            await self.card_sent(message.guild.id, added, card.channel.id, card.id)
        for failure in failures:
            await self.bot.tell_poster(message, failure)

    async def card_sent(
        self, guild_id: int, added: AddOutcome, channel_id: int | None, message_id: int | None
    ) -> None:
        """Remember where a new posting's card went; failing that only costs the card's update later."""
        if channel_id is None or message_id is None:
            return
        try:
            await usecase.card_sent(self.bot.services, guild_id, added, channel_id, message_id)
        except Exception:
            log.warning("Could not record the card of posting %s", added.posting_id, exc_info=True)

    async def answer_card(self, interaction: discord.Interaction[Any], work: Awaitable[AddOutcome]) -> None:
        """Answer an interaction that saves a posting with its card, and remember where the card is."""
        assert interaction.guild_id is not None
        added: AddOutcome | None = None

        async def card() -> Reply:
            nonlocal added
            added = await work
            return added.card()

        message_id = await self.bot.answer(interaction, card())
        if added is not None:
            await self.card_sent(interaction.guild_id, added, interaction.channel_id, message_id)

    # --- "Save to JobScout" on any message -------------------------------------------------------

    async def save_message(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        """The message context-menu command: the message (its text, or its text files) as a posting."""
        await self.answer_card(interaction, self._save_message(interaction, message))

    async def _save_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> AddOutcome:
        assert interaction.guild_id is not None
        files = [a for a in message.attachments if is_posting_file(a)]
        text, filename = message.content, None
        if files and not looks_like_posting(text):
            text, filename = await read_text(files[0]), files[0].filename
        origin = message_origin(message, interaction.user.id, filename)  # the member who saved it owns it
        return await usecase.add_posting(self.bot.services, interaction.guild_id, text, origin=origin)

    # --- /add ------------------------------------------------------------------------------------

    @app_commands.command(
        name="add",
        description="Save a job posting: its text, a file or a link (nothing: a form for long text)",
    )
    @app_commands.describe(
        text="The posting's text (for a long one, give no option: a form opens)",
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
        if not given:
            await interaction.response.send_modal(AddModal(self))
            return
        if len(given) != 1:
            await self.bot.send(interaction, Reply.error("Give one of `text`, `file` or `url`, not several."))
            return
        if file is not None and not is_posting_file(file):
            await self.bot.send(interaction, Reply.error("Attach a .txt, .md or .html file."))
            return
        await self.answer_card(interaction, self._add(interaction, text, file, url))

    async def _add(
        self,
        interaction: discord.Interaction[Any],
        text: str | None,
        file: discord.Attachment | None,
        url: str | None,
    ) -> AddOutcome:
        assert interaction.guild_id is not None
        user, channel = interaction.user.id, interaction.channel_id
        origin = Origin(kind="command", user_id=user, channel_id=channel)
        if file is not None:
            text = await read_text(file, max_bytes=self.bot.settings.fetch.max_bytes)
            origin = Origin(kind="command", user_id=user, channel_id=channel, filename=file.filename)
        elif url is not None:
            text, address = await self.bot.fetch_text(url)
            origin = Origin(kind="url", user_id=user, channel_id=channel, url=address)
        assert text is not None
        return await usecase.add_posting(self.bot.services, interaction.guild_id, text, origin=origin)

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
        removal: usecase.Removal | None = None

        async def work() -> Reply:
            nonlocal removal
            assert interaction.guild_id is not None
            removal = await usecase.remove(
                self.bot.services, interaction.guild_id, posting, **acting_member(interaction)
            )
            return removal.reply

        await self.bot.answer(interaction, work())
        if removal is not None and removal.card_channel_id and removal.card_message_id:
            await self.bot.edit_message(removal.card_channel_id, removal.card_message_id, removal.card)


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

        removal: usecase.Removal | None = None

        async def work() -> Reply:
            nonlocal removal
            assert interaction.guild_id is not None
            removal = await usecase.remove(
                bot.services, interaction.guild_id, self.posting_id, **acting_member(interaction)
            )
            return removal.card

        try:
            await bot.answer_by_editing(interaction, work())  # the card becomes the removed notice
        except Exception as exc:
            await bot.report(interaction, exc, context=f"Remove button for posting {self.posting_id}")
            return
        # pressed under a repost's card: the posting's own card loses its buttons too
        pressed = interaction.message.id if interaction.message is not None else None
        if removal is not None and removal.card_channel_id and removal.card_message_id not in (None, pressed):
            await bot.edit_message(removal.card_channel_id, removal.card_message_id, removal.card)


FIX_PAGES: dict[int, tuple[tuple[FixField, str, str | None, int, bool], ...]] = {
    # field, label, placeholder, max length, paragraph
    1: (
        ("title", "Title", None, 200, False),
        ("company", "Company", None, 200, False),
        ("pay", "Pay (as stated, e.g. $120k-150k a year)", "blank: no pay stated", 200, False),
        ("seniority", "Seniority", ", ".join(SENIORITY_ORDER), 40, False),
        ("locations", "Places (separate them with ;)", "e.g. Austin, TX; Remote", 400, False),
    ),
    2: (
        ("workplace", "Workplace", ", ".join(WORKPLACES), 20, False),
        (
            "employment_type",
            "Employment type",
            ", ".join(t.replace("_", " ") for t in EMPLOYMENT_TYPES),
            20,
            False,
        ),
        ("skills", "Skills (separate them with commas)", "e.g. Python, SQL, Kubernetes", 1000, True),
    ),
}
RESET_HINT = " (blank clears it; reset: as the posting says)"


class FixModal(discord.ui.Modal):
    """The Fix form: page 1 (title, company, pay, seniority, places) from Fix, page 2 (workplace,
    employment type, skills) from Fix more. Submitted, it edits the card it was opened from."""

    def __init__(self, draft: FixDraft, *, nonce: int, page: int = 1) -> None:
        title = "Fix this posting" if page == 1 else "Fix this posting (more)"
        super().__init__(title=title, custom_id=ids.fix_form(draft.posting_id, nonce, page), timeout=900)
        self.posting_id = draft.posting_id
        self.inputs: dict[FixField, discord.ui.TextInput[FixModal]] = {}
        for name, label, placeholder, max_length, paragraph in FIX_PAGES[page]:
            text_input: discord.ui.TextInput[FixModal] = discord.ui.TextInput(
                label=label[:45],
                custom_id=name,
                default=draft.values[name] or None,
                placeholder=(placeholder or f"{label}{RESET_HINT}")[:100],
                required=False,
                max_length=max_length,
                style=discord.TextStyle.paragraph if paragraph else discord.TextStyle.short,
            )
            self.inputs[name] = text_input
            self.add_item(text_input)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        bot = host(interaction)
        assert interaction.guild_id is not None
        values = {name: text_input.value for name, text_input in self.inputs.items()}
        work = usecase.fix_fields(
            bot.services, interaction.guild_id, self.posting_id, values, **acting_member(interaction)
        )
        if interaction.message is None:  # opened from a card we cannot edit: answer with the card
            await bot.answer(interaction, work)
        else:
            await bot.answer_by_editing(interaction, work)

    async def on_error(  # type: ignore[override]  # Modal's signature, not View's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await host(interaction).report(interaction, error, context=f"Fix form for posting {self.posting_id}")


class FixButton(PostingButton, template=ids.FIX):
    """The Fix button: a form with the fields as they stand; what is saved wins over the parse."""

    page = 1

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
            await interaction.response.send_modal(FixModal(draft, nonce=interaction.id, page=self.page))
        except Exception as exc:
            await bot.report(interaction, exc, context=f"Fix button for posting {self.posting_id}")


class FixMoreButton(FixButton, template=ids.FIX_MORE):
    """Fix more: the form's second page (places and the like do not fit Discord's five fields)."""

    label = "Fix more"
    custom_id_of = staticmethod(ids.fix_more)
    page = 2


class AddModal(discord.ui.Modal, title="Save a job posting"):
    """/add with no option: a form with room for a long posting (4,000 characters)."""

    text: discord.ui.TextInput[AddModal] = discord.ui.TextInput(
        label="The posting",
        custom_id="text",
        style=discord.TextStyle.paragraph,
        placeholder="Paste the whole posting: title, company, pay, place, what the job involves...",
        max_length=4000,
    )

    def __init__(self, cog: PostingsCog) -> None:
        super().__init__(custom_id="add-modal", timeout=1800)
        self.cog = cog

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        origin = Origin(kind="command", user_id=interaction.user.id, channel_id=interaction.channel_id)
        work = usecase.add_posting(
            self.cog.bot.services, interaction.guild_id, self.text.value, origin=origin
        )
        await self.cog.answer_card(interaction, work)

    async def on_error(  # type: ignore[override]  # Modal's signature, not View's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await host(interaction).report(interaction, error, context="the /add form")
