"""End to end, issue 15: /meetings and its buttons, "did you mean" buttons, the over-limit reply,
follow-ups per user in each chat, context expiry on an injected clock, and persistence across a
restart. The real Application over HTTP against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path
from typing import Any

import pytest

from bot.dialogue import TTL
from bot.tg.app import build_application, run_bot
from bot.tg.buttons import LIMIT
from tests.tgharness import replies, serving, tg_config

pytestmark = pytest.mark.e2e

USER = 1000
OTHER = 2000
GROUP = -100555


class Clock:
    """A wall clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def buttons(call: Any) -> list[tuple[str, str]]:
    """(text, callback data) of every button of a bot message."""
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", [])
            for b in row]  # fmt: skip


async def ask(
    api: Any, chat: int, text: str, count: int, user: int | None = None, **kw: Any
) -> Any:
    """Send ``text``; the bot's ``count``-th message in that chat (the answer to it)."""
    api.push_message(chat, text, user_id=user or chat, **kw)
    return (await replies(api, chat, count=count))[-1]


async def press(api: Any, chat: int, message: Any, data: str, count: int) -> Any:
    """Press a button of ``message``: the callback's answer and the bot's ``count``-th message."""
    answered = len(api.calls_of("answerCallbackQuery", ok=None))
    api.push_callback_query(message.result["message_id"], data, chat_id=chat, user_id=chat)
    (*_, answer) = await api.wait_for_async("answerCallbackQuery", answered + 1, timeout=10)
    assert not answer.params.get("show_alert"), answer.params
    return (await replies(api, chat, count=count))[-1]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def bot(api, config, answerer, clock):
    app = build_application(tg_config(config, api), answerer, clock=clock)
    async with serving(app):
        yield app


# --------------------------------------------------------------------------- /meetings


async def test_meetings_list_with_a_button_each_that_shows_the_summary(api, bot):
    listing = await ask(api, USER, "/meetings", 1)
    text = listing.result["text"]
    assert text.startswith("The meetings in the articles (4)") and text.count("•") == 4
    assert text.index("November 4, 2025") < text.index("March 21, 2023")  # newest first
    found = buttons(listing)
    assert len(found) == 4 and all(len(d.encode()) <= LIMIT for _, d in found)
    label, data = next(b for b in found if "Moscow" in b[0])
    assert data == "mtg:2023-03-21-moscow"  # the meeting's id: the same after a restart
    summary = await press(api, USER, listing, data, 2)
    lines = summary.result["text"].splitlines()
    assert lines[0] == "Meeting: March 21, 2023, Moscow." and 3 <= len(lines) <= 6
    assert "state visit" in summary.result["text"]
    assert buttons(summary)[0][0] == "Source"  # a summary has its sources
    assert summary.params["reply_parameters"]["message_id"] == listing.result["message_id"]
    # the pressed meeting is what a follow-up refers to
    follow = await ask(api, USER, "who else was there?", 3)
    assert "Cabinet" in follow.result["text"] and "Wang Yi" not in follow.result["text"]


async def test_meeting_buttons_mean_the_same_after_a_restart(api, config, answerer, clock):
    app = build_application(tg_config(config, api), answerer, clock=clock)
    async with serving(app):
        listing = await ask(api, USER, "/meetings", 1)
    data = next(d for t, d in buttons(listing) if "December 20" in t)
    app = build_application(tg_config(config, api), answerer, clock=clock)
    async with serving(app):
        summary = await press(api, USER, listing, data, 2)
        assert "$200 billion" in summary.result["text"]
        # a button naming no meeting (or a page past the end) gets the alert, nothing is sent
        for stale in ("mtg:1999-01-01-nowhere", "mtg:~AAAAAAAAAAAA", "mtgs:x"):
            answered = len(api.calls_of("answerCallbackQuery", ok=None))
            api.push_callback_query(listing.result["message_id"], stale, chat_id=USER, user_id=USER)
            (*_, alert) = await api.wait_for_async("answerCallbackQuery", answered + 1, timeout=10)
            assert alert.params.get("show_alert") is True
    assert len(api.calls_of("sendMessage")) == 2


async def test_the_page_button_shows_older_meetings(api, bot):
    listing = await ask(api, USER, "/meetings", 1)
    page = await press(api, USER, listing, "mtgs:2", 2)  # as a page button would carry it
    text = page.result["text"]
    assert "May 24, 2023" in text and "March 21, 2023" in text and "November 4" not in text
    assert len(buttons(page)) == 2


# --------------------------------------------------------------------------- did you mean


async def test_did_you_mean_buttons_answer_when_pressed(api, bot):
    decline = await ask(api, USER, "when did they meet in Shanghai?", 1)
    assert "Did you mean:" in decline.result["text"]
    offered = buttons(decline)
    assert 1 <= len(offered) <= 3 and all(len(d.encode()) <= LIMIT for _, d in offered)
    assert any("Beijing" in t for t, _ in offered)
    text, data = next(b for b in offered if "Beijing" in b[0])
    answer = await press(api, USER, decline, data, 2)
    assert "May 24, 2023" in answer.result["text"] and "March 21" not in answer.result["text"]
    assert buttons(answer)[0][0] == "Source"


