"""Real reports' forms (issue 13): a government transcript under its site's heading and a terse
wire of the same meeting, with the seeds (tests/data/articles/reports). What each must give: the
heading's clock time, a minister in the delegation, a commission's co-chairs named "A co-chairs
BODY with B", an invitation passed on "to reiterate", a figure held "for the fourth year in a
row" (no year of its own), a quote of two sentences whose speaker comes after it, a count in
words, and a machine translation's pinyin of a name."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.build import build_table
from bot.facts import FactTable
from bot.gazetteer import load_gazetteer
from bot.glossary import load_glossary
from bot.kinds import NEEDS, render
from bot.text import number_word
from tests.support import ARTICLES, facts_of, make_project, with_articles

REPORTS = ARTICLES / "reports"
MEETING = date(2027, 5, 18)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[FactTable, list[str]]:
    table, report = build_table(with_articles(tmp_path_factory.mktemp("reports"), REPORTS))
    return table, report.notes


def test_both_reports_are_one_meeting_of_the_heading_and_the_wire(
    built: tuple[FactTable, list[str]],
) -> None:
    table, _ = built
    (meeting,) = [m for m in table.meetings if m.date == MEETING]
    assert meeting.place == "Beijing"
    assert set(meeting.articles) == {"005_govru_transcript_2027", "005_wire_premiers_2027"}


def test_the_transcript_heading_gives_the_time_and_the_speech_the_delegation(
    built: tuple[FactTable, list[str]],
) -> None:
    table, _ = built
    (daytime,) = facts_of(table, "daytime", "govru_transcript_2027")
    assert (daytime.parts.part, daytime.parts.time) == ("afternoon", "16:15")  # type: ignore[attr-defined]
    (delegation,) = facts_of(table, "delegation", "govru_transcript_2027")
    # "on the Russian side were ..." (the visitor's side: all of it) and the transcript's list
    assert delegation.parts.people == ("Marat Khusnullin", "Maxim Reshetnikov", "Oksana Lut")  # type: ignore[attr-defined]


def test_a_commissions_co_chair_named_with_his_partner_after_the_body(
    built: tuple[FactTable, list[str]],
) -> None:
    """ "A, as you know, co-chairs BODY with Vice Premier B" and "Deputy PM A, who co-chairs
    BODY with Chinese Vice Premier B" (a wire's "PM" title for an official never seen)."""
    table, _ = built
    for article in ("govru_transcript_2027", "wire_premiers_2027"):
        chairs = {(f.parts.chairs, f.parts.body) for f in facts_of(table, "cochair", article)}  # type: ignore[attr-defined]
        assert (("Marat Khusnullin", "Zhang Guoqing"),
                "intergovernmental commission on transport cooperation") in chairs  # fmt: skip


def test_an_invitation_reiterated_in_first_person_names_host_guest_and_messenger(
    built: tuple[FactTable, list[str]],
) -> None:
    table, _ = built
    (inv,) = facts_of(table, "invitation", "govru_transcript_2027")
    p = inv.parts
    assert (p.host, p.guest, p.via, p.action) == (  # type: ignore[attr-defined]
        "Vladimir Putin", "Xi Jinping", "Mikhail Mishustin", "visit")  # fmt: skip
    assert "you" not in inv.display.split()


def test_a_figure_held_for_years_in_a_row_is_of_no_single_year(
    built: tuple[FactTable, list[str]],
) -> None:
    """ "has stayed above $230 billion for the fourth year in a row" is no figure of 2027 (the
    meeting's year) nor of any one year."""
    table, _ = built
    (trade,) = facts_of(table, "trade", "govru_transcript_2027")
    assert trade.year is None and trade.parts.period_year is None  # type: ignore[attr-defined]
    assert (trade.parts.approx, trade.parts.period, trade.parts.run) == ("more", "run", 4)  # type: ignore[attr-defined]
    assert "fourth year in a row" in trade.display


def test_a_quote_of_two_sentences_is_the_speakers_named_after_it(
    built: tuple[FactTable, list[str]],
) -> None:
    """'"A. B," PM Mishustin said.' after Xi's quote: both sentences are Mishustin's (not Xi's
    carried on), without the closing quote and title; the narration after it is no one's."""
    table, _ = built
    said = [(f.sentence, f.parts.speaker, f.parts.content)  # type: ignore[attr-defined]
            for f in facts_of(table, "statement", "wire_premiers_2027")]  # fmt: skip
    assert all(who == "Mikhail Mishustin" for i, who, _ in said if i in (3, 4))
    assert not [c for _, _, c in said if re.search(r'["”]\s*PM\b|\bPM$', c)]
    assert not [c for _, _, c in said if "documents" in c]


def test_a_count_in_words_signed_after_the_premiers_talks(
    built: tuple[FactTable, list[str]],
) -> None:
    table, _ = built
    (docs,) = facts_of(table, "documents", "wire_premiers_2027")
    assert (docs.parts.count, docs.parts.regular) == (17, 32)  # type: ignore[attr-defined]


