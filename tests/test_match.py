"""The matcher and the slot logic on small, readable cases (the question sets cover breadth)."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.gazetteer import SECTIONS, Gazetteer
from bot.intents import Intent, Lexicon
from bot.match import Match, Matcher
from bot.question import Reader, stem

NO_NAMES = Gazetteer({section: () for section in SECTIONS})


class TextMatcher(Matcher):
    """A Matcher over intents alone (no gazetteer names) that reads the text it is given."""

    def match_text(self, text: str) -> Match:
        return self.match(self.reader.read(text))


def matcher(
    *intents: Intent, synonyms: dict[str, str] | None = None, threshold: float = 0.6
) -> TextMatcher:
    lexicon = Lexicon(synonyms or {}, frozenset({"the", "a"}))
    reader = Reader(lexicon, NO_NAMES, [e for i in intents for e in i.examples])
    return TextMatcher(list(intents), reader, threshold)


def intent(name: str, *examples: str, requires: tuple[str, ...] = ()) -> Intent:
    return Intent(name, (), {"en": "", "ru": ""}, {}, examples, "", requires)


TRADE = intent("trade", "what was the trade target", "how big is trade")
COUNT = intent(
    "count",
    "how many times did they meet",
    "how many meetings did they have",
    requires=("meet", "times"),
)
ORGS = intent("orgs", "which organisations were mentioned", "what about g20")


def test_exact_and_typo() -> None:
    m = matcher(TRADE, ORGS)
    assert m.match_text("what was the trade target?").intent == "trade"
    assert m.match_text("wat was the trade targte").intent == "trade"


def test_one_typical_word_is_enough() -> None:
    # The whole intent's vocabulary explains "G20?", though no single example is that short.
    assert matcher(TRADE, ORGS).match_text("G20?").intent == "orgs"


def test_unknown_words_pull_below_the_threshold() -> None:
    m = matcher(TRADE, ORGS)
    assert (
        m.match_text("what was the trade target").score
        > m.match_text("what was the trade target of the football club budget").score
    )
    assert m.match_text("what was the weather forecast for the football club").intent is None


def test_requires_keeps_an_intent_to_its_subject() -> None:
    m = matcher(COUNT, TRADE)
    assert m.match_text("how many times did they meet").intent == "count"
    assert m.match_text("how many soldiers does russia have").intent is None


def test_match_reports_ranked_scores_and_the_question_its_words() -> None:
    m = matcher(TRADE, ORGS)
    result = m.match_text("trade target?")
    assert result.scores[0][0] == "trade" and "target" in m.reader.read("trade target?").words


@pytest.mark.parametrize(
    "word,expected",
    [
        ("meetings", "meet"),
        ("встречами", "встреч"),
        ("xi", "xi"),
        ("wishes", "wish"),
        ("multipolarity", "multipolar"),
        ("multipolarization", "multipolar"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


# --- through the Answerer, on the bundled articles ---------------------------------------------


def test_multiword_names_become_one_marker(answerer: Answerer) -> None:
    # "Shanghai" inside the organisation's name is not a place to meet in.
    reply = answerer.ask("any mention of the shanghai cooperation organization")
    assert reply.intent == "organisations" and "Shanghai Cooperation Organization" in reply.text


def test_lower_case_acronyms_are_names(answerer: Answerer) -> None:
    assert not answerer.ask("what is china's trade with the usa").matched
    assert "BRICS" in answerer.ask("was brics mentioned").text


@pytest.mark.parametrize(
    "question,expected,rejected",
    [
        ("where did they meet when they discussed the 75th anniversary", "Beijing", "Moscow"),
        ("when did they meet while xi was on his state visit?", "March 21, 2023", "2025"),
        (
            "when was the meeting where mishustin talked about the gansu earthquake",
            "December 20, 2023",
            "2025",
        ),
        ("when did they meet when putin's greetings were passed on", "2025", "March"),
    ],
)
def test_a_topic_chooses_the_meeting(
    answerer: Answerer, question: str, expected: str, rejected: str
) -> None:
    reply = answerer.ask(question)
    assert reply.intent in ("meeting_date", "meeting_place"), reply.text
    assert expected in reply.text and rejected not in reply.text


def test_topic_never_discussed_declines(answerer: Answerer) -> None:
    # No meeting mentions a 90th anniversary: no meeting is chosen, none is guessed.
    assert not answerer.ask("where did they meet when they discussed the 90th anniversary").matched


def test_year_without_meeting_says_so(answerer: Answerer) -> None:
    reply = answerer.ask("what trade target did they discuss in 2021")
    assert not reply.matched and "2021" in reply.text


def test_a_period_covers_its_years(answerer: Answerer) -> None:
    assert "Years of Culture" in answerer.ask("which cultural events were planned for 2025").text


def test_invite_to_a_country_is_not_where_they_met(answerer: Answerer) -> None:
    reply = answerer.ask("who did xi invite to china in march")
    assert reply.intent == "invitations" and "Putin" in reply.text


def test_recently_means_the_last(answerer: Answerer) -> None:
    text = answerer.ask("when did they meet most recently").text
    assert "2025" in text and "2023" not in text


def test_russian_names_decline_and_choose(answerer: Answerer) -> None:
    question = answerer.reader.read("когда Си встречался с Путиным в Пекине")
    assert "Vladimir Putin" in question.slots.people and question.slots.places == ("Beijing",)
    reply = answerer.ask("когда си встречался с путиным в 2025")
    assert not reply.matched and "Путин" in reply.text


def test_question_word_outweighs_shared_words(answerer: Answerer) -> None:
    assert answerer.ask("почему си был в москве").intent == "meeting_occasion"
    assert answerer.ask("когда си был в москве").intent == "meeting_date"


def test_what_time_asks_the_time_of_day_and_how_many_times_a_count(answerer: Answerer) -> None:
    """ "time" and "times" are one stem: a count needs a word that counts ("many", "often")."""
    reply = answerer.ask("what time did Xi meet Mishustin in December 2023?")
    assert reply.intent == "time_of_day" and "morning" in reply.text
    assert answerer.ask("what time did they meet?").intent == "time_of_day"
    assert answerer.ask("how many time did they meet").intent == "meeting_count"
    assert answerer.ask("сколько раз они встречались").intent == "meeting_count"


def test_a_terse_question_naming_both_principals_and_its_focus_is_framed(
    answerer: Answerer,
) -> None:
    """ "xi mishustin diaoyutai - date?": no question word and no "meet", but both principals
    and what is asked; a list asked "with its date and city" is of every meeting."""
    assert answerer.ask("xi mishustin moscow - date?").intent == "meeting_date"
    reply = answerer.ask("List every meeting between Xi and Mishustin with its date and city.")
    assert "4 times" in reply.text


def test_a_misspelt_place_no_example_names_is_that_place(answerer: Answerer) -> None:
    """ "vladivostock" is Vladivostok (no intent example names it): no meeting there, not
    every meeting; a misspelt place the examples name stays repaired ("moskow")."""
    reply = answerer.ask("wen did xi meet mishustin in vladivostock")
    assert not reply.matched and "Vladivostok" in reply.text
    assert "March 21, 2023" in answerer.ask("when did they meet in moskow").text
    # a misspelt place the articles never name is that place: declined for it
    assert "nothing about Paris" in answerer.ask("wen did xi meat mishustin in pariss?").text


def test_russian_typo_is_repaired_through_the_lexicon(answerer: Answerer) -> None:
    assert answerer.ask("землятресение?").intent == "condolences"


def test_day_of_the_week_when_asked(answerer: Answerer) -> None:
    assert (
        "Tuesday, November 4, 2025"
        in answerer.ask("what day of the week was the 2025 meeting").text
    )
    assert "Tuesday" not in answerer.ask("when did they meet in 2025").text
    # (typed fast: "day of weak", "week day")
    assert "Tuesday, March 21, 2023" in answerer.ask("wat day of weak was the moskow meeting?").text
    assert "Tuesday, November 4, 2025" in answerer.ask("week day of the 2025 meeting?").text


def test_a_question_framed_as_a_meeting_needs_less(answerer: Answerer) -> None:
    # "when ... meet" frames the date; "(going by these reports)" only lowers the score
    reply = answerer.ask("when did xi and mishustin meet for the very first time (going by these "
                         "reports)?")  # fmt: skip
    assert reply.matched and "March 21, 2023" in reply.text and "May 24" not in reply.text
    assert not answerer.ask("when did they meet to sign stuff at the great hall?").matched


def test_a_place_chooses_the_meeting_when_a_meeting_is_asked(answerer: Answerer) -> None:
    """A venue no example names weighs like a year when the question asks about the meetings
    ("which of the meetings was held at the Great Hall"); asked about by itself it stays a word
    the bot does not know ("how big is the Great Hall of the People")."""
    reply = answerer.ask("which of the meetings was held at the great hall")
    assert reply.intent == "meeting_date" and "December 20, 2023" in reply.text
    assert "May 24" not in reply.text and "March 21" not in reply.text
    assert answerer.ask("how big is the great hall of the people").kind == "decline"


@pytest.mark.parametrize(
    ("message", "expected"),
    [("lol where did they hang out in nov 2025", "Beijing"),
     ("чел, где они тусили в ноябре 2025?", "Пекин"),
     ("Будьте добры, уточните место проведения встречи Си Цзиньпина и Михаила Мишустина 20 "
      "декабря 2023 года.", "Пекин")],
)  # fmt: skip
def test_slang_and_courtesy_ask_as_plain_words_do(
    answerer: Answerer, message: str, expected: str
) -> None:
    """ "hang out", "тусили" are met; "будьте добры" asks nothing of its own."""
    reply = answerer.ask(message)
    assert reply.intent == "meeting_place" and expected in reply.text, reply.text


def test_a_question_word_and_a_date_alone_ask_about_that_meeting(answerer: Answerer) -> None:
    assert "Beijing (November 4, 2025)" in answerer.ask("where 2025?").text
    assert "Moscow (March 21, 2023)" in answerer.ask("where 2023 march?").text


def test_a_word_like_a_place_is_that_place_only_where_a_place_is_said(answerer: Answerer) -> None:
    """ "indicate" is one slip from "India" (a place the articles never name): only "in ..."
    makes a misspelt word a place."""
    q = answerer.reader.read("Kindly indicate the nature and length of Xi's trip in March 2023.")
    assert not [n for _, n in q.names if n == "India"]
    assert answerer.ask("Kindly indicate the nature and length of Xi Jinping's trip to Russia in "
                        "March 2023.").intent == "meeting_occasion"  # fmt: skip


def test_where_another_meeting_was_is_what_its_own_sentence_says(answerer: Answerer) -> None:
    """The 28th regular meeting is told in a report datelined Beijing, its sentence naming no
    place: where it was held is not said."""
    for question in ("Where was the 28th regular meeting of heads of government held?",
                     "Где прошла 28-я регулярная встреча глав правительств?"):  # fmt: skip
        reply = answerer.ask(question)
        assert not reply.matched and "Beijing" not in reply.text and "Пекин" not in reply.text


def test_a_clause_saying_it_came_up_in_the_talks_asks_nothing(answerer: Answerer) -> None:
    assert answerer.ask("Tell me about the earthquake that came up in the talks.").intent == (
        "condolences"
    )


def test_who_someone_brought_with_him_is_who_came_along(answerer: Answerer) -> None:
    """ "bring with him" is accompany; "him" describes no meeting (it chose December 2023)."""
    text = answerer.ask("who did mishustin bring with him?").text
    assert "Cabinet members" in text and "March 21, 2023" in text, text


def test_outside_two_places_is_outside_both(answerer: Answerer) -> None:
    """ "outside Beijing and Moscow": neither (the seeds' meetings were in those two only)."""
    q = answerer.reader.read("Did Xi ever meet Mishustin outside Beijing and Moscow?")
    assert set(q.slots.not_places) == {"Beijing", "Moscow"}
    assert not answerer.ask("Did Xi ever meet Mishustin outside Beijing and Moscow?").matched


def test_a_misspelt_word_names_the_value_asked_for(answerer: Answerer) -> None:
    """ "culchure" is repaired to culture: only the Years of Culture (not of Sports Exchange)."""
    text = answerer.ask("wich years of culchure did xi mention?").text
    assert "Years of Culture" in text and "Sports" not in text, text


def test_two_names_joined_by_a_hyphen_are_two_people(answerer: Answerer) -> None:
    """ "xi-putin meetings 2023 count?" is about Xi and Putin (not Xi and Mishustin's three)."""
    q = answerer.reader.read("xi-putin meetings 2023 count?")
    assert set(q.slots.people) == {"Xi Jinping", "Vladimir Putin"}
    assert "3 times" not in answerer.ask("xi-putin meetings 2023 count?").text


def test_the_weekday_of_another_event_is_its_own(answerer: Answerer) -> None:
    """The 28th regular meeting was on Tuesday, December 19 (the leaders met on Wednesday)."""
    text = answerer.ask("what day of the week was the 28th regular meeting?").text
    assert text.startswith("28th regular meeting") and "Tuesday, December 19, 2023" in text, text
    assert "19 декабря 2023" in answerer.ask("день недели 28-й встречи глав правительств?").text
