"""The bot as an operator runs it: a separate process, stopped with SIGTERM, logs searched.

Everything talks to the fake Bot API on 127.0.0.1.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.tg.app import install_redaction, setup_logging
from tests.fakebotapi import FakeBotAPI
from tests.support import ROOT

pytestmark = pytest.mark.e2e

TOKEN = "987654:LEAK-CANARY-qZx81"


@pytest.fixture
def api():
    with FakeBotAPI(token=TOKEN) as server:
        yield server


def tmp_config(tmp: Path) -> Path:
    """A config.yaml reading the project's articles and writing its table under ``tmp``."""
    path = tmp / "config.yaml"
    path.write_text(
        "version: 1\n"
        f"seeds_dir: {ROOT / 'seeds'}\n"
        f"intents_dir: {ROOT / 'intents'}\n"
        f"curated: {ROOT / 'seeds' / 'curated.yaml'}\n"
        f"table: {tmp / 'facts.json'}\n"
        "telegram:\n  per_chat_per_minute: 100\n  per_user_per_minute: 100\n",
        encoding="utf-8",
    )
    return path


def bot_env(api: FakeBotAPI) -> dict[str, str]:
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "PYTHONUNBUFFERED": "1",
    }


def delivered(api: FakeBotAPI) -> set[int]:
    """Update ids some getUpdates answer carried to the bot."""
    return {u["update_id"] for c in api.calls_of("getUpdates") for u in c.result}


# --------------------------------------------------------------------------- SIGTERM


def test_sigterm_during_a_burst_finishes_in_flight_replies_and_exits_0(api, tmp_path):
    command = [sys.executable, "-m", "bot", "run", "--config", str(tmp_config(tmp_path))]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env=bot_env(api),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        api.push_message(1, "when did they meet?", user_id=1)
        api.wait_for("sendMessage", timeout=60)  # up and answering
        chats = range(100, 160)
        pushed = {
            api.push_message(c, "where did they meet?", user_id=c)["update_id"]: c for c in chats
        }
        api.wait_for("sendMessage", 6, timeout=20)
        proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        at_signal = len(api.calls_of("sendMessage"))
        out, err = proc.communicate(timeout=20)
        elapsed = time.monotonic() - signalled
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert elapsed < 5, f"took {elapsed:.1f}s to stop"
    replied = [c.params["chat_id"] for c in api.calls_of("sendMessage", ok=None)]
    assert all(c.ok for c in api.calls_of("sendMessage", ok=None))
    # Telegram forgets what the bot confirmed (getUpdates with a higher offset); the rest stays
    # queued there for the next start.
    pending = {u["update_id"] for u in api.pending_updates}
    confirmed = set(pushed) - pending
    assert confirmed, "the bot handled nothing of the burst before SIGTERM"
    # every confirmed update was answered exactly once, and none that was not: nothing lost
    assert sorted(replied[1:]) == sorted(pushed[u] for u in confirmed)
    assert at_signal - 1 < len(confirmed), "nothing was in flight at SIGTERM"
    assert "Traceback" not in err
    assert api.token not in out + err


# --------------------------------------------------------------------------- the token


LEAK_SCRIPT = """
import logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                    format="%(levelname)s %(name)s: %(message)s")
for name in ("httpx", "httpcore", "telegram", "asyncio"):
    logging.getLogger(name).setLevel(logging.DEBUG)
from bot.answer import Answerer
from bot.config import load_config
from bot.build import ensure_table
from bot.tg.app import run_bot

cfg = load_config(sys.argv[1])
answerer = Answerer.from_table(ensure_table(cfg), cfg)
real_ask = answerer.ask

def ask(text, lang=None, **conversation):
    if "boom" in text:  # an exception that carries the API URL, as httpx errors may
        raise RuntimeError("request to " + cfg.telegram.base_url + cfg.telegram.token.reveal()
                           + "/sendMessage failed")
    return real_ask(text, lang, **conversation)

answerer.ask = ask
sys.exit(run_bot(cfg, answerer))
"""


