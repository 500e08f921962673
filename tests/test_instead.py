"""When the intent a question matched finds nothing, or no meeting of the principals at its
place and time, a sentence that holds all the question's words and gives what it asks answers
(a number for "how many", a place for "where", said at the question's place and time); a
misspelt word is read as the known word one slip away ("abuot", "tiems", "artifical"), never a
real word the articles lack ("whole", "given"); "that year" in a text is the year it told last; a
live blog's stamps are clock times; a Russian wire's report ("КАЗАНЬ, 14 мая — РИА Новости ...
провели в среду встречу") is a meeting. The articles are written for these tests
(tests/data/articles/instead): a feature on a premiers' expo in Khabarovsk that recalls the
principals' meetings of 2023, a live blog, a Russian wire report."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer import Answerer
from bot.encounters import daytime_of
from bot.picker import _turned_round
from bot.text import expand_wire, find_dates
from tests.support import ARTICLES, Built, built_with

INSTEAD = ARTICLES / "instead"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("instead"), INSTEAD)


def test_that_year_is_the_year_told_last(built: Built) -> None:
    """ "They met again ... just before Christmas that year, on December 20": 2023, the year of
    the sentence before, not the year before the feature's date (no December 20, 2026)."""
    held = {m.date for m in built.table.meetings if not m.what}
    assert date(2026, 12, 20) not in held
    assert date(2023, 12, 20) in held


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("how many agreements did li and mishustin witness being signed in khabarovsk", "14"),
        ("How many agreements were signed at the Russian-Chinese Expo in June 2027?", "14"),
        ("how many companies are exhibiting in Khabarovsk?", "1,600"),
    ],
)
def test_a_sentence_answers_what_the_intent_did_not_find(
    built: Built, question: str, has: str
) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        # the sentence is of Khabarovsk and June 2027, not of Harbin or of March
        "how many agreements did li and mishustin witness being signed in harbin",
        "How many agreements were signed at the Russian-Chinese Expo in March 2027?",
        # "where": a place the question does not name ("of China and Russia" is none)
        "Where was the 28th regular meeting of heads of government held?",
        # a yes-or-no question is not answered by a sentence this way
        "Did Xi and Mishustin meet in Khabarovsk in 2027?",
    ],
)
def test_no_sentence_of_that_place_and_time(built: Built, question: str) -> None:
    reply = built.answerer.ask(question)
    assert not reply.matched or not reply.text.startswith("The article says"), reply.text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("what did xi say abuot trade", "what did xi say about trade"),
        ("how many tiems did they meet", "how many times did they meet"),
        ("what did xi say about artifical inteligence", "artificial intelligence"),
        ("when did mishustin congradulate china on the yaer of the dragon", "on the year"),
        ("Is another meeting planned?", "Is another meeting"),  # (no "anyther": a stem's word)
        ("what did they agree durign the vist", "during the visit"),
        # real words the articles lack stay as written; so do the articles' own words
        ("How much did trade grow in 2023 as a whole?", "as a whole?"),
        ("what trade figures were given in 2027", "were given in"),
        ("wen is the next belt and rode forum", "rode forum"),
        ("what did xi say about the Gansu earthquake", "Gansu earthquake"),
        # a name as the gazetteer writes it
        ("wen did xi meat mishustin in pariss?", "in paris?"),
    ],
)  # fmt: skip
def test_misspelt_words_are_read_as_meant(answerer: Answerer, written: str, read: str) -> None:
    assert read.lower() in answerer.reader.respell(written).lower()


def test_a_misspelt_question_is_answered(answerer: Answerer) -> None:
    reply = answerer.ask("what did xi say abuot artifical inteligence")
    assert reply.matched and "artificial intelligence" in reply.text, reply.text
    reply = answerer.ask("how many tiems did xi meet putin in 2023 by decmber")
    assert reply.matched and "twice" in reply.text, reply.text


def test_a_live_blogs_stamps_are_clock_times() -> None:
    """ "09:40 Mishustin's motorcade arrives": at 09:40; "13:02 Documents signed: 17 ..." is no
    "02 documents"; "12:30 pm" is no stamp."""
    assert expand_wire("09:40 Mishustin's motorcade arrives.").startswith("At 09:40, Mishustin")
    assert expand_wire("8:20 Mikhail Mishustin lays a wreath.").startswith("At 08:20, Mikhail")
    assert expand_wire("12:30 pm is late") == "12:30 pm is late"
    assert daytime_of(expand_wire("15:05 Xi greets Mishustin.")) == ("afternoon", "at 15:05")


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("How many documents were signed in Beijing in September 2027?", "14 agreements"),
        ("How long did the Xi-Mishustin meeting last in September 2027?", "85 minutes"),
        ("What time did Mishustin's plane leave Beijing?", "19:50"),
        ("When did Mishustin lay the wreath in September 2027?", "08:30"),
    ],
)
def test_a_live_blog_is_read(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


def test_a_russian_wire_report_is_a_meeting(built: Built) -> None:
    """ "КАЗАНЬ, 14 мая — РИА Новости ... провели в среду встречу": May 14 of the one year the
    text writes in which it is a Wednesday (2031, not the treaty's 2001), in Kazan."""
    held = {m.date: m.place for m in built.table.meetings if not m.what}
    assert held.get(date(2031, 5, 14)) == "Kazan"
    assert date(2001, 7, 16) not in held
    reply = built.answerer.ask("Когда Си Цзиньпин и Мишустин встретились в Казани?")
    assert reply.matched and "14 мая 2031" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("САНКТ-ПЕТЕРБУРГ, 2 окт — РИА Новости.", date(2034, 10, 2)),
        ("МОСКВА, 5 нояб. — ТАСС.", date(2034, 11, 5)),
    ],
)
def test_a_russian_datelines_abbreviated_month(text: str, day: date) -> None:
    (found,) = find_dates(text, date(2034, 12, 1))
    assert found.value == day
    assert find_dates("сенатор сен", None) == []  # (an abbreviation only after a day)


@pytest.mark.parametrize(
    ("question", "sentence", "turned"),
    [
        ("Who was the Chinese ambassador to Russia?",
         "He is accompanied by Russian Ambassador to China Sergei Belyaev.", True),
        ("Who was the Chinese ambassador to Russia?",
         "On the Russian side: Volkov and Ambassador Belyaev.", True),
        ("Who was the Russian ambassador to China?",
         "He is accompanied by Russian Ambassador to China Sergei Belyaev.", False),
        ("Сколько российских студентов учится в Китае?",
         "В России учатся 65 000 китайских студентов.", True),
        ("Who was the ambassador?", "Russian Ambassador to China Sergei Belyaev.", False),
    ],
)  # fmt: skip
def test_a_sentence_of_the_other_nationality_is_no_answer(
    question: str, sentence: str, turned: bool
) -> None:
    assert _turned_round(question, sentence) is turned


def test_themed_years_are_events(answerer: Answerer) -> None:
    """ "which themed years": the years of exchange (an event), not a meeting's year."""
    reply = answerer.ask("@factbot which themed years did xi mention in moscow")
    assert reply.intent == "events" and "Years of Sports Exchange" in reply.text, reply.text


def test_a_meeting_of_that_year_is_not_denied(built: Built) -> None:
    """ "during his 2027 state visit": the meeting of September 2027 was no state visit the
    articles tell of, but it was held; never "the articles report no such meeting (2027)"."""
    reply = built.answerer.ask(
        "Tell me the date and city of Xi's meeting with Mishustin during his 2027 state visit."
    )
    assert "no such meeting" not in reply.text, reply.text
