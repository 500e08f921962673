"""Questions that check a claim against the bundled articles: "on what date did Xi invite
Mishustin" is the day of the meeting it was done at (a trade figure's period is not); a claimed
part of the day, year of the zodiac or year of an anniversary that the facts give otherwise is
answered "no" with what they give; hearsay ("my uncle says ..., true?", "is it true that ...")
is the claim itself; "great hall meeting when?" asks when. A wire story with an editor's correction
(tests/data/articles/claims, written for these tests): the wrong figure is no fact, a target is
not "reached" by the figure before it, "January-July this year" is one period, and a yes-or-no
question about someone no fact of the meeting names is no "yes"."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.verdict import claim_words, claims
from tests.support import ARTICLES, Built, built_with


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("On what date did Xi invite Mishustin to come to China?", "March 21, 2023"),
        ("on what exact date did Mishustin offer condolences", "December 20, 2023"),
        ("great hall meeting when?", "December 20, 2023"),
        ("What is the date of the most recent encounter that the articles report?",
         "November 4, 2025"),
    ],
)  # fmt: skip
def test_a_date_asked_of_what_was_done_at_a_meeting_is_the_meetings(
    answerer: Answerer, question: str, has: str
) -> None:
    reply = answerer.ask(question)
    assert has in reply.text, reply.text


def test_a_figures_own_period_is_no_meetings_day(answerer: Answerer) -> None:
    """The $200 billion target was reached "in the first 11 months": no day."""
    assert not answerer.ask("On what date was the $200 billion target reached?").matched


@pytest.mark.parametrize(
    ("question", "starts", "has"),
    [
        ("Was the Great Hall meeting held in the evening?", "No.", "morning"),
        ("Did Mishustin wish the Chinese a happy Year of the Rabbit?", "No.", "Dragon"),
        ("Did Mishustin wish a happy Year of the Dragon?", "Yes.", "Dragon"),
        ("Was the 75th anniversary of diplomatic relations in 2023?", "No.", "2024"),
        ("Was the 75th anniversary of diplomatic relations in 2024?", "Yes.", "2024"),
        ("@factbot my uncle says trade hit 300 billion in 2023, true?", "No.", "200"),
        ("is it true that trade hit 300 billion in 2023?", "No.", "200"),
        ("I heard they met in Moscow, right?", "Yes.", "March 21, 2023"),
    ],
)
def test_a_claim_the_facts_give_otherwise_is_answered_no(
    answerer: Answerer, question: str, starts: str, has: str
) -> None:
    reply = answerer.ask(question)
    assert reply.text.startswith(starts) and has in reply.text, reply.text


def test_what_was_said_in_a_year_is_no_claim_of_the_things_own_year(answerer: Answerer) -> None:
    reply = answerer.ask("did xi mention the 75th anniversary in 2023?")
    assert reply.text.startswith("Yes."), reply.text


def test_no_such_part_of_the_day_anywhere_is_declined(answerer: Answerer) -> None:
    """The May 2023 report gives no time of day: no "no"."""
    assert not answerer.ask("was the May 2023 meeting in the evening?").matched


def test_the_words_of_a_closed_class_claim() -> None:
    text = "Did Mishustin wish a happy Year of the Rabbit in the evening?"
    assert {c.cls for c in claims(text)} >= {"zodiac", "daytime"}
    assert claim_words(text) == {"rabbit", "evening"}
    assert not claims("Did they discuss rabbits?")
    assert claim_words("Мишустин поздравил китайцев с годом Кролика?") == {"кролика"}


def test_a_superscript_digit_is_no_number() -> None:
    """ "¹" is a digit to ``str.isdigit`` but no number to a pattern's \\d (found by
    tests/test_bad_input.py's generated messages)."""
    assert claims("¹A ПРИЗВАЛ") == frozenset()


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds and a wire story with an editor's correction (tests/data/articles/claims)."""
    return built_with(tmp_path_factory.mktemp("claims"), ARTICLES / "claims")


@pytest.mark.parametrize(
    ("question", "has", "lacks"),
    [
        ("What was trade in 2032?", "$268 billion", "286"),
        ("What trade target did they set in Kazan?", "$330 billion by 2036", "was reached"),
        ("How much did trade grow in January-July 2033?", "4.1", ""),
        ("how much was trade for the whole of 2033", "", ""),
    ],
)
def test_a_correction_a_target_and_a_part_of_the_year(
    corrected: Built, question: str, has: str, lacks: str
) -> None:
    reply = corrected.answerer.ask(question)
    if not has:
        assert not reply.matched, reply.text
        return
    assert has in reply.text, reply.text
    assert not lacks or lacks not in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Was Sazonov at the March 2023 meeting in Moscow?",  # he was at Kazan's
        "Was Premier Zhou Hanlin at the Kazan meeting?",  # named by no article
        "Did Putin accept Xi's invitation to visit China next year?",  # Mishustin did
        # she was at the talks; the invitation was Mishustin's
        "did volskaya accept xi's invitation?",
    ],
)
def test_someone_no_fact_of_the_meeting_names_is_no_yes(corrected: Built, question: str) -> None:
    reply = corrected.answerer.ask(question)
    assert not reply.text.startswith("Yes"), reply.text
    assert not reply.matched, reply.text


