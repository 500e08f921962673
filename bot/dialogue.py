"""Follow-ups in context: "and where?", "what about 2025?", "who else was there?", "а в 2023?".

The core stays stateless: a ``Context`` (the intent of the last answer and the meetings it was
about) is a value the shells keep, per user in each chat, and pass back with the next message;
after ``TTL`` seconds it is forgotten. ``Dialogue.turn`` combines it with the new question:

- a message that opens like a follow-up ("and ...", "what about ...", "а ...") is read without
  that opening; with nothing left but a time, place or order ("in 2023", "the Moscow one",
  "the second") it asks the last intent again about those meetings;
- a follow-up or a message that points back ("there", "then", "else", "its", "там", "ещё") and
  chooses no meetings itself is about the last answer's meetings;
- anything else is a question of its own, and so is every message without a context (a bare
  "what about 2023?" then asks for a summary of those meetings, if an intent summarises).

Word ordinals ("the second meeting", "о третьей встрече"), "the one before it" and venues ("at the
Great Hall of the People") choose meetings here too. No I/O, no clock: the caller passes ``now``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .facts import FactTable, Meeting
from .intents import Intent
from .kinds.venue import KIND as VENUE
from .lazyre import lazy_re
from .match import Match, Matcher
from .phrases import Phrases
from .question import QUESTION_WORDS, Question, Reader

TTL = 600.0  # seconds a context lasts after the answer that made it
NEAR = 0.8  # a short follow-up ("where?") may ask an intent it scores this share of the threshold

# The opening of a follow-up, removed before the rest is read ("and where?" -> "where?").
_LEAD = lazy_re(
    r"^\s*(?:(?:ok|okay|well|so|fine|hmm)[\s,.!]+)*"
    r"(?:and\s+what\s+about|and\s+how\s+about|what\s+about|how\s+about|and|also|"
    r"а\s+как\s+насч[её]т|а\s+насч[её]т|как\s+насч[её]т|что\s+насч[её]т|ну\s+а|а|и)\b[\s,.]*",
    re.I,
)
# Words that point back at the last answer's meetings.
_BACK = lazy_re(
    r"\b(?:there|then|else|exactly|precisely|the same|that (?:meeting|day|time|visit|one)|it|its|"
    r"was that|at that|this meeting)\b|(?<!\w)(?:там|тогда|ещ[её]|именно|на ней|этой встреч\w*|"
    r"той встреч\w*)(?!\w)",
    re.I,
)
# A new subject: "ok, different question: ..." is read without it, and without the context.
_SWITCH = lazy_re(r"^\s*(?:(?:ok|okay|well|so)[\s,.!]+)*(?:a\s+)?(?:different|another|new|other)"
                  r"\s+(?:question|topic)\b[\s,.:;!-]*|^\s*(?:другой|новый)\s+(?:вопрос|тема)"
                  r"[\s,.:;!-]*", re.I)  # fmt: skip
# "the one before it", "the previous one"; "the one after", "the next one".
_BEFORE = lazy_re(r"\b(?:before (?:it|that|this)|the one before|previous one|earlier one|"
                  r"prior one)\b|(?<!\w)(?:предыдущ\w*|до (?:неё|нее|этого|той|этой))(?!\w)",
                  re.I)  # fmt: skip
_AFTER = lazy_re(r"\b(?:after (?:it|that|this)|the one after|next one|following one|later one)\b"
                 r"|(?<!\w)(?:после (?:неё|нее|этого|той|этой)|следующ\w*)(?!\w)",
                 re.I)  # fmt: skip
_NTH_EN = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}  # fmt: skip ("first"/"last": Slots.select)
_NTH_RU = {"втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
           "восьм": 8, "девят": 9, "десят": 10}  # fmt: skip
_NTH = lazy_re(
    r"\b(" + "|".join(_NTH_EN) + r")\b|(?<!\w)(" + "|".join(_NTH_RU) + r")"
    r"(?:ой|ая|ую|ого|ом|ое|ый|ий|ым|ья|ьей|ью|ье|ьего|ьем|ьим)(?!\w)",
    re.I,
)
# Question words that never ask for a summary ("who was at the great hall meeting" asks who).
_ASKING = frozenset({"when", "where", "who", "why", "how"})
_NAME_WORDS = 3  # words of a place's name, at most ("st petersburg", "санкт петербург")
# Markers of what chooses meetings (a name like "#org" is a topic: "what about the SCO?").
_SELECTING = frozenset({"#year", "#month", "#place"})
# What follows an ordinal that counts meetings: a word for them, or nothing.
_COUNTED = lazy_re(r"\s*(?:(?!regular\b|регулярн)[\w'-]+\s+){0,2}?(?:meetings?|one|talks|"
                   r"visits?|time|встреч\w*|раз|переговор\w*|визит\w*)\b|\s*[?!.]*\s*$",
                   re.I)  # fmt: skip
# What may be left of a follow-up that only chooses meetings ("in 2023", "the moscow one",
# "о второй"): canonical tokens besides slot and name markers.
_BARE = frozenset({"in", "at", "on", "for", "with", "from", "one", "ones", "before", "after",
                   "it", "that", "this", "then", "there", "exactly", "precisely", "about",
                   "meet", "year", "month", "first", "last", "previous", "next", "what", "how",
                   "was", "those", "these", "earlier", "later", "same", "в", "во", "на", "о",
                   "об", "с", "со", "за", "до", "после", "тот", "тогда", "именно", "этой", "той",
                   "ту", "эту", "месяц", "раз"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Context:
    """What a follow-up refers to: the last answer's intent and meetings, and when it was."""

    intent: str
    meetings: tuple[str, ...]  # meeting ids, chronological
    weekday: bool = False  # the last question asked for the day of the week too
    at: float = 0.0  # the shell's clock (seconds) when it was made

    def fresh(self, now: float, ttl: float = TTL) -> bool:
        """Still in force at ``now`` (a clock that went back a little counts as fresh)."""
        return abs(now - self.at) <= ttl

    def to_json(self) -> list[Any]:
        """Plain data, for PTB's chat_data (and its persistence): no class of ours is pickled."""
        return [self.intent, list(self.meetings), self.weekday, self.at]

    @classmethod
    def from_json(cls, data: Any) -> Context | None:
        """Inverse of ``to_json``; None for anything else (an older or damaged entry)."""
        if not isinstance(data, list | tuple) or len(data) != 4:
            return None
        intent, meetings, weekday, at = data
        if (not isinstance(intent, str) or not isinstance(meetings, list | tuple)
                or not all(isinstance(m, str) for m in meetings) or not isinstance(weekday, bool)
                or not isinstance(at, int | float) or isinstance(at, bool)
                or not math.isfinite(at)):  # fmt: skip
            return None
        return cls(intent, tuple(meetings), weekday, float(at))


