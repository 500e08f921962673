"""What the articles say that no fact kind reads (issues 12 and 13): every content sentence is
a passage fact, answered when no intent answers and the sentence holds the question (a number
for "how much", a name for "who", a time for "when", every person and country the question
names); a wire's shorthand written out ("Vice FM", "bln", "pct", "incl.", "1740 --"); a machine
translation with no year dated by its weekday and the meeting it recalls ("since last November",
in the table); "October 14 last year"; an invitation to hold a meeting is no meeting held; a
yes-or-no question of the kind of visit. The articles are written for these tests
(tests/data/articles/passages)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.encounters import dates_in
from bot.facts import FactKind
from bot.text import expand_wire
from bot.verdict import claims, verdict
from tests.support import ARTICLES, Built, built_with

PASSAGES = ARTICLES / "passages"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("passages"), PASSAGES)


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("0905 -- Met by Chinese Vice FM Ma Zhaoxu and Russian amb to China Igor Morgulov.",
         "At 09:05, Met by Chinese Vice Foreign Minister Ma Zhaoxu and Russian ambassador to"),
        ("1100 -- MISHUSTIN: share above 95 pct.", "At 11:00, Mishustin: share above 95 percent."),
        ("deals worth 40 bln yuan, incl. contracts", "deals worth 40 billion yuan, including"),
        ("talks w/ Li in govt house", "talks with Li in government house"),
        # a time stays a time; capitals that are no timeline's speaker stay as they are
        ("It ended at 5 PM with PM Li.", "It ended at 5 PM with Prime Minister Li."),
        ("NATO: no comment", "NATO: no comment"),
    ],
)  # fmt: skip
def test_wire_shorthand_is_written_out(text: str, expanded: str) -> None:
    assert expand_wire(text).startswith(expanded)


def test_a_day_of_last_year_is_the_year_before_the_text() -> None:
    (found,) = dates_in("Xi received him on October 14 last year, on the day of the meeting",
                        date(2023, 12, 20), until=date(2032, 5, 18))  # fmt: skip
    assert found.value == date(2031, 10, 14)


def test_the_kind_of_visit_is_a_claim() -> None:
    asked = claims("Was Mishustin's May 2023 trip to China a state visit?")
    assert verdict(asked, claims("official visit to China by Mikhail Mishustin")) == "no"
    assert verdict(asked, claims("state visit to Russia by Xi Jinping")) == "yes"


def test_meetings(built: Built) -> None:
    """The machine translation's Wednesday, June 10 is 2026: the one year near the table's
    meetings in which it is a Wednesday and "last November" is a meeting (November 4, 2025);
    the wire's meeting is September 15, 2026."""
    held = {m.date: m.place for m in built.table.meetings if not m.what}
    assert held[date(2026, 6, 10)] == "Moscow"
    assert held[date(2026, 9, 15)] == "Beijing"
    assert len(held) == 6


def test_passages_cover_no_sentence(built: Built) -> None:
    """Every content sentence is a passage; the seeds' are too."""
    passages = built.table.find(FactKind("passage"))
    assert any("65,000 Chinese students" in f.display for f in passages)
    assert {f.article[:3] for f in passages} >= {"000", "001", "002", "003", "004"}


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("how many chinese students study at russian universities?", "65,000"),
        ("how much were the deals at the business forum worth?", "40 billion yuan"),
        # the wire's shorthand written out: "Vice FM", "amb"
        ("who met mishustin at the airport in september 2026?", "Ma Zhaoxu (Vice Foreign Minister"),
        # the wire's timeline: the clock of the meeting
        ("what time did mishustin meet xi in september 2026?", "16:00"),
    ],
)
def test_what_the_articles_say(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        # no sentence gives what is asked: an amount, a person the question names, the year
        "how much money did Russia give for the Gansu earthquake relief?",
        "Did Mishustin visit the earthquake zone in Qinghai?",
        "how many chinese students studied at russian universities in 2023?",
        "what did putin say about the grain wagons?",
        # the other way round: the sentence is of Chinese students in Russia
        "how many russian students study at chinese universities?",
    ],
)
def test_no_sentence_holds_it(built: Built, question: str) -> None:
    reply = built.answerer.ask(question)
    assert not reply.matched, reply.text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("Was Mishustin's May 2023 trip to China a state visit?", "No. "),
        ("Was Mishustin's May 2023 trip to China an official visit?", "Yes. "),
    ],
)
def test_the_kind_of_visit_is_checked(built: Built, question: str, starts: str) -> None:
    assert built.answerer.ask(question).text.startswith(starts)


def test_what_another_says_someone_did_is_no_no(built: Built) -> None:
    """ "Did Putin send a message of sympathy?": Xi said Putin did; never "No"."""
    reply = built.answerer.ask("Did Putin send a message of sympathy after the Gansu earthquake?")
    assert not reply.text.startswith("No"), reply.text