def test_a_machine_translations_pinyin_name_is_the_person(
    built: tuple[FactTable, list[str]],
) -> None:
    table, _ = built
    invitations = facts_of(table, "invitation", "wire_premiers_2027")
    assert [(f.parts.host, f.parts.guest) for f in invitations] == [  # type: ignore[attr-defined]
        ("Mikhail Mishustin", "Li Qiang")]  # fmt: skip


def test_every_fact_of_the_reports_has_its_russian(built: tuple[FactTable, list[str]]) -> None:
    """Nothing the glossary lacks but the names of officials the gazetteer has never seen (kept
    as quoted names); the run of years has its Russian."""
    table, notes = built
    lacking = [n for n in notes if "no Russian" in n and "_2027#" in n]
    assert lacking
    assert all(re.search(r"glossary lacks (?:gazetteer: |names: )(?:Marat Khusnullin|Oksana Lut|"
                         r"Zhang Guoqing|Wei Lanting)\b", n) for n in lacking), lacking  # fmt: skip
    (trade,) = facts_of(table, "trade", "govru_transcript_2027")
    assert render(load_glossary(NEEDS), trade, load_gazetteer()).text == (
        "товарооборот 4-й год подряд — более 230 млрд долларов США"
    )


@pytest.mark.parametrize(
    ("word", "n"),
    [("Twenty-one", 21), ("seventeen", 17), ("twelve", 12), ("thirty", 30), ("forty two", 42),
     ("twenty-twelve", None), ("hundred", None)],
)  # fmt: skip
def test_counts_in_words(word: str, n: int | None) -> None:
    assert number_word(word) == n


def test_a_scholar_introduced_after_the_name_is_the_speaker(
    built: tuple[FactTable, list[str]],
) -> None:
    """'"A. B," Wei Lanting, a researcher at ..., told the Beijing Evening News.' and then "Wei
    said ...": a person the gazetteer lacks, named by what they do, and the family name alone."""
    table, _ = built
    said = [(f.parts.speaker, f.parts.content)  # type: ignore[attr-defined]
            for f in facts_of(table, "statement", "wire_premiers_2027")]  # fmt: skip
    wei = [c for who, c in said if who == "Wei Lanting"]
    assert any("new oil" in c and "Payments follow the grain" in c for c in wei), said
    assert any(c.startswith("the new grain corridor") for c in wei), said


def test_a_scholar_quoted_told_the_leaders_nothing(
    built: tuple[FactTable, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """What a researcher said is answered; what he "told Xi" is not: he was not at the meeting
    (only someone present tells a leader anything there)."""
    from bot.answer import Answerer  # (the answerer over the same built table)

    project = make_project(tmp_path_factory.mktemp("reports_ask"),
                           articles=sorted(REPORTS.glob("*.txt")))  # fmt: skip
    config = project.config()
    answerer = Answerer.from_table(built[0], config)
    reply = answerer.ask("What did Wei Lanting say about grain?")
    assert reply.matched and "grain" in reply.text, reply.text
    assert not answerer.ask("What did Wei Lanting tell Xi at the meeting in 2027?").matched
    reply = answerer.ask("Who called the grain the new oil of the relationship?")  # describing
    assert reply.matched and "Wei Lanting" in reply.text, reply.text
    reply = answerer.ask("what did xi tell mishustin in may 2027")
    assert reply.matched and "Russian grain" in reply.text, reply.text


@pytest.mark.parametrize(
    "message",
    ["What was China-Russia trade in 2027?",  # only a figure "for the fourth year in a row"
     "Каким был товарооборот в первом квартале 2027 года?",  # no quarter's figure
     "What new trade target for 2030 did they set in 2027?"],  # no target at all
)  # fmt: skip
def test_a_figure_answers_only_for_its_own_period_or_goal(
    built: tuple[FactTable, list[str]], tmp_path_factory: pytest.TempPathFactory, message: str
) -> None:
    from bot.answer import Answerer

    config = make_project(tmp_path_factory.mktemp("reports_period"),
                          articles=sorted(REPORTS.glob("*.txt"))).config()  # fmt: skip
    answerer = Answerer.from_table(built[0], config)
    assert not answerer.ask(message).matched, answerer.ask(message).text
    reply = answerer.ask("what trade figures were given in 2027")  # when given: the figure
    assert reply.matched and "$230 billion" in reply.text, reply.text


def test_a_figure_said_of_an_earlier_time_has_no_year_of_its_own() -> None:
    """ "By then trade had passed $200 billion" (some earlier time the sentence does not name)
    is no figure of the meeting's year; a figure said for a year keeps it."""
    from pathlib import Path

    from bot.corpus import parse_article
    from bot.extract import extract
    from bot.gazetteer import load_gazetteer

    text = (
        " date 2026-03-03\nBEIJING, March 3 (Xinhua) -- Chinese President Xi Jinping met with "
        "Russian Prime Minister Mikhail Mishustin on Tuesday. By then bilateral trade had "
        "already passed the $200 billion mark. Trade reached $228 billion in 2025."
    )
    facts = extract(parse_article(Path("005_then.txt"), text.encode()), load_gazetteer())[1]
    years = {f.number: f.year for f in facts if f.kind == "trade"}
    assert years.get(200e9) is None and years.get(228e9) == 2025, years
