"""Stated pay to comparable pay: annualized with the configured working time, converted with dated rates.

The figures live in config (``bot.config.PaySettings``); the bot builds a :class:`PayConfig` from them so
the store never imports ``bot``.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from parsing.models import Period


class PayConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    hours_per_year: float = 2080.0
    days_per_year: float = 260.0
    weeks_per_year: float = 52.0
    months_per_year: float = 12.0
    rates_date: date = date(2026, 11, 1)
    usd_per_unit: dict[str, float] = Field(default_factory=lambda: {"USD": 1.0})

    def per_year(self, period: Period) -> float:
        """How many of ``period`` make one year."""
        return {
            "hour": self.hours_per_year,
            "day": self.days_per_year,
            "week": self.weeks_per_year,
            "month": self.months_per_year,
            "year": 1.0,
        }[period]

    def annualize(self, amount: float | None, period: Period) -> float | None:
        return None if amount is None else amount * self.per_year(period)

    def from_year(self, amount: float | None, period: Period) -> float | None:
        """A yearly amount expressed per ``period`` (the inverse of :meth:`annualize`)."""
        return None if amount is None else amount / self.per_year(period)

    def to_usd(self, amount: float | None, currency: str) -> float | None:
        """``amount`` in US dollars at ``rates_date``; None when the currency has no configured rate."""
        rate = self.usd_per_unit.get(currency.upper())
        if amount is None or rate is None:
            return None
        return amount * rate


def pay_point(low: float | None, high: float | None) -> float | None:
    """The single figure a posting's pay counts as: the midpoint of its range, or the one bound given."""
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high
