"""``Question``: one parse of a message, shared by the matcher and the picker."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.match import Matcher
from bot.picker import Picker
from bot.question import Question, Reader
from bot.render import Reply


def assert_says(answerer: Answerer, message: str, expected: str, rejected: str) -> Reply:
    """The reply to ``message`` says ``expected`` and not ``rejected``; the reply."""
    reply = answerer.ask(message)
    assert expected in reply.text and rejected not in reply.text, reply.text
    return reply


def assert_answers(answerer: Answerer, message: str, expected: str, rejected: str) -> None:
    """``message`` is answered (matched), with ``expected`` in the reply and not ``rejected``."""
    reply = assert_says(answerer, message, expected, rejected)
    assert reply.matched, reply.text


def test_ask_reads_a_message_once_and_shares_the_question(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[Question] = []
    matched: list[Question] = []
    picked: list[Question] = []
    real_read, real_match, real_pick = Reader.read, Matcher.match, Picker.pick

    def spy_read(self: Reader, text: str) -> Question:
        read.append(real_read(self, text))
        return read[-1]

    def spy_match(self: Matcher, q: Question) -> object:
        matched.append(q)
        return real_match(self, q)

    def spy_pick(self: Picker, q: Question, match: object, *within: object) -> object:
        picked.append(q)
        return real_pick(self, q, match, *within)  # type: ignore[arg-type]

    monkeypatch.setattr(Reader, "read", spy_read)
    monkeypatch.setattr(Matcher, "match", spy_match)
    monkeypatch.setattr(Picker, "pick", spy_pick)
    assert answerer.ask("when did they meet in Moscow in March 2023?").matched
    assert len(read) == 1 and matched == read and picked == read
    assert matched[0] is read[0] and picked[0] is read[0]


def test_slots_are_read_once_and_only_when_needed(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = Reader.slots

    def spy(self: Reader, q: Question) -> object:
        calls.append(q.text)
        return real(self, q)

    monkeypatch.setattr(Reader, "slots", spy)
    assert not answerer.ask("what is the weather like in paris tomorrow?").matched
    assert calls == []  # the matcher declined: no slot was needed
    assert answerer.ask("when did they meet in Moscow in March 2023?").matched
    assert calls == ["when did they meet in Moscow in March 2023?"]  # once, though read often


@pytest.fixture(scope="module")
def reader(answerer: Answerer) -> Reader:
    return answerer.reader


def test_slots(reader: Reader) -> None:
    q = reader.read(
        "When did Xi meet Mishustin at the Great Hall of the People in May 2023, the 28th time?"
    )
    assert q.slots.years == (2023,) and q.slots.months == (5,) and q.slots.ordinals == (28,)
    assert q.slots.places == ("Beijing",) and q.slots.venues == ("Great Hall of the People",)
    assert q.slots.people == ("Xi Jinping", "Mikhail Mishustin")
    assert q.wh == "when" and q.focus == "when" and q.script == "en"
    assert "meet" in q.words and "#place" in q.tokens


def test_may_is_a_month_only_where_it_reads_as_one(reader: Reader) -> None:
    assert reader.read("may they meet again?").slots.months == ()
    assert reader.read("did they meet in may?").slots.months == (5,)
    assert reader.read("what happened on may 24").slots.months == (5,)


def test_countries_to_meet_in(reader: Reader) -> None:
    q = reader.read("who did the Chinese president invite to China?")
    assert q.slots.countries == ("China",) and q.slots.countries_in == ()
    assert reader.read("did they meet in China?").slots.countries_in == ("China",)


def test_first_last_and_the_day_of_the_week(reader: Reader) -> None:
    assert reader.read("when did they last meet").slots.select == "last"
    assert reader.read("когда была первая встреча").slots.select == "first"
    assert reader.read("what day of the week was it").weekday
    assert reader.read("когда они встречались").script == "ru"


def test_a_name_the_articles_do_not_cover(reader: Reader) -> None:
    assert reader.read("did Biden attend?").slots.outside == "Biden"
    # "Shanghai" in the organisation's name is no place to meet in.
    assert reader.read("what about the Shanghai Cooperation Organization").slots.places == ()


def test_typos_are_repaired_once(reader: Reader) -> None:
    q = reader.read("wehn did tehy meat")
    assert "when" in q.words and "meet" in q.words and q.unknown == ()
    assert reader.read("zzyzx qwerty").unknown == ("zzyzx", "qwerti")  # stems, as every token


@pytest.mark.parametrize(
    ("message", "years", "months", "select", "countries"),
    [
        ("did they meet again after 2023?", tuple(range(2024, 2034)), (), "", ()),
        ("when did they meet since 2025", tuple(range(2025, 2036)), (), "", ()),
        ("when did they meet before 2025?", tuple(range(2015, 2025)), (), "", ()),
        ("встречались ли они после 2023 года?", tuple(range(2024, 2034)), (), "", ()),
        ("what was the trade target until 2030", (2030,), (), "", ()),  # the year itself
        ("when did they meet in winter?", (), (12, 1, 2), "", ()),
        ("когда они встречались весной?", (), (3, 4, 5), "", ()),
        ("did trade fall in 2023", (2023,), (), "", ()),  # a verb, no season
        ("when did they meet for the very first time", (), (), "first", ()),
        ("the first 11 months of trade", (), (), "", ()),  # a period, not the first meeting
        ("the earliest meeting held on Chinese soil", (), (), "first", ("China",)),
    ],
)  # fmt: skip
def test_slots_read_year_sides_seasons_first_times_and_soil(
    answerer: Answerer, message: str, years: tuple[int, ...], months: tuple[int, ...],
    select: str, countries: tuple[str, ...],
) -> None:  # fmt: skip
    slots = answerer.reader.read(message).slots
    assert (slots.years, slots.months, slots.select, slots.countries) == (
        years, months, select, countries)  # fmt: skip


def test_a_year_side_declines_naming_the_span(answerer: Answerer) -> None:
    reply = answerer.ask("when did they meet after 2025?")
    assert not reply.matched and "2026-2035" in reply.text


def test_a_compound_part_follows_the_part_before(answerer: Answerer) -> None:
    alone = answerer.ask("who else was there?").text
    assert "Wang Yi" in alone and "December 20, 2023" in alone  # the others of every meeting
    assert "Xi Jinping" not in alone  # (not the principals: "else")
    text = answerer.ask("when did they discuss the earthquake, and who else was there?").text
    assert "Wang Yi" in text and "December 20, 2023" in text
    assert "November 4, 2025" not in text and "March 21, 2023" not in text


def test_a_claim_is_quoted_as_the_user_wrote_it(answerer: Answerer) -> None:
    reply = answerer.ask("Путин принял приглашение на форум?")
    assert not reply.matched and "(принял приглашение)" in reply.text
    assert "accept" not in reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        ("which meeting came right before the nov 2025 one?", "December 20, 2023", "November 4"),
        ("when did they meet right after the moscow meeting?", "May 24, 2023", "March 21"),
        ("where did they meet before their December 2023 meeting?", "May 24, 2023", "December"),
    ],
)  # fmt: skip
def test_the_meeting_next_to_another(answerer: Answerer, message: str, expected: str,
                                     rejected: str) -> None:  # fmt: skip
    assert_answers(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("yo what'd xi say bout the years of culture thing",
         ["Year of Culture", "December 20, 2023"]),
        ("@bot what did xi say about AI and digital stuff last time",
         ["artificial intelligence", "November 4, 2025"]),
        ("Что Мишустин говорил о многополярном мире?", ["multipolar", "24 мая 2023"]),
        ("What did Xi say the $200 billion result demonstrated?", ["resilience"]),
        ("meetings in beijing?", ["3 times", "November 4, 2025", "May 24, 2023"]),
    ],
)  # fmt: skip
def test_statements_and_meetings_asked_in_other_words(answerer: Answerer, message: str,
                                                       expected: list[str]) -> None:  # fmt: skip
    reply = answerer.ask(message)
    assert reply.matched and all(e in reply.text for e in expected), reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        # the order chooses the meeting; "first" is no topic (Xi's first trip abroad)
        ("where did Xi and Mishustin first meet?", ["Moscow", "March 21, 2023"], "May 24"),
        ("where was the first time xi and mishustin met?", ["Moscow"], "Beijing"),
        # a misspelt place still chooses the meeting
        ("wen did xi meat mishustin in moskow", ["March 21, 2023"], "November 4"),
        ("wat did mishustin say abt the multipolar stuff in moskow",
         ["multipolar", "March 21, 2023"], "May 24"),
        # one rare word alone asks for the facts that hold it
        ("dragon?", ["Year of the Dragon", "December 20, 2023"], "November 4"),
        ("pie?", ["pie of cooperation", "November 4, 2025"], "December 20"),
        # a stressed claim about the meetings themselves is no claim about what was said
        ("list every time xi and mishustin actually met", ["4 times", "March 21, 2023"], "Sorry"),
        # an acronym and a hub word written otherwise ("linking" for "synergize")
        ("What did Xi hope would come out of linking the Belt and Road with the EAEU in May 2023?",
         ["regional market", "May 24, 2023"], "March 21"),
        # a title names the one holder of the office as the speaker
        ("what did the russian pm say about a multipolar world?", ["Mishustin said"],
         "Xi Jinping said"),
        ("Did Xi say anything about supply chains?", ["supply chains"], "Sorry"),
        ("was putin invited to the 3rd belt and road forum?", ["third Belt and Road"], "Sorry"),
    ],
)  # fmt: skip
def test_questions_read_past_their_wording(answerer: Answerer, message: str, expected: list[str],
                                           rejected: str) -> None:  # fmt: skip
    reply = answerer.ask(message)
    assert all(e in reply.text for e in expected) and rejected not in reply.text, reply.text


@pytest.mark.parametrize(
    "message",
    ["taiwan?", "putin?", "unipolar?"],
)
def test_one_word_alone_is_no_guess(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


def test_when_and_where_is_one_answer(answerer: Answerer) -> None:
    text = answerer.ask("When and where did Xi and Mishustin first meet, and whom did Xi invite "
                        "to the Belt and Road Forum at that meeting?").text  # fmt: skip
    assert text.count("March 21, 2023, Moscow") == 2  # the date's answer, the invitations' meeting
    assert "May 24" not in text and "Vladimir Putin" in text


def test_one_statement_in_two_reports_is_said_once(answerer: Answerer) -> None:
    text = answerer.ask("When did Xi call maintaining and developing China-Russia relations a "
                        "strategic choice?").text  # fmt: skip
    assert text.lower().count("maintaining and developing") == 1, text
    assert "Xi Jinping said maintaining" in text and ".." not in text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        ("when did they meet during mishustin's official visit", "May 24, 2023", "March 21"),
        ("when was mishustin on an official visit to china", "May 24, 2023", "December 20"),
        ("how long was the state visit", "three-day", "official visit"),
        ("сколько дней длился госвизит си в россию?", "трёхдневный", "официальный"),
        ("was it a state visit or an official visit??", "official visit", "Sorry"),
    ],
)  # fmt: skip
def test_a_meeting_chosen_by_its_occasion(answerer: Answerer, message: str, expected: str,
                                          rejected: str) -> None:  # fmt: skip
    assert_says(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    "message",
    ["how long did the december meeting last?", "How long did the November 2025 talks last?",
     "How many days did Mishustin's May 2023 official visit to China last?"],
)  # fmt: skip
def test_how_long_needs_a_length(answerer: Answerer, message: str) -> None:
    reply = answerer.ask(message)  # (the occasion is no length; nor is a meeting without one)
    assert not reply.matched and "three-day" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "years", "ordinals"),
    [("где они виделись в декабре 23-го?", (2023,), ()),
     ("where did they meet in dec '23?", (2023,), ()),
     ("где они встречались 23 декабря?", (), ()),
     ("какая по счёту, 28-я встреча?", (), (28,)),
     ("когда они встречались в 25-м году?", (2025,), ()),
     # a number, not a year: "the 15th five-year plan"
     ("Во что верит Мишустин насчёт 15-го пятилетнего плана?", (), (15,)),
     ("что сказано о 15-м пятилетнем плане?", (), (15,))],
)  # fmt: skip
def test_short_years(answerer: Answerer, message: str, years: tuple[int, ...],
                     ordinals: tuple[int, ...]) -> None:  # fmt: skip
    slots = answerer.reader.read(message).slots
    assert (slots.years, slots.ordinals) == (years, ordinals)


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        # each part keeps its own date; a part with none borrows the others'
        ("What kind of visit was Mishustin on in May 2023, and what kind of visit was Xi on in "
         "Russia in March 2023?",
         ["What kind of visit was Mishustin on in May 2023?",
          "what kind of visit was Xi on in Russia in March 2023?"]),
        ("When and where did they meet in December 2023, who else attended?",
         ["When did they meet in December 2023?", "who else attended in December 2023?"]),
        # a leading "when ..." clause dates the questions after it
        ("When Xi went to Russia in 2023, how long was the trip, and on which weekday did he meet "
         "Mishustin?",
         ["how long was the trip When Xi went to Russia in 2023?",
          "on which weekday did he meet Mishustin When Xi went to Russia in 2023?"]),
        # ", when he met ..." dates the question; ", when did ..." asks another
        ("What did Xi say about his meetings with Putin in 2023, when he met Mishustin?",
         ["What did Xi say about his meetings with Putin in 2023, when he met Mishustin?"]),
        ("how long was the trip, when did they meet?",
         ["how long was the trip?", "when did they meet?"]),
        # a Russian question goes on after a comma with a question word; its date is shared
        ("Где прошла встреча 20 декабря 2023 года, кто на ней присутствовал и в какое время "
         "суток?",
         ["Где прошла встреча 20 декабря 2023 года?",
          "кто на ней присутствовал 20 декабря 2023 года?",
          "в какое время суток 20 декабря 2023 года?"]),
        ("Что сказал Си, когда встретился с Мишустиным?",
         ["Что сказал Си, когда встретился с Мишустиным?"]),
        # two question words, the second with a noun of its own: one question each
        ("Where and at what time of day did Xi meet Mishustin on November 4, 2025?",
         ["Where did Xi meet Mishustin on November 4, 2025?",
          "at what time of day did Xi meet Mishustin on November 4, 2025?"]),
        # "the November 2025 meeting" dates the part that names no meeting
        ("What day of the week was the November 2025 meeting, and in which city?",
         ["What day of the week was the November 2025 meeting?",
          "in which city the November 2025 meeting?"]),
    ],
)  # fmt: skip
def test_compound_parts(message: str, parts: list[str]) -> None:
    from bot.compound import split

    assert split(message) == parts


def test_two_parts_with_one_answer_say_it_once(answerer: Answerer) -> None:
    text = answerer.ask("When Xi went to Russia in 2023, how long was the trip, what kind of visit "
                        "was it, and on which weekday did he meet Mishustin?").text  # fmt: skip
    assert text.count("three-day state visit") == 1 and "Tuesday, March 21, 2023" in text, text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        # a leading "when they met ..." clause chooses the meeting; "how" asks
        ("When they met in Moscow, how did Xi characterize the outside environment?",
         "complex external environment", "They met on"),
        # the principals' names describe no meeting: Mishustin was at every one
        ("When did Xi sit down with Mishustin during the first trip abroad he made after being "
         "elected president again?", "March 21, 2023", "May 24"),
    ],
)  # fmt: skip
def test_what_chooses_and_what_asks(answerer: Answerer, message: str, expected: str,
                                    rejected: str) -> None:  # fmt: skip
    assert_says(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        ("ok @bot which meeting was the only one not in beijing", "March 21, 2023", "Beijing"),
        ("which one was outside China?", "Moscow", "Beijing"),
        ("when did they meet outside of Beijing?", "March 21, 2023", "November 4"),
    ],
)  # fmt: skip
def test_a_place_ruled_out(answerer: Answerer, message: str, expected: str, rejected: str) -> None:
    assert_says(answerer, message, expected, rejected)


def test_the_talks_are_the_meeting_not_speech(answerer: Answerer) -> None:
    q = answerer.reader.read("whom did xi invite during the moscow talks?")
    assert not q.said and q.slots.speaker == ""
    assert answerer.reader.read("what did xi say when he talks about trade?").said
    text = answerer.ask("whom did xi invite during the moscow talks, and to what?").text
    assert "Xi invited Mikhail Mishustin" in text and "Vladimir Putin" in text, text


@pytest.mark.parametrize(
    ("message", "reason"),
    [("which years does the 15th five-year plan cover exactly?", "(which years)"),
     ("On what exact date did the Fourth Plenary Session close?", "(what exact date)")],
)  # fmt: skip
def test_a_precision_the_facts_do_not_give(answerer: Answerer, message: str, reason: str) -> None:
    reply = answerer.ask(message)
    assert not reply.matched and reason in reply.text, reply.text


def test_the_fact_that_names_most_of_the_question(answerer: Answerer) -> None:
    text = answerer.ask("Which years of culture did Xi talk about?").text
    assert "Years of Culture 2024-2025" in text and "Sports" not in text, text
    assert "Sports" in answerer.ask("which years of exchange did xi want to make a success?").text


def test_how_many_needs_a_number(answerer: Answerer) -> None:
    reply = answerer.ask("Сколько министров Мишустин привёз с собой в Москву?")
    assert not reply.matched, reply.text  # "almost all of the important Cabinet members"
    assert "Cabinet" in answerer.ask("who did mishustin bring with him to moscow?").text
    assert "75th" in answerer.ask("how many years of diplomatic relations in 2024").text


@pytest.mark.parametrize(
    "message",
    ["What did Mishustin say about expanding the pie of cooperation?",
     "What did Xi say about the 80th anniversary of diplomatic relations?",
     "What did Mishustin say about the 14th Five-Year Plan?"],
)  # fmt: skip
def test_no_runner_up_for_what_was_not_said(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


def test_what_was_said_about_a_date(answerer: Answerer) -> None:
    # said in May 2023 about the March visit: the date is what was talked about
    text = answerer.ask("Who called Xi's March 2023 state visit historic?").text
    assert "Mishustin said" in text and "May 24, 2023" in text, text
    assert not answerer.ask("what did xi say about trade in march 2024?").matched


@pytest.mark.parametrize(
    ("message", "expected"),
    [("What took place the day before Xi met Mishustin in Beijing in December 2023?",
      "28th regular meeting"),
     ("что было накануне встречи в декабре 2023 года?", "28-я регулярная встреча")],
)  # fmt: skip
def test_the_day_before(answerer: Answerer, message: str, expected: str) -> None:
    reply = answerer.ask(message)
    assert reply.matched and expected in reply.text, reply.text
    assert not answerer.ask("what happened the day after they met in december 2023?").matched


def test_typos_in_what_was_said(answerer: Answerer) -> None:
    text = answerer.ask("who sayd the relashionship was at its highest levle in history").text
    assert "Mishustin said" in text and "March 21, 2023" in text, text
    assert not answerer.ask("Что Мишустин говорил об однополярном мире?").matched


def test_the_nth_meeting_is_no_numbered_fact(answerer: Answerer) -> None:
    slots = answerer.reader.read("what was their 2nd meeting — when and where?").slots
    assert (slots.nth, slots.ordinals) == (2, ())
    assert "May 24, 2023" in answerer.ask("what was their 2nd meeting — when and where?").text
    assert answerer.reader.read("when was the 28th regular meeting?").slots.ordinals == (28,)


@pytest.mark.parametrize(
    "message",
    ["What was the full-year 2023 trade figure between China and Russia?",  # 11 months only
     "What is the value of the economic and trade agreement China signed with the EAEU?",
     "What GDP growth target does the 15th Five-Year Plan set?",  # GDP: in no article
     "What did Xi say about the G7?"],
)  # fmt: skip
def test_what_the_facts_do_not_give(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


def test_known_acronyms_and_shouting_still_answer(answerer: Answerer) -> None:
    assert "artificial intelligence" in answerer.ask("what did they say about AI?").text
    assert "CPC" in answerer.ask("What did Xi say about the CPC?").text
    assert "Beijing" in answerer.ask("WHERE DID THEY MEET").text


@pytest.mark.parametrize(
    "message",
    ["Сколько именно министров было на встрече в Москве?",
     "how many ministers were at the meeting?",
     "What did Xi say about the Years of Sports Exchange in 2025?"],
)  # fmt: skip
def test_counted_or_named_elsewhere(answerer: Answerer, message: str) -> None:
    reply = answerer.ask(message)
    assert not reply.matched, reply.text
    assert "how many" not in answerer.ask("Сколько именно министров было в Москве?").text


@pytest.mark.parametrize(
    ("message", "count"),
    [("how many tims did they meat", "4 times"), ("сколько всего встреч у си и мишустина", "4"),
     ("How many of their meetings were in Beijing?", "3 times")],
)  # fmt: skip
def test_meetings_counted(answerer: Answerer, message: str, count: str) -> None:
    assert count in answerer.ask(message).text


def test_a_short_name_narrows_to_its_facts(answerer: Answerer) -> None:
    text = answerer.ask("AI?").text
    assert "artificial intelligence" in text and "November 4, 2025" in text
    assert "December 20" not in text, text
    assert "energy" in answerer.ask("which areas did xi list at the great hall meeting").text


def test_a_named_organisation_is_that_one(answerer: Answerer) -> None:
    text = answerer.ask("BRICS?").text
    assert "BRICS" in text and "May 24, 2023" in text and "March 21" not in text, text
    assert not answerer.ask("was the WTO mentioned?").matched  # not the SCO: no "organization"
    assert (
        "Eurasian" in answerer.ask("what is the belt and road initiative being aligned with").text
    )


def test_russian_statements_say_what_they_name_in_russian(answerer: Answerer) -> None:
    text = answerer.ask("что си цзиньпин сказал про торговлю с россией в декабре 2023?").text
    assert "200 млрд долларов" in text and "экономика и торговля" in text, text


def test_a_misspelt_russian_place(answerer: Answerer) -> None:
    text = answerer.ask("кагда си встречался с мишустиным в маскве").text
    assert "21 марта 2023" in text and "Пекин" not in text, text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("What did Xi talk about at the third meeting?", "December 20, 2023", "November 4"),
     ("What did Mishustin say at the Beijing meeting in the spring of 2023?", "May 24, 2023",
      "December 20")],
)  # fmt: skip
def test_what_was_said_at_a_meeting_chosen_by_order_or_season(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    assert_says(answerer, message, expected, rejected)


def test_a_lexicon_word_names_a_value(answerer: Answerer) -> None:
    text = answerer.ask("plenum?").text
    assert "Fourth Plenary Session" in text and "Years of Culture" not in text, text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("Who claimed the Chinese people were more united than ever?", "Xi Jinping said"),
     ("What did Xi mean by growing the pie?", "pie of cooperation"),
     ("Who talked about making the pie of cooperation bigger?", "pie of cooperation")],
)  # fmt: skip
def test_more_ways_to_ask_what_was_said(answerer: Answerer, message: str, expected: str) -> None:
    assert expected in answerer.ask(message).text


def test_a_part_of_the_day_asked(answerer: Answerer) -> None:
    assert not answerer.ask("which meetings took place in the afternoon").matched  # seeds: none
    assert "morning" in answerer.ask("which meetings took place in the morning").text
    assert "3 times" in answerer.ask("Which of the meetings took place in Beijing?").text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("С каким визитом Мишустин находился в Китае в мае 2023?", "официальный визит"),
     ("Какие новые направления сотрудничества предложил Си на встрече в 2025 году?",
      "искусственный интеллект")],
)  # fmt: skip
def test_russian_ways_of_asking(answerer: Answerer, message: str, expected: str) -> None:
    assert expected in answerer.ask(message).text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("whats the deal w/ xi's pie comment", "pie of cooperation"),
     ("tbh what was mishustin hyped about in nov 2025", "applauded")],
)  # fmt: skip
def test_slang_for_what_was_said(answerer: Answerer, message: str, expected: str) -> None:
    assert expected in answerer.ask(message).text


def test_the_meeting_the_day_after_another(answerer: Answerer) -> None:
    reply = answerer.ask("Date of the meeting held the day after the 28th regular "
                         "heads-of-government meeting?")  # fmt: skip
    assert "December 20, 2023" in reply.text and "March 21" not in reply.text, reply.text
    assert not answerer.ask("when did they meet the day after the 29th regular meeting?").matched


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("When did Xi last receive Mishustin before December 2023, and where?", "May 24, 2023",
      "December 20"),
     ("when did they meet after March 2023?", "3 times", "March 21")],
)  # fmt: skip
def test_a_month_as_a_bound(answerer: Answerer, message: str, expected: str, rejected: str) -> None:
    assert_says(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [("According to Xi in Moscow, how unified are the party, the country and the people?",
      "more united than ever"),
     ("Which strengths did Xi say the two sides should leverage in December 2023?",
      "exploit the advantages"),
     ("Who said China's economy has plenty of room to bounce back?", "room for rebound")],
)  # fmt: skip
def test_paraphrases_of_what_was_said(answerer: Answerer, message: str, expected: str) -> None:
    assert expected in answerer.ask(message).text


@pytest.mark.parametrize(
    ("message", "reads_as"),
    [
        ("what venue did the Chinese President and the Russian Prime Minister use in Dec 2023",
         "what venue did xi and mishustin use in dec 2023"),
        ("что сказал председатель КНР о торговле", "что сказал си о торговле"),
        ("when did President Xi receive Prime Minister Mishustin in Moscow",
         "when did xi receive mishustin in moscow"),
    ],
)  # fmt: skip
def test_the_principals_offices_read_as_their_names(
    answerer: Answerer, message: str, reads_as: str
) -> None:
    reader = answerer.reader
    assert reader.read(message).tokens == reader.read(reads_as).tokens


def test_an_office_asked_about_stays_an_office(answerer: Answerer) -> None:
    # "who is the Russian PM" asks who holds the office: not "who is Mishustin"
    assert "mishustin" not in answerer.reader.read("who is the russian pm").tokens
    assert "offici" in answerer.reader.read("who is the russian pm").tokens


def test_may_before_a_year_is_the_month(answerer: Answerer) -> None:
    assert "#month" in answerer.reader.read("who was at the May 2023 meeting").tokens
    assert "#month" not in answerer.reader.read("may I ask when they met").tokens


@pytest.mark.parametrize(
    "message",
    ["who was there besides xi and mishustin in december 2023",
     "apart from the two leaders, who attended in dec 2023?",
     "кто ещё был на встрече в декабре 2023"],
)  # fmt: skip
def test_who_else_names_the_others_not_the_principals(answerer: Answerer, message: str) -> None:
    reply = answerer.ask(message)
    assert reply.matched and ("Wang Yi" in reply.text or "Ван И" in reply.text), reply.text
    assert "Xi Jinping" not in reply.text and "Си Цзиньпин" not in reply.text


def test_who_else_at_a_meeting_of_the_principals_alone_declines(answerer: Answerer) -> None:
    reply = answerer.ask("who else was at the may 2023 meeting?")
    assert not reply.matched and "Mishustin" not in reply.text


@pytest.mark.parametrize(
    "message",
    ["Why did Mishustin say Russia-China relations were at their lowest point in history?",
     "Почему Мишустин назвал отношения худшими в истории?",
     "what did mishustin say about the unipolar world"],
)  # fmt: skip
def test_a_claim_the_wrong_way_round_is_declined(answerer: Answerer, message: str) -> None:
    reply = answerer.ask(message)
    assert not reply.matched and "highest" not in reply.text and "multipolar" not in reply.text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("how did mishustin describe the level of relations in march 2023", "highest"),
     ("what did mishustin say about a multipolar world", "multipolar"),
     ("what did mishustin say about the highest level of relations", "highest")],
)  # fmt: skip
def test_a_claim_the_right_way_round_is_answered(
    answerer: Answerer, message: str, expected: str
) -> None:
    reply = answerer.ask(message)
    assert reply.matched and expected in reply.text, reply.text


@pytest.mark.parametrize(
    "message",
    ["When and where did Xi meet Mishustin the first time?",
     "when did xi and mishustin meet for the very first time?"],
)  # fmt: skip
def test_the_first_time_they_met_is_the_first_meeting(answerer: Answerer, message: str) -> None:
    text = answerer.ask(message).text
    assert "March 21, 2023" in text and "November 4, 2025" not in text, text


def test_it_refers_to_the_meeting_just_answered(answerer: Answerer) -> None:
    first = answerer.ask("which was the third meeting")
    text = answerer.ask("where was it held?", context=first.context).text
    assert "Great Hall" in text and "Moscow" not in text, text


def test_names_said_apart_did_not_meet(answerer: Answerer) -> None:
    # Putin's greetings passed on: Putin was at no meeting, yet the meetings are the answer
    text = answerer.ask("In which meetings did Mishustin pass on Putin's greetings to Xi?").text
    assert "May 24, 2023" in text and "November 4, 2025" in text, text


@pytest.mark.parametrize(
    "message",
    ["list every meeting between xi and mishustin w/ dates pls",
     "Перечисли все встречи Си Цзиньпина и Мишустина."],
)  # fmt: skip
def test_a_request_to_list_the_meetings_lists_them(answerer: Answerer, message: str) -> None:
    text = answerer.ask(message).text
    assert all(d in text for d in ("21", "24", "20", "4")) and ("2025" in text), text
    assert ("March 21, 2023" in text) or ("21 марта 2023" in text), text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("@bot quick one, what trade number did xi brag about", "$200 billion"),
     ("What did Xi hope the Belt and Road-EAEU synergy would lead to in May 2023?",
      "regional market"),
     ("What did Mishustin say Xi's choice of Russia for his first trip showed?", "special")],
)  # fmt: skip
def test_frame_words_of_a_statement_question_are_no_topic(
    answerer: Answerer, message: str, expected: str
) -> None:
    # "quick one", "number", "would lead to" say what is asked, not what it is about
    text = answerer.ask(message).text
    assert expected in text, text


def test_what_dates_asks_for_days_like_what_date(answerer: Answerer) -> None:
    q = answerer.reader.read("On what dates was the third Belt and Road Forum held?")
    assert q.precision == "day" and q.event_time
    assert not answerer.ask("On what dates was the third Belt and Road Forum held?").matched


def test_a_short_word_is_not_respelt_into_another_word(answerer: Answerer) -> None:
    # "prices" is a word of its own, not a typo of "prime" (minister)
    topic = answerer.picker.relevance.topic(answerer.reader.read("what about oil prices"))
    assert "prime" not in topic


@pytest.mark.parametrize(
    ("message", "expected"),
    [("Who wanted the friendship handed down through the generations?", "Mishustin"),
     ("Which cultural initiative for 2024-2025 did Xi want to make a success?", "culture"),
     ("sooo what did xi want mishustin to pass on to putin back in may", "greetings")],
)  # fmt: skip
def test_what_someone_wanted_is_what_they_said_or_a_fact_that_fits_better(
    answerer: Answerer, message: str, expected: str
) -> None:
    text = answerer.ask(message).text
    assert expected in text, text


def test_what_i_want_is_no_statement(answerer: Answerer) -> None:
    assert not answerer.reader.read("i want to know when they met").said


@pytest.mark.parametrize(
    "message",
    ["According to the Xinhua report, when did Xi meet Mishustin in Moscow?",
     "per the TASS wire, when did xi and mishustin meet in moscow"],
)  # fmt: skip
def test_the_report_a_question_names_is_no_speaker_and_no_topic(
    answerer: Answerer, message: str
) -> None:
    q = answerer.reader.read(message)
    assert not q.said and "report" not in q.tokens and "wire" not in q.tokens
    assert "March 21, 2023" in answerer.ask(message).text


def test_russian_accepted_an_invitation_is_a_claim(answerer: Answerer) -> None:
    # "принял" is "received" (met) too; with an invitation it claims acceptance
    reply = answerer.ask("Принял ли Путин приглашение Си на форум «Пояс и путь»?")
    assert not reply.matched and "Принял" in reply.text, reply.text
    assert answerer.ask("Кого пригласил Си Цзиньпин?").matched


def test_who_holds_a_principals_office_is_answered(answerer: Answerer) -> None:
    text = answerer.ask("who is the chinese president?").text
    assert "Xi Jinping" in text, text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("who was at the great hall meeting on the chinese side?", "Wang Yi", "Mishustin"),
     ("кто был с китайской стороны в декабре 2023", "Ван И", "Мишустин"),
     ("who was there from the russian side in december 2023", "Mishustin", "Wang Yi")],
)  # fmt: skip
def test_a_side_asks_for_its_own_people(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    assert_says(answerer, message, expected, rejected)


def test_no_one_else_on_a_side_is_said_so(answerer: Answerer) -> None:
    reply = answerer.ask("who else was there from the russian side in december 2023")
    assert not reply.matched and "from the russian side" in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("when did they meet in moscow in may 2023?", "May 24, 2023, Beijing"),
     ("when did they meet in moscow in 2025", "November 4, 2025, Beijing"),
     ("когда в мае 2023 года они встречались в москве?", "24 мая 2023 г., Пекин")],
)  # fmt: skip
def test_no_such_meeting_names_the_meeting_held_then_elsewhere(
    answerer: Answerer, message: str, expected: str
) -> None:
    reply = answerer.ask(message)
    assert not reply.matched and expected in reply.text, reply.text


def test_no_meeting_at_all_then_names_none(answerer: Answerer) -> None:
    text = answerer.ask("when did they meet in beijing in 2024").text
    assert "elsewhere" not in text and "2023" not in text and "2025" not in text, text


def test_how_many_counts_meetings_named_with_a_dash(answerer: Answerer) -> None:
    text = answerer.ask("How many Xi–Mishustin meetings are covered in total?").text
    assert "4 times" in text, text


def _guard_texts() -> list[str]:
    """Messages and article sentences to check the guarded patterns on, with words of every
    alternative in odd cases."""
    from pathlib import Path

    import yaml

    root = Path(__file__).parent
    texts = [
        item["q"]
        for path in sorted(root.glob("questions*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    ]
    for path in sorted((root.parent / "seeds").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    texts += (root / "data" / "nasty_strings.txt").read_text(encoding="utf-8").splitlines()
    return texts + [
        "the CHINESE PREMIER", "Premier of China", "Russia's PM", "ПРЕЗИДЕНТ КНР",
        "глава правительства РФ", "председатель Китая", "ЗИМОЙ", "in the Fall", "летом",
        "in dec '23", "В 25М", "в декабре 23-го", "$200 BILLION", "2,5 процента", "1.5",
        "WHERE EXACTLY", "В КАКОМ ЗДАНИИ", "Guest House", "ſpring", "\u212aremlin hall",
        "ЧТО СКАЗАЛ СИ", "по СЛОВАМ Мишустина", "высказывания", "٢٣ percent",
    ]  # fmt: skip


def test_guarded_patterns_find_what_their_patterns_find() -> None:
    """A guard only saves work: on questions, articles and odd cases a guarded pattern finds
    exactly what its pattern finds."""
    import bot.question as question_module
    from bot.text import Guarded

    guarded = {n: p for n, p in vars(question_module).items() if isinstance(p, Guarded)}
    assert len(guarded) >= 6
    texts = _guard_texts()
    for name, pattern in guarded.items():
        for text in texts:
            want = [m.span() for m in pattern.rx.finditer(text)]
            got = [m.span() for m in pattern.finditer(text)]
            assert got == want, (name, text)
            assert pattern.sub("#", text) == pattern.rx.sub("#", text), (name, text)


def test_a_word_the_lexicon_reads_is_no_typo(reader: Reader) -> None:
    """A Russian word the lexicon reads as an English word no intent uses stays that word: it is
    not "repaired" towards a near intent word ("chain" is not "chair", "supply" not "set")."""
    q = reader.read("what did xi say about the chain")
    assert "chair" not in q.words and "chain" in q.tokens
    assert reader.repair("chain", "цепочках") is None  # (a real word no intent uses)


def test_a_season_is_months_not_a_topic(answerer: Answerer) -> None:
    """ "In the spring of 2023" chooses the meeting as "in May 2023" would; the season is no
    word an intent must know."""
    reply = answerer.ask("They met in Beijing in the spring of 2023 - on which exact day?")
    assert "May 24, 2023" in reply.text and "March 21" not in reply.text
    reply = answerer.ask("когда они встречались осенью?")  # (September to November)
    assert "4 ноября 2025" in reply.text and "декабря" not in reply.text


def test_the_date_of_an_election_is_not_a_meeting_date(answerer: Answerer) -> None:
    """When someone was elected is the election's own date, which no article gives."""
    assert answerer.ask("On what exact date was Xi re-elected president?").kind == "decline"


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        # the question's own word of saying first: those who congratulated, not who applauded
        ("What did Mishustin congratulate China on?", "achievements", "Plenary Session"),
        ("What did Mishustin say Russia was pleased with in December 2023?", "steady growth",
         "March 21"),
        # the genre's words said otherwise: calm, stormy, enough; "manage to" asks nothing
        ("Who said both countries kept their calm in a stormy external environment?",
         "composure", "December 20"),
        ("Who said the relief forces and supplies in the quake zone were enough?", "sufficient",
         "November 4"),
        ("What does Mishustin believe China will manage to achieve?", "Five-Year Plan",
         "March 21"),
        ("Как Си охарактеризовал китайскую экономику в декабре 2023 года?", "устойчивость",
         "4 ноября"),
        # a one-word name in a fact ("mutual investment": the area) is also its word
        ("what did xi say about investment between the two in 2025", "mutual investment",
         "March 21"),
        # "even" is a word, not a typo of "event"; "nukes" and "nail" are the genre's words
        ("bruh what did mishustin even say in 2025", "Five-Year Plan", "March 21"),
        ("lol did mishustin say anything about nukes", "nuclear", "November 4"),
        ("@bot quick one: which plan did mishustin think china will nail", "15th", "March 21"),
        # relations at their best are at their highest level
        ("Кто заявил, что отношения двух стран сейчас лучшие за всю историю?", "Мишустин",
         "20 декабря"),
        # the Communist Party, the CPC, the Party: one party
        ("What did Xi tell Mishustin about the unity of the Communist Party and the Chinese "
         "people?", "united", "December 20"),
        ("What did Xi say about the recent Party plenum at his 2025 meeting with Mishustin?",
         "Fourth Plenary", "March 21"),
        # whom he had met is what he said, not the meeting it was said at
        ("What did Xi say about how often he had met Putin in 2023?", "twice", "no such meeting"),
    ],
)  # fmt: skip
def test_statements_said_in_other_words(answerer: Answerer, message: str, expected: str,
                                        rejected: str) -> None:  # fmt: skip
    assert_answers(answerer, message, expected, rejected)


