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

import Stemmer
from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer
from .intents import Lexicon
from .language import Script, script
from .text import longest_spans, month_number, normalize, strip_controls, years_in

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ENGLISH = Stemmer.Stemmer("english")
_RUSSIAN = Stemmer.Stemmer("russian")
_CYRILLIC = re.compile("[а-яё]")
# Gazetteer sections whose names become one marker word: "what about the SCO" and "what about
# BRICS" are the same question. Slot markers (years, months, small numbers) choose the meeting,
# not the intent.
MARKERS = {"places": "#place", "venues": "#place", "people": "#person", "organisations": "#org",
           "areas": "#area", "initiatives": "#initiative", "regions": "#region"}  # fmt: skip
SLOT_MARKERS = frozenset({"#year", "#month", "#number"})
QUESTION_WORDS = ("when", "where", "who", "why", "how", "which", "what")
_LAST = re.compile(r"\b(?:last|lastly|latest|most recent|recent|recently|newest|previous|final)\b|"
                   r"последн|недавн|крайн", re.I)  # fmt: skip
# ("the first eleven months", "for the first time" name a period, not the first meeting)
_FIRST = re.compile(r"\b(?:first|earliest|initial|oldest)\b(?!\s+(?:\w+\s+)?(?:months?|quarter|"
                    r"half|time|weeks?|days?)\b)|перв|ранн", re.I)  # fmt: skip
# "January-November", "январе-августе": a period of months, not the month of a meeting.
_MONTH_RANGE = re.compile(r"\b[A-Za-zА-Яа-яЁё]{3,9}\.?\s*[-–]\s*[A-Za-zА-Яа-яЁё]{3,9}\.?")
_WEEKDAY = re.compile(r"day of (?:the )?week|weekday|день недели|какой день", re.I)
_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th|-?лети|-?й|-?я|-?ю|-?го|-?м)")
# The person a question asks about as a speaker: right after "did"/"according to", or next to a
# verb of saying ("what did Xi say", "Xi's remarks", "по словам Мишустина", "что сказал Си").
_SAY = (
    r"say|said|says|tell|told|describe[sd]?|call(?:ed|s)?|hope[sd]?|wish(?:ed|es)?|"
    r"think|thinks|thought|believe[sd]?|stress(?:ed)?|note[sd]?|mention(?:ed|s)?|"
    r"applaud(?:ed|s)?|praise[sd]?|welcome[sd]?|express(?:ed)?|urge[sd]?|propose[sd]?|"
    r"congratulate[sd]?|thank(?:ed|s)?|repl(?:y|ied)|respond(?:ed)?|answer(?:ed)?|add(?:ed)?|"
    r"want(?:ed|s)?|point(?:ed)? out|emphasi[sz]e[sd]?|view|views|words|remarks|message|"
    r"comment|comments|position|stance|response|reply|speech"
)
_SAY_RU = (
    r"сказал|заявил|отметил|подчеркнул|пожелал|призвал|назвал|описал|счита|"
    r"надеет|выразил|предложил|поблагодарил|поздравил|ответил|оценил|приветствовал|дума|"
    r"рассказал"
)
# Weaker words of saying ("говорили про ИИ?" asks what they discussed): only with a speaker.
_TALK_RU = r"говорил|упомянул|упоминал"
_TALK = re.compile(rf"\b(?:talk(?:ed|s)?|spoke|speak|mention(?:ed|s)?)\b|{_TALK_RU}", re.I)
_BEFORE_SPEAKER = re.compile(rf"(?:\b(?:did|does|do|has|had|have|according to|by)\s+(?:the\s+)?"
                             rf"|по словам\s+|(?:{_SAY_RU}|{_TALK_RU})\w*\s+)$", re.I)  # fmt: skip
