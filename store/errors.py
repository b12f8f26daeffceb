"""Errors the store raises. Each message is short and safe to show to a user."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened."""


class SchemaOutOfDate(StoreError):
    """The database schema is older (or newer) than this code; run ``jobscout db upgrade``."""


class StoreWriteError(StoreError):
    """A write did not commit. Nothing of it was saved."""


class NotFound(StoreError):
    """No such posting in this guild."""


class InvalidInput(StoreError):
    """A value given to the store is not acceptable (e.g. an unknown fix field)."""
