"""/start, /help and the decline line in English and Russian; which language the bot picks."""

from __future__ import annotations

import dataclasses
import html
import re
from types import SimpleNamespace
from typing import Any

import pytest

from bot.answer import Answerer
from bot.config import Config
from bot.gazetteer import load_gazetteer
from bot.glossary import load_glossary, untranslated
from bot.helptext import (
    answering,
    examples,
    first_example,
    help_text,
    question,
    start_text,
    suggested,
    topics,
)
from bot.intents import load_intents
from bot.kinds import NEEDS
from bot.language import ui_language
from bot.render import render_decline
from bot.tg.handlers import Handlers
from tests.support import ROOT

INTENTS = {i.name: i for i in load_intents(ROOT / "intents")}
COMMANDS = re.compile(r"/\w+")


def _english_words(html_text: str) -> list[str]:
    """English words in a Russian text, commands (/help) and markup aside."""
    plain = COMMANDS.sub(" ", re.sub(r"<[^>]+>|&\w+;", " ", html_text))
    return untranslated(plain, load_glossary(NEEDS).allowed_latin(load_gazetteer()))


@pytest.mark.parametrize(
    ("fixed", "code", "text", "expected"),
    [
        ("auto", "ru", "/start", "ru"),
        ("auto", "ru-RU", "/help@factbot", "ru"),
        ("auto", "en", "/start", "en"),
        ("auto", None, "/start", "en"),
        ("auto", "en", "/help когда встреча", "ru"),
        ("auto", "ru", "when did they meet?", "en"),
        ("ru", "en", "/start", "ru"),
        ("en", "ru", "когда?", "en"),
    ],
)
def test_ui_language(fixed: str, code: str | None, text: str, expected: str) -> None:
    assert ui_language(fixed, code, text) == expected


def test_russian_help_has_a_russian_example_for_every_intent() -> None:
    text = help_text(INTENTS, "ru")
    in_scope = answering(INTENTS.values())  # small talk and out of scope are not listed
    assert all(examples(i, "ru") for i in in_scope)  # the intents do have Russian examples
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert len(bullets) == len(in_scope)
    assert "• Когда они встретились?" in bullets
    assert text.startswith("Я отвечаю") and _english_words(text) == []
    assert "&lt;вопрос&gt;" in text


def test_english_help_is_unchanged_in_spirit() -> None:
    text = help_text(INTENTS, "en")
    assert text.startswith("I can answer") and "• When did they meet?" in text
    assert not re.search(r"[а-яё]", text, re.I)


def test_start_text_in_russian_uses_a_russian_example() -> None:
    example = first_example(INTENTS, "ru")
    assert example == "когда они встретились?"  # meetings.yaml's first Russian example
    text = start_text("ru", example)
    assert example in text and "/help" in text and _english_words(text) == []
    assert start_text("en", "a <b>").count("&lt;b&gt;") == 1


def test_decline_line_in_russian(answerer: Answerer) -> None:
    assert _english_words(render_decline("ru").text) == []
    reply = answerer.ask("???", lang="ru")  # nothing in the message tells the language
    assert not reply.matched and reply.lang == "ru" and _english_words(reply.text) == []
    assert answerer.ask("???", lang="en").lang == "en"


class _Message:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chat = SimpleNamespace(type="private", id=1)
        self.sent: list[str] = []

    async def reply_text(self, text: str, **_: Any) -> None:
        self.sent.append(text)


def _update(text: str, code: str | None) -> Any:
    message = _Message(text)
    user = SimpleNamespace(id=1, language_code=code)
    return SimpleNamespace(effective_message=message, message=message, effective_user=user,
                           effective_chat=message.chat)  # fmt: skip


@pytest.mark.parametrize(
    ("fixed", "code", "lang"),
    [("auto", "ru", "ru"), ("auto", "en", "en"), ("en", "ru", "en"), ("ru", None, "ru")],
)
async def test_handlers_start_and_help_follow_language_code(
    config: Config, fixed: str, code: str | None, lang: str
) -> None:
    answerer = SimpleNamespace(intents=INTENTS, titles={}, table=None)
    config = dataclasses.replace(config, reply=dataclasses.replace(config.reply, language=fixed))
    handlers = Handlers(answerer, config)
    start, help_ = _update("/start", code), _update("/help", code)
    await handlers.start(start, None)  # type: ignore[arg-type]
    await handlers.help_command(help_, None)  # type: ignore[arg-type]
    russian = [bool(re.search(r"[а-яё]", u.message.sent[0], re.I)) for u in (start, help_)]
    assert russian == [lang == "ru"] * 2


@pytest.mark.parametrize(
    ("code", "usage", "head"), [("ru", "Как спросить", "Статьи"), ("en", "Usage", "The articles")]
)
async def test_ask_usage_and_sources_follow_language(
    config: Config, answerer: Answerer, code: str, usage: str, head: str
) -> None:
    handlers = Handlers(answerer, config)
    ask, sources = _update("/ask", code), _update("/sources", code)
    await handlers.ask_command(ask, None)  # type: ignore[arg-type]
    await handlers.sources_command(sources, None)  # type: ignore[arg-type]
    assert ask.message.sent[0].startswith(usage) and sources.message.sent[0].startswith(head)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_help_example_is_answered_by_its_intent(answerer: Answerer, lang: str) -> None:
    """/help lists what the bot answers by topic; each example it shows really works."""
    text = help_text(answerer.intents, lang, answerer.table)
    shown = [line[2:] for line in text.splitlines() if line.startswith("• ")]
    headings = [line for line in text.splitlines() if line.startswith("<b>")]
    listed = answering(answerer.intents.values(), answerer.table)
    assert len(headings) == 3 and len(shown) == len(listed)
    # the seeds name no documents signed, no co-chairs, no length of the talks and no arrival
    assert len(listed) == len(answering(answerer.intents.values())) - 4
    by_example = {question(examples(i, lang)[0]): i.name for i in listed}
    for example in shown:
        reply = answerer.ask(html.unescape(example))
        assert reply.kind == "answer", example
        assert reply.intent == by_example[html.unescape(example)], example


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_small_talk_suggests_the_first_example_of_three_topics(
    answerer: Answerer, lang: str
) -> None:
    found = suggested(answerer.intents, lang, answerer.table)
    assert len(found) == 3 and [t for t, _ in topics(answerer.intents, lang)][:3] == (
        ["The meetings", "Summaries", "What they discussed"]
        if lang == "en"
        else ["Встречи", "Сводки", "Что обсуждали"]
    )
    assert all(answerer.ask(q).kind == "answer" for q in found)
