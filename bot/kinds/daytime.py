"""When in the day the leaders met: "on the morning of December 20", "on Wednesday afternoon",
"began shortly after 10 a.m." (the meeting's sentences, any report of it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian

KIND = FactKind("daytime")  # value: morning | afternoon | evening
NEEDS = needs({"daytime": {"part", "clock"}, "clock": {"approx", "time"}},
              vocabs=["daytimes", "clock_approx"])  # fmt: skip
Part = Literal["morning", "afternoon", "evening"]
VALUES = get_args(Part)  # a question naming one asks for the meetings of that part of the day


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The part of the day, and the clock time as the text gives it ("shortly after 10 a.m.":
    ``approx`` "shortly after", ``time`` "10:00")."""

    part: Part
    approx: str = ""
    time: str = ""  # HH:MM, 24-hour


def extract(ctx: Context) -> Iterator[Fact]:
    """The time of day of the article's meeting, once, from the sentence that gives it."""
    if not ctx.daytime:
        return
    idx = next((i for i in ctx.meeting if re.search(
        rf"\b{ctx.daytime}\b|\d\s*(?:a\.m\.|p\.m\.|am|pm)\b|\b(?:at|from)\s+\d{{1,2}}:\d\d\b",
        ctx.article.sentences[i], re.I)),
        ctx.meeting[0] if ctx.meeting else 0)  # fmt: skip
    part: Part = ctx.daytime  # type: ignore[assignment]
    parts = Parts(part, *_clock(ctx.clock))
    text = english(parts, ctx.clock)
    yield ctx.fact(KIND, idx, part, text, parts=parts)


def _clock(clock: str) -> tuple[str, str]:
    """('shortly after', '10:00') from 'shortly after 10 a.m.'."""
    m = re.match(r"(?P<approx>shortly\s+after|shortly\s+before|around|at|from)?\s*(?P<h>\d{1,2})"
                 r"(?::(?P<m>\d\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)?$", clock, re.I)  # fmt: skip
    if not m or not (m.group("ampm") or m.group("m")):
        return "", ""
    hour = int(m.group("h"))
    if m.group("ampm"):  # else a 24-hour clock: "at 10:05"
        hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
    approx = " ".join((m.group("approx") or "").lower().split())
    return ("" if approx in ("at", "from") else approx), f"{hour:02d}:{m.group('m') or '00'}"


def english(p: Parts, clock: str = "") -> str:
    """'morning (shortly after 10 a.m.)'."""
    return f"{p.part} ({clock})" if clock else p.part


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'утро (вскоре после 10:00)'."""
    clock = ""
    if p.time:
        clock = r.fill("clock", approx=r.vocab("clock_approx", p.approx), time=p.time)
    return r.fill("daytime", part=r.vocab("daytimes", p.part), clock=clock)
