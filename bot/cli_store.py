"""Subcommands of this area are registered here."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this area's subcommands to the ``jobscout`` parser."""
