"""The answer cache: served only while the server's postings are unchanged, never across servers."""

from __future__ import annotations

from commands.core.answers import AnswerCache
from commands.core.reply import Reply, ReplyField, ReplyFile


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def reply(title: str) -> Reply:
    return Reply(
        title=title,
        fields=[ReplyField(name="n", value="1")],
        files=[ReplyFile(filename="a.png", data=b"png")],
    )


def test_an_answer_is_served_until_the_server_changes() -> None:
    cache = AnswerCache()
    version = cache.version(1)
    cache.put(1, version, "q", reply("first"))
    hit = cache.get(1, "q")
    assert hit is not None and hit.title == "first"
    cache.changed(1)
    assert cache.get(1, "q") is None
    assert len(cache) == 0  # dropped, not just hidden


def test_servers_never_share_answers_or_versions() -> None:
    cache = AnswerCache()
    cache.put(1, cache.version(1), "q", reply("server 1"))
    assert cache.get(2, "q") is None
    cache.put(2, cache.version(2), "q", reply("server 2"))
    cache.changed(2)  # a write in server 2 leaves server 1's answers alone
    one = cache.get(1, "q")
    assert one is not None and one.title == "server 1"
    assert cache.get(2, "q") is None


def test_an_answer_computed_across_a_write_is_not_kept() -> None:
    cache = AnswerCache()
    version = cache.version(1)  # read before the query...
    cache.changed(1)  # ...a posting is added while it runs...
    cache.put(1, version, "q", reply("maybe without the new posting"))
    assert cache.get(1, "q") is None  # ...so the answer is not served afterwards


def test_answers_expire_for_writes_made_by_other_processes() -> None:
    clock = Clock()
    cache = AnswerCache(max_age=60, clock=clock)
    cache.put(1, cache.version(1), "q", reply("x"))
    clock.now += 59
    assert cache.get(1, "q") is not None
    clock.now += 2
    assert cache.get(1, "q") is None


def test_least_recently_used_answers_go_first() -> None:
    cache = AnswerCache(max_entries=2)
    for key in ("a", "b"):
        cache.put(1, cache.version(1), key, reply(key))
    assert cache.get(1, "a") is not None  # "b" is now the least recently used
    cache.put(1, cache.version(1), "c", reply("c"))
    assert cache.get(1, "b") is None
    assert cache.get(1, "a") is not None and cache.get(1, "c") is not None
    assert len(cache) == 2


def test_callers_get_copies() -> None:
    cache = AnswerCache()
    original = reply("x")
    cache.put(1, cache.version(1), "q", original)
    original.fields.append(ReplyField(name="added", value="after storing"))
    first = cache.get(1, "q")
    assert first is not None and len(first.fields) == 1
    first.fields.clear()
    second = cache.get(1, "q")
    assert second is not None and len(second.fields) == 1 and second.files[0].data == b"png"
