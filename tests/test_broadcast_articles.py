"""Broadcast scripts, newsletters and translated statements (issue 13): a TV rundown whose
soundbites are the leaders' words under time-coded cue lines, a weekly newsletter whose one item
is a second report of that meeting ("03.09.2027") beside an archive line, and an embassy's
translated statement ("M.V. Mishustin") that is a second report of a seed meeting. The articles
are invented, in tests/data/articles/broadcast; built with the seeds and asked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config
from bot.facts import FactKind, FactTable
from tests.support import ARTICLES, SEED_MEETINGS, facts_of, with_articles

BROADCAST = ARTICLES / "broadcast"
NEW = date(2027, 9, 3)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return with_articles(tmp_path_factory.mktemp("broadcast"), BROADCAST)


@pytest.fixture(scope="module")
def table(config: Config) -> FactTable:
    return build_table(config)[0]


@pytest.fixture(scope="module")
def answerer(config: Config, table: FactTable) -> Answerer:
    return Answerer.from_table(table, config)


def test_the_second_reports_merge_and_the_archive_line_adds_no_meeting(table: FactTable) -> None:
    """One new meeting, in Vladivostok (not Beijing, which the newsletter's archive line names
    with a working visit); the newsletter joins it, the embassy's statement the seed meeting."""
    assert {m.date for m in table.meetings} == SEED_MEETINGS | {NEW}
    new = next(m for m in table.meetings if m.date == NEW)
    assert new.place == "Vladivostok"
    assert set(new.articles) == {"005_tv_rundown_2027", "005_weekly_letter_2027"}
    seed = next(m for m in table.meetings if m.date == date(2025, 11, 4))
    assert "005_embassy_note_2025" in seed.articles
    assert not [f for f in table.find(FactKind("occasion")) if f.meeting == new.id
                and "working visit" in f.display]  # fmt: skip


def test_the_scripts_venue_time_occasion_and_people_at_the_table(table: FactTable) -> None:
    """'The two leaders sat down on Friday evening at the Russky Island Conference Centre', 'on
    the sidelines of the Eastern Economic Forum', 'X, who is accompanying Mishustin, and Y were
    also at the table': the one named before 'who is accompanying' came along, both were there."""
    (venue,) = facts_of(table, "venue", "tv_rundown_2027")
    assert venue.value == "Russky Island Conference Centre"
    (daytime,) = facts_of(table, "daytime", "tv_rundown_2027")
    assert daytime.value == "evening"
    for article in ("tv_rundown_2027", "weekly_letter_2027"):
        (occasion,) = facts_of(table, "occasion", article)
        assert occasion.parts.event == "Eastern Economic Forum"  # type: ignore[attr-defined]
    (came,) = facts_of(table, "delegation", "tv_rundown_2027")
    assert came.parts.people == ("Alexei Overchuk",)  # type: ignore[attr-defined]
    people = facts_of(table, "person", "tv_rundown_2027")
    present = {f.value for f in people if f.qualifier == "present"}
    assert present == {"Alexei Overchuk", "Ding Xuexiang"}


def test_soundbites_are_their_speakers_words_and_no_one_elses(table: FactTable) -> None:
    """Mishustin's soundbite gives the trade ('it rose to 141.8 billion dollars'); the farmer's
    soundbite is his own (in the name its cue gives), the voice-over no one's, and the farmer's
    percent no trade."""
    said = facts_of(table, "statement", "tv_rundown_2027")
    speakers = {f.parts.speaker for f in said}  # type: ignore[attr-defined]
    assert speakers == {"Mikhail Mishustin", "Xi Jinping", "Pavel Gromov"}
    farmer = [f for f in said if f.parts.speaker == "Pavel Gromov"]  # type: ignore[attr-defined]
    assert [f.value for f in farmer] == ["Our exports to China jumped 45 percent this season."]
    leaders = [f for f in said if f.parts.speaker != "Pavel Gromov"]  # type: ignore[attr-defined]
    assert not [f for f in leaders if "45 percent" in f.value or "forum closes" in f.value]
    hope = [f for f in said if f.parts.kind == "hope"]  # type: ignore[attr-defined]
    assert [f.parts.speaker for f in hope] == ["Xi Jinping"]  # type: ignore[attr-defined]
    (trade,) = facts_of(table, "trade", "tv_rundown_2027")
    p = trade.parts
    assert (p.n, p.months, p.period_year, p.growth) == ("141.8", 7, 2027, "3.2")  # type: ignore[attr-defined]
    (letter,) = facts_of(table, "trade", "weekly_letter_2027")
    assert (letter.parts.n, letter.parts.growth) == ("141.8", "3.2")  # type: ignore[attr-defined]