async def test_a_long_suggestion_gets_a_key_kept_for_its_chat(api, bot):
    question = "when did Xi Jinping and Mikhail Mishustin hold their talks in the city of Shanghai?"
    decline = await ask(api, USER, question, 1)
    offered = buttons(decline)
    assert offered and any(d.startswith("ask:~") for _, d in offered)  # too long to name
    text, data = next(b for b in offered if b[1].startswith("ask:~"))
    answer = await press(api, USER, decline, data, 2)
    assert "Sorry" not in answer.result["text"] and "Beijing" in text


async def test_in_groups_a_decline_stays_one_short_line(api, bot):
    call = await ask(api, GROUP, f"@{api.username} when did they meet in Shanghai?", 1, USER,
                     chat_type="group")  # fmt: skip
    assert call.result["text"] == "Sorry, I don't know that." and not buttons(call)


# --------------------------------------------------------------------------- over the limit


async def test_the_first_message_over_the_limit_hears_when_to_try_again(api, config, answerer):
    app = build_application(tg_config(config, api, per_chat_per_minute=2), answerer)
    async with serving(app):
        for text in ("when did they meet?", "hi", "where did they meet?", "/help", "who met?"):
            api.push_message(USER, text)
        await replies(api, USER, count=3)
        await asyncio.sleep(0.5)
    texts = [c.result["text"] for c in api.calls_of("sendMessage")]
    assert len(texts) == 3  # two answers, one notice, then silence
    (notice,) = [t for t in texts if t.startswith("Too many questions")]
    found = re.fullmatch(r"Too many questions; please try again in (\d+) s\.", notice)
    assert found is not None
    seconds = int(found[1])
    assert 1 <= seconds <= 60


# --------------------------------------------------------------------------- context


async def test_follow_ups_are_per_user_in_each_chat(api, bot):
    mention = f"@{api.username}"
    await ask(api, GROUP, f"{mention} when did they meet in 2025?", 1, USER, chat_type="group")
    await ask(api, GROUP, f"{mention} when did they meet in Moscow?", 2, OTHER, chat_type="group")
    first = await ask(api, GROUP, f"{mention} and where?", 3, USER, chat_type="group")
    second = await ask(api, GROUP, f"{mention} and where?", 4, OTHER, chat_type="group")
    assert "Beijing" in first.result["text"] and "Moscow" not in first.result["text"]
    assert "Moscow" in second.result["text"] and "Beijing" not in second.result["text"]
    # the same user in a private chat has a conversation of its own there
    alone = await ask(api, USER, "and where?", 1)
    assert "Moscow" in alone.result["text"] and "Beijing" in alone.result["text"]


async def test_the_context_expires_after_ten_minutes(api, bot, clock):
    await ask(api, USER, "when did they meet in 2025?", 1)
    clock.now += TTL - 1
    within = await ask(api, USER, "and where?", 2)
    assert "Beijing" in within.result["text"] and "Moscow" not in within.result["text"]
    clock.now += TTL + 1  # ten minutes after that answer: the follow-up stands alone
    after = await ask(api, USER, "and where?", 3)
    assert "Moscow" in after.result["text"] and "Beijing" in after.result["text"]


async def test_contexts_survive_a_restart_with_persistence(api, config, answerer, clock, tmp_path):
    path = tmp_path / "kept" / "conversations.pickle"
    tg = tg_config(config, api, persistence=path)
    async with serving(build_application(tg, answerer, clock=clock)):
        await ask(api, USER, "when did they meet in Moscow?", 1)
    assert path.is_file()
    async with serving(build_application(tg, answerer, clock=clock)):
        follow = await ask(api, USER, "who else was there?", 2)
    assert "Cabinet" in follow.result["text"] and "Wang Yi" not in follow.result["text"]
    async with serving(build_application(tg_config(config, api), answerer, clock=clock)):
        alone = await ask(api, USER, "who else was there?", 3)  # no persistence: forgotten
    assert "Wang Yi" in alone.result["text"]


def test_an_unreadable_persistence_file_is_one_line_and_exit_2(
    api, config, answerer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "conversations.pickle"
    path.write_bytes(b"not a pickle")
    tg = tg_config(config, api, persistence=path)
    factory, root = logging.getLogRecordFactory(), logging.getLogger()
    filters = {h: list(h.filters) for h in root.handlers}
    try:  # run_bot sets up logging for the process: undo it for the tests that follow
        assert run_bot(tg, answerer) == 2
    finally:
        logging.setLogRecordFactory(factory)
        for handler, kept in filters.items():
            handler.filters[:] = kept
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: telegram.persistence: {path}: ")
    assert api.token not in err and not api.calls_of("getUpdates")
