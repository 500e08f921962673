"""A question's clause that chooses the meeting by its occasion: "during Mishustin's official
visit to China", "when Xi was on his state visit", "во время официального визита Мишустина",
"с официальным визитом". The clause says which meeting; the rest of the question says what is
asked about it ("what did Xi say about trade during Mishustin's official visit": trade).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lazyre import lazy_re
from .text import normalize

# The kinds of visit an occasion fact has (its qualifier), as a question writes them
_KINDS = (("official", "official"), ("state", "state"), ("working", "working"),
          ("friendly", "friendly"), ("официальн", "official"), ("государствен", "state"),
          ("рабоч", "working"), ("дружеск", "friendly"))  # fmt: skip
_EN = lazy_re(
    r"\b(?:during|on|in\s+the\s+course\s+of|at\s+the\s+time\s+of|(?:while|when)\s+[\w'’]+\s+"
    r"(?:was|were)\s+(?:on|in\s+\w+\s+on|visiting\s+\w+\s+on))\s+(?:(?:his|her|their|the|a|an|"
    r"that|this|[A-Z]?[\w-]+['’]s?)\s+)?(?P<kind>(?:(?:official|state|working|friendly|"
    r"\w+-day)\s+){1,2})(?:visit|trip)\b(?:\s+to\s+(?:the\s+)?[A-Z]?[\w-]+)?",
    re.I,
)
_RU = lazy_re(
    r"(?:\bс|\bво\s+время|\bв\s+ходе|\bпри)\s+(?:\w+\s+)?(?P<kind>(?:официальн|государствен|"
    r"рабоч|дружеск)\w*)\s+визит\w*(?:\s+(?!в\b)\w+)?(?:\s+в\s+\w+)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Occasion:
    """The kinds of visit a clause names ("official") and its words (normalised)."""

    kinds: frozenset[str]
    words: frozenset[str]


def occasion(text: str) -> Occasion | None:
    """The occasion clause of a question, or None."""
    low = text.lower()
    if not any(stem in low for stem, _ in _KINDS) and "-day" not in low:
        return None  # (most questions: no kind of visit, no clause)
    m = _EN.search(text) or _RU.search(text)
    if m is None:
        return None
    written = m.group("kind").lower()
    kinds = frozenset(kind for stem, kind in _KINDS if stem in written)
    if not kinds:
        return None
    return Occasion(kinds, frozenset(normalize(m.group()).split()))


__all__ = ["Occasion", "occasion"]
