"""python -m bot chat (bot/chat.py): one conversation per run, commands as in Telegram, numbers
for what was offered; ask stays stateless."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bot.answer import Answerer
from bot.chat import BANNER, Chat, run_chat
from bot.dialogue import TTL
from tests.support import Project


class Clock:
    def __init__(self) -> None:
        self.now = 50_000.0

    def __call__(self) -> float:
        return self.now


def test_help_sources_and_start_answer_as_in_telegram(answerer: Answerer) -> None:
    chat = Chat(answerer)
    help_ = chat.reply("/help")
    assert help_.matched and help_.kind == "command" and "<b>" not in help_.text
    assert "The meetings" in help_.text and "• When did they meet?" in help_.text
    assert "and where?" in help_.text and "/meetings" in help_.text
    sources = chat.reply("/sources")
    assert "Xinhua" in sources.text and sources.text.count("•") == 5
    assert "/help" in chat.reply("/start").text
    chat.reply("когда они встречались?")
    assert chat.reply("/help").text.startswith("Я отвечаю")  # in the conversation's language


def test_meetings_then_a_number_shows_its_summary_and_sets_the_context(answerer: Answerer) -> None:
    chat = Chat(answerer)
    listing = chat.reply("/meetings")
    assert listing.text.splitlines()[1].startswith("1. November 4, 2025, Beijing")
    assert "4. March 21, 2023, Moscow — three-day state visit" in listing.text
    summary = chat.reply("4")
    assert summary.text.startswith("Meeting: March 21, 2023, Moscow.")
    assert "Cabinet" in chat.reply("who else was there?").text
    assert chat.reply("/source").text.startswith("[")


def test_a_number_picks_a_suggestion(answerer: Answerer) -> None:
    chat = Chat(answerer)
    decline = chat.reply("when did they meet in Shanghai?")
    assert "Did you mean:" in decline.text and "1. when did they meet in Beijing?" in decline.text
    answer = chat.reply("1")
    assert answer.matched and "May 24, 2023" in answer.text
    assert not chat.reply("9").matched  # nothing offered as 9: a question "9", declined


def test_the_context_lasts_ten_minutes_of_the_clock(answerer: Answerer) -> None:
    clock = Clock()
    chat = Chat(answerer, clock)
    chat.reply("when did they meet in 2025?")
    clock.now += TTL - 1
    assert "Moscow" not in chat.reply("and where?").text
    clock.now += TTL + 1
    assert "Moscow" in chat.reply("and where?").text


def test_chat_json_writes_ask_json_fields_and_keeps_the_conversation(answerer: Answerer) -> None:
    out = io.StringIO()
    lines = ["when did they meet in 2025?", "and where?", "/help", "hi", "what is the capital?"]
    assert run_chat(answerer, (f"{line}\n" for line in lines), out, as_json=True) == 0
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["question"] for r in replies] == lines
    assert all(set(r) == {"question", "reply", "matched", "intent", "score", "sources",
                          "suggestions"} for r in replies)  # fmt: skip
    assert "Beijing" in replies[1]["reply"] and "Moscow" not in replies[1]["reply"]
    assert [r["matched"] for r in replies] == [True, True, True, True, False]
    assert replies[3]["intent"] == "talk_hello" and replies[3]["sources"] == []


def test_the_console_chat_prompts_and_quits(answerer: Answerer) -> None:
    out = io.StringIO()
    assert run_chat(answerer, iter(["hi\n", "quit\n", "never read\n"]), out, as_json=False) == 0
    text = out.getvalue()
    assert text.startswith(BANNER + "\n> ") and "Hello!" in text and "never" not in text


def test_ask_stays_stateless(tmp_path: Path, make_project: Callable[..., Project]) -> None:
    config = make_project(tmp_path, copy=False).path
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "ask", "--json"],
        input="when did they meet in 2025?\nand where?\n", capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    second = json.loads(run.stdout.splitlines()[1])
    assert "Moscow" in second["reply"] and "Beijing" in second["reply"]  # every meeting's place
    chat = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "chat", "--json"],
        input="when did they meet in 2025?\nand where?\n", capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    followed = json.loads(chat.stdout.splitlines()[1])
    assert "Beijing" in followed["reply"] and "Moscow" not in followed["reply"]
