"""Where in the city the leaders met: "the Great Hall of the People" (from the gazetteer)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian

KIND = FactKind("venue")
NEEDS = needs()


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """A venue is its gazetteer name (the value): no parts."""


def extract(ctx: Context) -> Iterator[Fact]:
    """The venue the meeting sentences (or the dateline) name, if any."""
    if ctx.venue:
        idx = ctx.meeting[0] if ctx.meeting else 0
        yield ctx.fact(KIND, idx, ctx.venue, ctx.venue, parts=Parts())


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """The gazetteer's Russian name: 'Дом народных собраний'."""
    return r.plain(f.value)
