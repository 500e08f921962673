"""Property tests: generated hostile messages through the real Telegram callbacks.

Each message goes through ``Handlers`` (private chat, @mention in a group, /ask, inline mode and
the Source button) with a stub bot that records what would be sent. Every text that would go out
must be valid Telegram HTML (checked by the fake server's port of Telegram's parser), carry only
the markup the bot itself writes (so user text was escaped) and fit in 4096 characters.
"""

from __future__ import annotations

import asyncio
import dataclasses
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.answer import Answerer
from bot.build import build_table
from bot.config import load_config
from bot.tg.handlers import Handlers
from tests.fakebotapi import prepare_text, utf16_len
from tests.support import ROOT

BOT_ID, BOT_NAME = 123456, "factbot_test_bot"
GROUP, USER = -100555, 4321
# the only markup the bot writes: <b>, <i>, <blockquote>; anything else came from a user
BOT_ENTITIES = {"bold", "italic", "blockquote"}

INJECTIONS = [
    "<b>",
    "</b>",
    "<u>x</u>",
    '<a href="http://evil.example/">x</a>',
    "<code>x</code>",
    "<tg-spoiler>x</tg-spoiler>",
    "<s>",
    "<pre>",
    "<blockquote>",
    "<script>alert(1)</script>",
    "&",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "<",
    ">",
    '"',
    "'",
    "*bold*",
    "_it_",
    "`x`",
    "```py\nx\n```",
    "[l](http://x)",
    "||s||",
    "\\",
    "@" + BOT_NAME,
    "@" + BOT_NAME.upper(),
    "@other_bot",
    "/ask",
    "/ask@" + BOT_NAME,
    "/start",
    "when did they meet?",
    "where did they meet?",
    "сколько раз они встречались?",
    "\u202ewhen did they meet\u202c",
    "\u200f\u05de\u05ea\u05d9 \u05d4\u05dd \u05e0\u05e4\u05d2\u05e9\u05d5?",
    "متى التقيا؟",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u2028",
    "👨‍👩‍👧‍👦",
    "🇨🇳",
    "𝕏",
    "2023",
    "Mishustin",
    "Xi Jinping",
    "Beijing",
    "Moscow",
]
PIECE = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),  # any text, no surrogates
    st.text(st.characters(categories=("Cc", "Cf", "Zl", "Zp")), max_size=4),
)
MESSAGE = st.one_of(
    st.lists(PIECE, max_size=10).map("".join),
    st.builds(lambda piece, n: piece * n, st.sampled_from(INJECTIONS), st.integers(1, 2500)).filter(
        lambda t: len(t) >= 100
    ),  # long and very long (5000+ characters)
)


class StubBot:
    """Records what the callbacks would send instead of calling Telegram."""

    id, username, defaults = BOT_ID, BOT_NAME, None

    def __init__(self) -> None:
        self.sent: list[tuple[str, Any]] = []

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> None:
        self.sent.append(("text", text))
        markup = kwargs.get("reply_markup")
        if markup is not None:
            self.sent.append(("markup", markup))

    async def answer_inline_query(self, inline_query_id: str, results: Any, **kwargs: Any) -> None:
        self.sent.extend(("inline", r) for r in results)

    async def answer_callback_query(self, callback_query_id: str, text: str | None = None,
                                    **kwargs: Any) -> None:  # fmt: skip
        self.sent.append(("alert", text))


@pytest.fixture(scope="module")
def setup():
    config = load_config(ROOT / "config.yaml", {})
    unlimited = dataclasses.replace(config.telegram, per_chat_per_minute=10_000,
                                    per_user_per_minute=10_000)  # fmt: skip
    config = dataclasses.replace(config, telegram=unlimited)
    table, _ = build_table(config)
    return config, Answerer.from_table(table, config)


def message_update(text: str, chat_id: int, chat_type: str, message_id: int = 10) -> dict:
    chat = {"id": chat_id, "type": chat_type}
    chat.update({"title": "g"} if chat_type != "private" else {"first_name": "A"})
    user = {"id": USER, "is_bot": False, "first_name": "A", "language_code": "en"}
    return {
        "update_id": message_id,
        "message": {"message_id": message_id, "date": 0, "chat": chat, "from": user, "text": text},
    }


