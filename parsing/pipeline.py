"""Assembles the field extractors into one parse."""

from __future__ import annotations

from parsing.models import Posting


def parse_posting(text: str) -> Posting:
    return Posting()
