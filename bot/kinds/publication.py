"""When a report of a meeting was published: its page's date (the ``date`` header), for "when
was the article about the Moscow meeting published?", "дата публикации статьи". A meeting is
also chosen by it ("the article dated March 19, 2024 reports a meeting: when was it?")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind, FactTable
from ..glossary import needs
from ..lazyre import lazy_re
from ..russian import Russian
from ..text import find_dates, format_date

KIND = FactKind("publication")  # value: the ISO date of the page
NEEDS = needs({"publication": {"date"}})
DATED = True  # "when was it published": the page's own day, not the meeting's


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The page's date (ISO)."""

    published: str


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per article that has a date header: the day its page was published."""
    day = ctx.article.published
    if day is None:
        return
    parts = Parts(day.isoformat())
    yield ctx.fact(KIND, 0, day.isoformat(), english(parts), year=day.year, parts=parts)


def english(p: Parts) -> str:
    """'published March 19, 2024'."""
    return f"published {format_date(date.fromisoformat(p.published))}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'дата публикации: 19 марта 2024 г.'."""
    return r.fill("publication", date=format_date(date.fromisoformat(p.published), "ru"))


# "the article dated March 19, 2024", "the report published on November 4, 2025", "статья с
# датой 19 марта 2024", "в статье от 4 ноября 2025": a report chosen by its page's date
_DATED = lazy_re(
    r"\b(?:the\s+)?(?:article|report|story|piece|page|стать[яиюе]|материал\w*|публикаци\w*)\s+"
    r"(?:(?:was\s+)?(?:dated|published(?:\s+on)?|from|of)|с\s+датой|от|за)\s+"
    r"(?P<date>[^.?!;]{4,40}?\d{4})",
    re.I,
)


def dated_report(text: str) -> tuple[str, date] | None:
    """(the text without the words that name a report by its date, that date) or None."""
    m = _DATED.search(text)
    if m is None:
        return None
    found = [d.value for d in find_dates(m.group("date"), None) if d.explicit and d.value]
    if not found:
        return None
    return text[: m.start()] + text[m.end() :], found[0]


def reported_on(table: FactTable, day: date) -> set[str]:
    """The meetings reported by an article published on ``day`` (ids)."""
    return {f.meeting for f in table.find(KIND) if f.value == day.isoformat()}
