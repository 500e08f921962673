"""bot/phrases.py: small talk and summary requests told by their phrasing, never a question."""

from __future__ import annotations

import pytest

from bot.answer import Answerer


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hi", "talk_hello"), ("Hello there!", "talk_hello"), ("good morning", "talk_hello"),
        ("@bot hello everyone", "talk_hello"), ("привет!", "talk_hello"),
        ("здравствуйте", "talk_hello"), ("how are you?", "talk_hello"),
        ("what can you do?", "talk_about"), ("what can u do", "talk_about"),
        ("who are you?", "talk_about"), ("how does this bot work exactly?", "talk_about"),
        ("здравствуйте, кто вы?", "talk_about"), ("что ты умеешь?", "talk_about"),
        ("thanks a lot!", "talk_thanks"), ("thank you, very helpful", "talk_thanks"),
        ("спасибо большое", "talk_thanks"), ("cool, thank you", "talk_thanks"),
        ("bye!", "talk_bye"), ("thx, cya later", "talk_bye"), ("спасибо, пока", "talk_bye"),
        ("до свидания", "talk_bye"), ("good night bot", "talk_bye"),
        ("wow, you're awesome", "talk_praise"), ("молодец!", "talk_praise"),
        ("you are a useless stupid bot", "talk_insult"), ("ты тупой", "talk_insult"),
    ],
)  # fmt: skip
def test_small_talk(answerer: Answerer, text: str, intent: str) -> None:
    q = answerer.reader.read(text)
    assert answerer.talk.match(q) == intent
    reply = answerer.ask(text)
    assert reply.kind == "talk" and reply.matched and reply.intent == intent
    assert "don't know" not in reply.text and "не знаю" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "thanks, and where did they meet?", "hello, when did they meet in 2025?",
        "what can you tell me about the trade target?", "tell me a joke", "ok",
        "who is the president of the united states", "greetings?", "did putin send greetings?",
        "when did they meet at the great hall", "what help did russia offer?", "aid?",
        "передал ли мишустин привет от путина", "какой был визит", "what was xi's salary",
    ],
)  # fmt: skip
def test_questions_are_not_small_talk(answerer: Answerer, text: str) -> None:
    assert answerer.talk.match(answerer.reader.read(text)) is None


def test_small_talk_offers_questions_that_are_answered(answerer: Answerer) -> None:
    for text in ("hi", "what can you do?", "you are useless", "привет", "что ты умеешь?"):
        reply = answerer.ask(text)
        offered = [line[2:] for line in reply.text.splitlines() if line.startswith("• ")]
        assert len(offered) == 3, reply.text
        for question in offered:
            assert answerer.ask(question).kind == "answer", question
    assert "•" not in answerer.ask("thanks").text  # thanks needs no lesson


@pytest.mark.parametrize(
    "text",
    [
        "tell me about the Moscow meeting", "summarize the last meeting", "recap",
        "what happened in December 2023?", "give me a summary of their first meeting",
        "what happened when Mishustin visited China in May 2023?",
        "@bot recap the nov 2025 meeting pls",
        "tell me about the meeting at the Great Hall of the People", "расскажи о последней встрече",
        "что было в декабре 2023 года?", "кратко о первой встрече",
    ],
)  # fmt: skip
def test_summary_requests(answerer: Answerer, text: str) -> None:
    q = answerer.reader.read(text.replace("@bot", ""))
    assert answerer.dialogue.summaries.match(q) == "meeting_summary"
    assert answerer.ask(text.replace("@bot", "")).intent == "meeting_summary"


@pytest.mark.parametrize(
    "text",
    [
        "tell me about the trade target", "what happened at the plenum?", "расскажи анекдот",
        "какой был товарооборот в 2025 году?", "what kind of visit was it", "tell me about the sco",
        "who was at the great hall meeting?",
    ],
)  # fmt: skip
def test_topic_questions_are_not_summaries(answerer: Answerer, text: str) -> None:
    assert answerer.ask(text).intent != "meeting_summary"
