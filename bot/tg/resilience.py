"""Surviving a flaky Bot API: retried sends, and quiet logging of polling failures.

* ``RetryingRateLimiter`` is PTB's ``AIORateLimiter`` (Telegram's rates; waits out 429
  ``retry_after``) plus a bounded retry with exponential backoff when a request fails in a way
  that may pass: connection errors, timeouts, 5xx answers (PTB's ``NetworkError`` except
  ``BadRequest``). A 4xx is never retried. After a *read* timeout Telegram may have delivered the
  message anyway, so a retry can duplicate it (at least once beats never; the Bot API has no
  idempotency key).
* ``PollingErrorLog`` is the Updater's ``error_callback``: one line per episode of trouble (a
  409 Conflict says another instance polls with the same token) instead of a traceback on every
  retry of the polling loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, Conflict, NetworkError, TelegramError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

CONFLICT_LINE = ("another instance is polling with this token (409 Conflict): stop the other one; "
                 "this one keeps retrying")  # fmt: skip


def is_transient(error: BaseException) -> bool:
    """True for failures worth retrying: network trouble, timeouts, 5xx (not 4xx, not 429)."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def backoff_delays(retries: int, first: float, cap: float) -> list[float]:
    """The waits before each retry: ``first``, doubling, at most ``cap``."""
    return [min(first * 2**i, cap) for i in range(retries)]


class RetryingRateLimiter(AIORateLimiter):
    """``AIORateLimiter`` plus ``retries`` retries with exponential backoff on transient errors."""

    def __init__(self, retries: int = 3, first_delay: float = 0.5, max_delay: float = 8.0,
                 **kwargs: Any):  # fmt: skip
        kwargs.setdefault("max_retries", 3)  # 429 retry_after waits, handled by AIORateLimiter
        super().__init__(**kwargs)
        self.delays = backoff_delays(retries, first_delay, max_delay)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Run the request through the rate limiter, retrying transient failures."""
        for attempt, delay in enumerate([*self.delays, None], start=1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data,
                                                      rate_limit_args)  # fmt: skip
            except TelegramError as exc:
                if delay is None or not is_transient(exc):
                    raise
                log.warning(
                    "%s failed (%s: %s); retry %d of %d in %.1fs",
                    endpoint,
                    type(exc).__name__,
                    exc,
                    attempt,
                    len(self.delays),
                    delay,
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover


class PollingErrorLog:
    """``error_callback`` for polling: one log line per episode, not one per retry.

    An episode is a run of errors of one kind with less than ``gap`` seconds between them; the
    Updater itself retries with a growing pause (up to 30 s).
    """

    def __init__(self, gap: float = 90.0, clock: Callable[[], float] = time.monotonic):
        self.gap, self.clock = gap, clock
        self._kind: str | None = None
        self._last = float("-inf")

    def __call__(self, error: TelegramError) -> None:
        """Log ``error`` unless it repeats the last kind within ``gap`` seconds."""
        now = self.clock()
        kind = "conflict" if isinstance(error, Conflict) else type(error).__name__
        repeated = kind == self._kind and now - self._last < self.gap
        self._kind, self._last = kind, now
        if repeated:
            log.debug("getUpdates failed again: %s", error)
        elif kind == "conflict":
            log.error(CONFLICT_LINE)
        else:
            log.warning("getUpdates failed (%s: %s); retrying", type(error).__name__, error)
