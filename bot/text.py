"""Text primitives shared by extraction and matching: normalising, sentences, tokens, dates.

Everything here is pure and works for English and Russian.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from rapidfuzz.distance import OSA

from .lazyre import lazy_re

GUARD_AFTER = 200  # texts a ``Pattern`` scans before it reads the strings its matches hold


class Pattern:
    """A regular expression compiled when it is first used, that scans only a text holding one
    of the strings every match contains (``bot.needles``).

    Every ``ask`` imports the fact kinds (for their parts and their Russian), but only ``build``
    runs their extractors; compiling every extraction pattern at import was ~15% of a cold ask.
    An extraction runs each pattern over every sentence and most sentences cannot match most
    patterns: the substring test spares the scan (``tests/test_needles.py`` checks that a guarded
    pattern finds what it finds unguarded). So does reading a question with the patterns of
    ``bot.question`` that cost most to scan and that most questions cannot match ("said", ...).
    """

    __slots__ = ("_compiled", "_flags", "_folded", "_needles", "_scans", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None
        self._needles: tuple[str, ...] | None = None  # None: not read yet
        self._folded = False
        self._scans = 0

    @property
    def rx(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def needles(self) -> tuple[str, ...]:
        """The strings one of which every match contains (lower case when ``folded``), read
        now if they were not; () when the pattern guarantees none worth a test."""
        if self._needles is None:
            from .needles import needles

            found = needles(self._source, self._flags)
            self._needles, self._folded = found if found is not None else ((), False)
        return self._needles

    def may_match(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in ``text``. The needles are read
        (another parse of the pattern) once it has scanned ``GUARD_AFTER`` texts: a build of
        one article scans each pattern a few dozen times and would not win back the parse."""
        needles = self._needles
        if needles is None:
            self._scans += 1
            if self._scans < GUARD_AFTER:
                return True
            needles = self.needles()
        if not needles:
            return True
        if self._folded:
            low = _lowered(text)
            if low is None:
                return True
            text = low
        return any(map(text.__contains__, needles))  # no generator: the tests are cheaper

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        rx = self.rx
        return rx.search(text, pos, endpos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        rx = self.rx
        return rx.match(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        rx = self.rx
        return rx.finditer(text) if self.may_match(text) else iter(())

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """``re.Pattern.sub``."""
        rx = self.rx
        return rx.sub(repl, text) if self.may_match(text) else text


# The last text lower-cased for a guard, and its lower case (None: it has a character that
# case-insensitive matching equates with another letter, so every pattern scans it): the
# patterns of an extraction run one after another over the same sentence. One tuple, replaced
# whole, so that two threads never see one text with another's lower case.
_LAST_LOWERED: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    low = None if not text.isascii() and CASE_EXOTIC.search(text) else text.lower()
    _LAST_LOWERED = (text, low)
    return low


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Russian stems: "января", "январь", "январе" all start with these.
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "мае": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3,
    "пятницу": 4, "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
# A count in words up to 99, as wires write one that opens a sentence: "Twenty-one documents".
_UNITS_RE = "|".join(n for n, v in NUMBER_WORDS.items() if v < 10)
NUMBER_WORD_RE = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_UNITS_RE}))?"
    rf"|{'|'.join(sorted([*NUMBER_WORDS, *_TEENS], key=len, reverse=True))})"
)


