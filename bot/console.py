"""The console front end: the same use cases as the Discord cogs call, typed in a terminal.

Paste a posting (several lines; end it with a line holding only ``.``, or with end of input) and the
card prints as text; or type a command the way Discord shows it. On a terminal a prompt shows which of
the two it is reading (``jobscout>`` for a command, ``paste>`` inside a posting). A paste that does not
look like a posting is refused with the reason, like ``/add`` on Discord::

    /salary ml engineer location:berlin seniority:senior currency:EUR
    /compare 3 7
    /skills python developer
    /posting show 3 | /posting list [search] | /posting remove 3
    /fix 3 company:Acme pay:$120k-150k a year places:Austin, TX; Remote
    /add https://example.com/jobs/42 | /add file:posting.html
    /export
    /digest preview

Files a reply carries (charts, CSV) are written under ``<data_dir>/console/`` and their paths printed.
Everything runs on one server ("the console guild") on the configured database, by default SQLite.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, cast, get_args

from bot.config import Settings
from bot.errors import describe
from bot.fetch import fetch_page
from commands.compare.usecase import answer_compare
from commands.core import ids
from commands.core.reply import Reply
from commands.core.services import Services
from commands.core.text import render_text as commands_render_text
from commands.digest.schedule import DigestPolicy
from commands.digest.usecase import answer_preview
from commands.export.usecase import export
from commands.postings import usecase as postings
from commands.postings.fixing import option_field
from commands.postings.usecase import Origin
from commands.salary.usecase import SalaryQuery, salary
from commands.skills.usecase import answer_skills
from parsing import MAX_POSTING_BYTES, decode_posting
from parsing.models import Period
from store import FixField

log = logging.getLogger(__name__)

CONSOLE_GUILD_ID = 1
CONSOLE_USER_ID = 1
END_OF_POSTING = "."
OPTION = re.compile(r"(\w+):")
MENTION = re.compile(r"<@!?(\d+)>")  # Discord shows a member's name; the terminal, their id
FIX_OPTION = re.compile(r"(?:^|\s)([A-Za-z_]+):")  # any "name:" starting a word in /fix
PROMPT = "jobscout> "
PASTE_PROMPT = "paste> "
PASTE_STARTED = "(reading a posting: end it with a line holding only '.')"
FIX_USAGE = (
    "Usage: /fix ID field:value ... with fields title, company, pay, seniority, places (separated by ;), "
    "workplace, type, skills (separated by ,); an empty value clears a field, reset goes back to the posting"
)

SALARY_USAGE = "/salary ROLE [location:X] [seniority:X] [currency:XXX] [paid_in:XXX] [period:X]"
HELP = """Paste a posting and end it with a line holding only "." (or Ctrl-D). Commands:
  /salary ROLE [location:X] [seniority:X] [currency:XXX] [paid_in:XXX] [period:year|month|day|hour]
                                                         pay percentiles for a role (currency: converts)
  /compare A B [C]                                       postings side by side (ids from /posting list)
  /skills [ROLE]                                         skills asked for, and their pay
  /posting list [SEARCH] [page:N] | show ID | remove ID  saved postings
  /fix ID field:value ...                               correct a posting (wins over the parse);
      fields: title company pay seniority places workplace type skills (empty value: clear it)
  /add URL | /add file:PATH                              save a posting from a link or a file
  /export                                                all postings as CSV
  /digest preview                                        the weekly digest as it stands
  /help, /quit"""


def render_text(reply: Reply) -> str:
    """``reply`` as terminal text: the commands' text rendering, with buttons shown as the console
    commands that do the same (files are saved and listed by :meth:`Console.show`)."""
    text = MENTION.sub(r"@\1", commands_render_text(reply.model_copy(update={"buttons": [], "files": []})))
    hints = [_button_hint(b.custom_id, b.label, b.url) for b in reply.buttons]
    return "\n".join([text, "   ".join(hints)]) if hints else text


def _button_hint(custom_id: str, label: str, url: str | None) -> str:
    if url:
        return f"[{label}: {url}]"
    button = ids.decode(custom_id)
    if button is None:
        return f"[{label}]"
    if button.kind == "list":
        page = (button.page or 0) + 1
        return f"[{label}: /posting list {button.query or ''} page:{page}]".replace("  ", " ")
    if button.kind == "fix":
        return f"[{label}: /fix {button.posting_id} field:value]"
    if button.kind == "fix_more":
        return f"[{label}: /fix {button.posting_id} places:X workplace:X type:X skills:X]"
    return f"[{label}: /posting remove {button.posting_id}]"


def split_options(words: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """``"ml engineer location:new york currency:USD"`` -> ``("ml engineer", {...})``.

    Discord-style ``name:value`` options; a value runs until the next option name.
    """
    spans = [m for m in OPTION.finditer(words) if m.group(1).lower() in names]
    if not spans:
        return words.strip(), {}
    options: dict[str, str] = {}
    for i, match in enumerate(spans):
        end = spans[i + 1].start() if i + 1 < len(spans) else len(words)
        options[match.group(1).lower()] = words[match.end() : end].strip()
    return words[: spans[0].start()].strip(), options


@dataclass
class Console:
    services: Services
    settings: Settings
    out: TextIO
    digest_policy: DigestPolicy = field(default_factory=DigestPolicy)
    guild_id: int = CONSOLE_GUILD_ID
    user_id: int = CONSOLE_USER_ID

    def write(self, text: str) -> None:
        self.out.write(text.rstrip("\n") + "\n")
        self.out.flush()

    async def show(self, reply: Reply) -> None:
        self.write(render_text(reply))
        for f in reply.files:
            path = await asyncio.to_thread(self._save, f.filename, f.data)
            self.write(f"(file: {path})")
        self.write("")

    def _save(self, filename: str, data: bytes) -> Path:
        folder = Path(self.settings.data_dir) / "console"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(filename).name
        path.write_bytes(data)
        return path

    def prompt(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    async def run(self, stdin: TextIO, *, prompts: bool | None = None) -> int:
        """Read from ``stdin`` until end of input or /quit. ``prompts`` (default: when ``stdin`` is a
        terminal) shows what is being read: a command, or a posting being pasted."""
        show = stdin.isatty() if prompts is None else prompts
        readline: Callable[[], Awaitable[str]] = lambda: asyncio.to_thread(stdin.readline)  # noqa: E731
        while True:
            if show:
                self.prompt(PROMPT)
            line = await readline()
            if not line:
                return 0
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith("/"):
                if stripped in ("/quit", "/exit"):
                    return 0
                await self.safely(self.command(stripped))
                continue
            if show:
                self.write(PASTE_STARTED)
            lines = [line]
            while True:
                if show:
                    self.prompt(PASTE_PROMPT)
                more = await readline()
                if not more or more.strip() == END_OF_POSTING:
                    break
                lines.append(more)
            await self.safely(self.paste("".join(lines)))

    async def safely(self, work: Awaitable[Reply | None]) -> None:
        try:
            reply = await work
        except Exception as exc:
            described = describe(exc)
            if not described.expected:
                log.error("Console command failed", exc_info=exc)
            reply = Reply.error(described.message)
        if reply is not None:
            await self.show(reply)

    async def _add(self, text: str, origin: Origin) -> Reply:
        added = await postings.add_posting(self.services, self.guild_id, text, origin=origin)
        return added.reply

    async def paste(self, text: str) -> Reply:
        return await self._add(text, Origin(kind="console", user_id=self.user_id))

    async def command(self, line: str) -> Reply | None:
        name, _, rest = line[1:].partition(" ")
        name, rest = name.lower(), rest.strip()
        svc, guild = self.services, self.guild_id
        if name == "help":
            return Reply(description=HELP)
        if name == "salary":
            role, opts = split_options(rest, ("location", "seniority", "currency", "paid_in", "period"))
            period = (opts.get("period") or "").lower() or None
            if not role or period not in (None, *get_args(Period)):
                return Reply.error(f"Usage: {SALARY_USAGE}")
            query = SalaryQuery(
                role,
                location=opts.get("location") or None,
                seniority=(opts.get("seniority") or "").lower() or None,
                currency=opts.get("currency") or None,
                paid_in=opts.get("paid_in") or None,
                period=cast(Period | None, period),
            )
            return await salary(svc, guild, query)
        if name == "compare":
            posting_ids = _ids(rest)
            if not 2 <= len(posting_ids) <= 3:
                return Reply.error("Usage: /compare A B [C] (posting ids, see /posting list)")
            return await answer_compare(svc, guild, posting_ids)
        if name == "skills":
            return await answer_skills(svc, guild, rest or None)
        if name == "posting":
            return await self.posting(rest)
        if name == "fix":
            return await self.fix(rest)
        if name == "add":
            return await self.add(rest)
        if name == "export":
            return await export(svc, guild, "csv")
        if name == "digest":
            if rest.lower() not in ("", "preview"):
                return Reply.notice("In the console only /digest preview is available.")
            return await answer_preview(svc, self.digest_policy, guild)
        return Reply.error(f"Unknown command /{name}. Type /help.")

    async def posting(self, rest: str) -> Reply:
        sub, _, arg = rest.partition(" ")
        svc, guild = self.services, self.guild_id
        if sub == "list":
            query, opts = split_options(arg, ("page",))
            page = int(opts["page"]) - 1 if opts.get("page", "").isdigit() else 0
            return await postings.list_postings(svc, guild, query=query or None, page=max(0, page))
        found = _ids(arg)
        if sub in ("show", "remove") and len(found) == 1:
            if sub == "show":
                return await postings.show_posting(svc, guild, found[0])
            return await postings.remove_posting(svc, guild, found[0], user_id=self.user_id, can_manage=True)
        return Reply.error("Usage: /posting list [SEARCH] | /posting show ID | /posting remove ID")

    async def fix(self, rest: str) -> Reply:
        head, _, tail = rest.partition(" ")
        names = [m.group(1) for m in FIX_OPTION.finditer(tail)]
        unknown = [n for n in names if option_field(n) is None]
        if unknown:
            return Reply.error(f"/fix has no field {', '.join(repr(n) for n in unknown)}. {FIX_USAGE}.")
        _, opts = split_options(tail, tuple(n.lower() for n in names))
        # words before the first option belong to no field: refused rather than guessed
        if not head.isdigit() or not names or not tail.lstrip().lower().startswith(names[0].lower() + ":"):
            return Reply.error(f"{FIX_USAGE}.")
        values: dict[FixField, str] = {}
        for name, value in opts.items():
            field_name = option_field(name)
            assert field_name is not None
            values[field_name] = value
        return await postings.fix_fields(
            self.services, self.guild_id, int(head), values, user_id=self.user_id, can_manage=True
        )

    async def add(self, rest: str) -> Reply:
        if rest.startswith(("http://", "https://")):
            page = await fetch_page(rest, self.settings.fetch)
            return await self._add(page.text, Origin(kind="url", user_id=self.user_id, url=page.url))
        if rest.startswith("file:"):
            path = Path(rest[5:].strip()).expanduser()
            try:
                data = await asyncio.to_thread(path.read_bytes)
            except OSError as exc:
                return Reply.error(f"Could not read {path}: {exc.strerror or exc}.")
            text = decode_posting(data[: MAX_POSTING_BYTES + 1])
            return await self._add(text, Origin(kind="console", user_id=self.user_id, filename=path.name))
        return Reply.error("Usage: /add URL or /add file:PATH (or just paste the posting).")


def _ids(text: str) -> list[int]:
    return [int(tok) for tok in re.findall(r"\d+", text)]
