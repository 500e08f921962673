"""What a question asks an answer to give, and whether a fact gives it: the months of a period
("the first seven months", "the full year"), a length ("three-day"), a number in words or digits
("the 28th", "the third"). Pure text work, shared by the picker's checks."""

from __future__ import annotations

import functools
import re

from .facts import Fact
from .question import DURATION
from .text import NUMBER_WORDS, ORDINAL_WORDS, month_number

_WHOLE_YEAR = re.compile(r"\b(?:full|whole|entire)[- ]year\b|\bfor (?:the )?(?:whole|entire|full) "
                         r"year\b|за весь год|за полный год|по итогам(?: всего)? года",
                         re.I)  # fmt: skip
FULL_YEAR = 12  # the months of a whole year
TARGET = re.compile(r"\b(?:target|goal|aim|objective|plan(?:ned)?|set)\b|цел[ьи]|план", re.I)
GROWTH = re.compile(r"\b(?:grow|grew|growth|rise|rose|increase[sd]?|up by|jump(?:ed)?)\b"
                    r"|рост|вырос", re.I)  # fmt: skip
_QUARTER = re.compile(r"\bfirst\s+(quarter|half)\b", re.I)
_FIRST_MONTHS = re.compile(r"\bfirst\s+(\w+)\s+months\b|первые\s+(\w+)\s+месяц", re.I)
_MONTH_SPAN = re.compile(r"\b([A-Za-zА-Яа-яЁё]{3,9})\.?\s*[-–]\s*([A-Za-zА-Яа-яЁё]{3,9})\b")


def months_asked(text: str) -> int | None:
    """How many months a question's period has: "the first seven months", "January-November",
    "the full year" (12)."""
    if _WHOLE_YEAR.search(text):
        return FULL_YEAR
    quarter = _QUARTER.search(text)  # "the first quarter", "the first half of 2024"
    if quarter:
        return {"quarter": 3, "half": 6}[quarter.group(1).lower()]
    m = _FIRST_MONTHS.search(text)
    if m:
        word = (m.group(1) or m.group(2)).lower()
        return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    for span in _MONTH_SPAN.finditer(text):
        a, b = month_number(span.group(1)), month_number(span.group(2))
        if a and b and b >= a:
            return b - a + 1
    return None


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


__all__ = ["FULL_YEAR", "GROWTH", "TARGET", "gives_length", "months_asked", "numbered"]
