"""N-th anniversaries: which, of what, and the year they fall in ("the 75th anniversary of the
establishment of diplomatic relations ... next year")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, nth, ordinal
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern, relative_year

KIND = FactKind("anniversary")  # number: the ordinal; year: the year it falls in
DATED = True  # its facts give their own time
NEEDS = needs({"anniversary": {"n", "of", "year"}}, vocabs=["anniversary_of"])

_ANNIV = Pattern(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary\s+of\s+(?:the\s+)?"
    r"(?P<what>.+?)(?=\s+(?:next|this|last)\s+year|\s+in\s+\d{4}|,(?!\s+friendship)|;|\.(?:\s|$)"
    r"|\s+as\s+a\b|\s+and\s+(?:the|to|jointly|continuously)\b|$)",
    re.I,
)
# "Current year we mark 25 years of the Treaty ... which our countries signed in 2001": an
# anniversary said in years, when the sentence says it falls this year.
_YEARS = Pattern(
    r"\b(?P<ord>\d{1,3})\s+years\s+(?:of|since)\s+(?:the\s+)?(?P<what>[A-Z].+?)"
    r"(?=\s+(?:which|that|signed|concluded)\b|,(?!\s+friendship)|;|\.(?:\s|$)|$)",
)
_THIS_YEAR = Pattern(r"\b(?:this|current|the\s+current)\s+year\b", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The anniversary of what, in English ("establishment of diplomatic relations")."""

    of: str


def extract(ctx: Context) -> Iterator[Fact]:
    """N-th anniversaries: which, of what, and the year they fall in."""
    for i, s in enumerate(ctx.article.sentences):
        found = list(_ANNIV.finditer(s))
        if not found and _THIS_YEAR.search(s):
            found = list(_YEARS.finditer(s))
        for m in found:
            n = ordinal(m.group("ord"))
            if not n:
                continue
            what = re.sub(r"\s+", " ", m.group("what")).strip(" \"“”'«»")
            # a speaker's "our diplomatic relations" are the relations ("the ... of the our")
            what = re.sub(r"(?i)^(?:our|their|your|its)\s+", "", what)
            year = _year(ctx, s, m, n, what)
            yield ctx.fact(KIND, i, f"{n}: {what}", english(n, what, year), year=year,
                           number=float(n), parts=Parts(what))  # fmt: skip


def english(n: int, what: str, year: int | None) -> str:
    """'the 75th anniversary of the establishment of diplomatic relations (2024)'."""
    return f"the {nth(n)} anniversary of the {what}" + (f" ({year})" if year else "")


def _year(ctx: Context, s: str, m: re.Match[str], n: int, what: str) -> int | None:
    tail = s[m.end() : m.end() + 40]
    explicit = re.match(r"\s+in\s+(\d{4})", tail)
    if explicit:
        return int(explicit.group(1))
    rel = relative_year(tail, ctx.year) or relative_year(s, ctx.year)
    if rel:
        return rel
    own = re.split(r"\banniversary\b", s[m.end() :], maxsplit=1)[0][:60]
    since = re.search(r"\b(?:signed|established|founded|set up|since)\s+(?:in\s+)?(\d{4})", own)
    if since:
        return int(since.group(1)) + n
    for _, entry in ctx.gaz.find("anniversary_bases", what)[:1]:
        return int(entry.attr("year")) + n
    if re.search(r"\b(?:marking|mark|celebrat\w*|commemorat\w*)\b", s, re.I):
        return ctx.year
    return None


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'75-летие установления дипломатических отношений между Китаем и Россией (2024 г.)'."""
    return r.fill("anniversary", n=f"{f.number:g}" if f.number else "",
                  of=r.vocab("anniversary_of", p.of), year=str(f.year or ""))  # fmt: skip