_AFTER_SPEAKER = re.compile(rf"^(?:['’]s)?\s*(?:\w+\s+)?(?:{_SAY}|{_SAY_RU}|{_TALK_RU})", re.I)
# People named as the ones who met: "meet Putin", "met with Xi", "встречался с Путиным",
# "Xi and Putin meet".
_MET_BEFORE = re.compile(
    r"(?:\b(?:meet|meets|met|meeting|talks|sit down|sat down)\s+(?:with\s+)?"
    r"|встреч\w*\s+(?:с\s+|со\s+)?|переговор\w*\s+с\s+)$",
    re.I,
)
_MET_AFTER = re.compile(r"^\s+(?:meet|meets|met|встреч)", re.I)
# The question asks what was said: a verb or noun of saying ("what did Xi say", "who wished",
# "Xi's remarks", "что пожелал Мишустин", "по словам").
_SAID = re.compile(
    r"\b(?:say|said|says|saying|tell|told|describe[sd]?|characteri[sz](?:e|ed|es)|"
    r"call(?:ed|s)? (?:for|on)|urge[sd]?|hope[sd]?|hoping|wish(?:ed|es)?|applaud(?:ed|s)?|"
    r"prais(?:e|ed|es)|welcome[sd]?|believe[sd]?|stress(?:ed|es)?|emphasi[sz](?:e|ed|es)|"
    r"point(?:ed|s)? out|note[sd]|express(?:ed|es)?|congratulate[sd]?|thank(?:ed|s)?|"
    r"propose[sd]?|repl(?:y|ied|ies)|respond(?:ed|s)?|remarks?|message|metaphor|quote[sd]?|"
    r"according to|interpret(?:ed|s)?|(?:view|views|position|stance) on)\b"
    r"|\bwho\b.*\b(?:mention(?:ed|s)?|talk(?:ed|s)?|spoke|speaks?|brought up|raised|referred)\b"
    rf"|(?:{_SAY_RU})|по словам|метафор|высказ",
    re.I,
)


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
    speaker: str = ""  # the person the question asks what they said ("what did Xi say ...")
    met: tuple[str, ...] = ()  # people the question says met ("when did Xi meet Putin")


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
    said: bool  # asks what someone said (a verb or noun of saying)
    content: frozenset[str]  # its words of 4+ letters and its numbers, lower case
    script: Script  # "ru" for Cyrillic, "en" for Latin, "" for neither
    read_slots: Callable[[Question], Slots] = field(repr=False, compare=False)

    @cached_property
    def slots(self) -> Slots:
        """Years, months, places, venues, countries, people, ordinals, first/last, outside."""
        return self.read_slots(self)


