"""Unit tests of the flood control's sliding windows, with a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.tg.flood import FloodControl, SlidingWindow


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_window_admits_limit_then_frees_slots_as_they_age():
    clock = Clock()
    window = SlidingWindow(3, 60.0, clock)
    for _ in range(3):
        assert not window.full("a")
        window.record("a")
        clock.now += 10
    assert window.full("a") and not window.full("b")
    clock.now = 1000.0 + 59.9  # the first event is 59.9 s old: still inside
    assert window.full("a")
    clock.now = 1000.0 + 60.0  # exactly a window old: out
    assert not window.full("a")


def test_window_forgets_quiet_keys():
    clock = Clock()
    window = SlidingWindow(1, 60.0, clock)
    for key in range(2000):
        window.record(key)
    clock.now += 61
    for _ in range(1024):
        window.record("x")
    assert len(window) == 1


def test_window_rejects_bad_limits():
    with pytest.raises(ValueError):
        SlidingWindow(0)
    with pytest.raises(ValueError):
        SlidingWindow(1, 0)


def test_flood_per_chat_and_per_user():
    clock = Clock()
    flood = FloodControl(per_chat=3, per_user=2, clock=clock)
    # one user in a group: the user limit (2) bites first
    assert [flood.admit(-1, 7).allowed for _ in range(3)] == [True, True, False]
    # other users in the same group fill the chat limit (3)
    assert flood.admit(-1, 8).allowed
    refused = flood.admit(-1, 9)
    assert not refused.allowed and refused.reason == "chat"
    # the same user elsewhere is still limited; another chat and user are not
    assert not flood.admit(-2, 7).allowed
    assert flood.admit(-2, 10).allowed
    clock.now += 60
    assert flood.admit(-1, 7).allowed


def test_refusals_do_not_count():
    clock = Clock()
    flood = FloodControl(per_chat=2, per_user=100, clock=clock)
    flood.admit(5, 5)
    clock.now += 30
    flood.admit(5, 5)
    for _ in range(50):  # hammering while limited does not extend the silence
        assert not flood.admit(5, 5).allowed
    clock.now += 30  # the first answer is a minute old
    assert flood.admit(5, 5).allowed


def test_one_log_line_per_chat_per_window():
    clock = Clock()
    flood = FloodControl(per_chat=1, per_user=100, clock=clock)
    flood.admit(1, 1)
    logs = []
    for _ in range(100):
        logs.append(flood.admit(1, 1).log)
        clock.now += 1  # 100 refusals over 100 s: the first and one a minute later
    assert sum(logs) <= 2 and logs[0]
    assert flood.admit(2, 2).allowed and not flood.admit(2, 2).allowed
    # a fresh chat gets its own log line
    flood2 = FloodControl(per_chat=1, per_user=100, clock=clock)
    flood2.admit(3, 3)
    assert flood2.admit(3, 3).log and not flood2.admit(3, 3).log


def test_a_refusal_says_how_long_until_there_is_room():
    clock = Clock()
    flood = FloodControl(per_chat=2, per_user=100, clock=clock)
    flood.admit(1, 1)
    clock.now += 20
    flood.admit(1, 1)
    clock.now += 10
    refused = flood.admit(1, 1)
    assert not refused.allowed and refused.log and refused.wait == pytest.approx(30.0)
    clock.now += 29
    again = flood.admit(1, 1)
    assert not again.log and again.wait == pytest.approx(1.0)  # said once: silence after
    clock.now += 1
    assert flood.admit(1, 1).allowed
    user = FloodControl(per_chat=100, per_user=1, clock=clock)
    user.admit(5, 9)
    assert user.admit(6, 9).wait == pytest.approx(60.0)


def test_inline_queries_without_chat_count_per_user():
    flood = FloodControl(per_chat=100, per_user=1, clock=Clock())
    assert flood.admit(None, 4).allowed and not flood.admit(None, 4).allowed


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(st.floats(0, 200), st.integers(0, 3)), max_size=60), st.integers(1, 5))
def test_never_more_than_limit_in_any_window(events, limit):
    """Over any sequence of requests, no 60 s window holds more than ``limit`` admitted ones."""
    clock = Clock()
    flood = FloodControl(per_chat=limit, per_user=10_000, clock=clock)
    admitted: dict[int, list[float]] = {}
    refused: list[tuple[int, float]] = []
    start = clock.now
    for offset, chat in sorted(events):
        clock.now = start + offset
        if flood.admit(chat, None).allowed:
            admitted.setdefault(chat, []).append(clock.now)
        else:
            refused.append((chat, clock.now))
    for times in admitted.values():
        for i, t in enumerate(times):
            assert sum(1 for u in times[i:] if u < t + 60) <= limit
    for chat, t in refused:  # and no needless refusal: each had a full window behind it
        assert sum(1 for u in admitted.get(chat, []) if t - 60 < u <= t) == limit
