"""/help: what JobScout can do, in one short list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.help.cog import HelpCog

    await bot.add_cog(HelpCog(bot))
