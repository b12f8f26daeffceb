"""The digest sender's pacing: calls spaced at the rate, in the order they asked, however many at once."""

from __future__ import annotations

import asyncio

from bot.digest_sender import Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


async def test_concurrent_calls_are_spaced_at_the_rate() -> None:
    t = FakeTime()
    pacer = Pacer(20.0, clock=t.clock, sleep=t.sleep)
    await asyncio.gather(*(pacer.wait() for _ in range(5)))
    # the first goes at once; each next one a twentieth of a second after the previous
    assert [round(s, 6) for s in t.sleeps] == [0.05, 0.1, 0.15, 0.2]


async def test_an_idle_pacer_lets_the_next_call_go_at_once() -> None:
    t = FakeTime()
    pacer = Pacer(10.0, clock=t.clock, sleep=t.sleep)
    await pacer.wait()
    t.now += 5.0  # long after the last call
    await pacer.wait()
    await pacer.wait()
    assert [round(s, 6) for s in t.sleeps] == [0.1]
