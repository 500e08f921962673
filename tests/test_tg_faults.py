"""The bot against a failing Bot API: retried sends, polling errors, every update once.

Runs the real PTB Application against the fake server with injected faults (429 with
retry_after, 500/502, malformed JSON, connection resets, timeouts, 409 Conflict).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter

import pytest

from bot.tg.app import build_application
from bot.tg.resilience import (
    CONFLICT_LINE,
    PollingErrorLog,
    RetryingRateLimiter,
    backoff_delays,
    is_transient,
)
from tests.tgharness import replies, serving, tg_config

pytestmark = pytest.mark.e2e

USER = 1000
TIMEOUT = 1.0  # request timeouts of the bot under test, seconds


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch):
    # PTB 22.8 warns (PTBDeprecationWarning, an error under filterwarnings=error) when it builds
    # RetryAfter for a 429 unless the timedelta behaviour is opted into.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def fault_bot(api, config, answerer):
    limiter = RetryingRateLimiter(retries=3, first_delay=0.1, max_delay=1.0)
    app = build_application(tg_config(config, api), answerer, rate_limiter=limiter, timeout=TIMEOUT)
    async with serving(app):
        yield app


def exactly_one_reply_each(api, updates):
    """Every pushed message (one per chat) got exactly one successful reply; nothing else sent."""
    chats = [u["message"]["chat"]["id"] for u in updates]
    assert len(set(chats)) == len(chats)
    assert Counter(c.params["chat_id"] for c in api.calls_of("sendMessage")) == Counter(chats)


# --------------------------------------------------------------------------- sends


SEND_FAULTS = [
    pytest.param({"status": 429, "retry_after": 1}, id="429-retry-after"),
    pytest.param({"status": 500}, id="500"),
    pytest.param({"status": 502, "times": 2}, id="502-twice"),
    pytest.param({"status": 502, "kind": "malformed"}, id="502-malformed-json"),
    pytest.param({"status": 0, "kind": "reset"}, id="connection-reset"),
    pytest.param({"status": 0, "kind": f"hang:{TIMEOUT + 1}"}, id="timeout"),
]


@pytest.mark.parametrize("fault", SEND_FAULTS)
async def test_send_fault_is_retried_and_replied_once(api, fault_bot, fault):
    api.fail_next("sendMessage", **fault)
    update = api.push_message(USER, "/ask when did they meet?", chat_type="group")
    (call,) = await replies(api, USER, timeout=15)
    assert "2023" in call.result["text"]
    times = fault.get("times", 1)  # a hung call is recorded when the fake gives up on it
    await asyncio.wait_for(_until(lambda: len(api.calls_of("sendMessage", ok=False)) >= times), 5)
    await asyncio.sleep(0.3)
    assert len(api.calls_of("sendMessage", ok=False)) == times
    exactly_one_reply_each(api, [update])


async def test_send_gives_up_after_bounded_retries_and_keeps_running(api, fault_bot, caplog):
    api.fail_next("sendMessage", status=500, times=10)
    first = api.push_message(USER, "/ask when did they meet?", chat_type="group")
    await asyncio.wait_for(_until(lambda: len(api.calls_of("sendMessage", ok=None)) >= 4), 10)
    await asyncio.sleep(0.5)
    assert len(api.calls_of("sendMessage", ok=None)) == 4  # one try and 3 retries
    retries = [
        r for r in caplog.records if "retry" in r.getMessage() and "sendMessage" in r.getMessage()
    ]
    assert len(retries) == 3
    assert any(
        r.levelno == logging.ERROR and f"update {first['update_id']} failed" in r.getMessage()
        for r in caplog.records
    )
    api.clear_failures()  # the 6 unused failures
    second = api.push_message(USER, "/ask where did they meet?", chat_type="group")
    (call,) = await replies(api, USER, timeout=10)
    assert "Beijing" in call.result["text"]
    assert call.params["reply_parameters"]["message_id"] == second["message"]["message_id"]


async def test_client_errors_are_not_retried(api, fault_bot):
    api.fail_next("sendMessage", status=403)
    api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    api.push_message(USER, "when did they meet?")
    api.push_message(USER, "where did they meet?")
    await asyncio.wait_for(_until(lambda: len(api.calls_of("sendMessage", ok=False)) == 2), 10)
    await asyncio.sleep(0.5)
    assert len(api.calls_of("sendMessage", ok=None)) == 2


async def test_malformed_ok_answer_is_not_retried(api, fault_bot):
    # A 200 whose body is not JSON: Telegram probably did send it; retrying could duplicate.
    api.fail_next("sendMessage", status=200, kind="malformed")
    api.push_message(USER, "when did they meet?")
    await asyncio.wait_for(_until(lambda: api.calls_of("sendMessage", ok=False)), 10)
    await asyncio.sleep(0.5)
    assert len(api.calls_of("sendMessage", ok=None)) == 1
    api.push_message(USER, "where did they meet?")
    await replies(api, USER)


async def _until(condition):
    while not condition():  # noqa: ASYNC110 - the fake server runs in another thread: poll it
        await asyncio.sleep(0.02)


# --------------------------------------------------------------------------- getUpdates


GET_UPDATES_FAULTS = [
    pytest.param({"status": 502, "kind": "malformed"}, id="502-malformed-json"),
    pytest.param({"status": 200, "kind": "malformed"}, id="200-malformed-json"),
    pytest.param({"status": 0, "kind": "reset"}, id="connection-reset"),
    pytest.param({"status": 429, "retry_after": 1}, id="429-retry-after"),
    pytest.param({"status": 0, "kind": "delay:2.5"}, id="timeout-answered-late"),
]  # 409 Conflict: test_conflict_logs_one_clear_line... below


@pytest.mark.parametrize("fault", GET_UPDATES_FAULTS)
async def test_get_updates_fault_every_update_once(api, fault_bot, fault):
    """Updates pushed before, during and after a failing getUpdates: one reply each."""
    chats = [USER + i for i in range(6)]
    updates = [api.push_message(chats[0], "when did they meet?", user_id=chats[0])]
    await replies(api, chats[0])
    api.fail_next("getUpdates", **fault)
    updates += [api.push_message(c, "when did they meet?", user_id=c) for c in chats[1:4]]
    await asyncio.sleep(0.2)
    updates += [api.push_message(c, "where did they meet?", user_id=c) for c in chats[4:]]
    await api.wait_for_async("sendMessage", len(updates), timeout=20)
    await asyncio.sleep(0.5)  # a duplicate would arrive meanwhile
    exactly_one_reply_each(api, updates)
    if not fault.get("kind", "").startswith("delay"):  # a late answer counts as a success
        assert api.calls_of("getUpdates", ok=False)


async def test_conflict_logs_one_clear_line_not_a_traceback_storm(api, fault_bot, caplog):
    caplog.set_level(logging.DEBUG)
    api.fail_next("getUpdates", status=409, times=2)
    update = api.push_message(USER, "when did they meet?")
    await replies(api, USER, timeout=20)
    assert len(api.calls_of("getUpdates", ok=False)) == 2
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in lines] == [CONFLICT_LINE]
    assert not any(r.exc_info or r.exc_text for r in caplog.records if r.levelno >= logging.INFO)
    exactly_one_reply_each(api, [update])


# --------------------------------------------------------------------------- pure parts


def test_transient_errors_and_backoff():
    from telegram.error import (
        BadRequest,
        Conflict,
        Forbidden,
        NetworkError,
        RetryAfter,
        TelegramError,
        TimedOut,
    )

    assert is_transient(NetworkError("Bad Gateway (502)")) and is_transient(TimedOut())
    for error in (
        BadRequest("x"),
        Forbidden("x"),
        Conflict("x"),
        RetryAfter(1),
        TelegramError("Invalid server response"),
        ValueError(),
    ):
        assert not is_transient(error)
    assert backoff_delays(5, 0.5, 3.0) == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert backoff_delays(0, 0.5, 3.0) == []


def test_polling_error_log_one_line_per_episode(caplog):
    from telegram.error import Conflict, NetworkError

    now = [0.0]
    errors = PollingErrorLog(gap=90, clock=lambda: now[0])
    caplog.set_level(logging.DEBUG, logger="bot.tg.resilience")
    for _ in range(20):  # a storm: the Updater retries every 1..30 s
        errors(Conflict("terminated by other getUpdates request"))
        now[0] += 30
    errors(NetworkError("Bad Gateway"))  # a different trouble is worth a line
    now[0] += 1000
    errors(NetworkError("Bad Gateway"))  # and the same one after a long quiet time
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert loud == [
        CONFLICT_LINE,
        "getUpdates failed (NetworkError: Bad Gateway); retrying",
        "getUpdates failed (NetworkError: Bad Gateway); retrying",
    ]
