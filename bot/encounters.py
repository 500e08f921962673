"""Who met whom in an article: every meeting, talks or reception it mentions, with who took part,
when, where, and whether it happened, is planned or is recalled.

``mentions(sentences, gaz, said)`` reads each sentence once for meeting clauses ("Xi met with
Mishustin", "Tuesday's schedule includes a meeting with Xi", "the heads of government will hold
their 29th regular meeting", "President Putin and I met twice last year, in Moscow and in
Beijing") and resolves who took part: names (the gazetteer's, garbled ones too), titles through
the gazetteer's roles ("the Chinese leader"), pronouns ("he", and "I"/"we" in direct speech),
"the heads of government". ``resolve(mentions, anchor, ...)`` then dates and places each one
against the article's own meeting date. The principals (``gazetteer.yaml``) make the table's
meetings; every other encounter is a fact of its own (``bot/kinds/encounter.py``). Written for the
genre, not for given files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .gazetteer import Entry, Gazetteer
from .lazyre import lazy_re
from .speech import Said
from .text import MONTHS, DateMention, Pattern, find_dates

Tense = Literal["past", "future"]

# A meeting clause: a verb of meeting, or a meeting noun that says with whom ("talks with Li
# Qiang", "a meeting between ...", "the 29th regular meeting"). "The meeting took place ..." and
# "the mechanism of regular meetings" name no encounter; "was met by" is a welcome on arrival,
# "took part in the talks with" someone's presence at one.
# A host who "welcomed" or "greeted" a guest by name met them ("Xi Jinping welcomed Mishustin";
# not "welcomed Xi's proposal")
_WELCOMED = (
    r"\b(?:welcomed|welcomes|greeted|greets)(?=\s+(?:the\s+)?(?:(?:Russian|Chinese)\s+)?"
    r"(?:(?:Prime\s+Minister|President|Premier|PM|Chairman)\s+)?"
    r"(?>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)(?!['’]s))"  # (the whole name: not "Xi Jinping's")
)
# A Russian wire's: "Си Цзиньпин и Михаил Мишустин провели в понедельник встречу", "встретился
# с", "провел переговоры с"
_RU_MET = (r"\bвстретил(?:ся|ась|ись)\b|\bвстречается\b|\bвстретятся\b|\bвстретится\b"
           r"|\bпровел[иа]?\s+(?:[\w-]+\s+){0,3}?(?:встречу|переговоры)\b"
           r"|\bпроведут\s+(?:\w+\s+){0,3}?(?:встречу|переговоры)\b")  # fmt: skip
# and a Russian headline's noun: "Встреча Михаила Мишустина с Председателем КНР Си Цзиньпином",
# "переговоры с"
_RU_NOUN = r"(?i:\bвстреч[аеиу]\s+(?:[\w.-]+\s+){0,5}?с\b|\bпереговор\w*\s+(?:[\w.-]+\s+){0,5}?с\b)"
_TRIGGER = Pattern(
    r"\b(?:met|meets?|meeting|meetings|talks|negotiations|conversation|received|receives|"
    r"hosted|hosts|co-chaired|co-chairs?|sat down|phone\s+call|video\s+call|encounters?)\b|"
    + _WELCOMED
    + "|"
    + _RU_MET
    + "|"
    + _RU_NOUN,
    re.I,
)
_VERB = Pattern(
    r"(?<!was )(?<!were )\b(?:met|meets?)\b|\b(?:received|receives|hosted|hosts|sat down)\b|"
    + _WELCOMED
    + "|"
    + _RU_MET,
    re.I,
)
_ORDINAL = Pattern(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|twentieth|thirtieth|"
    r"[a-z]+-[a-z]+)\s+regular\s+meeting\b"
    # a report in Russian: "провели 30-ю регулярную встречу глав правительств"
    r"|\b(?P<ord_ru>\d+)-(?:я|ю|й|ой|ая|го|ее|ей)\s+регулярн\w*\s+(?:встреч|заседани)\w*",
    re.I,
)
_NOUN = Pattern(
    r"\b(?:meeting|meetings|talks|negotiations|conversation)\s+(?:with\b|between\b|w/)"
    r"|\b(?:held|hold|holds|holding|had|have|has)\s+(?:\w+\s+){0,3}?(?:meetings?|talks|"
    r"negotiations|conversation)\b"
    r"|\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|twentieth|thirtieth|"
    r"[a-z]+-[a-z]+)\s+regular\s+meeting\b"
    r"|\b(?:our|their|the)\s+regular\s+meeting\b(?!s)"
    r"|\b(?:our|their|his|her|a|the)\s+(?:(?:tele)?phone|video)\s+(?:conversation|call|talks)\b"
    r"|(?P<nth>\bthe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"latest|last|most\s+recent)\s+meeting\s+(?:was\s+held|took\s+place)\b)"
    # "their most recent encounter came in Nizhny Novgorod on July 3, 2029"
    r"|\btheir\s+(?:(?:most\s+)?(?:recent|latest|last|first|previous|earlier)\s+)?(?:encounter|"
    r"meeting)\s+(?:came|was|took\s+place)\b|" + _RU_NOUN,
    re.I,
)
_NOT_ENCOUNTER = Pattern(
    r"\b(?:was|were)\s+met\b|\b(?:took part|participated|present|attended)\s+(?:in|at)\s+the\s+"
    r"(?:conversation|talks|meeting)|\bmechanism\b|\bregular\s+meetings\b",
    re.I,
)
_FUTURE = Pattern(
    r"\bwill\b|\bshall\b|\bwould\b|\b(?:is|are)\s+(?:also\s+)?(?:scheduled|expected|due|set|"
    r"going)\s+to\b|\b(?:is|are)\s+(?:to|due)\b|\bschedule\s+includes\b|['’]s\s+schedule\b|\bplans?\s+"
    r"to\b|\bto\s+be\s+held\b|\blooks?\s+forward\b|\blooking\s+forward\b|\bnext\s+(?:week|month|"
    r"year)\b|\bupcoming\b|\bforthcoming\b|\bpropos(?:e|es|ed|ing)\s+(?:to\s+)?hold|"
    r"\blater\s+this\s+(?:year|month|week)\b|\bpencil(?:l?ed)?\s+in|\bbeing\s+prepared\b|"
    r"\binvit(?:e|es|ed|ing)\s+(?:[A-Z][\w'’-]*\s+){1,3}to\s+(?:hold|host|attend)\b|"
    r"\bagreed\s+to\s+hold\b"
    # a plan told in the past, not said to be held: "Xi and Mishustin were to meet ... on the
    # opening day", "had been scheduled for June 6" (in a notice that it was postponed)
    r"|\b(?:was|were)\s+(?:originally\s+|initially\s+)?(?:to|supposed\s+to|due\s+to)\s+"
    r"(?:meet|hold|have|visit)\b|\bhad\s+been\s+(?:scheduled|planned|expected)\b"
    r"|\b(?:встретятся|встретится|проведут|проведет|проведёт|посетит|отправится|состоится|"
    r"будет|будут|планирует|планируют|ожидается)\b",
    re.I,
)
# A headline in the future: "Mishustin to meet Xi", "Li Qiang to visit Russia".
_HEADLINE_FUTURE = Pattern(r"^[A-Z][^.,;!?]{0,60}\bto\s+(?:meet|hold|visit|pay)\b[^.!?]*$")
# Who reports, not who met: "Mishustin said that Presidents Putin and Xi held two meetings".
_REPORTING = Pattern(
    r"\b(?:said|says|noted|stressed|pointed\s+out|added|told\s+\w+|recalled|mentioned|"
    r"noting|recalling)\s+(?:that\s+)?(?=\S)",
    re.I,
)
# Month names and the wire's abbreviations ("in Nov 2025", "since Sept."); "Mar" only with a dot
# or a year after it, so a name is not read as a month.
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|Mar\.(?=\s)"
)
_RECALL = Pattern(
    rf"\blast\s+(?:met|time|meeting|{_MONTH_NAMES})\b|\b(?:was|were)\s+last\s+in\b"
    r"|\bprevious(?:ly)?\b|"
    r"\bbefore\s+that\b|\bearlier\b(?!\s+(?:today|this\s+(?:morning|week)|on\s+\w+day))|\btwice\b|\bthree\s+times\b|\bonce\b|\bhad\s+(?:met|held)\b"
    r"|\bsince\s+the\s+beginning\b",
    re.I,
)
# A meeting that did not happen: "Nor did the trip include talks with ...", "did not meet".
_NEGATED = Pattern(
    r"^\W*nor\b|\b(?:did|does|do|was|were|has|have|had|will|would)\s+not\b|n['’]t\b|\bnever\b"
    r"|\bno\s+(?:such\s+|separate\s+)?(?:meetings?|talks|encounter)\b",
    re.I,
)
# A meeting that is no one event: a habit ("Xi usually receives him", "whenever he is in
# Beijing"), or a question asked rather than an answer ("Q: How often have they met?", "When
# will they meet next?").
_HABIT = Pattern(
    r"\b(?:usually|normally|typically|traditionally|customarily|routinely|habitually|invariably|"
    r"generally|always|often|regularly|whenever|every\s+time|each\s+time|tends?\s+to)\b",
    re.I,
)
# A meeting guessed at, not reported: "Mishustin may visit Harbin, and a meeting with Xi there
# 'cannot be excluded'", "Should Xi decide to travel ..., he would see Mishustin", "if the
# invitation is accepted", "a rumoured meeting" ("may" in lower case: not the month).
# A meeting that did not take place: "... but the meeting was postponed and never took place"
_CALLED_OFF = Pattern(r"\b(?:postponed|cancell?ed|called\s+off|scrapped|fell\s+through|never\s+"
                      r"(?:took|take|happened)|did\s+not\s+(?:take\s+place|happen)|didn't\s+"
                      r"(?:take\s+place|happen))\b|отлож\w*|отмен[её]н\w*|не\s+состоял\w*",
                      re.I)  # fmt: skip
# What a guest came for, right before the numbered meeting: "who came to China for holding the"
_FOR_MEETING = Pattern(
    r"\b(?:for|to)\s+(?:(?:hold|attend|co-?chair)(?:ing)?\s+)?(?:the\s+)?$", re.I
)
SPECULATIVE = Pattern(
    r"(?-i:\bmay\b)|\bmight\b|\bcould\b|\bcannot\s+be\s+(?:excluded|ruled\s+out)\b"
    r"|\b(?:not|never)\s+(?:be\s+)?(?:excluded|ruled\s+out)\b|(?<!as\s)\bpossib(?:le|ly|ility)\b"
    r"|\bperhaps\b|\bmaybe\b|\bconceivabl[ey]\b|\bspeculat\w*|\bhypothetical\w*|\bwhether\b"
    r"|\brumou?red\b|\balleged(?:ly)?\b|\bpurported(?:ly)?\b|\bunconfirmed\b|\bunless\b"
    r"|^\W*(?:should|were)\s+(?:[A-Z]\w*|he|she|they|the\s+\w+)\s+(?:\w+\s+)?(?:decide|choose|"
    r"agree|accept|go|travel|visit|come)|(?:^|[,;:]\s*|\s)if\b",
    re.I,
)
# A meeting someone reported that the text then denies: "a newspaper reported that Xi and
# Mishustin had met in Vladivostok. The ministry called the report 'pure fabrication'. There was
# no such meeting."
_HEARSAY = Pattern(r"\breport(?:ed|s)?\b|\brumou?rs?\b|\bclaim(?:ed|s)?\b|\bsaid\s+to\s+have\b",
                   re.I)  # fmt: skip
_DENIAL = Pattern(
    r"\bfabricat\w+|\bno\s+such\s+(?:meeting|talks|encounter|visit|trip)\b"
    r"|\bnever\s+(?:took\s+place|happened)\b|\bdid\s+not\s+(?:take\s+place|happen)\b"
    r"|\b(?:denied|denies|dismissed|refuted|rejected)\s+(?:the|that|this|these|such)\s+"
    r"(?:\w+\s+)?(?:reports?|rumou?rs?|claims?|stor(?:y|ies))\b"
    r"|\b(?:false|untrue|fake|groundless|baseless|unfounded)\s+(?:reports?|rumou?rs?|claims?)\b"
    r"|\b(?:reports?|rumou?rs?|claims?)\s+(?:was|were|is|are)\s+(?:false|untrue|fake|groundless|"
    r"baseless|unfounded)\b",
    re.I,
)
_QUESTION = Pattern(r"^\W*(?:Q\s*[:.-]|Question\s*:)|\?[\"”»]?\s*$", re.I)
# "It was the second time the two have met this year": a count of meetings, the one reported.
_COUNT = Pattern(r"\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:time|meeting)\b",
                 re.I)  # fmt: skip
# Clauses of one sentence: "He will meet with Xi and also hold talks with Li Qiang", "..., a day
# after his talks with Putin", "... with Li Qiang and was received by Xi", "... met with
# Mishustin, who is in China for the 28th regular meeting" (what brought him is another meeting).
_CLAUSE_BREAK = Pattern(
    r",\s+(?:(?:a|one)\s+day\s+(?:after|before)|when|while|during|where|including)\b|;\s+"
    r"|,\s+who\s+(?:is|was|has\s+been)\s+(?:in|visiting)\s+[\w ]{2,30}?\s+(?:for|to\s+attend)\b"
    r"|,\s+and\s+(?=\w+\s+\w+)"
    r"|(?<=[,.!?])[\"”](?=\s)"
    r"|(?:(?<=\bpresent)|(?<=\bthere))\s+(?=when\b)"  # "I was present when X met Y": a witness
    r"|,\s+(?=(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|noted|stressed|added)\b)"
    r"|\s+and\s+(?=(?:also\s+|then\s+)?(?:was|were|will|would|had|has|have|held|hold|met|"
    r"received|co-chaired)\b)",
    re.I,
)
# A clause after ", and" with a subject and verb of its own ("..., and on Thursday he is expected
# to fly to Wuhan"): another event, not more of the meeting clause before it.
_OWN_SUBJECT = Pattern(r"^[\s,]*and\s+(?:[\w,]+\s+){0,4}?(?:he|she|they|it)\s+(?:is|are|was|were|"
                       r"will|would|has|have|had|can|\w+s|\w+ed)\b", re.I)  # fmt: skip
# A clause after a semicolon that is only a meeting noun, without a subject: "; talks with Xi
# at the Diaoyutai State Guesthouse", "; then held talks with Li Qiang" (after "and", a pronoun
# may be the subject: "He will meet Xi and also hold talks with Li Qiang").
_SUBJECTLESS = Pattern(r"^\s*;\s*(?:(?:then|later)\s+)?(?:(?:held|holds?|had)\s+)?"
                       r"(?:talks|a\s+meeting|meeting|negotiations|a\s+conversation)\s+with\b",
                       re.I)  # fmt: skip
# A transcript's speaker label: "Xi Jinping (as translated): ", "Guo Jiakun: ".
_SPEAKER_LABEL = Pattern(r"^[A-Z][\w.'’ -]{1,40}(?:\([^)]{0,40}\))?\s*:\s+")
# A leading phrase of time that names another encounter: "Before meeting Xi, ...", "After his
# talks with Putin, ...", "Ahead of the talks with Li Qiang, ...".
_LEADING = Pattern(
    r"^\W*(?:before|after|following|ahead\s+of|prior\s+to)\s+(?=[^,;]*\b(?:meet|meeting|met|"
    r"talks|negotiations|conversation)\b)[^,;]{3,60}(?=,)",
    re.I,
)
_HEADS = Pattern(
    r"\b(?P<gov>heads\s+of\s+government|(?:prime\s+ministers|premiers)(?:\s+of\s+\w+\s+and\s+"
    r"\w+)?|two\s+(?:premiers|prime\s+ministers))\b|\b(?P<state>heads\s+of\s+state|two\s+presidents"
    r"|our\s+leaders|the\s+leaders\s+of\s+(?:our|the\s+two)\s+countries|two\s+leaders)\b",
    re.I,
)
_PAIR = Pattern(
    r"\b(?:they|the\s+two(?:\s+leaders|\s+sides)?|both\s+sides)\s+(?:(?:have|had|last|"
    r"also|then|already|successfully|would|will|could)\s+)*(?:met|meet|held|hold)\b"
    r"|\btheir\s+(?:(?:most\s+)?(?:recent|latest|last|next|first|second|third|"
    r"previous|earlier)\s+)?(?:encounter|meeting|talks)\b",
    re.I,
)  # fmt: skip ("their most recent encounter came in ...")
_NATIONAL_TITLE = Pattern(
    r"\b(?:the\s+)?(?P<nat>Russian|Chinese)\s+(?P<office>prime\s+minister|premier|PM|president|"
    r"leader|head\s+of\s+state|head\s+of\s+government)\b"
    r"|\bthe\s+head\s+of\s+the\s+(?P<nat2>Russian|Chinese)\s+(?:government|cabinet)"
    r"(?:\s+of\s+ministers)?\b"
    r"|\b(?P<bare>the\s+(?:PM|prime\s+minister))\b",
    re.I,
)
_DAYTIME = Pattern(
    r"\b(?P<part>morning|afternoon|evening)\b|\b(?P<clock>(?:shortly\s+(?:after|before)\s+|"
    r"around\s+|at\s+)?(?P<hour>\d{1,2})(?::\d\d)?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?!\w))"
    # a 24-hour clock after a preposition: "the motorcade arrived at 10:05", "from 15:30"
    r"|\b(?P<clock24>(?:shortly\s+(?:after|before)|around|at|from)\s+(?P<h24>[01]?\d|2[0-3])"
    r":[0-5]\d)(?!\s*(?:a\.m\.|p\.m\.|am|pm)\b|\d)",
    re.I,
)
_LAST_MONTH = Pattern(rf"\blast\s+(?P<mon>{_MONTH_NAMES})(?!\s*\d)")
_MONTH_YEAR = Pattern(rf"\b(?P<mon>{_MONTH_NAMES})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")
_MONTH_ONLY = Pattern(rf"\b(?:(?:in|since|until|by|from)\s+(?:early\s+|late\s+|mid-)?|(?:at|by|"
                      rf"in|towards?)\s+the\s+(?:start|beginning|end|middle|turn)\s+of\s+)(?P<mon>"
                      rf"{_MONTH_NAMES})\b(?:\s+of\s+(?P<rel>this|last|next)\s+year)?")  # fmt: skip
_YEAR = Pattern(r"\b(?:in|of|since|until|by)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*-)")
_REL_YEAR = Pattern(r"\b(?:(?P<which>this|last|next|current|the\s+current|the\s+coming)\s+year|"
                    r"this\s+year['’]s)\b", re.I)  # fmt: skip
_COUNTRY_AT = Pattern(r"\b(?:in|to|visiting)\s+(?:the\s+)?(?P<c>China|Russia|People['’]s\s+"
                      r"Republic\s+of\s+China|Russian\s+Federation)\b")  # fmt: skip
# Sentences that continue the report of the meeting without naming who met: "The meeting took
# place at the Great Hall of the People", "Meeting was held in Beijing on Tuesday in evening".
ANAPHORIC = Pattern(
    r"^(?:the\s+)?(?:meeting|conversation|talks|negotiations)"
    r"(?:,\s+(?:held|which\s+(?:was|were)\s+held)\s+[^,]{3,80},)?"  # ", held in the East Hall,"
    r"\s+(?:took\s+place|was\s+held|"
    r"were\s+held|began|started|lasted|was\s+also\s+attended|were\s+also\s+attended|was\s+"
    r"attended|were\s+attended)\b"
    # "The two men sat down on Thursday afternoon at ...": the report's leaders, met
    r"|^the\s+two\s+(?:men|leaders)\s+(?:sat\s+down|met|held\s+(?:talks|their\s+meeting))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A meeting clause in sentence ``idx`` (``start``:``end`` of the sentence) and who took part,
    before it is dated and placed."""

    idx: int
    start: int
    end: int
    who: tuple[str, ...]
    what: str  # meeting | talks | informal meeting | 29th regular meeting of heads of government
    number: int | None  # 29 for the 29th regular meeting
    tense: Tense
    recall: bool  # an earlier meeting recalled ("last met", "before that")
    count: bool  # "the second time the two have met": a count, of the meeting reported
    principal: bool


