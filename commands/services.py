"""What every command use case is given: the store, the pay figures, and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from store import PayConfig, Store


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Services:
    store: Store
    pay: PayConfig
    clock: Callable[[], datetime] = field(default=utcnow)
