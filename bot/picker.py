"""Picking: the intent, the meetings and the facts that answer a ``Question`` (or why none do).

The question's slots choose the meetings (place, country, month, the people who were there);
in "when did they meet when they discussed the 75th anniversary" the question word picks the
intent and the topic picks the meeting. Years, ordinals, first/last and the question's own words
then choose the facts. No language and no wording here: that is ``bot.writer``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

from .facts import Fact, FactTable, Meeting
from .gazetteer import Gazetteer
from .intents import Intent
from .kinds.person import KIND as PERSON
from .match import Match, Matcher
from .memo import FactText
from .question import Question, Slots

# "When/where did they meet, the time they talked about X?": a question word (an intent's
# ``frame``) plus "meet" (the lexicon's word for every meeting verb) asks for the meeting, and
# the rest of the question picks which one.
MEET = "meet"
FRAME_AT = 2  # the framing word opens the question ("in which city did they meet when ...")
TOPIC_MIN = 0.35  # how well the rest of a framed question must match a topic intent
_FILLER = frozenset({"what", "which", "when", "where", "were", "they", "there", "meet", "meeting",
                     "about", "talk", "talked", "discussed", "mentioned", "with", "that", "this",
                     "time", "date"})  # fmt: skip
# Words that name no event in "which events were mentioned?" (an intent that ``narrow``s).
_NOT_NAMES = frozenset({"what", "which", "when", "were", "mentioned", "events", "event", "about",
                        "they", "there"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pick:
    """What answers a question: the intent and its facts (table order)."""

    intent: Intent
    facts: tuple[Fact, ...]
    weekday: bool = False  # the question asks for the day of the week too


@dataclass(frozen=True, slots=True)
class NoMeeting:
    """The slots no meeting of the articles matches: years, months, canonical names."""

    years: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    names: tuple[str, ...] = ()  # places, countries, people

    def __bool__(self) -> bool:
        return bool(self.years or self.months or self.names)


@dataclass(frozen=True, slots=True)
class Decline:
    """No answer, and why when it can be said."""

    best: str = ""  # the intent it came closest to ("" when none), for diagnostics
    outside: str = ""  # a person or place the articles do not cover
    no_meeting: NoMeeting = NoMeeting()
    out_of_scope: bool = False  # the closest intent is one that declines (``declines: true``)


class Picker:
    """Chooses meetings and facts from the table for a question and its match."""

    def __init__(self, table: FactTable, intents: Sequence[Intent], gaz: Gazetteer,
                 matcher: Matcher, text: FactText):  # fmt: skip
        self.table = table
        self.intents = {i.name: i for i in intents}
        self.matcher = matcher
        self.text = text
        self._frames = {t: i for i in intents for w in i.frame for t in matcher.reader.canon(w)[0]}
        self._country_of = {e.name: e.attr("country") for e in gaz.sections["places"]}

    def pick(self, q: Question, match: Match, within: Set[str] | None = None) -> Pick | Decline:
        """The facts that answer ``q``, or a Decline. ``within``: only these meetings (ids), as a
        conversation's context or a venue chose them (``bot.dialogue``); None: any."""
        intent, topic = self._framed(q, match)
        if intent is None:
            best = self.intents.get(match.best)
            return Decline(match.best, out_of_scope=best is not None and best.declines)
        s = q.slots
        # "Invite Putin to China" is not where they met; "did they meet in China" is.
        countries = s.countries if intent.about == "meeting" else s.countries_in
        if s.outside:
            return Decline(intent.name, outside=s.outside)
        meetings = self._meetings(s, countries)
        if within is not None:
            meetings = [m for m in meetings if m.id in within]
        if intent.about == "meeting" and s.people and topic is None:
            meetings = [m for m in meetings if self._has_people(m, s.people)]
        ordinals = s.ordinals
        if topic is not None:
            meetings = self._about(meetings, topic, q)
            ordinals = ()  # "the 75th" chose the meeting, not the fact
        no_meeting = NoMeeting(s.years, s.months, s.places + countries + s.people)
        if not meetings:
            return Decline(intent.name, no_meeting=no_meeting)
        facts = self._facts(intent, q, ordinals, meetings)
        if not facts:
            dated = {m.date.year for m in meetings if m.date}
            missed = no_meeting if s.years and not dated & set(s.years) else NoMeeting()
            return Decline(intent.name, no_meeting=missed)
        return Pick(intent, tuple(facts), intent.asks == "date" and q.weekday)

    # --- questions about one meeting, chosen by what was said there --------------------------

    def _framed(self, q: Question, match: Match) -> tuple[Intent | None, Intent | None]:
        """The intent to answer and, for "when did they meet when X was discussed", X's intent.

        The first framing word decides between date and place; the best-scoring other intent
        (trade, anniversary, a state visit...) then chooses the meeting.
        """
        intent = self.intents.get(match.intent or "")
        best = self.intents.get(match.best)
        if (best is not None and best.declines) or MEET not in q.words:
            return intent, None
        wanted = self._frames.get(q.focus)
        if wanted is None or q.words.index(q.focus) > FRAME_AT:
            return intent, None  # "what kind of visit was it when they met?" asks the kind
        scores = dict(match.scores)
        topic = next((other for name, score in match.scores if score >= TOPIC_MIN
                      and (other := self.intents.get(name)) is not None
                      and not other.frame and not other.declines and other.asks == "facts"
                      and self.matcher.typical(name, q.words, wanted.name)), None)  # fmt: skip
        if intent is None and (topic is None or scores.get(wanted.name, 0.0) < TOPIC_MIN):
            return None, None
        return wanted, topic

    def _about(self, meetings: list[Meeting], topic: Intent, q: Question) -> list[Meeting]:
        """The meetings where ``topic`` came up: those whose facts name most of the question's
        words."""
        ids = {m.id for m in meetings}
        facts = [f for k in topic.answers for f in self.table.find(k, ids)]
        if q.slots.ordinals:
            facts = [f for f in facts if _numbered(f, q.slots.ordinals)]
        words = q.content - _FILLER
        overlap = {f: len(words & self.text.content(f.display)) for f in facts}
        top = max(overlap.values(), default=0)
        keep = {f.meeting for f, n in overlap.items() if n == top}
        return [m for m in meetings if m.id in keep]

    # --- meetings and facts ------------------------------------------------------------------

    def _meetings(self, s: Slots, countries: tuple[str, ...]) -> list[Meeting]:
        meetings = list(self.table.meetings)
        if s.places:
            meetings = [m for m in meetings if m.place in s.places]
        if countries:
            meetings = [
                m for m in meetings if m.place and self._country_of.get(m.place) in countries
            ]
        if s.months:
            meetings = [m for m in meetings if m.date and m.date.month in s.months]
        return meetings

    def _has_people(self, meeting: Meeting, people: tuple[str, ...]) -> bool:
        present = self.table.values(PERSON, meeting.id)
        return all(p in present for p in people)

    def _facts(self, intent: Intent, q: Question, ordinals: tuple[int, ...],
               meetings: list[Meeting]) -> list[Fact]:  # fmt: skip
        ids = {m.id for m in meetings}
        year_of = {m.id: m.date.year if m.date else None for m in meetings}
        facts = [f for k in intent.answers for f in self.table.find(k, ids)]
        years = q.slots.years
        if years:
            facts = [f for f in facts if f.year in years or year_of.get(f.meeting) in years
                     or self.text.spans_year(f.display, years)]  # fmt: skip
        if intent.narrow:
            facts = self._narrow(facts, q)
        if ordinals:
            facts = [f for f in facts if _numbered(f, ordinals)]
        select = q.slots.select
        if select and intent.asks != "count" and facts:
            order = sorted({f.meeting for f in facts}, key=self.table.sort_key)
            keep = order[-1] if select == "last" else order[0]
            facts = [f for f in facts if f.meeting == keep]
        return facts

    def _narrow(self, facts: list[Fact], q: Question) -> list[Fact]:
        """Only the facts the question names, when it names some ("which five-year plan?")."""
        words = {w for w in q.content if not w.isdigit()} - _NOT_NAMES
        if not words:
            return facts
        named = [f for f in facts if words & self.text.value_words(f.value)]
        return named or facts


def _numbered(fact: Fact, ordinals: tuple[int, ...]) -> bool:
    """True when the fact's number, or an ordinal in its display, is one of ``ordinals``."""
    return fact.number in ordinals or any(
        re.search(rf"\b{n}(?:st|nd|rd|th)\b", fact.display) for n in ordinals)  # fmt: skip


__all__ = ["Decline", "NoMeeting", "Pick", "Picker"]