@dataclass(frozen=True, slots=True)
class Encounter:
    """A meeting the article mentions, dated and placed."""

    idx: int
    who: tuple[str, ...]
    what: str
    number: int | None
    tense: Tense
    recall: bool
    count: bool
    principal: bool
    when: str = ""  # ISO date, "YYYY-MM" or "YYYY"; "" when the text does not say
    weekday: str = ""
    place: str = ""  # city
    country: str = ""  # when the text names only the country
    venue: str = ""
    daytime: str = ""  # morning | afternoon | evening
    clock: str = ""  # "shortly after 10 a.m."
    sentences: tuple[int, ...] = ()  # every sentence that mentions it

    @property
    def reported(self) -> bool:
        """The article reports this meeting as held (not planned, recalled or counted)."""
        return self.tense == "past" and not self.recall and not self.count


People = list[tuple[int, int, str]]  # (start, end, canonical name) in a text


class Finder:
    """People in a text: gazetteer names (garbled ones too) and titles read through the
    gazetteer's roles ("the Chinese leader" is the President of China)."""

    def __init__(
        self, gaz: Gazetteer, families: Callable[[str], list[tuple[int, str, str]]] | None = None
    ):
        """``families``: the article's people found by their family name alone ("Li said" for
        Li Qiang: ``Context.named``), read besides the names and titles."""
        self.gaz = gaz
        self.families = families
        # every holder of each role (an article's own premier beside the gazetteer's Li Qiang)
        holders: dict[str, list[str]] = {}
        for e in gaz.sections.get("people", ()):
            role = str(e.attr("role") or "")
            if role and not role.startswith("former"):
                holders.setdefault(role.lower(), []).append(e.name)
        self.holders = holders
        self.principals = frozenset(gaz.principals)
        # The people the article names (``mentions`` sets it): a title stands for a person by
        # role only when the article names that person somewhere; the gazetteer's role holder
        # may not be the one the article meant ("the heads of government" in December 2023).
        self.named: frozenset[str] | None = None

    def role(self, office: str, country: str) -> str:
        """The person whose role is ``office`` of ``country`` ("" when none is)."""
        office = " ".join(office.lower().split())
        government = ("prime minister", "premier")
        offices = {"pm": government, "prime minister": government, "head of government": government,
                   "premier": ("premier", "prime minister"), "president": ("president",),
                   "leader": ("president",), "head of state": ("president",)}.get(
            office, (office,))  # fmt: skip
        for o in offices:
            found = next(iter(self.holders.get(f"{o} of {country.lower()}", ())), "")
            if found and (self.named is None or found in self.named or found in self.principals):
                return found
        return ""

    def heads(self, which: str) -> tuple[str, ...]:
        """The heads of government (or of state) of the principals' countries, by role."""
        offices = ("premier", "prime minister") if which == "gov" else ("president",)
        return tuple(name for role, names in self.holders.items()
                     if role.split(" of ")[0] in offices and role.count(" of ") == 1
                     for name in names if self.named is None or name in self.named)  # fmt: skip

    def people(self, text: str) -> People:
        """Every person ``text`` names or titles, in order (a title and the name after it are
        one person: "Chinese President Xi Jinping")."""
        found: People = [(a, b, e.name) for a, b, e in self.gaz.spans("people", text)]
        for m in _NATIONAL_TITLE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b, _ in found):
                continue
            nat = (m.group("nat") or m.group("nat2") or "").lower()
            if m.group("bare"):
                name = self.role("prime minister", "Russia")
            elif m.group("nat2"):
                name = self.role("head of government", "Russia" if nat == "russian" else "China")
            else:
                name = self.role(m.group("office"), "Russia" if nat == "russian" else "China")
            after = text[m.end() : m.end() + 40]
            named = [p for p in found if m.end() <= p[0] <= m.end() + 2]
            if name and not (named and named[0][2] == name) and not re.match(r"\s+[A-Z]", after):
                found.append((m.start(), m.end(), name))
        if self.families is not None:
            for a, written, name in self.families(text):
                b = a + len(written)
                if not any(x < b and a < y for x, y, _ in found):
                    found.append((a, b, name))
        return sorted(found)


