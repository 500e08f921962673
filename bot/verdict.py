"""Yes or no: whether the facts that answer a yes-or-no question confirm what it claims, say
otherwise, or neither.

A yes-or-no question ("was Xi on a five-day state visit?", "was the 2025 meeting held on a
Wednesday?", "did trade reach 100 billion dollars?") claims values of a few closed classes:
counts, ordinals, weekdays, parts of the day, kinds of visit. The facts picked for it either
give the same values (yes), give another value of the same class (no: "three-day"), or give
none of that class (neither: the answer is the facts alone). No wording here (``bot.writer``
says "Yes. ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .lazyre import lazy_re

Verdict = Literal["yes", "no", ""]


@dataclass(frozen=True, slots=True)
class Claim:
    """A value of a closed class ("count" 5, "ordinal" 28, "weekday" tue, "daytime" morning)
    and the words next to it, which say what it counts ("five-day": day; "$200 billion":
    billion): two counts contradict only when they count the same thing."""

    cls: str
    value: str
    near: frozenset[str] = frozenset()


_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "once": 1, "twice": 2, "thrice": 3,
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "однажды": 1, "дважды": 2, "трижды": 3,
    "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
}  # fmt: skip
# Russian lengths in days: "трёхдневный", "пятидневным"
_RU_DAYS = (("одно", 1), ("двух", 2), ("трех", 3), ("трёх", 3), ("четырех", 4), ("четырёх", 4),
            ("пяти", 5), ("шести", 6), ("семи", 7), ("десяти", 10))  # fmt: skip
_TIMES = {"once", "twice", "thrice", "однажды", "дважды", "трижды"}  # counts of times
# ("first" chooses a meeting, as "last" does: no claim)
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# Russian ordinals by their stems ("второй", "второго", "третьей")
_ORDINAL_STEMS = (("втор", 2), ("трет", 3), ("четверт", 4), ("четвёрт", 4), ("пят", 5),
                  ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10))  # fmt: skip
_RU_ORDINAL_ENDINGS = lazy_re(r"(?:ый|ой|ий|ая|ое|ого|ому|ом|ей|ую|ье|ья|ьей|ьего|ьем|ьему)$")
_WEEKDAYS = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
    "saturday": "sat", "sunday": "sun", "понедельник": "mon", "вторник": "tue", "сред": "wed",
    "четверг": "thu", "пятниц": "fri", "суббот": "sat", "воскресень": "sun",
}  # fmt: skip
_WEEKDAY_OF = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAYTIMES = {
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "evening",
    "утр": "morning", "днем": "afternoon", "днём": "afternoon", "вечер": "evening",
    "ночь": "evening", "ночью": "evening",
}  # fmt: skip
# The years of the Chinese zodiac ("the Year of the Rabbit?": no, of the Dragon), by stem
_ZODIAC = (("rat", "rat"), ("ox", "ox"), ("tiger", "tiger"), ("rabbit", "rabbit"),
           ("hare", "rabbit"), ("dragon", "dragon"), ("snake", "snake"), ("horse", "horse"),
           ("goat", "goat"), ("sheep", "goat"), ("ram", "goat"), ("monkey", "monkey"),
           ("rooster", "rooster"), ("dog", "dog"), ("pig", "pig"), ("boar", "pig"),
           ("крыс", "rat"), ("бык", "ox"), ("тигр", "tiger"), ("кролик", "rabbit"),
           ("кот", "rabbit"), ("заяц", "rabbit"), ("зайц", "rabbit"), ("дракон", "dragon"),
           ("змеи", "snake"), ("змея", "snake"), ("лошад", "horse"), ("коз", "goat"),
           ("овц", "goat"), ("обезьян", "monkey"), ("петух", "rooster"), ("собак", "dog"),
           ("свинь", "pig"), ("кабан", "pig"))  # fmt: skip
_YEAR_OF = lazy_re(r"(?i)\byear\s+of\s+the\s+$|\bгод\w*\s+$")
# The kinds of visit ("was it a state visit?": no, an official one)
_VISITS = {"state": "state", "official": "official", "working": "working"}
_RU_VISITS = (("государствен", "state"), ("официальн", "official"), ("рабоч", "working"))
_TOKEN = lazy_re(r"\d+(?:[.,]\d+)?(?:st|nd|rd|th|-?(?:й|я|го|е)(?!\w))?|[^\W\d_]+(?:-[^\W\d_]+)*")
_YEAR = lazy_re(r"(?:19|20)\d\d")
_MONTH = lazy_re(
    r"(?i)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ\w*|феврал\w*|март\w*|"
    r"апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*)"
)
_FILLER = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "was", "were", "is", "by",
                     "about", "over", "than", "and", "some", "its", "his", "their", "в", "на",
                     "о", "об", "до", "по", "и", "с", "из", "за"})  # fmt: skip


# Russian units as the English ones they are ("100 млрд долларов" of "$200 billion")
_UNITS = (("млрд", "billio"), ("миллиард", "billio"), ("трлн", "trilli"), ("триллион", "trilli"),
          ("млн", "millio"), ("миллион", "millio"), ("магнитуд", "magnit"), ("раз", "time"),
          ("дн", "day"), ("день", "day"), ("землетрясен", "quake"), ("earthquake", "quake"),
          ("bn", "billio"), ("trn", "trilli"))  # fmt: skip


def _unit(word: str) -> str:
    """A word next to a number, as compared: lower case, no plural, the first six letters."""
    word = word.lower().strip("$")
    for ru, en in _UNITS:
        if word.startswith(ru) and (len(ru) > 3 or word == ru or ru == "дн"):
            return en
    return word[:6] if len(word) > 6 else word.rstrip("s")


def claims(text: str) -> frozenset[Claim]:
    """The counts, ordinals, weekdays, parts of the day, kinds of visit and years of the Chinese
    zodiac ``text`` states. A year or the day of
    a month ("March 21") is no count: those choose the meeting."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: set[Claim] = set()
    for i, (raw, start, end) in enumerate(toks):
        word = raw.lower()
        before = toks[i - 1][0] if i else ""
        after = toks[i + 1][0] if i + 1 < len(toks) else ""
        if word[0].isdecimal():  # (not "¹": a digit to isdigit, no number to \d)
            number = re.match(r"\d+(?:[.,]\d+)?", word)
            assert number is not None
            digits = number.group().replace(",", ".")
            if (_YEAR.fullmatch(digits) or _MONTH.fullmatch(before) or _MONTH.fullmatch(after)
                    or ":" in (text[end : end + 1], text[start - 1 : start])):  # fmt: skip
                continue
            if "." in digits:
                digits = digits.rstrip("0").rstrip(".")
            ordinal = len(word) > len(number.group())
            near = {after} if ordinal else {before, after}
            if not ordinal and not after:  # "магнитуда землетрясения ... составила 6,2": the
                near |= {t for t, _, _ in toks[max(0, i - 4) : i]}  # words before say what
            if not ordinal and after.startswith("лет") and text[end : end + 1] == "-":
                ordinal, near = True, {"anniversary"}  # "75-летие": the 75th anniversary
            found.add(Claim("ordinal" if ordinal else "count", digits, _near(near)))
            continue
        days = next((n for stem, n in _RU_DAYS if word.startswith(stem + "дневн")), None)
        if days is not None:  # "пятидневным": a five-day one
            found.add(Claim("count", str(days), _near({"day"})))
            continue
        parts = word.split("-")
        for k, part in enumerate(parts):
            rest = parts[k + 1] if k + 1 < len(parts) else after
            if part in _COUNTS:
                near = {"time"} if part in _TIMES else {rest, before}
                found.add(Claim("count", str(_COUNTS[part]), _near(near)))
            elif part in _ORDINALS:
                found.add(Claim("ordinal", str(_ORDINALS[part]), _near({rest})))
            elif _RU_ORDINAL_ENDINGS.search(part):
                n = next((n for stem, n in _ORDINAL_STEMS
                          if part.startswith(stem) and len(part) <= len(stem) + 4),
                         None)  # fmt: skip
                if n is not None:
                    found.add(Claim("ordinal", str(n), _near({rest})))
            kind = _VISITS.get(part) or next(
                (v for stem, v in _RU_VISITS if part.startswith(stem)), None
            )
            if kind and (after.lower().startswith(("visit", "trip", "визит"))):
                found.add(Claim("visit", kind))  # "a state visit", "официальный визит"
            day = next((d for stem, d in _WEEKDAYS.items() if part.startswith(stem)), None)
            if day and len(part) <= len("воскресенье"):
                found.add(Claim("weekday", day))
            animal = next((a for stem, a in _ZODIAC if part == stem or (
                len(stem) > 3 and part.startswith(stem))), None)  # fmt: skip
            if animal and _YEAR_OF.search(text[max(0, start - 20) : start]):
                found.add(Claim("zodiac", animal))  # "the Year of the Dragon", "год Кролика"
            time = next((t for stem, t in _DAYTIMES.items() if part.startswith(stem)), None)
            if time and len(part) <= 9:
                found.add(Claim("daytime", time))
    return frozenset(found)


