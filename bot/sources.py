"""``SourceIndex``: each fact's ``Source``, made once per table.

An answer lists the sources of all its facts, without repeats, in order. With a thousand articles
one answer can hold thousands of facts; building and hashing a ``Source`` for each took ~20 ms
(issue 5). Here every fact gets the number of its Source once, and an answer dedupes numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .facts import Fact
from .render import Source

_KEYS = 50_000  # facts' numbers remembered with a key that outlives the fact


def fact_source(fact: Fact) -> Source:
    """Where ``fact`` came from, as replies show it."""
    return Source(f"{fact.article}.txt", fact.source, fact.curated.replace("curated: ", "", 1))


class SourceIndex:
    """The Sources of a table's facts; equal Sources share one number. A fact gets its number
    when first seen (a stored table's facts are read as questions need them, bot/factstore.py);
    ``facts`` are numbered at once. ``key``: the table's ``fact_key``; with ``id`` (the default)
    every fact numbered is kept alive, so that its id stays its own; with a key that outlives
    the fact (a store's), none is, and the last ``_KEYS`` facts' numbers are remembered."""

    def __init__(self, facts: Iterable[Fact] = (), key: Callable[[Fact], int] = id):
        self._numbers: dict[Source, int] = {}
        self._number: dict[int, int] = {}  # key(fact) -> number
        self._key = key
        self._facts: list[Fact] | None = [] if key is id else None  # (see above)
        self._sources: list[Source] = []
        for fact in facts:
            self._add(fact)

    def _add(self, fact: Fact) -> int:
        source = fact_source(fact)
        number = self._numbers.setdefault(source, len(self._numbers))
        if number == len(self._sources):
            self._sources.append(source)
        if self._facts is not None:
            self._facts.append(fact)
        elif len(self._number) >= _KEYS:
            self._number.clear()
        self._number[self._key(fact)] = number
        return number

    def sources(self, facts: Iterable[Fact]) -> tuple[Source, ...]:
        """The distinct Sources of ``facts`` in first-seen order."""
        number = self._number.get
        key = self._key
        numbers = dict.fromkeys(n if (n := number(key(f))) is not None else self._add(f)
                                for f in facts)  # fmt: skip
        return tuple(map(self._sources.__getitem__, numbers))