def protagonist(sentences: Sequence[str], finder: Finder) -> str:
    """Whom the article is about: the person its first lines name most often (first on a tie)."""
    counts: dict[str, int] = {}
    for s in sentences[:4]:
        for _, _, name in finder.people(s):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


def mentions(sentences: Sequence[str], gaz: Gazetteer, said: Sequence[Said],
             bodies: Sequence[int] = ()) -> list[Mention]:  # fmt: skip
    """Every meeting clause of the article, with who took part, in order; ``bodies``: where
    each sentence starts after its dateline ("MOSCOW, 15 May 2026 - ": the filing city)."""
    finder = Finder(gaz)
    finder.named = frozenset(e.name for s in sentences for _, _, e in gaz.spans("people", s))
    main = protagonist(sentences, finder)
    # whose meetings "the first meeting" and "the fifth meeting" count: the principals', when
    # the title and lead name them both ("Mishustin's contacts with Xi Jinping")
    lead = {n for s in sentences[:4] for _, _, n in finder.people(s)}
    counted = tuple(gaz.principals) if finder.principals <= lead else ()
    speakers = {s.idx: s.speaker for s in said}
    out: list[Mention] = []
    last = main  # the person "he" is
    pair: tuple[str, ...] = tuple(gaz.principals)  # whom "they" and "the two" are
    partners: dict[str, str] = {}  # whom a speaker met in the meeting reported: "we" are both
    regular: tuple[str, ...] = ()  # who held the last numbered regular meeting named
    numbers: dict[int, tuple[str, ...]] = {}  # who held each numbered regular meeting named
    gainsaid = _gainsaid(sentences)
    for i, s in enumerate(sentences):
        if i in gainsaid:  # a host's slip the other host corrects at once: no meeting
            continue
        people = finder.people(s) if _TRIGGER.search(s) or re.search(r"\bhe\b|\bshe\b", s, re.I) \
            else []  # fmt: skip
        if _TRIGGER.search(s):
            speaker = speakers.get(i)
            partner = partners.get(speaker or "", "")
            body = bodies[i] if i < len(bodies) else 0
            label = _SPEAKER_LABEL.match(s)
            if speaker and label and any(x < label.end() for x, _, _ in people):
                body = max(body, label.end())  # "Guo Jiakun: The meeting between ...": not Guo's
            for a, b in _clauses(s, people):
                a = max(a, body)
                if a >= b:
                    continue
                m = _mention(i, s, a, b, people, finder, last, pair, main, speaker,
                             partner, regular, numbers, counted)  # fmt: skip
                if m is not None and (_QUESTION.search(s) or _HABIT.search(s, a, b)):
                    # a question or a habit reports no meeting, held or planned; it still says
                    # whom "they" are ("Q: Do Putin and Xi meet separately? A: ... they met")
                    if len(m.who) >= 2:
                        pair = m.who
                    continue
                if m is not None and (SPECULATIVE.search(s[a:b]) or _denied(sentences, i, b)
                                      or _CALLED_OFF.search(s[a:])):  # fmt: skip
                    continue  # a guess, a denied rumour or one called off: no meeting
                if m is not None and speaker in m.who and len(m.who) == 2:
                    # "President Putin and I met ..., and this year we have met in ...": "we"
                    partner = next(x for x in m.who if x != speaker)
                if m is not None:
                    out.append(m)
                    if m.number and len(m.who) == 2:
                        regular = m.who
                        numbers.setdefault(m.number, m.who)
                    if len(m.who) >= 2 and not m.recall:
                        pair = m.who
                        for x in m.who:
                            partners.setdefault(x, next(y for y in m.who if y != x))
        named = [p for p in (people or finder.people(s) if len(s) < 400 else people)]
        if named:
            last = named[0][2]
    return out