def test_a_translated_statements_initials_keep_its_sentences_whole(table: FactTable) -> None:
    """'Chairman of the Government M.V. Mishustin stated that ...' is one sentence, his."""
    said = {f.parts.speaker for f in facts_of(table, "statement", "embassy_note_2025")  # type: ignore[attr-defined]
            if "grain and pork" in f.value}  # fmt: skip
    assert said == {"Mikhail Mishustin"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Where exactly did Xi and Mishustin meet in Vladivostok?", ["Russky Island"]),
        ("What was the occasion of the September 2027 meeting?", ["Eastern Economic Forum"]),
        ("What time of day did they meet in Vladivostok?", ["evening"]),
        ("Who accompanied Mishustin in Vladivostok?", ["Overchuk"]),
        ("По какому поводу они встретились во Владивостоке?", ["Восточный экономический форум"]),
        ("Где именно они встретились во Владивостоке?", ["«Russky Island Conference Centre»"]),
    ],
)
def test_answers_from_the_broadcast_articles(answerer: Answerer, question: str,
                                             expected: list[str]) -> None:  # fmt: skip
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text


def test_a_file_photos_date_and_venue_reach_the_meeting_it_shows(table: FactTable) -> None:
    """A photo page of December 20, 2023 with a file photo of the May 24, 2023 meeting 'at the
    Great Hall of the People ..., May 24, 2023': that meeting's date is now the text's (its
    curated note goes) and its venue the photo's; the page adds no meeting."""
    (may,) = [m for m in table.meetings if m.date == date(2023, 5, 24)]
    (dated,) = [f for f in table.find(FactKind("meeting")) if f.meeting == may.id]
    assert not dated.curated
    venues = {(f.value, f.article) for f in table.find(FactKind("venue")) if f.meeting == may.id}
    assert venues == {("Great Hall of the People", "005_photo_page_2023")}


def test_a_column_that_walks_through_the_meetings_reports_none(table: FactTable) -> None:
    """'On 24 May 2023 Xi received Mishustin ...', 'by 4 November 2025': a look back; the
    columnist's own 'In my view ...', 'I think ...' are no one's statement."""
    assert not [m for m in table.meetings if "005_recap_column_2026" in m.articles]
    said = facts_of(table, "statement", "recap_column_2026")
    assert said and not [f for f in said if "my view" in f.source or "I think" in f.source]


@pytest.mark.parametrize(
    "message",
    ["By what percentage did China-Russia trade grow in the first seven months of 2027?",
     "growth rate trade 2027 ?",
     "На сколько процентов вырос товарооборот за первые 7 месяцев 2027 года?"],
)  # fmt: skip
def test_a_growth_rate_is_asked_of_the_trade_figure(answerer: Answerer, message: str) -> None:
    reply = answerer.ask(message)
    assert reply.matched and "3,2" in reply.text.replace("3.2", "3,2"), reply.text


def test_a_names_initials_name_it(answerer: Answerer) -> None:
    """ "EEF" is the Eastern Economic Forum the articles name in full (no gazetteer entry)."""
    reply = answerer.ask("xi mishustin EEF when?")
    assert reply.matched and "September 3, 2027" in reply.text, reply.text