@dataclass(frozen=True, slots=True)
class Turn:
    """How to answer a message: the question and intent to pick with, and the meetings allowed."""

    question: Question
    match: Match
    within: frozenset[str] | None = None  # only these meetings; None: any
    followed: bool = False  # the context decided the intent or the meetings


class Dialogue:
    """Combines a message with the context of the conversation (pure: no state of its own)."""

    def __init__(self, table: FactTable, intents: Mapping[str, Intent], reader: Reader,
                 matcher: Matcher):  # fmt: skip
        self.table = table
        self.intents = intents
        self.reader = reader
        self.matcher = matcher
        self.summaries = Phrases(list(intents.values()), reader, "summary")
        self.summary = next((i.name for i in intents.values() if i.asks == "summary"), None)
        self._order = {m.id: n for n, m in enumerate(table.meetings)}

    @cached_property
    def _bare_words(self) -> frozenset[str]:
        return _BARE | {t for w in _BARE for t in self.reader.canon(w)[0]}

    def match(self, q: Question, words: list[str] | None = None) -> Match:
        """The intent of ``q``: a summary by its phrasing ("tell me about ..."), else scored.
        ``words``: ``Phrases.words(q.text)``, when the caller has them."""
        name = self.summaries.match(q, words)
        if name is not None and q.wh not in _ASKING:
            return Match(name, 1.0, name, ((name, 1.0),))
        return self.matcher.match(q)

    def turn(self, q: Question, match: Match, context: Context | None,
             joined: bool = False) -> Turn:  # fmt: skip
        """The question to answer, with the intent and meetings the context gives it.
        ``joined``: a later part of one message that asks several things ("what did Russia
        offer after the quake, and how did Xi respond?"): of the meeting the part before chose,
        unless it chooses its own."""
        switch = _SWITCH.match(q.text)
        if switch and switch.end() < len(q.text):
            q, context = self.reader.read(q.text[switch.end() :]), None
            match = self.match(q)
        lead = _LEAD.match(q.text)
        rest, rest_match = q, match
        if lead and lead.end() < len(q.text):
            rest = self.reader.read(q.text[lead.end() :])
            rest_match = self.match(rest)
        if rest_match.intent is None and self._refused(rest_match):
            return Turn(rest, rest_match)  # "and how many people died?": out of scope
        known = context is not None and context.intent in self.intents
        # "а в 2023 году?" is bare even if "году" sounds like a topic; a question of its own with
        # an intent ("were any of the meetings in russia") is not a follow-up
        bare = (rest_match.intent is None or lead is not None) and self._bare(rest)
        if bare:
            chosen = self._chosen(rest, context)
            if context is not None and known:  # "what about 2025?": the last intent again
                weekday = rest.weekday or context.weekday
                rest = dataclasses.replace(rest, weekday=weekday)
                within = chosen
                if within is None and not self._selects(rest):
                    within = frozenset(context.meetings)
                elif within is None and self.intents[context.intent].asks == "summary":
                    within = frozenset(self._ids(self._dated(rest)))
                return Turn(rest, self._forced(context.intent, rest_match), within, True)
            if self.summary and (chosen is not None or self._selects(rest)):
                within = chosen if chosen is not None else frozenset(self._ids(self._dated(rest)))
                return Turn(rest, self._forced(self.summary, rest_match), within)
        if (lead or known) and rest_match.intent is None and self._plain(rest, rest_match):
            rest_match = self._forced(rest_match.best, rest_match)  # "where?" is a question
        if rest_match.intent is None:  # read as a whole ("what about the sco?" is a question)
            if match.intent is None:
                return Turn(q, match)  # declined: nothing more to read
            rest, rest_match = q, match
        intent = self.intents[rest_match.intent or ""]
        chosen = self._chosen(rest, context, intent.about == "other")
        if chosen is None and intent.asks == "summary" and (rest.slots.years or rest.slots.months):
            chosen = frozenset(self._ids(self._dated(rest)))  # the meetings of 2023, not its facts
        if context is None or not known or intent.asks == "count":
            return Turn(rest, rest_match, chosen)
        if lead is None and not joined and not _BACK.search(q.text) and not self._short(rest):
            return Turn(rest, rest_match, chosen)  # a question of its own
        if chosen is not None or self._selects(rest):
            return Turn(rest, rest_match, chosen, True)  # "and who was there in 2025?"
        return Turn(rest, rest_match, frozenset(context.meetings), True)

    def _plain(self, q: Question, match: Match) -> bool:
        """A short follow-up that says plainly what it asks ("where?", "а когда именно?"): one
        or two words that say it, all known, that came close to an intent that answers."""
        best = self.intents.get(match.best)
        content = self._content(q)
        said = [t for t in q.tokens if not t.startswith("#")]
        return (0 < len(content) <= 2 and len(said) <= 3 and "meet" not in said
                and len(said) == len(q.tokens)
                and not set(q.unknown) - self._bare_words and best is not None
                and not best.declines and match.score >= NEAR * self.matcher.threshold)  # fmt: skip

    def _refused(self, match: Match) -> bool:
        """The message is confidently one of the intents that decline (out of scope)."""
        best = self.intents.get(match.best)
        return best is not None and best.declines and match.score >= self.matcher.threshold

    # --- reading what a follow-up says ------------------------------------------------------

    def _unchosen(self, q: Question) -> list[str]:
        """The tokens of ``q`` but its places, venues, countries and word ordinals."""
        text = _NTH.sub(" ", q.text)
        for section in ("places", "venues", "countries"):
            for start, end, _ in reversed(self.reader.gaz.spans(section, text)):
                text = text[:start] + " " + text[end:]
        return self.reader.canon(text)[0]

    def _bare(self, q: Question) -> bool:
        """Nothing but what chooses meetings: "in 2023?", "the moscow one", "о второй?"."""
        said = [t for t in q.tokens if t not in _SELECTING and t not in self._bare_words]
        if len(said) > _NAME_WORDS:
            return False  # more than a place's name besides: not bare (and no need to look)
        return all(t in _SELECTING or t in self._bare_words for t in self._unchosen(q))

    def _content(self, q: Question) -> list[str]:
        """The words of a question that say what it asks (not "was", "that", "именно" ...)."""
        return [t for t in self._unchosen(q)
                if not t.startswith("#") and t not in self._bare_words]  # fmt: skip

    def _short(self, q: Question) -> bool:
        """Nothing but a question word ("where?", "@bot who?"): it asks about the last answer;
        "which anniversary?" is a question of its own."""
        content = self._content(q)
        return bool(content) and all(t in QUESTION_WORDS for t in content)

    @staticmethod
    def _selects(q: Question) -> bool:
        s = q.slots
        return bool(s.years or s.months or s.places or s.venues or s.countries or s.select)

    def _chosen(self, q: Question, context: Context | None,
                other: bool = False) -> frozenset[str] | None:  # fmt: skip
        """The meetings the message itself names beyond what the picker reads: a venue (not of
        ``other`` meetings: "talks with Han Zheng at the Diaoyutai" are at their own venue), a
        word ordinal ("the second"), the one before or after the context's; None when it names
        none."""
        meetings: list[Meeting] | None = None
        if q.slots.venues and not other:
            venues = set(q.slots.venues)
            meetings = [m for m in self.table.meetings if venues & self.table.values(VENUE, m.id)]
        nth = q.slots.nth if q.slots.nth < 0 else _nth(q.text)  # (-2: the one before the last)
        if nth:
            pool = meetings if meetings is not None else self._dated(q)
            at = nth - 1 if nth > 0 else nth
            meetings = [pool[at]] if abs(nth) <= len(pool) else []
        if context is not None and context.meetings and meetings is None:
            known = sorted(self._order[m] for m in context.meetings if m in self._order)
            if known and _BEFORE.search(q.text):
                meetings = [self.table.meetings[known[0] - 1]] if known[0] > 0 else []
            elif known and _AFTER.search(q.text):
                last = known[-1] + 1
                meetings = [self.table.meetings[last]] if last < len(self.table.meetings) else []
        return None if meetings is None else frozenset(m.id for m in meetings)

    def _dated(self, q: Question) -> list[Meeting]:
        """The meetings in order, within the message's years, months and places if it names
        some ("the second meeting in 2023")."""
        s = q.slots
        return [m for m in self.table.meetings
                if (not s.years or (m.date is not None and m.date.year in s.years))
                and (not s.months or (m.date is not None and m.date.month in s.months))
                and (not s.places or m.place in s.places)]  # fmt: skip

    @staticmethod
    def _ids(meetings: list[Meeting]) -> list[str]:
        return [m.id for m in meetings]

    def _forced(self, name: str, match: Match) -> Match:
        """A match for intent ``name``, which the context (not the message's words) chose."""
        return Match(name, match.score, name, ((name, match.score),))


def _nth(text: str) -> int:
    """The word ordinal in ``text`` that counts meetings ("the second meeting", "and the third?",
    "о третьей встрече"), or 0; "the third Belt and Road Forum" counts forums."""
    m = _NTH.search(text)
    if not m or not _COUNTED.match(text[m.end() :]):
        return 0
    if m.group(1):
        return _NTH_EN[m.group(1).lower()]
    return _NTH_RU[m.group(2).lower()]


__all__ = ["TTL", "Context", "Dialogue", "Turn"]