def number_word(word: str) -> int | None:
    """21 from 'Twenty-one' (or 'twenty one'), 12 from 'twelve'; None for anything else."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in NUMBER_WORDS or w in _TEENS:
        return NUMBER_WORDS.get(w) or _TEENS[w]
    tens, _, unit = w.partition(" ")
    if tens in _TENS and (not unit or NUMBER_WORDS.get(unit, 10) < 10):
        return _TENS[tens] + (NUMBER_WORDS[unit] if unit else 0)
    return None


_UNIT_ORDINALS = {w: n for w, n in ORDINAL_WORDS.items() if n < 10}
_SPOKEN = lazy_re(
    rf"\btwenty[-\s]+(?P<yr>(?:twenty|thirty)(?:[-\s](?:{_UNITS_RE}))?|ten|eleven|twelve|"
    rf"{'|'.join(_TEENS)})\b|\btwo\s+thousand(?:\s+and)?[-\s]+(?P<yr2>{NUMBER_WORD_RE})\b"
    rf"|\b(?P<tens>{'|'.join(_TENS)})[-\s]+(?P<nth>{'|'.join(_UNIT_ORDINALS)})\b",
    re.I,
)  # fmt: skip


# A Russian year said in words: "в декабре двадцать третьего (года)", "(две тысячи) двадцать
# пятого года", "в двадцать пятом году" (the units' ordinal, genitive or prepositional)
_RU_UNITS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6,
             "седьм": 7, "восьм": 8, "девят": 9}  # fmt: skip
_RU_YEAR_WORDS = (r"(?:две\s+тысячи\s+)?двадцат(?:ь|ом)?\s+(?P<u>перв|втор|трет|четв[её]рт|пят|"
                  r"шест|седьм|восьм|девят)(?:ого|ьего|ом|ьем)\b")  # fmt: skip
_RU_SPOKEN_YEAR = lazy_re(
    r"(?P<pre>\b(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+)"
    + _RU_YEAR_WORDS
    + r"|(?P<pre2>)"
    + _RU_YEAR_WORDS.replace("(?P<u>", "(?P<u2>")
    + r"(?=\s+год)",
    re.I,
)


def _ru_year(m: re.Match[str]) -> str:
    """ "в декабре двадцать третьего" -> "в декабре 2023"."""
    unit = (m.group("u") or m.group("u2")).lower().replace("ё", "е")
    year = 2020 + next(n for stem, n in _RU_UNITS.items() if unit.startswith(stem))
    return f"{m.group('pre') or ''}{year}"


def spoken_numbers(text: str) -> str:
    """``text`` with the numbers dictation writes in words in figures: years ("twenty twenty
    five", "two thousand and twenty three": 2025, 2023) and ordinals ("seventy fifth": 75th)."""
    lower = text.lower()
    if "двадцат" in lower:
        text = _RU_SPOKEN_YEAR.sub(_ru_year, text)
    if not any(w in lower for w in ("twenty", "ty ", "ty-", "thousand")):
        return text

    def figures(m: re.Match[str]) -> str:
        if m.group("yr") or m.group("yr2"):
            n = number_word(m.group("yr") or m.group("yr2"))
            return m.group() if n is None or not 0 <= n < 100 else str(2000 + n)
        return f"{_TENS[m.group('tens').lower()] + _UNIT_ORDINALS[m.group('nth').lower()]}th"

    return _SPOKEN.sub(figures, text)


_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
    # a Russian wire's dateline: "САНКТ-ПЕТЕРБУРГ, 2 окт — РИА Новости"
    r"|(?:янв|фев|апр|авг|сент?|окт|нояб?|дек)\.?(?![а-яё])"
)
# (months only a date's day goes with: "сен" alone is no month, "сенатор" none at all)
_RU_ABBREVIATED = {"янв": 1, "фев": 2, "апр": 4, "авг": 8, "сен": 9, "сент": 9, "окт": 10,
                   "ноя": 11, "нояб": 11, "дек": 12}  # fmt: skip
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:19|20)\d\d"

