"""How long the leaders' talks lasted: "the talks lasted about an hour and a half", "a meeting
that went on for more than two hours", "talks last 90 minutes" (a headline)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..text import Pattern

KIND = FactKind("duration")  # number: the length in minutes
_SLOTS = {"what", "approx", "length"}
NEEDS = needs({"duration": _SLOTS, "duration_many": _SLOTS, "hours_and_a_half": {"n"}},
              vocabs=["encounter_what", "duration_approx"], words=["hour_and_a_half"],
              plurals=["minute", "hour"])  # fmt: skip
Approx = Literal["", "about", "more", "less"]

_WORDS = {"one": 1, "an": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "forty": 40, "fifty": 50, "thirty": 30, "twenty": 20, "ninety": 90}  # fmt: skip
_NUMBER = r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|twenty|thirty|forty|fifty|ninety|an|a)"
# "lasted about an hour and a half", "went on for more than two hours", "last 90 minutes",
# "lasted one and a half hours", "lasted 1.5 hours", "a 90-minute meeting"
_LENGTH = Pattern(
    rf"(?P<approx>about|around|some|approximately|nearly|almost|more\s+than|over|just\s+over|"
    rf"less\s+than|under)?\s*(?P<n>{_NUMBER})(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>hours?|"
    rf"minutes?)(?P<half2>\s+and\s+a\s+half)?\b",
    re.I,
)
_LASTED = Pattern(
    r"\b(?P<what>meeting|talks|conversation|negotiations)\b[^.;]{0,40}?\b(?:lasted|last|lasts|"
    r"went\s+on\s+for|ran\s+for|continued\s+for|took|(?:is|was)\s+over\s+after|"
    r"(?:ended|finished|wrapped\s+up)\s+after)\s+"
    r"|\b(?P<adj>\d+|ninety|two|three)[\s-]+(?:minute|hour)s?\b(?=[\s-]+(?:long\s+)?(?:meeting|talks"
    r"|conversation|negotiations))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """What lasted (talks, meeting, conversation), how many minutes, and how exactly ("about",
    "more than", "less than")."""

    what: str
    minutes: int
    approx: Approx = ""


def extract(ctx: Context) -> Iterator[Fact]:
    """The length of the article's meeting (or main encounter), once: the first of its sentences
    (else of the others, the headline first, but those about other meetings) that says how long
    the talks lasted."""
    if not ctx.meeting:
        return
    sentences = ctx.article.sentences
    candidates = list(dict.fromkeys([*ctx.meeting, *range(len(sentences))]))
    # the report's own sentences before a headline ("talks last 90 minutes": "about" is lost)
    candidates.sort(key=lambda i: not re.search(r"[.!?\"”]$", sentences[i].strip()))
    for i in candidates:
        if i in ctx.elsewhere:
            continue
        parts = _length(sentences[i])
        if parts is not None:
            text = english(parts)
            yield ctx.fact(KIND, i, text, text, number=float(parts.minutes), parts=parts)
            return


# A report in Russian: "Беседа продолжалась около 40 минут", "переговоры длились более двух часов"
_RU_LASTED = Pattern(
    r"(?P<what>беседа|встреча|переговоры)\s+(?:продолжал\w*|длил\w*|продлил\w*|заняла|заняли)\s+"
    r"(?:(?P<approx>около|более|больше|почти|менее|свыше)\s+)?(?P<n>\d+(?:[.,]\d+)?|полутора|"
    r"двух|трех|трёх|час)\s*(?P<unit>минут\w*|час\w*)?",
    re.I,
)
_RU_WHAT = {"беседа": "conversation", "встреча": "meeting", "переговоры": "talks"}
_RU_NUMBERS = {"полутора": 1.5, "двух": 2.0, "трех": 3.0, "трёх": 3.0, "час": 1.0}


def _length_ru(s: str) -> Parts | None:
    """The talks' length a sentence in Russian gives, or None."""
    m = _RU_LASTED.search(s)
    if m is None:
        return None
    n = m.group("n").lower()
    value = _RU_NUMBERS.get(n) or float(n.replace(",", "."))
    unit = (m.group("unit") or ("час" if n == "час" else "")).lower()
    if not unit:
        return None
    minutes = round(value * 60) if unit.startswith("час") else round(value)
    word = (m.group("approx") or "").lower()
    approx: Approx = ("about" if word == "около" else "more" if word in ("более", "больше", "свыше")
                      else "less" if word else "")  # fmt: skip
    what = _RU_WHAT[m.group("what").lower()]
    return Parts(what, minutes, approx) if 0 < minutes < 24 * 60 else None


def _length(s: str) -> Parts | None:
    """The talks' length a sentence gives, or None."""
    m = _LASTED.search(s)
    if m is None:
        return _length_ru(s)
    if m.group("adj"):  # "a 90-minute meeting"
        length = _LENGTH.search(s, max(0, m.start() - 20))
        what = re.search(r"meeting|talks|conversation|negotiations", s[m.end() :], re.I)
        name = what.group().lower() if what else "talks"
    else:
        length = _LENGTH.match(s, m.end())
        name = m.group("what").lower()
    if length is None:
        return None
    n = length.group("n").lower().replace(",", ".")
    value = float(n) if n[0].isdigit() else float(_WORDS[n])
    if length.group("half") or length.group("half2"):
        value += 0.5
    minutes = round(value * 60) if length.group("unit").lower().startswith("hour") else round(value)
    word = " ".join((length.group("approx") or "").lower().split())
    approx: Approx = ("about" if word in ("about", "around", "some", "approximately")
                      else "more" if word in ("more than", "over", "just over")
                      else "less" if word else "")  # fmt: skip
    return Parts(name, minutes, approx) if 0 < minutes < 24 * 60 else None


def _hours(minutes: int) -> str:
    """'an hour and a half (90 minutes)', 'two hours', '40 minutes'."""
    if minutes % 30 or minutes < 60:
        return f"{minutes} minutes"
    hours, half = divmod(minutes, 60)
    words = {1: "an hour", 2: "two hours", 3: "three hours", 4: "four hours"}
    text = words.get(hours, f"{hours} hours")
    if half:
        text = "an hour and a half" if hours == 1 else f"{text} and a half"
    return f"{text} ({minutes} minutes)" if minutes != 60 else text


def english(p: Parts) -> str:
    """'The talks lasted about an hour and a half (90 minutes)'."""
    approx = {"about": "about ", "more": "more than ", "less": "almost "}.get(p.approx, "")
    verb = "lasted"
    return f"The {p.what} {verb} {approx}{_hours(p.minutes)}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Переговоры длились около 90 минут (полтора часа)'."""
    approx = r.vocab("duration_approx", p.approx) if p.approx else ""
    hours, rest = divmod(p.minutes, 60)
    length = r.plural("minute", p.minutes)  # "около 90 минут": the minutes take any preposition
    if hours and rest == 30:
        half = r.word("hour_and_a_half") if hours == 1 else r.fill("hours_and_a_half", n=str(hours))
        length += f" ({half})"
    elif hours and not rest:
        length += f" ({r.plural('hour', hours)})"
    many = p.what in ("talks", "negotiations")  # "переговоры длились", "встреча длилась"
    return capital(
        r.fill(
            "duration_many" if many else "duration",
            what=r.vocab("encounter_what", p.what),
            approx=approx,
            length=length,
        )
    )
