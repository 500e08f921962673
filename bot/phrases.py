"""Messages told by their phrasing: small talk (``asks: talk``) and summaries (``asks: summary``).

Neither is scored like a question: their examples would change what every question's words
weigh (the matcher's IDF), and their words ("hi", "tell me about", "recap") are not facts' words.
A message is one of them when it holds the words of one of the intent's examples, in their order,
and what they leave over may stay: for small talk, filler only (no word a question intent uses,
no name, date or number, and not more words than the examples covered: "thanks!" and "hi, who
are you?" are talk, "thanks, and where did they meet?" is a question); for a summary, also what
chooses meetings ("tell me about the Moscow meeting in 2023", "what happened when Mishustin
visited China"), but no word of a topic ("tell me about the trade target" asks about trade).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from .intents import Intent
from .lazyre import lazy_re
from .question import Question, Reader, stem
from .text import normalize

MIN_LEFT = (
    2  # filler words a message may hold besides its phrase's words, at least ("thanks a lot")
)
# Words a summary request may hold besides its phrase: the meetings, when and who met.
MEETING = (
    "meet meeting meetings talks visit visits trip встреча встречи встрече встречу переговоры "
    "переговорах визит визите"
)
MEETING_WORDS = (MEETING + " time their they them between both two leaders last first latest "
                 "previous recent earliest one in at on of with and or for about it that this "
                 "those these year years month когда их они между последней последняя первой "
                 "первая прошлой в на о об про с и это этой той год года году месяц second third "
                 "fourth fifth sixth seventh eighth ninth tenth второй вторая вторую третьей "
                 "третья третью четвертой четвертая пятой пятая")  # fmt: skip
# A clause that says which meeting: "what happened when Mishustin visited China?".
_CLAUSE = lazy_re(r"\b(?:when|while|during|after)\b|(?<!\w)(?:когда|во время|после)(?!\w)",
                  re.I)  # fmt: skip


_JOINED = lazy_re(r"(?<=\w)[-–](?=[A-ZА-ЯЁ])")  # a hyphen joining two names
# Markers a summary request may hold: when, where, who ("#org", "#area" are topics).
_CHOOSING = frozenset({"#year", "#month", "#number", "#place", "#person"})


@dataclass(frozen=True, slots=True)
class _Example:
    intent: str
    text: str
    words: frozenset[str]  # every word, as ``Phrases.words`` reads it
    order: tuple[str, ...]  # the same words in the example's order


class Phrases:
    """Finds the small-talk or summary intent a message is, if it is one."""

    def __init__(self, intents: Sequence[Intent], reader: Reader, asks: str):
        self.reader = reader
        self.asks = asks
        self._synonyms = reader.same_script_synonyms
        self._by_word: dict[str, list[_Example]] = {}
        for intent in intents:
            if intent.asks != asks:
                continue
            for text in intent.examples:
                words = self.words(text)
                if words:
                    example = _Example(intent.name, text, frozenset(words), tuple(words))
                    self._by_word.setdefault(min(example.words), []).append(example)
        self._canon: dict[str, frozenset[str]] = {}  # example -> its canonical words, when needed

    @cached_property
    def _spare(self) -> frozenset[str]:
        return frozenset(t for w in MEETING_WORDS.split() for t in self.reader.canon(w)[0])

    @cached_property
    def _meeting(self) -> frozenset[str]:
        return frozenset(t for w in MEETING.split() for t in self.reader.canon(w)[0])

    def words(self, text: str) -> list[str]:
        """Every word of ``text``: slang and forms through the lexicon (in the same alphabet),
        lightly stemmed; unlike a question's words, fillers ("you", "do", "bot") stay."""
        synonyms = self._synonyms
        out = []
        for tok in normalize(text, self.reader.max_chars).split():
            tok = synonyms.get(tok, tok)
            if " " not in tok:
                tok = stem(tok)
                tok = synonyms.get(tok, tok)
            out.append(tok)
        return out

    def match(self, question: Question, words: list[str] | None = None) -> str | None:
        """The intent ``question`` is, or None when it asks something else (or nothing).
        ``words``: ``self.words(question.text)``, when the caller has them already."""
        if not self._by_word:
            return None
        words = self.words(question.text) if words is None else words
        present = set(words)
        found: list[_Example] = [
            ex for w in present for ex in self._by_word.get(w, ())
            if ex.words <= present and _in_order(ex.order, words)
        ]  # fmt: skip
        if not found:
            return None
        covered = set().union(*(self._canonical(ex.text) for ex in found))
        summary = self.asks == "summary"
        chosen = False  # a summary request names the meetings, or is its phrase alone
        if summary:
            names = self._names(question)
            clause = _CLAUSE.search(question.text)
            told = set(self.reader.canon(question.text[clause.start() :])[0]) if clause else set()
            chosen = bool(names or told or self._meeting & set(question.tokens)
                          or _CHOOSING & set(question.tokens))  # fmt: skip
            covered |= self._spare | names | told
        left = 0
        for tok in question.tokens:
            if tok in covered or (summary and tok in _CHOOSING):
                continue
            if tok.startswith("#") or self.reader.repair(tok) is not None:
                return None  # a name, a date, a number or a word of a question
            left += 1
        spoken = len(present & set().union(*(ex.words for ex in found)))
        if left > max(MIN_LEFT, spoken) or (summary and left and not chosen):
            return None  # "расскажи шутку" is no summary
        last = {w: i for i, w in enumerate(words)}  # "thanks, bye" is a goodbye

        def weight(ex: _Example) -> tuple[int, int]:
            return len(ex.words), max(last[w] for w in ex.words)

        return max(found, key=weight).intent

    def _canonical(self, text: str) -> frozenset[str]:
        found = self._canon.get(text)
        if found is None:
            found = self._canon[text] = frozenset(self.reader.canon(text)[0])
        return found

    def _names(self, question: Question) -> set[str]:
        """The words of the people, places and countries a question names, as written and as
        named ("москве", "moscow")."""
        # ("the Xi-Mishustin meeting": two names)
        text, canon = _JOINED.sub(" ", question.text), self.reader.canon
        spans = [(a, b, e) for s in ("people", "places", "venues", "countries")
                 for a, b, e in self.reader.gaz.spans(s, text)]  # fmt: skip
        return {t for a, b, e in spans for t in canon(text[a:b])[0] + canon(e.name)[0]}


def _in_order(phrase: tuple[str, ...], words: list[str]) -> bool:
    """The phrase's words appear in ``words`` in its order, others between them allowed ("how
    does this bot work" holds "how does this work"; "you are a bot" does not hold "are you")."""
    it = iter(words)
    return all(w in it for w in phrase)


__all__ = ["Phrases"]