def check_html(text: str) -> None:
    """Valid Telegram HTML, only the bot's own markup, at most 4096 characters."""
    assert isinstance(text, str) and len(text) <= 4096
    plain, entities = prepare_text(text, "HTML")  # raises ApiError as Telegram would
    assert utf16_len(plain) <= 4096
    assert {e["type"] for e in entities} <= BOT_ENTITIES, (text, entities)


class StubApplication:
    """What the callbacks use of PTB's Application: the chats' chat_data."""

    def __init__(self) -> None:
        self.chat_data: dict[int, dict] = {}

    def drop_chat_data(self, chat_id: int) -> None:
        self.chat_data.pop(chat_id, None)


def stub_context(bot: StubBot, app: StubApplication, chat_id: int | None) -> Any:
    """A callback's context: the bot, the application and the chat's chat_data."""
    data = app.chat_data.setdefault(chat_id, {}) if chat_id is not None else None
    return SimpleNamespace(bot=bot, application=app, chat_data=data)


async def converse(handlers: Handlers, bot: StubBot, text: str) -> None:
    """The message in every place it can reach the bot; press every button it gets."""
    app = StubApplication()
    context = stub_context(bot, app, None)
    updates = [
        (handlers.message, message_update(text, USER, "private")),
        (handlers.message, message_update(f"@{BOT_NAME} {text}", GROUP, "supergroup")),
        (handlers.message, message_update(text, GROUP, "group")),
        (handlers.ask_command, message_update(f"/ask {text}", GROUP, "group")),
        (handlers.ask_command, message_update(f"/ask@{BOT_NAME}{text}", USER, "private")),
    ]
    for callback, data in updates:
        chat = data["message"]["chat"]["id"]
        await callback(Update.de_json(data, bot), stub_context(bot, app, chat))
    inline = {"update_id": 99, "inline_query": {
        "id": "1", "from": {"id": USER, "is_bot": False, "first_name": "A"}, "query": text,
        "offset": ""}}  # fmt: skip
    await handlers.inline_query(Update.de_json(inline, bot), context)
    pressed = {"ask:": handlers.question_button, "mtg:": handlers.meeting_button}
    buttons = [b for kind, m in list(bot.sent) if kind == "markup" for row in m.inline_keyboard
               for b in row]  # fmt: skip
    for button in buttons:
        data = button.callback_data
        assert len(data.encode()) <= 64
        press = {
            "update_id": 100,
            "callback_query": {
                "id": "2",
                "from": {"id": USER, "is_bot": False, "first_name": "A"},
                "chat_instance": "c",
                "data": data,
                "message": {
                    "message_id": 11,
                    "date": 0,
                    "chat": {"id": USER, "type": "private"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "F"},
                    "text": "a",
                },
            },
        }
        callback = pressed.get(data[:4], handlers.source_button)
        await callback(Update.de_json(press, bot), stub_context(bot, app, USER))


def check_all_sent(bot: StubBot) -> None:
    for kind, item in bot.sent:
        if kind == "text":
            check_html(item)
        elif kind == "inline":
            check_html(item.input_message_content.message_text)
            assert 0 < len(item.title) <= 100 and len(item.description or "") <= 200
        elif kind == "alert":
            assert item is None or len(item) <= 200


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=MESSAGE)
def test_any_message_gives_valid_short_html(setup, text):
    config, answerer = setup
    handlers, bot = Handlers(answerer, config), StubBot()
    asyncio.run(converse(handlers, bot, text))
    check_all_sent(bot)


def test_the_property_sees_answers_sources_and_injections(setup):
    """The checks above are not vacuous: answers, sources and inline results do get checked."""
    config, answerer = setup
    handlers, bot = Handlers(answerer, config), StubBot()
    asyncio.run(converse(handlers, bot, "when did they meet? <u>x</u> & <b>"))
    kinds = [k for k, _ in bot.sent]
    assert kinds.count("text") >= 5 and "inline" in kinds and "markup" in kinds
    check_all_sent(bot)
    with pytest.raises(AssertionError):
        check_html("They met <u>x</u>")  # user markup that slipped through would be caught
    with pytest.raises(Exception, match="can't parse entities"):
        check_html("a <b")
    with pytest.raises(AssertionError):
        check_html("x" * 4097)
