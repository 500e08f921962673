"""Organisations and multilateral fora the article names: "BRICS", "the SCO"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, named_facts
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian

KIND = FactKind("organisation")
MENTION = True  # a fact of this kind names what was mentioned: no one's deed
NEEDS = needs()


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """An organisation is its gazetteer name (the value): no parts."""


def extract(ctx: Context) -> Iterator[Fact]:
    """Each gazetteer organisation the article names, at its first mention."""
    yield from named_facts(ctx, "organisations", KIND, Parts())


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """The gazetteer's Russian name: 'БРИКС'."""
    return r.plain(f.value)
