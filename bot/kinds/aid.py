"""Offers of aid after a disaster the article mourns ("Russia is ready to provide assistance")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, short, subject_entry
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..text import Pattern
from . import condolence

KIND = FactKind("aid")
NEEDS = needs({"aid": {"who", "ready", "offer", "condition"}, "aid_plain": {"who"}},
              vocabs=["aid_offers", "aid_conditions"], words=["ready_m", "ready_f"])  # fmt: skip

_AID = Pattern(r"\b(?:ready|willing|prepared|stands ready|offer(?:ed|s)?)\b[^.]{0,60}\b(?:aid|"
               r"assistance|help|rescue teams|relief|supplies|support)\b", re.I)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who offers (a country or a person, canonical), what ("provide assistance") and on what
    condition ("if needed"), in English."""

    who: str = ""
    offer: str = ""
    condition: str = ""


def extract(ctx: Context) -> Iterator[Fact]:
    """The first offer of aid, in an article that expresses condolences over a disaster."""
    if next(condolence.extract(ctx), None) is None:
        return
    for i, s in enumerate(ctx.article.sentences):
        m = _AID.search(s)
        if m and re.search(r"disaster|earthquake|relief|rescue|flood|need", s, re.I):
            countries = [e.name for _, e in ctx.gaz.find("countries", s[: m.start() + 1])]
            entry = subject_entry(ctx, s)
            who = countries[0] if countries else (short(entry) if entry else "")
            what = re.search(r"\b(?:ready|willing|prepared)\s+to\s+(?P<w>[^.;,]+)", s)
            offer = f"ready to {what.group('w').strip()}" if what else "offered aid"
            text = f"{who} is {offer}" if who else offer[0].upper() + offer[1:]
            parts = Parts(countries[0] if countries else (entry.name if entry else ""))
            if what:
                w = what.group("w").strip()
                cond = re.search(r"\s+(?:if|should|in response to|when|in case)\b", w)
                parts = Parts(parts.who, w[: cond.start()] if cond else w,
                              w[cond.start() :].strip() if cond else "")  # fmt: skip
            yield ctx.fact(KIND, i, "aid offered", text, parts=parts)
            break


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Россия готова оказать необходимую помощь'."""
    if not p.offer:
        return capital(r.fill("aid_plain", who=r.name(p.who)))
    ready = r.word("ready_f" if r.female(p.who) else "ready_m")
    return capital(
        r.fill(
            "aid",
            who=r.name(p.who),
            ready=ready,
            offer=r.vocab("aid_offers", p.offer),
            condition=r.vocab("aid_conditions", p.condition),
        )
    )
