"""``SourceIndex``: each fact's ``Source``, made once per table.

An answer lists the sources of all its facts, without repeats, in order. With a thousand articles
one answer can hold thousands of facts; building and hashing a ``Source`` for each took ~20 ms
(issue 5). Here every fact gets the number of its Source once, and an answer dedupes numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from .facts import Fact
from .render import Source


def fact_source(fact: Fact) -> Source:
    """Where ``fact`` came from, as replies show it."""
    return Source(f"{fact.article}.txt", fact.source, fact.curated.replace("curated: ", "", 1))


class SourceIndex:
    """The Sources of a table's facts; equal Sources share one number."""

    def __init__(self, facts: Iterable[Fact]):
        numbers: dict[Source, int] = {}
        self._number: dict[int, int] = {}  # id(fact) -> number; the table keeps the facts alive
        self._facts = list(facts)  # and so does this, so ids stay unique
        for fact in self._facts:
            self._number[id(fact)] = numbers.setdefault(fact_source(fact), len(numbers))
        self._sources = list(numbers)

    def sources(self, facts: Iterable[Fact]) -> tuple[Source, ...]:
        """The distinct Sources of ``facts`` in first-seen order (facts of other tables too)."""
        facts = facts if isinstance(facts, list | tuple) else list(facts)
        try:
            numbers = dict.fromkeys(map(self._number.__getitem__, map(id, facts)))
        except KeyError:  # a fact that is not from the table
            return tuple(dict.fromkeys(map(fact_source, facts)))
        return tuple(map(self._sources.__getitem__, numbers))
