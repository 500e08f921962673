"""``python -m bot ask``: Russian questions get replies with no English left in them."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.cli import main
from bot.gazetteer import load_gazetteer
from bot.glossary import load_glossary, untranslated
from bot.kinds import NEEDS
from bot.yamlio import load_yaml
from tests.support import ROOT, Project

QUESTIONS = {
    "какая годовщина": ("anniversary", "75-летие установления дипломатических отношений"),
    "какая цель по торговле": ("trade", "200 млрд долларов США"),
    "кто присутствовал на встрече": ("meeting_people", "Ван И (министр иностранных дел КНР)"),
    "какие события упоминались": ("events", "15-й пятилетний план"),
    "что сказали о землетрясении": ("condolences", "землетрясением магнитудой 6,2"),
    "предложила ли россия помощь": ("condolences", "Россия готова оказать"),
    "кого пригласил Си Цзиньпин": ("invitations", "Си Цзиньпин пригласил Путина посетить Китай"),
    "кто передал привет": (
        "greetings",
        "Мишустин передал Си Цзиньпину тёплое приветствие и наилучшие пожелания от Путина",
    ),
    "какой это был визит": ("meeting_occasion", "трёхдневный государственный визит"),
    "какие инициативы": ("initiatives", "сопряжение инициативы «Пояс и путь»"),
    "в каких сферах сотрудничество": ("cooperation_areas", "энергетика"),
    "когда они встретились": ("meeting_date", "20 декабря 2023 г."),
}
# A curated date's footnote cites its source (outlet, English headline, date) verbatim: a
# quotation, not a reply to translate. Only that citation is exempt from the check.
CITATION = re.compile(r"^\* даты нет в статье; источник: .*$", re.M)


def _ask(config: Path, questions: list[str], monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str], *flags: str) -> list[dict[str, object]]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(questions) + "\n"))
    assert main(["--config", str(config), "ask", "--json", *flags]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_russian_questions_get_fully_russian_replies(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_project: Callable[..., Project],
) -> None:
    allowed = load_glossary(NEEDS).allowed_latin(load_gazetteer())
    config = make_project(tmp_path, copy=False).path
    replies = _ask(config, list(QUESTIONS), monkeypatch, capsys)
    assert len(replies) == len(QUESTIONS)
    for reply in replies:
        intent, expected = QUESTIONS[str(reply["question"])]
        text = str(reply["reply"])
        assert reply["matched"] and reply["intent"] == intent, reply
        assert expected in text, text
        assert untranslated(CITATION.sub("", text), allowed) == [], text


def test_lang_flag_and_auto_detection(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_project: Callable[..., Project],
) -> None:
    config = make_project(tmp_path, copy=False).path
    (en,) = _ask(config, ["which anniversary?"], monkeypatch, capsys, "--lang", "ru")
    assert "75th anniversary" in str(en["reply"])  # the English question wins over the hint
    (ru,) = _ask(config, ["какая годовщина"], monkeypatch, capsys, "--lang", "en")
    assert str(ru["reply"]).startswith("Годовщина: 75-летие")
    (hint,) = _ask(config, ["???"], monkeypatch, capsys, "--lang", "ru")
    assert not hint["matched"] and str(hint["reply"]).startswith("Извините")


def test_every_russian_question_set_reply_is_russian(answerer: Answerer) -> None:
    """Whatever the matcher makes of tests/questions_ru.yaml, no reply carries English."""
    allowed = answerer.glossary.allowed_latin(answerer.gaz)
    questions = load_yaml(ROOT / "tests" / "questions_ru.yaml")["questions"]
    answered = 0
    for item in questions:
        reply = answerer.ask(str(item["q"]))
        answered += reply.matched
        text = re.sub(r"/\w+", " ", CITATION.sub("", reply.text))  # commands are not words
        assert reply.lang == "ru" and untranslated(text, allowed) == [], (item["q"], reply.text)
    assert answered > 50


@pytest.mark.parametrize(
    ("question", "terms"),
    [("Что Мишустин говорил о многополярности?", ["многополярн"]),
     ("Как Мишустин охарактеризовал уровень отношений в марте 2023?", ["наивысший уровень"]),
     ("Что Мишустин пожелал китайскому народу в декабре 2023?", ["год Дракона"])],
)  # fmt: skip
def test_a_russian_reply_about_a_statement_names_its_words_in_russian(
    answerer: Answerer, question: str, terms: list[str]
) -> None:
    text = answerer.ask(question).text
    assert all(t in text for t in terms), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Кто заявил, что спасательных сил и припасов в зоне бедствия достаточно?", "Си Цзиньпин"),
     ("кто апладировал пленуму", "Мишустин"),
     ("На какой по счёту форум «Пояс и путь» Си позвал Путина?", "3-й форум")],
)  # fmt: skip
def test_russian_words_of_the_genre_find_their_facts(
    answerer: Answerer, question: str, expected: str
) -> None:
    text = answerer.ask(question).text
    assert expected.lower() in text.lower(), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Что Си говорил о многосторонних площадках в мае 2023?", "ШОС"),
     ("Как Си описал фундаментальные основы экономики Китая?", "fundamentals"),
     ("ну и чё путин передавал си в 25м", "4 ноября 2025")],
)  # fmt: skip
def test_russian_platforms_fundamentals_and_short_years(
    answerer: Answerer, question: str, expected: str
) -> None:
    text = answerer.ask(question).text
    assert expected in text, text


def test_a_russian_statement_reply_names_goals_and_satisfaction_in_russian(
    answerer: Answerer,
) -> None:
    assert "цели" in answerer.ask("Что Мишустин сказал о целях 15-й пятилетки?").text
    text = answerer.ask("Чем, по словам Мишустина, Россия довольна в декабре 2023?").text
    assert "удовлетворена" in text, text