def stem(token: str) -> str:
    """The Snowball stem of a word (Russian for Cyrillic, English otherwise), at least 3 letters:
    "wishes" and "wish", "multipolarity" and "multipolar", "встречались" and "встреча" meet."""
    if len(token) <= 3 or not token.isalpha():
        return token
    stemmer = _RUSSIAN if _CYRILLIC.search(token) else _ENGLISH
    stemmed: str = stemmer.stemWord(token)
    return stemmed if len(stemmed) >= 3 else token


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
        # The same, as words are written: the examples' and the lexicon's words, unstemmed.
        written: dict[str, str] = {}
        for text in (*self.examples, *(v for v in lexicon.synonyms if " " not in v)):
            for w in normalize(text, self.max_chars).split():
                toks = self.canon(w)[0]
                if len(toks) == 1 and toks[0] in self.vocabulary and w.isalpha():
                    written.setdefault(w, toks[0])
        self._written = written
        self._written_choices = sorted(written)
        self.frames = frozenset(t for f in frames for t in self.canon(f)[0])
        self._city_of = {v.name: str(v.attr("city")) for v in gaz.sections["venues"]}

    # --- canonical tokens --------------------------------------------------------------------

    def canon(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Normalised, slang-repaired, stemmed tokens without fillers; slots become markers;
        gazetteer names become markers too (also returned as (marker, name))."""
        toks, names, _ = self._canon(text)
        return toks, names

    def _canon(self, text: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """``canon`` and, for each token, the word as written (for typo repair)."""
        text = normalize(text, self.max_chars)
        if self._phrase_re is not None:
            text = self._phrase_re.sub(lambda m: self.lexicon.synonyms[m.group()], text)
        out: list[str] = []
        surfaces: list[str] = []
        for written in text.split():
            tok = self.lexicon.synonyms.get(written, written)
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
                mapped = self.lexicon.synonyms.get(tok)
                if mapped is not None and mapped != tok:
                    tok = stem(mapped)
            out.append(tok)
            surfaces.append(written)
        return self._mark_entities(out, surfaces)

    def _mark_entities(
        self, toks: list[str], surfaces: list[str]
    ) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """Replace gazetteer names (longest first) by their marker; also return the names."""
        out: list[str] = []
        names: list[tuple[str, str]] = []
        written: list[str] = []
        at = 0
        for span, hit in longest_spans(toks, self.entities, self._longest):
            out.append(hit[0] if hit else span[0])
            written.append(surfaces[at] if at < len(surfaces) else span[0])
            at += len(span)
            if hit:
                names.append(hit)
        return out, names, written

    def repair(self, tok: str, written: str = "") -> str | None:
        """The vocabulary word a typo most likely meant, or None. ``written``: the word as the
        message wrote it ("tehy", whose stem "tehi" is further from "they" than it is)."""
        if tok in self.vocabulary:
            return tok
        for word, choices, spell in ((tok, self._choices, self._spell),
                                     (written, self._written_choices, self._written)):  # fmt: skip
            if len(word) < 4 or word.isdigit():
                continue
            cutoff = 80 if len(word) < 7 else 75
            hit = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit:
                return spell[hit[0]]
        return None

    # --- the whole question ------------------------------------------------------------------

    def read(self, message: str) -> Question:
        """``message`` read once: its canonical words now, its slots on first use."""
        text = strip_controls(message[: self.max_chars * 2])[: self.max_chars]
        toks, names, written = self._canon(text)
        words: dict[str, None] = {}
        unknown: list[str] = []
        for tok, as_written in zip(toks, written, strict=True):
            if tok in SLOT_MARKERS:
                continue
            fixed = self.repair(tok, as_written)
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
            said=bool(_SAID.search(text))
            or bool(_TALK.search(text) and self.gaz.find("people", text)),
            content=frozenset(re.findall(r"[a-z]{4,}|\d+", text.lower())),
            script=script(text),
            read_slots=self.slots,
        )

    def slots(self, q: Question) -> Slots:
        """The slots of a question this reader read."""
        text, names = q.text, q.names
        ranges = " ".join(
            m.group()
            for m in _MONTH_RANGE.finditer(text)
            if all(month_number(w) for w in re.split(r"\s*[-–]\s*", m.group()))
        )
        months = tuple(
            n for w in re.findall(r"[A-Za-zА-Яа-яЁё]+\.?", text)
            if w not in ranges
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
        spans = self.gaz.spans("people", rest)
        speaker = next((e.name for a, b, e in spans if _BEFORE_SPEAKER.search(rest[:a])
                        or _AFTER_SPEAKER.match(rest[b:])), "")  # fmt: skip
        met = tuple(dict.fromkeys(e.name for a, b, e in spans if _MET_BEFORE.search(rest[:a])
                                  or _MET_AFTER.match(rest[b:])))  # fmt: skip
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
            speaker=speaker,
            met=met,
        )


__all__ = ["MARKERS", "QUESTION_WORDS", "SLOT_MARKERS", "Question", "Reader", "Slots", "closest",
           "entity_phrases", "stem"]  # fmt: skip


def closest(text: str, choices: Sequence[str], cutoff: float) -> int | None:
    """The index of the choice most like ``text`` (rapidfuzz token sort ratio, 0..100), or None
    when none reaches ``cutoff``. Groups similar questions in the misses report."""
    hit = process.extractOne(text, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    return hit[2] if hit else None
