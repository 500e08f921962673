"""New articles in other styles (issue 13), invented in tests/data/articles/pidgin and built
with the seeds: a machine translation with bare verbs ("Si Jinping say ,", "Mishustine
transmit", "Wang Yi participate") and no year in its dateline (the weekday and the years it
writes give it); a regular meeting of the premiers in "the Kazan Kremlin"; an announcement of
a meeting with Xi ("where he will meet"), with a list of officials by title; a transcript whose
"Xi'an" is a city, not Xi."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts import FactKind
from bot.text import mend_bare_verbs
from tests.support import ARTICLES, Built, built_with

PIDGIN = ARTICLES / "pidgin"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("pidgin"), PIDGIN)


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("Si Jinping say , China and Russia", "Si Jinping said , China and Russia"),
        ("He say Russia hope increase", "He said Russia hoped increase"),
        ("Mi Xiu Si Ting happily accept the invitation .", "Mi Xiu Si Ting happily accepted"),
        ("Wang Yi participate the meeting.", "Wang Yi attended the meeting."),
        ("Chairman Mishustine ,who come to China", "Chairman Mishustine ,who came to China"),
        # English as written stays as it is: "we", "I", "Please" and "will meet" are no reports
        ("We welcome more products", "We welcome more products"),
        ("I hope that we will meet", "I hope that we will meet"),
        ("Xi Jinping: Please convey my greetings", "Xi Jinping: Please convey my greetings"),
        ("Xi and Putin will meet in May", "Xi and Putin will meet in May"),
    ],
)
def test_bare_verbs_are_mended(text: str, mended: str) -> None:
    assert mend_bare_verbs(text).startswith(mended)


def test_meetings(built: Built) -> None:
    """The machine translation's meeting has its year (Thursday, April 14: 2033, a year the text
    writes, "last 2032 year" is the one before); the premiers' meeting in Kazan and the announced
    one are no meetings of the table; the transcript's meeting is one, in Beijing."""
    held = {m.date: m.place for m in built.table.meetings if not m.what}
    assert held[date(2033, 4, 14)] == "Sanya"
    assert held[date(2034, 9, 20)] == "Beijing"
    assert date(2032, 6, 8) not in held and date(2033, 10, 24) not in held
    # a wire's "BEIJING, Jun 12 --" takes the year of its page (2035-06-12); a machine
    # translation's "12 Month 20 Day" with no year joins the one meeting of that day there
    assert held[date(2035, 6, 12)] == "Beijing"
    (december,) = [m for m in built.table.meetings if m.date == date(2023, 12, 20)]
    assert any(f.article.endswith("mt_seed_meeting") for f in december.facts)
    assert len(held) == 7


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("when did they meet in sanya?", "April 14, 2033"),
        ("what did xi say about the river?", "like a river"),
        ("how much did trade grow in 2032?", "up 4.8%"),
        ("did mishustin accept the invitation?", "Mishustin accepted"),
        ("who accompanied mishustin to sanya?", "Alexei Overchuk"),
        ("why was mishustin in sanya?", "to attend the Hainan Expo"),
        # Sanya is in Hainan (the gazetteer's region of the city)
        ("why was mishustin in hainan in 2033?", "to attend the Hainan Expo"),
        ("where did mishustin fly in from?", "from Harbin"),
        # a wire timeline's "plane lands at ..., Met at the plane steps by ..."
        ("who met mishustin at the airport in june 2035?", "met on arrival by Sun Weidong"),
        ("Откуда прилетел Мишустин в Санью?", "(откуда: Харбин)"),
        ("Зачем Мишустин приехал в Санью?", "«Hainan Expo»"),
        # the Kazan Kremlin is Kazan's, not Moscow's Kremlin
        ("where was the 36th regular meeting held?", "Kazan"),
        ("Сколько документов подписали в Казани?", "12"),
        # a growth with no amount, for the period it names (not the figure's fall before it)
        ("trade growth in the first five months of 2032?", "up 3.9%"),
        # "Although the figure was 2.2 percent lower than in the previous year": 2031's
        ("by how much did trade fall in 2031?", "trade in 2031, down 2.2%"),
        # "Li" alone is Li Qiang, once the article has named him
        (
            "who invited mishustin to the 37th regular meeting?",
            "Li Qiang invited Mikhail Mishustin",
        ),
        ("whose greetings did li qiang convey in kazan?", "Li Qiang conveyed Xi Jinping's"),
        ("when will mishustin meet xi in october 2033?", "October 24, 2033"),
        ("what is oksana lut's job?", "Minister of Agriculture"),
        # "Taking part on the Russian side: ..., Ambassador of Russia to China Igor Morgulov"
        (
            "who was at the meeting in september 2034?",
            "Igor Morgulov (Ambassador of Russia to China)",
        ),
        # Xi's words after "I congratulate you ... in Xi'an" are still his
        ("what did xi say about neighbours in 2034?", "stand side by side"),
    ],
)
def test_answers(built: Built, question: str, has: str) -> None:
    reply = built.answerer.ask(question)
    assert reply.matched and has in reply.text, reply.text
    assert "Moscow (Kremlin)" not in reply.text


def test_a_share_is_no_growth(built: Built) -> None:
    """ "settlements in rubles and yuan now account for more than 96 percent of the total"."""
    trade = [f for f in built.table.find(FactKind("trade")) if "17.9" in f.display]
    assert trade and all("96" not in f.display for f in trade), [f.display for f in trade]


@pytest.mark.parametrize(
    "question",
    [
        # announced is not held; a meeting in Beijing is no visit to Russia
        "did xi and mishustin meet on october 24, 2033?",
        "What did Xi tell Mishustin at their meeting on October 24, 2033?",
        "Did Xi Jinping visit Russia in 2033?",
        "Which Russian cities will Xi visit in 2033?",
        # the machine translation gives the afternoon, no clock time
        "What exact time did the Sanya meeting start?",
    ],
)
def test_an_announced_meeting_is_not_a_held_one(built: Built, question: str) -> None:
    reply = built.answerer.ask(question)
    assert not reply.text.startswith("Yes"), reply.text
    assert "Great Hall" not in reply.text, reply.text
