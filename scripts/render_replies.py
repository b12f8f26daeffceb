"""Pictures of JobScout's replies for the README: the real use cases, rendered as Discord would show them.

    python scripts/render_replies.py                 # writes docs/img/*.png
    python scripts/render_replies.py --out DIR --n 1500

A temporary SQLite database gets ``--n`` synthetic postings (``bench.synthetic``, fixed seed) and a pasted
posting; each command's use case (as the cogs call it) answers on a fixed clock, its
:class:`~commands.core.reply.Reply` goes through the bot's own renderer (``bot.render``, the embeds the
bot sends), and the embed is drawn with Pillow in Discord's dark theme: colour bar, title, description,
fields (inline ones side by side), footer, chart image and buttons. The font is the DejaVu Sans the
charts ship with (bold and mono cuts from the system's DejaVu where installed). Images are palette PNGs,
a few tens of kilobytes each.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from bench.synthetic import Generator  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.render import fit, render  # noqa: E402
from bot.runtime import policy_from  # noqa: E402
from commands.compare.usecase import answer_compare  # noqa: E402
from commands.core.chart import FONT_FILE  # noqa: E402
from commands.core.reply import Reply  # noqa: E402
from commands.core.services import Services  # noqa: E402
from commands.digest.usecase import answer_preview, digest_status  # noqa: E402
from commands.export.usecase import export  # noqa: E402
from commands.postings.usecase import Origin, add_posting, list_postings  # noqa: E402
from commands.salary.usecase import SalaryQuery, salary  # noqa: E402
from commands.skills.usecase import answer_skills  # noqa: E402
from parsing import parse_posting  # noqa: E402
from parsing.place_hierarchy import place_hierarchy  # noqa: E402
from parsing.role import normalize_role  # noqa: E402
from store import PayConfig, Store  # noqa: E402
from store.writes.importer import import_file  # noqa: E402

GUILD = 424242
CHANNELS = {1001: "job-postings", 1002: "digest", 1003: "general"}
USERS = {2001: "alice"}
NOW = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)  # the synthetic postings end on this day
PASTE = """Senior Machine Learning Engineer — Acme Robotics (Remote, EU)

We're hiring a senior ML engineer to join our perception team.
Responsibilities:
- Train and ship models for our warehouse robots
- Own the evaluation pipeline
Requirements: 5+ years of experience with Python, PyTorch and Kubernetes.
Salary: €90,000 – €110,000 per year, full-time. Apply with your CV.
"""

# Discord's dark theme
BACKGROUND = (49, 51, 56)
EMBED = (43, 45, 49)
TEXT = (219, 222, 225)
MUTED = (181, 186, 193)
HEADER = (242, 243, 245)
LINK = (0, 168, 252)
MENTION_BG = (60, 66, 112)
MENTION = (201, 205, 251)
BUTTON = {"primary": (88, 101, 242), "secondary": (78, 80, 88), "danger": (218, 55, 60), "link": (78, 80, 88)}
WIDTH = 640
PAD = 16
EMBED_MAX = WIDTH - 2 * PAD - 56  # the avatar column on the left
FONT_DIRS = (FONT_FILE.parent, Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))


def font(bold: bool = False, size: int = 14, mono: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu: the charts' face (shipped with the package); its bold and mono cuts from the system's
    fonts where installed (fonts-dejavu), else the regular cut."""
    name = "DejaVuSansMono.ttf" if mono else ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    path = next((d / name for d in FONT_DIRS if (d / name).is_file()), FONT_FILE)
    return ImageFont.truetype(str(path), size)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    link: bool = False
    code: bool = False
    mention: bool = False


INLINE = re.compile(
    r"\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)]+)\)|`([^`]+)`|<#(\d+)>|<@!?(\d+)>|\*(.+?)\*|__(.+?)__"
)


def runs(line: str, *, bold: bool = False) -> list[Run]:
    """Discord markdown of one line, as styled runs (bold, links, code, mentions)."""
    out: list[Run] = []
    pos = 0
    for m in INLINE.finditer(line):
        if m.start() > pos:
            out.append(Run(line[pos : m.start()], bold=bold))
        if m.group(1) is not None:
            out.append(Run(m.group(1), bold=True))
        elif m.group(2) is not None:
            out.append(Run(m.group(2), bold=bold, link=True))
        elif m.group(4) is not None:
            out.append(Run(m.group(4), code=True))
        elif m.group(5) is not None:
            out.append(Run("#" + CHANNELS.get(int(m.group(5)), "channel"), mention=True))
        elif m.group(6) is not None:
            out.append(Run("@" + USERS.get(int(m.group(6)), "member"), mention=True))
        else:
            out.append(Run(m.group(7) or m.group(8) or "", bold=bold))
        pos = m.end()
    if pos < len(line):
        out.append(Run(line[pos:], bold=bold))
    return out


