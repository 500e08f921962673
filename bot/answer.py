"""``Answerer.ask(text) -> Reply``: the one call every shell makes.

It matches the message to an intent, reads the slots that choose meetings (year, month, place,
first/last, people), picks the facts and renders them. Out of scope is a decline Reply, never an
exception; nothing here does I/O.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, groupby
from operator import attrgetter

from .config import Config
from .facts import Fact, FactKind, FactTable, Meeting
from .gazetteer import Gazetteer, gazetteer_from_data
from .glossary import Glossary, glossary_from_data, load_glossary
from .intents import Intent, Lexicon
from .intents import OUT_OF_SCOPE
from .match import Match, Matcher, entity_phrases
from .render import TELEGRAM_LIMIT, Line, Reply, render_decline, render_lines
from .russian import render as render_russian
from .sources import SourceIndex
from .text import MONTH_NAMES, format_date, is_russian, month_number, strip_controls, years_in

_LAST = re.compile(r"\b(?:last|lastly|latest|most recent|recent|recently|newest|previous|final)\b|"
                   r"последн|недавн|крайн", re.I)  # fmt: skip
_WEEKDAY = re.compile(r"day of (?:the )?week|weekday|день недели|какой день", re.I)
WEEKDAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
            "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")}
_FIRST = re.compile(r"\b(?:first|earliest|initial|oldest)\b|перв|ранн", re.I)
_MEETING_INTENTS = {"meeting_date", "meeting_place", "meeting_count", "meeting_people",
                    "meeting_occasion"}  # fmt: skip
# "When/where did they meet, the time they talked about X?": a question word plus "meet" asks
# for the meeting, and the rest of the question picks which one (canonical matcher tokens).
_FRAMES = {"when": "meeting_date", "date": "meeting_date", "where": "meeting_place",
           "city": "meeting_place"}  # fmt: skip
TOPIC_MIN = 0.35  # how well the rest of a framed question must match a topic intent
_FILLER = frozenset({"what", "which", "when", "where", "were", "they", "there", "meet", "meeting",
                     "about", "talk", "talked", "discussed", "mentioned", "with", "that", "this",
                     "time", "date"})  # fmt: skip


def _spans_year(text: str, years: tuple[int, ...]) -> bool:
    """True when ``text`` names a period ("2024-2025") that includes one of ``years``."""
    return any(a <= y <= b for a, b in _periods(text) for y in years)


@lru_cache(maxsize=65536)
def _periods(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in re.findall(r"\b(\d{4})\s*[-–]\s*(\d{4})\b", text))


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    """Words of 4+ letters and numbers, lower case (for telling facts apart by what they say)."""
    return frozenset(re.findall(r"[a-z]{4,}|\d+", text.lower()))


@dataclass(frozen=True, slots=True)
class Slots:
    """What in a question chooses among meetings and facts."""

    years: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    places: tuple[str, ...] = ()  # canonical city names
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # canonical names of gazetteer people
    select: str = ""  # "first", "last" or ""
    outside: str = ""  # a person or place the articles do not cover
    ordinals: tuple[int, ...] = ()  # "75th", "28th": must be the facts' own numbers


class Answerer:
    """Answers questions from a fact table."""

    def __init__(self, table: FactTable, config: Config, gazetteer: Gazetteer | None = None,
                 glossary: Glossary | None = None):  # fmt: skip
        self.table = table
        self.config = config
        self.gaz = gazetteer or gazetteer_from_data(table.gazetteer)
        self.glossary = glossary or (glossary_from_data(table.glossary) if table.glossary
                                     else load_glossary())  # fmt: skip
        self.intents = {i.name: i for i in (Intent.from_json(d) for d in table.intents)}
        self.matcher = Matcher(
            list(self.intents.values()),
            Lexicon.from_json(table.lexicon),
            config.match.threshold,
            config.match.max_chars,
            entity_phrases(self.gaz),
        )
        self.titles = {a.stem: a.title for a in table.articles}
        self._city_of = {v.name: str(v.attr("city")) for v in self.gaz.sections["venues"]}
        self._named: dict[str, int] = {}  # fact display -> people it names (see _fullness)
        self.sources = SourceIndex(table.facts)

    # --- the one call ---------------------------------------------------------------------------

    def ask(self, text: str, lang: str | None = None) -> Reply:
        """The reply to one message; ``lang`` is a hint (e.g. Telegram's language_code)."""
        text = strip_controls(text[: self.config.match.max_chars * 2])[: self.config.match.max_chars]
        lang = self._language(text, lang)
        match = self.matcher.match(text)
        return replace(self._reply(text, lang, match), runner_up=match.runner_up)

    def _reply(self, text: str, lang: str, match: Match) -> Reply:
        intent, topic = self._framed(match)
        if intent is None:
            return self._decline(lang, match.score, match.best)
        slots = self.slots(text, match.names)
        if intent.name not in _MEETING_INTENTS:  # "invite Putin to China" is not where they met
            slots = replace(slots, countries=tuple(c for c in slots.countries if re.search(
                rf"\bin\s+(?:the\s+)?{re.escape(c)}\b", text, re.I)))  # fmt: skip
        if slots.outside:
            reason = {"en": f"The articles say nothing about {slots.outside}.",
                      "ru": f"В статьях ничего нет про «{slots.outside}»."}[lang]  # fmt: skip
            return self._decline(lang, match.score, intent.name, reason)
        meetings = self._meetings(slots)
        if intent.name in _MEETING_INTENTS and slots.people and topic is None:
            meetings = [m for m in meetings if self._has_people(m, slots.people)]
        if topic is not None:
            meetings = self._about(meetings, topic, slots, text)
            slots = replace(slots, ordinals=())  # "the 75th" chose the meeting, not the fact
        if not meetings:
            return self._decline(lang, match.score, intent.name, self._no_meeting(slots, lang))
        facts = self._facts(intent, slots, meetings, text)
        if not facts:
            dated = {m.date.year for m in meetings if m.date}
            reason = self._no_meeting(slots, lang) if slots.years and not dated & set(slots.years) else ""
            return self._decline(lang, match.score, intent.name, reason)
        weekday = intent.name == "meeting_date" and bool(_WEEKDAY.search(text))
        return self._answer(intent, facts, lang, match.score, weekday)

    # --- questions about one meeting, chosen by what was said there ------------------------------

    def _framed(self, match: Match) -> tuple[Intent | None, Intent | None]:
        """The intent to answer and, for "when did they meet when X was discussed", X's intent.

        The first question word decides between date and place; the best-scoring other intent
        (trade, anniversary, a state visit...) then chooses the meeting.
        """
        intent = self.intents.get(match.intent or "")
        if match.best == OUT_OF_SCOPE or "meet" not in match.tokens:
            return intent, None
        wanted = next((_FRAMES[t] for t in match.tokens if t in _FRAMES), None)
        if wanted is None or wanted not in self.intents:
            return intent, None
        scores = dict(match.scores)
        topic = next((self.intents[name] for name, score in match.scores if score >= TOPIC_MIN
                      and name not in (wanted, OUT_OF_SCOPE, "meeting_date", "meeting_place")
                      and name in self.intents
                      and self.matcher.typical(name, match.tokens, wanted)), None)  # fmt: skip
        if intent is None and (topic is None or scores.get(wanted, 0.0) < TOPIC_MIN):
            return None, None
        return self.intents[wanted], topic

    def _about(self, meetings: list[Meeting], topic: Intent, slots: Slots, text: str) -> list[Meeting]:
        """The meetings where ``topic`` came up; the facts naming most of the question's words win."""
        ids = {m.id for m in meetings}
        facts = [f for k in topic.answers for f in self.table.find(k, ids)]
        if slots.ordinals:
            facts = [f for f in facts if f.number in slots.ordinals or any(
                re.search(rf"\b{n}(?:st|nd|rd|th)\b", f.display) for n in slots.ordinals)]  # fmt: skip
        words = _content_words(text) - _FILLER
        overlap = {f: len(words & _content_words(f.display)) for f in facts}
        top = max(overlap.values(), default=0)
        keep = {f.meeting for f, n in overlap.items() if n == top}
        return [m for m in meetings if m.id in keep]

    # --- slots and selection ---------------------------------------------------------------------

    def slots(self, text: str, names: tuple[tuple[str, str], ...] = ()) -> Slots:
        """Years, months, places, people, first/last, and any outside name in ``text``.

        ``names`` are the gazetteer names the matcher found. The gazetteer's own search declines
        only a name's last word ("с Путиным"); the matcher stems every word ("в Доме народных
        собраний"), so both are read.
        """
        months = tuple(
            n for w in re.findall(r"[A-Za-zА-Яа-яЁё]+\.?", text)
            if (n := month_number(w)) and (w.lower() != "may" or re.search(
                r"\b(?:in|of)\s+may\b|\bmay\s+\d", text, re.I))
        )  # fmt: skip
        # "Shanghai" in "Shanghai Cooperation Organization" is no place to meet in.
        for section in ("organisations", "initiatives"):
            for a, b, _ in self.gaz.spans(section, text):
                text = text[:a] + " " * (b - a) + text[b:]
        places = [e for _, e in self.gaz.find("places", text)]
        venues = [e for _, e in self.gaz.find("venues", text)]
        countries = [e.name for _, e in self.gaz.find("countries", text)]
        place_names = tuple(dict.fromkeys([e.name for e in places] + [str(v.attr("city")) for v in venues]))
        # "Chinese president" names no country to meet in; "in China" does.
        countries = [c for c in countries if re.search(
            rf"\b(?:in|to)\s+(?:the\s+)?{re.escape(c)}\b", text, re.I)]  # fmt: skip
        people = tuple(dict.fromkeys(
            [e.name for _, e in self.gaz.find("people", text)] + [n for m, n in names if m == "#person"]))
        found = [n for m, n in names if m == "#place"]
        place_names = tuple(dict.fromkeys(place_names + tuple(self._city_of.get(n, n) for n in found)))
        ordinals = tuple(int(n) for n in re.findall(r"\b(\d{1,3})(?:st|nd|rd|th|-?лети|-?й|-?я)", text))
        select = "last" if _LAST.search(text) else "first" if _FIRST.search(text) else ""
        outside = self.gaz.other_person(text) or self.gaz.other_place(text) or next(
            (n for m, n in names if m == "#other"), "")
        return Slots(tuple(years_in(text)), months, place_names, tuple(countries), people, select,
                     outside, ordinals)  # fmt: skip

    def _meetings(self, slots: Slots) -> list[Meeting]:
        meetings = list(self.table.meetings)
        if slots.places:
            meetings = [m for m in meetings if m.place in slots.places]
        if slots.countries:
            country_of = {e.name: e.attr("country") for e in self.gaz.sections["places"]}
            meetings = [m for m in meetings if m.place and country_of.get(m.place) in slots.countries]
        if slots.months:
            meetings = [m for m in meetings if m.date and m.date.month in slots.months]
        return meetings

    def _has_people(self, meeting: Meeting, people: tuple[str, ...]) -> bool:
        present = self.table.values(FactKind.PERSON, meeting.id)
        return all(p in present for p in people)

    def _facts(self, intent: Intent, slots: Slots, meetings: list[Meeting], text: str) -> list[Fact]:
        ids = {m.id for m in meetings}
        year_of = {m.id: m.date.year if m.date else None for m in meetings}
        facts = [f for k in intent.answers for f in self.table.find(k, ids)]
        if slots.years:
            facts = [f for f in facts if f.year in slots.years or year_of.get(f.meeting) in slots.years
                     or _spans_year(f.display, slots.years)]  # fmt: skip
        if intent.name == "events":
            facts = self._narrow(facts, text)
        if slots.ordinals:
            facts = [f for f in facts if f.number in slots.ordinals or any(
                re.search(rf"\b{n}(?:st|nd|rd|th)\b", f.display) for n in slots.ordinals)]  # fmt: skip
        if slots.select and intent.name != "meeting_count" and facts:
            order = sorted({f.meeting for f in facts}, key=lambda mid: self._meeting_key(mid))
            keep = order[-1] if slots.select == "last" else order[0]
            facts = [f for f in facts if f.meeting == keep]
        return facts

    def _narrow(self, facts: list[Fact], text: str) -> list[Fact]:
        """Only the events the question names, when it names some ("which five-year plan?")."""
        words = {w for w in re.findall(r"[a-z]{4,}", text.lower())} - {
            "what", "which", "when", "were", "mentioned", "events", "event", "about", "they", "there"}
        if not words:
            return facts
        named = [f for f in facts if words & _value_words(f.value)]
        return named or facts

    def _meeting_key(self, mid: str) -> tuple[int, str]:
        return self.table.sort_key(mid)

    # --- writing the reply -----------------------------------------------------------------------

    def meeting_label(self, meeting: Meeting, lang: str = "en", weekday: bool = False) -> str:
        """'December 20, 2023, Beijing (Great Hall of the People)'."""
        when, place = self.meeting_when(meeting, lang, weekday), self.meeting_where(meeting, lang)
        return f"{when}, {place}" if place else when

    def meeting_when(self, meeting: Meeting, lang: str = "en", weekday: bool = False) -> str:
        """The meeting's date as a reader wants it, or an honest 'no date'."""
        if meeting.date:
            day = (WEEKDAYS[lang][meeting.date.weekday()] + ", ") if weekday else ""
            return day + format_date(meeting.date, lang)
        return meeting.facts[0].display if lang == "en" else self.russian(meeting.facts[0])

    def meeting_where(self, meeting: Meeting, lang: str = "en") -> str:
        """'Beijing (Great Hall of the People)', or '' when unknown."""
        place = meeting.place or ""
        if lang == "ru" and place:
            place = self.gaz.ru(place) or place
        venues = {f.value for f in self.table.find(FactKind.VENUE, {meeting.id})}
        if venues:
            venue = sorted(venues)[0]
            venue = (self.gaz.ru(venue) or venue) if lang == "ru" else venue
            place = f"{place} ({venue})" if place else venue
        return place

    def _answer(self, intent: Intent, facts: list[Fact], lang: str, score: float,
                weekday: bool = False) -> Reply:
        newest_first = self.config.reply.order == "newest_first"
        groups = _group_by_meeting(facts, self._meeting_key, newest_first)
        notes: list[str] = []
        lines: list[Line] = []
        shown = 0  # characters in lines: past TELEGRAM_LIMIT, render_lines cuts every further line
        for mid, group in groups.items():
            if shown > TELEGRAM_LIMIT:
                break
            meeting = self.table.meeting(mid)
            label = self.meeting_label(meeting, lang, weekday) if meeting else mid
            curated = [f.curated for f in meeting.facts if f.curated] if meeting else []
            if curated:
                label += " *"
                notes.extend(curated)
            if meeting and intent.name == "meeting_place":
                where = self.meeting_where(meeting, lang) or ("unknown" if lang == "en" else "неизвестно")
                lines.append(Line(where, self.meeting_when(meeting, lang) + (" *" if curated else "")))
            elif all(f.kind in (FactKind.MEETING, FactKind.VENUE) for f in group):
                lines.append(Line("", label))
            else:
                lines.append(Line("; ".join(self._values(group, lang)), label))
            shown += len(lines[-1].label) + len(lines[-1].text) + 1
        if len(groups) == 1 and intent.name != "meeting_count":
            only = lines[0]
            value = only.text or only.label
            head = intent.reply[lang].format(value=value, meeting=only.label, count=1)
            out = [Line(head)]
            if only.text and intent.name != "meeting_place":
                out.append(Line(("Meeting: " if lang == "en" else "Встреча: ") + only.label))
        else:
            template = intent.many.get(lang) or intent.reply[lang]
            out = [Line(template.format(count=len(groups), value="", meeting=""))] + lines
        for note in dict.fromkeys(notes):
            source = note.rsplit("Source: ", 1)[-1]
            out.append(Line(("* date not in the article; from " if lang == "en"
                             else "* даты нет в статье; источник: ") + source))  # fmt: skip
        text, marked = render_lines(out)
        sources = self.sources.sources(chain.from_iterable(groups.values()))
        return Reply("answer", text, marked, sources, intent.name, score, lang)

    def _values(self, group: list[Fact], lang: str) -> list[str]:
        """One value per fact; of two facts saying the same (two articles, one meeting), the fuller."""
        best: dict[str, Fact] = {}
        for f in group:
            key = f"{f.kind}:{f.value.lower()}"
            if f.kind == FactKind.EVENT:
                key = re.sub(r"\s\d{4}-\d{4}$", "", key)
            if key not in best or self._fullness(f) > self._fullness(best[key]):
                best[key] = f
        return [self.russian(f) if lang == "ru" else f.display for f in best.values()]

    def russian(self, fact: Fact) -> str:
        """The fact in Russian; its English display only when the glossary lacks a term
        (``python -m bot build`` lists those)."""
        rendering = render_russian(self.glossary, fact, self.gaz)
        return fact.display if rendering.missing else rendering.text

    def _fullness(self, fact: Fact) -> tuple[int, int]:
        """How much a display says: the people it names, then its length."""
        people = self._named.get(fact.display)
        if people is None:
            people = self._named[fact.display] = len(self.gaz.find("people", fact.display))
        return people, len(fact.display)

    def _decline(self, lang: str, score: float, best: str | None, reason: str = "") -> Reply:
        reply = render_decline(lang, reason)
        extra = {"best": best or "", "reason": reason}
        return Reply(reply.kind, reply.text, reply.html, (), None, score, lang, extra)

    def _no_meeting(self, slots: Slots, lang: str) -> str:
        months = [MONTH_NAMES[m - 1] for m in slots.months]
        names = list(slots.places) + list(slots.countries) + list(slots.people)
        if lang == "ru":
            months = [self.glossary.word("months", m) for m in months]
            names = [self.gaz.ru(p) or p for p in names]
        bits = [str(y) for y in slots.years] + months + names
        if not bits:
            return ""
        what = ", ".join(bits)
        return (f"The articles report no such meeting ({what})." if lang == "en"
                else f"В статьях нет такой встречи ({what}).")  # fmt: skip

    def _language(self, text: str, hint: str | None) -> str:
        fixed = self.config.reply.language
        if fixed != "auto":
            return fixed
        if is_russian(text):
            return "ru"
        if re.search(r"[a-z]", text, re.I):
            return "en"
        return "ru" if (hint or "").lower().startswith("ru") else "en"


@lru_cache(maxsize=65536)
def _value_words(value: str) -> frozenset[str]:
    """The words of four letters or more in a fact's value (the same values recur per question)."""
    return frozenset(re.findall(r"[a-z]{4,}", value.lower().replace("-", " ")))


def _group_by_meeting(facts: list[Fact], key: Callable[[str], tuple[int, str]],
                      reverse: bool) -> OrderedDict[str, list[Fact]]:  # fmt: skip
    """Facts grouped by meeting, meetings in ``key`` order; the same as sorting every fact by its
    meeting's key (a stable sort keeps facts in table order), but sorts meetings, not facts."""
    by_meeting: dict[str, list[Fact]] = {}
    for mid, run in groupby(facts, attrgetter("meeting")):  # runs: facts come in table order
        group = by_meeting.get(mid)
        if group is None:
            by_meeting[mid] = group = []
        group.extend(run)
    order = sorted(by_meeting, key=key, reverse=reverse)
    return OrderedDict((mid, by_meeting[mid]) for mid in order)
