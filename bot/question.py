"""``Question``: the one parse of a message, shared by matching and answering.

``Reader.read(text)`` turns a message into canonical tokens (slang and Russian forms through the
lexicon, light stemming, rapidfuzz typo repair towards the intents' vocabulary, gazetteer names
as markers) and the slots that choose meetings and facts (years, months, places, venues,
countries, people, ordinals, first/last, a name the articles do not cover), once. This is the
only module that imports rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer
from .intents import Lexicon
from .language import Script, script
from .text import longest_spans, month_number, normalize, strip_controls, years_in

_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Russian endings, longest first ("иями" before "ями" before "и").
_RU_ENDINGS = sorted(
    ("иями ями ами ией ого его ому ему ыми ими ах ях ов ев ей ой ый ий ая яя ое ее ые ие ую юю "  # noqa: SIM905
     "ом ем ам им ым ых их ся сь ы и а я о е у ю ь").split(" "),
    key=len,
    reverse=True,
)  # fmt: skip
# Gazetteer sections whose names become one marker word: "what about the SCO" and "what about
# BRICS" are the same question. Slot markers (years, months, small numbers) choose the meeting,
# not the intent.
MARKERS = {"places": "#place", "venues": "#place", "people": "#person", "organisations": "#org",
           "areas": "#area", "initiatives": "#initiative", "regions": "#region"}  # fmt: skip
SLOT_MARKERS = frozenset({"#year", "#month", "#number"})
QUESTION_WORDS = ("when", "where", "who", "why", "how", "which", "what")
_LAST = re.compile(r"\b(?:last|lastly|latest|most recent|recent|recently|newest|previous|final)\b|"
                   r"последн|недавн|крайн", re.I)  # fmt: skip
_FIRST = re.compile(r"\b(?:first|earliest|initial|oldest)\b|перв|ранн", re.I)
_WEEKDAY = re.compile(r"day of (?:the )?week|weekday|день недели|какой день", re.I)
_RU_TO = re.compile(r"(?<!\w)(?:в|во)\s+$", re.I)  # before a country: "в Россию", "в Китае"
_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th|-?лети|-?й|-?я)")


@dataclass(frozen=True, slots=True)
class Slots:
    """What in a question chooses meetings and facts."""

    years: tuple[int, ...]
    months: tuple[int, ...]
    places: tuple[str, ...]  # canonical cities; a venue gives its city
    venues: tuple[str, ...]
    countries: tuple[str, ...]  # "in China", "to Russia" (not "the Chinese president")
    countries_in: tuple[str, ...]  # only "in China": "invite Putin to China" is not where they met
    people: tuple[str, ...]  # canonical names of gazetteer people
    ordinals: tuple[int, ...]  # "75th", "28th": must be the facts' own numbers
    select: Literal["", "first", "last"]
    outside: str  # a person or place the articles do not cover


@dataclass(frozen=True)
class Question:
    """One message, read once: its canonical words at once, its slots when first needed (a
    question the matcher declines never needs them, and they cost most of the reading)."""

    text: str  # the message as read: controls stripped, at most max_chars
    tokens: tuple[str, ...]  # canonical tokens in order; names and slots as markers (#place, #year)
    names: tuple[tuple[str, str], ...]  # (marker, canonical name) of the gazetteer names found
    words: tuple[str, ...]  # what is scored: tokens with typos repaired, no slot markers, once each
    unknown: tuple[str, ...]  # words no intent example has
    wh: str  # the first question word ("when", "who" ...), or ""
    focus: str  # the first word that frames a meeting question ("when", "date", "where", "city")
    weekday: bool  # asks for the day of the week
    content: frozenset[str]  # its words of 4+ letters and its numbers, lower case
    script: Script  # "ru" for Cyrillic, "en" for Latin, "" for neither
    read_slots: Callable[[Question], Slots] = field(repr=False, compare=False)

    @cached_property
    def slots(self) -> Slots:
        """Years, months, places, venues, countries, people, ordinals, first/last, outside."""
        return self.read_slots(self)


def stem(token: str) -> str:
    """A light stemmer: Russian endings, English plural/-ing/-ed; keeps at least 3 letters."""
    if re.search("[а-я]", token):
        for end in _RU_ENDINGS:
            if token.endswith(end) and len(token) - len(end) >= 3:
                return token[: -len(end)]
        return token
    if len(token) > 5 and token.endswith("ing"):
        return token[:-3]
    if len(token) > 4 and token.endswith("ed"):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def entity_phrases(gaz: Gazetteer) -> dict[tuple[str, ...], tuple[str, str]]:
    """Stemmed word sequences of every gazetteer name (English and Russian) -> (marker, name)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for section, marker in MARKERS.items():
        for entry in gaz.sections[section]:
            for name in (*entry.aliases, entry.ru, entry.name):
                key = tuple(stem(t) for t in normalize(name).split())
                if key and not (len(key) == 1 and len(key[0]) < 2):
                    out.setdefault(key, (marker, entry.name))
    for name in (*gaz.other_people, *gaz.other_places):
        key = tuple(stem(t) for t in normalize(name).split())
        if key:
            out.setdefault(key, ("#other", name))
    return out


