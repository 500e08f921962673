"""Named initiatives ("the Belt and Road Initiative") and the synergy of one with a union."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .. import facts
from ..context import Context, named_facts
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern

KIND = FactKind("initiative")
MENTION = True  # a fact of this kind names what was mentioned: no one's deed
NEEDS = needs({"synergy": {"a", "b"}})

_SYNERGY = Pattern(r"synergi[sz]|synergy|align|dock|coupl|integrat|link(?:ing)? up", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """A named initiative is its gazetteer name (the value); a synergy names the initiative
    ``a`` and the union ``b`` it is aligned with (canonical names)."""

    form: Literal["named", "synergy"] = "named"
    a: str = ""
    b: str = ""


def extract(ctx: Context) -> Iterator[Fact]:
    """Named initiatives, and the synergy of the Belt and Road with the Eurasian Economic Union."""
    yield from named_facts(ctx, "initiatives", KIND, Parts())
    for i, s in enumerate(ctx.article.sentences):
        inits = ctx.gaz.find("initiatives", s)
        orgs = [e for _, e in ctx.gaz.find("organisations", s) if "Union" in e.name]
        if inits and orgs and _SYNERGY.search(s):
            a, b = inits[0][1].name, orgs[0].name
            yield ctx.fact(KIND, i, f"synergy: {a} + {b}", english_synergy(a, b),
                           parts=Parts("synergy", a, b))  # fmt: skip


def english_synergy(a: str, b: str) -> str:
    """'synergy of the Belt and Road Initiative with the Eurasian Economic Union'."""
    return f"synergy of the {a} with the {b}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'сопряжение инициативы «Пояс и путь» с Евразийским экономическим союзом'."""
    if p.form == "synergy":
        return r.fill("synergy", a=r.name(p.a, "gen"), b=r.name(p.b, "ins"))
    return r.plain(f.value)
