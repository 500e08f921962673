"""New articles in other styles (issue 13): a Telegram channel's live thread with time-stamped
posts, an encyclopedia's article with sections, footnote marks and references, a year's review
of many leaders' meetings, a business association's release quoting its president, and an
interview with an ambassador ("Q:" / "A:"). The articles are invented, in
tests/data/articles/styles; built with the seeds and asked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config
from bot.facts import Fact, FactKind, FactTable
from tests.support import ARTICLES, SEED_MEETINGS, facts_of, with_articles

STYLES = ARTICLES / "styles"
NEW = date(2026, 6, 16)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return with_articles(tmp_path_factory.mktemp("styles"), STYLES)


@pytest.fixture(scope="module")
def table(config: Config) -> FactTable:
    return build_table(config)[0]


@pytest.fixture(scope="module")
def answerer(config: Config, table: FactTable) -> Answerer:
    return Answerer.from_table(table, config)


def _part(f: Fact, name: str) -> object:
    """A part of a fact's ``parts`` (each kind types its own)."""
    return getattr(f.parts, name)


def _meeting(table: FactTable, day: date) -> str:
    (found,) = [m.id for m in table.meetings if m.date == day]
    return found


def test_one_new_meeting_reported_by_the_thread_and_the_release(table: FactTable) -> None:
    """The thread and the release report June 16, 2026; the encyclopedia, the review and the
    interview report no meeting (they recall ones the table has)."""
    assert {m.date for m in table.meetings} == SEED_MEETINGS | {NEW}
    new = next(m for m in table.meetings if m.date == NEW)
    assert set(new.articles) == {"005_live_thread_2026", "005_association_release_2026"}
    assert new.place == "Beijing"


def test_each_section_of_the_encyclopedia_belongs_to_its_meeting(table: FactTable) -> None:
    """ "=== Beijing, 2023 === On the morning of 20 December 2023 ..." is that meeting's: its
    trade figure is of 2023 (not of the page's 2026), its venue and time of day that meeting's;
    the footnote marks are gone and the references say nothing."""
    statements = facts_of(table, "statement", "encyclopedia_2026")
    said = {(f.meeting, _part(f, "speaker")) for f in statements}
    assert said == {(_meeting(table, date(2023, 3, 21)), "Xi Jinping"),
                    (_meeting(table, date(2023, 12, 20)), "Xi Jinping"),
                    (_meeting(table, NEW), "Xi Jinping")}  # fmt: skip
    (trade,) = [f for f in facts_of(table, "trade", "encyclopedia_2026") if _part(f, "n") == "200"]
    assert (trade.meeting, _part(trade, "period_year")) == (_meeting(table, date(2023, 12, 20)),
                                                            2023)  # fmt: skip
    daytime = {(f.meeting, f.value) for f in facts_of(table, "daytime", "encyclopedia_2026")}
    assert daytime == {(_meeting(table, date(2023, 12, 20)), "morning")}
    (greeting,) = facts_of(table, "greeting", "encyclopedia_2026")
    assert greeting.meeting == _meeting(table, date(2025, 11, 4))
    assert not [f for f in table.facts if f.article == "005_encyclopedia_2026" and "[" in f.source]


def test_the_thread_gives_the_time_the_venue_and_who_sat_at_the_table(table: FactTable) -> None:
    """The post stamped [10:02] reports the meeting (morning); the host's "welcome to
    Zhongnanhai" names the venue (not the channel's name); the list under "Who is at the
    table" names the people there; a label line's quote and a post's "🔴 Mikhail Mishustin
    (via interpreter):" are their words."""
    new = _meeting(table, NEW)
    assert {(f.value, f.meeting) for f in facts_of(table, "daytime", "live_thread_2026")} == {
        ("morning", new)}  # fmt: skip
    assert {f.value for f in table.find(FactKind("venue")) if f.meeting == new} == {"Zhongnanhai"}
    present = {f.value for f in facts_of(table, "person", "live_thread_2026")}
    assert present >= {"Alexei Overchuk", "Tatyana Golikova", "Ding Xuexiang", "Wang Yi"}
    said = {_part(f, "speaker") for f in facts_of(table, "statement", "live_thread_2026")}
    assert said == {"Xi Jinping", "Mikhail Mishustin"}
    texts = [f.display for f in facts_of(table, "statement", "live_thread_2026")]
    assert not [t for t in texts if '"' in t or '“"' in t], texts


