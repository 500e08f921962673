"""A backlog of thousands of messages: the bot fetches only what it can handle soon.

``python -m bot run`` (with Telegram's rate limits, about 30 replies a second) starts against a
fake Bot API already holding thousands of messages from as many chats. Fetched-but-unanswered
updates stay within the in-flight bound, memory stays flat, SIGTERM stops within the drain time
without losing anything, and SIGKILL loses at most the bound.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from bot.tg.serve import DRAIN_SECONDS, IN_FLIGHT
from tests.fakebotapi import FakeBotAPI

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
BACKLOG = 3000


@pytest.fixture
def backlog(tmp_path):
    """A fake Bot API holding BACKLOG messages from BACKLOG chats, and the config to run against."""
    with FakeBotAPI(token="777:BACKLOG-canary") as api:
        pushed = {api.push_message(1000 + i, "when did they meet?", user_id=1000 + i)["update_id"]:
                  1000 + i for i in range(BACKLOG)}  # fmt: skip
        config = tmp_path / "config.yaml"
        config.write_text(
            "version: 1\n"
            f"seeds_dir: {ROOT / 'seeds'}\n"
            f"intents_dir: {ROOT / 'intents'}\n"
            f"curated: {ROOT / 'seeds' / 'curated.yaml'}\n"
            f"table: {tmp_path / 'facts.json'}\n",
            encoding="utf-8",
        )
        yield api, pushed, config


def start(api: FakeBotAPI, config: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
    return subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def fetched(api: FakeBotAPI) -> set[int]:
    """Update ids that some getUpdates answer carried to the bot."""
    return {u["update_id"] for c in api.calls_of("getUpdates") for u in c.result}


def answered(api: FakeBotAPI) -> Counter[int]:
    return Counter(c.params["chat_id"] for c in api.calls_of("sendMessage"))


def pending(api: FakeBotAPI) -> set[int]:
    return {u["update_id"] for u in api.pending_updates}


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise AssertionError("no VmHWM")


def watch_in_flight(api: FakeBotAPI, seconds: float) -> int:
    """The most updates fetched but not yet answered, sampled every 50 ms for ``seconds``."""
    most, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        replies = sum(answered(api).values())
        most = max(most, len(fetched(api)) - replies)
        time.sleep(0.05)
    return most


def test_backlog_in_flight_bound_memory_and_sigterm(backlog):
    api, pushed, config = backlog
    proc = start(api, config)
    try:
        api.wait_for("sendMessage", timeout=60)
        most = watch_in_flight(api, 4.0)
        rss = peak_rss_mb(proc.pid)
        proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        out, err = proc.communicate(timeout=30)
        elapsed = time.monotonic() - signalled
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    assert most <= IN_FLIGHT, f"{most} updates fetched and unanswered at once"
    assert len(pending(api)) > BACKLOG - 1000, "the bot pulled the backlog off Telegram"
    assert rss < 80, f"peak RSS {rss:.1f} MB"
    assert elapsed < DRAIN_SECONDS + 2, f"took {elapsed:.1f}s to stop"
    replies = answered(api)
    assert max(replies.values()) == 1, "a chat was answered twice"
    # nothing lost: every update was answered or is still queued at Telegram
    assert {pushed[u] for u in set(pushed) - pending(api)} == set(replies)

    # the next start carries on with the rest, answering nobody twice
    done_before = len(replies)
    proc = start(api, config)
    try:
        api.wait_for("sendMessage", done_before + 20, timeout=60)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    replies = answered(api)
    assert max(replies.values()) == 1
    assert {pushed[u] for u in set(pushed) - pending(api)} == set(replies)


def test_sigkill_mid_backlog_loses_at_most_the_in_flight_bound(backlog):
    api, pushed, config = backlog
    proc = start(api, config)
    try:
        api.wait_for("sendMessage", 40, timeout=60)
        time.sleep(1.0)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    replies = answered(api)
    accounted = {pushed[u] for u in pending(api)} | set(replies)
    lost = set(pushed.values()) - accounted
    assert len(lost) <= IN_FLIGHT, f"{len(lost)} updates lost"
    assert len(pending(api)) > BACKLOG - 1000
