"""A Reply as plain text: the console's and the CLI's front end (Discord renders embeds instead)."""

from __future__ import annotations

from commands.core.reply import Reply


def _plain(text: str) -> str:
    return text.replace("**", "")


def render_text(reply: Reply) -> str:
    lines: list[str] = []
    if reply.kind == "error":
        lines.append(f"error: {reply.description or reply.title or 'something went wrong'}")
        return _plain("\n".join(lines))
    if reply.title:
        lines += [reply.title, "=" * min(len(reply.title), 80)]
    if reply.url:
        lines.append(reply.url)
    if reply.description:
        lines.append(reply.description)
    for field in reply.fields:
        if lines:
            lines.append("")
        value = field.value.replace("\n", "\n  ")
        if len(field.name) + len(field.value) < 70 and "\n" not in field.value:
            lines.append(f"{field.name}: {value}")
        else:
            lines += [f"{field.name}:", f"  {value}"]
    if reply.footer:
        lines += ["", reply.footer]
    for file in reply.files:
        lines.append(f"[attachment: {file.filename}, {len(file.data):,} bytes]")
    if reply.buttons:
        lines.append(" ".join(f"[{b.label}]" for b in reply.buttons))
    return _plain("\n".join(lines))