# A transcript's turn: "RAFAEL OSEI: ...", "Lena Hartmann: ..."; one that opens by gainsaying the
# turn before: "Not quite.", "No, that was in Beijing", "Actually, ...", "That's wrong".
_TURN = Pattern(
    r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
    r"(?:\s*\([^)]{1,40}\))?:\s+(?=\S)"
)
_GAINSAY = Pattern(
    r"^(?:not\s+quite|no\b|nope\b|actually\b|that['’]?s\s+(?:not\s+right|wrong)|"
    r"wrong\b|not\s+so\b|correction\b)",
    re.I,
)


def _gainsaid(sentences: Sequence[str]) -> set[int]:
    """The sentences of each transcript turn that the next turn opens by correcting ("RAFAEL:
    Xi received him on Monday the fifteenth." / "LENA: Not quite. ... the next day")."""
    turns = [(i, m.end()) for i, s in enumerate(sentences) if (m := _TURN.match(s))]
    out: set[int] = set()
    for (start, _), (after, at) in zip(turns, turns[1:], strict=False):
        if _GAINSAY.match(sentences[after][at:]):
            out.update(range(start, after))
    return out


def _denied(sentences: Sequence[str], i: int, end: int) -> bool:
    """The meeting clause of sentence ``i`` ending at ``end`` reports hearsay that the rest of
    the sentence or the next two deny, or the next sentence says there was no such meeting."""
    after = " ".join((sentences[i][end:], *sentences[i + 1 : i + 3]))
    if _HEARSAY.search(sentences[i]) and _DENIAL.search(after):
        return True
    return i + 1 < len(sentences) and bool(
        re.match(r"\W*there\s+(?:was|were|has\s+been)\s+no\s+such\s+(?:meeting|talks)\b",
                 sentences[i + 1], re.I)
    )  # fmt: skip


