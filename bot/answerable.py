"""Answerability: whether the facts picked for a question answer what it asks, or only sit
next to it.

A question may claim what no fact says ("did Putin accept the invitation", "the $300 billion
target"), ask about something no article knows ("the G7", "the GDP target"), or count something
that is not meetings ("how many ministers"). Then the nearest facts are no answer: the picker
declines, saying what is missing. No wording here: the decline's words are ``bot.writer``'s.
"""

from __future__ import annotations

import itertools
import re

from .facts import Fact
from .gives import demands
from .intents import Intent
from .lazyre import lazy_re
from .match import Matcher
from .question import EMPHASIS, Question
from .relevance import Relevance

_COUNTED = lazy_re(r"\b(?:how\s+many|сколько)\s+((?:[\w'’–-]+\s*){1,3})", re.I)
# words after "how many" that count nothing ("how many did they have", "how many in 2023")
_FUNCTION_TOKENS = frozenset(
    {"did", "do", "does", "was", "were", "have", "had", "is", "are", "in", "of", "they", "there"}
    | {"#year", "#number", "#month"}
)
# what "how many ..." may count for a count intent: meetings, times (and their words)
_MEETING_WORDS = ("meet", "meetings", "times", "talks", "visits", "раз", "встреч", "встречи")
_MEMO = 10_000  # acronyms remembered
_FACT_WORDS = 50_000  # facts' words remembered (``_words``): a claim check may read 8,000
_ACRONYM = lazy_re(r"\b[A-Z][A-Z0-9]{1,5}\b")  # "GDP", "G7" (as written: not "us")


def lacks(q: Question, facts: list[Fact]) -> bool:
    """True when the question asks for a number, a length, a day or years that none of
    ``facts`` gives (a fallback answer never quotes a fact without them)."""
    return any(not any(d.gives(f.display) for f in facts) for d in demands(q))


def gives(fact: Fact, amount: str) -> bool:
    """True when the fact's display or sentence gives the figure ("200" in "$200 billion")."""
    pattern = rf"(?<![\d.]){re.escape(amount)}(?![\d]|\.\d)"
    return bool(re.search(pattern, fact.display) or re.search(pattern, fact.source))


