"""Did you mean: questions close to one the bot declined, for the caller to check and offer.

Two sources of candidates: a question whose years, months or places no meeting has is rewritten
with those of real meetings ("... in Shanghai?" -> "... in Beijing?"), or without them; a
question that came close to an intent without reaching it gets that intent's example questions
that share most of its words. Candidates are only candidates: ``Answerer`` asks each one and
offers those that are answered. No wording of our own and no I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .facts import FactTable
from .gazetteer import Gazetteer
from .helptext import examples, question
from .intents import Intent
from .lazyre import lazy_re
from .match import Match
from .picker import Decline
from .question import Question, Reader
from .text import MONTH_NAMES, month_number

NEAR = 0.7  # a declined question came close when its best intent scored this share of the
# threshold
PER_SLOT = 3  # real years, months or places tried in place of one the question names
_YEAR = lazy_re(r"\b(?:19|20)\d\d\b")
_BEFORE = r"(?:\b(?:in|at|to|on)\s+|(?<!\w)(?:в|во|на)\s+)?"  # the preposition of a slot


class Suggester:
    """Candidate questions for a decline, best first."""

    def __init__(self, table: FactTable, intents: Mapping[str, Intent], reader: Reader,
                 gaz: Gazetteer, threshold: float):  # fmt: skip
        self.table = table
        self.intents = intents
        self.reader = reader
        self.gaz = gaz
        self.near = NEAR * threshold
        years = sorted({m.date.year for m in table.meetings if m.date}, reverse=True)
        self._years = [str(y) for y in years]
        self._places = list(dict.fromkeys(m.place for m in reversed(table.meetings) if m.place))
        self._months = list(dict.fromkeys(
            (m.date.year, m.date.month) for m in reversed(table.meetings) if m.date))  # fmt: skip

    def candidates(self, q: Question, match: Match, decline: Decline, lang: str) -> Iterator[str]:
        """Questions to try instead of ``q``, best first (the caller keeps those answered)."""
        if decline.out_of_scope or decline.outside:
            return
        if decline.no_meeting:
            for text in self._rewrites(q.text, lang):
                yield re.sub(r"\s+([?!.,;:])", r"\1", text)  # "когда они встречались ?"
        elif match.intent is None:
            yield from self._examples(q, match, lang)

    def _rewrites(self, text: str, lang: str) -> Iterator[str]:
        """``text`` with its years, months and places changed to real meetings', then without
        them (Russian place and month names would need other case forms: only removed)."""
        text = " ".join(text.split())
        for year in _YEAR.findall(text):
            near = sorted(self._years, key=lambda y: abs(int(y) - int(year)))  # the closest first
            for real in [y for y in near if y != year][:PER_SLOT]:
                yield re.sub(rf"\b{year}\b", real, text)
        if lang == "en":
            for word in re.findall(r"[A-Za-z]{3,}", text):
                number = month_number(word)
                others = [(y, m) for y, m in self._months if number and m != number]
                for y, m in others[:PER_SLOT]:
                    new = re.sub(rf"\b{word}\b", MONTH_NAMES[m - 1], text)
                    yield _YEAR.sub(str(y), new)  # and that meeting's year, if one is named
        spans = self.gaz.spans("places", text) + self.gaz.spans("venues", text)
        for start, end, _ in spans:
            if lang == "en":
                for place in self._places[:PER_SLOT]:
                    yield text[:start] + place + text[end:]
            head = re.sub(_BEFORE + r"$", "", text[:start], flags=re.I)
            yield " ".join((head + " " + text[end:]).split())
        head = text
        for year in _YEAR.findall(text):
            head = re.sub(_BEFORE + rf"\b{year}\b(?:\s*(?:года|году|год|г\.))?", "", head,
                          flags=re.I)  # fmt: skip
        if head != text:
            yield " ".join(head.split())

    def _examples(self, q: Question, match: Match, lang: str) -> Iterator[str]:
        """The example questions of the intents the question came closest to, each intent's
        sharing most words with it."""
        words = set(q.words)
        for name, score in match.scores[:3]:
            intent = self.intents.get(name)
            if score < self.near or intent is None or intent.declines or intent.talk:
                continue
            found = examples(intent, lang)
            best = max(found, default="", key=lambda e: len(words & set(self.reader.examples.get(
                e, ()))))  # fmt: skip
            if best:
                yield question(best)


__all__ = ["Suggester"]
