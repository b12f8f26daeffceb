"""/digest: where and when the weekly digest is posted, a private preview, and turning it off."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.digest.cog import DigestCog

    await bot.add_cog(DigestCog(bot))