class Answerable:
    """What a question claims or asks about that the facts picked for it do not give."""

    def __init__(self, matcher: Matcher, relevance: Relevance):
        self.matcher = matcher
        self.reader = matcher.reader
        self.relevance = relevance
        self._counted = frozenset(t for w in _MEETING_WORDS for t in self.reader.canon(w)[0])
        # each side of each pair of opposites, as the Reader reads its words
        self._opposites = [
            tuple(frozenset(t for w in side for t in self.reader.canon(w)[0]) for side in pair)
            for pair in self.reader.lexicon.opposites
        ]
        self._acronyms: dict[str, bool] = {}  # acronym -> known (``_known_acronym``)
        self._fact_words: dict[int, frozenset[str]] = {}  # fact key -> its words (``_words``)
        self._key = relevance.table.fact_key  # (a stored fact's outlives the fact: bot/factstore)

    def strange(self, q: Question) -> tuple[str, ...]:
        """Acronyms the question writes in capitals that no article, intent or name knows
        ("what GDP target does the plan set", "the G7"): what it asks about is not there."""
        found = _ACRONYM.findall(q.text)
        if not found:
            return ()
        letters = [c for c in q.text if c.isalpha()]
        if sum(c.isupper() for c in letters) * 2 > len(letters):  # "WHEN DID THEY MEET": shouted
            return ()
        return tuple(a for a in dict.fromkeys(found) if not self._known_acronym(a))

    def _known_acronym(self, acronym: str) -> bool:
        """True when an article, a name or the lexicon knows ``acronym`` (remembered)."""
        known = self._acronyms.get(acronym)
        if known is None:
            toks = self.reader.canon(acronym)[0]
            known = (acronym.lower() in self.reader.lexicon.synonyms or not toks  # "PM": lexicon
                     or any(t.startswith("#") or t in self.relevance.known
                            or t in self.relevance.name_of for t in toks)
                     or any(self.reader.gaz.find(section, acronym)  # "TASS": a news outlet
                            for section in self.reader.gaz.sections))  # fmt: skip
            if len(self._acronyms) < _MEMO:
                self._acronyms[acronym] = known
        return known

    def counts_meetings(self, q: Question) -> bool:
        """False when "how many"/"сколько" counts something else than meetings or times
        ("сколько министров было на встрече")."""
        m = _COUNTED.search(q.text)
        if m is None:
            return True
        reader = self.reader
        toks = [reader.repair(t, w) or t
                for w in m.group(1).split()[:3] for t in reader.canon(w)[0]]  # fmt: skip
        if any(t in self._counted for t in toks):  # "of their meetings", "раз"
            return True
        return not toks or toks[0] in _FUNCTION_TOKENS  # "how many did they have"

    def unsaid(self, intent: Intent, q: Question, facts: list[Fact]) -> tuple[str, ...]:
        """What the question claims that none of ``facts`` says: a figure, or a word of the
        lexicon's ``verify`` list. Only for facts said at a meeting (a question about the meeting
        itself chooses it by what was said there; statements are ranked by their words)."""
        if intent.rank != "none":
            return ()
        own = self.matcher.vocabulary(intent.name)
        if intent.about != "topic":  # the meeting itself: its figures chose it, not its facts,
            # and "the meeting that actually happened" is no claim about what was said
            return self.claims(q, facts, own | EMPHASIS, amounts=False)
        return self.claims(q, facts, own)

    def claims(self, q: Question, facts: list[Fact], own: frozenset[str] = frozenset(),
               amounts: bool = True) -> tuple[str, ...]:  # fmt: skip
        """The question's figures and claim words that none of ``facts`` gives (but ``own``)."""
        missing = [a for a in q.amounts if amounts and not any(gives(f, a) for f in facts)]
        missing += [w for w in q.verify
                    if w not in own and not any(w in self._words(f) for f in facts)]  # fmt: skip
        as_written = dict(zip(q.tokens, q.written, strict=False))  # the decline quotes the user
        for token, written in q.claimed_as.items():
            as_written.setdefault(token, written)
        return tuple(as_written.get(w, w) for w in missing)

    def flipped(self, q: Question, facts: list[Fact]) -> tuple[str, ...]:
        """The question's words whose opposite the facts say instead ("the worst in history" of
        facts saying "the highest"): its claim is the wrong way round."""
        toks = set(q.tokens)
        out: list[str] = []
        for a, b in self._opposites:
            for said, other in ((a, b), (b, a)):
                if toks & said and not toks & other and facts:
                    words = [self._words(f) for f in facts]
                    if not any(w & said for w in words) and any(w & other for w in words):
                        out += [t for t in q.tokens if t in said]
        as_written = dict(zip(q.tokens, q.written, strict=False))
        return tuple(dict.fromkeys(as_written.get(t, t) for t in out))

    def opposed(self, q: Question) -> bool:
        """Whether the question says a word of a pair of opposites (only then may ``flipped``
        find something, whatever the facts)."""
        toks = set(q.tokens)
        return any(toks & side for pair in self._opposites for side in pair)

    def words(self, fact: Fact) -> frozenset[str]:
        """The words of a fact's display and sentence, read as questions are."""
        return self._words(fact)

    def _words(self, fact: Fact) -> frozenset[str]:
        """The words of a fact's display and sentence, read as questions are (remembered)."""
        key = self._key(fact)
        found = self._fact_words.get(key)
        if found is None:
            found = frozenset(self.reader.canon(f"{fact.display} {fact.source}")[0])
            if len(self._fact_words) >= _FACT_WORDS:  # the oldest quarter goes (a large
                for old in list(itertools.islice(self._fact_words, _FACT_WORDS // 4)):
                    del self._fact_words[old]  # table's facts are not all kept)
            self._fact_words[key] = found
        return found


__all__ = ["Answerable", "gives", "lacks"]