def test_the_reviews_paragraph_on_the_meeting_is_its_and_its_other_meetings_dated(
    table: FactTable,
) -> None:
    """ "Mishustin arrived in Beijing on Tuesday, Nov. 4 ... Receiving him, Xi Jinping said
    ...": the meeting of November 4, 2025; the video call and the meetings months earlier keep
    their own dates (not the next year's) and are no meeting of the table."""
    (said,) = facts_of(table, "statement", "year_review_2025")
    assert said.meeting == _meeting(table, date(2025, 11, 4)) and "pie" in said.display
    met = {
        (f.parts.what, f.parts.when, f.parts.place)  # type: ignore[attr-defined]
        for f in facts_of(table, "encounter", "year_review_2025")
    }
    assert {("video call", "2025-01-28", "video link"), ("meeting", "2025-02-13", "Minsk"),
            ("talks", "2025-05-29", "Astana")} <= met  # fmt: skip


def test_the_interviewee_was_there_and_his_words_are_his(table: FactTable) -> None:
    """ "I was present when President Xi Jinping met Mikhail Mishustin ... March 21, 2023": the
    ambassador was at that meeting; "Deputy Prime Minister Alexander Novak was on the Russian
    side of the table" there, "Tatyana Golikova came with him" on November 4, 2025; his own
    views are his, at no meeting; what he says Xi said is Xi's."""
    march, november = _meeting(table, date(2023, 3, 21)), _meeting(table, date(2025, 11, 4))
    present = {(f.value, f.meeting) for f in facts_of(table, "person", "envoy_interview_2026")}
    assert {("Shen Lipeng", march), ("Alexander Novak", march),
            ("Tatyana Golikova", november)} <= present  # fmt: skip
    people = facts_of(table, "person", "envoy_interview_2026")
    (envoy,) = [f for f in people if f.value == "Shen Lipeng"]
    assert _part(envoy, "role") == "Ambassador to Russia"
    statements = facts_of(table, "statement", "envoy_interview_2026")
    said = {_part(f, "speaker"): f.meeting for f in statements
            if "river" in f.display or "growth points" in f.display}  # fmt: skip
    assert said == {"Shen Lipeng": "005_envoy_interview_2026-report", "Xi Jinping": november}


def test_the_associations_president_speaks_for_himself(table: FactTable) -> None:
    """His quote over three sentences and "In Mr Lin's view" are his; the release's points
    after a leader's ("• Twelve agreements were signed") are no one's words."""
    statements = facts_of(table, "statement", "association_release_2026")
    said = {f.sentence: _part(f, "speaker") for f in statements}
    assert [_part(f, "speaker") for f in statements if "insure" in f.display] == ["Lin Haoran"]
    assert "Lin Haoran" in said.values() and all(
        s in ("Lin Haoran", "Pavel Gromov", "Xi Jinping", "Mikhail Mishustin")
        for s in said.values()
    )
    signed = [f.sentence for f in facts_of(table, "documents", "association_release_2026")]
    assert signed and not set(signed) & set(said)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # another meeting's own place and day, not those of the review or page it is told in
        ("Where did Mishustin and Li Qiang meet on January 28, 2025?", ["video link"]),
        ("When did Xi hold talks with Putin in Tianjin in 2025?", ["August 31, 2025"]),
        # theirs, the day after another meeting, named by its number or by where it was
        ("Which Xi-Mishustin meeting took place the day after the 31st regular meeting?",
         ["June 16, 2026"]),
        ("Which meeting of Xi and Mishustin came the day after the Hangzhou regular meeting?",
         ["November 4, 2025"]),
    ],
)  # fmt: skip
def test_answers_about_other_meetings(answerer: Answerer, question: str,
                                      expected: list[str]) -> None:  # fmt: skip
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text


def test_a_planned_meetings_day_is_not_the_day_it_was_announced(answerer: Answerer) -> None:
    """ "expected to meet Xi Jinping in Moscow in 2026" (said on December 30, 2025) gives no
    day: "on what exact date" is declined, not answered with the review's date."""
    reply = answerer.ask("On what exact date will Xi meet Mishustin in Moscow in 2026?")
    assert not reply.matched, reply.text


def test_he_who_invites_is_the_one_spoken_of_before(table: FactTable) -> None:
    """ "Xi said ... He invited Mishustin to visit China and said that he had invited Vladimir
    Putin to ...": Xi invited both (not Mishustin himself, the first name after "He")."""
    invited = {
        (_part(f, "host"), _part(f, "guest"))
        for f in facts_of(table, "invitation", "encyclopedia_2026")
    }
    assert invited == {("Xi Jinping", "Mikhail Mishustin"), ("Xi Jinping", "Vladimir Putin")}


def test_an_invitations_event_says_where_in_russian(answerer: Answerer) -> None:
    reply = answerer.ask("Куда Си Цзиньпин пригласил Мишустина в 2026 году?")
    assert reply.matched and "Шанхай" in reply.text, reply.text