# Order matters: the most specific forms first.
_DATE_PATTERNS: tuple[tuple[str, Pattern], ...] = tuple(
    (name, Pattern(rx, re.IGNORECASE))
    for name, rx in (
        ("iso", rf"\b(?P<y>{_YEAR_RE})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"),
        # a Chinese date, kept by a machine translation: "2044年5月16日"
        (
            "iso",
            rf"\b(?P<y>{_YEAR_RE})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月"
            r"\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日",
        ),
        ("dotted", rf"\b(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR_RE})\b"),
        ("mdy", rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY_RE}),?\s+(?P<y>{_YEAR_RE})\b"),
        ("dmy", rf"\b(?P<d>{_DAY_RE})\s+(?:of\s+)?(?P<mon>{_MONTH_RE}),?\s+(?P<y>{_YEAR_RE})\b"),
        ("md", rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY_RE})\b(?!\s*(?:%|billion|million))"),
        ("dm", rf"\b(?P<d>{_DAY_RE})\s+(?:of\s+)?(?P<mon>{_MONTH_RE})(?![a-z])"),
        # a machine translation of a Chinese date: "11 Month 4 Day" (11月4日)
        ("md", r"\b(?P<m>1[0-2]|0?[1-9])\s+Month\s+(?P<d>[12]\d|3[01]|0?[1-9])\s+Day\b"),
        (
            "weekday",
            r"\b(?:on\s+|в\s+|во\s+)?(?:(?P<last>last|this|past)\s+)?"
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
        ),
        (
            "relday",
            r"\b(?P<rel>today|yesterday|tomorrow|(?:the\s+)?day\s+before|the\s+previous\s+day"
            r"|the\s+(?:next|following)\s+day|сегодня|вчера|накануне)\b",
        ),
    )
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text, resolved against a reference date when it needs one."""

    start: int
    form: str  # iso, dotted, mdy, dmy, md, dm, weekday, relday
    value: date | None  # None when it cannot be resolved (no reference)
    weekday: int | None = None
    month: int | None = None  # the month and day as written, also when ``value`` is None
    day: int | None = None

    @property
    def explicit(self) -> bool:
        """True when the text itself carries the year."""
        return self.form in ("iso", "dotted", "mdy", "dmy")


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """Map an English or Russian month word (any case, inflection or abbreviation) to 1-12."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if w.isascii():  # the inflected forms are Russian; a typo is one slip from a full name
        if len(w) < _EN_MONTH_TYPO or not w.isalpha() or w[0] not in _EN_MONTH_INITIALS:
            return None  # ("jnue", "novmber"; not "may")
        return _en_month_typo(w)
    for n in _RU_MONTH_LENGTHS:  # a Russian stem the word starts with (no two disagree)
        number = _RU_MONTHS.get(w[:n])
        if number is not None:
            return number
    if len(w) >= _RU_MONTH_TYPO:  # "дикабре", "сентибря": a long stem one letter off
        return _ru_month_typo(w)
    return None


_RU_MONTHS = {stem: n for stem, n in MONTHS.items() if len(stem) >= 3 and not stem.isascii()}
_RU_MONTH_LENGTHS = sorted({len(stem) for stem in _RU_MONTHS})
_RU_MONTH_TYPO = 5  # letters of a Russian month stem that may be misspelt by one
_EN_MONTH_TYPO = 4  # letters of an English word that may be a misspelt month (4: "jnue" only)
_EN_MONTHS = tuple(name.lower() for name in MONTH_NAMES)
_EN_MONTH_INITIALS = frozenset(name[0] for name in _EN_MONTHS)


@functools.lru_cache(maxsize=4096)
def _ru_month_typo(w: str) -> int | None:
    """The month whose Russian stem (five letters or more) the start of ``w`` misspells by one
    slip, or None (remembered: every Russian word of a question is asked, and comes back)."""
    return next((number for stem, number in _RU_MONTHS.items()
                 if len(stem) >= _RU_MONTH_TYPO and OSA.distance(w[: len(stem)], stem) == 1),
                None)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _en_month_typo(w: str) -> int | None:
    """The month an English word misspells by one slip (a word of four letters: only by two
    letters swapped, "jnue"), or None (remembered: the same words come back)."""
    return next((n for n, name in enumerate(_EN_MONTHS, 1)
                 if name[0] == w[0] and len(name) > 3 and abs(len(name) - len(w)) <= 1
                 and OSA.distance(w, name) == 1
                 and (len(w) > 4 or sorted(w) == sorted(name))), None)  # fmt: skip


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def nearest_year(m: int, d: int, ref: date) -> date | None:
    """The date with that month and day that is closest to ``ref`` (news reports look back)."""
    options = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _safe_date(y, m, d))]
    return min(options, key=lambda x: abs((x - ref).days) + (30 if x > ref else 0), default=None)


