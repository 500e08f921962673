"""Condolences over a disaster: what, where, how strong ("sympathies over the magnitude-6.2
earthquake in Gansu")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, short, subject_entry
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital, decimal
from ..text import Pattern

KIND = FactKind("condolence")  # number: the magnitude where given; qualifier: the regions
NEEDS = needs({"condolence": {"who", "disaster", "magnitude", "where"}})

_SYMPATHY = Pattern(r"condolence|sympath|mourn", re.I)
_MAGNITUDE = Pattern(r"(\d+(?:\.\d+)?)[- ]magnitude|magnitude[- ](\d+(?:\.\d+)?)", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The disaster, who expressed sympathy and the regions hit (canonical names)."""

    disaster: str
    who: str = ""
    regions: tuple[str, ...] = ()


def extract(ctx: Context) -> Iterator[Fact]:
    """Condolences over each disaster the article mourns (what, where, magnitude)."""
    sentences = ctx.article.sentences
    done: set[str] = set()
    for i, s in enumerate(sentences):
        disasters = ctx.gaz.find("disasters", s)
        if not _SYMPATHY.search(s) or not disasters or disasters[0][1].name in done:
            continue
        disaster = disasters[0][1].name
        done.add(disaster)
        nearby = " ".join(sentences[max(0, i - 1) : i + 3])
        regions = [e.name for _, e in ctx.gaz.find("regions", s)] or [
            e.name for _, e in ctx.gaz.find("regions", nearby)
        ]
        mag = _MAGNITUDE.search(s) or _MAGNITUDE.search(nearby)
        magnitude = float(mag.group(1) or mag.group(2)) if mag else None
        entry = subject_entry(ctx, s)
        if entry is None and ctx.speaker(i):  # "He also expressed sympathy over ..."
            entry = ctx.gaz.get("people", ctx.speaker(i))
        text = english(short(entry) if entry else "", disaster, regions, magnitude)
        parts = Parts(disaster, entry.name if entry else "", tuple(regions))
        yield ctx.fact(KIND, i, disaster, text, number=magnitude, qualifier=", ".join(regions),
                       parts=parts)  # fmt: skip


def english(who: str, disaster: str, regions: list[str], magnitude: float | None) -> str:
    """'Mishustin conveyed sympathies over the magnitude-6.2 earthquake in Gansu'."""
    text = (f"magnitude-{magnitude:g} " if magnitude else "") + disaster
    text += f" in {' and '.join(regions)}" if regions else ""
    return f"{who} conveyed sympathies over the {text}" if who else f"sympathies over the {text}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Мишустин выразил соболезнования в связи с землетрясением магнитудой 6,2 в провинции
    Ганьсу'."""
    where = " и ".join(r.name(x, "loc") for x in p.regions)
    return capital(
        r.fill(
            "condolence",
            who=r.name(p.who),
            disaster=r.name(p.disaster, "ins"),
            magnitude=decimal(f"{f.number:g}") if f.number else "",
            where=where,
        )
    )
