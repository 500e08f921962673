"""Areas of cooperation: gazetteer areas named in sentences about cooperation ("energy")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern

KIND = FactKind("area")
MENTION = True  # a fact of this kind names what was mentioned: no one's deed
NEEDS = needs()

_COOP = Pattern(r"cooperat|collaborat|partnership|projects?\b|exchanges?\b|joint work|"
                r"\bexpand\b|\bdeepen\b|\bstrengthen\b|\bprioritie?s?\b|\bpriority\b|"
                r"\bdirections\b|\bprospects\b|\bdiscuss|\bfocus\b|\broute\b|\bcorridor\b|"
                r"\bfields such as\b|\bgrowth points\b|\bsectors such as\b|\bjointly develop\b|"
                r"\bsolutions in\b|\bimport more\b|\bexport more\b", re.I)  # fmt: skip
_NOT_AREA = Pattern(r"\b(?:economy|economic)\b(?=.{0,40}\b(?:remain|resilien|potential|growth|"
                    r"development path|social development)\b)", re.I)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """An area is its gazetteer name (the value): no parts."""


def extract(ctx: Context) -> Iterator[Fact]:
    """Each area once, at the first sentence about cooperation that names it."""
    seen: set[str] = set()
    for i, s in enumerate(ctx.article.sentences):
        if not _COOP.search(s):
            continue
        for start, end, entry in ctx.gaz.spans("areas", s):
            if entry.name in seen:
                continue
            if entry.name == "economy and trade" and _NOT_AREA.search(
                s[max(0, start - 5) : end + 60]
            ):
                continue
            seen.add(entry.name)
            yield ctx.fact(KIND, i, entry.name, entry.name, parts=Parts())


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """The gazetteer's Russian name: 'энергетика'."""
    return r.plain(f.value)