class Reader:
    """Reads messages into ``Question``s: the lexicon, the gazetteer, the intents' vocabulary."""

    def __init__(self, lexicon: Lexicon, gaz: Gazetteer, examples: Iterable[str],
                 frames: Iterable[str] = (), max_chars: int = 500):  # fmt: skip
        self.lexicon = lexicon
        self.gaz = gaz
        self.max_chars = max_chars
        phrases = sorted((k for k in lexicon.synonyms if " " in k), key=len, reverse=True)
        self._phrase_re = (
            re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
            if phrases
            else None
        )
        # Names are keyed by the same tokens a message becomes ("Belt and Road" -> belt road,
        # "Shanghai Cooperation Organization" -> shanghai cooperate organisation). A one-word
        # name that intents use as a keyword ("trade") stays a word, not a marker.
        self.entities: dict[tuple[str, ...], tuple[str, str]] = {}
        self._longest = 0
        examples = tuple(examples)
        keywords = {t for e in examples for t in self.canon(e)[0]}
        entities: dict[tuple[str, ...], tuple[str, str]] = {}
        for key, hit in entity_phrases(gaz).items():
            toks = tuple(self.canon(" ".join(key))[0])
            for k in dict.fromkeys((key, toks)):
                if k and (len(k) > 1 or k[0] not in keywords) and not set(k) & SLOT_MARKERS:
                    entities.setdefault(k, hit)
        self.entities = entities
        self._longest = max((len(k) for k in self.entities), default=0)
        # The examples read as messages are (the matcher scores against these), once each.
        self.examples = {e: tuple(self.canon(e)[0]) for e in dict.fromkeys(examples)}
        # Typos are repaired towards the vocabulary and towards every one-word variant in the
        # lexicon ("землятресение" -> землетрясение -> earthquake), stemmed like messages.
        self.vocabulary = (
            frozenset(t for toks in self.examples.values() for t in toks) - SLOT_MARKERS
        )
        spell: dict[str, str] = {t: t for t in sorted(self.vocabulary)}
        for variant, word in lexicon.synonyms.items():
            canon = lexicon.synonyms.get(stem(word), word)
            if " " not in variant and canon in self.vocabulary:
                spell.setdefault(stem(variant), canon)
        self._spell = spell
        self._choices = sorted(spell)
        self.frames = frozenset(t for f in frames for t in self.canon(f)[0])
        self._city_of = {v.name: str(v.attr("city")) for v in gaz.sections["venues"]}

    # --- canonical tokens --------------------------------------------------------------------

    def canon(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Normalised, slang-repaired, stemmed tokens without fillers; slots become markers;
        gazetteer names become markers too (also returned as (marker, name))."""
        text = normalize(text, self.max_chars)
        if self._phrase_re is not None:
            text = self._phrase_re.sub(lambda m: self.lexicon.synonyms[m.group()], text)
        out: list[str] = []
        for tok in text.split():
            tok = self.lexicon.synonyms.get(tok, tok)
            if tok in self.lexicon.ignore:
                continue
            if _YEAR.match(tok):
                tok = "#year"
            elif tok.isdigit() and len(tok) <= 2:
                tok = "#number"
            elif month_number(tok) and (tok != "may" or out[-1:] in (["in"], ["of"])):
                tok = "#month"
            else:
                tok = stem(tok)
                tok = self.lexicon.synonyms.get(tok, tok)
            out.append(tok)
        return self._mark_entities(out)

    def _mark_entities(self, toks: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """Replace gazetteer names (longest first) by their marker; also return the names."""
        out: list[str] = []
        names: list[tuple[str, str]] = []
        for span, hit in longest_spans(toks, self.entities, self._longest):
            out.append(hit[0] if hit else span[0])
            if hit:
                names.append(hit)
        return out, names

    def repair(self, tok: str) -> str | None:
        """The vocabulary word a typo most likely meant, or None."""
        if tok in self.vocabulary:
            return tok
        if len(tok) < 4 or tok.isdigit():
            return None
        cutoff = 80 if len(tok) < 7 else 75
        hit = process.extractOne(tok, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._spell[hit[0]] if hit else None

    # --- the whole question ------------------------------------------------------------------

    def read(self, message: str) -> Question:
        """``message`` read once: its canonical words now, its slots on first use."""
        text = strip_controls(message[: self.max_chars * 2])[: self.max_chars]
        toks, names = self.canon(text)
        words: dict[str, None] = {}
        unknown: list[str] = []
        for tok in toks:
            if tok in SLOT_MARKERS:
                continue
            fixed = self.repair(tok)
            if fixed is None:
                unknown.append(tok)
                words[tok] = None
            else:
                words[fixed] = None
        return Question(
            text=text,
            tokens=tuple(toks),
            names=tuple(names),
            words=tuple(words),
            unknown=tuple(unknown),
            wh=next((w for w in words if w in QUESTION_WORDS), ""),
            focus=next((w for w in words if w in self.frames), ""),
            weekday=bool(_WEEKDAY.search(text)),
            content=frozenset(re.findall(r"[a-z]{4,}|\d+", text.lower())),
            script=script(text),
            read_slots=self.slots,
        )

    def slots(self, q: Question) -> Slots:
        """The slots of a question this reader read."""
        text, names = q.text, q.names
        months = tuple(
            n for w in re.findall(r"[A-Za-zА-Яа-яЁё]+\.?", text)
            if (n := month_number(w)) and (w.lower() != "may" or re.search(
                r"\b(?:in|of)\s+may\b|\bmay\s+\d", text, re.I))
        )  # fmt: skip
        # "Shanghai" in "Shanghai Cooperation Organization" is no place to meet in.
        rest = text
        for section in ("organisations", "initiatives"):
            for a, b, _ in self.gaz.spans(section, rest):
                rest = rest[:a] + " " * (b - a) + rest[b:]
        places = [e.name for _, e in self.gaz.find("places", rest)]
        venues = [e for _, e in self.gaz.find("venues", rest)]
        found = [n for m, n in names if m == "#place"]
        cities = [
            *places,
            *(str(v.attr("city")) for v in venues),
            *(self._city_of.get(n, n) for n in found),
        ]
        # "Chinese president" names no country to meet in; "in China" does.
        countries = tuple(e.name for _, e in self.gaz.find("countries", rest) if re.search(
            rf"\b(?:in|to)\s+(?:the\s+)?{re.escape(e.name)}\b", rest, re.I))  # fmt: skip
        people = [e.name for _, e in self.gaz.find("people", rest)] + [
            n for m, n in names if m == "#person"
        ]
        outside = self.gaz.other_person(rest) or self.gaz.other_place(rest) or next(
            (n for m, n in names if m == "#other"), "")  # fmt: skip
        countries_in = tuple(
            c for c in countries if re.search(rf"\bin\s+(?:the\s+)?{re.escape(c)}\b", text, re.I)
        )
        to_ru, in_ru = self._russian_countries(rest)  # "в Россию", "в Китае"
        countries = tuple(dict.fromkeys(countries + to_ru + in_ru))
        countries_in = tuple(dict.fromkeys(countries_in + in_ru))
        return Slots(
            years=tuple(years_in(rest)),
            months=months,
            places=tuple(dict.fromkeys(cities)),
            venues=tuple(v.name for v in venues),
            countries=countries,
            countries_in=countries_in,
            people=tuple(dict.fromkeys(people)),
            ordinals=tuple(int(n) for n in _ORDINAL.findall(rest)),
            select="last" if _LAST.search(rest) else "first" if _FIRST.search(rest) else "",
            outside=outside,
        )

    def _russian_countries(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Countries after Russian "в": (all of them, those "in" it: "в Китае", not "в Китай")."""
        to: list[str] = []
        within: list[str] = []
        for start, end, entry in self.gaz.spans("countries", text):
            if _RU_TO.search(text[:start]):
                to.append(entry.name)
                if text[end - 1 : end].lower() in ("е", "и"):
                    within.append(entry.name)
        return tuple(to), tuple(within)


__all__ = ["MARKERS", "QUESTION_WORDS", "SLOT_MARKERS", "Question", "Reader", "Slots", "closest",
           "entity_phrases", "stem"]  # fmt: skip


def closest(text: str, choices: Sequence[str], cutoff: float) -> int | None:
    """The index of the choice most like ``text`` (rapidfuzz token sort ratio, 0..100), or None
    when none reaches ``cutoff``. Groups similar questions in the misses report."""
    hit = process.extractOne(text, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    return hit[2] if hit else None
