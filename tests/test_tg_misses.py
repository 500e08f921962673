"""The misses log in the running bot: the real PTB Application (and ``python -m bot run``) over
HTTP against the fake Bot API on 127.0.0.1. What is written (and what never is), /misses for
admins only, a burst of concurrent handlers, and a full disk under a bot that keeps answering."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Config
from bot.misslog import FIELDS
from bot.tg.app import build_application
from tests.support import config_file
from tests.tgharness import drained, replies, serving, tg_config

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
ADMIN = 4_400_000_001
USER = 5_123_456_789
GROUP = -1_001_987_654_321
PERSON = {
    "id": USER,
    "is_bot": False,
    "first_name": "Zebulon",
    "last_name": "Quartermain",
    "username": "zeb_quartermain",
    "language_code": "en",
}


def with_log(config: Config, path: Path, **telegram: object) -> Config:
    misses = dataclasses.replace(config.misses, path=path)
    return dataclasses.replace(
        config, misses=misses, telegram=dataclasses.replace(config.telegram, **telegram)
    )


def logged(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def test_the_log_holds_questions_and_never_an_id(api, config, answerer, tmp_path):
    path = tmp_path / "misses.jsonl"
    api.add_chat(GROUP, "supergroup", title="Zebulon's secret circle", username="zeb_circle")
    app = build_application(tg_config(with_log(config, path), api), answerer)
    me = {"extra": {"from": PERSON}, "user_id": USER}
    async with serving(app):
        api.push_message(USER, "what is the capital of France?", **me)  # private: declined
        api.push_message(USER, "when did they meet?", **me)  # a clear answer: not logged
        api.push_message(USER, "when did xi invite mishustin to visit china", **me)  # low margin
        api.push_message(
            GROUP,
            f"@{api.username} @zeb_quartermain asks: my number is "
            f"+7 915 123-45-67, id {USER}, when did they meet in 2019?",
            chat_type="supergroup",
            **me,
        )
        api.push_message(GROUP, f"/ask@{api.username} tell me a joke", chat_type="supergroup", **me)
        api.push_message(GROUP, "tell me about the weather", chat_type="supergroup", **me)
        api.push_inline_query("what is the capital of Spain?", user_id=USER)
        await replies(api, USER, count=3)
        await replies(api, GROUP, count=2)
        await api.wait_for_async("answerInlineQuery", timeout=10)
        await asyncio.wait_for(drained(api), 10)
        await asyncio.sleep(0.3)
    raw = path.read_text(encoding="utf-8")
    lines = logged(path)
    assert [(x["text"], x["chat"], x["reason"]) for x in lines] == [
        ("what is the capital of France?", "private", "off_topic"),
        ("when did xi invite mishustin to visit china", "private", "low_margin"),
        (
            "@user asks: my number is <number>, id <number>, when did they meet in 2019?",
            "supergroup",
            "below_threshold",
        ),
        ("tell me a joke", "supergroup", "off_topic"),
    ]  # (not the clear answer, the chatter not addressed to the bot, the inline query)
    assert all(tuple(x) == FIELDS for x in lines)
    values = [v for x in lines for v in x.values()]
    assert not [v for v in values if isinstance(v, int) and not isinstance(v, bool)]  # no id
    forbidden = [
        str(USER),
        str(GROUP),
        str(abs(GROUP)),
        str(api.bot_id),
        api.token,
        "Zebulon",
        "Quartermain",
        "zeb_",
        "circle",
        api.username,
        "1987654321",
        "5123456789",
    ]
    leaks = [f for f in forbidden if f.lower() in raw.lower()]
    assert not leaks, leaks
    update_ids = {str(u["update_id"]) for c in api.calls_of("getUpdates") for u in c.result}
    assert not {u for u in update_ids if f'"{u}"' in raw or f" {u}," in raw}


async def test_misses_command_is_for_admins_only(api, config, answerer, tmp_path):
    path = tmp_path / "misses.jsonl"
    app = build_application(tg_config(with_log(config, path), api, admins=(ADMIN,)), answerer)
    async with serving(app):
        for _ in range(3):
            api.push_message(USER, "<b>what</b> is the capital of France?", user_id=USER)
        api.push_message(USER, "какая погода?", user_id=USER)
        await replies(api, USER, count=4)
        api.push_message(USER, "/misses", user_id=USER)  # not an admin: no reply at all
        api.push_message(ADMIN, "/misses", user_id=ADMIN)
        (report,) = await replies(api, ADMIN)
        await asyncio.wait_for(drained(api), 10)
        await asyncio.sleep(0.3)
    text = report.result["text"]
    assert text.startswith("4 questions (4 declined, 0 answered with a low margin) in 2 groups")
    assert "1. 3× out_of_scope" in text and "• <b>what</b> is the capital of France? ×3" in text
    assert report.params["parse_mode"] == "HTML" and "&lt;b&gt;" in report.params["text"]
    assert len(api.calls_of("sendMessage", ok=None)) == 5  # four declines and the report
    commands = [c["command"] for c in api.calls_of("setMyCommands")[0].params["commands"]]
    assert "misses" not in commands


async def test_misses_command_when_the_log_is_off(api, config, answerer):
    config = dataclasses.replace(config, misses=dataclasses.replace(config.misses, path=None))
    app = build_application(tg_config(config, api, admins=(ADMIN,)), answerer)
    async with serving(app):
        api.push_message(ADMIN, "what is the capital of France?", user_id=ADMIN)
        api.push_message(ADMIN, "/misses", user_id=ADMIN)
        calls = await replies(api, ADMIN, count=2)
    # (the two updates are handled concurrently: the replies may come in either order)
    assert "The misses log is off (misses.path)." in [c.result["text"] for c in calls]


async def test_a_burst_of_concurrent_handlers_writes_whole_lines(api, config, answerer, tmp_path):
    """300 declined questions from 30 chats, 32 handlers at a time, rotating every ~25 lines."""
    path = tmp_path / "misses.jsonl"
    config = with_log(config, path, per_chat_per_minute=1000, per_user_per_minute=1000)
    config = dataclasses.replace(
        config, misses=dataclasses.replace(config.misses, max_bytes=10_000, backups=50)
    )
    app = build_application(tg_config(config, api), answerer, rate_limiter=False)
    chats = range(9000, 9030)
    async with serving(app):
        for i in range(300):
            chat = chats[i % len(chats)]
            api.push_message(
                chat, f"what is the capital of country number {i}? " + "x" * (i % 150), user_id=chat
            )
        await api.wait_for_async("sendMessage", 300, timeout=60)
    files = sorted(tmp_path.glob("misses.jsonl.*"))
    assert len(files) > 5
    numbers = sorted(int(x["text"].split()[7][:-1]) for f in [*files, path] for x in logged(f))
    assert numbers == list(range(300))


async def test_a_full_disk_never_stops_the_bot(api, config, answerer, tmp_path, caplog):
    path = tmp_path / "misses.jsonl"
    path.symlink_to("/dev/full")  # every write: ENOSPC
    config = with_log(config, path, per_chat_per_minute=100, per_user_per_minute=100)
    app = build_application(tg_config(config, api), answerer)
    with caplog.at_level(logging.INFO):
        async with serving(app):
            for i in range(10):
                api.push_message(USER, f"what is the capital of country {i}?", user_id=USER)
            api.push_message(USER, "when did they meet?", user_id=USER)
            calls = await replies(api, USER, count=11)
    texts = sorted((c.result["text"] for c in calls), key=lambda t: "2023" in t)  # any order
    assert "2023" in texts[-1] and all("/help" in t for t in texts[:10])
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in problems] == ["bot.misslog"]
    assert "No space left on device" in problems[0].getMessage()


def test_run_writes_the_log_by_default_and_ask_does_not(api, tmp_path):
    """``python -m bot run`` with a config that says nothing about misses logs next to it;
    ``ask`` and ``chat`` never write it."""
    config = config_file(tmp_path)  # says nothing about misses
    default = tmp_path / ".factbot" / "misses.jsonl"
    bot = [sys.executable, "-m", "bot", "--config", str(config)]
    question = "what is the capital of France?"
    for command, stdin in ((["ask", question], ""), (["chat"], question + "\n")):
        done = subprocess.run(
            [*bot, *command], input=stdin, cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0 and "/help" in done.stdout, done.stderr
    assert not default.exists()
    run = [sys.executable, "-m", "bot", "--config", str(config), "run"]
    proc = subprocess.Popen(
        run,
        cwd=ROOT,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        api.push_message(USER, "what is the capital of France?", user_id=USER)
        api.push_message(USER, "when did they meet?", user_id=USER)
        api.wait_for("sendMessage", 2, timeout=60)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err[-2000:]
    assert [x["text"] for x in logged(default)] == ["what is the capital of France?"]
    assert default.stat().st_mode & 0o777 == 0o600
