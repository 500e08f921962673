"""``Question``: the one parse of a message, shared by matching and answering.

``Reader.read(text)`` turns a message into canonical tokens (slang and Russian forms through the
lexicon, light stemming, rapidfuzz typo repair towards the intents' vocabulary, gazetteer names
as markers) and the slots that choose meetings and facts (years, months, places, venues,
countries, people, ordinals, first/last, a name the articles do not cover), once. This is the
only module that imports rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

import Stemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .gazetteer import Gazetteer
from .intents import Lexicon
from .language import Script, script
from .lazyre import lazy_re
from .occasions import Occasion, occasion
from .reading import Reading
from .text import (
    CONTENT_WORD,
    MONTH_NAMES,
    ORDINAL_WORDS,
    RU_MONTHS_GENITIVE,
    Guarded,
    Pattern,
    is_russian,
    longest_spans,
    month_number,
    normalize,
    span_lengths,
    spoken_numbers,
    strip_controls,
    years_in,
)
from .verdict import Claim, claims

_YEAR = lazy_re(r"^(?:19|20)\d\d$")
_ENGLISH = Stemmer.Stemmer("english")
_RUSSIAN = Stemmer.Stemmer("russian")
_CYRILLIC = lazy_re("[а-яё]")
# Gazetteer sections whose names become one marker word: "what about the SCO" and "what about
# BRICS" are the same question. Slot markers (years, months, small numbers) choose the meeting,
# not the intent.
MARKERS = {"places": "#place", "venues": "#place", "people": "#person", "organisations": "#org",
           "areas": "#area", "initiatives": "#initiative", "regions": "#region"}  # fmt: skip
SLOT_MARKERS = frozenset({"#year", "#month", "#number"})
PLACE = MARKERS["places"]  # a multi-word place or venue ("the Great Hall of the People")
# Words that stress a claim ("did they actually meet"): no intent is asked by them, so they are
# not matched; a topic's claim check still sees them (``Question.verify``).
EMPHASIS = frozenset({"actual", "actually", "realli", "really", "truli", "truly", "действительн"})
QUESTION_WORDS = ("when", "where", "who", "why", "how", "which", "what")
# Question words that also join clauses: after another question word they choose the meeting
# ("which areas did Xi mention when he met Mishustin in May"), they do not ask.
_CLAUSE_WORDS = frozenset({"when", "where"})
# A question that opens with an auxiliary asks yes or no: a "when" or "where" after it begins a
# clause that chooses the meeting ("did Xi invite him when they met in Moscow?"), while "do you
# know when ..." and "can you tell me where ..." still ask when and where.
_AUXILIARY_OPENING = lazy_re(
    r"^\W*(?:@\w+[\s,]+)?(?:was|were|did|is|are|has|had|does)\s+"
    r"(?!you\b|u\b|anyone\b|anybody\b|somebody\b|it\s+known\b|the\s+article)",
    re.I,
)
# a word made from another ("powerful", a verb: "travelled")
_DERIVED = lazy_re(r"[a-z](?:ful|fully|less|ness|ly|lled|elled)$")
_LONG = 7  # letters of a word that may be two slips away from what it means
_MEMO = 100_000  # words remembered by a Reader (messages bring new ones without end)
_RESPELL = 4  # letters of the shortest word respelt (``Reader.respell``)
_RESPELL_FACTS = 5  # ... respelt as a word only the facts hold
_MISTYPED = 7  # ... with a letter too many or one mistyped (short: "whole" is no "whose")
_ASCII_WORD = lazy_re(r"\b[A-Za-z]+\b")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _nothing(word: str) -> bool:
    """No word is known (a reader not yet told the facts' words)."""
    return False


def _slips(word: str) -> Iterator[tuple[str, bool]]:
    """The words ``word`` may be one slip away from, the likeliest slips first: two letters
    swapped, a letter left out, a letter doubled (or, seven letters or more, added), then (seven
    letters or more) one mistyped. The first letter stays."""
    n = len(word)
    for i in range(1, n - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :], False
    for i in range(1, n + 1):
        for c in _LETTERS:
            yield word[:i] + c + word[i:], False
    for i in range(1, n):  # a letter too many: doubled ("whenn"), or in a long word ("given"
        if n >= _MISTYPED or word[i] in (word[i - 1], word[i + 1 : i + 2]):  # is no "give")
            yield word[:i] + word[i + 1 :], False
    if n >= _MISTYPED:
        for i in range(1, n):
            for c in _LETTERS:
                if c != word[i]:
                    yield word[:i] + c + word[i + 1 :], True


_DATING = lazy_re(r"\b(?:in|that|of|during|on|since|by)\s+$|\b(?:в|во|на)\s+$", re.I)
# How long something lasted ("how long was the visit", "сколько дней длился визит").
_QUOTED_NAME = lazy_re(r"«[^»]{1,80}»")  # a name in Russian quotes
_HOW_LONG = lazy_re(r"\bhow\s+(?:long|many\s+(?:days|hours|minutes|weeks))\b|"
                    r"\b(?:length|duration)\s+(?:of\b|\?|$)|\b(?:visit|trip)\s+length\b|"
                    r"сколько\s+(?:времени\s+)?(?:длил|продолжал)\w*|"
                    r"сколько\s+(?:дней|часов|минут|недель)|как\s+долго", re.I)  # fmt: skip
_NEGATED = lazy_re(r"\bnot\s+(?:in|at)\b|\boutside\b|\bне\s+в\b|\bкроме\b", re.I)  # (quick test)
# (and the places listed after it: "outside Beijing and Moscow", "кроме Пекина и Москвы")
_NOT_IN = lazy_re(r"(?:\bnot\s+(?:in|at)|\boutside(?:\s+of)?|\bне\s+в|\bкроме)\s+(?:the\s+)?"
                  r"(?:[\w-]+(?:\s+[\w-]+)?\s*(?:,|\band\b|\bor\b|\bи\b|\bили\b)\s*)*$",
                  re.I)  # fmt: skip
_DAY_OFFSET = lazy_re(r"\bthe\s+(?:(?P<before>day\s+before|previous\s+day|eve)|day\s+after|"
                      r"next\s+day|following\s+day)\b|(?P<ru>накануне|днём\s+раньше|днем\s+раньше)|"
                      r"на\s+следующий\s+день", re.I)  # fmt: skip
_MONTH_BOUND = lazy_re(r"\b(before|prior to|until|after|since)\s+([A-Za-z]+)\.?\s+(\d{4})\b", re.I)
_BEFORE_WORDS = frozenset({"before", "prior to", "until"})
_DIGIT = lazy_re(r"\d")  # (a quick test for patterns of numbers)
_SHORT_YEAR = Guarded(
    re.compile(
        r"(?<![\w'’])['’](\d{2})\b"
        # after a month ("в декабре 23-го"), not a number ("15-го пятилетнего плана")
        r"|(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*"
        r"\s+(\d{2})-?го\b"
        r"|(?<!\w)в\s+(\d{2})-?м\b(?=\s*(?:году|г\b|$|[?!.,;)]))",
        re.I,
    ),
    quick=_DIGIT,
)  # fmt: skip ("в 25м")
# A day or the years asked for: an answer must give them ("on what exact date did the plenum
# close" is not answered by "October 2025", "which years does the plan cover" by its name).
_ASKS_DAY = lazy_re(r"\b(?:what|which|exact)\s+(?:exact\s+)?(?:calendar\s+)?(?:dates?|days?)\b|"
                    r"\bwhen exactly\b|"
                    r"какого числа|точн\w* дат", re.I)  # fmt: skip
_ASKS_YEARS = lazy_re(
    r"\b(?:which|what)\s+years\b(?!\s+of\b)|\bwhat period\b|в каких годах|в\s+какие\s+годы", re.I
)  # fmt: skip ("which Years of Culture" names themed years)
# The future tense itself ("will", "состоится"): a question in it asks of what has not happened
FUTURE_TENSE = (r"will|shall|going to|будет|будут|приедет|состоится|состоятся|пройд[её]т|"
                r"встретится|встретятся|увидятся|проведут|"
                r"следующ\w*|посетит|посетят|прилетит|отправится")  # fmt: skip
# ... and the other words of what is to come ("expected", "the next meeting")
_FUTURE = lazy_re(r"\bnext\s+(?:\w+\s+){0,3}?(?:meeting|meetup|meet-up|visit|talks|summit|"
                  r"trip)\b|"
                  r"\b(?:expected|planned|scheduled|upcoming|due to|is to|are to)\b|"
                  r"\b(?:планиру\w*|ожида\w*|предстоящ\w*|"
                  r"долж(?:ен|на|ны|но)\s+(?:встретиться|прибыть|посетить|пройти|состояться))|"
                  rf"\b(?:{FUTURE_TENSE})(?!\w)",
                  re.I)  # fmt: skip
_HOW_MANY = lazy_re(r"\bhow\s+many\b|(?<!во\s)сколько|\bwhat\s+(?:is|was)\s+the\s+(?:value|"
                    r"amount|sum|size|worth)\b|\bhow\s+much\s+(?:is|was)\s+(?:the|it)\b"
                    r"|\bwhat\s+(?:figure|number|amount|sum|percentage)\b", re.I)  # fmt: skip
# "how many days did the visit last": a duration, not the last meeting
_LASTED = lazy_re(r"\b(?:how\s+(?:long|many\s+(?:days|hours|minutes))\b.*?)\blast(?:ed)?\b", re.I)
# "what did Xi say about the congress held the previous year": a year the speaker looks back to,
# not the last meeting (in a question about what was said or about trade)
_YEAR_BACK = lazy_re(r"\b(?:last|previous|prior|preceding)\s+year(?:['’]s)?\b"
                     r"|(?<!\w)(?:прошл|предыдущ)\w*\s+год", re.I)  # fmt: skip
# "the May meeting": the month (May is a month only where a month can stand)
_MAY_NOUNS = ("meeting", "meetings", "talks", "visit", "trip", "one", "summit", "encounter")
# The speaker asked for: "who (actually) said ...", "кто сказал ..."
_WHO_SAID = lazy_re(r"\bwho\s+(?:\w+\s+)?(?:said|say|says|told|called|stated|mentioned|"
                    r"spoke)\b|(?<!\w)кто\s+(?:\w+\s+)?(?:сказал|говорил|заявил|назвал|"
                    r"упомянул|отметил)", re.I)  # fmt: skip
_YEAR_RU = frozenset({"год", "года", "году", "годом", "г"})  # after a year: its case ending
_LAST = Pattern(r"\b(?:last|lastly|latest|most recent|recent|recently|newest|previous|final)\b|"
                   r"\blas(?=\s+(?:meeting|meet|time|one|talks)\b)|"  # (typed "las meeting")
                   r"(?<!\w)(?:последн|недавн|крайн|сам(?:ая|ой)\s+поздн)", re.I)  # fmt: skip
# ("the first eleven months", "for the first time" name a period, not the first meeting)
# (Russian: a word's start; "выбранном" holds "ранн")
_FIRST = Pattern(r"\b(?:first|earliest|initial|oldest)\b(?!\s+(?:\w+\s+)?(?:months?|quarter|"
                 r"half|weeks?|days?)\b)|(?<!\w)(?:перв|ранн|впервые)", re.I)  # fmt: skip
_SOIL = Pattern(r"\b(Chinese|Russian)\s+(?:soil|territory|ground)\b", re.I)
_SOIL_OF = {"chinese": "China", "russian": "Russia"}
# "after 2023", "since 2024", "before 2025", "после 2023 года": a side of a year.
_YEAR_BOUND = Pattern(r"\b(after|since|before|prior)\s+(?:to\s+)?\d{4}\b"
                      r"|(?<!\w)(после|начиная)\s+(?:с\s+)?\d{4}", re.I)  # fmt: skip
# "the meeting right before the Nov 2025 one", "last met before their May 2026 meeting",
# "which meeting was held right after Xi's state visit".
_RELATIVE = Pattern(
    r"\b(?:right\s+|just\s+|immediately\s+|directly\s+)?(before|after|preceding|preceded|prior|"
    r"following|followed)\s+(?:to\s+)?"
    r"(?:the|their|that|his|her|[\w-]+['’]s)\s+(?:[\w'’,.-]+\s+){0,5}?(?:meeting|one|visit|talks|trip)"
    r"\b",
    re.I,
)
# Seasons as months (northern hemisphere: both capitals).
_SEASON_RU = r"(зим|весн|лет|осен)(?:ой|а|ы|ом|о|ью|ь|и)"  # "зимой", "весна", "летом", "осенью"
_SEASON = Guarded(re.compile(r"\b(winter|spring|summer|autumn)\b|\bin\s+(?:the\s+)?(fall)\b"
                             rf"|(?<!\w){_SEASON_RU}(?!\w)", re.I),
                  ("winter", "spring", "summer", "autumn", "fall",
                   "зим", "весн", "лет", "осен"))  # fmt: skip
# A season as a word of a message (normalised: lower case, "ё" as "е"): its months, no topic.
_SEASON_WORD = lazy_re(rf"winter|spring|summer|autumn|{_SEASON_RU}")
_SEASONS = {"win": (12, 1, 2), "spr": (3, 4, 5), "sum": (6, 7, 8), "aut": (9, 10, 11),
            "fal": (9, 10, 11), "зим": (12, 1, 2), "вес": (3, 4, 5), "лет": (6, 7, 8),
            "осе": (9, 10, 11)}  # fmt: skip
# "when did they meet for the very first time", "the first time they met": the first meeting.
_FIRST_MEETING = lazy_re(
    r"\b(?:meet|met|meeting)\s+(?:\w+\s+){0,2}for\s+the\s+(?:very\s+)?"
    r"first\s+time\b|\bfirst\s+time\s+(?:that\s+)?(?:\w+\s+){1,4}met\b",
    re.I,
)  # fmt: skip ("the first time Xi and Mishustin met")
# "January-November", "январе-августе": a period of months, not the month of a meeting.
_MONTH_RANGE = lazy_re(r"\b[A-Za-zА-Яа-яЁё]{3,9}\.?\s*[-–]\s*[A-Za-zА-Яа-яЁё]{3,9}\.?")
_PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "в", "во"})  # a place comes after
_WEEKDAY = Pattern(r"day of (?:the |teh )?w(?:e|ee|ea)k|week ?day|день недели|какой день|"
                   r"\b(?:was|on) it a "
                   r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)  # fmt: skip