class Canvas:
    """Lays out text and boxes top to bottom, wrapping words at a width."""

    def __init__(self, width: int, height: int = 4000) -> None:
        self.image = Image.new("RGB", (width, height), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)

    def text_block(
        self, x: int, y: int, width: int, text: str, *, size: int = 14, bold: bool = False,
        colour: tuple[int, int, int] = TEXT, draw: bool = True,
    ) -> int:  # fmt: skip
        """Draw wrapped markdown ``text`` at (x, y) within ``width``; returns the y below it."""
        line_height = int(size * 1.45)
        for raw in text.split("\n"):
            quote = raw.startswith("> ")
            if quote:
                raw = raw[2:]
            bullet = raw.startswith(("- ", "• "))
            indent = 14 if bullet or quote else 0
            if bullet:
                raw = raw[2:]
                if draw:
                    self.draw.text((x + 2, y), "•", font=font(size=size), fill=colour)
            cx = x + indent
            if not raw.strip():
                y += line_height // 2 + 2
                continue
            start_y = y
            for run in runs(raw, bold=bold):
                face = font(bold=run.bold, size=size - (1 if run.code else 0), mono=run.code)
                for word in re.split(r"(\s+)", run.text):
                    if not word:
                        continue
                    w = int(self.draw.textlength(word, font=face))
                    if cx + w > x + width and cx > x + indent and not word.isspace():
                        cx = x + indent
                        y += line_height
                    if word.isspace() and cx == x + indent:
                        continue
                    if draw:
                        fill = LINK if run.link else MENTION if run.mention else colour
                        if run.mention and not word.isspace():
                            self.draw.rounded_rectangle(
                                (cx - 1, y, cx + w + 1, y + line_height - 3), 3, fill=MENTION_BG
                            )
                        if run.code and not word.isspace():
                            box = (cx - 2, y, cx + w + 2, y + line_height - 3)
                            self.draw.rounded_rectangle(box, 3, fill=(30, 31, 34))
                        self.draw.text((cx, y), word, font=face, fill=fill)
                    cx += w
            if quote and draw:
                self.draw.rectangle((x, start_y, x + 3, y + line_height - 4), fill=(78, 80, 88))
            y += line_height
        return y


def hex_colour(value: int | None) -> tuple[int, int, int]:
    value = value or 0x5865F2
    return ((value >> 16) & 255, (value >> 8) & 255, value & 255)


def draw_message(reply: Reply, *, command: str | None) -> Image.Image:
    """One bot message as Discord shows it: avatar, name, the command it answers, the embed, buttons."""
    rendered = render(reply)
    embed = rendered.pages[0].to_dict()
    chart = next((f for f in rendered.files if f.filename.lower().endswith(".png")), None)
    canvas = Canvas(WIDTH)
    d = canvas.draw
    y = PAD
    if command:
        d.text((PAD + 56, y), f"alice used {command}", font=font(size=12), fill=MUTED)
        y += 20
    d.ellipse((PAD, y, PAD + 40, y + 40), fill=(88, 101, 242))
    d.text((PAD + 9, y + 10), "JS", font=font(bold=True, size=16), fill=HEADER)
    x0 = PAD + 56
    d.text((x0, y), "JobScout", font=font(bold=True, size=15), fill=HEADER)
    name_w = int(d.textlength("JobScout", font=font(bold=True, size=15)))
    d.rounded_rectangle((x0 + name_w + 6, y + 2, x0 + name_w + 38, y + 17), 3, fill=(88, 101, 242))
    d.text((x0 + name_w + 10, y + 3), "APP", font=font(bold=True, size=10), fill=HEADER)
    if rendered.ephemeral:
        d.text((x0 + name_w + 46, y + 2), "Only you can see this", font=font(size=11), fill=MUTED)
    y += 24

    # the embed box: measure first (draw=False), then paint the box and draw for real
    def body(draw: bool, top: int) -> int:
        ix, iw = x0 + 16, EMBED_MAX - 32
        cy = top + 12
        if embed.get("title"):
            title = embed["title"]
            cy = canvas.text_block(ix, cy, iw, title, size=15, bold=True, colour=HEADER, draw=draw) + 4
        if embed.get("description"):
            cy = canvas.text_block(ix, cy, iw, embed["description"], size=13, draw=draw) + 6
        fields = embed.get("fields") or []
        i = 0
        while i < len(fields):
            row = [fields[i]]
            if fields[i].get("inline"):
                while len(row) < 3 and i + len(row) < len(fields) and fields[i + len(row)].get("inline"):
                    row.append(fields[i + len(row)])
            col_w = (iw - 12 * (len(row) - 1)) // len(row)
            bottom = cy
            for k, f in enumerate(row):
                fx = ix + k * (col_w + 12)
                fy = canvas.text_block(fx, cy, col_w, f["name"], size=13, bold=True, colour=HEADER, draw=draw)
                fy = canvas.text_block(fx, fy, col_w, f["value"], size=13, draw=draw)
                bottom = max(bottom, fy)
            cy = bottom + 6
            i += len(row)
        if chart is not None:
            picture = Image.open(io.BytesIO(chart.data)).convert("RGB")
            scale = min(1.0, iw / picture.width)
            picture = picture.resize((int(picture.width * scale), int(picture.height * scale)), Image.LANCZOS)
            if draw:
                canvas.image.paste(picture, (ix, cy + 4))
            cy += picture.height + 10
        footer = (embed.get("footer") or {}).get("text")
        if footer:
            cy = canvas.text_block(ix, cy + 2, iw, footer, size=11, colour=MUTED, draw=draw)
        return cy + 10

    bottom = body(False, y)
    d.rounded_rectangle((x0, y, x0 + EMBED_MAX, bottom), 4, fill=EMBED)
    d.rectangle((x0, y, x0 + 3, bottom), fill=hex_colour(embed.get("color")))
    body(True, y)
    y = bottom + 8
    bx = x0
    for button in rendered.buttons:
        face = font(size=13)
        w = int(d.textlength(button.label, font=face)) + 32
        d.rounded_rectangle((bx, y, bx + w, y + 32), 4, fill=BUTTON.get(button.style, BUTTON["secondary"]))
        d.text((bx + 16, y + 8), button.label, font=face, fill=HEADER)
        bx += w + 8
    if rendered.buttons:
        y += 40
    height = y + PAD - 8
    return canvas.image.crop((0, 0, WIDTH, height))