def claim_words(text: str) -> frozenset[str]:
    """The words of ``text``, in lower case, that state a value of a class with few values
    (a year of the zodiac, a part of the day): "was it the Year of the Rabbit?" asks a yes or no
    of "rabbit", not what was said of rabbits."""
    out = set()
    for m in _TOKEN.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]  # (what makes "Rabbit" a year's)
        if _closed(before + m.group()) - _closed(before):
            out.add(m.group().lower())
    return frozenset(out)


def _closed(text: str) -> set[Claim]:
    return {c for c in claims(text) if c.cls in ("zodiac", "daytime")}


def _near(words: set[str]) -> frozenset[str]:
    return frozenset(_unit(w) for w in words if w and w.lower() not in _FILLER)


def weekday_claim(day: date) -> Claim:
    """The weekday claim of a date (a meeting's)."""
    return Claim("weekday", _WEEKDAY_OF[day.weekday()])


def verdict(asked: Iterable[Claim], given: Iterable[Claim]) -> Verdict:
    """ "no" when the facts give another value of a class the question claims a value of,
    counting the same thing, and not the claimed one; "yes" when they give every value
    claimed; "" otherwise (or when the question claims nothing the facts could confirm)."""
    said = list(given)
    values = {(c.cls, c.value) for c in said}
    unconfirmed = False
    for claim in asked:
        if (claim.cls, claim.value) in values:
            continue
        if any(c.cls == claim.cls and (not claim.near or c.near & claim.near) for c in said):
            return "no"
        unconfirmed = True
    return "" if unconfirmed else "yes"


__all__ = ["Claim", "Verdict", "claim_words", "claims", "verdict", "weekday_claim"]