def _clauses(s: str, people: People | None = None) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``s``; ", and once in Moscow" (no verb) goes on the one
    before; a leading phrase that names someone ("Before meeting Xi, ...") is one of its own."""
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(s)] + [len(s)]
    lead = _LEADING.match(s)
    if lead and any(a < lead.end() for a, _, _ in people or ()):
        # "Before meeting Xi, Mishustin held talks with Li Qiang": Xi was not at those
        cuts = sorted({*cuts, lead.end()})
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        piece = s[a:b]
        if (out and re.match(r"[\s,]*and\b", piece) and not _TRIGGER.search(piece)
                and not _OWN_SUBJECT.search(piece)):  # fmt: skip
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _mention(i: int, s: str, a: int, b: int, people: People, finder: Finder, last: str,
             pair: tuple[str, ...], main: str, speaker: str | None,
             partner: str = "", regular: tuple[str, ...] = (),
             numbers: dict[int, tuple[str, ...]] | None = None,
             counted: tuple[str, ...] = ()) -> Mention | None:  # fmt: skip
    """The meeting clause ``s[a:b]``, or None when it names no meeting of known people."""
    clause = s[a:b]
    verb = _VERB.search(clause)
    noun = _NOUN.search(clause)
    numbered = _ORDINAL.search(clause)
    if verb is None and noun is None:
        return None
    if _NEGATED.search(clause, 0, max(verb.start() if verb else 0, noun.start() if noun else 0)):
        return None  # "Nor did the trip include a separate session with the prime minister"
    if (_NOT_ENCOUNTER.search(clause) and not numbered
            and not re.search(r"\b(?:met|meets?)\s+with\b", clause)):  # fmt: skip
        return None
    trigger = min(x.start() for x in (verb, noun, numbered) if x is not None)
    reporting = list(_REPORTING.rx.finditer(clause, 0, trigger))
    if reporting:  # "X said that Y and Z met": Y and Z met
        a += reporting[-1].end()
        clause = s[a:b]
    who = [n for x, y, n in people if a <= x and y <= b]
    low = clause.lower()
    heads = _HEADS.search(clause)
    if heads:
        who += finder.heads("gov" if heads.group("gov") else "state")
    if speaker and (
        re.search(r"\bI\b|\b(?i:we|us)\b", clause)
        or re.search(r"\bour\s+(?:\w+\s+)?(?:meeting|talks|conversation)", low)
    ):
        who.insert(0, speaker)
    if re.search(r"(?:^|[,;]\s*(?:where\s+|when\s+|after\s+which\s+)?|\band\s+)(?:he|she)\b",
                 low) or re.search(r"\b(?:his|her)\s+(?:talks|meetings?)\b", low):  # fmt: skip
        subject = _sentence_subject(s, a, people) or last
        if subject:
            who.insert(0, subject)
    if len(who) == 1 and _SUBJECTLESS.match(clause):
        # "- February 4, 2022 - Beijing: Putin attends the opening; talks with Xi at ...": the
        # talks are those of the sentence's subject
        subject = _sentence_subject(s, a, people)
        if subject and subject != who[0]:
            who.insert(0, subject)
    if len(who) < 2 and re.search(r"\btheir\s+(?:\w+\s+)?(?:meeting|talks|conversation|call)\b",
                                  low):  # fmt: skip
        # "... reached by Putin and Xi, including during their telephone conversation": the
        # two named last before the clause
        before = list(dict.fromkeys(n for x, _, n in people if x < a))
        who += before[-2:] if len(before) >= 2 else list(pair)
    if len(who) == 1 and re.search(
        r"\b(?:met|meets?|received|receives|welcomed|welcomes|greeted|greets|hosted|hosts)\s+"
        r"(?:him|her)\b", low):  # fmt: skip
        # "him": the sentence's subject before the clause ("the Prime Minister held talks in
        # Hangzhou, and I met him there"), else the one named before ("Xi's motorcade arrived.
        # Mishustin meets him on the steps")
        earlier = [n for x, _, n in people if x < a and n not in who]
        antecedent = earlier[0] if earlier else last if last != who[0] else ""
        if antecedent:
            who.append(antecedent)
    nth = noun.group("nth") if noun is not None else None
    if nth and not who:
        who += counted  # "The fifth meeting took place on 18 March 2027": the principals
    if speaker and re.search(r"\bwe\s+(?:(?:have|had|last|already)\s+)*met\b", low):
        who.append(partner)  # "We last met here in December": the speaker and whom they speak to
    elif _PAIR.search(clause) and not heads:
        who += pair
    who = list(dict.fromkeys(n for n in who if n))
    if len(who) == 1 and re.search(r"\b(?:with|by)\b", clause) and main and main != who[0]:
        who.append(main)  # "Tuesday's schedule includes a meeting with Xi": the article's person
    elif len(who) == 1 and re.search(r"\bmeeting\s+with\b", clause) and last not in ("", who[0]):
        who.append(last)  # "Xi is expected in Russia ... a meeting with Mishustin": Xi's
    if len(who) == 1 and re.search(r"\byou\b", clause) and speaker:
        other = main if main != speaker else ""
        if other:
            who.append(other)
    # A numbered meeting of the heads of government happened even when the article names only
    # one of them ("the 28th regular meeting between the heads of government of Russia and China")
    if len(who) == 1 and numbered and who[0] in regular and len(regular) == 2:
        who = list(regular)  # "he looks forward to ... the 32nd regular meeting": the 31st's pair
    if numbered and numbers and (held := numbers.get(_nth_of(numbered) or 0)):
        # "He said the 29th regular meeting held the day before was fruitful, and ... the two
        # heads of state": the 29th is the one the text already said who held
        who = list(held)
    if (numbered and verb and verb.start() < numbered.start() and finder.principals
            and finder.principals <= set(who)
            and _FOR_MEETING.search(clause, 0, numbered.start())):  # fmt: skip
        # "Xi met Premier Mishustin, who came to China for holding the 30th regular meeting":
        # their meeting; the regular meeting is what the guest came for
        numbered = None
        who = [n for n in who if n in finder.principals]
    if len(who) < 2 and not (who and heads and numbered):
        return None
    number = _nth_of(numbered) if numbered else None
    what = "meeting"
    if number:
        # (a numbered regular meeting is the heads of government's, unless it says of state:
        # "the day after the 46th regular meeting in Harbin, Xi and Mishustin marked ...")
        gov = bool(
            re.search(
                r"heads?\s+of\s+government|prime\s+ministers|premiers|глав\w*\s+правительств",
                clause,
                re.I,
            )
            or (
                re.search(r"\bregular\s+meeting", clause, re.I)
                and not re.search(r"heads?\s+of\s+state", clause, re.I)
            )
        )
        what = f"{_nth(number)} regular meeting" + (" of heads of government" if gov else "")
        premiers = [n for n in who if n in finder.heads("gov")]
        if gov and len(premiers) < len(who):
            # The heads of government meet at it, whoever else the clause names ("the day
            # before the meeting with the Chinese leader, Mishustin and Li Qiang co-chaired").
            who = premiers if len(premiers) >= 2 else list(finder.heads("gov"))
            if len(who) < 2:
                return None
    elif re.search(r"\binformal\s+meeting\b", low):
        what = "informal meeting"
    elif re.search(r"\b(?:tele)?phone\s+(?:conversation|talks|call)\b", low):
        what = "phone call"
    elif re.search(r"\bvideo\s+(?:conversation|talks|call)\b", low):
        what = "video call"
    elif re.search(r"\b(?:talks|negotiations)\b", low):
        what = "talks"
    elif re.search(r"\bconversation\b", low):
        what = "conversation"
    future = _FUTURE.search(clause) or _HEADLINE_FUTURE.search(s)
    if re.match(r"[\s,]*and\s+(?:also\s+|then\s+)?(?:hold|meet|have|visit|sign|take)\b", clause):
        future = future or _FUTURE.search(s[:a])  # "He will meet Xi and also hold talks with Li"
    tense: Tense = "future" if future else "past"
    recall = bool(_RECALL.search(clause) or re.search(r"\b(?:was|were)\s+last\s+in\b", s, re.I))
    # The principals meeting each other: not a numbered meeting of the heads of government, not
    # talks where a third person is named ("the day before the meeting with the Chinese leader,
    # Mishustin and Li Qiang co-chaired the 31st regular meeting").
    principal = bool(finder.principals) and set(who) == finder.principals and not number
    count = principal and bool(_COUNT.search(clause)) and not nth
    return Mention(i, a, b, tuple(who), what, number, tense, recall and not count, count,
                   principal)  # fmt: skip


def _sentence_subject(s: str, a: int, people: People) -> str:
    """The person a sentence is about, for "his" and "he" in a clause starting at ``a``: the
    first person named before the clause ("Xi met Mishustin ..., a day after his talks with
    Putin"), else none."""
    before = [n for x, _, n in people if x < a]
    return before[0] if before else ""


# --- dates and places ------------------------------------------------------------------------


_THAT_YEAR = lazy_re(r"\b(?:that|the\s+same)\s+year\b", re.I)
_A_YEAR = lazy_re(r"\b(?:19|20)\d\d\b")


def _year_before(sentences: Sequence[str], idx: int) -> str:
    """The last year the sentences before ``idx`` write ("2023"), or ""."""
    for s in reversed(sentences[:idx]):
        years = _A_YEAR.findall(s)
        if years:
            return str(years[-1])
    return ""


def resolve(found: Sequence[Mention], sentences: Sequence[str], gaz: Gazetteer,
            anchor: date | None, place: str = "", country: str = "",
            until: date | None = None) -> list[Encounter]:  # fmt: skip
    """Each mention dated and placed; ``anchor`` is what "the day before", "on Monday" and "in
    May" count from (the article's meeting date, else its reference date), ``place`` and
    ``country`` where the article's meeting was (for "the day before" at the same place);
    ``until``, the article's own date: what it tells as held was held by then ("on April 14"
    in a year's review of December is that April, not the next)."""
    out: list[Encounter] = []
    for m in found:
        s = sentences[m.idx]
        clause = s[m.start : m.end]
        future = m.tense == "future"
        limit = None if future else until
        whens = when_mentions(clause, anchor, future, s, limit)
        if _THAT_YEAR.search(s) and not _A_YEAR.search(s):
            # "They met again ... just before Christmas that year, on December 20": the year the
            # text told last, not the one before its date
            year_told = _year_before(sentences, m.idx)
            if year_told:
                whens = [(at, f"{year_told}{w[4:]}" if len(w) >= 7 else w, day)
                         for at, w, day in whens]  # fmt: skip
        places = _places(gaz, clause)
        if places:  # "in Moscow in May and in China at the start of September": two meetings
            places = sorted(places + _countries(gaz, clause, places))
        daytime, clock = daytime_of(clause)
        weekday = next((w for _, _, w in whens if w), "")
        base = Encounter(m.idx, m.who, m.what, m.number, m.tense, m.recall, m.count, m.principal,
                         weekday=weekday, daytime=daytime, clock=clock,
                         sentences=(m.idx,))  # fmt: skip
        nation = _COUNTRY_AT.search(clause)
        nation_name = ""
        if nation:
            hit = gaz.find("countries", nation.group("c"))
            nation_name = hit[0][1].name if hit else ""
        if len(places) <= 1:
            when = _most_specific([w for _, w, _ in whens])
            city, venue = places[0][2:] if places else ("", "")
            if not city and any(e.name == _VIDEO for _, e in gaz.find("places", clause)):
                city = _VIDEO  # "a video call between Xi and Putin on Jan. 21": not in person
            if not when or not city:
                # "Xi met Mishustin on Tuesday, a day after Mishustin and Li Qiang co-chaired the
                # 33rd regular meeting": counted from the meeting told before it
                told = next((e for e in reversed(out) if e.idx == m.idx and e.who != m.who), None)
                since = told.when if told and len(told.when) == 10 else ""
                if told and not since and told.principal and told.reported and anchor:
                    since = anchor.isoformat()  # the article's meeting, dated elsewhere
                when, city, venue = _from_sentence(m, found, sentences, gaz, anchor, when, city,
                                                   venue, limit, since)  # fmt: skip
            if not city and re.search(r"\bhere\b", clause):
                city = place
            if not city and re.match(r"[\s,]*where\b", clause):  # "from Hangzhou, where he ..."
                prior = [p for p in _places(gaz, s[: m.start]) if p[1] >= m.start - 2]
                city, venue = prior[-1][2:] if prior else ("", venue)
            enc = replace(base, when=when, place=city, venue=venue, country=nation_name)
            out.append(_near(enc, anchor, place, country))
            continue
        for k, (start, end, city, venue) in enumerate(places):
            stop = places[k + 1][0] if k + 1 < len(places) else len(clause)
            own = [w for s0, w, _ in whens if end <= s0 < stop
                   and re.fullmatch(r"[\s,]*(?:(?:in|on|of)\s+)?", clause[end:s0])]  # fmt: skip
            before = [w for s0, w, _ in whens if s0 < start]
            when = own[0] if own else (before[-1] if before else "")
            if city.startswith(_COUNTRY_MARK):
                out.append(replace(base, when=when, country=city[len(_COUNTRY_MARK) :]))
                continue
            out.append(replace(base, when=when, place=city, venue=venue))
    return _merge(out)


def _from_sentence(m: Mention, found: Sequence[Mention], sentences: Sequence[str],
                   gaz: Gazetteer, anchor: date | None, when: str, city: str,
                   venue: str, until: date | None = None,
                   since: str = "") -> tuple[str, str, str]:  # fmt: skip
    """A clause without its own date or place takes the sentence's, outside the other meeting
    clauses ("Mishustin was last in Beijing in December 2023, when he ... and was received by
    Xi"); "a day after his talks with Putin" is the day before ``since`` (the day of the
    meeting told before it in the sentence), else before the sentence's date."""
    s = sentences[m.idx]
    others = [(o.start, o.end) for o in found if o.idx == m.idx and o is not m]
    # another event's clause (", and on Thursday he is expected to fly to Wuhan") says nothing
    # of this meeting's place or day
    others += [
        (a, b) for a, b in _clauses(s) if _OWN_SUBJECT.match(s[a:b]) and not a <= m.start < b
    ]
    rest = "".join(" " if any(a <= k < b for a, b in others) else c for k, c in enumerate(s))
    if not when:
        whens = [w for _, w, _ in when_mentions(rest, anchor, m.tense == "future", s, until)]
        day = _most_specific(whens)
        if not day and m.idx > 0:  # "Remember March 21, 2023. Xi ... met Mishustin in Moscow."
            day = date_line(sentences[m.idx - 1])
        after = re.match(r"[\s,]*(?:a|one)\s+day\s+(?P<rel>after|before)\b", s[m.start : m.end])
        if after:
            day = since or day
            if len(day) == 10:
                shift = -1 if after.group("rel") == "after" else 1
                when = date.fromordinal(date.fromisoformat(day).toordinal() + shift).isoformat()
        else:
            when = day
    if not city:
        places = _places(gaz, rest)
        if len({p[2] for p in places}) == 1:
            city, venue = places[0][2], venue or places[0][3]
    return when, city, venue


# A sentence that is only a date, setting the scene for the next: "Remember March 21, 2023.",
# "Think back to May 2024.", "21 March 2023."
_DATE_LINE = Pattern(
    r"^\W*(?:\d{1,2}[.)]\s+)?"  # a timeline's entry: "1. March 21, 2023, Moscow."
    r"(?:(?:remember|recall|think\s+back\s+to|go\s+back\s+to|take|consider|it\s+was)\s+)?"
    rf"(?:on\s+)?(?P<when>(?:{_MONTH_NAMES})\s+\d{{1,2}},?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+(?:19|20)\d\d|(?:{_MONTH_NAMES})\s+(?:19|20)\d\d)"
    r"(?:,\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?\W*$",  # (and its city)
    re.I,
)


def date_line(sentence: str) -> str:
    """The date (ISO or "YYYY-MM") of a sentence that is only a date, else ""."""
    m = _DATE_LINE.match(sentence)
    found = when_mentions(m.group("when"), None) if m else []
    return found[0][1] if found else ""


def _merge(found: list[Encounter]) -> list[Encounter]:
    """One encounter per meeting: the same people at the same numbered meeting, or on the same
    day, or in the same sentence, are one; it keeps the mention that says most and every
    detail any mention gives."""
    out: list[Encounter] = []
    for e in found:
        k = next((k for k, o in enumerate(out) if _same(o, e)), None)
        if k is None:
            out.append(e)
            continue
        o = out[k]
        first, second = (o, e) if _detail(o) >= _detail(e) else (e, o)
        out[k] = replace(
            first,
            when=_most_specific([first.when, second.when]),
            place=first.place or second.place,
            venue=first.venue or second.venue,
            country=first.country or second.country,
            daytime=first.daytime or second.daytime,
            clock=first.clock or second.clock,
            weekday=first.weekday or second.weekday,
            number=first.number or second.number,
            what=first.what if first.number or not second.number else second.what,
            sentences=tuple(sorted({*first.sentences, *second.sentences})),
        )
    return out


def _same(a: Encounter, b: Encounter) -> bool:
    if set(a.who) != set(b.who) or a.tense != b.tense or a.recall != b.recall or a.count != b.count:
        return False
    if a.number and b.number:
        return a.number == b.number
    if (a.number or b.number) and (a.principal or b.principal):
        return False  # (the principals' own meeting is no numbered meeting of the premiers)
    if a.idx == b.idx:
        return (a.place == b.place or not a.place or not b.place) and (
            not a.when or not b.when or a.when.startswith(b.when) or b.when.startswith(a.when)
        )
    if a.when and b.when and len(a.when) == len(b.when) == 10:
        return a.when == b.when
    if a.what == b.what and (not a.when or not b.when):
        return not a.place or not b.place or a.place == b.place
    return bool(a.number or b.number) and (not a.when or not b.when or a.when == b.when)


def _detail(e: Encounter) -> tuple[int, int, int]:
    return (len(e.when), bool(e.place) + bool(e.venue) + bool(e.daytime), -e.idx)


def _near(enc: Encounter, anchor: date | None, place: str, country: str) -> Encounter:
    """An encounter the day before or after the article's meeting, or later the same day, with
    no place of its own took place where the article's meeting did."""
    if enc.place or not enc.when or anchor is None or len(enc.when) != 10:
        return enc
    if abs((date.fromisoformat(enc.when) - anchor).days) <= 1 and (place or country):
        return replace(enc, place=place, country=enc.country or country)
    return enc


def venues_at(gaz: Gazetteer, text: str) -> list[Entry]:
    """The venues ``text`` names as places, first mention each: not a venue that stands for
    the office speaking from it ("the Kremlin said", "the Kremlin's press office")."""
    found: dict[str, Entry] = {}
    for a, b, e in gaz.spans("venues", text):
        if not _SOURCE.match(text, b):
            e = _local(gaz, text, a, e)
            found.setdefault(e.name, e)
    return list(found.values())


def _local(gaz: Gazetteer, text: str, start: int, venue: Entry) -> Entry:
    """The venue as the text places it: one that a city's name comes right before ("the Kazan
    Kremlin") is that city's, not the one the gazetteer gives the bare name ("Kremlin")."""
    before = text[max(0, start - 40) : start]
    found = [e for _, b, e in gaz.spans("places", before)
             if b == len(before.rstrip()) and before[b:].isspace()]  # fmt: skip
    adjective = _RU_LAST_WORD.search(before)
    if adjective:  # "в Казанском кремле": the Russian adjective of a city
        word = adjective.group(1).lower()
        found += [e for e in gaz.sections["places"] if e.ru and " " not in e.ru
                  and len(stem := e.ru.lower().rstrip("ьаяйео")) >= _RU_STEM
                  and word.startswith(stem)
                  and word[len(stem) :] in _RU_ADJECTIVE_ENDINGS]  # fmt: skip
    for e in found:
        if e.name != venue.attr("city"):
            name = f"{e.name} {venue.name}"
            ru = f"{venue.ru} ({e.ru})" if venue.ru and e.ru else ""
            return Entry(name, (name,), ru, (("city", e.name),))
    return venue


_RU_LAST_WORD = lazy_re(r"([А-Яа-яЁё]+)\s+$")
_RU_STEM = 4  # letters of a city's Russian stem an adjective of it begins with ("Казан")
_RU_ADJECTIVE_ENDINGS = frozenset({"ский", "ского", "скому", "ским", "ском", "ская", "ской",
                                   "скую", "ское", "ские", "ских", "скими"})  # fmt: skip


def _places(gaz: Gazetteer, clause: str) -> list[tuple[int, int, str, str]]:
    """(start, end, city, venue) of each place or venue the clause names, in order."""
    out: list[tuple[int, int, str, str]] = []
    for a, b, e in gaz.spans("venues", clause):
        if _SOURCE.match(clause, b):
            continue  # "the Kremlin and Xinhua reported", "the Kremlin readout": who tells it
        e = _local(gaz, clause, a, e)
        out.append((a, b, str(e.attr("city")), e.name))
    for a, b, e in gaz.spans("places", clause):
        if _ELSEWHERE.search(clause[max(0, a - 80) : a]):
            continue  # "after the SCO summit in Tianjin", "before flying back to Moscow"
        if not any(x < b and a < y for x, y, _, _ in out) and e.name != "video link":
            if re.match(r"\s+(?:Cooperation|Economic|International)\b", clause[b : b + 16]):
                continue  # "Shanghai Cooperation Organization", "Eastern Economic Forum"
            out.append((a, b, e.name, ""))
    out.sort()
    merged: list[tuple[int, int, str, str]] = []
    for p in out:  # "in Beijing ... at the Great Hall" is one place
        if merged and merged[-1][2] == p[2] and not (merged[-1][3] and p[3]):
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], p[1]), p[2], last[3] or p[3])
        else:
            merged.append(p)
    return merged


