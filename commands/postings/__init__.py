"""Postings: pasted in a watched channel or given to /add; shown, listed, fixed and removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.postings.cog import FixButton, FixMoreButton, ListPageButton, PostingsCog, RemoveButton

    bot.add_dynamic_items(FixButton, FixMoreButton, RemoveButton, ListPageButton)
    await bot.add_cog(PostingsCog(bot))
