"""/compare: saved postings side by side, with each one's pay percentile among its role."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.compare.cog import CompareCog

    await bot.add_cog(CompareCog(bot))