# A place named as that of something else than the meeting: another event before or after it
# ("talks after the SCO summit in Tianjin"), or where someone goes home to ("before returning to
# Moscow", "then flies back to Beijing").
_ELSEWHERE = Pattern(
    r"\b(?:after|before|following|ahead\s+of|prior\s+to)\s+(?:the|a|an|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:summit|forum|expo|exhibition|games|olympics|session|congress|"
    r"conference|parade|ceremony|festival)\s+(?:in|at)\s+$"
    r"|\b(?:return(?:s|ed|ing)?|head(?:s|ed|ing)?\s+(?:back|home)|(?:fly|flies|flew|flying|"
    r"travel(?:s|led|ling)?|go(?:es|ing)?|went)\s+(?:back|home))\s+(?:to|for)\s+$",
    re.I,
)
# A venue that stands for the office that speaks from it: "the Kremlin said", "the Kremlin and
# Xinhua reported", "a Kremlin readout", "the Kremlin press service".
_SOURCE = Pattern(
    r"(?:\s+and\s+[A-Z][\w ]{1,30}?)?\s+(?:said|says|reported|reports|announced|"
    r"confirmed|stated|readout|press\s+(?:service|office)|spokesman|spokeswoman)\b"
    r"|['’]s\s+(?:[\w-]+\s+){0,2}?(?:press|office|spokes\w+|readout|website|"
    r"statement|service)\b"
)  # fmt: skip ("the Kremlin's government press office")
_VIDEO = "video link"  # the gazetteer's place of a meeting held by video
_COUNTRY_MARK = "country:"  # a place of ``_countries``: a country, not a city


