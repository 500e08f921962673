"""What a question asks an answer to give, and whether a fact gives it: a length ("three-day"), a
day, years, a number, the months of a period ("the first seven months", "the full year"), an
ordinal in words or digits ("the 28th", "the third"). Pure text work, for the picker's checks."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .facts import Fact
from .lazyre import lazy_re
from .question import Question
from .text import FIRST_MONTHS, NUMBER_WORDS, ORDINAL_WORDS, Pattern, month_number

# What a fact gives: a length ("three-day", "two hours"), a day ("December 20"), a year, a number.
DURATION = lazy_re(r"\b(?:\d+|one|two|three|four|five|six|seven|ten)[- ](?:day|days|hour|hours|"
                      r"minute|minutes|week|weeks)\b|\ban\s+hour\b|\b(?:днев|часов|час\b|часа\b|минут)",
                      re.I)  # fmt: skip
DAY_GIVEN = lazy_re(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|"
                       r"April|May|June|July|August|September|October|November|December)\b|"
                       r"\d{4}-\d\d-\d\d")  # fmt: skip
# Who met a guest on arrival ("who met Mishustin at the airport", "кто встречал ... в аэропорту"):
# a fact gives them when it names them (``bot.kinds.arrival``: "met on arrival by").
_GREETERS_ASKED = lazy_re(
    r"\b(?:who|whom)\b.*?\b(?:met|meet|greet\w*|welcom\w*)\b.*?(?P<at>\bairport\b|\bplane\b|"
    r"\blanded\b|\bland(?:ing)?\b|\barriv\w*|\btouched\s+down\b)"
    r"|\bкто\b.*?\b(?:встреча\w*|встретил\w*|приветствова\w*)\b.*?(?P<ru>аэропорт\w*|прил[её]т\w*|"
    r"прибыт\w*|прибыл\w*|трап\w*)",
    re.I,
)
GREETERS_GIVEN = lazy_re(r"\bmet on arrival by\b")
# A count of people asked ("how many people died", "сколько человек пострадало") and given
_PEOPLE_COUNTED = lazy_re(r"\bhow\s+many\s+(?:people|persons|lives|victims|dead|casualties)\b|"
                          r"\bсколько\s+(?:человек|людей|погибших|пострадавших|жертв)",
                          re.I)  # fmt: skip
_PEOPLE_GIVEN = lazy_re(r"\d[\d,.]*\s+(?:people|persons|lives|victims|dead|killed|injured|"
                        r"человек|погибш|пострадавш)", re.I)  # fmt: skip
YEAR_GIVEN = lazy_re(r"\b(?:19|20)\d\d\b")
# "what exact time did the meeting start", "в котором часу": a clock time, not a part of the day
_CLOCK_ASKED = lazy_re(
    r"\bexact\s+time\b|\bwhat\s+time\s+exactly\b|\bexactly\s+what\s+time\b|\bat\s+what\s+hour\b|"
    r"\bwhat\s+(?:exact\s+)?hour\b|\bto\s+the\s+minute\b|"
    r"\bв\s+котором\s+часу\b|\bво\s+сколько\s+(?:именно|точно)\b|\bточное\s+время\b",
    re.I,
)  # fmt: skip ("во сколько": what time)
CLOCK_GIVEN = lazy_re(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", re.I)
NUMBER_GIVEN = lazy_re(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|dozen|twice)\b", re.I)  # fmt: skip

_WHOLE_YEAR = Pattern(r"\b(?:full|whole|entire)[- ]year\b|\bfor (?:the )?(?:whole|entire|full) "
                      r"year\b|\b(?:the\s+)?(?:whole|entire)\s+of\s+\d{4}\b|"
                      r"за (?:весь|полный|целый)(?: \d{4})? год|"
                      r"по итогам(?: всего)?(?: \d{4})? года",
                      re.I)  # fmt: skip
FULL_YEAR = 12  # the months of a whole year
TARGET = lazy_re(r"\b(?:target|goal|aim|objective|plan(?:ned)?|set)\b|цел[ьи]|план", re.I)
GROWTH = lazy_re(r"\b(?:grow|grew|growth|rise|rose|increase[sd]?|up by|jump(?:ed)?)\b"
                 r"|рост|вырос", re.I)  # fmt: skip
# A figure for part of a year ("in the first 11 months", "January-August", "Q1")
_PART_OF_YEAR = lazy_re(r"\bfirst\s+\w+\s+months\b|\b(?:quarter|half)\b|\bQ[1-4]\b|"
                        r"\b(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November)\s*[-–]\s*[A-Z][a-z]+\b|первые\s+\w+\s+месяц|"
                        r"квартал|полугоди", re.I)  # fmt: skip
_QUARTER = lazy_re(r"\bfirst\s+(quarter|half)\b|\bперв\w*\s+(квартал|полугоди)", re.I)
_MONTH_SPAN = lazy_re(r"\b([A-Za-zА-Яа-яЁё]{3,9})\.?\s*[-–]\s*([A-Za-zА-Яа-яЁё]{3,9})\b")


def months_asked(text: str) -> int | None:
    """How many months a question's period has: "the first seven months", "January-November",
    "the full year" (12)."""
    if _WHOLE_YEAR.search(text):
        return FULL_YEAR
    quarter = _QUARTER.search(text)  # "the first quarter", "the first half of 2024"
    if quarter:
        part = (quarter.group(1) or quarter.group(2)).lower()
        return {"quarter": 3, "half": 6, "квартал": 3, "полугоди": 6}[part]
    m = FIRST_MONTHS.search(text)
    if m:
        word = (m.group(1) or m.group(2)).lower()
        return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    for span in _MONTH_SPAN.finditer(text):
        a, b = month_number(span.group(1)), month_number(span.group(2))
        if a and b and b >= a:
            return b - a + 1
    return None


@dataclass(frozen=True, slots=True)
class Demand:
    """Something a question asks an answer to give: the question's words for it (a decline
    quotes them), whether a fact's display gives it, and whether only the facts that give it
    answer (a length, a day) or any of them giving it is enough (a number: the list stays)."""

    said: str
    gives: Callable[[str], bool]
    narrows: bool
    on_the_day: bool = False  # a day: what was said or done at a meeting of a known day gives it


def demands(q: Question, *, dates: bool = True, numbers: bool = True) -> list[Demand]:
    """What ``q`` asks an answer to give: a day or years (with ``dates``), a number (with
    ``numbers``: not for a count of meetings), a length."""
    out = []
    if dates and q.precision:
        given = DAY_GIVEN if q.precision == "day" else YEAR_GIVEN
        out.append(Demand(q.precision_as, lambda d: bool(given.search(d)), True,
                          on_the_day=q.precision == "day"))  # fmt: skip
    if numbers and q.how_many:
        out.append(Demand(q.how_many, lambda d: bool(NUMBER_GIVEN.search(d)), False))
    people = _PEOPLE_COUNTED.search(q.text)
    if numbers and people:  # "how many people were hurt": a number of people, not a magnitude
        out.append(Demand(people.group(), lambda d: bool(_PEOPLE_GIVEN.search(d)), True))
    if q.duration:
        out.append(Demand(q.duration, gives_length, True))
    greeters = _GREETERS_ASKED.search(q.text)
    if greeters:  # "who met him at the airport": the people who did, not the arrival alone
        said = greeters.group("at") or greeters.group("ru")
        out.append(Demand(said, lambda d: bool(GREETERS_GIVEN.search(d)), True))
    clock = _CLOCK_ASKED.search(q.text)
    if clock:
        out.append(Demand(clock.group(), lambda d: bool(CLOCK_GIVEN.search(d)), True))
    if months_asked(q.text) == FULL_YEAR:  # "the full-year total": not the first 11 months'
        out.append(Demand("full year", lambda d: not _PART_OF_YEAR.search(d), True))
    currency = _CURRENCY_ASKED.search(q.text)
    if currency and currency.lastgroup:  # "trade in yuan": a figure in yuan, not one in dollars
        given = _CURRENCY_GIVEN[currency.lastgroup]
        out.append(Demand(currency.group(), lambda d: bool(given.search(d)), True))
    return out


# A currency asked for ("in yuan", "в юанях"), by which one; how a figure's display gives it
_CURRENCY_ASKED = lazy_re(
    r"\bin\s+(?:(?P<yuan>yuan|rmb|renminbi)|(?P<rubles>rubles|roubles)|(?P<dollars>dollars|usd|us\s+"
    r"dollars))\b|\bв\s+(?:(?P<yuan_ru>юан)|(?P<rubles_ru>рубл)|(?P<dollars_ru>доллар))\w*",
    re.I,
)
_YUAN = lazy_re(r"\byuan\b|\bRMB\b|юан", re.I)
_RUBLES = lazy_re(r"\bru?bles?\b|\broubles?\b|рубл", re.I)
_DOLLARS = lazy_re(r"\$|\bdollars?\b|\bUSD\b|доллар", re.I)
_CURRENCY_GIVEN = {"yuan": _YUAN, "yuan_ru": _YUAN, "rubles": _RUBLES, "rubles_ru": _RUBLES,
                   "dollars": _DOLLARS, "dollars_ru": _DOLLARS}  # fmt: skip


# A proper name in a text: capitalised words, not the first of a sentence or a label
_PROPER = lazy_re(r"(?<![.!?:\"“«]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*"
                  r"(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]*)*")  # fmt: skip
_WHEN_GIVEN = lazy_re(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|"
    r"evening|yesterday|tomorrow|today|week|month|year|half|quarter)\b|\b(?:19|20)\d\d\b|"
    r"\b\d{1,2}[:.]\d\d\b",  # (a wire's "1740 --" is "At 17:40," by then: ``text.expand_wire``)
    re.I,
)


_AMOUNT_ASKED = lazy_re(r"\bhow\s+(?:many|much)\b|\bсколько\b|\bwhat\s+(?:number|amount|share|"
                        r"percentage|figure)\b", re.I)  # fmt: skip
_AMOUNT = lazy_re(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve|dozen|twice|hundreds?|thousands?|millions?|billions?)\b",
                  re.I)  # fmt: skip


def focus(q: Question) -> Demand | None:
    """What a question of an amount, or a who-, where- or when-question, asks a quoted sentence
    to give besides the question's own words: a number, a name (someone, somewhere) or a time.
    None for other questions."""
    own = {w.lower() for w in re.findall(r"[\w'’-]+", q.text)} | set(re.findall(r"\d+", q.text))
    if _AMOUNT_ASKED.search(q.text):  # "how much money": a number the question does not say
        return Demand("how much", lambda d: any(m.group() not in own for m in _AMOUNT.finditer(d)),
                      True)  # fmt: skip
    if q.wh not in ("who", "where", "when"):
        return None

    def new_name(display: str) -> bool:
        return any(any(w.lower() not in own for w in re.findall(r"[\w'’-]+", m.group()))
                   for m in _PROPER.finditer(display))  # fmt: skip

    def new_time(display: str) -> bool:
        return any(m.group().lower().split()[0] not in own for m in _WHEN_GIVEN.finditer(display))

    return Demand(q.wh, new_time if q.wh == "when" else new_name, True)


def gives_length(display: str) -> bool:
    """True when ``display`` says how long something lasted ("three-day state visit")."""
    return any(unit in display for unit in _UNITS) and bool(DURATION.search(display))


_UNITS = ("day", "hour", "minute", "week")  # (a cheap test before the pattern)


def numbered(fact: Fact, ordinals: tuple[int, ...]) -> bool:
    """True when the fact's number, or an ordinal in its display ("28th", "third"), is one of
    ``ordinals``."""
    return fact.number in ordinals or bool(_ordinal_pattern(ordinals).search(fact.display))


@functools.lru_cache(maxsize=64)
def _ordinal_pattern(ordinals: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern for ``ordinals`` in digits ("3rd") or in words ("third")."""
    words = [w for w, n in ORDINAL_WORDS.items() if n in ordinals]
    digits = rf"\b(?:{'|'.join(map(str, ordinals))})(?:st|nd|rd|th)\b"
    return re.compile(digits + (rf"|\b(?i:{'|'.join(words)})\b" if words else ""))


__all__ = [
    "DAY_GIVEN",
    "DURATION",
    "FULL_YEAR",
    "GREETERS_GIVEN",
    "GROWTH",
    "NUMBER_GIVEN",
    "TARGET",
    "YEAR_GIVEN",
    "Demand",
    "demands",
    "focus",
    "gives_length",
    "months_asked",
    "numbered",
]
