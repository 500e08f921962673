"""Flood control: at most N answers per chat and per user in any sliding minute.

Pure and clock-injectable (no telegram import, no I/O): the handlers ask ``FloodCounters.admit``
before they answer; the first refusal in a chat (``Verdict.log``) gets one short "try again in N s"
(``Verdict.wait``), and the rest silence until the window has room again. ``FloodControl`` keeps
the counters in this process; several bot processes would share them through another
implementation of ``FloodCounters`` (a new module, e.g. Redis sorted sets per chat and user).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

Clock = Callable[[], float]


class SlidingWindow:
    """At most ``limit`` events per key in any ``window`` seconds (a log of event times)."""

    def __init__(self, limit: int, window: float = 60.0, clock: Clock = time.monotonic):
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[Hashable, deque[float]] = {}
        self._calls = 0

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            return deque()
        while events and events[0] <= now - self.window:
            events.popleft()
        if not events:
            del self._events[key]
        return events

    def wait(self, key: Hashable) -> float:
        """Seconds until ``key`` may have one more event (0 when it may now)."""
        now = self.clock()
        events = self._recent(key, now)
        if len(events) < self.limit:
            return 0.0
        return max(0.0, events[len(events) - self.limit] + self.window - now)

    def full(self, key: Hashable) -> bool:
        """True when ``key`` already had ``limit`` events in the last window."""
        return len(self._recent(key, self.clock())) >= self.limit

    def record(self, key: Hashable) -> None:
        """Count one event for ``key`` now."""
        now = self.clock()
        self._events.setdefault(key, self._recent(key, now)).append(now)
        self._calls += 1
        if self._calls % 1024 == 0:  # forget keys that have been quiet for a whole window
            for stale in list(self._events):
                self._recent(stale, now)

    def __len__(self) -> int:
        """How many keys are being tracked."""
        return len(self._events)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer of ``FloodControl.admit``: may the bot answer, and should it log the refusal."""

    allowed: bool
    log: bool = False  # True for the first refusal per chat in a window only (say it, once)
    reason: str = ""  # "chat" or "user"
    wait: float = 0.0  # seconds until the limit that refused has room again


class FloodCounters(Protocol):
    """What the handlers know of flood control: may the bot answer now (and count it if so)."""

    def admit(self, chat_id: int | None, user_id: int | None) -> Verdict:
        """Whether the bot may answer in ``chat_id`` to ``user_id`` now; counts it when it may."""
        ...


class FloodControl:
    """Per-chat and per-user limits, counted in this process; an answer counts against both, a
    refusal against neither."""

    def __init__(self, per_chat: int, per_user: int, window: float = 60.0,
                 clock: Clock = time.monotonic):  # fmt: skip
        self.clock = clock
        self.window = window
        self.chats = SlidingWindow(per_chat, window, clock)
        self.users = SlidingWindow(per_user, window, clock)
        self._logged: dict[Hashable, float] = {}  # chat -> when its refusal was last logged

    def admit(self, chat_id: int | None, user_id: int | None) -> Verdict:
        """Whether the bot may answer in ``chat_id`` to ``user_id`` now; counts it when it may."""
        reason = ""
        if chat_id is not None and self.chats.full(chat_id):
            reason = "chat"
        elif user_id is not None and self.users.full(user_id):
            reason = "user"
        if not reason:
            if chat_id is not None:
                self.chats.record(chat_id)
            if user_id is not None:
                self.users.record(user_id)
            return Verdict(True)
        wait = self.chats.wait(chat_id) if reason == "chat" else self.users.wait(user_id)
        key = chat_id if chat_id is not None else user_id
        return Verdict(False, self._should_log(key), reason, wait)

    def _should_log(self, key: Hashable) -> bool:
        now = self.clock()
        last = self._logged.get(key)
        if last is not None and now - last < self.window:
            return False
        if len(self._logged) > 10_000:  # bounded: drop entries older than a window
            self._logged = {k: t for k, t in self._logged.items() if now - t < self.window}
        self._logged[key] = now
        return True