Place = tuple[int, int, str, str]  # (start, end, city, venue) in a clause


def _countries(gaz: Gazetteer, clause: str, places: list[Place]) -> list[Place]:
    """The countries a clause that names a city names as places too ("in Moscow in May and in
    China in September"), marked as countries; a country the city is in ("in Moscow, Russia")
    is no place of its own."""
    out: list[Place] = []
    cities = {gaz.get("places", p[2]) for p in places}
    within = {str(e.attr("country")) for e in cities if e is not None}
    for a, b, e in gaz.spans("countries", clause):
        led = re.search(r"\b(?:in|to)\s+(?:the\s+)?$", clause[max(0, a - 8) : a])
        if e.name in within or not led:
            continue
        if not any(x < b and a < y for x, y, _, _ in places):
            out.append((a, b, _COUNTRY_MARK + e.name, ""))
    return out


# A day and month with the year said relatively: "October 14 last year", "14 October this year"
_DAY_REL_YEAR = lazy_re(r"[^,.;]{3,18}?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.I)


def dates_in(text: str, anchor: date | None, future: bool = False, sentence: str = "",
             until: date | None = None) -> list[DateMention]:  # fmt: skip
    """``find_dates``, where a day and month without a year take the year the sentence gives
    that month ("In March 2023, during his state visit, Xi met Mishustin on March 21"), not the
    one nearest ``anchor``, and are not after ``until`` (a past told by a text of that date)."""
    years: dict[int, set[int]] = {}
    for m in _MONTH_YEAR.finditer(sentence or text):
        years.setdefault(_month(m.group("mon")), set()).add(int(m.group("y")))
    out = []
    for d in find_dates(text, anchor, future):
        named = years.get(d.month or 0, set()) if d.form in ("md", "dm") else set()
        rel = _DAY_REL_YEAR.match(text, d.start) if d.form in ("md", "dm") else None
        now = until or anchor  # (the text's own date: "last year" is the one before it)
        if rel and now is not None and d.month and d.day:  # "on October 14 last year"
            shift = {"last": -1, "this": 0, "next": 1}[rel.group("rel").lower()]
            with suppress(ValueError):
                d = replace(d, value=date(now.year + shift, d.month, d.day))
        elif len(named) == 1 and d.month and d.day:
            with suppress(ValueError):  # February 29 of a year that has none
                d = replace(d, value=date(named.pop(), d.month, d.day))
        elif (until is not None and d.form in ("md", "dm") and d.value is not None
              and d.value > until and d.month and d.day):  # fmt: skip
            with suppress(ValueError):
                d = replace(d, value=date(d.value.year - 1, d.month, d.day))
        out.append(d)
    return out


def when_mentions(text: str, anchor: date | None, future: bool = False, sentence: str = "",
                  until: date | None = None) -> list[tuple[int, str, str]]:  # fmt: skip
    """(start, ISO date | "YYYY-MM" | "YYYY", weekday) of every date ``text`` names, in order:
    full dates, weekdays and "yesterday" against ``anchor``, months and years; ``sentence``, of
    which ``text`` is a clause, may give a day's year ("In March 2023, ... on March 21")."""
    out: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for d in dates_in(text, anchor, future, sentence, until):
        if d.value is not None:
            out.append((d.start, d.value.isoformat(),
                        weekdays[d.weekday] if d.weekday is not None else ""))  # fmt: skip
            taken.append((d.start, d.start + 3))
    for m in _MONTH_YEAR.finditer(text):
        if not any(a <= m.start() < b + 12 for a, b in taken):
            out.append((m.start(), f"{m.group('y')}-{_month(m.group('mon')):02d}", ""))
            taken.append(m.span())
    named = set(re.findall(r"(?i)\b(?:in|of)\s+((?:19|20)\d\d)\b(?!\s*-)", text))  # "In 2024
    # they met in Beijing in May": that May
    for m in _MONTH_ONLY.finditer(text):
        if any(a <= m.start("mon") < b for a, b in taken) or anchor is None:
            continue
        if re.match(r"\s*\d", text[m.end() :]) or re.match(r"\s+(?:19|20)\d\d", text[m.end() :]):
            continue
        month = _month(m.group("mon"))
        year = anchor.year
        rel = m.group("rel")
        if len(named) == 1 and not rel:
            year = int(next(iter(named)))
        elif rel:
            year += {"this": 0, "last": -1, "next": 1}[rel.lower()]
        elif future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
        out.append((m.start(), f"{year}-{month:02d}", ""))
        taken.append(m.span())
    for m in _LAST_MONTH.finditer(text):  # "last November": the latest one before the anchor
        if anchor is None or any(a <= m.start("mon") < b for a, b in taken):
            continue
        month = _month(m.group("mon"))
        year = anchor.year if month < anchor.month else anchor.year - 1
        out.append((m.start(), f"{year}-{month:02d}", ""))
        taken.append(m.span())
    for m in _YEAR.finditer(text):
        if not any(a <= m.start("y") < b for a, b in taken):
            out.append((m.start(), m.group("y"), ""))
    if anchor is not None:
        for m in _REL_YEAR.finditer(text):
            which = (m.group("which") or "this").lower()
            shift = -1 if which == "last" else 1 if which in ("next", "the coming") else 0
            out.append((m.start(), str(anchor.year + shift), ""))
    return sorted(out)


def _month(word: str) -> int:
    """1-12 of a month name or abbreviation the patterns above matched."""
    return MONTHS[word.lower().rstrip(".")]


def _most_specific(whens: list[str]) -> str:
    """The most precise of several dates (a day before a month before a year), the first of
    equals; a month and a year that disagree leave only what they share."""
    if not whens:
        return ""
    best = max(whens, key=len)
    return next(w for w in whens if len(w) == len(best))


def daytime_of(text: str) -> tuple[str, str]:
    """('morning', 'shortly after 10 a.m.') from "on the morning of", "on Wednesday afternoon",
    "in evening", "began shortly after 10 a.m."."""
    part, clock = "", ""
    for m in _DAYTIME.finditer(text):
        if m.group("part") and not part:
            part = m.group("part").lower()
        elif (m.group("clock") or m.group("clock24")) and not clock:
            clock = " ".join((m.group("clock") or m.group("clock24")).split())
            clock = clock[:1].lower() + clock[1:]  # (a timeline's "At 15:05, Xi greets ...")
            if m.group("clock24"):
                hour24 = int(m.group("h24"))
            else:
                pm = m.group("ampm").lower().startswith("p")
                hour24 = int(m.group("hour")) % 12 + (12 if pm else 0)
            part = part or ("morning" if hour24 < 12 else "afternoon" if hour24 < 18 else "evening")
    return part, clock


def _nth_of(numbered: re.Match[str]) -> int | None:
    """The number of a numbered regular meeting ``_ORDINAL`` found, in English or Russian."""
    return _ordinal(numbered.group("ord") or f"{numbered.group('ord_ru')}th")


def _ordinal(word: str) -> int | None:
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
             "twentieth": 20, "thirtieth": 30}  # fmt: skip
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    if "-" in word:
        tens, _, unit = word.lower().partition("-")
        base = {"twenty": 20, "thirty": 30, "forty": 40}.get(tens)
        units = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9}  # fmt: skip
        return base + units[unit] if base and unit in units else None
    return words.get(word.lower())


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def entry_of(gaz: Gazetteer, name: str) -> Entry | None:
    """The gazetteer entry of a canonical person name."""
    return gaz.get("people", name)


__all__ = ["ANAPHORIC", "SPECULATIVE", "Encounter", "Finder", "Mention", "date_line", "dates_in",
           "daytime_of", "entry_of",
           "mentions",
           "protagonist", "resolve", "when_mentions"]  # fmt: skip