def find_dates(text: str, ref: date | None, future: bool = False) -> list[DateMention]:
    """Every date mention in ``text`` in order, resolved against ``ref`` where needed.

    ``future``: the text speaks of what will happen ("will meet on Tuesday", "Tuesday's
    schedule"), so a weekday is the next one (or ``ref`` itself), not the last one.
    """
    found: list[tuple[DateMention, int]] = []
    taken: list[tuple[int, int]] = []
    for form, rx in _DATE_PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            mention = _resolve(form, m, ref, future)
            if mention is not None:
                found.append((mention, m.end()))
                taken.append(m.span())
    found.sort(key=lambda x: x[0].start)
    # "on Thursday, Feb. 6", "The next day, Tuesday, November 4", "The day before, on December
    # 19": the date names the day (with its weekday); the words before it are no other day
    out: list[DateMention] = []
    dated = False  # the mention after this one names a day by its date
    for k in range(len(found) - 1, -1, -1):
        mention, end = found[k]
        after = out[-1] if out else None
        if (mention.form in _RELATIVE and after is not None and dated
                and _WEEKDAY_THEN_DATE.fullmatch(text, end, found[k + 1][0].start)):  # fmt: skip
            if mention.form == "weekday" and after.weekday is None:
                out[-1] = replace(after, weekday=mention.weekday)
            continue
        out.append(mention)
        dated = mention.form not in _RELATIVE
    return out[::-1]


_RELATIVE = ("weekday", "relday")
_WEEKDAY_THEN_DATE = lazy_re(r"[\s,(]*(?:on\s+)?")


def _resolve(form: str, m: re.Match[str], ref: date | None, future: bool) -> DateMention | None:
    g = m.groupdict()
    if form == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        value = None
        if ref is not None:
            if future and (g.get("last") or "").lower() not in ("last", "past"):
                value = ref + timedelta(days=(wd - ref.weekday()) % 7)
            else:
                back = (ref.weekday() - wd) % 7
                if g.get("last") and g["last"].lower() == "last" and back == 0:
                    back = 7
                value = ref - timedelta(days=back)
        return DateMention(m.start(), form, value, wd)
    if form == "relday":
        rel = " ".join(g["rel"].lower().split())
        shift = {"today": 0, "сегодня": 0, "yesterday": -1, "вчера": -1, "tomorrow": 1,
                 "the day before": -1, "day before": -1, "the previous day": -1,
                 "the next day": 1, "the following day": 1, "накануне": -1}.get(rel, 0)  # fmt: skip
        value = ref + timedelta(days=shift) if ref else None
        return DateMention(m.start(), form, value)
    month = (int(g["m"]) if g.get("m") else month_number(g["mon"])
             or _RU_ABBREVIATED.get(g["mon"].lower().rstrip(".")))  # fmt: skip
    day = int(re.sub(r"\D", "", g["d"]))
    if month is None:
        return None
    if g.get("y"):
        value = _safe_date(int(g["y"]), month, day)
        return DateMention(m.start(), form, value, None, month, day) if value else None
    value = nearest_year(month, day, ref) if ref else None
    if value is None and _safe_date(2000, month, day) is None:
        return None  # "31 Feb" is no date in any year
    return DateMention(m.start(), form, value, None, month, day)


_REL_YEAR = lazy_re(
    r"\b(?P<which>this|next|last|previous|the\s+coming|the\s+following)\s+year\b"
    r"|\b(?P<ru>в\s+этом|в\s+следующем|в\s+прошлом)\s+году\b",
    re.IGNORECASE,
)
_REL_MONTH = lazy_re(r"\b(?P<which>this|next|last|previous)\s+month\b", re.IGNORECASE)


def relative_year(text: str, ref_year: int | None) -> int | None:
    """Resolve 'this/next/last year' in ``text`` against ``ref_year``."""
    m = _REL_YEAR.search(text)
    if not m or ref_year is None:
        return None
    word = (m.group("which") or m.group("ru") or "").lower()
    if "next" in word or "coming" in word or "following" in word or "следующ" in word:
        return ref_year + 1
    if "last" in word or "previous" in word or "прошл" in word:
        return ref_year - 1
    return ref_year


