"""The strings every match of a regular expression contains, read from its parse tree.

A pattern that must contain "Forum" cannot match a sentence without it: a substring test
(~0.1 us) then spares the scan (2-20 us a sentence; an article's extraction runs ~150 patterns
over each of its sentences). ``bot.text.Pattern`` asks here once, when it first compiles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _parser  # type: ignore[attr-defined]  # the standard library's own parser
from typing import Any

from .lazyre import lazy_re

SHORTEST = 2  # a needle shorter than this is in nearly every sentence: no use as a guard
_INLINE_I = lazy_re(r"\(\?[a-zA-Z]*i[a-zA-Z]*[:)]")  # "(?i:" and "(?ai)": case-insensitive


def needles(source: str, flags: int = 0) -> tuple[tuple[str, ...], bool] | None:
    """(needles, folded): every match of ``re.compile(source, flags)`` contains one of the
    needles; ``folded``: the pattern ignores case somewhere, so the needles are lower case and
    are to be looked for in the lower-cased text (``Pattern`` checks the characters that
    case-insensitive matching equates with ASCII or Cyrillic letters apart). None when the
    pattern guarantees no string of ``SHORTEST`` characters or more.
    """
    tree = _parser.parse(source, flags)
    found = _sequence(tree.data)
    if found is None or min(map(len, found)) < SHORTEST:
        return None
    folded = bool(tree.state.flags & re.IGNORECASE) or _INLINE_I.search(source) is not None
    if folded:
        if not all(_foldable(ch) for n in found for ch in n):
            return None
        found = tuple(dict.fromkeys(n.lower() for n in found))
    return found, folded


def _foldable(ch: str) -> bool:
    """Whether lower-casing the text keeps ``ch`` findable where a case-insensitive pattern
    matches it: uncased characters, ASCII and Cyrillic letters (their exotic equivalents are
    ``text.CASE_EXOTIC``; ``tests/test_text.py`` checks every code point)."""
    return ch.lower() == ch.upper() or ch.isascii() or "\u0400" <= ch <= "\u052f"


def _sequence(items: Sequence[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """Strings one of which every match of the sequence ``items`` contains (the choice whose
    shortest string is longest), or None."""
    choices: list[tuple[str, ...]] = []
    run: list[str] = []  # consecutive literal characters: one string
    for op, av in items:
        if op is _parser.LITERAL:
            run.append(chr(av))
            continue
        if run:
            choices.append(("".join(run),))
            run = []
        got = _item(op, av)
        if got is not None:
            choices.append(got)
    if run:
        choices.append(("".join(run),))
    if not choices:
        return None
    return max(choices, key=lambda c: (min(map(len, c)), -len(c)))


def _item(op: Any, av: Any) -> tuple[str, ...] | None:
    """What every match of one item (not a literal) contains: a group's, a repeat's at least
    once, any branch's; nothing of a lookaround, a class, a backreference or a conditional."""
    if op is _parser.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is _parser.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        return _sequence(av[2].data) if av[0] >= 1 else None
    if op is _parser.BRANCH:
        branches = [_sequence(b.data) for b in av[1]]
        if any(b is None for b in branches):
            return None
        return tuple(dict.fromkeys(n for b in branches if b is not None for n in b))
    return None


__all__ = ["SHORTEST", "needles"]
