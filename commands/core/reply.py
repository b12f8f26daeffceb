"""What a command answers, independent of the front end (Discord embeds or console text)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ReplyKind = Literal["info", "notice", "error"]


class ReplyField(BaseModel):
    name: str
    value: str
    inline: bool = False


class ReplyFile(BaseModel):
    filename: str
    data: bytes
    description: str | None = None


class ReplyButton(BaseModel):
    """A button under the reply. ``custom_id`` carries everything the handler needs (e.g. ``fix:42``)."""

    custom_id: str
    label: str
    style: Literal["primary", "secondary", "danger", "link"] = "secondary"
    url: str | None = None


class Reply(BaseModel):
    title: str | None = None
    description: str | None = None
    url: str | None = None
    fields: list[ReplyField] = Field(default_factory=list)
    footer: str | None = None
    files: list[ReplyFile] = Field(default_factory=list)
    buttons: list[ReplyButton] = Field(default_factory=list)
    kind: ReplyKind = "info"
    # Only the caller sees it (errors, previews); a front end without that notion ignores it.
    ephemeral: bool = False

    @classmethod
    def notice(cls, text: str, *, ephemeral: bool = True) -> Reply:
        return cls(description=text, kind="notice", ephemeral=ephemeral)

    @classmethod
    def error(cls, text: str) -> Reply:
        return cls(description=text, kind="error", ephemeral=True)