def run_leak_script(api, tmp_path, actions):
    proc = subprocess.Popen(
        [sys.executable, "-c", LEAK_SCRIPT, str(tmp_config(tmp_path))],
        cwd=ROOT,
        env=bot_env(api),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        actions(proc)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    return proc.returncode, out, err


def test_token_never_in_logs_or_errors(api, tmp_path):
    def actions(proc):
        api.push_message(1, "when did they meet?", user_id=1)
        api.wait_for("sendMessage", timeout=60)
        api.fail_next("sendMessage", status=500)
        api.push_message(2, "when did they meet?", user_id=2)
        api.wait_for("sendMessage", 2, timeout=10)
        api.fail_next("sendMessage", status=0, kind="reset")
        api.push_message(3, "where did they meet?", user_id=3)
        api.wait_for("sendMessage", 3, timeout=10)
        api.fail_next("getUpdates", status=502, kind="malformed")
        api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
        api.push_message(4, "where did they meet?", user_id=4)
        api.push_message(5, "boom", user_id=5)
        api.push_message(6, "/sources", user_id=6)
        api.wait_for("sendMessage", 4, timeout=10)
        time.sleep(0.5)

    code, out, err = run_leak_script(api, tmp_path, actions)
    assert code == 0, err[-3000:]
    text = out + err
    # the run did log requests (with the URL), the failures and the handler's exception ...
    assert "HTTP Request: POST" in err and "/bot***/getUpdates" in err
    assert "request to http://127.0.0.1" in err and "Bad Gateway" in err
    assert "Internal Server Error" in err, err[-3000:]
    assert "chat not found" in err.lower()
    # ... and the token appears nowhere, not even in parts
    assert api.token not in text
    assert api.token.split(":")[1] not in text


def test_rejected_token_is_one_line_without_the_token(api, tmp_path):
    api.fail_next("getMe", status=401, description="Unauthorized")
    code, out, err = run_leak_script(api, tmp_path, lambda proc: proc.wait(timeout=60))
    assert code == 2
    assert "error: Telegram rejected the token" in err.splitlines()[-1]
    assert api.token not in out + err and api.token.split(":")[1] not in out + err


def test_redaction_covers_handlers_added_later_and_every_logger():
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    undo = install_redaction(TOKEN)
    late = Collect()
    logging.getLogger("some.library").addHandler(late)
    try:
        try:
            raise ConnectionError(f"POST http://h/bot{TOKEN}/getMe")
        except ConnectionError:
            logging.getLogger("some.library").error(  # noqa: G201 - the form libraries use
                "failed %s", f"/bot{TOKEN}/x", exc_info=True
            )
    finally:
        logging.getLogger("some.library").removeHandler(late)
        undo()
    (line,) = records
    assert TOKEN not in line and "/bot***/x" in line
    assert "ConnectionError: POST http://h/bot***/getMe" in line
    assert logging.getLogRecordFactory() is logging.LogRecord


def test_setup_logging_keeps_an_explicit_httpx_level():
    httpx_log = logging.getLogger("httpx")
    old = httpx_log.level
    try:
        httpx_log.setLevel(logging.DEBUG)
        factory = logging.getLogRecordFactory()
        setup_logging(TOKEN)
        assert httpx_log.level == logging.DEBUG
    finally:
        logging.setLogRecordFactory(factory)
        httpx_log.setLevel(old)
        for handler in logging.getLogger().handlers:
            handler.filters = [
                f for f in handler.filters if getattr(f, "secrets", None) != (TOKEN,)
            ]


# --------------------------------------------------------------------------- Source keys


def test_source_button_means_the_same_after_the_bot_process_restarts(api, tmp_path):
    """Issue 14: keys were per-process counters, so after a restart an old button showed the
    sources of whatever the new process answered first."""
    command = [sys.executable, "-m", "bot", "run", "--config", str(tmp_config(tmp_path))]

    def start():
        return subprocess.Popen(command, cwd=ROOT, env=bot_env(api), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip

    def stop(proc):
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err[-3000:]
        assert "Traceback" not in err and api.token not in out + err

    def sent(chat):
        return [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == chat]

    proc = start()
    try:
        api.push_message(1, "which anniversary?", user_id=1)
        (answer,) = api.wait_for("sendMessage", timeout=60)
        data = answer.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        api.push_callback_query(answer.result["message_id"], data, chat_id=1, user_id=1)
        api.wait_for("sendMessage", 2, timeout=10)
        before = sent(1)[1].result["text"]
        assert "75th anniversary" in before
    finally:
        stop(proc)
    proc = start()
    try:
        api.push_message(2, "where did they meet?", user_id=2)  # the new process's first answer
        api.wait_for("sendMessage", 3, timeout=60)
        api.push_callback_query(answer.result["message_id"], data, chat_id=1, user_id=1)
        api.wait_for("sendMessage", 4, timeout=10)
    finally:
        stop(proc)
    assert sent(1)[2].result["text"] == before
    assert all(c.ok for c in api.calls_of("answerCallbackQuery", ok=None))
