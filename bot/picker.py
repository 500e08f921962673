"""Picking: the intent, the meetings and the facts that answer a ``Question`` (or why none do).

The question's slots choose the meetings (place, country, month, the people who were there);
in "when did they meet when they discussed the 75th anniversary" the question word picks the
intent and the topic picks the meeting. Years, ordinals, first/last and the question's own words
then choose the facts. No language and no wording here: that is ``bot.writer``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from array import array
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta

from .answerable import Answerable, lacks
from .facts import QUOTED, Fact, FactKind, FactTable, Meeting
from .gazetteer import Gazetteer
from .gives import FULL_YEAR, GROWTH, TARGET, demands, focus, months_asked, numbered
from .intents import Intent
from .kinds import KINDS
from .kinds.duration import KIND as DURATION
from .kinds.meeting import KIND as MEETING
from .kinds.occasion import KIND as OCCASION
from .kinds.person import KIND as PERSON
from .kinds.statement import KIND as STATEMENT
from .kinds.venue import KIND as VENUE
from .lazyre import lazy_re
from .match import Match, Matcher
from .memo import FactText
from .question import FUTURE_TENSE, SEASON_STEMS, Question, Slots, stem
from .relevance import _FEW as _FEW_RANKED
from .relevance import (
    FALLBACK_COVER,
    FALLBACK_WORDS,
    FUNCTION,
    MIN_COVER,
    PART,
    PASSAGE_COVER,
    QUOTED_YES_NO_COVER,
    STOP,
    Relevance,
    latin_name,
)
from .relevance import MOST as RANKED
from .text import FIRST_MONTHS, MONTH_NAMES, NUMBER_WORDS, ORDINAL_WORDS, find_dates, month_number
from .verdict import Claim, Verdict, claim_words, claims, verdict, weekday_claim

# "When/where did they meet, the time they talked about X?": a question word (an intent's
# ``frame``) plus "meet" (the lexicon's word for every meeting verb) asks for the meeting, and
# the rest of the question picks which one.
MEET = "meet"
FRAME_AT = 2  # the framing word opens the question ("in which city did they meet when ...")
TOPIC_MIN = 0.35  # how well the rest of a framed question must match a topic intent
_FILLER = frozenset({"what", "which", "when", "where", "were", "they", "there", "meet", "meeting",
                     "about", "talk", "talked", "discussed", "mentioned", "with", "that", "this",
                     "time", "date"})  # fmt: skip
# Kinds a fallback answer never is: the meeting itself and who was there are intents' answers.
_FEW_FACTS = 200  # more facts than this are narrowed through an index
_NO_AGENT = frozenset(k for k, kind in KINDS.items() if kind.agent is None)
_MENTIONS = frozenset(k for k, kind in KINDS.items() if kind.mention)
_SELECT_WORDS = frozenset({"last", "latest", "recent", "first", "earliest", "final"})
# The thing a question asks for: "who was the interpreter", "what gift did Xi give", "кто был
# переводчиком" (``Picker._absent``)
_ASKED_THING = lazy_re(
    r"^\W*(?:@\w+\W+)?(?:(?:who|whom)\s+(?:was|were|is|are)\s+(?:the\s+|his\s+|their\s+)?"
    r"(?:\w+\s+)??(?P<role>[^\W\d_]{4,})\s+(?:at|in|on|of|for|during|with|who|that|when)\b"
    r"|(?:what|which)\s+(?:[^\W\d_]+\s+)?(?P<thing>[^\W\d_]{4,})\s+(?:did|was|were|do|does|had|"
    r"has)\b"
    r"|(?:who|whom)\s+(?P<doer>[^\W\d_]{4,}ed)\s+(?:at|for|in|during|on)\b"
    r"|кто\s+(?:был|была|были)\s+(?P<role_ru>[^\W\d_]{4,}))",
    re.I,
)  # fmt: skip
# A word written with a capital, not the first of the question (``Picker._absent_name``)
_CAPITALISED = lazy_re(r"(?<=[\w,;:'\"’)]\s)([A-Z][a-z]{3,})\b")
# Words that ask about nothing of their own ("is another meeting planned?", "did they ever")
_NO_TOPIC = frozenset(
    {
        "another",
        "ever",
        "also",
        "still",
        "already",
        "both",
        "each",
        "either",
        "neither",
        "other",
        "others",
        "such",
        "very",
        "much",
        "many",
        "more",
        "most",
        "less",
        "every",
        "officially",
        "personally",
        "publicly",
        "directly",
        "specifically",
        "even",
        "then",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "some",
        "somehow",
        "somewhere",
        "anywhere",
        "someone",
        "anyone",
        "agenda",
        "anyway",
        "indeed",
        "maybe",
        "perhaps",
    }
)
_TALKS = lazy_re(r"\b(?:meeting|talks|conversation|встреч\w*|переговор\w*|беседа?\w*)\b", re.I)
_VISIT = lazy_re(r"\b(?:visit|trip|stay|tour|визит\w*|поездк\w*|пребывани\w*)\b", re.I)
_COUNTED_TIMES = lazy_re(r"\b(?:once|twice|thrice|(?:two|three|four|five|six|\d+)\s+times)\b"
                         r"|однажды|дважды|трижды|\d+\s+раз", re.I)  # fmt: skip
_VISITED = lazy_re(
    r"\b(?:visit(?:ed|s)?|tour(?:ed|s)?|go(?:es)?\s+to|went\s+to|travel(?:l?ed)?\s+to|been\s+to|"
    r"посетил\w*|побывал\w*|ездил\w*\s+в|съездил\w*)\b",
    re.I,
)
_NAMES_READ = 60  # statements a question's names are looked for in (``Picker._unsaid_names``)
_NEAR_MEETINGS = 12  # and the meetings whose words count besides
# A cause asked ("what caused the quake", "the reason for"): no intent that tells none answers
# "tell me about ...", "what about ...", "расскажи про ...": what was said of a thing
_TELL_ABOUT = lazy_re(r"^\W*(?:@\w+\W+)?(?:(?:pls|please|so|ok|yo)\W+)?(?:tell\s+(?:me|us)\s+"
                      r"(?:more\s+)?about|what\s+about|расскажи\w*\s+(?:мне\s+)?(?:про|о|об))\b",
                      re.I)  # fmt: skip
# "in" right before a name ("in Hainan", "в Ганьсу", "in the province of")
_IN_BEFORE = lazy_re(r"(?:\bin|(?<!\w)во?)\s+(?:the\s+)?(?:province\s+of\s+)?$", re.I)
# "did the meeting last two hours": a length claimed (``q.duration`` is "how long" asked)
_LASTED_FOR = lazy_re(
    r"\blast(?:ed)?\s+(?:for\s+)?(?:(?:about|over|more\s+than|an?|one|two|"
    r"three|four|five|six|\d+)\s+)+(?:minutes?|hours?|days?)\b",
    re.I,
)
# Whom a question says someone accompanied: "accompanied Mishustin", "came with Xi"
_ACCOMPANIED_WHOM = lazy_re(
    r"\b(?:accompan\w*|came\s+with|сопровождал\w*)\s+((?:\w+\s+){0,2}\w+)", re.I
)
# A day counted from the user's today ("tomorrow", "завтра"), which no article can place
_TODAY = lazy_re(r"\b(?:today|tonight|tomorrow|сегодня|завтра|послезавтра)\b", re.I)
# A deed at an event a mention of the event does not confirm (``Picker._done_at``)
_DONE_AT = lazy_re(
    r"\b(?:go|went|gone|attend\w*|visit\w*|join\w*|host\w*|take\s+part|took\s+part|"
    r"participat\w*|travel\w*|fly|flew|посетил\w*|посещал\w*|участвовал\w*|ездил\w*|"
    r"поехал\w*|приехал\w*|побывал\w*|(?<!\w)был[аи]?\s+(?:на|в)(?!\w))",
    re.I,
)  # fmt: skip
_CAUSE = lazy_re(r"\bwhat\s+caused\b|\bcauses?\s+of\b|\breasons?\s+for\b|\bпричин\w*", re.I)
# "at the 2024 meeting": a meeting of that year, not what was said of the year
_AT_DATED_MEETING = lazy_re(
    r"\b(?:at|in|during)\s+(?:the|their)\s+(?:19|20)\d\d\s+(?:meeting|talks)\b", re.I
)
_NOT_PLACES = frozenset({"person", "private", "secret", "public", "total", "general", "fact",
                            "particular", "detail", "details", "short", "brief", "return",
                            "гости", "итоге", "целом", "рамках", "ходе", "связи", "течение",
                            "качестве", "результате", "частности", "общем", "основном", "очередь",
                            "ответ", "свою", "честь", "память", "пользу", "сторону", "back",
                            "turn", "charge"})  # fmt: skip
_PLACE_SECTIONS = ("places", "regions", "countries", "venues")
_MARKED_SECTIONS = (*_PLACE_SECTIONS, "people", "organisations", "initiatives", "areas")
_NAME_SECTIONS = (*_PLACE_SECTIONS, "people", "organisations", "initiatives", "outlets")
# A word after "in" (``Picker._unknown_place``), and whether the question or its clause ends there
_AFTER_IN = lazy_re(
    r"(?<!\w)(?:in|в|во)\s+([^\W\d_]{4,})(\s*[?!.,;]|\s*$|\s+(?:in|on|at|during|в|во|на)\b)?"
    r"|\bthe\s+([^\W\d_]{4,}?)(?<!ive|ful|ous|ing|ial|cal)()\s+(?:meeting|talks|summit|visit)\b",
    re.I,
)  # fmt: skip ("the Xiamen meeting": a word that ends no adjective, before the meeting)
_NOT_VALUES = frozenset({"#place", "#person", "#other"})  # names that choose, not name values
_NAMED = ("organisations", "initiatives", "areas")  # the gazetteer's sections of named things
# "or" between two things asked ("in Beijing or Moscow"); not "or not", "or am I tripping"
_ALTERNATIVES = lazy_re(
    r"\b(?:or|или)\b(?!\s+(?:not|no|nah|what|smth|something|am\s+i|did\s+i|is\s+it\s+just|нет)\b)",
    re.I,
)
# A Russian question word: the question asks for what it names, not yes or no
_RUSSIAN_WH = lazy_re(
    r"(?<!\w)(?:сколько|когда|где|кто|что|какой|какая|какое|какие|каких|каким"
    r"|почему|зачем|куда|откуда|чей|чья|чьи|чье|чьё|чьего|чьей|чьим|как)(?!\w)",
    re.I,
)
# Names given as examples of what is asked ("which orgs did Xi mention, like BRICS")
_EXAMPLES = lazy_re(r"\b(?:like|such as|e\.g\.|for example|for instance)\s|"
                    r"\b(?:например|типа|вроде)\b", re.I)  # fmt: skip
# Two topics asked at once: "about the 75th anniversary and about the Year of Culture"
_BOTH = lazy_re(r"\b(?:and|as well as)\s+(?:also\s+)?(?:about|on|regarding|of)\b|"
                r"\b(?:и|а также)\s+(?:о|об|про)\b", re.I)  # fmt: skip
# A yes-or-no question about the first or last meeting's place: "was the last meeting in Moscow?"
_SELECTED_THERE = lazy_re(r"^\W*(?:was|were|is|did)\s+(?:the|their)\s+(?:very\s+)?"
                          r"(?:last|latest|most\s+recent|first|earliest)\s+(?:meeting|one|"
                          r"talks|encounter)\s+(?:(?:held|take\s+place|happen)\s+)?(?:in|at)\b|"
                          r"\b(?:был|была|были)\s+ли\s+(?:самая\s+)?(?:последн|перв|ранн)\w*\s+"
                          r"встреч\w*\s+(?:в|во)\b", re.I)  # fmt: skip
_RESPONSE = 3  # sentences after what someone responded to that may hold the response
# A figure chosen by when it was given, not by its period ("the trade figure given in 2024",
# "what trade did Xi cite at the 2024 meeting")
_GIVEN_AT = lazy_re(
    r"\b(?:given|cited|named|mentioned|announced|reported|quoted|said|stated|"
    r"meeting|meetings|met|talks|visit)\b|назва|упомян|встреч|переговор",
    re.I,
)
_BY_MONTH = lazy_re(rf"\b(?:by|through|until|up\s+to)\s+(?:the\s+end\s+of\s+)?"
                    rf"(?:{'|'.join(MONTH_NAMES)})\b", re.I)  # fmt: skip
_ALONE = 3  # words of a message whose one rare topic word may choose facts of any kind
SHOWN = 12  # meetings an answer lists at most (the latest); the reply says how many more
_WIDE_FROM = 1000  # facts of the kinds asked from which ``_wide`` chooses them by the columns
# Words asking for the people besides the principals ("else": besides, apart from, extra; read
# as the Reader reads them).
_ACCOMPANIED = "accompany"  # "who accompanied Xi": not Xi himself, and from his side
_OTHERS_ASKED = ("else", _ACCOMPANIED)
_TO_A_COUNTRY = lazy_re(r"\b(?:Ambassador|Envoy|Representative|Consul)\w*\s+to\s+(?:the\s+)?"
                        r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*")  # fmt: skip
# The kinds that are the meeting itself (its day is the facts' day)
_OF_A_MEETING = frozenset({MEETING, VENUE, PERSON, DURATION, OCCASION})
# An office asked ("which Chinese vice premier attended", "кто переводил Си"): its holders answer
_OFFICE_ASKED = lazy_re(
    # ("which Chinese vice premier", "who was the Russian ambassador")
    r"\b(?:which|what|who(?:['’]s|\s+(?:was|is|were))\s+the)\s+"
    r"(?:(?:chinese|russian|russia['’]s|china['’]s)\s+)?"
    r"(?P<o>vice\s+premier|deputy\s+prime\s+minister|"
    r"foreign\s+minister|ambassador|interpreter|translator|governor|mayor|spokes(?:man|woman|person))"
    r"\b|(?P<ru>\bкто\s+переводил\w*|\bпереводчик\w*)",
    re.I,
)
_OFFICE_WRITTEN = {"foreign minister": ("minister of foreign affairs",),
                   "vice premier": ("deputy premier", "vice-premier"),
                   "deputy prime minister": ("deputy premier", "vice-premier")}  # fmt: skip
# Who of a delegation is asked, not its head: "which Russian ministers", "какие министры"
_MEMBERS = lazy_re(r"\b(?:(?:deputy|vice)\s+)?(?:ministers|officials|delegates)\b|"
                   r"\bминистр(?:ы|ов)\b", re.I)  # fmt: skip
# A sentence that denies: no "yes" to a question it holds the words of
_DENIED = lazy_re(r"\b(?:not|never|no|nor|neither|denied|declined|refused|rejected)\b|n['’]t\b",
                  re.I)  # fmt: skip
_LEAD = 4  # a report's first sentences, which name where and when it is (``_said_then``)
_MONTH_NAME = lazy_re(rf"\b(?:{'|'.join(MONTH_NAMES)})\b")
_NEAR = 2  # meetings a "no such meeting" decline names as held at that time elsewhere
_NO_FALLBACK = frozenset({"meeting", "person", "venue"})
# Words that name no event in "which events were mentioned?" (an intent that ``narrow``s).
_NOT_NAMES = frozenset({"what", "which", "when", "were", "was", "mentioned", "events", "event",
                        "about", "they", "there",
                        # who is asked, by what they do: "which experts were quoted"
                        "expert", "experts", "analyst", "analysts", "scholar", "scholars",
                        "specialist", "specialists", "quoted", "quote", "quot"})  # fmt: skip


# A clause that places what is asked at a meeting: "when he met Putin", "while meeting Putin".
_MET_CLAUSE = lazy_re(r"\b(?:when|while|as|at|during)\s+(?:\w+\s+){0,3}(?:met|meet|meeting|"
                      r"talks)\b|\bкогда\s+(?:\w+\s+){0,3}встреч", re.I)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pick:
    """What answers a question: the intent and its facts (table order)."""

    intent: Intent
    facts: tuple[Fact, ...]
    weekday: bool = False  # the question asks for the day of the week too
    more: int = 0  # meetings with facts that answer too, left out (the latest ``SHOWN`` are kept)
    no: bool = False  # the answer to a yes-or-no question is no, and these facts say why
    yes: bool = False  # the answer to a yes-or-no question is yes: the facts give its claims


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
    unsaid: tuple[str, ...] = ()  # what the question claims and no fact says ("accept", "300")
    other_event: bool = False  # it asks when or where another event was: the articles do not say
    near: tuple[str, ...] = ()  # meetings of the date asked, elsewhere than asked (meeting ids)


# A yes-or-no question ("was the December meeting held in Moscow?", "была ли встреча в Москве")
_YES_NO = lazy_re(r"^\W*(?:was|were|is|did|has|had)\b|(?<!\w)ли(?!\w)", re.I)


def _asks_yes_or_no(q: Question) -> bool:
    """A yes-or-no question: "was it ...", "была ли ...", or no question word and a "?"."""
    return bool(_YES_NO.search(q.text) or (not q.wh and q.text.rstrip().endswith("?")))


# A question answered "yes" or "no" ("did Xi ...", "was it ...", "была ли ...", a Russian
# question with no question word: "Встреча в Москве была в 2024 году?"); "xi mishustin date?"
# is no such question.
_AUXILIARY = lazy_re(
    r"(?:^\W*(?:@\w+\W+)?(?:(?:yo|bruh|so|ok|okay|hey|lol|and|but|well|um|uh|hmm|wait|guys)"
    r"\W+)*|^[^?]{3,120},\s*)(?:was|were|is|are|did|do|does|has|have|had)\b|(?<!\w)ли(?!\w)",
    re.I,
)  # ("At the Moscow meeting, did Xi ...")


# A statement asked to be confirmed: "they met in Moscow, right?", "so the last meeting was in
# Beijing?", "это было в Пекине, да?"
_TAGGED = lazy_re(
    r"(?:,?\s*(?:right|correct|true|yes|no|isn'?t\s+it|wasn'?t\s+it|didn'?t\s+they|ok|да|верно|"
    r"правда|так)\s*\?+\s*$)|^\W*(?:so\s+)?(?:the|they|xi|mishustin)\b[^?]{3,80}\b(?:was|were|met|"
    r"is|are|did)\b[^?]*\?\s*$",
    re.I,
)


_RU_IS_IT_TRUE = lazy_re(r"^\W*(?:правда|верно|так|действительно|это\s+правда)(?:\s+ли)?,?\s+"
                         r"(?:что|будто)\b", re.I)  # fmt: skip


# A nationality and what it qualifies: "Chinese ambassador", "Russian students", "китайских
# студентов" (a bag of words cannot tell them from the other way round)
_NATIONS = r"Chinese|Russian|китайск|российск|русск"
_NATIONAL = lazy_re(rf"\b(?P<nat>{_NATIONS})[a-zа-яё]*\s+"
                    r"(?:[\w-]+\s+){0,2}?(?P<noun>ambassador|students?|universit\w*|tourists?|"
                    r"companies|company|businesses|investors?|side|delegation|premier|"
                    r"president|посол|посла|студент\w*|туристы|турист\w*|компани\w*|"
                    r"сторон\w*|делегаци\w*)\b", re.I)  # fmt: skip
_NATIONALITY = lazy_re(rf"\b(?:{_NATIONS})", re.I)


def _nationals(text: str) -> set[tuple[str, str]]:
    """The (nationality, noun) pairs of ``text``, both in a stem-like form."""
    return {(m.group("nat").lower()[:3], m.group("noun").lower()[:5])
            for m in _NATIONAL.finditer(text)}  # fmt: skip


def _turned_round(question: str, sentence: str) -> bool:
    """True when ``sentence`` says of the other nationality what ``question`` asks of one ("who
    was the Chinese ambassador": "Russian Ambassador to China Sergei Belyaev") and never says it
    of the one asked."""
    asked = _nationals(question)
    if not asked:
        return False
    said = _nationals(sentence)
    nations = {m.group().lower()[:3] for m in _NATIONALITY.finditer(sentence)}
    low = sentence.lower()
    for nat, noun in asked:
        if (nat, noun) in said:
            continue
        if any(n == noun and o != nat for o, n in said):  # "Russian Ambassador to China"
            return True
        if noun in low and nations and nat not in nations:  # "the Russian side: ... Ambassador"
            return True
    return False


def _says_yes_or_no(q: Question) -> bool:
    """A question whose answer may say "yes" or "no" (``bot.verdict``)."""
    # ("which official, apart from Xi, was present"; "did they meet in Beijing or Moscow": one
    # of them, no yes or no; "сколько длилась встреча": how long)
    if _RU_IS_IT_TRUE.match(q.text):  # "правда ли, что ...": yes or no ("что" asks nothing)
        return not _ALTERNATIVES.search(q.text)
    if q.wh or _ALTERNATIVES.search(q.text) or _RUSSIAN_WH.search(q.text):
        return False
    if _AUXILIARY.search(q.text) or _TAGGED.search(q.text):
        return True
    return (
        q.script == "ru" and not q.focus and q.text.rstrip().endswith("?") and len(q.tokens) >= 3
    )  # ("организации?" asks for them)


# A word of a name ("Was Lavrentyev at ...", "did sokolova ..."); the name after a title ("Premier
# Zhou Hanlin")
_WORD = lazy_re(r"\b[A-Za-z][a-z]{2,}(?:-[A-Z][a-z]+)?\b")
_TITLED = lazy_re(
    r"\b(?:Premier|President|Minister|Ambassador|Governor|Mayor|Chairman|"
    r"Secretary|Mr|Ms|Mrs|Dr|PM)\.?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
# A question for someone's name: "what is the name of the Chinese premier", "как зовут премьера"
_NAME_ASKED = lazy_re(
    r"\b(?:what\s+is|what's|whats|what\s+was)\s+(?:the\s+)?(?:full\s+)?name\s+of\s+(?:the\s+)?"
    r"(?:(?:chinese|russian|new|then|current|former)\s+)*(?:premier|president|(?:deputy\s+|vice\s+)?"
    r"(?:prime\s+minister|pm|premier)|minister|ambassador|leader|official|spokes\w+|head|chairman|"
    r"governor|mayor|interpreter|translator|analyst|expert)\b|\bкак\s+(?:\w+\s+){0,3}?зовут\b"
    r"|\bфамили[яю]\b"
    # "who was the Chinese premier at the 28th regular meeting": a name too
    r"|\bwho\s+(?:was|is)\s+the\s+(?:chinese|russian)\s+(?:premier|prime\s+minister|pm|president)\b",
    re.I,
)
_FULL_NAME = lazy_re(r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3}")  # a person's name, not a group


def _unclaimed(q: Question, topic: tuple[str, ...]) -> tuple[str, ...]:
    """A yes-or-no question's topic without the words that claim a value of a class with few
    values ("was it the Year of the Rabbit?": rabbit), which its facts may contradict."""
    if not q.claims or not _says_yes_or_no(q):
        return topic
    claimed = claim_words(q.text)
    return tuple(w for w in topic if not any(c.startswith(w) for c in claimed))


def _without_occasion(q: Question) -> Question:
    """``q`` without the words of its clause that chose the meeting by its occasion ("during
    Mishustin's official visit"): what it asks about is the rest."""
    if not q.occasion:
        return q
    kept = [(t, w) for t, w in zip(q.tokens, q.written, strict=True)
            if t.startswith("#") or w not in q.occasion.words]  # fmt: skip
    return dataclasses.replace(q, tokens=tuple(t for t, _ in kept),
                               written=tuple(w for _, w in kept))  # fmt: skip


_CLAIMS_KEPT = 20_000  # facts' claims remembered (a large table's are not all kept)
_WILL = lazy_re(rf"(?i:{FUTURE_TENSE}|next\b.*)$")  # a future of the question


def _placed(fact: Fact, s: Slots) -> bool:
    """Another meeting held in the places and months the slots name, by its own date and place
    (a fact of another kind at it: by its meeting's)."""
    when = str(getattr(fact.parts, "when", ""))
    months_ok = not s.months or (len(when) >= 7 and int(when[5:7]) in s.months)
    venue_ok = not s.venues or str(getattr(fact.parts, "venue", "")) in s.venues
    return months_ok and venue_ok and (not s.places or _own_place(fact) in s.places)


# A count or an ordinal a question claims, as written ("third", "10", "4th")
_CLAIMED_NUMBER = lazy_re(
    r"\d+(?:st|nd|rd|th)?|" + "|".join(sorted({*ORDINAL_WORDS, *NUMBER_WORDS} - {"one"})), re.I
)

_FIGURE_GIVEN = lazy_re(r"\d+(?:[.,]\d+)?\s*(?:billion|trillion|million|%|percent)", re.I)


def _other_figure(q: Question, facts: Sequence[Fact]) -> bool:
    """The facts give a figure, and none the question claims ("trade in 2038 was 321 billion
    dollars": $312 billion)."""
    shown = " ".join(f.display for f in facts)
    return (
        bool(q.amounts)
        and bool(_FIGURE_GIVEN.search(shown))
        and not any(re.search(rf"(?<![\d.]){re.escape(a)}(?![\d])", shown) for a in q.amounts)
    )


def _own_place(fact: Fact) -> str:
    """Where the meeting a fact is of took place: another meeting's own place (its parts), not
    that of the meeting or report whose facts it is among."""
    return str(getattr(fact.parts, "place", "") or fact.place or "")


_PART_ASKED = lazy_re(
    r"months?|месяц\w*|quarter|квартал\w*|half|полугоди\w*|[A-Za-z]{3}\s*[-–]\s*"
    r"[A-Za-z]{3}",
    re.I,
)  # fmt: skip ("Jan-Oct": a part of the year asked)


def _claimed(q: Question) -> set[str]:
    """The question's claim words ("sent", "accepted"), as written."""
    return {w for t, w in zip(q.tokens, q.written, strict=False) if t in q.verify}


def _whole_year_of(fact: Fact, years: tuple[int, ...]) -> bool:
    """A trade figure for one of ``years`` as a whole (not its first months)."""
    p = fact.parts
    return (getattr(p, "period", None) == "year" and getattr(p, "period_year", None) in years
            and getattr(p, "months", None) in (None, 12))  # fmt: skip


def _nth_of(order: list[Meeting], nth: int) -> list[Meeting]:
    """The ``nth`` meeting of ``order`` (from the end when negative: -2 is the one before the
    last), as a list of one or none."""
    return order[nth - 1 : nth] if nth > 0 else order[nth : nth + 1 or None]


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
        self._region_of = {e.name: e.attr("region") for e in gaz.sections["places"]}
        self.gaz = gaz
        self.principals = frozenset(gaz.principals)
        self._others_asked = frozenset(t for w in _OTHERS_ASKED for t in matcher.reader.canon(w)[0])
        self._accompanied = next(iter(matcher.reader.canon(_ACCOMPANIED)[0]), "")
        # their names' words: met every time, they describe no meeting ("Mishustin's visit")
        self._principal_words = frozenset(
            w for name in self.principals if (e := gaz.get("people", name)) is not None
            for alias in (name, *e.aliases) for w in re.findall(r"[a-z]{4,}", alias.lower())
        )  # fmt: skip
        # ... and every word of them, short ones too ("Xi"): a capital that names no place
        self._principal_names = self._principal_words | frozenset(
            w for name in self.principals if (e := gaz.get("people", name)) is not None
            for alias in (name, *e.aliases) for w in re.findall(r"[a-z]+", alias.lower())
        )  # fmt: skip
        # the intent that answers when they met (a "no" of a yes-or-no question says it)
        self._date_intent = next((i for i in intents
                                  if i.about == "meeting" and i.asks == "date"), None)  # fmt: skip
        # the countries of the gazetteer (the two whose meetings the articles tell): every
        # statement is about them, and an office "of Russia to China" is the first one's
        self._countries_named = frozenset(e.name for e in gaz.sections["countries"])
        self._of_country = re.compile(r"\bof\s+(?:the\s+)?(?:" + "|".join(
            re.escape(alias) for e in gaz.sections["countries"]
            for alias in (e.name, *e.aliases)) + r")\b")  # fmt: skip
        # value word -> the kinds and values that name it (``_value_index``)
        self._by_value: dict[str, tuple[tuple[FactKind, str], ...]] | None = None
        self._by_exact: dict[FactKind, dict[str, array[int]]] = {}  # (``_exact``)
        # gazetteer names -> the kinds whose facts' values are such names (an organisation's
        # name is an organisation fact's value), from the kinds' facts themselves
        narrowed = dict.fromkeys(k for i in intents if i.narrow for k in i.answers)
        values = {k: table.kind_values(k) for k in narrowed}
        self._entry_kinds: dict[str, frozenset[FactKind]] = {}
        for section in ("organisations", "areas", "initiatives"):
            names = {e.name for e in gaz.sections[section]}
            kinds = frozenset(k for k, held in values.items() if names & held)
            self._entry_kinds |= dict.fromkeys(names, kinds)
        # The intent that answers other meetings (``about: other``): a question about a meeting
        # that names someone other than the principals ("when did Mishustin hold talks with Li
        # Qiang") is answered by it, when no meeting of the principals fits.
        self.other = next((i for i in intents if i.about == "other"), None)
        ranked = [k for i in intents if i.rank == "words" for k in i.answers]
        self.relevance = Relevance(table, matcher.reader, ranked)
        matcher.reader.know(self.relevance.knows)
        self.answerable = Answerable(matcher, self.relevance)
        # The words only declining intents use and no fact says ("death toll", "weather"): a
        # question that says one is answered only by facts that say it too (``_declined_word``)
        answering = frozenset().union(*(matcher.vocabulary(i.name) for i in intents
                                        if not i.declines))  # fmt: skip
        self._declined_words = frozenset(
            w for i in intents if i.declines for w in matcher.vocabulary(i.name)
            if w not in answering and not w.startswith("#") and len(w) >= 4
            and w not in self.relevance.known
        )  # fmt: skip
        self._by_meeting: dict[str, frozenset[str]] = {}  # meeting id -> its facts' words
        self._claims_of: dict[int, frozenset[Claim]] = {}  # fact key -> its claims (``_claims``)
        self._people_words: frozenset[str] | None = None  # (``_person_words``)
        self._people_named: tuple[str, ...] | None = None  # (``people_named``)
        # The people at every meeting: naming them describes none.
        self._principals = table.everywhere(PERSON, [m.id for m in table.meetings])

    def pick(self, q: Question, match: Match, within: Set[str] | None = None) -> Pick | Decline:
        """The facts that answer ``q``, or a Decline. ``within``: only these meetings (ids), as a
        conversation's context or a venue chose them (``bot.dialogue``); None: any. When no
        intent matches (and nothing says why not), the facts of any kind that hold nearly all of
        the question's words answer. Asked for someone's name, facts that name no one but whom
        the question names are no answer."""
        found = self._picked(q, match, within)
        asked = _NAME_ASKED.search(q.text)
        if (isinstance(found, Pick) and found.facts and asked
                and not any(self._names_another(f, q) for f in found.facts)):  # fmt: skip
            # "what is the name of the Chinese premier who holds the regular meetings with
            # Mishustin": the 28th regular meeting's "Mikhail Mishustin" is not his name
            return Decline(found.intent.name, unsaid=(asked.group(),))
        return found

    def _picked(self, q: Question, match: Match, within: Set[str] | None) -> Pick | Decline:
        """``pick`` but for a name asked."""
        today = _TODAY.search(q.text)
        asked = self.intents.get(match.intent or "")
        if today and (
            _says_yes_or_no(q) or (asked is not None and asked.about in ("meeting", "other"))
        ):
            # "will they meet tomorrow?": the articles know no day the user lives in
            return Decline(match.intent or "", unsaid=(today.group(),))
        pick = self._pick(q, match, within)
        runner = self._runner_up(q, match, pick, within)
        if runner is not None:
            return runner
        if isinstance(pick, Pick) and not self._spoken(pick, q):
            # "what did Mishustin say about the 75th anniversary": Xi spoke of it; what
            # Mishustin said of it, if anything, or nothing
            found = self._said_instead(q, match, within)
            return found if isinstance(found, Pick) else Decline(pick.intent.name)
        if isinstance(pick, Pick) and self._in_his_words(pick, q):
            # "what did Mishustin say about the five-year plan": what he said of it, not the
            # plan's name
            found = self._said_instead(q, match, within)
            if isinstance(found, Pick):
                return found
        if isinstance(pick, Pick) and q.wh == "who" and (deed := self._done_at(q, pick)):
            # "who attended the Belt and Road Forum?": the forum's name is no one's attendance
            return Decline(pick.intent.name, unsaid=deed)
        if (isinstance(pick, Pick) and pick.facts and _TELL_ABOUT.match(q.text)
                and all(f.kind in _MENTIONS for f in pick.facts)):  # fmt: skip
            # "tell me about the Belt and Road Forum": what was said of it, not its name alone
            said = self._said_instead(q, match, within)
            if isinstance(said, Pick) and said.facts:
                return said
        if (isinstance(pick, Decline) and match.intent is not None
                and q.wh in ("where", "when") and self.other is not None
                and q.slots.other_event and q.slots.ordinals):  # fmt: skip
            # "where was the 30th regular meeting held", matched to the occasions: its own place
            wanted = "place" if q.wh == "where" else "date"
            asked = next((i for i in self.intents.values()
                          if i.about == "meeting" and i.asks == wanted), None)  # fmt: skip
            told = self._numbered_other(q.slots, asked) if asked is not None else []
            if told:
                return Pick(self.other, tuple(told))
        if _says_yes_or_no(q):
            pick = self._yes_or_no(q, match, within, pick)
        if (isinstance(pick, Decline) and pick.unsaid and q.wh != "why"
                and {w.lower() for w in pick.unsaid} <= _claimed(q)):  # fmt: skip
            # "who sent messages of sympathy after the quake": the condolences say not "sent";
            # what was said does ("Putin and many other foreign leaders sent messages")
            said = self._said_instead(q, match, within)
            if isinstance(said, Pick):  # (one that says all the question's own words: "was
                # the aid actually sent" is no "messages of sympathy sent")
                own = {t for t in q.words if t.isalpha() and len(t) > 2 and t not in STOP
                       and t not in q.verify and t not in self._principal_words}  # fmt: skip
                held = [f for f in said.facts
                        if all(w.lower() in f.display.lower() for w in pick.unsaid)
                        and own <= self.answerable.words(f)]  # fmt: skip
                if held:
                    return dataclasses.replace(said, facts=tuple(held))
        if isinstance(pick, Decline) and not (pick.outside or pick.unsaid or pick.no_meeting):
            other = self._said_by_another(q, match, within)
            if other is not None:  # "did Xi wish them a happy Year of the Dragon?": no,
                return other  # Mishustin did
        speech = match.intent is not None and self.intents[match.intent].rank == "words"
        if (
            (match.intent is None or (speech and q.slots.speaker))
            and isinstance(pick, Decline)
            and not (pick.outside or pick.out_of_scope or pick.unsaid or pick.no_meeting)
        ):  # an intent that matched and found nothing is a decline: never the nearest fact;
            # but what a speaker said of a thing may be a fact of another kind that is his and
            # holds every word ("what did Mishustin say about the earthquake": his sympathies)
            # (an act of saying asked, "why did Xi applaud ...", is that act or nothing)
            his_own = speech and not self.relevance.strict(self.relevance.kinds(q))
            found = None if speech and not his_own else self._fallback(q, within, own=his_own)
            if found is not None and _says_yes_or_no(q):
                found = self._sentence_says_yes(q, found)
            if found is not None or match.intent is None:
                return found or pick
        if (
            match.intent is not None
            and isinstance(pick, Decline)
            and not (pick.outside or pick.out_of_scope or pick.unsaid)
            and not _says_yes_or_no(q)
        ):  # "whom did Mishustin meet in Harbin": no meeting of theirs, a sentence that says
            found = self._quoted_instead(q, within)
            if found is not None:
                return found
        if isinstance(pick, Pick) and (declined := self._declined_word(q, pick)):
            return Decline(pick.intent.name, unsaid=declined)
        if (isinstance(pick, Pick) and not pick.no and not q.future
                and (visited := self._not_visited(q, pick))):  # fmt: skip
            return Decline(pick.intent.name, unsaid=visited)  # "when did Xi visit Gansu"
        return pick

    def _of_its_year(self, q: Question) -> Pick | None:
        """When no meeting was held in the years a question names: the facts of a kind that
        gives its own time (a trade figure's year) of those years that hold the question's
        words, with the intent that answers them ("what figure did Mishustin give for trade in
        2040", said at a meeting of 2041)."""
        years = set(q.slots.years)
        if not years:
            return None
        words = set(q.words)
        topic: tuple[str, ...] | None = None
        for intent in self.intents.values():
            kinds = [k for k in intent.answers if KINDS[k].dated and KINDS[k].period is not None]
            if (not kinds or intent.declines or intent.rank != "none" or intent.about == "meeting"
                    or intent.asks in ("summary", "count")
                    or not words & self.matcher.vocabulary(intent.name)):  # fmt: skip
                continue  # (a question in none of its words: "when did they meet in 2019")
            topic = self._held_topic(q) if topic is None else topic
            if not topic:
                return None
            facts = [f for k in kinds for f in self.table.find(k) if f.year in years]
            # (of its own period, as asked: not a goal set for that year, "by 2028")
            facts = self._in_period(facts, q) if facts else []
            ranked = [r.fact for r in self.relevance.rank(facts, topic, MIN_COVER)] if facts else []
            if ranked and not self.answerable.claims(q, ranked):
                return Pick(intent, tuple(ranked))
        return None

    @staticmethod
    def _unclaimed(q: Question, regions: Set[str]) -> Question:
        """``q`` without what it claims: its figures, ordinals, counts and months of a period
        ("the first 10 months") and the regions it names."""
        slots = dataclasses.replace(q.slots, ordinals=())
        keep = [i for i, w in enumerate(q.written) if not _CLAIMED_NUMBER.fullmatch(w)]
        return dataclasses.replace(
            q, text=FIRST_MONTHS.sub(" ", q.text), read_slots=lambda _q: slots, amounts=(),
            names=tuple((marker, name) for marker, name in q.names if name not in regions),
            tokens=tuple(q.tokens[i] for i in keep), written=tuple(q.written[i] for i in keep),
            words=tuple(w for w in q.words if not _CLAIMED_NUMBER.fullmatch(w)),
        )  # fmt: skip

    def _declined_word(self, q: Question, pick: Pick) -> tuple[str, ...]:
        """The question's words that only declining intents know ("death toll" of the quake)
        and none of the facts says, as written: the facts found are about something else."""
        asked = [(t, w) for t, w in zip(q.tokens, q.written, strict=False)
                 if t in self._declined_words]  # fmt: skip
        if not asked:
            return ()
        held: set[str] = set()
        for f in pick.facts:
            held |= self.answerable.words(f)
        return tuple(w for t, w in asked if t not in held)

    def _yes_or_no(self, q: Question, match: Match, within: Set[str] | None,
                   pick: Pick | Decline) -> Pick | Decline:  # fmt: skip
        """A yes-or-no question's answer says yes or no when its facts confirm or contradict
        what it claims (``bot.verdict``): "was the quake of magnitude 7.2?" is declined for the
        7.2 no fact gives, and is answered no with the fact of 6.2."""
        if isinstance(pick, Decline):
            # what it claims chose no fact: the facts picked without the claim, if they give
            # another value ("the 14th Five-Year Plan?": the 15th; "in the first 10 months?":
            # 11; "$321 billion?": $312 billion; "did the quake strike Sichuan?": Gansu)
            if pick.no_meeting or pick.outside or pick.out_of_scope:
                return pick
            regions = {name for marker, name in q.names if marker == "#region"}
            if pick.unsaid:  # (a figure or a region no fact gives; another word: declined)
                if not set(pick.unsaid) <= set(q.amounts) | regions:
                    return pick
            elif not (q.claims or regions or q.slots.ordinals):
                return pick
            again = self._pick(self._unclaimed(q, regions), match, within)
            if (
                isinstance(again, Pick)
                and again.facts
                and (
                    self._verdict(q, again) == "no"
                    or ((pick.unsaid or regions) and self._named_otherwise(q, again.facts))
                    or (bool(pick.unsaid) and _other_figure(q, again.facts))
                )
            ):
                return dataclasses.replace(again, no=True)
            return pick
        if pick.no or not pick.facts:
            return pick
        found = self._verdict(q, pick)
        if found != "no" and self._of_other_years(q, pick):
            found = "no"  # "was the 75th anniversary in 2023?": of 2024, said at a 2023 meeting
        if found != "no" and self._on_other_day(q, pick):
            found = "no"  # "did they meet on May 25, 2023?": on May 24
        visited = self._not_visited(q, pick)
        if visited:  # "did Mishustin visit Gansu?": condolences over the quake there are no visit
            return Decline(pick.intent.name, unsaid=visited)
        missing = self._unconfirmed(q, pick) if found == "yes" else ()
        if found == "yes" and not missing:
            missing = self._done_at(q, pick)
        if missing:  # "did Xi visit the earthquake zone in Gansu?": the condolences over the
            return Decline(pick.intent.name, unsaid=missing)  # quake are no answer
        absent = self._absent_people(q, pick.facts) if found == "yes" else ()
        if absent:  # "did Putin accept Xi's invitation?": the invitation was Mishustin's
            return Decline(pick.intent.name, unsaid=absent)
        unnamed = self._unnamed_names(q, pick) if found == "yes" else ()
        if unnamed:  # "was Lavrentyev at the March 2023 meeting?": the meeting was held, and
            return Decline(pick.intent.name, unsaid=unnamed)  # it does not name him
        if found == "yes" and not self._all_named(q, pick.facts):
            # "was the quake in Sichuan?": the quake in Gansu says no (a place, a region: one
            # per event), else the facts confirm nothing
            found = "no" if self._named_otherwise(q, pick.facts) else ""
            nowhere = self._nowhere(q, pick, 4)
            if not found and nowhere:  # "did they agree a new gas price?": no article has a
                return Decline(pick.intent.name, unsaid=tuple(nowhere))  # price: no answer
        if not found:
            # nothing confirmed or contradicted: a word no fact holds ("did the two leaders
            # hug?") or a length no fact gives ("did the Moscow meeting last two hours?")
            nowhere = [w for w in self._nowhere(q, pick, 3) if w.lower() not in STOP]
            lasted = _LASTED_FOR.search(q.text)
            if lasted and DURATION not in pick.intent.answers:
                *_, n, unit = lasted.group().lower().split()
                displays = " ".join(f.display.lower() for f in pick.facts)
                if f"{n}-{unit.rstrip('s')}" not in displays:  # (a "three-day visit" says it)
                    nowhere.append(lasted.group())
            elif q.duration and DURATION not in pick.intent.answers:
                nowhere.append(q.duration)
            if nowhere:
                return Decline(pick.intent.name, unsaid=tuple(nowhere))
        weekday = pick.weekday or any(c.cls == "weekday" for c in q.claims)
        if found == "no" and (shown := self._shown_otherwise(q, pick)) is not None:
            return shown  # "did they meet in the afternoon?": no, and the time of day they did
        return dataclasses.replace(pick, no=found == "no", yes=found == "yes", weekday=weekday)

    def _on_other_day(self, q: Question, pick: Pick) -> bool:
        """The question names a day (month and day, perhaps a year) and every fact is of a
        meeting held on another day: they were picked by the month."""
        days = [(d.month, d.day, d.value.year if d.explicit and d.value else None)
                for d in find_dates(q.text, None) if d.month and d.day]  # fmt: skip
        if not days or not pick.facts:
            return False
        held = {m.date for f in pick.facts if f.meeting
                and (m := self.table.meeting(f.meeting)) is not None and m.date}  # fmt: skip
        if not held or any(f.kind not in _OF_A_MEETING for f in pick.facts):
            return False
        return not any(h.month == mo and h.day == dd and (y is None or h.year == y)
                       for h in held for mo, dd, y in days)  # fmt: skip

    def _of_other_years(self, q: Question, pick: Pick) -> bool:
        """The question claims a year for what the facts date themselves (an anniversary, a
        trade figure), and every fact gives another year: they were picked by their meeting's
        year. What was said in a year ("did Xi mention the anniversary in 2023?") is no claim of
        the thing's own year."""
        years = q.slots.years
        return bool(years and pick.facts and not q.said and all(
            KINDS[f.kind].dated and f.year is not None and f.year not in years
            for f in pick.facts))  # fmt: skip

    def _nowhere(self, q: Question, pick: Pick, shortest: int) -> list[str]:
        """The question's words, as written, that no intent reads, no fact of any article holds
        and ``pick``'s facts do not hold either (a word inside one of their words is there:
        "changed" in "unchanged"); Latin letters only, at least ``shortest`` of them."""
        held = " ".join(w for f in pick.facts for w in self.relevance.fact_words(f))
        return [w for t, w in zip(q.tokens, q.written, strict=False) if t in q.unknown
                and t.isascii() and t.isalpha() and len(t) >= shortest
                and t not in self.relevance.known and w.lower() not in _NO_TOPIC
                and t not in STOP and w.lower() not in STOP and t not in held]  # fmt: skip

    def _done_at(self, q: Question, pick: Pick) -> tuple[str, ...]:
        """What a question says a person did at an event ("did Putin go to the Belt and Road
        Forum?", "посетил ли Путин форум", "who attended the forum?"), as written, when its
        facts only name the event (no one's deed): a mention is no attendance."""
        m = _DONE_AT.search(q.text)
        if m is None or not (q.slots.people or q.slots.speaker or q.wh == "who"):
            return ()
        if not pick.facts or any(f.kind not in _MENTIONS for f in pick.facts):
            return ()
        return (m.group(0),)

    def _shown_otherwise(self, q: Question, pick: Pick) -> Pick | None:
        """For a "no", when the facts' own words do not show the part of the day the question
        claims (their sentences do): the facts of the same meetings that show it, under the
        intent that answers them; None when there are none."""
        asked = {c.cls for c in q.claims} & {"daytime"}
        if not asked or any(c.cls in asked for f in pick.facts for c in claims(f.display)):
            return None
        ids = {f.meeting for f in pick.facts}
        for intent in self.intents.values():
            if intent.declines or intent.about == "other":
                continue
            for kind in intent.answers:
                shown = [f for f in self.table.find(kind, ids)
                         if any(c.cls in asked for c in claims(f.display))]  # fmt: skip
                if shown:
                    return Pick(intent, tuple(shown), no=True)
        return None

    def _unknown_place(self, q: Question, meeting: bool = False) -> str:
        """A word after "in" ("в") that no intent, name or fact knows, titled ("in busan":
        Busan): a place no article names; "" when there is none. The word is capitalised or
        ends the question or its clause ("in Busan in 2026"), so "in both countries" and "во
        время визита" name no place."""
        if not q.unknown:
            return ""
        words = [w for w in re.findall(r"[^\W\d_]+", q.text)
                 if w.lower() not in self._principal_names]  # fmt: skip
        # (In A Question Written In Title Case a capital names nothing: "in Person")
        titled = sum(w[:1].isupper() for w in words) > len(words) / 2
        meeting = meeting and not titled
        for m in _AFTER_IN.finditer(q.text):
            word = m.group(1) or m.group(3)
            if word.lower() in _NOT_PLACES:  # "в гости", "в итоге": no place
                continue
            # ("in busan?" ends its clause; "the Xiamen meeting" is written with a capital, and
            # "the penultimate meeting" is not)
            if not ((word[:1].isupper() and not titled) or m.group(2) is not None):
                continue
            tok = self._unread(q, word)
            if (
                tok
                and ((meeting and word[:1].isupper()) or tok not in self.relevance.known)
                # (a meeting's place is a gazetteer's: "in Nairobi", which another fact names,
                and not any(  # is none of theirs)
                    self.gaz.find(section, word[:1].upper() + word[1:])
                    for section in _PLACE_SECTIONS
                )  # fmt: skip
            ):
                return word[:1].upper() + word[1:]
        return ""

    def _not_visited(self, q: Question, pick: Pick) -> tuple[str, ...]:
        """The places and regions a yes-or-no question says someone visited ("did Mishustin
        visit Gansu?") where none of the facts' meetings was, as named."""
        if not _VISITED.search(q.text):
            return ()
        asked = [name for marker, name in q.names if marker in ("#place", "#region")]
        # (and "Gansu", a word the intents use, so no marker)
        asked += [e.name for section in ("places", "regions")
                  for _, e in self.gaz.find(section, q.text) if e.name not in asked]  # fmt: skip
        if not asked:
            return ()
        meetings = [m for m in map(self.table.meeting, {f.meeting for f in pick.facts}) if m]
        at = {m.place for m in meetings if m.place}
        at |= {str(e.attr("country")) for p in at if (e := self.gaz.get("places", p)) is not None}
        return tuple(name for name in asked if name not in at)

    def _named_otherwise(self, q: Question, facts: Sequence[Fact]) -> bool:
        """Whether the question names a region or a place that the facts do not, and they
        name another one of its kind."""
        text = " ".join(f"{f.display} {f.source}" for f in facts)
        for marker, section in (("#region", "regions"), ("#place", "places")):
            asked = {name for m, name in q.names if m == marker}
            if (
                asked
                and not any(a in text for a in asked)
                and any(e.name not in asked for _, e in self.gaz.find(section, text))
            ):
                return True  # fmt: skip
        return False

    def _unconfirmed(self, q: Question, pick: Pick) -> tuple[str, ...]:
        """The words of a yes-or-no question's own topic (not its intent's, not the people
        who met) that none of the facts holds, as written."""
        meetings = [m for m in map(self.table.meeting, {f.meeting for f in pick.facts}) if m]
        own = self.matcher.vocabulary(pick.intent.name)
        # (only words read as written: a typo, repaired or not, says nothing here)
        read = set(q.words) - set(q.unknown)
        asked = [w for w in self._topic(q, meetings) if w.isascii() and w.isalpha()
                 and w in read and w not in own]  # fmt: skip
        if not asked:  # (most questions: no fact need be read)
            return ()
        held: set[str] = set()
        for f in pick.facts:
            held |= self.relevance.fact_words(f)
        for m in meetings:  # ("after the Gansu earthquake": the meeting's, said beside it)
            held |= self._meeting_words(m)
        missing = [w for w in asked if w not in held]
        written = dict(zip(q.tokens, q.written, strict=False))
        return tuple(written.get(w, w) for w in missing)

    def _unnamed_names(self, q: Question, pick: Pick) -> tuple[str, ...]:
        """The people a yes-or-no question names (a word of a name the articles give someone,
        or one after a title, "Premier Zhou Hanlin"; not a principal's nor part of a place or
        another name the gazetteer knows) whom none of the facts, as written, nor their
        meetings' places name (nor, asked of a meeting, its people)."""
        # (a word of a place, a venue or any other name the gazetteer knows chooses a meeting)
        named = [(a, b) for section in self.gaz.sections if section != "people"
                 for a, b, _ in self.gaz.spans(section, q.text)]  # fmt: skip
        facts = pick.facts
        text = " ".join(f"{f.display} {f.source} {f.place or ''}" for f in facts).lower()
        if pick.intent.about == "meeting":  # "was Gusev at the Moscow meeting?": its people
            text += " " + " ".join(p for m in {f.meeting for f in facts if f.meeting}
                                   for p in self.table.values(PERSON, m)).lower()  # fmt: skip
        titled = [(m.start("name"), m.end("name")) for m in _TITLED.finditer(q.text)]
        out = []
        for m in _WORD.finditer(q.text):
            word = m.group()
            if (word.lower() not in text and word.lower() not in self._principal_words
                    and not any(a <= m.start() < b for a, b in named)
                    and (word.lower() in self._person_words()  # ("did sokolova accept ...")
                         or any(a <= m.start() < b for a, b in titled))):  # fmt: skip
                out.append(word)
        return tuple(out)

    def _names_another(self, f: Fact, q: Question) -> bool:
        """The fact's display names a person the question does not name (by a name: "the
        Russian prime minister" names no one)."""
        asked = {e.name for _, e in self.gaz.find("people", q.text)}
        # (of the country asked: "the Chinese premier" is not the Russian prime minister)
        countries = q.office_countries
        country = next(iter(countries)) if len(countries) == 1 else ""
        if any(e.name not in asked and not (country and (role := str(e.attr("role") or ""))
                                            and not role.endswith(f"of {country}"))
               for _, e in self.gaz.find("people", f.display)):  # fmt: skip
            return True
        words = q.text.lower()  # (someone the gazetteer does not know, by the name as written)
        return any(not self.gaz.find("people", m.group())
                   and not all(w.lower() in words for w in m.group().split())
                   for m in _FULL_NAME.finditer(f.display))  # fmt: skip

    def _names_someone(self, q: Question) -> bool:
        """The question names a person: one the gazetteer knows or one the articles name."""
        return bool(q.slots.people) or any(
            w.lower() in self._person_words() for w in re.findall(r"[A-Za-z]{3,}", q.text)
        )

    def people_named(self) -> tuple[str, ...]:
        """The full names of everyone the articles say was present (a group, "the Cabinet
        members", is no name), once; a store reads the values alone."""
        if self._people_named is None:
            self._people_named = tuple(sorted(v for v in self.table.kind_values(PERSON)
                                              if _FULL_NAME.fullmatch(v)))  # fmt: skip
        return self._people_named

    def _person_words(self) -> frozenset[str]:
        """The words of ``people_named``, in lower case (once)."""
        if self._people_words is None:
            self._people_words = frozenset(w.lower() for v in self.people_named()
                                           for w in v.split())  # fmt: skip
        return self._people_words

    def _absent_people(self, q: Question, facts: Sequence[Fact]) -> tuple[str, ...]:
        """The people a yes-or-no question names, but the principals, whom none of the facts
        (their display or sentence) names."""
        asked = [p for p in q.slots.people if p not in self.principals]
        if not asked or not facts:
            return ()
        named = {e.name for f in facts for text in (f.display, f.source)
                 for _, e in self.gaz.find("people", text)}  # fmt: skip
        return tuple(p for p in asked if p not in named)

    def _all_named(self, q: Question, facts: Sequence[Fact]) -> bool:
        """Whether the facts (or their meetings' places) name every name and every word no
        intent knows that the question says, but the principals'."""
        words: set[str] = set()
        for f in facts:
            words |= self.answerable.words(f)
        # (a Russian word is not looked for in the English the facts are written in)
        if not all(w in words for w in q.unknown
                   if w.isascii() and not w.isdigit() and not w.startswith("#")):  # fmt: skip
            return False
        text = " ".join(f"{f.display} {f.source} {f.place or ''}" for f in facts)
        asked = {name for _, name in q.names
                 if name not in self.principals and not name.startswith("#")}  # fmt: skip
        missing = {name for name in asked if name not in text}
        if missing:  # a name the facts write another way: "the Belt and Road Forum" names
            named = {e.name for section in _MARKED_SECTIONS  # the Belt and Road Initiative
                     for _, e in self.gaz.find(section, text)}  # fmt: skip
            missing -= named
        return not missing

    def _verdict(self, q: Question, pick: Pick) -> Verdict:
        """Whether ``pick``'s facts confirm the question's claims, contradict them or neither;
        a dated meeting's weekday is its date's (not a weekday its sentences name)."""
        if not q.claims:  # (nothing claimed: nothing to contradict, and no fact to read)
            return "yes"
        given: set[Claim] = set()
        dates = [m.date if m else None for m in map(self.table.meeting, {f.meeting for f in
                                                                         pick.facts})]  # fmt: skip
        for f in pick.facts:
            given |= self._claims(f)
        # (a fact that gives a day of its own, another meeting's "Tuesday, December 19" or an
        # occasion "held December 19, 2023", keeps that day's weekday)
        own_days = {d.value for f in pick.facts for d in find_dates(f.display, None) if d.value}
        if own_days - {d for d in dates if d is not None}:
            given = {c for c in given if c.cls != "weekday"} | {weekday_claim(d) for d in own_days}
        elif dates and all(dates) and not any(getattr(f.parts, "weekday", "") for f in pick.facts):
            given = {c for c in given if c.cls != "weekday"}
            given |= {weekday_claim(d) for d in dates if d is not None}
        return verdict(q.claims, given)

    def _claims(self, fact: Fact) -> frozenset[Claim]:
        """What a fact's display and sentence claim (``bot.verdict``), remembered."""
        key = self.table.fact_key(fact)
        found = self._claims_of.get(key)
        if found is None:
            if len(self._claims_of) >= _CLAIMS_KEPT:
                self._claims_of.clear()
            found = self._claims_of[key] = claims(f"{fact.display} {fact.source}")
        return found

    def _said_by_another(self, q: Question, match: Match, within: Set[str] | None) -> Pick | None:
        """For a yes-or-no question of what a speaker said that he did not say, what another
        said of it (the answer is no, and who said it); None otherwise."""
        if not q.says or q.wh or not _asks_yes_or_no(q):
            return None
        speaker = q.slots.speaker
        if not speaker:
            return None
        said = next((i for i in self.intents.values() if i.rank == "words"), None)
        if said is None or match.intent != said.name:
            return None
        anyone = dataclasses.replace(q.slots, speaker="", people=tuple(
            p for p in q.slots.people if p != speaker))  # fmt: skip
        found = self._pick(dataclasses.replace(q, read_slots=lambda _q: anyone), match, within)
        if not isinstance(found, Pick) or not found.facts:
            return None
        if any(self._said_by(f, speaker) for f in found.facts):
            return None
        if q.verify and any(self._does(f.value, speaker, q.verify) for f in found.facts):
            return None  # "did Putin send a message": Xi said Putin did; no "no" from that
        return dataclasses.replace(found, no=True)

    def _does(self, text: str, person: str, verbs: Sequence[str]) -> bool:
        """True when ``text`` names ``person`` before one of ``verbs`` (stems): he does it there
        ("President Vladimir Putin ... sent messages of sympathy")."""
        named = [at for at, e in self.gaz.find("people", text) if e.name == person]
        said = [m.start() for m in re.finditer(r"\w+", text) if any(
            stem(w := m.group().lower()) == v or (len(v) >= 4 and w[:3] == v[:3]
                                                  and abs(len(w) - len(v)) <= 1)  # "sent": send
            for v in verbs)]  # fmt: skip
        return bool(named and said and min(named) < max(said))

    def _spoken(self, pick: Pick, q: Question) -> bool:
        """False when the question asks what a speaker said ("what did Mishustin say about",
        not "did Mishustin mention") and none of the facts it got (of a kind with no speaker:
        an anniversary, a trade figure) was voiced by that speaker (``_voiced``)."""
        speaker, intent = q.slots.speaker, pick.intent
        if not speaker or not q.says or intent.about != "topic":
            return True
        if intent.rank != "none" or any(KINDS[f.kind].agent is not None for f in pick.facts):
            return True
        return bool(self._voiced(list(pick.facts), speaker))

    def _said_instead(
        self, q: Question, match: Match, within: Set[str] | None
    ) -> Pick | Decline | None:
        """What the statements intent (the one ranking words) picks for ``q``."""
        said = next((i for i in self.intents.values() if i.rank == "words"), None)
        if said is None:
            return None
        return self._pick(q, dataclasses.replace(match, intent=said.name), within)

    def _in_his_words(self, pick: Pick, q: Question) -> bool:
        """True when the question asks what a speaker said and every fact picked (of a kind
        with no speaker) comes from a sentence that is a statement of his: the statement says
        more than the fact's name."""
        speaker, intent = q.slots.speaker, pick.intent
        if not speaker or not q.says or intent.about != "topic" or intent.rank != "none":
            return False
        if not pick.facts or any(KINDS[f.kind].agent is not None for f in pick.facts):
            return False
        spoken = self._spoken_at(pick.facts, speaker)
        return all((f.article, f.sentence) in spoken for f in pick.facts)

    def _spoken_at(self, facts: Sequence[Fact], speaker: str) -> set[tuple[str, int]]:
        """The sentences (article, number) of the statements of ``speaker`` at the meetings of
        ``facts``."""
        return {(f.article, f.sentence)
                for f in self.table.find(STATEMENT, {f.meeting for f in facts})
                if self._said_by(f, speaker)}  # fmt: skip

    def _voiced(self, facts: list[Fact], speaker: str) -> list[Fact]:
        """Those of ``facts`` from a sentence whose first person named is ``speaker`` ("Xi said
        ...", not "Mishustin conveyed to Xi ..."), or one he said (a transcript's sentence
        names no one: what he said there is a statement of his)."""
        gaz = self.matcher.reader.gaz
        spoken = self._spoken_at(facts, speaker)
        return [
            f
            for f in facts
            if (f.article, f.sentence) in spoken
            or next((e.name for _, e in gaz.find("people", f.source)), "") == speaker
        ]

    def _runner_up(self, q: Question, match: Match, pick: Pick | Decline,
                   within: Set[str] | None) -> Pick | None:  # fmt: skip
        """When what someone said holds nothing of the question ("what anniversary did
        Mishustin mention"), the topic the question names by a word of its own (the
        anniversary) answers, if that intent matched confidently too."""
        asked = self.intents.get(match.intent or "")
        if asked is None or asked.rank != "words" or not isinstance(pick, Decline):
            return None
        if pick.outside or pick.out_of_scope or pick.unsaid or pick.no_meeting:
            return None
        name, score = next(((n, v) for n, v in match.scores if n != asked.name), ("", 0.0))
        other = self.intents.get(name)
        if (other is None or score < self.matcher.threshold or other.about != "topic"
                or other.rank != "none" or other.declines
                or not self.matcher.typical(name, q.words, asked.name)):  # fmt: skip
            return None
        topic = self.relevance.topic(_without_occasion(q), {q.slots.speaker, *self.principals})
        named = {w for w in topic if not w.startswith("@")}  # (people it names: the intent's)
        if not named or not named <= self.matcher.vocabulary(name):  # all it asks about
            return None  # ("what did Mishustin say about expanding the pie of cooperation")
        found = self._pick(q, dataclasses.replace(match, intent=name, score=score), within)
        return found if isinstance(found, Pick) and self._spoken(found, q) else None

    def _held_topic(self, q: Question) -> tuple[str, ...]:
        """The words of ``q`` a fact that answers it must hold: not the principals (they met
        every time: naming them asks no topic), nor "the last ..." (which meeting)."""
        topic = self.relevance.topic(q, {q.slots.speaker, *self.principals})
        if q.slots.select:
            topic = tuple(w for w in topic if w not in _SELECT_WORDS)
        return topic

    @functools.cached_property
    def _open_intent(self) -> Intent | None:
        """The first intent that ranks facts by words: what a fallback answer is given as."""
        return next((i for i in self.intents.values() if i.rank != "none"), None)

    def _fallback(self, q: Question, within: Set[str] | None, own: bool = False) -> Pick | None:
        """The facts of any kind, or the sentence, that hold every specific word of a question
        no intent answers; ``own``: the facts of the question's speaker only, of kinds that
        have one (what he said, asked of his other deeds)."""
        intent = self._open_intent
        topic = self._held_topic(q)
        if intent is None or not topic or q.slots.outside:
            return None
        # (other meetings hold what was said there too: a premiers' meeting an article is about)
        meetings = self._meetings(q.slots, q.slots.countries_in, True)
        if q.slots.met:
            meetings = [m for m in meetings if self._has_people(m, q.slots.met)]
        ids = {m.id for m in meetings if within is None or m.id in within}
        # one word alone ("dragon?") asks for the few facts that hold it
        alone = len(topic) == 1 and len(q.words) <= _ALONE and self.relevance.rare(topic[0])
        if len(topic) >= FALLBACK_WORDS or alone:
            facts = [f for f in self.relevance.covering(topic, FALLBACK_COVER, strict=True)
                     if f.kind not in _NO_FALLBACK and f.meeting in ids]  # fmt: skip
            facts = self._in_question(q, facts)
            if q.slots.speaker:  # (his own: deeds and words, not who he is)
                facts = [f for f in facts if (a := KINDS[f.kind].agent) is None and not own
                         or a is not None and a(f) == q.slots.speaker
                         and not (own and (KINDS[f.kind].named or f.kind == PERSON))]  # fmt: skip
            if q.slots.people:  # "did Mishustin visit the quake zone": not what Xi said about it
                named = set(q.slots.people)
                facts = [f for f in facts if (a := KINDS[f.kind].agent) is None or a(f) in named]
            ranked = self.relevance.rank(facts, topic, FALLBACK_COVER, strict=True)
            found = [r.fact for r in ranked]
            wanted = focus(q)
            if wanted is not None and wanted.said == "how much":
                # "how much did Russia pledge to invest": a figure, not a call to invest
                found = [f for f in found if wanted.gives(f.display)]
            if found and not self.answerable.claims(q, found) and not lacks(q, found):
                return Pick(intent, tuple(found))
        if own:
            return None
        quoted = self._quoted(q, topic, ids, intent)
        if quoted is None and (q.slots.places or q.slots.months) and not q.slots.venues:
            # "how many companies exhibit at the expo in Khabarovsk": a report's sentence
            quoted = self._quoted_there(q, topic, within, intent)
        return quoted

    def _sentence_says_yes(self, q: Question, pick: Pick) -> Pick:
        """A yes-or-no question answered by the articles' sentences that hold (nearly) all its
        words: "Yes" when they confirm what it claims and deny nothing ("did Mishustin bring
        almost all important Cabinet members to the Moscow meeting?"); as it was otherwise."""
        if not pick.facts or not all(KINDS[f.kind].quotes for f in pick.facts):
            return pick
        if any(_DENIED.search(f.value) for f in pick.facts) or self._verdict(q, pick) != "yes":
            return pick
        return dataclasses.replace(pick, yes=True)

    def _quoted_instead(self, q: Question, within: Set[str] | None) -> Pick | None:
        """When the intent a question matched finds nothing (or no meeting of the principals at
        its time and place), the sentence that holds all its words and gives what it asks (a
        time, a place, someone, a number: ``gives.focus``), said at its place and time: "whom
        did Mishustin meet in Harbin in May 2032", "where was the 37th regular meeting held".
        A question that asks nothing of the kind is declined as before."""
        intent = self._open_intent
        if intent is None or q.slots.outside or focus(q) is None:
            return None
        topic = self._held_topic(q)
        if not topic:
            return None
        # (nearly all its words: what the intent looked for and did not find is no near miss)
        return self._quoted_there(q, topic, within, intent, QUOTED_YES_NO_COVER)

    def _quoted_there(self, q: Question, topic: tuple[str, ...], within: Set[str] | None,
                      intent: Intent, least: float = 0.0) -> Pick | None:  # fmt: skip
        """``_quoted`` over every meeting and report of the question's years, where the place
        and month the question names are the sentence's or its report's, not a meeting's of
        the principals; a where-question's sentence names a place it does not."""
        s = q.slots
        meetings = self._meetings(dataclasses.replace(s, places=(), months=(), venues=()),
                                  (), True)  # fmt: skip
        ids = {m.id for m in meetings if within is None or m.id in within}
        found = self._quoted(q, topic, ids, intent, least)
        if found is None:
            return None
        when = {m.id: m.date for m in meetings}
        held = [f for f in found.facts if self._said_then(f, s, when.get(f.meeting))
                and (q.wh != "where" or self._new_place(f.value, q.text))]  # fmt: skip
        return dataclasses.replace(found, facts=tuple(held)) if held else None

    def _new_place(self, text: str, question: str) -> bool:
        """True when ``text`` names a place or a venue that ``question`` does not (a country is
        in nearly every sentence: "the heads of government of China and Russia")."""
        return any(e.name not in asked for section in ("places", "venues")
                   for asked in ({e.name for _, e in self.gaz.find(section, question)},)
                   for _, e in self.gaz.find(section, text))  # fmt: skip

    def _said_then(self, f: Fact, s: Slots, day: date | None) -> bool:
        """True when the sentence ``f`` is of the question's places and months: it names them,
        its meeting was there and then, or (a report with no meeting of its own) its article's
        lead names them ("Analysis: In Harbin, ...", "May 17, 2032")."""
        if not (s.places or s.months):
            return True
        lead = ""  # (read only for a report, and only when the question names a place or month)
        if f.place is None or day is None:
            lead = " ".join(g.value for g in self.table.article_facts(f.article)
                            if g.kind == f.kind and g.sentence < _LEAD)  # fmt: skip
        for place in s.places:
            if place != f.place and place not in f.value and place not in lead:
                return False
        if s.months and not (day is not None and day.month in s.months):
            named = {n for m in _MONTH_NAME.finditer(f.value + " " + lead)
                     if (n := month_number(m.group()))}  # fmt: skip
            return bool(named & set(s.months))
        return True

    def _in_question(self, q: Question, facts: list[Fact]) -> list[Fact]:
        """``facts`` of the years and ordinals the question names, if it names any."""
        if q.slots.years:
            facts = [f for f in facts if f.year in q.slots.years]
        if q.slots.ordinals:
            facts = [f for f in facts if numbered(f, q.slots.ordinals)]
        return facts

    def _quoted(self, q: Question, topic: tuple[str, ...], ids: Set[str],
                intent: Intent, least: float = 0.0) -> Pick | None:  # fmt: skip
        """When no fact of the kinds read holds the question, the articles' sentences that hold
        (nearly) all its words, name every person and country it names and, for a who-, where-
        or when-question, name someone, somewhere or a time besides (``gives.focus``): "how many
        Chinese students study at Russian universities", "when is Lavrov coming to China". What
        someone said is his statements' (a sentence naming him says not that he said it)."""
        if q.says and q.slots.speaker:
            return None
        quoted = tuple(QUOTED + w for w in topic)
        wanted = focus(q)
        # one word ("when is Lavrov coming to China") with a focus, or a rare one alone
        if len(quoted) < FALLBACK_WORDS and not (
            self.relevance.rare(quoted[0]) and (wanted is not None or len(q.words) <= _ALONE)
        ):
            return None
        least = max(least, PASSAGE_COVER if wanted is not None else FALLBACK_COVER)
        if _says_yes_or_no(q):  # (a yes-or-no question: the sentence must say nearly all of it)
            least = QUOTED_YES_NO_COVER
        # only the sentences that hold enough of the question are read and searched for names
        # and times (thousands may hold one word of it: "когда следующий саммит брикс" took
        # 17 ms at 1,000 articles)
        facts = [f for f in self.relevance.covering(quoted, least, strict=True)
                 if KINDS[f.kind].quotes and f.meeting in ids]  # fmt: skip
        facts = self._in_question(q, facts)
        people = {QUOTED + "@" + p for p in q.slots.people}
        countries = set(q.slots.countries)
        facts = [f for f in facts if people <= self.relevance.words_of(f)
                 and (not countries or countries <= {e.name for _, e in
                                                     self.gaz.find("countries", f.value)})
                 and (wanted is None or wanted.gives(f.value))
                 and not _turned_round(q.text, f.value)]  # fmt: skip
        ranked = self.relevance.rank(facts, quoted, least, strict=True)
        found = [r.fact for r in ranked]
        if not found or self.answerable.claims(q, found) or lacks(q, found):
            return None
        return Pick(intent, tuple(found))

    def _pick(self, q: Question, match: Match, within: Set[str] | None) -> Pick | Decline:
        intent, topic = self._framed(q, match)
        asked = intent or self.intents.get(match.best)
        if (q.wh in ("which", "when") and MEET in q.words and asked is not None
                and not asked.declines and (intent is None or intent.about == "topic")
                and q.slots.day_offset
                and (q.slots.ordinals or self._elsewhere(q.slots))):  # fmt: skip
            # "Which meeting took place the day after the Hangzhou regular meeting?": theirs, a
            # day after the other meeting, whatever else the question's words are like
            return self._after_other(q.slots, asked)
        if intent is None:
            best = self.intents.get(match.best)
            return Decline(match.best, out_of_scope=best is not None and best.declines)
        s = q.slots
        # "Invite Putin to China" is not where they met; "did they meet in China" is.
        countries = s.countries if intent.about == "meeting" else s.countries_in
        if intent.rank != "none":  # "what did Xi say about unity in China": a topic, not a place
            countries = ()
        if s.outside:
            return Decline(intent.name, outside=s.outside)
        nowhere = self._unknown_place(q, intent.about == "meeting")
        if nowhere:  # "when did they meet in Busan": a place no article names, no meeting there
            return Decline(intent.name, no_meeting=NoMeeting(s.years, s.months, (nowhere,)))
        if s.select and s.places and _SELECTED_THERE.search(q.text):
            # "was the last meeting in Moscow?": the last meeting, then whether it was there
            held = sorted((m for m in self.table.meetings if not m.what and m.date),
                          key=lambda m: self.table.sort_key(m.id))  # fmt: skip
            chosen = held[-1:] if s.select == "last" else held[:1]
            if chosen and chosen[0].place not in s.places:
                return self._not_there(
                    q, intent, NoMeeting(s.years, s.months, s.places), (chosen[0].id,)
                )
        # Other meetings (a premiers' meeting an article is about) hold facts too; a question
        # about the meetings themselves is about the principals', unless it picks another one by
        # what happened there ("where was the 29th regular meeting").
        others = intent.about != "meeting" or (topic is not None and topic.about == "other")
        if (not others and (s.places or s.venues) and intent.asks not in ("date", "count")
                and not s.met and not set(s.people) & self.principals
                and not self._meetings(s, countries)):  # fmt: skip
            # "which deputy prime ministers were at the Harbin talks": no meeting of theirs was
            # there, a premiers' meeting an article is about was
            others = True
        if intent.about == "other" and (s.places or s.months or s.venues):
            # another meeting's place, venue and month are its own (``_placed``), not its group's
            meetings = self._meetings(dataclasses.replace(s, places=(), months=(), venues=()),
                                      countries, others)  # fmt: skip
        elif self._month_period(intent, q):
            # "trade in April 2026": the month is the figure's own period (``_in_period``), not
            # a meeting's
            meetings = self._meetings(dataclasses.replace(s, months=()), countries, others)
        else:
            meetings = self._meetings(s, countries, others)
        if intent.about == "meeting" and intent.asks in ("date", "place") and q.future:
            # "is another meeting planned, and where?": the meetings of theirs articles announce
            planned = self._announced(s)
            if planned and (named := self._countries(q.text)):  # "which Russian cities will Xi
                planned = [f for f in planned if self._in_countries(f, named)]  # visit"
            if planned and q.precision == "day":  # "on what exact date will they meet": the
                planned = [f for f in planned if len(str(getattr(f.parts, "when", ""))) == 10]
                if not planned:  # announced day, not "in 2026"
                    return Decline(intent.name, unsaid=(q.precision_as,))
            if planned and self.other is not None:
                return Pick(self.other, tuple(planned))
            if not planned and _WILL.match(q.future_as):  # "when will Xi visit Russia": a
                # meeting no article announces; a past one is no answer
                return Decline(intent.name, unsaid=(q.future_as,))
        if (intent.about == "meeting" and intent.asks == "facts" and q.future
                and not any(m.date and (not s.years or m.date.year in s.years)
                            for m in meetings)):  # fmt: skip
            # "who will accompany Mishustin in April 2027": a meeting of theirs an article
            # announces (its label says so)
            meetings = [m for m in self._meetings(s, countries, True) if self._planned(m)]
        named_places: tuple[str, ...] = ()
        if not meetings and s.places and intent.about == "topic":
            # "who co-chaired the regular meeting in Hangzhou": no meeting of the table was
            # there, but what was said at one may be about there; its facts must name the place
            named_places = s.places
            meetings = self._meetings(dataclasses.replace(s, places=()), countries, others)
        if within is not None:
            meetings = [m for m in meetings if m.id in within]
        if q.occasion and intent.about in ("topic", "meeting") and len(meetings) > 1:
            # "what did Xi say during Mishustin's official visit": the meetings of that occasion
            kinds = q.occasion.kinds
            meetings = [
                m
                for m in meetings
                if any(f.qualifier in kinds for f in self.table.find(OCCASION, {m.id}))
            ] or meetings
        if intent.about == "meeting" and s.people and topic is None:
            meetings = [m for m in meetings if self._has_people(m, s.people, q.future)]
        elif s.met and intent.about != "other" and not self._said_met(q, intent):
            # "when did Xi meet Putin ...": whatever else chooses, Putin must have met
            meetings = [m for m in meetings if self._has_people(m, s.met)]
        if not meetings and intent.about == "meeting" and self._outsiders(s):
            if intent.asks == "count" or (_says_yes_or_no(q) and any(
                    c.cls == "count" for c in q.claims)):  # fmt: skip
                # "how many times did Xi meet Putin in 2023", "did he meet him twice": what was
                # said of it ("he has met with President Vladimir Putin twice"), if it counts
                theirs = dataclasses.replace(
                    s, met=(), people=tuple(p for p in s.people if p in self.principals)
                )  # (said at their meetings)
                said = self._said_instead(
                    dataclasses.replace(q, read_slots=lambda _q: theirs), match, within
                )
                counted = [f for f in (said.facts if isinstance(said, Pick) else ())
                           if _COUNTED_TIMES.search(f.display)]  # fmt: skip
                if isinstance(said, Pick) and counted:
                    return dataclasses.replace(said, facts=tuple(counted))
            if PERSON in intent.answers and _says_yes_or_no(q) and not s.met:
                # "was Putin at the meeting?": at none of theirs (his own talks with Xi are no
                # answer)
                outsiders = tuple(p for p in s.people if p not in self.principals)
                return Decline(intent.name, no_meeting=NoMeeting(s.years, s.months, outsiders))
            return self._other_meetings(q, intent)
        if s.day_offset and (s.ordinals or self._elsewhere(s)) and intent.about != "topic":
            # "the meeting held the day after the 28th regular meeting" (or "after the Hangzhou
            # regular meeting", where they never met): theirs, a day later
            return self._after_other(s, intent)
        if s.day_offset:  # "what took place the day before they met": another meeting
            of_years = [m for m in meetings if not s.years or (m.date and m.date.year in s.years)]
            return self._next_day(of_years, s.day_offset, intent)
        if s.nth and within is None and intent.about != "meeting" and not s.years:
            # "what did Xi talk about at the third meeting": that meeting, in time order
            order = sorted(
                (m for m in meetings if not m.what), key=lambda m: self.table.sort_key(m.id)
            )
            meetings = _nth_of(order, s.nth)
        chose = False  # whether what the question describes chose the meetings
        if intent.about == "meeting" and topic is None and s.relative:
            found = self._next_to(meetings, intent, q)
            if found is not None and not found[0]:
                return Decline(intent.name)  # (the articles tell of none after the last one)
            if found is not None:  # the meeting next to the one the question names: its own
                meetings, q = found  # date and place, whatever the named one's were
                s = q.slots
        elif intent.about == "meeting" and topic is None:
            if s.nth and within is None:  # "the second time they met": in time order, after
                # the other choices (a conversation's ordinal chose ``within`` already)
                order = sorted(meetings, key=lambda m: self.table.sort_key(m.id))
                meetings = _nth_of(order, s.nth)
            elif not s.select:  # ("first", "last" would describe the meetings that say them)
                # among the meetings of the years asked, if any ("did they meet in 2024 at all")
                in_years = [m for m in meetings if m.date and m.date.year in s.years]
                described = self._described(in_years or meetings, intent, q)
                if described != (in_years or meetings):
                    meetings = described
                    chose = True
        # "right after the 4th plenum": the ordinal numbers what described the meeting
        ordinals = () if chose else s.ordinals
        if topic is not None:
            chosen = self._about(meetings, topic, q, intent)
            if not chosen and ordinals and not others:  # "where was the 29th regular meeting"
                chosen = self._about(self._meetings(s, countries, True), topic, q, intent)
            meetings = chosen
            ordinals = ()  # "the 75th" chose the meeting, not the fact
        regions = self._regions_in(q) if intent.about == "meeting" else ()
        if regions:  # "why was Mishustin in Hainan": the meetings in a city of that region
            meetings = [m for m in meetings if self._region_of.get(m.place or "") in regions]
        no_meeting = NoMeeting(s.years, s.months, s.places + countries + s.people + regions)
        if not meetings:
            return self._not_there(q, intent, no_meeting, self._near(s, countries))
        # "where was the 28th regular meeting": the leaders' meeting is no answer (another
        # meeting an article reports is)
        if s.other_event and intent.asks in ("date", "place") and not self._any_other(meetings):
            told = self._numbered_other(s, intent)  # "where was the 29th regular meeting held"
            return Pick(self.other, tuple(told)) if told and self.other else Decline(
                intent.name, other_event=True)  # fmt: skip
        wide = None if named_places else self._wide(intent, q, ordinals, meetings)
        facts = self._facts(intent, q, ordinals, meetings) if wide is None else wide[0]
        if not facts and ordinals and intent.about == "topic" and wide is None:
            # "which documents were signed after the 33rd regular meeting": the ordinal is the
            # meeting's occasion's, not the documents'
            chosen = [
                m
                for m in meetings
                if any(numbered(f, ordinals) for f in self.table.find(OCCASION, {m.id}))
            ]
            if chosen:
                facts = self._facts(intent, q, (), chosen)
        if (not facts and intent.rank == "words" and (s.months or s.years) and topic is None
                and not _AT_DATED_MEETING.search(q.text)):  # fmt: skip
            facts = self._said_of_date(intent, q, countries, others)
        if named_places:
            facts = [f for f in facts if any(p in f.display or p in f.source for p in named_places)]
            if not facts:
                return Decline(intent.name, no_meeting=no_meeting)
        office_asked = (
            _OFFICE_ASKED.search(q.text) if PERSON in intent.answers and not s.roles else None
        )
        if (
            office_asked
        ):  # "which Chinese vice premier attended": only people of that office, or none
            office = "interpreter" if office_asked.group("ru") else office_asked.group("o").lower()
            office = " ".join(office.split())
            # (as a release writes it: "Minister of Foreign Affairs", "Deputy Premier")
            written = {office, *_OFFICE_WRITTEN.get(office, ())}
            facts = [f for f in facts if f.kind != PERSON
                     or any(o in f.display.lower() for o in written)]  # fmt: skip
            if not any(f.kind == PERSON for f in facts):
                as_asked = office_asked.group().strip()  # ("who was the interpreter": the office)
                if as_asked.lower().startswith("who"):
                    as_asked = office_asked.group("o")
                return Decline(intent.name, unsaid=(as_asked,))
        if s.roles and PERSON in intent.answers:  # "who is the Chinese premier": only that office
            facts = [f for f in facts if f.kind != PERSON or f.value in s.roles]
            if not any(f.kind == PERSON for f in facts):
                return Decline(intent.name, unsaid=tuple(s.roles))
        if intent.about == "other" and q.wh == "where" and facts:
            # "where was the 28th regular meeting held": where its own sentence says (not the
            # dateline of the report it is told in)
            facts = [f for f in facts if (place := _own_place(f)) and any(
                e.name == place for _, e in self.gaz.find("places", f.source))]  # fmt: skip
            if not facts:
                return Decline(intent.name, other_event=True)
        if intent.about == "other" and q.precision == "day" and facts:
            # "on what exact date will they meet": another meeting's own day (not the day an
            # article announced it)
            facts = [f for f in facts if len(str(getattr(f.parts, "when", ""))) == 10]
            if not facts:
                return Decline(intent.name, unsaid=(q.precision_as,))
        if intent.about == "other" and q.future and facts:
            # "when is Mishustin's next visit scheduled": only what an article announces
            facts = [f for f in facts if getattr(f.parts, "status", "") == "planned"]
            if not facts:
                return Decline(intent.name, unsaid=(q.future_as,))
        others_asked = next((w for t, w in zip(q.tokens, q.written, strict=False)
                             if t in self._others_asked), "")  # fmt: skip
        if not others_asked and (members := _MEMBERS.search(q.text)):
            others_asked = members.group()  # "which Russian ministers": not the principals
        if others_asked and facts and PERSON in intent.answers and not s.roles:
            # "who else was there", "who was there besides Xi": not the principals themselves
            facts = [f for f in facts if f.kind != PERSON or f.value not in self.principals]
            if not facts:
                return Decline(intent.name, unsaid=(others_asked,))
        side, side_as = q.side
        if not side and others_asked and self._accompanied in q.tokens:
            # "who came with Mishustin": his side's people (the role names the country)
            principals = [p for p in s.people if p in self.principals]
            # (the one accompanied, when the question names both: "accompanied Mishustin to
            # the meeting with Xi")
            after = _ACCOMPANIED_WHOM.search(q.text)
            whom = [e.name for _, e in self.gaz.find("people", after.group(1))] if after else []
            if whom and whom[0] in principals:
                principals = whom[:1]
            roles = [self.gaz.get("people", p) for p in principals]
            sides = {r.rsplit(" of ", 1)[-1] for e in roles if e and (r := e.attr("role"))}
            if len(sides) == 1:  # (people whose office names no country may be of it)
                other_side = {e.name for e in self.gaz.sections["countries"]} - sides
                facts = [f for f in facts if f.kind not in intent.answers
                         or not other_side & self._countries(f.display)]  # fmt: skip
                if not facts:
                    return Decline(intent.name, unsaid=(others_asked,))
        if side and facts and PERSON in intent.answers and not s.roles:
            # "who was there on the Russian side": the people whose office is that country's
            # (an office "of Russia to China" is Russia's: the country after "of" says)
            facts = [
                f for f in facts if f.kind not in intent.answers or self._of_side(f.display, side)
            ]
            if not facts:
                return Decline(intent.name, unsaid=(side_as,))
        if not facts:
            dated = {m.date.year for m in meetings if m.date}
            if not (s.places or countries or s.venues):  # (the meetings its topic chose, "during
                # his state visit", are not all: they met in 2032 all the same)
                dated |= {m.date.year for m in self.table.meetings if m.date and not m.what}
            missed = no_meeting if s.years and not dated & set(s.years) else NoMeeting()
            if intent.about == "meeting" and intent.asks in ("date", "place") and s.years:
                # "when is Mishustin to meet Xi in 2027": a meeting an article announces
                other = self._other_meetings(q, intent)
                if isinstance(other, Pick):
                    return other
            if missed and (dated_facts := self._of_its_year(q)) is not None:
                return dated_facts  # "what figure did Mishustin give for trade in 2040"
            near = self._near(s, countries) if missed else ()
            if missed and near and (otherwise := self._held_otherwise(q, near)) is not None:
                return otherwise  # "did they meet in Kazan in 2029?": no, in Harbin then
            if missed and not near and (elsewhen := self._elsewhen(q)) is not None:
                return elsewhen  # "was the Moscow meeting in 2024?": no, in March 2023
            return Decline(intent.name, no_meeting=missed, near=near)
        # what the question asks an answer to give ("on what exact date", "how many ministers",
        # "how long was the visit"): the facts that give it answer, or none does
        counts = intent.asks == "count"
        # "how many ministers": no meetings counted
        if counts and not self.answerable.counts_meetings(q):
            return Decline(intent.name, unsaid=(q.how_many or "how many",))
        for demand in demands(q, dates=intent.about == "topic", numbers=not counts):
            # (each display once: at 10,000 articles 24,000 people's facts have 4 displays)
            given = {d: demand.gives(d) for d in {f.display for f in facts}}
            giving = [f for f in facts if given[f.display]
                      or (demand.on_the_day and self._on_its_day(f))]  # fmt: skip
            if not giving:
                return Decline(intent.name, unsaid=(demand.said,))
            if demand.narrows:
                facts = giving
        if s.invited:  # "did Xi invite Mishustin to ...": only his invitations
            facts = [f for f in facts
                     if getattr(f.parts, "guest", None) in (None, *s.invited)]  # fmt: skip
            if not facts:
                return Decline(intent.name, unsaid=s.invited)
        if (q.wh == "why" or _CAUSE.search(q.text)) and "why" not in self.matcher.asked_by(
                intent.name):  # fmt: skip
            # "why did the Gansu earthquake happen": condolences tell no cause
            cause = _CAUSE.search(q.text)
            return Decline(intent.name, unsaid=(cause.group() if cause else
                                                q.written[q.tokens.index("why")]
                                                if "why" in q.tokens else "why",))  # fmt: skip
        check = self.answerable
        unsaid = (check.unsaid(intent, q, facts) or check.strange(q) or check.flipped(q, facts)
                  or self._unnamed(intent, q, facts) or self._regions(q, facts)
                  or self._absent(intent, q) or self._length_of_talks(intent, q)
                  or self._unsaid_names(intent, q, facts))  # fmt: skip
        if unsaid and q.claims and _says_yes_or_no(q):  # "the Year of the Rabbit?": the
            claimed = claim_words(q.text)  # verdict's to say, from the facts that give another
            unsaid = tuple(w for w in unsaid if w.lower() not in claimed)
        if unsaid:  # "did Putin accept ...": the invitation is no answer
            return Decline(intent.name, unsaid=unsaid)
        # "What venue hosted ...": the city is no answer; "when did the quake strike": nor is
        # the meeting's date.
        if intent.asks == "place" and q.venue and not self._venues(facts):
            return Decline(intent.name, unsaid=(q.venue_as or "venue",))
        own_time = any(KINDS[k].dated for k in intent.answers)
        if q.event_time and intent.asks == "facts" and not own_time:
            return Decline(intent.name, unsaid=("date",))
        if (
            q.wh == "where"
            and intent.about == "topic"
            and not any(self._names_place(f) for f in facts)
        ):  # "where will the 75th anniversary celebrations be held": no fact says where
            return Decline(intent.name, unsaid=(q.written[q.tokens.index("where")]
                                                if "where" in q.tokens else "where",))  # fmt: skip
        if s.years and not s.months and not _PART_ASKED.search(q.text):
            # "trade in 2026": the year's own figure, when there is one (not also January-October)
            whole = [f for f in facts if _whole_year_of(f, s.years)]
            if whole and len(whole) < len(facts) and all(
                    _whole_year_of(f, s.years) or getattr(f.parts, "period", None) == "months"
                    for f in facts):  # fmt: skip
                facts = whole
        # (a count says them all: the header counts "more")
        facts, more = self._latest(facts) if wide is None else wide
        other_intent = self.other
        if (
            other_intent is not None
            and facts
            and all(f.kind in other_intent.answers and f.kind not in intent.answers for f in facts)
        ):
            intent = other_intent  # other meetings' facts are told as theirs (not "They met on")
        return Pick(intent, tuple(facts), intent.asks == "date" and q.weekday, more)

    def _said_met(self, q: Question, intent: Intent) -> bool:
        """True when whom someone met is what was said ("what did Xi say about how often he had
        met Putin"), not the meeting it was said at ("what did Xi say when he met Putin")."""
        return q.said and intent.rank == "words" and not _MET_CLAUSE.search(q.text)

    def _said_of_date(self, intent: Intent, q: Question, countries: tuple[str, ...],
                      others: bool) -> list[Fact]:  # fmt: skip
        """What was said about a date rather than at it ("who called Xi's March 2023 state visit
        historic": said in May): the facts of any meeting that name the month or year asked."""
        s = q.slots
        wide = dataclasses.replace(s, months=(), years=())
        free = dataclasses.replace(q, read_slots=lambda _: wide)
        found = self._facts(intent, free, (), self._meetings(wide, countries, others))
        months = [MONTH_NAMES[m - 1] for m in s.months]
        return [f for f in found if all(m in f.display for m in months)
                and all(str(y) in f.display or self._dated(f, y) for y in s.years)]  # fmt: skip

    def _dated(self, fact: Fact, year: int) -> bool:
        """True when ``fact``'s meeting is of ``year`` (its date need not be said again)."""
        meeting = self.table.meeting(fact.meeting)
        return meeting is not None and meeting.date is not None and meeting.date.year == year

    def _venues(self, facts: list[Fact]) -> bool:
        """True when a venue is known for the meeting of any of ``facts``."""
        return any(self.table.values(VENUE, f.meeting) for f in facts)

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
        if intent is not None and intent.about == "other":
            return intent, None  # "who held the 29th regular meeting, and when?"
        if intent is not None and intent.requires and not intent.frame:
            # an intent asked by its own words ("when was the article about the meeting
            # published", "when did Mishustin arrive for the meeting"): what is asked
            return intent, None
        wanted = self._frames.get(q.focus)
        if wanted is None or q.words.index(q.focus) > FRAME_AT:
            return intent, None  # "what kind of visit was it when they met?" asks the kind
        scores = dict(match.scores)
        # a place is no topic, nor is the order that chooses the meeting ("where did they
        # first meet" is not about Xi's first trip abroad)
        order = _SELECT_WORDS if q.slots.select else frozenset()
        words = tuple(w for w in q.words if w not in self.relevance.place_words and w not in order)
        topic = next((other for name, score in match.scores if score >= TOPIC_MIN
                      and (other := self.intents.get(name)) is not None
                      and not other.frame and not other.declines and other.rank == "none"
                      and other.asks == "facts"
                      and self.matcher.typical(name, words, wanted.name)), None)  # fmt: skip
        if intent is None and (topic is None or scores.get(wanted.name, 0.0) < TOPIC_MIN):
            return None, None
        return wanted, topic

    def _about(self, meetings: list[Meeting], topic: Intent, q: Question,
               intent: Intent) -> list[Meeting]:  # fmt: skip
        """The meetings where ``topic`` came up: those whose facts name most of the question's
        words (as written; else as read: "the quake" is the earthquake), for ``intent``."""
        ids = {m.id for m in meetings}
        words = q.content - _FILLER - self._principal_words
        stored = None if q.slots.ordinals else self.table.overlap(topic.answers, ids, words)
        if stored is not None:  # a store's index answers without reading every fact
            overlap = list(stored.items())
        else:
            facts = [f for k in topic.answers for f in self.table.find(k, ids)]
            if q.slots.ordinals:
                facts = [f for f in facts if numbered(f, q.slots.ordinals)]
            overlap = [(f.meeting, len(words & self.text.content(f.display))) for f in facts]
        top = max((n for _, n in overlap), default=0)
        if top == 0 and not q.slots.ordinals:  # no fact of the topic names the question's
            return self._described(meetings, intent, q)  # words: its words as read, if any
        keep = {mid for mid, n in overlap if n == top}
        return [m for m in meetings if m.id in keep]

    # --- meetings and facts ------------------------------------------------------------------

    def _next_to(self, meetings: list[Meeting], intent: Intent,
                 q: Question) -> tuple[list[Meeting], Question] | None:  # fmt: skip
        """The meeting just before (after) those the question's slots and words name, and the
        question without the slots that named them; none when they are the first (last); None
        when they name no fewer than all."""
        s = q.slots
        named = [m for m in meetings if not s.years or (m.date and m.date.year in s.years)]
        named = self._described(named, intent, q)
        everything = sorted(self.table.meetings, key=lambda m: self.table.sort_key(m.id))
        if not named or len(named) == len(everything):
            return None
        at = [everything.index(m) for m in named if m in everything]
        if not at:
            return None
        i = min(at) - 1 if s.relative == "before" else max(at) + 1
        if not 0 <= i < len(everything):  # "what happened after the last meeting": none is told
            return [], q
        bare = dataclasses.replace(s, years=(), months=(), places=(), venues=(), countries=(),
                                   countries_in=(), select="", relative="")  # fmt: skip
        return [everything[i]], dataclasses.replace(q, read_slots=lambda _q: bare)

    def _described(self, meetings: list[Meeting], intent: Intent, q: Question) -> list[Meeting]:
        """The meetings the question's other words describe ("while Mishustin was on an official
        visit", "right after the fourth plenum"): those whose facts hold clearly more of them.
        Words no meeting's facts hold change nothing here."""
        own = self.matcher.vocabulary(intent.name) & self.matcher.typical_words
        drop = set(q.slots.people) - set(q.slots.met)  # Xi and Mishustin met every time
        # (what a meeting question asks for, "with its date and city", describes no meeting)
        words = [w for w in self.relevance.topic(q, drop, FUNCTION)
                 if w not in own and w not in self._frames]  # fmt: skip
        words = [
            w
            for w in words
            if w not in {f"@{p}" for p in self._principals} and w not in _DATE_WORDS and len(w) > 2
        ]  # fmt: skip ("xi n mishustin")
        if len(meetings) < 2 or not words or _ALTERNATIVES.search(q.text):
            return meetings  # ("a state or an official visit?" offers, it does not describe)
        held = {m.id: self._meeting_words(m) for m in meetings}
        df = {w: sum(w in ws for ws in held.values()) for w in words}
        weight = {w: math.log(1 + len(meetings) / n) for w, n in df.items() if n}
        if not weight:
            return meetings
        total = sum(weight.values())
        cover = {mid: sum(v for w, v in weight.items() if w in ws) / total
                 for mid, ws in held.items()}  # fmt: skip
        best = max(cover.values())
        if best < 0.5 or all(c >= best * 0.85 for c in cover.values()):
            return meetings
        return [m for m in meetings if cover[m.id] >= best * 0.85]

    def _meeting_words(self, meeting: Meeting) -> frozenset[str]:
        """Every word of the meeting's facts and of its reports' sentences (``QUOTED`` ones as
        the others)."""
        found = self._by_meeting.get(meeting.id)
        if found is None:
            stored = self.table.meeting_words(meeting.id)
            if stored is None:
                stored = frozenset(w for kind in KINDS for f in self.table.find(kind, {meeting.id})
                                   for w in self.relevance.fact_words(f))  # fmt: skip
            found = self._by_meeting[meeting.id] = frozenset(w.removeprefix(QUOTED) for w in stored)
        return found

    def _meetings(
        self, s: Slots, countries: tuple[str, ...], others: bool = False
    ) -> list[Meeting]:
        """The meetings the slots allow; with ``others``, also the other meetings articles are
        about (a premiers' meeting: what was said there is a fact too)."""
        meetings = list(self.table.meetings) + (list(self.table.others) if others else [])
        if s.venues:  # "at the Great Hall of the People"
            meetings = [m for m in meetings if set(s.venues) & self.table.values(VENUE, m.id)]
        if s.places:
            meetings = [m for m in meetings if m.place in s.places]
        if s.bound is not None:  # "before June 2026": the meetings on that side of it
            side, year, month = s.bound
            first = date(year, month, 1)
            after = date(year + month // 12, month % 12 + 1, 1)  # the next month's first day
            meetings = [m for m in meetings if m.date and (
                m.date < first if side == "before" else m.date >= after)]  # fmt: skip
        if s.not_places:  # a city or a country
            meetings = [m for m in meetings if m.place not in s.not_places
                        and self._country_of.get(m.place or "") not in s.not_places]  # fmt: skip
        if countries:
            meetings = [
                m for m in meetings if m.place and self._country_of.get(m.place) in countries
            ]
        if s.months:
            meetings = [m for m in meetings if m.date and m.date.month in s.months]
        return meetings

    def _wide(self, intent: Intent, q: Question, ordinals: tuple[int, ...],
              meetings: list[Meeting]) -> tuple[list[Fact], int] | None:  # fmt: skip
        """``_latest(_facts(...))`` chosen through a store's columns (``kind_meetings`` and the
        value index), so that only the facts shown are read, when nothing on the way from
        ``_facts`` to ``_latest`` in ``_pick`` reads the others: an intent that ranks nothing,
        asks for facts, or for the date or place of the principals' meetings (no other meeting
        among ``meetings``, no venue asked, nobody "else"), not a count; no first/last, ordinal
        or period, no office or side of the people, no other meetings, and a question that
        claims or demands nothing of the facts.
        None otherwise (or for a table in memory). At 10,000 articles "which areas of
        cooperation" read 72,000 facts to show those of 12 meetings, and "when did they meet"
        10,000 (a cold ``ask`` spent 0.13 s reading them)."""
        s, kinds = q.slots, intent.answers
        if (
            intent.rank != "none"
            or intent.asks == "count"
            or (
                intent.asks in ("date", "place")
                and (
                    intent.about != "meeting"
                    or any(m.what for m in meetings)  # (``_facts`` adds
                    or (intent.asks == "place" and q.venue)
                    or self._others(q)
                )
            )  # theirs)
            or intent.about == "other"
            or s.select
            or ordinals
            or any(KINDS[k].period is not None for k in kinds)
        ):
            return None  # fmt: skip
        index = {k: self.table.kind_meetings(k) for k in kinds}
        if (
            any(found is None for found in index.values())
            or len(index) != len(kinds)
            or sum(len(ns) for found in index.values() if found for ns in found.values())
            < _WIDE_FROM  # (a few are read as fast as chosen)
            or (PERSON in kinds and (s.roles or q.side[0]))  # (who of them: offices, sides)
            or len({KINDS[k].named for k in intent.answers}) > 1  # (``_narrow``: who is named)
            or s.invited  # (whose invitations: ``_pick`` reads them all)
            or (not intent.narrow and any(m not in _NOT_VALUES for m, _ in q.names))
            or q.verify
            or q.amounts
            or self.answerable.opposed(q)
            or demands(q, dates=intent.about == "topic")
        ):
            return None  # fmt: skip
        ids = {m.id for m in meetings}
        numbers = {k: {m: ns for m, ns in found.items() if m in ids}
                   for k, found in index.items() if found is not None}  # fmt: skip
        if s.years:  # as ``_facts``: the years' meetings, and facts of those years elsewhere
            asked = set(s.years)
            in_year = {m.id for m in meetings if m.date and m.date.year in asked}
            for k, by in numbers.items():
                other = self.table.kind_years(k)
                numbers[k] = {m: ns if m in in_year else tuple(n for n, ys in other.get(m, ())
                                                               if ys & asked)
                              for m, ns in by.items()}  # fmt: skip
                numbers[k] = {m: ns for m, ns in numbers[k].items() if ns}
        present = {k for k, by in numbers.items() if by}
        keep: set[int] | None = None  # all of them
        if intent.narrow:  # as ``_narrow``, from the values
            closed = {w for k in present for w in KINDS[k].values if w in q.content}
            names = {name for marker, name in q.names if marker not in _NOT_VALUES}
            words = set() if closed else self._narrow_words(q, names)
            if closed:
                keep = {n for k in present for v in closed for n in self._exact(k).get(v, ())}
            elif names and present & self._kinds_named(names):
                keep = {n for k in present for v, ns in self._exact(k).items()
                        if any(name in v for name in names) for n in ns}  # fmt: skip
            elif words:  # through the index of values (a fact names what its value does)
                hits = self._value_hits(words, present)
                inside = set(hits)  # the values named, of facts among those chosen
                if s.years or any(len(by) < len(index[k] or ()) for k, by in numbers.items()):
                    shown = {n for by in numbers.values() for ns in by.values() for n in ns}
                    inside = {(k, v) for k, v in inside if not shown.isdisjoint(self._exact(k)[v])}
                best = max((hits[kv] for kv in inside), default=0)
                if max(hits.values(), default=0) > best:
                    return [], 0
                if best:  # (with facts not chosen too: only the chosen are looked up in it)
                    keep = {n for k, v in inside if hits[k, v] == best for n in self._exact(k)[v]}
        if PERSON in present and self._others(q):  # "who else": not the principals (``_pick``)
            principals = {n for v in self.principals for n in self._exact(PERSON).get(v, ())}
            facts = {n for by in numbers.values() for ns in by.values() for n in ns}
            before = facts if keep is None else keep & facts
            keep = before - principals
            if before and not keep:
                return None  # (``_pick`` declines, saying "else")
        held = {m for by in numbers.values() for m, ns in by.items()
                if keep is None or any(n in keep for n in ns)}  # fmt: skip
        shown_meetings = set(sorted(held, key=self.table.sort_key)[-SHOWN:])
        chosen = [n for k in kinds for n in sorted(n for m, ns in numbers[k].items()
                                                    if m in shown_meetings for n in ns
                                                    if keep is None or n in keep)]  # fmt: skip
        found = self.table.at(chosen) if chosen else []
        return found, max(0, len(held) - SHOWN)

    def _exact(self, kind: FactKind) -> dict[str, array[int]]:
        """A store's facts of ``kind`` by value (``fact_values``: none decoded), made once (their
        keys in arrays: at 10,000 articles, 72,000 areas)."""
        found = self._by_exact.get(kind)
        if found is None:
            found = self._by_exact[kind] = {}
            for n, value in self.table.fact_values(kind):
                keys = found.get(value)
                if keys is None:
                    keys = found[value] = array("Q")
                keys.append(n)
        return found

    def _others(self, q: Question) -> bool:
        """Whether the question asks for the people besides the principals ("who else")."""
        return any(t in self._others_asked for t, _ in zip(q.tokens, q.written, strict=False))

    def _latest(self, facts: list[Fact]) -> tuple[list[Fact], int]:
        """The facts of the latest ``SHOWN`` meetings among those of ``facts``, and how many
        meetings were left out (a reply lists no more than a chat can read)."""
        order = dict.fromkeys(f.meeting for f in facts)
        if len(order) <= SHOWN:
            return facts, 0
        keep = set(sorted(order, key=self.table.sort_key)[-SHOWN:])
        return [f for f in facts if f.meeting in keep], len(order) - SHOWN

    def _of_side(self, display: str, side: str) -> bool:
        """The person or group ``display`` names may be of country ``side``: the country its
        first "of" names ("Ambassador of Russia to China", "members of the Russian government"),
        else the other one than an office "to" names ("Ambassador to China"), else any country
        it names; an office that names none ("Deputy Prime Minister") may."""
        of = self._of_country.search(display)
        to = None if of else _TO_A_COUNTRY.search(display)
        if to:  # "Ambassador to China": the other country's
            named = {e.name for e in self.gaz.sections["countries"]} - self._countries(to.group())
        else:
            named = self._countries(of.group() if of else display)
        return side in named or not named

    def _countries(self, text: str) -> set[str]:
        """The countries ``text`` names ("of the Russian government": Russia)."""
        return {e.name for _, e in self.gaz.find("countries", text)}

    def _not_there(self, q: Question, intent: Intent, no_meeting: NoMeeting,
                   near: tuple[str, ...]) -> Pick | Decline:  # fmt: skip
        """No meeting where the question says; a yes-or-no question about one meeting held
        elsewhere ("was the December 2023 meeting held in Moscow?") is answered: no, and where it
        was. Otherwise the decline names the meetings held then elsewhere."""
        place = next((i for i in self.intents.values()
                      if i.about == "meeting" and i.asks == "place"), None)  # fmt: skip
        if (
            len(near) == 1 and place is not None and _asks_yes_or_no(q)
        ):  # ("встреча была в Москве?")
            held = self.table.meeting(near[0])
            facts = tuple(f for f in held.facts if f.kind in place.answers) if held else ()
            if facts:
                return Pick(place, facts, no=True)
        if not near and (elsewhen := self._elsewhen(q)) is not None:
            return elsewhen
        if not near and (there := self._held_there(q)):
            return there  # "what was the Kazan thing in October 2041": Putin and Xi's meeting
        return Decline(intent.name, no_meeting=no_meeting, near=near)

    def _held_there(self, q: Question) -> Pick | None:
        """The other meetings held where (and when) a question that names neither principal as
        having met says, when none of theirs was: what the articles report there."""
        s = q.slots
        if self.other is None or not s.places or set(s.people) & self.principals:
            return None
        facts = [f for k in self.other.answers for f in self.table.find(k)
                 if _own_place(f) in s.places and self._fits(f, q, self.other)
                 and getattr(f.parts, "status", "") != "planned"]  # fmt: skip
        return Pick(self.other, tuple(facts)) if facts else None

    def _elsewhen(self, q: Question) -> Pick | None:
        """A yes-or-no question about the one meeting at a place, dated otherwise ("Встреча в
        Москве была в 2024 году?"): no, and when it was; None when it is no such question."""
        s = q.slots
        when = self._date_intent
        if when is None or not s.places or not (s.years or s.months) or not _says_yes_or_no(q):
            return None
        there = self._meetings(dataclasses.replace(s, years=(), months=()), (), False)
        held = [m for m in there if not m.what]
        if len(held) != 1:
            return None
        facts = tuple(f for f in held[0].facts if f.kind in when.answers)
        return Pick(when, facts, no=True) if facts else None

    def _held_otherwise(self, q: Question, near: tuple[str, ...]) -> Pick | None:
        """A yes-or-no question about a meeting at a place (or venue) in a year or month when
        the principals met elsewhere: no, where and when they met then, and when they met at
        that place; None when it is no such question."""
        s = q.slots
        when = self._date_intent
        if when is None or not _says_yes_or_no(q) or not (s.places or s.venues):
            return None  # ("did Xi visit Russia in 2025": his travels, not their meetings)
        if MEET not in q.words:
            return None
        ids = list(near)
        if s.places or s.venues:
            there = self._meetings(dataclasses.replace(s, years=(), months=()), (), False)
            ids += [m.id for m in there if not m.what and m.id not in ids][:_NEAR]
        meetings = [m for m in map(self.table.meeting, ids) if m is not None]
        facts = tuple(f for m in meetings for f in m.facts if f.kind in when.answers)
        return Pick(when, facts, no=True) if facts else None

    def _near(self, s: Slots, countries: tuple[str, ...]) -> tuple[str, ...]:
        """The principals' meetings of the year and month a question names when the place it
        names is not theirs ("did they meet in Moscow in May 2026": they met in Beijing then):
        a way forward for the decline (at most ``_NEAR``)."""
        if not (s.places or countries or s.venues) or not (s.years or s.months):
            return ()  # ("at the Great Hall of the People in May 2027": at Diaoyutai then)
        found = [m for m in self._meetings(dataclasses.replace(s, places=(), countries=(),
                                                               countries_in=(), venues=()),
                                           (), False)
                 if not m.what and m.date and (not s.years or m.date.year in s.years)]  # fmt: skip
        return tuple(m.id for m in found[:_NEAR])

    def _numbered_other(self, s: Slots, asked: Intent) -> list[Fact]:
        """The other meetings the question numbers ("the 29th regular meeting") whose facts give
        what it asks: the day for a date, the place for a place."""
        if self.other is None or not s.ordinals:
            return []
        found = [f for k in self.other.answers for f in self.table.find(k)
                 if f.number is not None and int(f.number) in s.ordinals]  # fmt: skip
        if asked.asks == "date":
            return [f for f in found if len(str(getattr(f.parts, "when", ""))) >= 10]
        # the place its own sentence names (not the article's dateline: "on Tuesday, the two
        # sides held the 28th regular meeting" says not where)
        # (or the venue it names: "co-chaired the 46th ... at the Great Hall of the People")
        return [f for f in found if self._placed_in_sentence(f)]

    def _placed_in_sentence(self, f: Fact) -> bool:
        """The fact's sentence names its place, or its venue and no principal who was not at it
        (that venue may be the principals' meeting's: "on June 10 Xi hosted Mishustin at the
        Diaoyutai State Guesthouse, the day after the 41st regular meeting")."""
        place = str(getattr(f.parts, "place", ""))
        venue = str(getattr(f.parts, "venue", ""))
        if place and any(e.name == place for _, e in self.gaz.find("places", f.source)):
            return True
        away = self.principals - set(getattr(f.parts, "who", ()))
        return bool(
            venue
            and venue in f.source
            and not any(e.name in away for _, e in self.gaz.find("people", f.source))
        )

    def _any_other(self, meetings: list[Meeting]) -> bool:
        others = {m.id for m in self.table.others}
        return any(m.id in others for m in meetings)

    def _outsiders(self, s: Slots) -> bool:
        """The question names someone besides the principals as having met."""
        return bool(self.principals) and bool(set(s.people) - self.principals)

    def _on_its_day(self, f: Fact) -> bool:
        """The fact was said or done at a meeting of a known day ("Xi invited Mishustin ..."),
        so "on what date did Xi invite him" is answered by that day; a kind that gives its own
        time (a trade figure's period, an anniversary) is not of its meeting's day."""
        if KINDS[f.kind].dated:
            return False
        m = self.table.meeting(f.meeting) if f.meeting else None
        return m is not None and m.date is not None and not m.what

    def _other_meetings(self, q: Question, asked: Intent) -> Pick | Decline:
        """Other meetings of the people a meeting question names (talks with Li Qiang): the
        date asked needs a day, the place a place; else the decline the question had."""
        s = q.slots
        names = NoMeeting(s.years, s.months, s.places + s.countries + s.people)
        other = self.other
        if other is None or asked.asks == "count":  # "how many times did Xi meet Putin": the
            return Decline(asked.name, no_meeting=names)  # articles count no other meetings
        # (another meeting's place and month are its own, not those of the group it is in: a
        # year's review dates "talks with Putin in Beijing on May 16" in December)
        free = dataclasses.replace(s, places=(), months=(), venues=())
        ids = {m.id for m in self._meetings(free, (), True)}
        # ("did they meet in Moscow in 2025": they are the principals, not Xi and Putin)
        people = s.people or tuple(sorted(self.principals))
        facts = [f for k in other.answers for f in self.table.find(k, ids)
                 if self._took_part(f, people) and self._fits(f, q, asked)]  # fmt: skip
        if not facts:
            return Decline(asked.name, no_meeting=names)
        return Pick(other, tuple(facts))

    def _announced(self, s: Slots) -> list[Fact]:
        """The principals' meetings articles announce (planned encounters), in the years and
        places the slots name."""
        other = self.other
        kinds = other.answers if other is not None else ()
        out = []
        for f in (f for k in kinds for f in self.table.find(k)):
            who = set(getattr(f.parts, "who", ()))
            # (or one principal's own visit, for a question that names him: "when will
            # Mishustin visit Harbin")
            visit = (getattr(f.parts, "status", "") == "planned" and bool(who)
                     and who <= self.principals and who <= set(s.people))  # fmt: skip
            if not self._announces_theirs(f) and not visit:
                continue
            when = str(getattr(f.parts, "when", ""))
            if s.years and not any(when.startswith(str(y)) for y in s.years):
                continue
            if s.places and f.place not in s.places and _own_place(f) not in s.places:
                continue
            out.append(f)
        return out

    def _in_countries(self, fact: Fact, countries: set[str]) -> bool:
        """Whether the fact's own place is in one of ``countries`` (or it names none the
        gazetteer places)."""
        place = _own_place(fact)
        return place not in self._country_of or self._country_of[place] in countries

    def _planned(self, meeting: Meeting) -> bool:
        """True for a meeting of the principals that an article announces."""
        return bool(meeting.what) and any(map(self._announces_theirs, meeting.facts))

    def _announces_theirs(self, fact: Fact) -> bool:
        """True for an encounter fact of a planned meeting of the principals."""
        return (getattr(fact.parts, "status", "") == "planned"
                and self.principals <= set(getattr(fact.parts, "who", ())))  # fmt: skip

    def _elsewhere(self, s: Slots) -> bool:
        """The question names places where no meeting of theirs was held (another meeting's)."""
        return bool(s.places) and not any(m.place in s.places for m in self.table.meetings)

    def _after_other(self, s: Slots, asked: Intent) -> Pick | Decline:
        """The principals' meeting held a day before or after a numbered other meeting, as
        the date intent answers it."""
        dated = self._date_intent
        meetings = self._day_after_other(list(self.table.meetings), s.day_offset, s.ordinals,
                                         s.places)  # fmt: skip
        if dated is None or not meetings:
            return Decline(asked.name)
        ids = {m.id for m in meetings}
        return Pick(dated, tuple(f for k in dated.answers for f in self.table.find(k, ids)))

    def _day_after_other(self, meetings: list[Meeting], offset: int, ordinals: tuple[int, ...],
                         places: tuple[str, ...] = ()) -> list[Meeting]:  # fmt: skip
        """Of ``meetings``, those held ``offset`` days from the numbered other meeting (or, with
        no number, the other meeting held in ``places``)."""
        other = self.other
        kinds = other.answers if other is not None else ()
        whens = [str(getattr(f.parts, "when", "")) for k in kinds for f in self.table.find(k)
                 if (numbered(f, ordinals) if ordinals else _own_place(f) in places)
                 and getattr(f.parts, "status", "held") != "planned"]  # fmt: skip
        days = {date.fromisoformat(w) + timedelta(days=offset) for w in whens if len(w) == 10}
        return [m for m in meetings if m.date in days]

    def _next_day(self, meetings: list[Meeting], offset: int, asked: Intent) -> Pick | Decline:
        """The other meetings held the day before (``offset`` -1) or after (1) ``meetings``."""
        other = self.other
        days = {(m.date + timedelta(days=offset)).isoformat() for m in meetings if m.date}
        if other is None or not days:
            return Decline(asked.name)
        facts = [f for k in other.answers for f in self.table.find(k)
                 if getattr(f.parts, "when", "") in days
                 and getattr(f.parts, "status", "held") == "held"]  # fmt: skip
        return Pick(other, tuple(facts)) if facts else Decline(asked.name)

    def _took_part(self, fact: Fact, people: tuple[str, ...]) -> bool:
        parties = KINDS[fact.kind].parties
        return parties is not None and set(people) <= set(parties(fact))

    def _fits(self, fact: Fact, q: Question, asked: Intent) -> bool:
        """An other meeting answers a date question with its day, a place question with its
        place, and only in the year and month the question names."""
        s = q.slots
        if s.years and fact.year not in s.years:
            return False
        if s.months and not any(f"{MONTH_NAMES[m - 1]}" in fact.display for m in s.months):
            return False
        if s.venues and not any(v in fact.display for v in s.venues):  # "was Putin at the
            return False  # meeting in the Great Hall": not a meeting elsewhere or unplaced
        place = _own_place(fact)
        if s.places and place not in s.places:
            return False
        if getattr(fact.parts, "status", "") == "planned" and not q.future:
            return False  # "did they meet on November 7, 2028?": announced is not held
        if s.countries and not self._in_countries(fact, set(s.countries)):
            return False  # "did Xi visit Russia in 2028": not a meeting in Beijing
        if asked.asks == "date":  # its own day (not the day an article announced it)
            when = getattr(fact.parts, "when", None)
            if when is not None:
                return len(str(when)) == 10
            return bool(re.search(r"\b[A-Z][a-z]+ \d{1,2}, \d{4}\b", fact.display))
        if asked.asks == "place":  # its own place, said ("Meeting: Xi and Putin, 2025" has none)
            if not place or place not in fact.display:
                return False
            entry = self.gaz.get("places", place) if s.countries else None
            return not s.countries or (entry is not None and entry.attr("country") in s.countries)
        return True

    def _month_period(self, intent: Intent, q: Question) -> bool:
        """``_month_period_asked`` of an intent that answers figures for periods (not a summary
        of the meetings of a month: "what happened in December 2023")."""
        return intent.asks == "facts" and any(
            KINDS[k].period is not None for k in intent.answers) and (
            self._month_period_asked(q))  # fmt: skip

    @staticmethod
    def _month_period_asked(q: Question) -> bool:
        """The question asks a figure for one month of a year ("how much did they trade in March
        2027"), not one given at a meeting that month ("what figure did Xi cite in March 2027"),
        nor a goal set then."""
        s = q.slots
        return (len(s.months) == 1 and len(s.years) == 1 and not q.said
                and months_asked(q.text) is None and not _GIVEN_AT.search(q.text)
                and not TARGET.search(q.text))  # fmt: skip

    def _in_period(self, facts: list[Fact], q: Question, month: bool = False) -> list[Fact]:
        """A figure for a period answers a question about a period only for that period:
        "the first seven months" or "January-November" (not the whole year), a question about
        growth only with its growth, and the year named when some figure is for that year
        ("trade in 2025" is 2025's figure, not 2024's reported in 2025; but "the trade figure
        given in August 2024" is the one given then, whatever its year; a bare "trade in 2026"
        with no figure for 2026 is none)."""
        if month:  # that month's own figure, or none (``_month_period``); "by November 2023":
            # the figure of the months up to it ("the first 11 months of 2023")
            ((one_month,), (of_year,)) = (q.slots.months, q.slots.years)
            since = 1 if _BY_MONTH.search(q.text) else one_month
            return [f for f in facts if KINDS[f.kind].period is None or (
                (getattr(f.parts, "from_month", None) or 1) == since
                and getattr(f.parts, "months", None) == one_month - since + 1
                and getattr(f.parts, "period_year", None) == of_year)]  # fmt: skip
        asked = months_asked(q.text)
        growth = bool(GROWTH.search(q.text))
        if TARGET.search(q.text):  # "what new target did they set": a figure that is or names
            facts = [f for f in facts if KINDS[f.kind].period is None  # a goal, or none
                     or f.qualifier == "target" or TARGET.search(f.display)]  # fmt: skip
        if not q.slots.years and asked is None and not growth:
            return facts  # no period asked: every figure answers
        out: list[Fact] = []
        own: list[Fact] = []  # figures whose own period is in a year the question names
        for f in facts:
            period = KINDS[f.kind].period
            if period is None:
                out.append(f)
                continue
            year, months, has_growth = period(f)
            goal = f.qualifier == "target" or getattr(f.parts, "period", "") == "by"
            if q.slots.years and goal and not TARGET.search(q.text):
                continue  # "trade in 2024": what it was, not a goal set for 2024 ("by 2024")
            if asked == FULL_YEAR and months is None and f.qualifier != "target":
                months = FULL_YEAR  # a figure for a year (a target is no figure for one)
            if (asked is not None and months != asked) or (growth and not has_growth):
                continue
            if not q.slots.years or year in q.slots.years:
                own.append(f)
            out.append(f)
        if q.slots.years and (own or not _GIVEN_AT.search(q.text) and not q.slots.months):
            # ("trade in 2026" with no figure for 2026: none, not 2025's given in 2026)
            mine = {id(f) for f in own}
            return [f for f in out if KINDS[f.kind].period is None or id(f) in mine]
        return out

    def _has_people(self, meeting: Meeting, people: tuple[str, ...], future: bool = False) -> bool:
        present = self.table.values(PERSON, meeting.id)
        if future and self._planned(meeting):  # a meeting announced: who it is to be of
            present = present | frozenset(getattr(meeting.facts[0].parts, "who", ()))
        return all(p in present for p in people)

    def _facts(self, intent: Intent, q: Question, ordinals: tuple[int, ...],
               meetings: list[Meeting]) -> list[Fact]:  # fmt: skip
        select = q.slots.select
        if select and intent.asks != "count" and MEETING in intent.answers and not q.slots.years:
            # every meeting has its meeting fact: the first or last meeting is known now
            held = sorted((m for m in meetings if self.table.find(MEETING, {m.id})),
                          key=lambda m: self.table.sort_key(m.id))  # fmt: skip
            meetings = held[-1:] if select == "last" else held[:1]
        ids = {m.id for m in meetings}
        year_of = {m.id: m.date.year if m.date else None for m in meetings}
        years = q.slots.years
        in_year = {mid for mid, y in year_of.items() if y in years} if years else set()
        topic = self._topic(q, meetings) if intent.rank == "words" else None
        narrowed = topic is not None and not select and not self.relevance.kinds(q)
        if narrowed and topic and len(intent.answers) == 1 and intent.asks == "facts":
            # only the facts that may hold the question's words (the same facts rank, fewer
            # read): from the word index, of this kind and these meetings, in table order
            (kind,) = intent.answers
            least = PART if _BOTH.search(q.text) else MIN_COVER  # (each of two topics)
            facts = [f for f in self.relevance.candidates(topic, least)
                     if f.kind == kind and f.meeting in ids]  # fmt: skip
        else:
            facts, whole = self._of_kinds(intent, q, ids, topic, in_year)
            if intent.asks in ("date", "place"):  # another meeting's date and place are its own
                facts += (what := [f for m in meetings if m.what for f in m.facts])
                whole += len(what)
            if narrowed and topic is not None:
                facts = self._may_hold(facts, topic, whole)
        # (a principal the question names as met chose the meeting: "who did Xi invite during
        # his Moscow meeting with Mishustin" is everyone Xi invited there)
        taking = tuple(p for p in q.slots.people if intent.about == "other"
                       or p not in q.slots.met or p not in self.principals)  # fmt: skip
        taking = taking or q.slots.people  # ("кто встречал Си": the one met is the one asked of)
        if taking and (intent.about == "other" or all(
                KINDS[k].parties is not None for k in intent.answers)):  # fmt: skip
            # the people named took part (in another meeting; in an arrival: arrived or met)
            facts = [f for f in facts if self._took_part(f, taking)]
        if intent.about == "other" and (q.slots.places or q.slots.months or q.slots.venues):
            facts = [f for f in facts if _placed(f, q.slots)]
        if years:  # (the year of a meeting named so, "at the 2025 meeting", is the meeting's)
            dated_meeting = bool(_AT_DATED_MEETING.search(q.text))
            facts = [f for f in facts if f.meeting in in_year
                     or (not dated_meeting and self._of_years(f, years))]  # fmt: skip
        if any(KINDS[k].period is not None for k in intent.answers):
            facts = self._in_period(facts, q, self._month_period(intent, q))
        if intent.narrow:
            facts = self._narrow(facts, q, intent.answers)
        if ordinals:
            facts = [f for f in facts if numbered(f, ordinals)]
        facts = _told_most(facts)
        if select and intent.asks != "count" and facts:
            order = sorted({f.meeting for f in facts}, key=self.table.sort_key)
            keep = order[-1] if select == "last" else order[0]
            facts = [f for f in facts if f.meeting == keep]
        if topic is not None:
            ranked = self._ranked(facts, q, topic, ids)
            if not ranked and (unclaimed := _unclaimed(q, topic)) != topic:
                # "the Year of the Rabbit?": the facts that give another year of the zodiac say
                # no (the verdict's to say); facts that give none say nothing of it
                classes = {c.cls for c in q.claims}
                ranked = [f for f in self._ranked(facts, q, unclaimed, ids)
                          if any(c.cls in classes for c in self._claims(f))]  # fmt: skip
            facts = ranked
        return facts

    def _of_kinds(self, intent: Intent, q: Question, ids: set[str], topic: tuple[str, ...] | None,
                  in_year: set[str]) -> tuple[list[Fact], int]:  # fmt: skip
        """The facts of the intent's kinds at the meetings ``ids``, and how many there are before
        the years asked choose (``may_hold`` counts them all); of a speaker's (``_ranked``
        keeps only theirs), only theirs when no choice before that looks at the others (not
        first/last, ``_narrow``, ``_in_period``), through the store's index of agents; and
        only the first ``MOST`` when ``_ranked`` keeps just those (no topic, nothing else that
        chooses); of the years asked, as ``_facts`` keeps them (the meetings ``in_year`` and
        the facts of those years elsewhere), through the store's columns. At 10,000 articles a
        speaker's statements were all read to find his, and "what did Mishustin want to deepen
        cooperation in in 2025" read 65,000 areas to keep those of one year."""
        s = q.slots
        if (not s.speaker or topic is None or s.select or intent.narrow
                or intent.asks in ("date", "place")
                or any(KINDS[k].period is not None for k in intent.answers)):  # fmt: skip
            read = [self._of_years_read(k, ids, s.years, in_year) for k in intent.answers]
            return [f for facts, _ in read for f in facts], sum(n for _, n in read)
        first = not topic and not self.relevance.kinds(q) and not s.years and not s.ordinals
        first = first and not (intent.about == "other" and s.people)
        out: list[Fact] = []
        for kind in intent.answers:
            found = (
                self.table.find(kind, ids)
                if kind in _NO_AGENT
                else self.table.said_by(kind, ids, s.speaker, RANKED if first else None, s.years)
            )
            if found is None:  # (a table in memory: ``_ranked`` asks each fact)
                every = [f for k in intent.answers for f in self.table.find(k, ids)]
                return every, len(every)
            out += found
            if first and len(out) >= RANKED:
                return out[:RANKED], RANKED
        return out, len(out)

    def _may_hold(self, facts: list[Fact], topic: tuple[str, ...], whole: int) -> list[Fact]:
        """``Relevance.may_hold(facts, topic)`` as it does of the ``whole`` facts that ``facts``
        were chosen from by their years (``_of_years_read``: it keeps or drops each fact on its
        own): it drops those that cannot hold the topic when they are many."""
        if not topic or whole <= _FEW_RANKED or len(facts) > _FEW_RANKED:
            return self.relevance.may_hold(facts, topic)  # (the same choice for both)
        found = {id(f) for f in self.relevance.candidates(topic, MIN_COVER)}
        return [f for f in facts if id(f) in found]

    def _of_years_read(self, kind: FactKind, ids: set[str], years: tuple[int, ...],
                       in_year: set[str]) -> tuple[list[Fact], int]:  # fmt: skip
        """``find(kind, ids)`` and how many facts that is; with ``years``, only the facts that
        ``_facts`` keeps of them (those of the meetings ``in_year``, and those of these years
        elsewhere: ``kind_years``), when the table knows them without reading the facts (a
        store); the others are not read."""
        index = self.table.kind_meetings(kind) if years else None
        if index is None:
            found = self.table.find(kind, ids)
            return found, len(found)
        asked = set(years)
        other = self.table.kind_years(kind)
        numbers: list[int] = []
        whole = 0
        for mid in ids:
            ns = index.get(mid, ())
            whole += len(ns)
            if mid in in_year:
                numbers += ns
            elif ns and mid in other:
                numbers += [n for n, ys in other[mid] if ys & asked]
        return self.table.at(sorted(numbers)), whole

    def _topic(self, q: Question, meetings: list[Meeting]) -> tuple[str, ...]:
        """The question's own words, without the speaker and the people who met (nor the
        clause that chose the meeting by its occasion)."""
        q = _without_occasion(q)
        present = {p for m in meetings for p in self.table.values(PERSON, m.id)}
        drop = {q.slots.speaker} | (present & set(q.slots.people))  # who met is no topic
        topic = self.relevance.topic(q, drop)
        if q.slots.select:  # "last time", "the first meeting": which meeting, not what was said
            topic = tuple(w for w in topic if w not in _SELECT_WORDS)
        if q.slots.nth:  # "at the third meeting": which meeting
            topic = tuple(w for w in topic if w not in _ORDINAL_STEMS)
        if q.slots.months:  # "in the spring of 2023": when, not what
            topic = tuple(w for w in topic if w not in SEASON_STEMS)
        if q.slots.years:  # "в 2025 году": the year chose the meeting
            topic = tuple(w for w in topic if w != "year")
        return topic

    def _ranked(self, facts: list[Fact], q: Question, topic: tuple[str, ...],
                ids: set[str]) -> list[Fact]:  # fmt: skip
        """The facts that hold most of the question's own words ``topic`` (none when none holds
        enough); a speaker the question names must be the facts' agent. How a speaker responded:
        what he said next (at the meetings ``ids``)."""
        speaker = q.slots.speaker
        kinds = self.relevance.kinds(q)
        if speaker:
            facts = [f for f in facts if f.kind in _NO_AGENT or self._said_by(f, speaker)]
        if set(q.slots.told) - {speaker}:  # "what did Liu tell Xi": said to Xi, so at a meeting
            # Liu was at (a scholar an explainer quotes told Xi nothing)
            facts = [f for f in facts if (agent := KINDS[f.kind].agent) is None
                     or agent(f) in self.table.values(PERSON, f.meeting)]  # fmt: skip
        if speaker and q.responds and topic:
            answers = self._responses(speaker, topic, ids)
            if answers:  # "how did Xi respond to the condolences": what he said next
                return answers
            if set(q.slots.people) - {speaker}:  # "how did Xi respond to Mishustin's invitation
                return []  # to visit Russia": no such thing of his; Xi's own words are no answer
        rank = self.relevance.rank_parts if _BOTH.search(q.text) else self.relevance.rank
        ranked = rank(self.relevance.prefer(facts, kinds), topic) if kinds else []
        if not ranked and not self.relevance.strict(kinds):
            # "what did Xi hope ..." said as "China is willing to ...": what he said
            ranked = rank(facts, topic)
        keep = {id(r.fact) for r in ranked}
        return [f for f in facts if id(f) in keep]  # table order, as every answer

    def _responses(self, speaker: str, topic: tuple[str, ...], ids: set[str]) -> list[Fact]:
        """What ``speaker`` said at the meetings ``ids`` within a few sentences after a fact of
        another speaker (or of no speaker) that holds the question's words: his response."""
        cause = [f for f in self.relevance.candidates(topic, MIN_COVER) if f.meeting in ids]
        own = {id(f) for f in self._voiced(cause, speaker)}  # (his own words are no cause)
        cause = [f for f in cause if id(f) not in own]
        cause = [r.fact for r in self.relevance.rank(cause, topic)]
        after = {(f.article, f.sentence + n) for f in cause for n in range(1, _RESPONSE + 1)}
        meetings = {f.meeting for f in cause}
        return [f for f in self.table.find(STATEMENT, meetings)
                if (f.article, f.sentence) in after and self._said_by(f, speaker)]  # fmt: skip

    def _unnamed(self, intent: Intent, q: Question, facts: list[Fact]) -> tuple[str, ...]:
        """The names the question gives (an initiative, an area) that none of ``facts`` of
        another kind mentions: "did Xi invite Mishustin to the Belt and Road Forum" is not
        answered with his invitation to visit China."""
        gaz = self.matcher.reader.gaz
        names = {name for marker, name in q.names if marker not in _NOT_VALUES
                 and any(gaz.get(section, name) for section in _NAMED)}  # fmt: skip
        if not names or intent.about != "topic" or intent.rank != "none":
            return ()
        names -= {n for n in names if set(intent.answers) & self._kinds_named({n})}
        said = {e.name for f in facts for section in _NAMED  # (a fact's own words: a sentence
                for _, e in gaz.find(section, f.display)}  # may hold two facts)  # fmt: skip
        return tuple(sorted(names - said))

    def _unsaid_names(self, intent: Intent, q: Question, facts: list[Fact]) -> tuple[str, ...]:
        """The countries and places a question about what was said names (but China, Russia
        and the meeting's own place) that none of the statements found names: "what did Xi tell
        Mishustin about Norway's election" is not answered with what he said of China."""
        if intent.rank != "words" or not facts:
            return ()
        asked = {e.name for section in ("countries", "places", "regions")
                 for _, e in self.gaz.find(section, q.text)} - self._countries_named  # fmt: skip
        # and a name no intent knows, written with a capital ("Norway's election")
        capitalised = {m.group(1) for m in _CAPITALISED.finditer(q.text)
                       if self._unread(q, m.group(1))}  # fmt: skip
        if not asked and not capitalised:
            return ()
        facts = facts[:_NAMES_READ]  # (a large table's candidates: the first ones answer)
        text = " ".join(f"{f.display} {f.source}" for f in facts)
        ids = list(dict.fromkeys(f.meeting for f in facts))[:_NEAR_MEETINGS]
        meetings = [m for m in map(self.table.meeting, ids) if m]
        # (what is said at the meeting besides: "after the Gansu earthquake", and its place:
        # "in Harbin")
        around: set[str] = {m.place for m in meetings if m.place}
        for m in meetings:
            around |= self._meeting_words(m)
        missing = {w for w in capitalised
                   if w not in text and w not in around and w.lower() not in around}  # fmt: skip
        if missing:
            return tuple(sorted(missing))
        named = {n for n in asked if any(alias in text for alias in self._aliases(n))}
        return tuple(
            sorted(n for n in asked - named if n not in around and n.lower() not in around)
        )

    def _aliases(self, name: str) -> tuple[str, ...]:
        """A place's, country's or region's names as articles write them."""
        for section in ("places", "countries", "regions"):
            e = self.gaz.get(section, name)
            if e is not None:
                return (e.name, *e.aliases)
        return (name,)

    def _length_of_talks(self, intent: Intent, q: Question) -> tuple[str, ...]:
        """How long the meeting or the talks lasted, asked of an intent whose facts give no such
        length: a visit's days ("three-day state visit") are not the talks' hours."""
        if not q.duration or DURATION in intent.answers:
            return ()
        if _TALKS.search(q.text) and not _VISIT.search(q.text):
            return (q.duration,)
        return ()

    def _absent(self, intent: Intent, q: Question) -> tuple[str, ...]:
        """The thing a question about a meeting's facts asks for ("who was the interpreter",
        "what gift did Xi present", "кто был переводчиком"), when no intent and no fact of any
        article knows its word, as written: it is nowhere, so the facts found are no answer.
        Statements are ranked by their words instead (``Relevance``)."""
        if not q.unknown:
            return ()
        m = _ASKED_THING.search(q.text)
        if intent.rank != "none" and (m is None or not m.group("doer")):
            # "what did Xi say about the Power of Siberia 2 pipeline": a name no article gives,
            # whatever else it shares ("who interpreted at ...": a doer no one is, below)
            return self._absent_name(q)
        if m is None:
            return ()
        word = next(g for g in m.groups() if g)
        tok = self._unread(q, word)
        return (word,) if tok and tok not in self.relevance.known else ()

    def _unread(self, q: Question, word: str) -> str:
        """The token of a word as written that the question could not read (no intent's word,
        no name's marker: "Busan", "gift"), or "" for any other."""
        toks = self.matcher.reader.canon(word)[0]
        if len(toks) == 1 and toks[0] in q.unknown and not toks[0].startswith("#"):
            return toks[0]
        return ""

    def _absent_name(self, q: Question) -> tuple[str, ...]:
        """The names the question writes with a capital (not its first word) that no fact of
        any article holds ("Siberia", "Norway"), as written."""
        out = []
        for m in _CAPITALISED.finditer(q.text):
            tok = self._unread(q, m.group(1))
            named = tok and any(self.gaz.find(part, m.group(1)) for part in _NAME_SECTIONS)
            if tok and tok not in self.relevance.known and not named:
                out.append(m.group(1))
        return tuple(out)

    def _regions_in(self, q: Question) -> tuple[str, ...]:
        """The provinces a question places something in ("in Hainan", "в Ганьсу")."""
        return tuple(e.name for a, _, e in self.gaz.spans("regions", q.text)
                     if _IN_BEFORE.search(q.text, 0, a))  # fmt: skip

    def _names_place(self, fact: Fact) -> bool:
        """Whether a fact's own words name a place: a city, a venue, a region or a country."""
        return any(self.gaz.find(section, fact.display)
                   for section in ("places", "venues", "regions", "countries"))  # fmt: skip

    def _regions(self, q: Question, facts: list[Fact]) -> tuple[str, ...]:
        """The regions the question names that no fact does ("the magnitude of the earthquake
        in Sichuan": the quake was in Gansu). A region chooses no meeting: only what was said
        of it there."""
        asked = [name for marker, name in q.names if marker == "#region"]
        if not asked:  # (most questions: no fact need be read)
            return ()
        text = " ".join(f"{f.display} {f.source}" for f in facts)
        return tuple(name for name in asked if name not in text)

    def _kinds_named(self, names: set[str]) -> set[FactKind]:
        """The kinds whose facts are gazetteer entries like these names (organisations, areas,
        initiatives): a question naming one asks for that one."""
        return {k for n in names for k in self._entry_kinds.get(n, ())}

    def _narrow(
        self, facts: list[Fact], q: Question, answers: Sequence[FactKind] = ()
    ) -> list[Fact]:
        """Only the facts the question names, when it names some ("which five-year plan?").
        Naming no one, an intent that also answers a kind that must be named (the people the
        articles introduce) answers with that kind alone ("which experts were quoted": not
        everyone present)."""
        named = {k for k in answers if KINDS[k].named}
        if named and set(answers) - named and not self._names_someone(q):
            # naming no one, only the people the articles introduce ("who is the richest man
            # in Russia" is no one present whose group's words say "Russian")
            facts = [f for f in facts if f.kind in named]
        kinds = {f.kind for f in facts}
        closed = {w for k in kinds for w in KINDS[k].values if w in q.content}
        if closed:  # "in the afternoon": a value of a kind with few values; its facts, or none
            kept = [f for f in facts if f.value in closed]
            # (asked yes or no, another value of the kind says no: "was it in the evening?")
            return kept if kept or not _says_yes_or_no(q) else facts
        # (a principal met names the meeting, not the facts: "his meeting with Mishustin")
        met = {n for n in q.slots.met if n in self.principals}
        names = {name for marker, name in q.names if marker not in _NOT_VALUES and name not in met}
        if _EXAMPLES.search(q.text):  # "which orgs did Xi mention, like BRICS": all of them
            return facts
        if names and kinds & self._kinds_named(names):  # a name of this kind ("the WTO", "AI"):
            return [f for f in facts if any(n in f.value for n in names)]  # its facts, or none
        words = self._narrow_words(q, names) - {w for n in met for w in self.text.value_words(n)}
        if not words:
            return facts
        # the question's words each value names (of the kinds that narrowing intents answer)
        by_value = self._value_hits(words, self._value_kinds())
        if len(facts) <= _FEW_FACTS:
            hits = [len(words & self.text.value_words(f.value)) for f in facts]
        else:  # through the index of value words
            hits = [by_value.get((f.kind, f.value), 0) for f in facts]
        best = max(hits, default=0)
        if max((n for (k, _), n in by_value.items() if k in kinds), default=0) > best:
            return []  # it names a fact of another meeting or year ("the Years of Sports
            # Exchange in 2025"): none of these
        if not best:  # it names nothing of the kind: every fact, or none of a kind that must
            return [] if any(KINDS[k].named for k in kinds) else facts  # be named
        # those that name the most ("which years of culture": not the Years of Sports Exchange)
        return [f for f, n in zip(facts, hits, strict=True) if n == best]

    def _narrow_words(self, q: Question, names: set[str]) -> set[str]:
        """The question's words (and those of the names it writes) a value may name."""
        named = {w for name in names for w in self.text.value_words(name)}
        synonyms = self.matcher.reader.lexicon.synonyms  # "plenum": plenary
        content = {synonyms.get(w, w) for w in q.content if not w.isdigit()} | set(q.content)
        # a Russian word the lexicon reads as an English one ("пленум": plenary), as its stem
        russian = {
            t
            for t, w in zip(q.tokens, q.written, strict=False)
            if not w.isascii() and t.isascii() and t.isalpha() and len(t) > 3
        } - STOP
        # a name the facts write in Latin ("Олег Барсуков": oleg, barsukov)
        latin = {found for w in q.written if not w.isascii()
                 and (found := latin_name(w, self.relevance.known))}  # fmt: skip
        # a word the reader repaired ("culchure": cultur), as its stem
        repaired = {w for w in q.words if w.isascii() and w.isalpha() and len(w) > 3} - set(
            q.tokens) - STOP  # fmt: skip
        return (content | named | russian | latin | repaired) - _NOT_NAMES

    # Asked of each fact, not through an index of every fact: the table may be a store
    # (bot/factstore.py), whose facts are read only for the meetings and words asked about.
    def _said_by(self, fact: Fact, speaker: str) -> bool:
        """Whether ``speaker`` is the agent of ``fact`` (the speaker of a statement)."""
        agent = KINDS[fact.kind].agent
        return agent is not None and agent(fact) == speaker

    def _of_years(self, fact: Fact, years: tuple[int, ...]) -> bool:
        """Whether the fact's own year is one of ``years``, or its text names a period that
        includes one ("2024-2025")."""
        if fact.year is not None and fact.year in years:
            return True
        return any(a <= y <= min(b, a + 50) for a, b in self.text.periods(fact.display)
                   for y in years)  # fmt: skip

    def _value_kinds(self) -> frozenset[FactKind]:
        """The kinds the narrowing intents answer (those of ``_value_index``)."""
        return frozenset(k for i in self.intents.values() if i.narrow for k in i.answers)

    def _value_index(self) -> dict[str, tuple[tuple[FactKind, str], ...]]:
        """The values of the facts of the kinds narrowing intents answer (``_value_kinds``), by
        their words: made once from the values alone (``kind_values``: a store reads no fact;
        at 10,000 articles 72,000 areas have 24 values). Facts of a value name what it does."""
        if self._by_value is None:
            kinds = dict.fromkeys(k for i in self.intents.values() if i.narrow for k in i.answers)
            index: dict[str, list[tuple[FactKind, str]]] = {}
            for kind in kinds:
                for value in sorted(self.table.kind_values(kind)):
                    for w in self.text.value_words(value):
                        index.setdefault(w, []).append((kind, value))
            self._by_value = {w: tuple(found) for w, found in index.items()}
        return self._by_value

    def _value_hits(self, words: Set[str], kinds: Set[FactKind]) -> Counter[tuple[FactKind, str]]:
        """How many of ``words`` each value of ``kinds`` names (the values that name none are
        left out)."""
        index = self._value_index()
        return Counter(kv for w in words for kv in index.get(w, ()) if kv[0] in kinds)


# Words of a date ("в 2023 году", "that month") describe no meeting.
_DATE_WORDS = frozenset({"year", "month", "day", "date", "time", "week", "weekday"})
_ORDINAL_STEMS = frozenset(stem(w) for w in ORDINAL_WORDS)


__all__ = ["Decline", "NoMeeting", "Pick", "Picker"]


def _told_most(facts: list[Fact]) -> list[Fact]:
    """Of the facts that tell of one event (``Kind.same_event``: a numbered regular meeting, one
    report giving its day, another recalling it undated), those that tell the most of it."""
    told: dict[tuple[str, str], int] = {}
    events: list[tuple[str, int] | None] = []
    for f in facts:
        of = KINDS[f.kind].same_event
        e = of(f) if of is not None else None
        events.append(e)
        if e is not None:
            told[f.kind, e[0]] = max(told.get((f.kind, e[0]), -1), e[1])
    if not told:
        return facts
    return [f for f, e in zip(facts, events, strict=True)
            if e is None or e[1] >= told[f.kind, e[0]]]  # fmt: skip
