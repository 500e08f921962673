"""``FactText``: what answers read off facts' texts (their words, periods, people), memoised.

With a thousand articles one answer can read ~7,000 facts; deriving these again for every
question made answers slow (issue 5). This is the one cache that fills while answering: it is
keyed by the facts' own displays and values, so it grows at most to the size of its table, never
with the questions asked. One ``FactText`` belongs to one table (``Answerer.from_table``).
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .question import stem
from .text import CONTENT_WORD


class FactText:
    """Memoised derivations of fact displays and values."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._content: dict[str, frozenset[str]] = {}
        self._value_words: dict[str, frozenset[str]] = {}
        self._periods: dict[str, tuple[tuple[int, int], ...]] = {}
        self._people: dict[str, int] = {}

    def content(self, display: str) -> frozenset[str]:
        """Words of 4+ letters and numbers, lower case (facts told apart by what they say)."""
        found = self._content.get(display)
        if found is None:
            found = self._content[display] = frozenset(
                re.findall(r"[a-z]{4,}|\d+", display.lower())
            )
        return found

    def value_words(self, value: str) -> frozenset[str]:
        """The words of four letters or more in a fact's value, and its codes ("G20"), as
        written and as stems."""
        found = self._value_words.get(value)
        if found is None:
            words = re.findall(CONTENT_WORD, value.lower().replace("-", " "))
            # (and their stems: a Russian question's words are read as English stems)
            found = self._value_words[value] = frozenset(words) | {stem(w) for w in words}
        return found

    def periods(self, display: str) -> tuple[tuple[int, int], ...]:
        """The periods ``display`` names ("2024-2025": (2024, 2025))."""
        periods = self._periods.get(display)
        if periods is None:
            found = re.findall(r"\b(\d{4})\s*[-–]\s*(\d{4})\b", display)
            periods = self._periods[display] = tuple((int(a), int(b)) for a, b in found)
        return periods

    def people(self, display: str) -> int:
        """How many gazetteer people ``display`` names."""
        found = self._people.get(display)
        if found is None:
            found = self._people[display] = len(self.gaz.find("people", display))
        return found


__all__ = ["FactText"]
