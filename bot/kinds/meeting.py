"""The meeting itself: its date, or the weekday an undated report gives (one fact per article)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import facts
from ..context import Context
from ..facts import MEETING, Fact
from ..glossary import needs
from ..russian import Russian
from ..text import format_date

KIND = MEETING
DATED = True  # its facts give their own time
NEEDS = needs({"undated_meeting": {"weekday"}, "no_date": set()}, vocabs=["weekdays"])


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """A meeting is its date (the value, ISO or "") and weekday (the qualifier): no parts."""


def extract(ctx: Context) -> Iterator[Fact]:
    """The MEETING fact of the article; its ``curated`` note says where a curated date is from."""
    idx = ctx.meeting[0] if ctx.meeting else 0
    when = ctx.meeting_date
    value = when.isoformat() if when else ""
    yield ctx.fact(KIND, idx, value, english(when, ctx.weekday), qualifier=ctx.weekday,
                   curated=ctx.note, parts=Parts())  # fmt: skip


def english(when: date | None, weekday: str) -> str:
    """'March 21, 2023', or an honest 'a Wednesday (the article gives no date)'."""
    if when:
        return format_date(when)
    if weekday:
        return f"a {weekday} (the article gives no date)"
    return "an unknown date (the article gives none)"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'21 марта 2023 г.', or 'среда (дата в статье не указана)'."""
    if f.value:
        return format_date(date.fromisoformat(f.value), "ru")
    if f.qualifier:
        return r.fill("undated_meeting", weekday=r.vocab("weekdays", f.qualifier))
    return r.fill("no_date")
