"""Money, pay and other small formatting shared by the command replies."""

from __future__ import annotations

from datetime import datetime

from parsing.currency import SYMBOL_TO_CODE
from parsing.models import Period
from store import PayView

# A code is written with its symbol when the symbol is one sign that means only it ("$", "€", "₹");
# others ("CHF", "CNY") are written as the code.
SYMBOLS = {code: symbol for symbol, code in reversed(SYMBOL_TO_CODE.items()) if len(symbol) == 1}
PER = {"hour": "/h", "day": "/day", "week": "/wk", "month": "/mo", "year": "/yr"}


def money(amount: float | None, currency: str | None, *, compact: bool = True) -> str:
    """``$120k``, ``€45.50``, ``CHF 1.2M``: compact for large amounts, exact cents for small ones."""
    if amount is None:
        return "?"
    code = (currency or "").upper()
    if compact and abs(amount) >= 1_000_000:
        number = f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    elif compact and abs(amount) >= 10_000:
        number = f"{amount / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    elif amount == int(amount):
        number = f"{int(amount):,}"
    else:
        number = f"{amount:,.2f}"
    symbol = SYMBOLS.get(code)
    return f"{symbol}{number}" if symbol else f"{code} {number}".strip()


def money_range(low: float | None, high: float | None, currency: str | None) -> str:
    if low is not None and high is not None:
        return money(low, currency) if low == high else f"{money(low, currency)}–{money(high, currency)}"
    if high is not None:
        return f"up to {money(high, currency)}"
    if low is not None:
        return f"from {money(low, currency)}"
    return "?"


def stated_pay(pay: PayView) -> str:
    """Pay as the posting put it (normalized to our notation)."""
    return f"{money_range(pay.min, pay.max, pay.currency)}{PER.get(pay.period, '')}"


def yearly_pay(pay: PayView, *, with_usd: bool = True) -> str:
    text = f"{money_range(pay.year_min, pay.year_max, pay.currency)}/yr"
    if with_usd and pay.currency != "USD" and pay.usd_year is not None:
        text += f" (≈ {money(pay.usd_year, 'USD')})"
    return text


def per(period: Period) -> str:
    return PER[period]


# Words a role title writes in their own casing (roles are stored in lower case).
ROLE_WORD_CASING = {
    word.casefold(): word
    for word in (
        "AI ML UI UX QA SRE HR IT VP BI SQL SAP AWS GCP PHP ERP CRM CAD CAM NLP API DevOps MLOps DevSecOps"
        " FinOps iOS macOS JavaScript TypeScript GraphQL PostgreSQL .NET C# C++ Node.js"
    ).split()
}
SMALL_WORDS = frozenset({"and", "of", "in", "for", "the", "at"})


def _cased(word: str) -> str:
    if "/" in word:
        return "/".join(_cased(part) for part in word.split("/"))
    return ROLE_WORD_CASING.get(word.casefold(), word[:1].upper() + word[1:])


def role_title(role: str | None) -> str:
    """A stored role as a title: acronyms and product names in their own casing ("DevOps Engineer",
    "iOS Developer", "QA Lead"), small words in lower case."""
    if not role:
        return "Unknown role"
    return " ".join(w if i and w in SMALL_WORDS else _cased(w) for i, w in enumerate(role.split()))


def when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def points(change: float) -> str:
    return f"{change * 100:+.0f} pts"


DISCORD_CHANNELS = "https://discord.com/channels"


def message_link(guild_id: int, channel_id: int | None, message_id: int | None) -> str | None:
    """The link to a Discord message (where a posting was pasted), when its place is known."""
    if not channel_id or not message_id:
        return None
    return f"{DISCORD_CHANNELS}/{guild_id}/{channel_id}/{message_id}"