# "3rd" is "third" to a topic (facts say "the third forum"); "28th" stays as written
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
ORDINAL_DIGITS = {f"{n}{'th' if 10 < n % 100 < 14 else _SUFFIX.get(n % 10, 'th')}": w
                   for w, n in ORDINAL_WORDS.items()}  # fmt: skip
_ORDINAL = lazy_re(r"\b(\d{1,3})(?:st|nd|rd|th|-?лети|-?й|-?я|-?ю|-?го|-?м)")
# The person a question asks about as a speaker: right after "did"/"according to", or next to a
# verb of saying ("what did Xi say", "Xi's remarks", "по словам Мишустина", "что сказал Си").
# Verbs of appraising or asserting, shared by both readings of saying below ("how did Mishustin
# size up ...", "who claimed ...", "how did Xi feel about ...").
_APPRAISE = (
    r"assess(?:ed|es)?|evaluate[sd]?|portray(?:ed|s)?|sum(?:med|s)? up|size[sd]? up|"
    r"claim(?:ed|s)?|argue[sd]?|insist(?:ed|s)?|stated|assert(?:ed|s)?|meant|feel|felt"
)
_SAY = (
    r"say|said|says|tell|told|describe[sd]?|call(?:ed|s)?|hope[sd]?|wish(?:ed|es)?|"
    r"think|thinks|thought|believe[sd]?|stress(?:ed)?|note[sd]?|mention(?:ed|s)?|"
    r"applaud(?:ed|s)?|praise[sd]?|welcome[sd]?|express(?:ed)?|urge[sd]?|propose[sd]?|"
    r"congratulate[sd]?|thank(?:ed|s)?|repl(?:y|ied)|respond(?:ed)?|answer(?:ed)?|add(?:ed)?|"
    r"want(?:ed|s)?|point(?:ed)? out|emphasi[sz]e[sd]?|view|views|words|remarks|message|"
    r"comment|comments|position|stance|response|reply|speech|name|list|cite|highlight|suggest|outline|"
    rf"rate[sd]?|characteri[sz]e[sd]?|{_APPRAISE}|mean|ask(?:ed)?"
)
# ("назвал" is weaker: "какой товарооборот назвал Мишустин" asks the figure he named; it still
# marks a speaker)
_NAMED_RU = r"назвал"
_SAY_RU_STRONG = (
    r"сказал|заявил|отметил|подчеркнул|пожелал|призвал|описал|счита|"
    r"надеет|выразил\w*\s+(?:надежд|уверенн|благодарн|удовлетвор)|предложил(?!\w*\s+помо)|"
    r"поблагодарил|"
    r"поздравил|ответил|оценил|приветствовал|дума|рассказал|верит|уверен|похвалил|хвалил|"
    r"аплодир|апладир|отреагировал|реагировал|отозвался|охарактеризовал|добавил|указал|заверил|"
    r"констатировал|подтвердил|высказал|пообещал|обещал|предупредил|одобрил|ждёт|ждет|"
    r"(?<![а-яё])(?:говорил|говорит)|имел\w*\s+в\s+виду|доволен|довольн"
)
_SAY_RU = rf"{_SAY_RU_STRONG}|{_NAMED_RU}"
# Weaker words of saying ("говорили про ИИ?" asks what they discussed): only with a speaker.
_TALK_RU = r"говорил|упомянул|упоминал"
# ("the Moscow talks" are the meeting; "Xi talks about" is speech)
_TALK = Pattern(rf"\b(?:talk(?:ed)?|talks(?=\s+(?:about|of|on)\b)|spoke|speak|"
                rf"mention(?:ed|s)?)\b|{_TALK_RU}", re.I)  # fmt: skip
_BEFORE_SPEAKER = lazy_re(rf"(?:\b(?:did|does|do|has|had|have|according to|by)\s+(?:the\s+)?"
                          rf"|по словам\s+|(?:{_SAY_RU}|{_TALK_RU})\w*\s+)$", re.I)  # fmt: skip
# ("Xi's own words", "Mishustin reportedly said"; not "Putin's greetings described": whose
# greetings others described)
_AFTER_SPEAKER = lazy_re(rf"^(?:['’]s\s*(?:(?:own|exact|latest|first|main|key|official)\s+)?"
                         rf"|\s*(?:\w+\s+)?)(?:{_SAY}|{_SAY_RU}|{_TALK_RU})", re.I)  # fmt: skip
_SAYS_RU = lazy_re(rf"{_SAY_RU}|{_TALK_RU}", re.I)
_PREPOSITION_RU = lazy_re(r"\b(?:про|о|об|обо|с|со|у|к|ко|для|от|за|на|в|во|по|при)\s+$", re.I)


def _nominative(written: str, ru: str) -> bool:
    """Whether a name as written is one of the words of its Russian name as the gazetteer writes
    it (the nominative: "Мишустин", not "Мишустина")."""
    return bool(ru) and written.lower() in {w.lower() for w in (ru, *ru.split())}