def relative_month(text: str, ref: date | None) -> tuple[int, int] | None:
    """Resolve 'last/next/this month' to (year, month) against ``ref``."""
    m = _REL_MONTH.search(text)
    if not m or ref is None:
        return None
    shift = {"this": 0, "next": 1, "last": -1, "previous": -1}[m.group("which").lower()]
    idx = ref.year * 12 + ref.month - 1 + shift
    return idx // 12, idx % 12 + 1


def years_in(text: str) -> list[int]:
    """Four-digit years (1900-2099) mentioned in ``text``."""
    return [int(y) for y in re.findall(rf"(?<![\d.,$-])({_YEAR_RE})(?![\d%])", text)]


def format_date(d: date, lang: str = "en") -> str:
    """'December 20, 2023' in English, '20 декабря 2023 г.' in Russian."""
    if lang == "ru":
        return f"{d.day} {RU_MONTHS_GENITIVE[d.month - 1]} {d.year} г."
    return f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"


RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря")  # fmt: skip


# --- sentences -------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "gov", "govt", "u.s", "u.n", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "ltd", "e.g",
    "i.e", "approx", "etc", "jr", "sr", "gen", "lt", "col", "prof", "rep", "sen", "pres",
}  # fmt: skip
# The word that ends a piece of text: only where no word character precedes it is it worth
# matching to the end (an unanchored "[\w.]+$" tried every letter of every word).
_LAST_WORD = lazy_re(r"(?<![\w.])([\w.]+)$")
# (a stop glued to the next sentence, "this year.According to", as machine translations and
# scraped pages write it, ends a sentence too)
_SENT_END = lazy_re(r"[.!?…]+[\"'”’»)]*\s+|\n+|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])")


# A machine translation's bare verb after its subject ("Si Jinping say ,", "He point out",
# "Mishasting transmit the greetings", "Mi Xiu Si Ting happily accept the invitation"): no
# sentence of English says it so; the verb as a report says it (``mend_bare_verbs``)
_BARE_VERBS = {
    "say": "said",
    "point out": "pointed out",
    "invite": "invited",
    "accept": "accepted",
    "transmit": "conveyed",
    "meet with": "met with",
    "meet": "met",
    "accompany": "accompanied",
    "participate": "attended",
    "note": "noted",
    "stress": "stressed",
    "express": "expressed",
    "hope": "hoped",
    "propose": "proposed",
    "thank": "thanked",
    "welcome": "welcomed",
    "call for": "called for",
    "emphasize": "emphasized",
    "attend": "attended",
    "give": "gave",
    "please": "asked",
    "come": "came",
}
_BARE_VERB = Pattern(
    r"\b(?P<lead>(?!(?:I|We|You|They|The|This|That|It|There|These|Those|Our|Their|Please)\b)"
    r"(?:[A-Z][\w'’-]*|he|she|(?:(?<=,)\s*|(?<=,\s))who)\s+"
    r"(?:(?:happily|also|highly|again|further|warmly|sincerely)\s+)?)"
    rf"(?P<verb>{'|'.join(sorted(map(re.escape, _BARE_VERBS), key=len, reverse=True))})"
    r"(?=\s|,)"
)


def mend_bare_verbs(sentence: str) -> str:
    """``sentence`` with a machine translation's bare verbs after their subject put in the
    past, as reports say them ("Si Jinping say , China ..." -> "Si Jinping said , China ...")."""
    return _BARE_VERB.sub(lambda m: m.group("lead") + _BARE_VERBS[m.group("verb")], sentence)


