"""Who co-chaired what with whom: "the intergovernmental commission on energy cooperation,
co-chaired by Alexander Novak and Ding Xuexiang", "Mishustin and Li Qiang co-chaired the 28th
regular meeting of the heads of government"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, nth, ordinal
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern

KIND = FactKind("cochair")  # number: the ordinal of a regular meeting
NEEDS = needs({"cochair": {"chairs", "body"}, "cochair_n": {"chairs", "n", "body"}},
              vocabs=["bodies"])  # fmt: skip

_BY = Pattern(r"(?P<body>(?:the\s+)?(?:[\w-]+\s+){0,4}(?:commission|committee|council|meeting|"
              r"mechanism)(?:\s+(?:on|for|of)\s+[\w\s-]+?)?),?\s+(?:which\s+is\s+|which\s+was\s+)?"
              r"co-chaired\s+by\s+(?P<chairs>[^.;]+)", re.I)  # fmt: skip
_ACTIVE = Pattern(r"\bco-chair(?:ed|s)?\s+(?:the\s+)?(?P<body>[^,.;]+)", re.I)
_REGULAR = Pattern(r"^(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+regular\s+meeting", re.I)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who co-chaired (canonical names) and what, in English ("intergovernmental commission on
    energy cooperation", "regular meeting of heads of government": its number is the fact's)."""

    chairs: tuple[str, ...]
    body: str


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per co-chaired body a sentence names with its chairs; the two heads of
    government who held a regular meeting co-chaired it."""
    said = False
    for e in ctx.encounters:
        if e.number and "regular meeting" in e.what and e.reported and len(e.who) == 2:
            parts = Parts(tuple(e.who), e.what.split(" ", 1)[1])
            said = True
            yield ctx.fact(KIND, e.idx, english(parts, e.number), english(parts, e.number),
                           number=float(e.number), parts=parts)  # fmt: skip
    for i, s in enumerate(ctx.article.sentences):
        if "co-chair" not in s.lower():
            continue
        spans = ctx.gaz.spans("people", s)
        m = _BY.search(s)
        if m:
            chairs = [e.name for a, _, e in spans if a >= m.start("chairs")]
            body = m.group("body")
        else:
            m = _ACTIVE.search(s)
            if m is None:
                continue
            chairs = [e.name for a, _, e in spans if a < m.start()][-2:]
            body = m.group("body")
            if len(chairs) == 1:  # "he and Li Qiang co-chaired": "he" is the meeting's visitor
                he = re.search(r"\b(?:he|she)\s+and\b", s[: m.start()], re.I)
                other = next((e for e in ctx.encounters if e.idx == i and chairs[0] in e.who), None)
                if he and other:
                    chairs = [n for n in other.who if n != chairs[0]] + chairs
        chairs = list(dict.fromkeys(chairs))
        if len(chairs) < 2:
            continue
        body, number = _body(body)
        if said and number:
            continue  # the regular meeting's encounter gave it
        parts = Parts(tuple(chairs), body)
        text = english(parts, number)
        yield ctx.fact(KIND, i, text, text, number=float(number) if number else None, parts=parts)


def _body(text: str) -> tuple[str, int | None]:
    """('regular meeting of heads of government', 28) from 'the 28th regular meeting of the
    heads of government of Russia and China'."""
    text = " ".join(text.split())
    text = re.sub(r"^.*?\bthe\s+(?=\S+\s+(?:commission|committee|council))", "", text, flags=re.I)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    m = _REGULAR.match(text)
    if m:
        gov = re.search(r"heads\s+of\s+government|prime\s+ministers", text, re.I)
        return "regular meeting" + (" of heads of government" if gov else ""), ordinal(
            m.group("ord"))  # fmt: skip
    return text[:1].lower() + text[1:], None


def english(p: Parts, number: int | None = None) -> str:
    """'Alexander Novak and Ding Xuexiang co-chair the intergovernmental commission on energy
    cooperation'."""
    body = f"{nth(number)} {p.body}" if number else p.body
    chairs = " and ".join(p.chairs) if len(p.chairs) == 2 else ", ".join(p.chairs)
    return f"{chairs} co-chaired the {body}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Новак и Дин Сюэсян — сопредседатели межправительственной комиссии по энергетическому
    сотрудничеству'."""
    chairs = " и ".join(r.name(n) for n in p.chairs)
    body = r.vocab("bodies", p.body)
    if f.number:
        return r.fill("cochair_n", chairs=chairs, n=f"{f.number:g}", body=body)
    return r.fill("cochair", chairs=chairs, body=body)
