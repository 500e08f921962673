"""Who someone an article introduces is: a person the gazetteer lacks, named with an office or
with what they do ("said RCTPA Chairman Oleg Barsukov", "Russia's Ambassador to China Andrei
Terekhin", "Gao Feiran, a professor at ... Jilin University"), as the article says it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import INTRODUCED, Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..lazyre import lazy_re
from ..russian import Russian, quoted

KIND = FactKind("role")  # value: the person's name
NEEDS = needs({"role": {"name", "role"}}, vocabs=["titles"])
NAMED = True  # "who is X" names X
# A role that says something: of what, to where, at what ("Chairman of RCTPA", "Ambassador to
# China", "a professor at ... Jilin University"); a bare "President" of a review's many leaders
# says nothing of who they are.
_SAYS = lazy_re(r"\b(?:of|to|at|for|with)\b|^an?\s")


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """What the person is, in the article's words ("Chairman of RCTPA")."""

    role: str


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per person the article introduces, at the first sentence that names them."""
    seen: set[str] = set()
    for i, s in enumerate(ctx.article.sentences):
        for _, _, entry in ctx.gaz.spans("people", s):
            role = str(entry.attr("role") or "")
            if entry.name in seen or not _SAYS.search(role) or not entry.attr(INTRODUCED):
                continue
            seen.add(entry.name)
            yield ctx.fact(KIND, i, entry.name, english(entry.name, role), year=None,
                           parts=Parts(role))  # fmt: skip


def english(name: str, role: str) -> str:
    """'Oleg Barsukov: Chairman of RCTPA'."""
    return f"{name}: {role}"


def agent(f: Fact) -> str:
    """Whom the fact is about."""
    return f.value


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'«Oleg Barsukov» — председатель «RCTPA»': a person the gazetteer lacks keeps the name
    the article writes, and a description the titles cannot say ("a researcher at the Institute
    of Eastern Studies") its words, quoted (no glossary term is missing: none could be there)."""
    before = len(r.missing)
    role = r.role(p.role)
    if len(r.missing) > before:
        del r.missing[before:]
        role = quoted(p.role)
    return r.fill("role", name=quoted(f.value), role=role)