# A wire's shorthand, as a report writes it out ("Vice FM" -> "Vice Foreign Minister", "bln dlrs"
# -> "billion dollars", "w/ Li" -> "with Li"): whole words, as wires write them (``expand_wire``).
_WIRE_WORDS = {
    "w/": "with", "amb": "ambassador", "ambs": "ambassadors", "FM": "Foreign Minister",
    "FMs": "Foreign Ministers", "PM": "Prime Minister", "PMs": "Prime Ministers",
    "govt": "government", "govts": "governments", "intergovt": "intergovernmental",
    "docs": "documents", "incl.": "including", "incl": "including", "dlrs": "dollars",
    "bln": "billion",
    "mln": "million", "pct": "percent", "y/y": "year on year", "hrs": "hours", "mins": "minutes",
    "anniv": "anniversary",
}  # fmt: skip
_WIRE_WORD = lazy_re(
    r"(?<![\w/])(?:"
    + "|".join(sorted(map(re.escape, _WIRE_WORDS), key=len, reverse=True))
    + r")(?![\w/])"
)
# a timeline's entry: "1740 -- Xi meets Mishustin ..." is "At 17:40, Xi meets Mishustin ...";
# so is a live blog's "09:40 Mishustin's motorcade arrives ..."
_WIRE_STAMP = lazy_re(
    r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:--|—|–)\s*"
    r"|^(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d)\s+(?=[A-Z\"“«])"
)
# a timeline entry's speaker in capitals: "1140 -- MISHUSTIN: share of ..." is "Mishustin: ..."
_WIRE_SPEAKER = lazy_re(r"^(?P<at>At \d\d:\d\d, )(?P<name>[A-Z]{2,})(?=:\s)")


def expand_wire(sentence: str) -> str:
    """``sentence`` with a wire's shorthand written out, a timeline's stamp as a clock time and
    a speaker in capitals as a name (``_WIRE_WORDS``, ``_WIRE_STAMP``, ``_WIRE_SPEAKER``)."""
    out = _WIRE_STAMP.sub(
        lambda m: f"At {m.group('h') or m.group('h2').zfill(2)}:{m.group('m') or m.group('m2')}, ",
        sentence,
    )
    # ("5 PM" is a time)
    out = _WIRE_WORD.sub(lambda m: m.group() if m.group() == "PM" and re.search(
        r"\d\s*$", out[: m.start()]) else _WIRE_WORDS[m.group()], out)  # fmt: skip
    return _WIRE_SPEAKER.sub(lambda m: m.group("at") + m.group("name").capitalize(), out)


def split_sentences(text: str) -> list[str]:
    """Split noisy news text into sentences; lines are always boundaries.

    A full stop ends a sentence unless it closes a known abbreviation, a single letter or
    initials ("U.S.", "M.V. Mishustin"), or the next word starts in lower case (machine
    translation often breaks a sentence with a stray full stop; keeping the pieces together
    keeps the fact's context). A stop between a word and a capitalised word with no space ends
    a sentence ("this year.According to ...").
    """
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        piece = text[start : m.start()]
        if "\n" not in m.group():
            word = _LAST_WORD.search(piece)
            last = word.group(1).lower() if word else ""
            following = text[end : end + 1]
            initials = re.fullmatch(r"(?:\w\.)+\w", last)  # "M.V. Mishustin", "V.V. Putin"
            if (last in _ABBREVIATIONS or len(last) == 1 or initials
                    or (following and following.islower())):  # fmt: skip
                continue
        sentence = text[start : m.start() + len(m.group().rstrip())].strip()
        if sentence:
            out.append(" ".join(sentence.split()))
        start = end
    tail = " ".join(text[start:].split())
    if tail:
        out.append(tail)
    return out


# --- normalising messages ----------------------------------------------------------------------

_MENTION = lazy_re(r"(?<![\w@])@\w{3,}")
_COMMAND = lazy_re(r"^/\w+(@\w+)?\s*")
_NON_WORD = lazy_re(r"[^\w$%.\-]+|(?<!\d)[.\-]|[.\-](?!\d)")
_CYRILLIC = lazy_re(r"[а-яё]", re.IGNORECASE)


def strip_controls(text: str) -> str:
    """Drop invisible format characters (zero-width joiners, bidi marks, soft hyphens) and turn
    controls, NUL, lone surrogates, unassigned or private code points and the zero-width space
    into spaces, so that "when\x00did" still reads as two words."""
    if text.isprintable():  # no control, format, surrogate or unassigned character at all
        return text
    return "".join(_control_or_char(ch) for ch in text)


def _control_or_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category[0] != "C":
        return ch
    return "" if category == "Cf" and ch != "\u200b" else " "


def normalize(text: str, max_chars: int = 500) -> str:
    """Lower-case words and numbers only: no mentions, commands, emoji or punctuation."""
    text = strip_controls(text[: max_chars * 2])[:max_chars]
    text = _COMMAND.sub(" ", text.strip())
    text = _MENTION.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    text = text.replace("’", "'").replace("'s ", " ").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


