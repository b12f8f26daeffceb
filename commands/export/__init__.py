"""/export and ``jobscout export``: a server's postings as CSV or JSON Lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.export.cog import ExportCog

    await bot.add_cog(ExportCog(bot))