def test_a_named_person_is_not_answered_with_what_another_said(answerer: Answerer) -> None:
    """ "Did Mishustin visit the quake zone?" is not answered by what Xi said about the quake."""
    reply = answerer.ask("Did Mishustin visit the earthquake zone in Qinghai?")
    assert not reply.matched, reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [
        ("Which meeting was the one where the earthquake came up? date pls", "December 20, 2023",
         "May 24"),
        ("which meeting came third in order, and where was it?", "December 20, 2023", "May 24"),
        ("Who did Mishustin bring along to the Moscow talks?", "Cabinet", "said"),
        ("who came w/ mishustin to see xi in dec 2023", "Wang Yi", "March 21"),
    ],
)  # fmt: skip
def test_meetings_chosen_by_topic_order_and_company(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """A meeting chosen by what came up there or by its place in time; "the Moscow talks" are
    the meeting, not talk about something."""
    assert_answers(answerer, message, expected, rejected)


def test_a_one_letter_word_names_nothing(answerer: Answerer) -> None:
    """ "xi n mishustin": "n" is "and", not "U.N." read letter by letter."""
    reply = answerer.ask("yo what time of day did xi n mishustin meet back in dec 2023?")
    assert reply.matched and "morning" in reply.text, reply.text


def test_a_russian_name_is_found_whatever_the_lexicon_reads_its_words() -> None:
    """A name is keyed by the words a message becomes, read from the name as written: a
    Russian stem stemmed again is shorter ("собран" -> "собра"), so a name keyed from its stems
    is lost as soon as the lexicon reads one of its words ("дом": house)."""
    from bot.gazetteer import load_gazetteer
    from bot.intents import Lexicon

    lexicon = Lexicon({"дом": "house", "house": "house"}, frozenset(), frozenset(), ())
    reader = Reader(lexicon, load_gazetteer(), ["when did they meet"])
    q = reader.read("встреча в Доме народных собраний")
    assert ("#place", "Great Hall of the People") in q.names


def test_an_act_of_saying_is_answered_only_by_that_act(answerer: Answerer) -> None:
    """Applauding is an act: "why did Xi applaud the plenum" is declined when only Mishustin
    applauded it; a hope may be said in other words, an applause not."""
    assert not answerer.ask("Why did Xi applaud the Fourth Plenary Session in 2025?").matched
    reply = answerer.ask("what did mishustin applaud in 2025")
    assert reply.matched and "Plenary Session" in reply.text


def test_was_it_a_weekday_shows_the_weekday(answerer: Answerer) -> None:
    reply = answerer.ask("the one in moscow - was it a tuesday?")
    assert "Tuesday, March 21, 2023" in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "select"),
    [("Что Си сказал о пути развития, выбранном русским народом?", ""),  # выб-ранн-ом
     ("Когда Си Цзиньпин и Мишустин встретились впервые?", "first"),
     ("когда была самая ранняя встреча?", "first"),
     ("когда была последняя встреча?", "last")],
)  # fmt: skip
def test_first_and_last_in_russian_are_words(reader: Reader, message: str, select: str) -> None:
    assert reader.read(message).slots.select == select