def test_a_releases_own_figures_keep_their_periods(table: FactTable) -> None:
    """The list under "According to SRBC estimates based on customs data:" is of trade figures
    though its lines say no word of trade: a quarter, a month and a range of months."""
    found = {(_part(f, "n"), _part(f, "from_month"), _part(f, "months"), _part(f, "period_year"))
             for f in facts_of(table, "trade", "association_release_2026")}  # fmt: skip
    assert {("66.2", 1, 3, 2026), ("22.8", 4, 1, 2026), ("111.5", 1, 5, 2026)} <= found


def test_who_set_a_goal_is_read_before_and_after_it(table: FactTable) -> None:
    """ "Xi and Mishustin set the goal of raising bilateral trade to 2.5 trillion yuan by 2030";
    "the target of $200 billion that he and Vladimir Putin had set" (he: Xi)."""
    trade = facts_of(table, "trade", "encyclopedia_2026")
    setters = {_part(f, "n"): _part(f, "set_by") for f in trade if f.qualifier != "growth"}
    assert setters == {"2.5": ("Xi Jinping", "Mikhail Mishustin"),
                       "200": ("Xi Jinping", "Vladimir Putin")}  # fmt: skip
    # "Xi said that trade had grown by 6.4 per cent in 2025": a growth with no amount
    (grown,) = [f for f in trade if f.qualifier == "growth"]
    assert grown.display == "trade in 2025, up 6.4% on a year earlier"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the body a figure is attributed to chooses nothing; a month is the figure's own period
        ("What was trade in the first quarter of 2026 according to the business council?",
         ["66.2"]),
        ("What was Russia-China trade in April 2026?", ["22.8"]),
        ("How much trade was there by May 2026?", ["111.5"]),  # the months up to it
        ("Какой товарооборот был в январе-мае 2026 года по данным совета SRBC?", ["111,5"]),
        ("Какой товарооборот был в первом квартале 2026 года?", ["66,2", "1-м квартале"]),
        # who someone the articles introduce is, asked in English or with the name in Russian
        ("who is Lin Haoran", ["President of SRBC"]),
        ("who is Shen Lipeng", ["Ambassador to Russia"]),
        ("Кто такой Павел Громов?", ["вице-президент"]),
        # the figure a leader gave is his, not the association's own
        ("What trade figure did Xi give at the Zhongnanhai meeting?", ["258.9"]),
    ],
)  # fmt: skip
def test_answers_about_figures_and_people(answerer: Answerer, question: str,
                                          expected: list[str]) -> None:  # fmt: skip
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text
    assert "66.2" not in reply.text or "66.2" in expected


@pytest.mark.parametrize(
    "question",
    ["What was Russia-China trade in June 2026?",  # a month the release gives no figure for
     "who is Mishustin's wife",  # a person no article introduces
     "who is the US president"],
)  # fmt: skip
def test_no_figure_for_another_month_and_no_role_unnamed(answerer: Answerer,
                                                         question: str) -> None:  # fmt: skip
    reply = answerer.ask(question)
    assert not reply.matched, reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Что подчеркнул Мишустин на встрече в Пекине в 2026 году?", ["national currencies"]),
        ("name the docs signed after the talks in beijing in 2026", ["bridge"]),
        ("xi mishustin trade 2025 how mcuh??", ["258.9"]),
        # who accompanied him: not he himself
        ("Who accompanied Mishustin at the March 21, 2023 meeting?", ["Novak"]),
    ],
)  # fmt: skip
def test_wordings(answerer: Answerer, question: str, expected: list[str]) -> None:
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text


def test_who_accompanied_is_never_the_one_accompanied(answerer: Answerer) -> None:
    """No report names anyone with Mishustin on May 24, 2023: the two of them are no answer."""
    reply = answerer.ask("Who accompanied Mishustin at his May 24, 2023 meeting with Xi?")
    assert not reply.matched, reply.text


def test_an_answers_reply_word_says_nothing(table: FactTable) -> None:
    """ "A: Not at all.", "A: Yes.": no statement of the ambassador's."""
    said = [f.display for f in facts_of(table, "statement", "envoy_interview_2026")]
    assert not [s for s in said if "Not at all" in s or s.endswith("“Yes.”")], said


def test_another_meetings_venue_is_its_own(answerer: Answerer) -> None:
    """ "Tomorrow, June 17, Mishustin will hold talks with Vice President Han Zheng at the
    Diaoyutai State Guesthouse": that venue is the talks', no meeting of the table's."""
    reply = answerer.ask(
        "When will Mishustin hold talks with Han Zheng at the Diaoyutai State Guesthouse?"
    )
    assert reply.matched and "June 17, 2026" in reply.text, reply.text