# People named as the ones who met: "meet Putin", "met with Xi", "встречался с Путиным",
# "Xi and Putin meet".
_MET_BEFORE = lazy_re(
    r"(?:\b(?:meet|meets|met|meeting|talks|sit down|sat down)\s+(?:with\s+)?"
    r"|встреч\w*\s+(?:с\s+|со\s+)?|переговор\w*\s+с\s+)$",
    re.I,
)
_MET_AFTER = lazy_re(r"^\s+(?:meet|meets|met|встреч)", re.I)
_INVITED_BEFORE = lazy_re(r"\b(?:invite|invites|invited|inviting)\s+$", re.I)  # (Russian
# word order says nothing: "кого пригласил Си" is whom Xi invited)
_TOLD_BEFORE = lazy_re(r"\b(?:tell|tells|told|telling)\s+$", re.I)  # "what did Liu tell Xi"
_JOINED = lazy_re(r"\s*(?:and|&|with|и|с|,)\s*|-", re.I)  # between two names said together
_MEETS = lazy_re(r"\b(?:meet|meets|met|meeting|meetings|talks|sit down|sat down)\b|встреч", re.I)
_VENUE = Guarded(re.compile(
    r"\b(?:venue|hall|building|guesthouse|guest house|hotel|residence|"
    r"where exactly|which room)\b|в каком здании|место проведения|какой зал|где именно"
    # "where in Beijing was the meeting held": the city is given, the venue asked
    r"|\bwhere\s+in\s+(?!the\b|which\b|what\b|\d)\w+(?=\s+(?:was|were|did|is)\b)"
    r"|(?<!\w)где\s+в\s+\w+(?=\s+(?:прош|был|состоял))",
    re.I,
), ("venue", "hall", "building", "guest", "hotel", "residence", "where exactly", "which room",
    "where in", "в каком здании", "место проведения", "какой зал", "где именно",
    "где в "))  # fmt: skip
_WHEN = lazy_re(
    r"\b(?:when|(?:what|which)\s+(?:exact\s+|precise\s+|specific\s+)?(?:dates?|days?))\b"
    r"|когда|какого числа",
    re.I,
)
# Verbs of something that happens on its own, not at the meeting: when it happened is its own
# date, not the meeting's ("when did the earthquake strike", "when was the forum held").
_EVENT_VERB = lazy_re(
    r"\b(?:strike|struck|hit|happen(?:ed|s)?|occur(?:red|s)?|take place|took place|held|"
    r"break out|broke out|begin|began|start(?:ed|s)?|end(?:ed|s)?|conclude[sd]?|launch(?:ed)?|"
    r"open(?:ed)?|close[sd]?|(?:re-?)?elected|inaugurated|sworn in|born|died)\b"
    r"|произош|случил|прош[её]л|прошла|начал|закончил|состоял",
    re.I,
)
# "According to these reports" / "по данным статей" names the articles, not a speaker.
_THE_ARTICLES = Pattern(
    r"\baccording\s+to\s+(?:the|these|those|your|this|that)\s+(?:news\s+)?(?:reports?|articles?|"
    r"sources?|texts?|stories|story|news)\b|(?:согласно|по\s+данным|по\s+словам)\s+(?:этих\s+|"
    r"твоих\s+|ваших\s+)?(?:стат\w*|источник\w*|сообщени\w*)"
    # a report named by what it is ("according to the TASS report", "according to the Russian
    # government's announcement dated 16 August", "per the October 31 press conference")
    r"|\b(?:according\s+to|per|in)\s+(?:the\s+)?(?:[\w'’.,-]+\s+){0,5}?(?:report|wire|"
    r"article|story|release|press\s+release|announcement|press\s+conference|briefing|readout|"
    r"transcript|live\s*blog|feature|dispatch)s?\b(?:\s+(?:dated|of|from)\s+[\w ,]+?(?=,|$))?"
    # a document the sides adopted ("according to the joint statement", "per the Harbin
    # communique"): what it says, whoever says it
    r"|\b(?:according\s+to|per)\s+(?:the\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?:joint\s+"
    r"statement|communiqu[eé]|declaration)s?\b"
    # a body that publishes figures ("according to the business association", "per customs
    # data", "по данным ассоциации RCTPA")
    r"|\b(?:according\s+to|per)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?(?:association|council|"
    r"chamber|agency|channel|calculations|estimates|data|statistics)\b"
    r"|по\s+данным\s+(?:[\w-]+\s+){0,2}?(?:ассоциаци\w*|совет\w*|палат\w*|агентств\w*|"
    r"таможн\w*|статистик\w*)(?:\s+(?-i:[A-Z]{2,8})\b)?"
    # "the most recent encounter that the articles report", "... these texts mention"
    r"|\b(?:that|which)\s+(?:the|these|your|those)\s+(?:news\s+)?(?:articles?|reports?|texts?|"
    r"stories|sources?)\s+(?:report|reports|mention|mentions|describe|describes|cover|covers)\b"
    r"|\b(?:covered|reported|described|mentioned)\s+(?:by|in)\s+(?:the|these)\s+(?:news\s+)?"
    r"(?:articles?|reports?|texts?|stories|sources?)\b",
    re.I,
)
# Hearsay the question checks, not anyone's words in the articles: "my uncle says trade hit ...,
# true?", "I heard that ...", "is it true that ...", "говорят, что ..."
_HEARSAY = Guarded(
    re.compile(
        r"\b(?:my|our|a|some)\s+(?:[\w'’-]+\s+){0,2}?(?:says|said|claims|claimed|told\s+me|thinks|"
        r"reckons|insists)\s+(?:that\s+)?|\b(?:i|we)\s+(?:heard|read|was\s+told|were\s+told)\s+"
        r"(?:that\s+)?|\b(?:someone|somebody|people|everyone)\s+(?:says|said|told\s+me|claims)\s+"
        r"(?:that\s+)?|\b(?:is\s+it|it\s+is|it's)\s+(?:true|correct|right)\s+that\s+"
        r"|(?:^|\s)говорят,?\s+(?:что\s+)?|\bслышал[аи]?,?\s+(?:что\s+)?",
        re.I,
    ),
    ("says", "said", "claim", "told", "thinks", "reckons", "insists", "heard", "read", "true",
     "correct", "right", "говорят", "слышал"),
)  # fmt: skip
# A date in figures: "05.11.2026" (day first, as dotted dates are), "2026-11-05"
_NUMERIC_DATE = lazy_re(
    r"\b(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)|((?:19|20)\d\d)-(\d\d)-(\d\d))\b"
)


def _spell_dates(text: str) -> str:
    """``text`` with its dates in figures written as words ("5 November 2026", "5 ноября 2026"),
    as the rest of the reading knows them."""

    def spelt(m: re.Match[str]) -> str:
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
            m.group(6), m.group(5), m.group(4))  # fmt: skip
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return m.group()
        names = RU_MONTHS_GENITIVE if script(text) == "ru" else MONTH_NAMES
        return f"{int(day)} {names[int(month) - 1]} {year}"

    return _NUMERIC_DATE.sub(spelt, text) if any(c.isdigit() for c in text) else text


_BY_PHONE = lazy_re(r"\b(?:by|on the|over the)\s+(?:tele)?phone\b|\bphone\s+call|по телефону",
                    re.I)  # fmt: skip
# How someone responded: what they said right after what they responded to
_RESPONDS = Guarded(re.compile(r"\b(?:respond(?:ed|s)?|react(?:ed|s)?|repl(?:y|ied|ies)|"
                               r"answer(?:ed|s)?|response|reaction)\b|отреагировал|реагировал|"
                               r"ответил|отозвал\w* на|реакци", re.I),
                    ("respon", "react", "repl", "answer", "реаг", "ответил", "отозвал",
                     "реакци"))  # fmt: skip
# A period of a figure ("in the first 11 months", "за первые 11 месяцев"): read apart
# (bot/gives.py), it is no first meeting and asks no month
_FIRST_MONTHS = Guarded(re.compile(r"\bfirst\s+(?:\w+\s+months|quarter|half)\b|"
                                   r"\bперв\w+\s+(?:\w+\s+месяц\w*|квартал\w*|полугоди\w*)",
                                   re.I), ("first", "перв"))  # fmt: skip
# Clauses that only choose the meeting: "the first meeting that was held in Beijing" (the place is
# read, these words are not), "the meeting where the Dragon came up - when was it" (the question
# word is the later one)
_HELD_CLAUSE = Guarded(re.compile(r"\b(?:that|which)\s+(?:was|were|had\s+been)\s+held\b|"
                                  r"(?:(?<=\bmeeting)|(?<=\btalks)|(?<=\bone)|(?<=\btime))"
                                  r"\s+(?:where|when)\b(?!\W*$)", re.I),
                       ("held", "where", "when"))  # fmt: skip
# Weaker: "what growth points did Xi name", "which sectors did Mishustin list", "what does
# Mishustin want to double": what was said, or
# a fact of a kind ("sectors": cooperation areas), whichever fits better.
_SAID_WEAKLY = Pattern(r"\b(?:did|does|do)\s+(?:\w+\s+){1,2}(?:name|list|cite|highlight|"
                       r"suggest|outline|single out|mention|point to|identify|want|bring up|"
                       r"raise)\b|"
                       r"(?<!\bi )(?<!\bwe )"
                       rf"(?<!\byou )\bwant(?:ed|s)\b|{_NAMED_RU}|перечислил", re.I)  # fmt: skip
# The question asks what was said: a verb or noun of saying ("what did Xi say", "who wished",
# "Xi's remarks", "что пожелал Мишустин", "по словам").
_SAID = Pattern(
    r"\b(?:say|said|says|saying|tell(?!\s+(?:me|us)\b)|told|describe[sd]?|characteri[sz](?:e|ed|es)|"
    r"call(?:ed|s)? (?:for|on)|urge[sd]?|hope[sd]?|hoping|wish(?:ed|es)?|applaud(?:ed|s)?|"
    r"prais(?:e|ed|es)|welcome[sd]?|believe[sd]?|stress(?:ed|es)?|emphasi[sz](?:e|ed|es)|"
    r"point(?:ed|s)? out|note[sd]|express(?:ed|es)?|congratulate[sd]?|thank(?:ed|s)?|"
    r"propose[sd]?|proposals?|put(?:s|ting)? forward|repl(?:y|ied|ies)|respond(?:ed|s)?|answered|"
    r"react(?:ed|s)?|remarks?|message|metaphor|"
    r"quote[sd]?|"
    rf"according to|interpret(?:ed|s)?|(?:view|views|position|stance|line|take) on|{_APPRAISE}|"
    r"recall(?:ed|s)?|"
    r"mean(?:t)? by|comment(?:ed|s)?|hyped|excited|pleased|glad|happy about|satisfied|"
    r"brag(?:ged|s)?|boast(?:ed|s)?|tout(?:ed|s)?|floated|pitch(?:ed)?|pledge[sd]?|vow(?:ed|s)?|"
    r"promise[sd]?|(?<!\bi )(?<!\bwe )(?<!\byou )think(?:s)?|thought|predict(?:ed|s)?|"
    r"ask(?:ed|s)?\s+(?:\w+\s+){1,3}to\s+(?!convey|pass)\w+)\b"
    r"|\bwho\b.*\b(?:mention(?:ed|s)?|talk(?:ed)?|talks(?=\s+(?:about|of|on)\b)|spoke|speaks?|"
    r"brought up|raised|referred)\b"  # ("the Moscow talks" are the meeting)
    # a figure someone gave: "what trade figure did Mishustin give at the meeting"
    r"|\b(?:figures?|numbers?|amount)\b[^?]*\b(?:give|gave)\b",
    re.I,
)
_SAID_RU = Guarded(re.compile(rf"{_SAY_RU_STRONG}|по\s+(?:его\s+|её\s+|ее\s+|их\s+)?словам|"
                              r"метафор|высказ|(?<!\w)кто\s+(?:\w+\s+)?(?:упомянул|упоминал)",
                              re.I), None)  # fmt: skip