@pytest.mark.parametrize(
    "message",
    ["Where in Russia did Xi meet Putin in 2025?",  # a meeting with no place said
     "Путин был на встрече в Доме народных собраний?"],  # a meeting not there
)  # fmt: skip
def test_another_meeting_answers_only_with_what_it_says(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


@pytest.mark.parametrize(
    "message",
    ["Did Russia actually deliver the earthquake relief aid to Gansu?",
     "did russia actually end up sending relief aid to gansu?",
     "was the aid actually sent"],
)  # fmt: skip
def test_sending_aid_is_a_claim_to_check(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


@pytest.mark.parametrize(
    "message",
    ["мишустин чё про ии говорил?",  # Xi spoke of AI, not Mishustin
     "Какой товарооборот получился за весь 2023 год?",  # only the first 11 months are given
     "What was China-Russia trade for the whole of 2023?"],
)  # fmt: skip
def test_russian_speaker_and_whole_year_traps(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched


def test_what_a_speaker_said_comes_from_that_speaker(answerer: Answerer) -> None:
    """An anniversary has no speaker of its own: asked what Mishustin said of it, the sentence
    that gives it must be his (Xi spoke of the 75th anniversary)."""
    assert_answers(answerer, "What did Xi say about the 75th anniversary?", "75th", "Sorry")
    for message in ("What did Mishustin say about the 75th anniversary of diplomatic ties?",
                    "What did Mishustin say about the Years of Sports Exchange?"):  # fmt: skip
        assert not answerer.ask(message).matched, message


@pytest.mark.parametrize(
    "message",
    ["How did Xi respond when Mishustin offered sympathy over the earthquake?",
     "Как Си отреагировал на соболезнования Мишустина по поводу землетрясения?"],
)  # fmt: skip
def test_a_response_is_what_was_said_next(answerer: Answerer, message: str) -> None:
    """Xi's response to the condolences is what he said in the sentences after them (his
    gratitude, which holds none of the question's words), not his own words about trade."""
    reply = answerer.ask(message)
    assert reply.matched and ("gratitude" in reply.text or "благодар" in reply.text), reply.text


@pytest.mark.parametrize(
    ("word", "meant"),
    [("planet", None), ("full", None),  # two slips from "plan", "fulfil": words of their own
     ("meting", "meet"), ("wehn", "when")],  # one slip: typos
)  # fmt: skip
def test_a_short_word_is_repaired_one_slip_away(reader: Reader, word: str, meant: str) -> None:
    (tok,) = reader.canon(word)[0]
    assert reader.repair(tok, word) == meant


def test_a_full_year_is_not_the_first_eleven_months(answerer: Answerer) -> None:
    for message in (
        "What was the total China-Russia trade for the full year 2023?",
        "What was the full-year 2023 trade total between China and Russia?",
    ):
        assert not answerer.ask(message).matched, message
    asked = "what was trade in the first 11 months of 2023"
    assert_answers(answerer, asked, "$200 billion", "Sorry")


def test_who_mentioned_asks_for_the_speaker(answerer: Answerer) -> None:
    reply = answerer.ask("who mentioned the years of sports exchange?")
    assert reply.matched and "Xi Jinping" in reply.text, reply.text


def test_an_ordinal_that_describes_the_meeting_chose_it(answerer: Answerer) -> None:
    """ "right after the 4th plenum": the 4th numbers the plenum that describes the meeting, not
    the meeting (there is no fourth meeting fact to find)."""
    message = "@bot when did they meet right after the 4th plenum?"
    assert_answers(answerer, message, "November 4, 2025", "Sorry")


@pytest.mark.parametrize(
    ("message", "expected"),
    [("when was the penultimate meeting", "December 20, 2023"),
     ("when was the second-to-last meeting?", "December 20, 2023"),
     ("предпоследняя встреча — когда?", "20 декабря 2023"),
     ("In the second meeting, which multilateral groups did Xi mention?", "BRICS")],
)  # fmt: skip
def test_the_meeting_before_the_last(answerer: Answerer, message: str, expected: str) -> None:
    assert_answers(answerer, message, expected, "November 4, 2025")


def test_a_call_by_phone_is_no_saying(answerer: Answerer) -> None:
    """ "When did Putin and Xi speak by telephone" asks about a call (another meeting), not what
    was said (it went to what was said, and found nothing)."""
    reply = answerer.ask("When did Putin and Xi speak by telephone?")
    assert reply.intent != "statements", reply.text


@pytest.mark.parametrize(
    ("message", "expected"),
    [("Was Mishustin's May 2023 trip to China an official visit or a working visit?",
      "official visit"),
     ("what proposals did xi put forward in december 2023", "75th anniversary")],
)  # fmt: skip
def test_a_visits_kind_and_proposals_put_forward(
    answerer: Answerer, message: str, expected: str
) -> None:
    assert_answers(answerer, message, expected, "Sorry")


def test_a_russian_statement_names_its_common_words_in_russian(answerer: Answerer) -> None:
    """The quote stays as the article gives it; its words the glossary knows are named in
    Russian after it ("supports": поддерживает)."""
    reply = answerer.ask("Что Си сказал о выборе пути развития российским народом?")
    assert reply.matched and "поддерживает" in reply.text, reply.text
    reply = answerer.ask("Что Си сказал о товарообороте в декабре 2023 года?")
    assert reply.matched and "первые 11 месяцев" in reply.text, reply.text  # a period, too


def test_two_topics_asked_at_once_get_both(answerer: Answerer) -> None:
    """ "about X and about Y": what was said of each, not only of the one that outweighs."""
    reply = answerer.ask("what did xi say about energy security and about the years of culture")
    assert reply.matched and "energy security" in reply.text, reply.text
    assert "Year of Culture" in reply.text or "years of culture" in reply.text, reply.text


def test_a_misspelt_russian_month(reader: Reader) -> None:
    from bot.text import month_number

    assert [month_number(w) for w in ("дикабре", "сентибря", "октабря", "маи")] == [12, 9, 10, None]


@pytest.mark.parametrize(
    ("message", "expected"),
    [("Что Мишустин высоко оценил в ноябре 2025?", "пленум"),  # "высоко оценил" praises
     ("мешустин пожелал чего китайцам", "Дракон")],  # a Russian name misspelt is the name
)  # fmt: skip
def test_russian_praise_and_a_misspelt_name(
    answerer: Answerer, message: str, expected: str
) -> None:
    assert_answers(answerer, message, expected, "Извините")


def test_visiting_a_country_is_meeting_there(answerer: Answerer) -> None:
    """ "did Xi visit Russia in 2025": they met in Beijing that year, not in Russia."""
    assert not answerer.ask("did xi visit russia in 2025?").matched
    assert_answers(answerer, "did xi visit russia?", "March 21, 2023", "November 4, 2025")


def test_an_invitation_is_the_guests_and_says_what_it_is_to(answerer: Answerer) -> None:
    """Xi invited Mishustin to visit China and Putin to the Belt and Road Forum: "did Xi invite
    Mishustin to the forum" is not answered with either."""
    assert not answerer.ask("did xi invite mishustin to the belt and road forum?").matched
    reply = answerer.ask("did xi invite putin to the belt and road forum?")
    assert reply.matched and "Vladimir Putin" in reply.text, reply.text
    assert "Mikhail Mishustin" not in reply.text, reply.text


def test_a_word_made_from_a_name_is_not_the_name(reader: Reader) -> None:
    """ "powerful" is no "power" (an alias of energy), though the stemmer reads both as "power"."""
    assert not reader.read("how powerful was the earthquake").names
    assert reader.read("what about power?").names


def test_was_the_last_meeting_there(answerer: Answerer) -> None:
    """ "was the last meeting in Moscow?": no, the last meeting was in Beijing (2025), not the
    last of the Moscow meetings; "when was the last meeting in Moscow" is that one."""
    reply = answerer.ask("was the last meeting in moscow?")  # no, and where it was
    assert reply.text.startswith("No. ") and "November 4, 2025" in reply.text, reply.text
    assert_answers(answerer, "was the first meeting in moscow?", "March 21, 2023", "Sorry")
    assert_answers(answerer, "when was the last meeting in moscow", "March 21, 2023", "Sorry")
    reply = answerer.ask("Была ли последняя встреча в Москве?")
    assert reply.text.startswith("Нет. ") and "4 ноября 2025" in reply.text, reply.text


def test_a_chairman_is_no_co_chair(reader: Reader) -> None:
    """ "председатель КНР" is the head of state, not a typo of "сопредседатель" (co-chair)."""
    assert "сопредседател" not in reader.read("Кто председатель КНР?").words


def test_a_misspelt_english_month() -> None:
    from bot.text import month_number

    words = ("jnue", "novmber", "decmber", "agust", "dune", "jane", "mach", "maybe")
    assert [month_number(w) for w in words] == [6, 11, 12, 8, None, None, None, None]


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [# a relative "where" after "the meeting" asks nothing: the later "when" asks
     ("The meeting where the Year of the Dragon came up - when was it?", "December 20, 2023",
      "Moscow"),
     ("the november one, where was it", "Beijing", "Moscow"),  # (after a comma it asks)
     # a code names its fact ("G20" is no word of four letters)
     ("At which meeting was the G20 mentioned?", "May 24, 2023", "March 21, 2023"),
     ("G20?", "G20", "March 21, 2023"),
     # "actually" claims nothing: the verb does ("hit" is "reached")
     ("bruh did they actually hit the 200b trade goal or nah", "11 months", "Sorry"),
     # generic verbs and compass words are no topic a statement must hold
     ("What did Mishustin say about where Russia-China relations stood when Xi visited Moscow?",
      "highest level", "Sorry"),
     ("What did Mishustin say about the quake in northwest China?", "Gansu", "Sorry"),
     ("What was Mishustin's line on multipolarity in March 2023?", "multipolar", "Sorry"),
     ("In May 2023, what did Xi recall about his March trip to Russia?", "plan", "Sorry"),
     # "fell in 2024" is "was in 2024", not the opposite of growth
     ("Which anniversary of diplomatic relations fell in 2024?", "75th", "do not say"),
     # "extend condolences" is no typo of "external"
     ("On whose behalf did Mishustin extend condolences over the earthquake?", "Gansu", "Sorry"),
     # "which was held in Moscow" chooses the meeting; it does not ask where
     ("which areas were discussed at the meeting which was held in moscow", "aerospace",
      "Sorry"),
     # the meeting chosen by what was said there, in other words ("the quake")
     ("when did they meet when the quake was discussed", "December 20, 2023", "4 times"),
     # a Russian name in the nominative says, wherever it stands
     ("Си что говорил про торговлю?", "Си Цзиньпин", "Мишустин"),
     # Russian function words and slang spellings ("што", "пра", "от имени", "по счёту")
     ("што мишустин сказал пра землитрясение", "Ганьсу", "Извините"),
     ("Кто выразил соболезнования по поводу землетрясения от имени российского правительства и "
      "народа?", "Мишустин", "Извините"),
     ("вторая по счёту встреча — какого числа?", "24 мая 2023", "21 марта"),
     # "одобрил" is applauding
     ("Что Мишустин одобрил на встрече в ноябре 2025?", "пленум", "Извините"),
     # "the first 11 months" is the period of a figure, not the first meeting
     ("what was trade in the first 11 months of 2023", "$200 billion", "They met"),
     ("where were they on 24.05.2023", "May 24, 2023", "Moscow"),  # day first, as dots write it
     ("встреча 20.12.2023 — где?", "20 декабря 2023", "Москва"),
     ("when did they meet on 2023-03-21", "March 21, 2023", "Beijing"),
     ("пленум?", "пленум", "годы культуры"),  # only the event a Russian word names
     ("форум?", "форум", "пленум"),
     # a name given as an example asks for all of its kind
     ("wich orgs did xi mension in may 2023, like brics n stuff", "G20", "Sorry"),
     # a Russian month one letter off is the month
     ("кагда была встреча в дикабре 2023 и где", "20 декабря 2023", "24 мая"),
     ("was wang yi ther at the dec meetin?", "Wang Yi", "Sorry")],
)  # fmt: skip
def test_wordings_read_as_meant(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """Wordings of the blind sets (I and 7), read as meant: clauses that choose the meeting,
    codes, dates in figures, Russian word order, function words and typos, examples."""
    assert_answers(answerer, message, expected, rejected)


def test_a_year_looked_back_to_and_the_year_after_a_russian_date(reader: Reader) -> None:
    # the previous year a speaker looks back to is no last meeting
    q = reader.read("What did Xi say about the party congress China held the previous year?")
    assert q.said and q.slots.select == ""
    assert reader.read("when did they meet last year").slots.select == "last"
    # "2023 года": the year's case ending, no word "year"
    assert "year" not in reader.read("Где был Си 21 марта 2023 года?").words
    # "the May meeting" is the month
    assert reader.read("what did xi say at the may meeting").slots.months == (5,)


@pytest.mark.parametrize(
    ("message", "said"),
    [("Кто говорил, что дружба должна передаваться из поколения в поколение?", True),
     ("Что Си имел в виду под «пирогом» сотрудничества?", True),
     ("Сколько раз Си виделся с Путиным, по его словам?", True),
     ("о чём договорились сотрудничать в 2025", False),  # "договорились" holds "говор"
     ("Кто предложил помощь после землетрясения?", False)],  # offered aid: no saying
)  # fmt: skip
def test_russian_verbs_of_saying(reader: Reader, message: str, said: bool) -> None:
    assert reader.read(message).said is said


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("Кто предложил помощь после землетрясения в Ганьсу?", "Мишустин", "Извините"),
     ("Где был Си Цзиньпин 21 марта 2023 года?", "Москва", "Пекин"),
     ("Where was Mishustin in May 2023?", "Beijing", "Moscow"),
     ("What did Xi say about the party congress China held the previous year?",
      "20th National Congress", "Sorry")],
)  # fmt: skip
def test_wordings_of_the_used_sets(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """Aid offered in Russian (a region named in Russian is the facts' word), where someone was
    on a day, a year looked back to."""
    assert_answers(answerer, message, expected, rejected)


def test_aid_accepted_is_a_claim_to_check(answerer: Answerer) -> None:
    reply = answerer.ask("Сколько помощи Китай принял от России после землетрясения?")
    assert not reply.matched and "не сказано" in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("Was the December 2023 meeting held in Moscow?", "No. They met in Beijing", "Sorry"),
     ("была ли встреча в декабре 2023 в Москве?", "Нет. ", "Извините"),
     ("was the last meeting in Moscow?", "No. They met in Beijing (November 4, 2025)", "Sorry"),
     ("did they meet in moscow in may 2023?", "No. They met in Beijing (May 24, 2023", "Sorry")],
)  # fmt: skip
def test_a_yes_or_no_question_about_a_meeting_held_elsewhere_is_answered_no(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    assert_answers(answerer, message, expected, rejected)


def test_a_meeting_asked_in_the_future_that_no_article_announces_is_declined(
    answerer: Answerer,
) -> None:
    for message in ("On what date will Xi Jinping travel to Russia?", "когда Си приедет в Россию"):
        reply = answerer.ask(message)
        assert not reply.matched and "2023" not in reply.text, reply.text
    # a question about a place asked without a yes or no still declines, naming the meeting then
    reply = answerer.ask("when did they meet in Moscow in May 2023?")
    assert not reply.matched and "May 24, 2023, Beijing" in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("What happened at the Xi-Mishustin meeting in March?", "state visit", "Sorry"),
     ("Could you please summarise the principal points of President Xi's meeting with Prime "
      "Minister Mishustin in March 2023?", "Meeting: March 21, 2023", "Sorry"),
     ("Please clarify in what capacity Prime Minister Mishustin travelled to China in May 2023.",
      "official visit", "tourism"),
     ("Please outline the sectors Prime Minister Mishustin highlighted in Moscow.", "aerospace",
      "Sorry"),
     ("Did AI come up in November 2025?", "artificial intelligence", "Sorry"),
     ("В какой провинции случилось землетрясение?", "Ганьсу", "Извините")],
)  # fmt: skip
def test_wordings_of_set_j(answerer: Answerer, message: str, expected: str, rejected: str) -> None:
    """Summaries asked formally or of two joined names, a trip as a visit (not tourism), what was
    highlighted or came up, a province asked in Russian."""
    assert_answers(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("what did mishustin wish china for the chinese new year", "Dragon", "15th Five-Year"),
     ("how strong was the earthquake in gansu that mishustin talked about", "6.2", "Sorry"),
     ("what did mishustin say about the five year plan in november twenty twenty five",
      "believes China will achieve", "Events mentioned"),
     ("what did xi say about the seventy fifth anniversary", "starting point", "Sorry")],
)  # fmt: skip
def test_what_was_said_in_its_own_words(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """A wish written "wishes" (which reads as greetings), a figure asked of what someone talked
    about, what a speaker said of a plan (his statement, not the plan's name), numbers dictated."""
    assert_answers(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("Встреча в декабре 2023 была в Москве?", "Нет. ", "Извините"),  # a yes or no by its "?"
     ("Какая встреча была второй по счёту?", "24 мая 2023", "21 марта"),
     ("Когда была самая поздняя встреча и где?", "4 ноября 2025", "21 марта"),
     ("ну и чё мишустин про пленум сказал в 25-м", "пленум", "Извините"),
     ("а где они виделись в декабре 23-го?", "Пекин", "Москва"),
     ("Что Мишустин сказал про 15-ю пятилетку Китая?", "15th Five-Year Plan", "Извините"),
     ("Какой по счёту пленум упоминался на встрече в 2025 году?", "4-й пленум", "Извините"),
     ("Прошу уточнить, в каком качестве премьер-министр Мишустин посетил Китай в мае 2023 года.",
      "официальный визит", "Извините")],
)  # fmt: skip
def test_russian_wordings_of_set_j(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """Russian: a yes-or-no question told by its question mark, an order in the instrumental,
    "самая поздняя", years with case endings ("в 25-м", "23-го"), an ordinal's ending, "по
    счёту" (an ignored phrase), "в каком качестве"."""
    assert_answers(answerer, message, expected, rejected)


def test_a_russian_acronym_is_no_start_of_a_word(reader: Reader) -> None:
    """ "ВТО" (the WTO) declines as БРИКС does ("в БРИКСе"), but "второй" is not it."""
    assert reader.read("Какая встреча была второй по счёту?").slots.nth == 2
    assert ("#org", "World Trade Organization") in reader.read("что говорили о ВТО").names


def test_a_response_to_someone_elses_words_the_articles_do_not_tell_is_declined(
    answerer: Answerer,
) -> None:
    """Mishustin invited Xi to nothing: Xi's own words about an invitation are no response."""
    reply = answerer.ask("Что Си Цзиньпин ответил на приглашение Мишустина посетить Россию?")
    assert not reply.matched, reply.text
    assert_answers(answerer, "how did xi react to the condolences", "gratitude", "Sorry")


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("@бот ребят спор: кто сказал про многополярный мир, Си или Мишустин?", "Мишустин",
      "Извините"),  # the names are guesses: who said it is asked
     ("When was the third of the four meetings?", "December 20, 2023", "May 24"),
     ("who accompanied mishustin in march 2023", "Cabinet members", "Sorry")],
)  # fmt: skip
def test_who_said_it_and_the_nth_of_the_meetings(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    assert_answers(answerer, message, expected, rejected)


@pytest.mark.parametrize(
    ("message", "said"),
    [("Where in Beijing was the May 2023 meeting held?", "Where in Beijing"),  # no venue named
     ("где в Пекине прошла встреча в мае 2023", "где в Пекине"),
     ("Who accompanied Xi at the November 2025 meeting?", "accompanied"),  # no one else named
     ("who came with mishustin to beijing in december", "came with"),  # Wang Yi is China's
     ("Exactly how many ministers did Mishustin bring to Moscow?", "how many")],  # no number
)  # fmt: skip
def test_what_the_articles_do_not_say_is_declined_in_the_users_words(
    answerer: Answerer, message: str, said: str
) -> None:
    reply = answerer.ask(message)
    assert not reply.matched and f"({said})" in reply.text, reply.text


@pytest.mark.parametrize(
    ("message", "expected", "rejected"),
    [("Кто упомянул искусственный интеллект?", "Си Цзиньпин", "Сферы сотрудничества"),
     ("Чем Мишустин остался доволен на встрече в декабре 2023?", "satisfied", "Извините"),
     ("What was Mishustin satisfied with at the December 2023 meeting?", "steady growth",
      "Sorry"),
     ("Как Мишустин описал две встречи Путина и Си в 2023 году?", "two successful meetings",
      "Извините"),
     ("Что Мишустин сказал о мартовском визите Си в Россию, когда сам приехал в Пекин в мае?",
      "historic", "Извините")],
)  # fmt: skip
def test_russian_statements_of_set_j(
    answerer: Answerer, message: str, expected: str, rejected: str
) -> None:
    """Who mentioned something is asked of a speaker; being satisfied is an appraisal; "две",
    "визите" read as the English words."""
    assert_answers(answerer, message, expected, rejected)


def test_a_request_to_the_bot_is_no_saying_and_an_elliptical_part_follows_the_first(
    answerer: Answerer,
) -> None:
    """ "can you tell me who was at ..." asks who was there (the bot is told, not Xi); "On what
    dates was the forum held, and in which city?": the city of the forum, which no article
    gives, so both parts are declined (not the cities of the meetings)."""
    reply = answerer.ask("can you tell me who was at the meeting in december besides xi and "
                         "mishustin i think there was someone else")  # fmt: skip
    assert reply.matched and "Wang Yi" in reply.text, reply.text
    reply = answerer.ask("On what dates was the third Belt and Road Forum held, and in which city?")
    assert not reply.matched, reply.text


def test_a_yes_or_no_question_of_what_another_said_is_answered_no_and_by_whom(
    answerer: Answerer,
) -> None:
    """The speaker named did not say it, another did: no, and what the other said. Asked
    what he said (no yes or no), it stays declined; "чё" asks what."""
    reply = answerer.ask("Did Xi wish the Chinese a happy Year of the Dragon?")
    assert reply.text.startswith("No. Mikhail Mishustin said") and "Dragon" in reply.text
    assert not answerer.ask("What did Xi say about the Year of the Dragon?").matched
    assert not answerer.ask("мишустин чё про ии говорил?").matched
    assert_answers(answerer, "Did Mishustin say relations were at an all-time high in March 2023?",
                   "highest level in history", "Sorry")  # fmt: skip


def test_what_someone_wants_is_what_he_said(answerer: Answerer) -> None:
    """ "what does Mishustin want ..." asks his words, as "what did he say" does; "I would
    like to know which official ..." is the user's wish."""
    assert answerer.reader.read("what does mishustin want to do with trade").said_weakly
    assert not answerer.reader.read("I would like to know which official was present").said


def test_a_fact_another_did_is_not_what_the_speaker_asked_said(answerer: Answerer) -> None:
    """Mishustin's condolences are his: "according to Xi" asks what Xi said of the quake."""
    text = answerer.ask("which provinces did the earthquake hit, according to Xi?").text
    assert "Qinghai" in text and "conveyed sympathies" not in text, text


def test_tell_me_in_russian_asks_nothing_of_its_own(answerer: Answerer) -> None:
    """ "Расскажи про юбилей, о котором говорил Си": "расскажи" (tell me) is no topic word."""
    text = answerer.ask("Расскажи про юбилей, о котором говорил Си в декабре 2023 года.").text
    assert "75th anniversary" in text, text


@pytest.mark.parametrize(
    ("message", "rejected"),
    [("when did xi arrive in moscow?", "March 21"),
     ("when did Mishustin arrive in Beijing?", "December 20"),
     ("who met mishustin at the airport?", "Xi Jinping"),
     ("who greeted him when he landed?", "Xi Jinping"),
     ("how long did Mishustin stay in China?", "Beijing"),
     ("когда Мишустин прилетел в Пекин?", "20 декабря"),
     ("кто встречал Мишустина в аэропорту?", "Си Цзиньпин")],
)  # fmt: skip
def test_an_arrival_no_article_gives_is_declined(
    answerer: Answerer, message: str, rejected: str
) -> None:
    """The seeds report meetings, no arrival: neither the meeting's date nor who met there is
    when he arrived or who met him on arrival."""
    reply = answerer.ask(message)
    assert not reply.matched and rejected not in reply.text, reply.text


def test_an_arrival_is_a_claim_the_meetings_facts_do_not_make(answerer: Answerer) -> None:
    """Asked of the meeting's date, "arrive" is a claim word no meeting fact says."""
    picker = answerer.picker
    q = answerer.matcher.reader.read("when did xi arrive in moscow?")
    dated = next(i for i in picker.intents.values() if i.asks == "date")
    meetings = [f for f in answerer.table.facts if f.kind == "meeting"]
    assert picker.answerable.unsaid(dated, q, meetings) == ("arrive",)


def test_a_paraphrases_words_no_fact_holds_weigh_little(answerer: Answerer) -> None:
    """ "festive wish ... offer": no fact says them, so "Chinese people" finds the wish; a topic
    no fact holds at all is still declined."""
    text = answerer.ask("What festive wish did Mishustin offer the Chinese people in December "
                        "2023?").text  # fmt: skip
    assert "Year of the Dragon" in text, text
    assert not answerer.ask("What did Mishustin say about the football match?").matched


@pytest.mark.parametrize(
    "message",
    ["Where will the 75th anniversary celebrations be held?",  # no fact says where
     "By how much did mutual investment grow in 2025?"],
)  # fmt: skip
def test_a_fact_near_the_question_is_no_answer_to_it(answerer: Answerer, message: str) -> None:
    assert not answerer.ask(message).matched
