"""/skills: the skills most asked for, their share, the pay that goes with them, and what moved."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commands.core.cog import Host


async def setup(bot: Host) -> None:
    """The extension entry point (the cog is imported here, so the use cases load without Discord)."""
    from commands.skills.cog import SkillsCog

    await bot.add_cog(SkillsCog(bot))