def save(image: Image.Image, path: Path) -> int:
    """A palette PNG (these pictures have few colours): small files for the repository."""
    path.parent.mkdir(parents=True, exist_ok=True)
    small = image.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, format="PNG", optimize=True)
    return path.stat().st_size


@dataclass(frozen=True)
class Shot:
    name: str  # file name without .png
    command: str | None  # what the member typed (None: a paste)
    reply: Reply


async def replies(n: int, workdir: Path) -> list[Shot]:
    """Every command's reply, from the real use cases on ``n`` synthetic postings."""
    settings = Settings.model_validate({})
    url = f"sqlite+aiosqlite:///{workdir / 'jobscout.db'}"
    store = await Store.open(
        url, pay=pay(), normalize_role=normalize_role, place_hierarchy=place_hierarchy, clock=lambda: NOW
    )
    try:
        data = workdir / "postings.jsonl"
        with data.open("w", encoding="utf-8") as out:
            for record in Generator(7, total=n).records(n):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        await import_file(store, data, guild_id=GUILD, parse=parse_posting, workers=0)
        svc = Services(store=store, pay=store.pay, clock=lambda: NOW, charts=True)
        policy = policy_from(settings.digest)
        await store.update_guild_settings(GUILD, digest_channel_id=1002, enabled=True)
        origin = Origin("message", user_id=2001, channel_id=1001, message_id=3001)
        added = await add_posting(svc, GUILD, PASTE, origin=origin)
        similar = await store.list_postings(GUILD, query="Machine Learning Engineer", page_size=5)
        other = next(p.id for p in similar.items if p.id != added.posting_id)
        pay_reply = await salary(svc, GUILD, SalaryQuery("Software Engineer", currency="USD"))
        compare = await answer_compare(svc, GUILD, [added.posting_id, other])
        preview = await answer_preview(svc, policy, GUILD, can_manage=True)
        shots = [
            Shot("paste", None, added.reply),
            Shot("salary", "/salary role: Software Engineer currency: USD", pay_reply),
            Shot("compare", f"/compare a: {added.posting_id} b: {other}", compare),
            Shot("skills", "/skills role: Data Engineer", await answer_skills(svc, GUILD, "Data Engineer")),
            Shot("posting-list", "/posting list", await list_postings(svc, GUILD)),
            Shot("digest-preview", "/digest preview", preview),
            Shot("digest-status", "/digest status", await digest_status(svc, policy, GUILD, can_manage=True)),
            Shot("export", "/export", await export(svc, GUILD)),
        ]
        # What the bot sends: fitted to Discord's limits.
        return [Shot(shot.name, shot.command, fit(shot.reply)) for shot in shots]
    finally:
        await store.close()


def pay() -> PayConfig:
    from bot.cli.docs import shipped_defaults

    return PayConfig(**shipped_defaults().pay.model_dump())


def main(argv: list[str] | None = None, *, dump: Callable[[str], None] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--n", type=int, default=1500, help="synthetic postings in the database")
    parser.add_argument("--json", action="store_true", help="also print each reply's embed as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        shots = asyncio.run(replies(args.n, Path(tmp)))
    for shot in shots:
        if args.json:
            print(json.dumps(render(shot.reply).pages[0].to_dict(), indent=1, ensure_ascii=False))
        size = save(draw_message(shot.reply, command=shot.command), args.out / f"{shot.name}.png")
        print(f"{args.out / (shot.name + '.png')}: {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
