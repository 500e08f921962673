"""The meeting itself: its date, or what an undated report gives of it (one fact per article that
reports a meeting of the principals)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import facts
from ..context import Context
from ..facts import MEETING, Fact
from ..glossary import needs
from ..russian import Russian
from ..text import MONTH_NAMES, RU_MONTHS_GENITIVE, format_date

KIND = MEETING
DATED = True  # its facts give their own time
NEEDS = needs({"undated_meeting": {"weekday"}, "no_date": set(),
               "no_year": {"day", "weekday"}}, vocabs=["weekdays"])  # fmt: skip


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """A meeting is its date (the value, ISO or "") and weekday (the qualifier); of an undated
    one, the month and day the text gives ("Tuesday (March 21)" with no year)."""

    month: int | None = None
    day: int | None = None


def extract(ctx: Context) -> Iterator[Fact]:
    """The MEETING fact of the article; its ``curated`` note says where a curated date is from.
    An article that reports no meeting of the principals has none (its ``encounter`` instead)."""
    if not ctx.principal:
        return
    idx = ctx.meeting[0] if ctx.meeting else 0
    when = ctx.meeting_date
    value = when.isoformat() if when else ""
    parts = Parts(*ctx.month_day) if ctx.month_day and not when else Parts()
    yield ctx.fact(KIND, idx, value, english(when, ctx.weekday, parts), qualifier=ctx.weekday,
                   curated=ctx.note, parts=parts)  # fmt: skip


def english(when: date | None, weekday: str, p: Parts | None = None) -> str:
    """'March 21, 2023', or an honest 'a Wednesday (the article gives no date)'."""
    if when:
        return format_date(when)
    if p is not None and p.month and p.day:
        day = f"{MONTH_NAMES[p.month - 1]} {p.day}"
        return f"{weekday + ', ' if weekday else ''}{day} (the article gives no year)"
    if weekday:
        return f"a {weekday} (the article gives no date)"
    return "an unknown date (the article gives none)"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'21 марта 2023 г.', or 'среда (дата в статье не указана)'."""
    if f.value:
        return format_date(date.fromisoformat(f.value), "ru")
    if p.month and p.day:
        weekday = r.vocab("weekdays", f.qualifier) if f.qualifier else ""
        return r.fill("no_year", day=f"{p.day} {RU_MONTHS_GENITIVE[p.month - 1]}", weekday=weekday)
    if f.qualifier:
        return r.fill("undated_meeting", weekday=r.vocab("weekdays", f.qualifier))
    return r.fill("no_date")
