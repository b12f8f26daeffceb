"""Lookup keys: the same rule for what is stored and what is asked; role keys by the caller's normaliser."""

from __future__ import annotations

import pickle

from parsing.role import normalize_role
from store.keys import RoleKeys, location_key, location_keys, text_key


def test_role_keys_use_the_normaliser_given() -> None:
    roles = RoleKeys(normalize_role)
    assert roles("Sr. ML Engineer") == roles("machine learning engineer") == "machine learning engineer"
    assert roles(None) is None and roles("   ") is None


def test_a_title_the_normaliser_finds_no_role_in_has_no_key() -> None:
    assert RoleKeys(lambda _: None)("Chief  Tea Taster") is None
    assert RoleKeys(lambda _: "  Data Scientist ")("anything") == "data scientist"


def test_role_keys_cross_to_worker_processes() -> None:
    roles = pickle.loads(pickle.dumps(RoleKeys(normalize_role)))
    assert roles("Senior SWE") == RoleKeys(normalize_role)("Senior SWE")


def test_location_keys_hold_the_place_its_parts_and_remote() -> None:
    assert text_key("  São   PAULO ") == "são paulo"
    assert location_key("San Francisco, CA!") == "san francisco, ca"
    assert location_keys(["San Francisco, CA"], "remote") == [
        "san francisco, ca",
        "san francisco",
        "ca",
        "remote",
    ]
    assert location_keys([" , "], None) == []