def tokens(text: str) -> list[str]:
    """Tokens of an already normalised text."""
    return text.split()


def is_russian(text: str) -> bool:
    """True when the message is written mostly in Cyrillic."""
    if text.isascii():  # (no Cyrillic at all: the lexicon's English words, quickly)
        return False
    cyr = len(_CYRILLIC.findall(text))
    lat = len(re.findall(r"[a-z]", text, re.IGNORECASE))
    return cyr > 0 and cyr >= lat


V = TypeVar("V")


# Characters that Python's case-insensitive matching equates with ASCII or Cyrillic letters
# although ``str.lower`` does not turn them into those letters (dotted I, dotless i, long s,
# the Kelvin sign, old Cyrillic forms).
# A figure's period of the first months of a year: "the first 11 months", "первые 11 месяцев"
# (bot/gives.py: the months a question asks; the statement kind: the period in Russian).
FIRST_MONTHS = lazy_re(r"\bfirst\s+(\w+)\s+months\b|первые\s+(\w+)\s+месяц", re.I)
# The words of a fact's value a question may name: four letters or more, and codes ("G20").
CONTENT_WORD = r"[a-z]+\d+[a-z\d]*|[a-z]{4,}"
CASE_EXOTIC = lazy_re("[\u0130\u0131\u017f\u212a\u1c80-\u1c88]")


class Guarded:
    """A case-insensitive regular expression that runs only when the text can match it.

    ``needles``: strings every match contains (lower case): the lower-cased text must hold one.
    None: the pattern is Russian only and needs a text that is not all ASCII. A compiled
    ``quick`` pattern every match also matches (``\\d`` for a pattern of numbers) may stand for
    the needles. A substring test costs ~0.1 us where a scan of a message costs 2-20 us, and
    most messages hold no word of a rarer pattern. ``tests/test_question.py`` checks that each
    guard keeps what its pattern finds.
    """

    __slots__ = ("needles", "quick", "rx")

    def __init__(self, rx: re.Pattern[str], needles: tuple[str, ...] | None = None,
                 quick: re.Pattern[str] | None = None) -> None:  # fmt: skip
        self.rx, self.needles, self.quick = rx, needles, quick

    def may_match(self, text: str) -> bool:
        """False only when ``rx`` cannot match ``text``."""
        if self.quick is not None:
            return self.quick.search(text) is not None
        if text.isascii():
            if self.needles is None:
                return False
        elif self.needles is None or CASE_EXOTIC.search(text):
            return True
        low = text.lower()
        return any(n in low for n in self.needles)

    def search(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        return self.rx.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        return self.rx.finditer(text) if self.may_match(text) else iter(())

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """``re.Pattern.sub``."""
        return self.rx.sub(repl, text) if self.may_match(text) else text


def span_lengths(table: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """For ``longest_spans``: the lengths of the entries of ``table`` that each token starts,
    longest first."""
    lengths: dict[str, set[int]] = {}
    for key in table:
        if key:
            lengths.setdefault(key[0], set()).add(len(key))
    return {tok: tuple(sorted(found, reverse=True)) for tok, found in lengths.items()}


def longest_spans(
    toks: Sequence[str], table: Mapping[tuple[str, ...], V], longest: int,
    lengths: Mapping[str, tuple[int, ...]] | None = None,
) -> Iterator[tuple[tuple[str, ...], V | None]]:  # fmt: skip
    """Walk ``toks`` greedily, longest entry of ``table`` first: (span, value) for each entry
    found, (one token, None) for a token that starts none. ``lengths``: ``span_lengths(table)``,
    when the caller keeps it (only spans as long as an entry that token starts are looked up)."""
    i = 0
    while i < len(toks):
        left = len(toks) - i
        tried = (range(min(longest, left), 0, -1) if lengths is None
                 else [n for n in lengths.get(toks[i], ()) if n <= left])  # fmt: skip
        for n in tried:
            span = tuple(toks[i : i + n])
            value = table.get(span)
            if value is not None:
                yield span, value
                i += n
                break
        else:
            yield (toks[i],), None
            i += 1