def test_someone_the_facts_name_is_a_yes(corrected: Built) -> None:
    reply = corrected.answerer.ask("Was Sazonov at the Kazan meeting?")
    assert reply.text.startswith("Yes") and "Sazonov" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        # the 28th regular meeting names only Mishustin: no name of the Chinese premier
        "What is the name of the Chinese premier who holds the regular meetings with Mishustin?",
        "Как зовут премьера Госсовета КНР, с которым Мишустин проводит регулярные встречи?",
        # Xi spoke of investment, with no figure
        "What figure did Xi give for Chinese investment in Russia in 2025?",
        # the anniversary is of a year, not of a day the articles give
        "On what exact calendar date is the 75th anniversary of diplomatic relations?",
    ],
)
def test_a_name_a_figure_or_a_day_no_fact_gives_is_declined(
    answerer: Answerer, question: str
) -> None:
    reply = answerer.ask(question)
    assert not reply.matched, reply.text


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("what figure did xi give for trade in 2023?", "$200 billion"),
        ("кто российский премьер?", "Мишустин"),
    ],
)
def test_a_figure_or_a_name_a_fact_gives_answers(answerer: Answerer, question: str,
                                                  has: str) -> None:  # fmt: skip
    reply = answerer.ask(question)
    assert has in reply.text, reply.text


def test_whose_greetings_others_described_is_no_speaker(answerer: Answerer) -> None:
    """ "How were Putin's greetings described": not what Putin said (no "Putin said ...")."""
    q = answerer.reader.read("How were Putin's greetings described at the May 2023 meeting?")
    assert q.slots.speaker == ""
    q = answerer.reader.read("what did Xi say about Putin's greetings?")
    assert q.slots.speaker == "Xi Jinping"


def test_framed_is_described_not_farmed(answerer: Answerer) -> None:
    reply = answerer.ask("Describe how Xi framed China-Russia relations in May 2023.")
    assert reply.text.startswith("Xi Jinping"), reply.text


def test_an_invitation_accepted_with_its_host_and_who_passed_it_on(corrected: Built) -> None:
    """ "Xi accepted with gratitude the invitation of President Vladimir Putin, conveyed by
    Mishustin, to pay a state visit to Russia in 2035"; "чье" asks whose, no yes or no."""
    reply = corrected.answerer.ask("Whose invitation to visit Russia did Xi accept?")
    assert "Putin invited Xi Jinping (through Mishustin)" in reply.text, reply.text
    assert "Xi accepted" in reply.text, reply.text
    reply = corrected.answerer.ask("Чье приглашение принял Си Цзиньпин?")
    assert not reply.text.startswith("Да"), reply.text


def test_the_day_of_a_visit_is_the_guests(corrected: Built) -> None:
    """ "Xi met Mishustin in Kazan ..., on the second day of a three-day state visit": Xi's
    visit (his office is of the other country), not Mishustin's, the name before it."""
    reply = corrected.answerer.ask("What was the occasion of the Kazan meeting?")
    assert "three-day state visit by Xi Jinping" in reply.text, reply.text


def test_a_russian_reply_names_the_provinces_an_english_statement_names(
    answerer: Answerer,
) -> None:
    reply = answerer.ask("Какие провинции пострадали от землетрясения, по словам Си?")
    assert "Ганьсу" in reply.text and "Цинхай" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "has", "lacks"),
    [
        # Wang Yi is China's; Mishustin heads the delegation the question asks the members of
        ("@factbot which russian ministers were at the great hall meeting", "", ""),
        # a group "of the Russian government" is Russia's
        ("Which Russian ministers accompanied Mishustin to Moscow?", "Cabinet members", ""),
        ("which chinese officials were at the great hall meeting?", "Wang Yi", "Mishustin"),
    ],
)
def test_the_members_of_a_side(answerer: Answerer, question: str, has: str, lacks: str) -> None:
    reply = answerer.ask(question)
    if not has:
        assert not reply.matched, reply.text
        return
    assert has in reply.text and (not lacks or lacks not in reply.text), reply.text


def test_an_ambassador_to_a_country_is_of_the_other(corrected: Built) -> None:
    """ "Russian Ambassador to China Oleg Sazonov" is on the Russian side."""
    reply = corrected.answerer.ask("Which Russian officials attended the Kazan talks?")
    assert "Sazonov" in reply.text and "Volskaya" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "has"),
    [
        ("which foreign minister was at the great hall meeting?", "Wang Yi"),
        ("which vice premier was at the great hall meeting?", ""),  # none is named
        ("Кто переводил Си Цзиньпину в декабре 2023?", ""),  # no interpreter is named
        ("What was trade in 2023 in yuan?", ""),  # a figure in dollars only
        ("What was trade in 2023 in dollars?", "$200 billion"),
    ],
)
def test_an_office_or_a_currency_asked(answerer: Answerer, question: str, has: str) -> None:
    reply = answerer.ask(question)
    if not has:
        assert not reply.matched, reply.text
        return
    assert has in reply.text, reply.text


def test_a_planned_regular_meeting_is_told_as_such(corrected: Built) -> None:
    """Another meeting's facts answer as another meeting's: not "They met on ..."."""
    reply = corrected.answerer.ask("When is the 38th regular meeting?")
    assert "38th regular meeting" in reply.text, reply.text
    assert not reply.text.startswith("They met"), reply.text
    # an announcement that reports no meeting of its own: its planned meetings, as planned
    reply = corrected.answerer.ask("When is the 39th regular meeting?")
    assert "planned" in reply.text and not reply.text.startswith("They met"), reply.text


@pytest.mark.parametrize(
    ("question", "has"),
    [
        # "во сколько" is what time (a part of the day answers), not how many
        ("@factbot где и во сколько встречались 20 декабря 23го?", "утром"),
        ("где и во сколько встречались 20 декабря 2023?", "Дом народных собраний"),
    ],
)
def test_russian_what_time(answerer: Answerer, question: str, has: str) -> None:
    reply = answerer.ask(question)
    assert has in reply.text, reply.text
