"""Removing a posting."""

from __future__ import annotations

from store import Store
from tests.factories import make_posting, posting_text

GUILD = 1001


async def test_remove(store: Store) -> None:
    r = await store.add_posting(GUILD, posting_text(1), make_posting(skills=["SQL"]), source="add_text")
    assert await store.remove_posting(GUILD, r.posting_id)
    assert await store.get_posting(GUILD, r.posting_id) is None
    assert not await store.remove_posting(GUILD, r.posting_id)
    # the same text can be saved again afterwards (its hash and bands went with it)
    again = await store.add_posting(GUILD, posting_text(1), make_posting(), source="add_text")
    assert again.created
