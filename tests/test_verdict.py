"""Yes or no (bot.verdict): what a yes-or-no question claims, and whether the facts picked for
it confirm it, say otherwise or neither; and the replies that say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.verdict import claims, verdict
from tests.support import Project


def _values(text: str) -> set[tuple[str, str]]:
    return {(c.cls, c.value) for c in claims(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was Xi on a five-day state visit?", {("count", "5"), ("visit", "state")}),
        ("Это был официальный визит?", {("visit", "official")}),
        ("the magnitude-6.2 earthquake", {("count", "6.2")}),
        ("the 28th regular meeting", {("ordinal", "28")}),
        ("the third Belt and Road Forum", {("ordinal", "3")}),
        ("была ли это вторая встреча?", {("ordinal", "2")}),
        ("held on a Wednesday", {("weekday", "wed")}),
        ("в среду вечером", {("weekday", "wed"), ("daytime", "evening")}),
        # a year, the day of a month, a clock and "first" (which chooses a meeting) claim nothing
        ("on March 21, 2023 at 10:05, their first meeting", set()),
        ("20 декабря 2023 года", set()),
    ],
)
def test_claims(text: str, expected: set[tuple[str, str]]) -> None:
    assert _values(text) == expected


def test_a_count_contradicts_only_a_count_of_the_same_thing() -> None:
    asked = claims("did they sign 20 agreements?")
    assert verdict(asked, claims("in the first 11 months of 2023")) == ""
    assert verdict(claims("a five-day visit?"), claims("a three-day state visit")) == "no"
    assert verdict(claims("a three-day visit?"), claims("a three-day state visit")) == "yes"
    assert verdict(claims("Товарооборот достиг 100 млрд?"), claims("trade of $200 billion")) == "no"
    assert verdict(claims("did Xi meet Putin three times?"), claims("we met twice")) == "no"
    assert verdict(frozenset(), claims("anything")) == "yes"


@pytest.mark.parametrize(
    ("question", "starts", "has"),
    [
        ("Did Xi meet Mishustin in Moscow on March 21, 2023?", "Yes. ", "March 21, 2023"),
        ("Was Wang Yi present at the December 20, 2023 meeting?", "Yes. ", "Wang Yi"),
        ("Was the 2025 meeting held on a Wednesday?", "No. ", "Tuesday, November 4, 2025"),
        ("Was Xi on a five-day state visit to Russia in March 2023?", "No. ", "three-day"),
        ("Was the Gansu earthquake a magnitude 7.2 quake?", "No. ", "6.2"),
        ("Землетрясение было в провинции Сычуань?", "Нет. ", "Ганьсу"),
        ("was the quake in Gansu province?", "Yes. ", "Gansu"),
        ("At the Moscow meeting, did Xi invite Mishustin to visit China?", "Yes. ", "invited"),
        # the one meeting at the place, of another year
        ("Встреча в Москве была в 2024 году?", "Нет. ", "21 марта 2023"),
        ("was the moscow meeting in 2024?", "No. ", "March 21, 2023"),
        ("Упоминалась ли 75-я годовщина установления дипломатических отношений?", "Да. ", "75"),
        # a "when" after "did" begins a clause that chooses the meeting: still yes or no
        ("Did Xi invite Mishustin to visit China when they met in Moscow?", "Yes. ", "invited"),
        (
            "Was Mishustin on an official visit when he met Xi in Beijing in May 2023?",
            "Yes. ",
            "official visit",
        ),
        # an ordinal no fact has: no, and the one the facts give
        ("Did Mishustin mention the 14th Five-Year Plan?", "No. ", "15th Five-Year Plan"),
        ("was putin invited to the 2nd belt and road forum?", "No. ", "the third Belt and Road"),
        ("Был ли государственный визит Си в Россию пятидневным?", "Нет. ", "трёхдневный"),
        # the claim's part of the day is another fact's: no, and that fact
        ("Did they meet in the afternoon on December 20, 2023?", "No. ", "morning"),
        ("Прошла ли встреча 20 декабря 2023 года вечером?", "Нет. ", "утром"),
        # a name the facts write another way ("the Belt and Road Forum")
        ("Did Xi invite Putin to the Belt and Road Forum?", "Yes. ", "Belt and Road Forum"),
        # tag questions; "правда ли, что"; "75-летие" is the 75th anniversary
        ("xi and mishustin met in moscow right?", "Yes. ", "March 21, 2023"),
        ("so the last meeting was in beijing?", "Yes. ", "November 4, 2025"),
        ("Правда ли, что магнитуда землетрясения в Ганьсу составила 7,1?", "Нет. ", "6,2"),
        ("Упоминал ли Си Цзиньпин 75-летие дипломатических отношений?", "Да. ", "75"),
        ("Была ли встреча 4 ноября 2025 года во вторник?", "Да. ", "вторник"),
        # how often others met, in a statement ("he has met with President Putin twice")
        ("did xi meet putin three times in 2023?", "No. ", "twice"),
        ("Встречался ли Си с Путиным трижды в 2023 году?", "Нет. ", "twice"),
        # a place and a year no meeting has: no, where they met then and when they met there
        ("did they meet in moscow in 2025?", "No. ", "November 4, 2025, Beijing"),
        ("did they meet in moscow in 2025?", "No. ", "March 21, 2023, Moscow"),
    ],
)
def test_a_yes_or_no_question_is_answered_yes_or_no(
    answerer: Answerer, question: str, starts: str, has: str
) -> None:
    reply = answerer.ask(question)
    assert reply.text.startswith(starts) and has in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "when did they meet in Moscow?",  # a question word: no yes or no
        "did they sign 20 agreements?",  # nothing says: never "No"
        "did Putin accept the invitation?",  # a claim no fact makes: declined
        "xi mishustin date?",  # a terse question, not a yes-or-no one
        "did they meet in beijing or moscow in 2025?",  # one of two: no yes or no
        "Сколько длилась встреча в Москве?",  # a Russian question word asks for it
        "do you know when they met in Moscow?",  # "when" asked, after "do you know"
    ],
)
def test_no_yes_or_no_without_grounds(answerer: Answerer, question: str) -> None:
    text = answerer.ask(question).text
    assert not text.startswith(("Yes. ", "No. ")), text


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("Why did the Gansu earthquake happen?", "(why)"),  # no intent answers a cause of it
        ("What was the magnitude of the earthquake in Sichuan?", "(Sichuan)"),  # it was Gansu
        ("Did Mishustin mention the moon landing in December 2023?", ""),  # nothing of it
        # a place no article names is no meeting (not every meeting listed)
        ("When did Xi Jinping and Mishustin meet in Busan?", "(Busan)"),
        ("Когда Си и Мишустин встречались в Пусане?", "(Пусане)"),
        # a thing asked for that no article knows (not the people at the meeting)
        ("What gift did Xi present to Mishustin?", "(gift)"),
        ("who was the interpreter at the Moscow meeting?", "(interpreter)"),
        ("Кто был переводчиком на встрече в Москве?", "(переводчиком)"),
        # a name no article gives: what was said nearby is no answer
        ("What did Xi say about the Power of Siberia 2 pipeline?", "(Siberia)"),
        # how long the talks lasted: the visit's three days are no answer
        ("how long did the moscow meeting last?", ""),
        # a place someone visited: condolences over the quake there are no visit
        ("Did Mishustin visit Gansu?", "(Gansu)"),
        # a cause, a thing and a doer no article tells; the next meeting, which none announces
        ("What caused the Gansu earthquake?", "(What caused)"),
        # a count of people: the quake's magnitude is no such number
        ("сколько человек пострадало при землетрясении в ганьсу", "(сколько человек)"),
        ("What gas price did Xi and Mishustin agree on?", "(price)"),
        ("Who interpreted at the Moscow meeting?", "(interpreted)"),
        ("bro when's the next xi mishustin meetup", "(next"),
        ("Сколько длилась встреча в Москве?", "(Сколько длилась)"),
    ],
)
def test_the_nearest_fact_is_no_answer(answerer: Answerer, question: str, unsaid: str) -> None:
    reply = answerer.ask(question)
    assert not reply.matched and unsaid in reply.text, reply.text


def test_a_yes_needs_the_questions_own_words_in_the_facts_or_their_meeting(
    answerer: Answerer,
) -> None:
    """ "after the quake" is said beside the aid (the meeting's words); typos repaired."""
    assert answerer.ask("did mishustin ofer aid aftr the quake?").text.startswith("Yes. ")


def test_the_meetings_of_a_venue_and_of_others(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    """A meeting of May 2027 at Diaoyutai: "at the Great Hall in May 2027?" is no, and where;
    "did they meet in Moscow in 2025?" is not answered with Xi's talks with Putin there."""
    (tmp_path / "diaoyutai.txt").write_text(
        " date 2027-05-18\nBEIJING, May 18 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin at the Diaoyutai State Guesthouse on Tuesday.\n",
        "utf-8",
    )
    (tmp_path / "review.txt").write_text(
        " date 2025-11-05\nBEIJING, Nov. 4 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin in Beijing on Tuesday.\nEarlier this year, on May 8, Xi held "
        "talks with Vladimir Putin in Moscow.\n", "utf-8")  # fmt: skip
    project = make_project(tmp_path / "p", articles=sorted(tmp_path.glob("*.txt")))
    config = project.config()
    answerer = Answerer.from_table(build_table(config)[0], config)
    text = answerer.ask(
        "Did Xi and Mishustin meet at the Great Hall of the People in May 2027?"
    ).text
    assert text.startswith("No. ") and "Diaoyutai" in text, text
    reply = answerer.ask("did they meet in moscow in 2025?")
    assert "Putin" not in reply.text and not reply.text.startswith("Yes"), reply.text


def test_a_later_part_of_a_compound_question_is_of_the_meeting_the_first_chose(
    answerer: Answerer,
) -> None:
    """ "..., and how did Xi respond?": at the meeting of the quake (not every statement)."""
    text = answerer.ask(
        "What did Russia offer after the Gansu earthquake and how did Xi respond?"
    ).text
    second = text.split("\n\n")[1]
    assert "December 20, 2023" in second and "May 24" not in second, text


def test_how_often_others_met_is_what_was_said_of_it(answerer: Answerer) -> None:
    text = answerer.ask("how many times did Xi meet Putin in 2023?").text
    assert "twice" in text and "December 20, 2023" in text, text


def test_a_claim_the_facts_of_the_intent_lack_is_what_someone_said(answerer: Answerer) -> None:
    """ "who sent messages of sympathy": the condolences say no "sent"; Xi's words do."""
    text = answerer.ask("Who sent messages of sympathy after the Gansu earthquake?").text
    assert "Putin and many other foreign leaders sent messages" in text, text
    assert not answerer.ask("how much aid did russia send?").matched