_ASKS_FIGURE = lazy_re(r"\bhow\s+(?:much|many|big|large|fast|strong|powerful)\b|"
                       r"\bwhat\s+(?:was|is)\s+the\s+(?:figure|amount|value|volume|growth)\b"
                       r"|сколько", re.I)  # fmt: skip
# Whom a figure is attributed to ("according to what Mishustin told Xi", "per Xi's remarks"):
# a question of how much asks the figure, not what was said.
_ATTRIBUTED = lazy_re(
    r"\baccording\s+to\s+(?:what\s+)?[^,?]{1,40}?(?:\b(?:said|told|says|tells|stated)\b"
    r"(?:\s+\w+)?|(?=[,?]|$))|\bper\s+[\w'’.-]+\s+(?:remarks|words|statement)\b"
    r"|\bпо\s+словам\s+\w+",
    re.I,
)
# "принял ли он приглашение": "принял" is "received" (met) as well as "accepted", but with an
# invitation (or aid) it claims acceptance.
_ACCEPTED_RU = lazy_re(r"(принял\w*)\b.*(?:приглашени|помощ)|"
                       r"(?:приглашени|помощ)\w*\b.*\b(принял\w*)", re.I)  # fmt: skip
ACCEPT = "accept"  # the claim token of "accept" (its stem; the lexicon's ``verify`` holds it)
_SIDE = lazy_re(
    r"\b(?:on|from)\s+(?:the\s+)?(chinese|russian)\s+side\b|\b(chinese|russian)"
    r"\s+side\b|\bfrom\s+(?:the\s+)?(china|russia)\b|\bс\s+(российской|китайской)\s+"
    r"стороны|\b(chinese|russian)\s+(?=(?:deputy\s+|vice\s+)?(?:ministers|officials|"
    r"delegates)\b)",
    re.I,
)  # fmt: skip ("which Russian ministers": of that side)
_RU_TO = lazy_re(r"(?<!\w)(?:в|во)\s+$", re.I)  # before a country: "в Россию", "в Китае"


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
    told: tuple[str, ...] = ()  # people the question says were told ("what did X tell Xi")
    invited: tuple[str, ...] = ()  # people the question says were invited ("invite Mishustin")
    nth: int = 0  # "the second time they met", "the third meeting": which meeting, in time order
    roles: tuple[str, ...] = ()  # offices the question names ("the chinese premier" -> the
    # gazetteer people who hold it: "Li Qiang")
    other_event: bool = False  # its subject is another event ("where was the 28th regular
    # meeting held"): the leaders' meeting is no answer
    relative: Literal["", "before", "after"] = ""  # "the meeting right before the Nov 2025
    # one": the meeting next to the one the other slots choose
    not_places: tuple[str, ...] = ()  # "not in Beijing", "outside China": the meetings elsewhere
    day_offset: int = 0  # "the day before they met": what else happened a day before (-1) or
    # after (1) the meeting the other slots choose
    bound: tuple[str, int, int] | None = None  # ("before", 2026, 6): "before June 2026" (its
    # month and year choose no meeting: the meetings on that side of it do)


@dataclass(frozen=True)
class Question:
    """One message, read once: its canonical words at once, its slots when first needed (a
    question the matcher declines never needs them, and they cost most of the reading)."""

    text: str  # the message as read: controls stripped, at most max_chars
    tokens: tuple[str, ...]  # canonical tokens in order; names and slots as markers (#place, #year)
    written: tuple[str, ...]  # each token as the message wrote it (normalised, unstemmed)
    names: tuple[tuple[str, str], ...]  # (marker, canonical name) of the gazetteer names found
    words: tuple[str, ...]  # what is scored: tokens with typos repaired, no slot markers, once each
    unknown: tuple[str, ...]  # words no intent example has
    wh: str  # the first question word ("when", "who" ...), or ""
    focus: str  # the first word that frames a meeting question ("when", "date", "where", "city")
    weekday: bool  # asks for the day of the week
    responds: bool  # asks how someone responded ("how did Xi react to the condolences")
    said: bool  # asks what someone said (a verb or noun of saying)
    said_weakly: bool  # only a weak verb of saying ("did Xi name", "did Mishustin list")
    says: bool  # a strong verb of saying ("what did Xi say", not "did Xi talk about")
    venue: bool  # asks for the venue itself ("what venue", "which hall", "where exactly")
    event_time: (
        bool  # asks when something outside the meeting happened ("when did the quake strike")
    )
    verify: tuple[str, ...]  # words the answering facts must say too (the lexicon's ``verify``)
    amounts: tuple[str, ...]  # figures the answering facts must give ("$300 billion" -> "300")
    content: frozenset[str]  # its words of 4+ letters and its numbers, lower case
    script: Script  # "ru" for Cyrillic, "en" for Latin, "" for neither
    read_slots: Callable[[Question], Slots] = field(repr=False, compare=False)

    @cached_property
    def slots(self) -> Slots:
        """Years, months, places, venues, countries, people, ordinals, first/last, outside."""
        return self.read_slots(self)

    @cached_property
    def office_countries(self) -> frozenset[str]:
        """The countries of the offices it names ("the Chinese premier", "премьер Китая":
        China), as ``Reader`` reads roles."""
        return frozenset(
            country for m in _ROLE.finditer(self.text)
            if (country := _COUNTRY_OF.get((m.group("c1") or m.group("c2") or "").lower()[:4], ""))
        )  # fmt: skip

    @cached_property
    def side(self) -> tuple[str, str]:
        """The country whose side the question asks about ("on the Russian side", "from the
        Chinese side", "с российской стороны") and the words as written; ("", "") for none."""
        m = _SIDE.search(self.text)
        if m is None:
            return "", ""
        word = next(g for g in m.groups() if g)
        return _COUNTRY_OF.get(word.lower()[:4], ""), m.group().strip()

    @cached_property
    def occasion(self) -> Occasion | None:
        """Its clause that chooses the meeting by its occasion ("during Mishustin's official
        visit"), or None (``bot.occasions``)."""
        return occasion(self.text)

    @cached_property
    def claims(self) -> frozenset[Claim]:
        """The counts, ordinals, weekdays and parts of the day it states (a yes-or-no question's
        claims: ``bot.verdict``)."""
        return claims(_QUOTED_NAME.sub(" ", self.text))  # («Один пояс, один путь» counts nothing)

    @cached_property
    def claimed_as(self) -> dict[str, str]:
        """Claim tokens read from a phrase, as written ("принял ... приглашение": accept)."""
        m = _ACCEPTED_RU.search(self.text)
        return {ACCEPT: m.group(1) or m.group(2)} if m and ACCEPT in self.verify else {}

    # What the answer must give, read when a picked answer is checked (most messages never are)

    @cached_property
    def duration(self) -> str:
        """ "how long", as written: only a fact that gives a length answers."""
        return _said_as(_HOW_LONG, self.text)

    @cached_property
    def how_many(self) -> str:
        """ "how many", "сколько", as written: a number must answer (not a list); "сколько
        длилась" asks a length (``duration``), which "about an hour" gives."""
        return "" if self.duration else _said_as(_HOW_MANY, self.text)

    @cached_property
    def venue_as(self) -> str:
        """The words that ask for the venue, as written ("where exactly", "в каком здании")."""
        m = _VENUE.search(self.text)
        return m.group() if m else ""

    @cached_property
    def future(self) -> bool:
        """ "who will accompany", "is expected to": a planned meeting may answer."""
        return bool(self.future_as)

    @cached_property
    def future_as(self) -> str:
        """The words that put the question in the future, as written ("" for none)."""
        return _said_as(_FUTURE, self.text)

    @cached_property
    def precision(self) -> str:
        """ "day" ("on what exact date"), "year" ("which years"): what the answer must give."""
        return self._precision[0]

    @cached_property
    def precision_as(self) -> str:
        """The words that ask for a precision, as written (a decline quotes them)."""
        return self._precision[1]

    @cached_property
    def _precision(self) -> tuple[str, str]:
        for kind, pattern in (("day", _ASKS_DAY), ("year", _ASKS_YEARS)):
            m = pattern.search(self.text)
            if m:
                return kind, m.group()
        return "", ""


_AMOUNT = Guarded(
    re.compile(
        r"(?<![\w.])\$?(\d+(?:[.,]\d+)?)\s*(?:%|percent|pct|bn|billion|trillion|trln|million|mln|"
        r"млрд|трлн|млн|процент)|(?<![\w.])\$(\d+(?:[.,]\d+)?)|(?<![\w.])(\d+[.,]\d+)(?![\w.])",
        re.I,
    ),
    quick=_DIGIT,
)


def _amounts(text: str) -> list[str]:
    """The figures a question asks about: "$300 billion", "6.4 pct", "6.2" (not years, dates or
    ordinals), as plain numbers with a dot."""
    return [next(g for g in m.groups() if g).replace(",", ".") for m in _AMOUNT.finditer(text)]


