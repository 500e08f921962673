"""Dates, sentences and normalising."""

from datetime import date

import pytest

from bot.text import (
    find_dates,
    format_date,
    normalize,
    relative_year,
    split_sentences,
    spoken_numbers,
)

REF = date(2024, 8, 22)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the morning of December 20, 2023, Xi met", date(2023, 12, 20)),
        ("in Moscow, Russia, March 21, 2023.", date(2023, 3, 21)),
        ("talks on 21 August 2024", date(2024, 8, 21)),
        ("BEIJING, Aug. 21 (Xinhua) --", date(2024, 8, 21)),
        ("published 2025-11-04", date(2025, 11, 4)),
        ("on 21.08.2024", date(2024, 8, 21)),
        ("20 декабря 2023 г.", date(2023, 12, 20)),
        ("met on Wednesday in Beijing", date(2024, 8, 21)),
        ("the talks held today", date(2024, 8, 22)),
        ("the meeting yesterday", date(2024, 8, 21)),
    ],
)
def test_find_dates_resolves_against_reference(text: str, expected: date) -> None:
    found = find_dates(text, REF)
    assert found and found[0].value == expected


def test_weekday_without_reference_is_unknown_not_invented() -> None:
    (mention,) = find_dates("met on Wednesday in Beijing", None)
    assert mention.value is None and mention.weekday == 2


def test_money_is_not_a_date() -> None:
    assert find_dates("$200 billion in the first 11 months", REF) == []


@pytest.mark.parametrize(
    ("text", "year"), [("next year", 2024), ("this year", 2023), ("last year", 2022)]
)
def test_relative_year(text: str, year: int) -> None:
    assert relative_year(f"the anniversary {text}", 2023) == year


def test_format_date_both_languages() -> None:
    assert format_date(date(2023, 12, 20)) == "December 20, 2023"
    assert format_date(date(2023, 12, 20), "ru") == "20 декабря 2023 г."


def test_sentences_keep_abbreviations_and_broken_pieces_together() -> None:
    text = (
        "Xi met Mishustin on Aug. 21 in Beijing. They talked. developed in a healthy way.\n"
        "Next line"
    )
    assert split_sentences(text) == [
        "Xi met Mishustin on Aug. 21 in Beijing.",
        "They talked. developed in a healthy way.",
        "Next line",
    ]


def test_a_stop_glued_to_the_next_sentence_ends_it() -> None:
    """Machine translations and scraped pages drop the space: "this year.According to"; a
    domain or initials keep their stops."""
    text = "Xi invited Putin to visit China this year.According to Xinhua, see www.gov.ru or U.S.A."
    assert split_sentences(text) == [
        "Xi invited Putin to visit China this year.",
        "According to Xinhua, see www.gov.ru or U.S.A.",
    ]


def test_normalize_strips_mentions_commands_emoji_and_punctuation() -> None:
    assert normalize("/ask@factbot @factbot YO when did they MEET?? 😀 $200 6.2-magnitude") == (
        "yo when did they meet $200 6.2 magnitude"
    )


# --- issue 13: weekdays with tense, relative days, a day and month without a year ---------------


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("On Monday, he will hold talks with Li Qiang", True, date(2024, 8, 26)),
        ("Tuesday's schedule includes a meeting with Xi", True, date(2024, 8, 27)),
        ("Later on Thursday he is scheduled to hold talks", True, date(2024, 8, 22)),  # same day
        ("he met Xi on Tuesday", False, date(2024, 8, 20)),
        ("last Tuesday's talks", True, date(2024, 8, 20)),  # "last" keeps its own direction
    ],
)
def test_a_weekday_in_the_future_tense_is_the_next_one(
    text: str, future: bool, expected: date
) -> None:
    (found,) = [d for d in find_dates(text, REF, future) if d.form == "weekday"]
    assert found.value == expected


def test_the_day_before_counts_from_the_reference() -> None:
    (found,) = find_dates("The day before, Mishustin and Li Qiang co-chaired", REF)
    assert found.value == date(2024, 8, 21)


def test_a_day_and_month_without_a_year_are_kept() -> None:
    (found,) = find_dates("Moscow, 3 Mar - Press-service", None)
    assert (found.value, found.month, found.day) == (None, 3, 3)
    assert find_dates("31 Feb", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("so in twenty twenty five what", "so in 2025 what"),
     ("in two thousand and twenty three", "in 2023"),
     ("about the seventy fifth anniversary", "about the 75th anniversary"),
     ("the twenty-eighth regular meeting", "the 28th regular meeting"),
     ("twenty one documents", "twenty one documents"),  # a count, no year
     ("twenty years of ties", "twenty years of ties"),
     # Russian years said in words: after a month, or before "год"; a day stays a day
     ("кто был в декабре двадцать третьего", "кто был в декабре 2023"),
     ("в ноябре двадцать пятого года", "в ноябре 2025 года"),
     ("в двадцать пятом году", "в 2025 году"),
     ("двадцать третьего декабря", "двадцать третьего декабря")],
)  # fmt: skip
def test_spoken_numbers_in_figures(text: str, expected: str) -> None:
    """Dictation writes years and ordinals in words; the reading knows them in figures."""
    assert spoken_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "day", "weekday"),
    [
        ("on Thursday, Feb. 6, Xi met the Thai prime minister", date(2024, 2, 6), 3),
        ("The next day, Monday, November 4, Xi received him", date(2024, 11, 4), 0),
        ("The day before, on December 19, the premiers met", date(2024, 12, 19), None),
        ("on Tuesday (March 21) they met", date(2024, 3, 21), 1),
    ],
)
def test_a_date_after_a_weekday_or_a_day_counted_names_that_day(
    text: str, day: date, weekday: int | None
) -> None:
    """ "on Thursday, Feb. 6" is February 6 (a Thursday), not the Thursday before the page."""
    (found,) = find_dates(text, REF)
    assert (found.value, found.weekday) == (day, weekday)