_NTH = lazy_re(
    r"\b(?P<n>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:of\s+(?:the|their)\s+(?:\w+\s+)?)?"
    r"(?:time|meeting|meet|encounter|talks)"  # ("the third of the four meetings")
    # "which meeting came third", "the one that was held second"
    r"|\b(?:meeting|one|encounter)\s+(?:that\s+)?(?:came|was|happened|took place|was held)\s+"
    r"(?P<n2>second|third|fourth|fifth|2nd|3rd|4th|5th)\b(?!\s*-?\s*to\b)"
    r"|\b(?P<ru>втор|трет|четв[её]рт|пят)\w*\s+(?:по\s+сч[её]ту\s+)?(?:раз|встреч)"
    # "какая встреча была второй по счёту"
    r"|(?<!\w)встреч\w*\s+(?:был\w*\s+)?(?P<ru2>втор|трет|четв[её]рт|пят)(?:ой|ей|ая|ую)(?!\w)",
    re.I,
)
_NTH_RU = {"втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5}


_BEFORE_LAST = Pattern(r"\b(?:second|2nd|next)[\s-]+to[\s-]+last\b|\bpenultimate\b|"
                       r"\bone\s+before\s+(?:the\s+)?last\b|предпоследн", re.I)  # fmt: skip


def _nth(text: str) -> int:
    """2 for "the second time they met", "their 2nd meeting", "вторая встреча"; -2 for "the
    second-to-last meeting", "предпоследняя"; else 0."""
    if _BEFORE_LAST.search(text):
        return -2
    m = _NTH.search(text)
    if not m:
        return 0
    if m.group("n") or m.group("n2"):
        word = (m.group("n") or m.group("n2")).lower()
        return int(word[0]) if word[0].isdigit() else ORDINAL_WORDS[word]
    return _NTH_RU[(m.group("ru") or m.group("ru2")).lower()]


# Offices a question can name, by country: "the Chinese premier", "premier of China", "Russia's
# PM", "президент Китая". The gazetteer's roles say who holds them.
_OFFICES = (
    r"premier|prime minister|pm|head of government|president|foreign minister|leader|"
    r"премьер\w*|президент\w*|председател\w*|глав\w* правительства|министр\w* иностранных дел"
)
_COUNTRIES = (
    r"chinese|china's|china|russian|russia's|russia|китайск\w*|российск\w*|китая|россии|кнр|рф"
)
_ROLE = Guarded(re.compile(rf"\b(?P<c1>{_COUNTRIES})\s+(?P<o1>{_OFFICES})\b|\b(?P<o2>{_OFFICES})\s+"
                   rf"(?:of\s+)?(?P<c2>{_COUNTRIES})\b", re.I),
                ("chin", "russ", "китай", "китая", "российск", "россии", "кнр", "рф"))  # fmt: skip
# The office is what is asked: "who is the Chinese premier", "who was Russia's PM at ...".
_ASKS_WHO = lazy_re(
    r"\b(?:who\s*(?:'s|s|is|was|are|were)|кто\s+(?:такой|был|является)?|как\s+зовут)\s*"
    r"(?:the\s+|at\s+the\s+time\s+)?$",
    re.I,
)
# Offices written before a name, as titles ("President Xi", "Prime Minister Mishustin").
_TITLES = ("president", "prime minister", "premier", "pm", "chairman", "президент", "премьер",
           "председатель")  # fmt: skip
_COUNTRY_OF = {"chin": "China", "russ": "Russia", "кита": "China", "росс": "Russia", "кнр": "China",
               "рф": "Russia"}  # fmt: skip
_HEAD = "head of government"
_OFFICE = {"premi": _HEAD, "prime": _HEAD, "pm": _HEAD, "head": _HEAD, "глав": _HEAD,
           "премь": _HEAD, "presi": "President", "прези": "President", "предс": "President",
           "leade": "leader",
           "forei": "Foreign Minister", "минис": "Foreign Minister"}  # fmt: skip


def _holds(role: str, office: str, country: str) -> bool:
    """True when a gazetteer role ("Premier of China") is ``office`` of ``country``."""
    if not role.endswith(f"of {country}") or role.startswith(("former", "Vice", "Deputy")):
        return False
    title = role[: -len(f" of {country}")]
    if office == _HEAD:
        return title in ("Premier", "Prime Minister")
    if office == "leader":
        return title in ("President",)
    return title == office


# "Where was the 28th regular meeting held", "when was the forum held": the question is about
# another event, not the leaders' meeting.
_OTHER_EVENT = lazy_re(
    r"^\W*(?:(?:братан|бро|слушай|чел|bro|dude|yo|guys)\W+)?"  # "братан, когда ..."
    r"(?:(?:(?:please\s+)?tell\s+me|do\s+you\s+know|скажи(?:те)?)\s+)?"  # "tell me where ..."
    r"(?:when|where|on what dates?|in which city|(?:what|which)\s+(?:day\s+of\s+the\s+week|"
    r"weekday)|где|когда|день\s+недели)(?:\s+(?:and|и)\s+(?:when|where|on "
    r"what dates?|in which city|где|когда))?\s+(?:was|were|is|will|did|does|"
    r"проходил\w*|прош\w*|состоял\w*|будет)?\s*"
    r"(?:(?:\w+\s+){1,3}?(?:hold|have|host|convene|attend)\s+)?"  # "did the two sides hold"
    r"(?:the\s+)?(?:\d+\w*\s+|\d+-\w+\s+|first\s+|"
    r"second\s+|third\s+|fourth\s+|fifth\s+)?"
    r"(?-i:(?:[A-Z][\w-]*\s+(?:and\s+|of\s+|for\s+)?){0,4})"  # a name: "the third Belt and Road"
    r"(?:regular\s+meeting|forum|plenum|plenary|summit|"
    r"congress|session|regular\s+heads|регулярн\w*\s+(?:встреч|заседани)\w*|встреч\w*\s+глав\w*\s+правительств\w*|"
    r"форум\w*|пленум\w*|саммит\w*|"
    r"съезд\w*)",
    re.I,
)


def stem(token: str) -> str:
    """The Snowball stem of a word (Russian for Cyrillic, English otherwise), at least 3 letters:
    "wishes" and "wish", "multipolarity" and "multipolar", "встречались" and "встреча" meet."""
    if len(token) <= 3 or not token.isalpha():
        return token
    stemmer = _RUSSIAN if _CYRILLIC.search(token) else _ENGLISH
    stemmed: str = stemmer.stemWord(token)
    return stemmed if len(stemmed) >= 3 else token


# The words of seasons, stemmed: they choose a meeting ("in the spring of 2023"), they are no topic.
SEASON_STEMS = frozenset(stem(w) for w in ("spring", "summer", "autumn", "fall", "winter", "весна",
                                           "весной", "лето", "летом", "осень", "осенью", "зима",
                                           "зимой"))  # fmt: skip


def _entity_names(gaz: Gazetteer) -> Iterator[tuple[str, tuple[str, str], tuple[str, ...]]]:
    """Every gazetteer name (English and Russian) as written, its (marker, name) and its
    stemmed words."""
    for section, marker in MARKERS.items():
        for entry in gaz.sections[section]:
            for name in (*entry.aliases, entry.ru, entry.name):
                key = tuple(stem(t) for t in normalize(name).split())
                if key and not (len(key) == 1 and len(key[0]) < 2):
                    yield name, (marker, entry.name), key
    for name in (*gaz.other_people, *gaz.other_places):
        key = tuple(stem(t) for t in normalize(name).split())
        if key:
            yield name, ("#other", name), key


def entity_phrases(gaz: Gazetteer) -> dict[tuple[str, ...], tuple[str, str]]:
    """Stemmed word sequences of every gazetteer name (English and Russian) -> (marker, name)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for _, hit, key in _entity_names(gaz):
        out.setdefault(key, hit)
    return out


def _vocabulary(examples: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The words of the examples as read (``Reader.examples``), the slot markers aside."""
    return frozenset(t for toks in examples.values() for t in toks) - SLOT_MARKERS


class Reader:
    """Reads messages into ``Question``s: the lexicon, the gazetteer, the intents' vocabulary."""

    def __init__(self, lexicon: Lexicon, gaz: Gazetteer, examples: Iterable[str],
                 frames: Iterable[str] = (), max_chars: int = 500,
                 reading: Any = None):  # fmt: skip
        """``reading``: the JSON of a ``bot.reading.Reading`` stored before (its tables are
        worked out again unless it was made from these examples, frames and ``max_chars``)."""
        self.lexicon = lexicon
        self.gaz = gaz
        self.max_chars = max_chars
        self._tokens: dict[str, str | None] = {}  # word -> token (``_word``)
        # phrases of the lexicon: read as their words, or as none (an ignored phrase: "по счёту")
        phrases = sorted((k for k in (*lexicon.synonyms, *lexicon.ignore) if " " in k), key=len,
                         reverse=True)  # fmt: skip
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
        self._lengths: dict[str, tuple[int, ...]] = {}  # ``span_lengths(self.entities)``
        # The principals' offices name them ("the Chinese President", "the Russian PM"): read
        # as their (shortest) name, a title is no topic and no word against an intent.
        self._titled = {name: min((*e.aliases, name), key=len).lower() for name in gaz.principals
                        if (e := gaz.get("people", name)) is not None}  # fmt: skip
        # and an office before a name is its title ("President Xi", "Premier Li Qiang")
        self._offices = frozenset(t for w in _TITLES for t in self._canon_plain(w))
        self._named = frozenset({"#person"} | {t for n in self._titled.values()
                                               for t in self._canon_plain(n)})  # fmt: skip
        # What the names, the examples and the lexicon are read as: worked out here, or read
        # back from where a build stored it (``bot.reading``), when made from the same ones.
        made_from = (tuple(examples), tuple(frames), max_chars)
        stored = Reading.from_json(reading, made_from) if reading is not None else None
        self.reading = stored or self._work_out(*made_from)
        self.entities = self.reading.entities
        self._longest = max((len(k) for k in self.entities), default=0)
        self._lengths = span_lengths(self.entities)
        self.examples = self.reading.examples
        self.vocabulary = _vocabulary(self.examples)
        self._spell = self.reading.spell
        self._place_of = self.reading.place_of
        self._lexical = self.reading.lexical
        self._choices = sorted(self._spell)
        self._written = self.reading.written
        self._repaired: dict[tuple[str, str], str | None] = {}
        self._written_choices = sorted(self._written)
        self.frames = self.reading.frames
        self.verify = self.reading.verify
        self._city_of = {v.name: str(v.attr("city")) for v in gaz.sections["venues"]}
        self._accept = (ACCEPT,) if ACCEPT in self.verify else ()
        # Words of the articles (stemmed), which a misspelt word may mean ("bildng"): the
        # table's, told by ``know``; none until then.
        self._in_facts: Callable[[str], bool] = _nothing
        self._respelt: dict[str, str] = {}

    def _work_out(self, examples: tuple[str, ...], frames: tuple[str, ...],
                  max_chars: int) -> Reading:  # fmt: skip
        """The ``Reading`` of the gazetteer's names, the examples and the lexicon (the names
        are marked in the examples as they are read: ``self.entities`` is set on the way)."""
        lexicon, gaz = self.lexicon, self.gaz
        keywords = {t for e in examples for w in normalize(e, max_chars).split()
                    if (t := self._word(w)) is not None}  # fmt: skip
        entities: dict[tuple[str, ...], tuple[str, str]] = {}
        keyed: dict[tuple[str, ...], tuple[str, str]] = {}
        for name, hit, key in _entity_names(gaz):
            keyed.setdefault(key, hit)
            # and as a message's words read it (from the name as written: a Russian stem
            # stemmed again is shorter, "собран" -> "собра")
            keyed.setdefault(tuple(self.canon(name)[0]), hit)
        for k, hit in keyed.items():
            if (
                k
                and (len(k) > 1 or k[0] not in keywords)
                and not set(k) & SLOT_MARKERS
                and not (len(k) == 1 and len(k[0]) < 2)
            ):  # ("U.N." read as "n")
                entities.setdefault(k, hit)
        self.entities = entities
        self._longest = max((len(k) for k in self.entities), default=0)
        self._lengths = span_lengths(self.entities)
        # The examples read as messages are (the matcher scores against these), once each.
        read_examples = {e: tuple(self.canon(e)[0]) for e in dict.fromkeys(examples)}
        # Typos are repaired towards the vocabulary and towards every one-word variant in the
        # lexicon ("землятресение" -> землетрясение -> earthquake), stemmed like messages.
        vocabulary = _vocabulary(read_examples)
        spell: dict[str, str] = {t: t for t in sorted(vocabulary)}
        for variant, word in lexicon.synonyms.items():
            canon = lexicon.synonyms.get(stem(word), word)
            if " " not in variant and canon in vocabulary:
                spell.setdefault(stem(variant), canon)
        # and towards one-word place names ("moskow": Moscow), which the examples hold as markers
        # (a place no example names is read as a marker: its own word, stemmed, is the target)
        place_of = {
            (one[0] if one[0].isalpha() else stem(alias.lower())): e.name
            for e in gaz.sections["places"]
            for alias in (*e.aliases, e.ru)
            if alias
            and len(one := self.canon(alias)[0]) == 1
            and (one[0].isalpha() or (one[0] == PLACE and alias.isalpha()))
            and len(alias) >= 5
        }  # fmt: skip (and in Russian: "маскве" is Moscow)
        for place in place_of:
            spell.setdefault(place, place)
        # and towards places outside the articles ("pariss": Paris, which the articles never
        # name: the question is declined for it, not answered for the places they do)
        for name in gaz.other_places:
            if name.isalpha() and len(name) >= 5:
                for target in (name.lower(), stem(name.lower())):
                    spell.setdefault(target, stem(name.lower()))
        # The words the lexicon reads other words as ("цепочках" -> chain): real words, never
        # typos of an intent's word ("chain" is not "chair", "supply" not "set").
        lexical = (
            frozenset(
                t
                for words in set(lexicon.synonyms.values())
                for w in words.split()
                if (t := self._word(w)) is not None
            )
            - vocabulary
        )
        # The same, as words are written: the examples' and the lexicon's words, unstemmed.
        written: dict[str, str] = {}
        for text in (*read_examples, *(v for v in lexicon.synonyms if " " not in v)):
            plain = text.isalpha() and text.islower() and "ё" not in text  # (normal already)
            for w in [text] if plain else normalize(text, max_chars).split():
                tok = self._word(w)
                if tok in vocabulary and w.isalpha():
                    written.setdefault(w, tok)
        read_frames = frozenset(t for f in frames for t in self.canon(f)[0])
        # A claim word read as a word of another sense is no claim: "принял" is "received"
        # (meet) as well as "accepted"; only canonical forms that are claim words themselves.
        claims = {stem(w) for w in lexicon.verify} | set(lexicon.verify)
        verify = frozenset(t for w in lexicon.verify for t in self.canon(w)[0] if t in claims)
        return Reading((examples, frames, max_chars), entities, read_examples, spell, place_of,
                       lexical, written, read_frames, verify)  # fmt: skip

    def know(self, in_facts: Callable[[str], bool]) -> None:
        """Tell the reader which stemmed words the facts hold: a word of a question that no
        intent, lexicon or fact knows is respelt as the word one slip away that one does."""
        self._in_facts = in_facts
        self._respelt.clear()

    # --- misspelt words ----------------------------------------------------------------------

    def respell(self, text: str) -> str:
        """``text`` with each misspelt English word (four letters or more, known to no intent,
        lexicon, name or fact) as the known word one slip away: two letters swapped ("abuot",
        "tiems", "yaer"), one left out ("artifical", "vist") or doubled ("whenn"), or, from seven
        letters, one too many or one mistyped (a mistyped one only into a word the intents,
        lexicon or names write). The first letter is kept."""
        if self._in_facts is _nothing:
            return text
        return _ASCII_WORD.sub(self._respelt_match, text)

    def _respelt_match(self, m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < _RESPELL or not word.isascii():
            return word
        low = word.lower()
        found = self._respelt.get(low)
        if found is None:
            found = self._respelt_word(low)
            if len(self._respelt) < _MEMO:
                self._respelt[low] = found
        if found == low:
            return word
        # a name as the gazetteer writes it ("pariss": Paris), a word as the message began it
        named = self._name_case.get(found, found)
        return named[:1].upper() + named[1:] if word[:1].isupper() else named

    def _known_word(self, word: str) -> bool:
        if self._written_word(word):
            return True
        tok = self._word(word)
        return (tok is None or tok.startswith("#") or tok in self.vocabulary or self._in_facts(word)
                or tok in self._name_words or self._in_facts(tok))  # fmt: skip

    @cached_property
    def _name_words(self) -> frozenset[str]:
        """Every token of the gazetteer's names ("artifici" of artificial intelligence)."""
        return frozenset(t for key in self.entities for t in key)

    def _respelt_word(self, word: str) -> str:
        if self._known_word(word):
            return word
        # a short word may be a real word the articles lack ("whole", "rode"): only a word
        # written as the intents, the lexicon or the names write it; a longer one may also be a
        # word of the facts ("opend", "durign"), but not with a letter mistyped: the facts hold
        # stems, and a stem is no word ("anyther" is no "anything")
        for candidate, mistyped in _slips(word):
            if len(word) >= _RESPELL_FACTS and not mistyped:
                if self._known_word(candidate):
                    return candidate
            elif self._written_word(candidate):
                return candidate
        return word

    def _written_word(self, word: str) -> bool:
        return (word in self._written or word in self.lexicon.ignore
                or word in self._lexicon_words or word in self._name_case)  # fmt: skip

    @cached_property
    def same_script_synonyms(self) -> dict[str, str]:
        """The lexicon's synonyms that keep a word's alphabet (``bot.phrases``: the lexicon's
        "что" -> "what" would make "что было" the phrase of "what was ..."); worked out once, for
        both the small talk's and the summaries' phrases."""
        return {k: v for k, v in self.lexicon.synonyms.items()
                if is_russian(k) == is_russian(v)}  # fmt: skip

    @cached_property
    def _lexicon_words(self) -> frozenset[str]:
        """Every word of the lexicon's phrases ("hang out") and of what it reads them as."""
        return frozenset(w for pair in self.lexicon.synonyms.items() for v in pair
                         for w in v.lower().split())  # fmt: skip

    @cached_property
    def _name_case(self) -> dict[str, str]:
        """Every word of the gazetteer's names, lower-case, as the names write it."""
        names = (*(a for section in self.gaz.sections.values() for e in section
                   for a in (e.name, *e.aliases)), *self.gaz.other_places)  # fmt: skip
        return {w.lower(): w for text in names for w in text.split()}

    # --- canonical tokens --------------------------------------------------------------------

    def canon_written(self, text: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        """``canon``'s tokens, each token as written, and the names."""
        toks, names, written = self._canon(text)
        return toks, written, names

    def canon(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Normalised, slang-repaired, stemmed tokens without fillers; slots become markers;
        gazetteer names become markers too (also returned as (marker, name))."""
        toks, names, _ = self._canon(text)
        return toks, names

    def _canon(self, text: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """``canon`` and, for each token, the word as written (for typo repair)."""
        text = normalize(text, self.max_chars)
        if self._titled and _ROLE.search(text):
            text = _ROLE.sub(self._title_name, text)
        pieces: list[tuple[str, str]] = []  # (word, as written): a phrase is one word
        at = 0
        for m in self._phrase_re.finditer(text) if self._phrase_re is not None else ():
            pieces += [(w, w) for w in text[at : m.start()].split()]
            # (a phrase may stand for several words: "принял приглашение", accept invitation)
            pieces += [(w, m.group()) for w in self.lexicon.synonyms.get(m.group(), "").split()]
            at = m.end()
        pieces += [(w, w) for w in text[at:].split()]
        out: list[str] = []
        surfaces: list[str] = []
        for n, (word, written) in enumerate(pieces):
            following = pieces[n + 1][0] if n + 1 < len(pieces) else ""
            if word == "may" and (out[-1:] in (["in"], ["of"]) or _YEAR.match(following) or (
                    n and pieces[n - 1][0] == "the" and following in _MAY_NOUNS)):  # fmt: skip
                tok: str | None = "#month"  # "in May", "the May 2023 meeting", not "may I ask"
            elif word in _YEAR_RU and out[-1:] == ["#year"]:
                continue  # "21 марта 2023 года": the year's case ending, no word of its own
            else:
                tok = self._word(word)
            if tok is not None:
                out.append(tok)
                surfaces.append(written)
        if self._offices:
            keep = [i for i, t in enumerate(out) if t not in self._offices
                    or out[i + 1 : i + 2] == [] or not self._names_next(out, i)]  # fmt: skip
            out, surfaces = [out[i] for i in keep], [surfaces[i] for i in keep]
        return self._mark_entities(out, surfaces)

    def _names_next(self, toks: list[str], i: int) -> bool:
        """True when a name follows the office at ``i`` ("president xi", "pm li qiang")."""
        nxt = toks[i + 1]
        return nxt in self._named or (nxt, *toks[i + 2 : i + 3]) in self.entities or (
            (nxt,) in self.entities)  # fmt: skip

    def _canon_plain(self, text: str) -> list[str]:
        """The tokens of ``text`` before names are marked (for the Reader's own word lists)."""
        return [t for w in normalize(text, self.max_chars).split() if (t := self._word(w))]

    def _title_name(self, m: re.Match[str]) -> str:
        """A principal's name for the office ``m`` names, when one principal holds it."""
        if _ASKS_WHO.search(m.string[: m.start()]):  # "who is the Russian PM": the office asked
            return m.group()
        holders = self._holders(m)
        if len(holders) == 1 and holders[0] in self._titled:
            return self._titled[holders[0]]
        return m.group()

    def _word(self, word: str) -> str | None:
        """One normalised word as a token (None for a filler word), remembered: the same words
        come back in every message and every example."""
        found = self._tokens.get(word, "")
        if found != "":
            return found
        key, word = word, self.lexicon.synonyms.get(word, word)
        tok: str | None
        if word in self.lexicon.ignore:
            tok = None
        elif _YEAR.match(word):
            tok = "#year"
        elif word.isdigit() and len(word) <= 2:
            tok = "#number"
        elif word != "may" and month_number(word) or _SEASON_WORD.fullmatch(word):
            tok = "#month"  # (a season is months: "in the spring of 2023", "весной")
        else:
            tok = stem(word)
            mapped = self.lexicon.synonyms.get(tok)
            if mapped is not None and mapped != tok:
                tok = stem(mapped)
        if len(self._tokens) < _MEMO:
            self._tokens[key] = tok
        return tok

    def _mark_entities(
        self, toks: list[str], surfaces: list[str]
    ) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """Replace gazetteer names (longest first) by their marker; also return the names."""
        out: list[str] = []
        names: list[tuple[str, str]] = []
        written: list[str] = []
        at = 0
        for span, hit in longest_spans(toks, self.entities, self._longest, self._lengths):
            if hit and len(span) == 1 and at < len(surfaces) and _DERIVED.search(surfaces[at]):
                hit = None  # "powerful" is no "power" (energy), though its stem is
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
        if tok in self._lexical:
            return None
        key = (tok, written)
        if key in self._repaired:  # the same typos come back, like the same words
            return self._repaired[key]
        found = self._repair(tok, written)
        if len(self._repaired) < _MEMO:
            self._repaired[key] = found
        return found

    def _repair(self, tok: str, written: str) -> str | None:
        for word, choices, spell in ((tok, self._choices, self._spell),
                                     (written, self._written_choices, self._written)):  # fmt: skip
            if len(word) < 4 or word.isdigit():
                continue
            cutoff = 80 if len(word) < 7 else 75
            # an English typo keeps its first letter ("eight" is not "right"); a Russian word may
            # change its prefix ("позвал" is "звал")
            hits = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
            # a short word is one slip away ("meting"), not two ("themed" is no "them")
            hit = next(
                (
                    h
                    for h in hits
                    if (not word.isascii() or str(h[0])[:1] == word[:1])
                    and (len(word) >= _LONG or OSA.distance(word, str(h[0])) <= 1)
                ),
                None,
            )
            if hit:
                return spell[hit[0]]
        return None

    # --- the whole question ------------------------------------------------------------------

    def read(self, message: str) -> Question:
        """``message`` read once: its canonical words now, its slots on first use."""
        self.gaz.new_message()
        text = _spell_dates(
            spoken_numbers(
                self.respell(strip_controls(message[: self.max_chars * 2])[: self.max_chars])
            )
        )
        plain = _THE_ARTICLES.sub(" ", text)  # which report says it chooses no fact: unread
        plain = _HEARSAY.sub(" ", plain)  # "my uncle says": the claim is what is asked
        plain = _HELD_CLAUSE.sub(" ", _FIRST_MONTHS.sub(" ", plain))
        if _ASKS_FIGURE.search(text):  # "by how much did trade grow, according to Mishustin":
            plain = _ATTRIBUTED.sub(" ", plain)  # the figure, whoever gave it
        toks, names, written = self._canon(plain)
        words: dict[str, None] = {}
        unknown: list[str] = []
        wh = ""
        opens_yes_no = bool(_AUXILIARY_OPENING.search(plain))
        for n, (tok, as_written) in enumerate(zip(toks, written, strict=True)):
            if tok in SLOT_MARKERS or tok in EMPHASIS:
                continue
            fixed = self.repair(tok, as_written)
            if fixed in _CLAUSE_WORDS and (opens_yes_no or (wh and wh not in _CLAUSE_WORDS)):
                continue  # "what did Xi say when he met ...": a clause, not the question's word
            if fixed is None:
                unknown.append(tok)
                words[tok] = None
            else:
                place = self.entities.get((fixed,)) if fixed != tok else None
                if place is not None and (place[0] == "#other" or (
                        place[0] == PLACE and fixed not in self.vocabulary)):  # fmt: skip
                    # a misspelt place no example names ("in pariss": Paris, "in vladivostock"):
                    # its marker, as the name written right is read; only where a place is said
                    # ("indicate" is no India)
                    if n and written[n - 1] in _PLACE_PREPOSITIONS:
                        names.append(place)
                        toks[n] = place[0]
                        words[place[0]] = None
                        if place[0] not in self.vocabulary:
                            unknown.append(place[0])
                    else:
                        unknown.append(tok)
                        words[tok] = None
                    continue
                if place is not None and place[0] == PLACE:  # "в пикине": Beijing
                    names.append(place)
                elif fixed in self._place_of:
                    if fixed != tok:  # "moskow": Moscow
                        names.append(("#place", self._place_of[fixed]))
                        toks[n] = fixed  # a place, no topic
                    if fixed not in self.vocabulary:  # no intent's word: scored as unknown
                        unknown.append(tok)
                        words[tok] = None
                        continue
                words[fixed] = None
                if not wh and fixed in QUESTION_WORDS:
                    wh = fixed
        says = bool(_SAID.search(plain) or _SAID_RU.search(plain))
        said = says or bool(
            _TALK.search(text)
            and self.gaz.find("people", text)
            and not _BY_PHONE.search(text)
            and not _ASKS_FIGURE.search(text)
        )  # ("spoke by phone": a call; "how strong was the quake Mishustin talked about": a figure)
        weak = bool(_SAID_WEAKLY.search(text))
        return Question(
            text=text,
            tokens=tuple(toks),
            written=tuple(written),
            names=tuple(names),
            words=tuple(words),
            unknown=tuple(unknown),
            wh=wh,
            focus=next((w for w in words if w in self.frames), ""),
            weekday=bool(_WEEKDAY.search(text)),
            responds=bool(_RESPONDS.search(text)),
            said=said or weak,
            says=says,
            said_weakly=weak and not said,
            venue=bool(_VENUE.search(text)),
            event_time=bool(_WHEN.search(text) and _EVENT_VERB.search(text)),
            verify=tuple(
                dict.fromkeys(
                    [t for t in toks if t in self.verify]
                    + list(self._accept if _ACCEPTED_RU.search(text) else ())
                )
            ),  # fmt: skip
            amounts=tuple(dict.fromkeys(_amounts(text))),
            content=frozenset(re.findall(CONTENT_WORD + r"|\d+", text.lower())),
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
        month_hits = [
            (m, n) for m in re.finditer(r"[A-Za-zА-Яа-яЁё]+\.?", text)
            if m.group() not in ranges
            if (n := month_number(m.group())) and (m.group().lower() != "may" or re.search(
                r"\b(?:in|of|that|during|on|since|by)\s+may\b|\bmay\s+\d|\bthe\s+may\s+(?:"
                + "|".join(_MAY_NOUNS) + r")\b", text, re.I))
            and (not re.search(r"['’]s\s+$", text[: m.start()])  # "Xi's March visit": a topic
                 or re.match(r"\.?\s+\d{4}", text[m.end() :]))  # "Mishustin's May 2026 visit"
        ]  # fmt: skip
        # "Xi's visit in March ... when they met that May": the month that dates the meeting.
        dating = [n for m, n in month_hits if _DATING.search(text[: m.start()])
                  or re.match(r"\.?\s+\d", text[m.end():])]  # fmt: skip
        months = tuple(dating if len({n for _, n in month_hits}) > 1 and dating else
                       [n for _, n in month_hits])  # fmt: skip
        side = _MONTH_BOUND.search(text)
        bound: tuple[str, int, int] | None = None
        if side and (month := month_number(side.group(2))):
            before = side.group(1).lower() in _BEFORE_WORDS
            bound = ("before" if before else "after", int(side.group(3)), month)
            months = tuple(n for n in months if n != month)
        if not months:  # "when did they meet in winter", "весной"
            seasons = [next(g for g in m.groups() if g)[:3].lower() for m in _SEASON.finditer(text)]
            months = tuple(n for season in seasons for n in _SEASONS[season])
        # "Shanghai" in "Shanghai Cooperation Organization" is no place to meet in.
        rest = text
        for section in ("organisations", "initiatives"):
            for a, b, _ in self.gaz.spans(section, rest):
                rest = rest[:a] + " " * (b - a) + rest[b:]
        nth = _nth(rest)
        day = _DAY_OFFSET.search(rest)
        day_offset = 0 if day is None else -1 if day.group("before") or day.group("ru") else 1
        negated: tuple[str, ...] = ()
        if _NEGATED.search(rest):  # "not in Beijing", "outside China"
            negated = tuple(dict.fromkeys(e.name for section in ("places", "countries")
                                          for a, _, e in self.gaz.spans(section, rest)
                                          if _NOT_IN.search(rest[:a])))  # fmt: skip
        places = [e.name for _, e in self.gaz.find("places", rest) if e.name not in negated]
        venues = [e for _, e in self.gaz.find("venues", rest)]
        found = [n for m, n in names if m == "#place"]
        cities = [
            *places,
            *(str(v.attr("city")) for v in venues),
            *(self._city_of.get(n, n) for n in found),
        ]
        # "Chinese president" names no country to meet in; "in China" does.
        countries = tuple(
            e.name
            for _, e in self.gaz.find("countries", rest)
            if re.search(
                rf"\b(?:in|to|visit|visits|visited|visiting)\s+(?:the\s+)?{re.escape(e.name)}\b",
                rest,
                re.I,
            )
        )  # fmt: skip ("did Xi visit Russia in 2025": the meeting there)
        # "held on Chinese soil", "on Russian territory": in that country
        countries += tuple(_SOIL_OF[m.group(1).lower()] for m in _SOIL.finditer(rest)
                           if _SOIL_OF[m.group(1).lower()] not in countries)  # fmt: skip
        # ("xi-putin meetings": two names; a hyphen for a space keeps every position)
        named = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", rest)
        spans = self.gaz.spans("people", named)  # (the message's mentions are remembered)
        people = [e.name for _, e in self.gaz.find("people", named)] + [
            n for m, n in names if m == "#person"
        ]
        outside = self.gaz.other_person(rest) or self.gaz.other_place(rest) or next(
            (n for m, n in names if m == "#other"), "")  # fmt: skip
        countries_in = tuple(
            c for c in countries if re.search(rf"\bin\s+(?:the\s+)?{re.escape(c)}\b", text, re.I)
        )
        speaker = next((e.name for a, b, e in spans if _BEFORE_SPEAKER.search(rest[:a])
                        or _AFTER_SPEAKER.match(rest[b:])), "") if q.said else ""  # fmt: skip
        if q.said and not speaker and _SAYS_RU.search(rest):  # "мишустин чё про ии говорил": a
            # name in the nominative (as the gazetteer writes it in Russian) says, wherever it is
            speaker = next((e.name for a, b, e in spans if _nominative(rest[a:b], e.ru)
                            and not _PREPOSITION_RU.search(rest[:a])), "")  # fmt: skip
        if speaker and _WHO_SAID.search(rest):  # "Sasha claims Xi said it: who actually said
            speaker = ""  # it?", "кто сказал, Си или Мишустин?": who is asked; names are guesses
        if q.said and not speaker and not _WHO_SAID.search(rest):  # "what did the Russian PM
            # say": the one holder of that office
            speaker = next((h[0] for m in _ROLE.finditer(rest)
                            if _BEFORE_SPEAKER.search(rest[: m.start()])
                            or _AFTER_SPEAKER.match(rest[m.end() :])
                            if len(h := self._holders(m)) == 1), "")  # fmt: skip
            if speaker and speaker not in people:
                people.append(speaker)
        met = tuple(dict.fromkeys(e.name for a, b, e in spans if _MET_BEFORE.search(rest[:a])
                                  or _MET_AFTER.match(rest[b:])))  # fmt: skip
        told = tuple(e.name for a, _, e in spans if _TOLD_BEFORE.search(rest[:a]))
        invited = tuple(e.name for a, _, e in spans if _INVITED_BEFORE.search(rest[:a]))
        joined = any(_JOINED.fullmatch(rest[b:a2])
                     for (_, b, _), (a2, _, _) in zip(spans, spans[1:], strict=False))  # fmt: skip
        if joined and _MEETS.search(rest) and not speaker:
            # "Xi and Putin ... meeting", not "in which meetings did Mishustin pass on Putin's
            # greetings to Xi": the names said together met
            met = tuple(dict.fromkeys(e.name for _, _, e in spans))
        to_ru, in_ru = self._russian_countries(rest)  # "в Россию", "в Китае"
        countries = tuple(dict.fromkeys(countries + to_ru + in_ru))
        countries_in = tuple(dict.fromkeys(countries_in + in_ru))
        # (a year looked back to is no last meeting in a question of what was said or of trade)
        looked_back = _YEAR_BACK.sub(" ", rest) if q.said or "trade" in q.words else rest
        lastly = _LASTED.sub(" ", looked_back)
        # (a year something is to happen by, in what was said, is no meeting's: "who said trade
        # would double by 2035", "к 2035 году")
        targets = {int(y) for y in _TARGET_YEAR.findall(rest)} if q.said else set()
        return Slots(
            years=tuple(
                y
                for y in _bounded(rest, years_in(rest) + _short_years(rest))
                if (bound is None or y != bound[1]) and y not in targets
            ),
            bound=bound,
            months=months,
            places=tuple(dict.fromkeys(cities)),
            venues=tuple(v.name for v in venues),
            countries=countries,
            countries_in=countries_in,
            people=tuple(dict.fromkeys(people)),
            ordinals=tuple(
                o for n in _ORDINAL.findall(_SHORT_YEAR.sub(" ", rest)) if (o := int(n)) != nth
            ),  # ("their 2nd meeting": which, not a number)
            select="last"
            if _LAST.search(lastly) and nth >= 0
            else "first"
            if _FIRST.search(rest) or _FIRST_MEETING.search(rest)
            else "",  # fmt: skip
            outside=outside,
            speaker=speaker,
            met=met,
            told=told,
            invited=invited,
            nth=nth,
            roles=self._roles(rest),
            other_event=bool(_OTHER_EVENT.search(rest)),
            relative="" if day_offset else _relative(rest),
            day_offset=day_offset,
            not_places=negated,
        )

    def _roles(self, text: str) -> tuple[str, ...]:
        """The people who hold the offices ``text`` names ("the Chinese premier", "Russia's
        prime minister", "премьер Китая")."""
        out: list[str] = []
        for m in _ROLE.finditer(text):
            if not _ASKS_WHO.search(text[: m.start()]):  # "who did the Chinese president meet"
                continue
            out += self._holders(m)
        return tuple(dict.fromkeys(out))

    def _holders(self, m: re.Match[str]) -> list[str]:
        """The gazetteer's people who hold the office an ``_ROLE`` match names."""
        country = _COUNTRY_OF.get((m.group("c1") or m.group("c2") or "").lower()[:4], "")
        office = _OFFICE.get((m.group("o1") or m.group("o2") or "").lower().split()[0][:5], "")
        if not country or not office:
            return []
        return [e.name for e in self.gaz.sections["people"]
                if _holds(str(e.attr("role") or ""), office, country)]  # fmt: skip

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


__all__ = ["FUTURE_TENSE", "MARKERS", "QUESTION_WORDS", "SLOT_MARKERS", "Question", "Reader",
           "Slots", "closest", "closest_word",
           "entity_phrases", "stem"]  # fmt: skip


def closest(text: str, choices: Sequence[str], cutoff: float) -> int | None:
    """The index of the choice most like ``text`` (rapidfuzz token sort ratio, 0..100), or None
    when none reaches ``cutoff``. Groups similar questions in the misses report."""
    hit = process.extractOne(text, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    return hit[2] if hit else None


def _relative(text: str) -> Literal["", "before", "after"]:
    """ "before" or "after" when the question asks for the meeting next to another one."""
    m = _RELATIVE.search(text)
    if m is None:
        return ""
    return (
        "before" if m.group(1).lower() in ("before", "preceding", "preceded", "prior") else "after"
    )


def _said_as(pattern: re.Pattern[str], text: str) -> str:
    """What ``pattern`` finds in ``text``, as written ("" for nothing)."""
    m = pattern.search(text)
    return m.group() if m else ""


def _short_years(text: str) -> list[int]:
    """Years written short: "in dec '23", "в декабре 23-го" (after a month: no day of it)."""
    return [2000 + int(next(g for g in m.groups() if g)) for m in _SHORT_YEAR.finditer(text)]


_TARGET_YEAR = lazy_re(r"\b(?:by|к|до)\s+(?:the\s+end\s+of\s+|конца\s+)?((?:19|20)\d\d)\b",
                       re.I)  # fmt: skip


def _bounded(text: str, years: list[int]) -> tuple[int, ...]:
    """The years a question asks about: those it names, or, for "after 2023", "since 2024",
    "before 2025", "после 2023 года", the ten years on that side of the one it names ("until"
    and "до" name the year itself too often: "the target until 2030")."""
    m = _YEAR_BOUND.search(text)
    if m is None or len(set(years)) != 1:
        return tuple(years)
    y, word = years[0], next(g for g in m.groups() if g).lower()
    if word in ("after", "после"):
        return tuple(range(y + 1, y + 11))
    if word in ("since", "начиная"):
        return tuple(range(y, y + 11))
    return tuple(range(y - 10, y))  # before, prior to


def closest_word(word: str, choices: Sequence[str]) -> str | None:
    """The choice a misspelt ``word`` most likely meant ("relashionship" -> "relationship"), with
    the same bar as the Reader's repairs; None when none is close enough."""
    if len(word) < 5 or not choices:
        return None
    cutoff = 80 if len(word) < 7 else 75
    # A typo keeps the first letter; a new start is a new word ("unipolar" is not "multipolar").
    hits = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
    return next((str(h[0]) for h in hits if str(h[0])[:1] == word[:1]), None)
