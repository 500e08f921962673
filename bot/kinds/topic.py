"""What the sides discussed, as the article lists it: "The sides also discussed cooperation in
the nuclear industry, aircraft construction and the Primorye-1 transport corridor" (and what
they are to discuss, in an announcement)."""

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

KIND = FactKind("topic")
MENTION = True  # a fact of this kind names what was mentioned: no one's deed
NEEDS = needs({"topics": {"items"}, "topics_planned": {"items"}}, vocabs=["topics"])

_DISCUSS = Pattern(
    r"\b(?P<verb>discussed|discuss|discussing|talked\s+about|touched\s+upon|focus(?:ed)?\s+on|"
    r"with\s+a\s+focus\s+on)\s+(?P<rest>[^.;:]+?)(?=,\s+with\s+a\s+focus|[.;:]|$)",
    re.I,
)
_LEAD = Pattern(r"^(?:(?:the\s+)?(?:prospects\s+(?:of|for)|cooperation|joint\s+projects|projects|"
                r"issues|matters|questions)\s+(?:in|of|on|for)\s+)+", re.I)  # fmt: skip
_MOST = 8  # items a list may give; more is a sentence, not a list


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The items discussed, in English as the article names them, and whether the discussion is
    only planned ("the sides will discuss")."""

    items: tuple[str, ...]
    planned: bool = False


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per sentence that lists what was (or is to be) discussed."""
    for i, s in enumerate(ctx.article.sentences):
        if i in ctx.elsewhere or not re.search(r"[.!?\"”»]$", s):  # not a headline
            continue
        items: list[str] = []
        planned = bool(re.search(r"\b(?:will|are\s+expected\s+to|is\s+expected\s+to|are\s+to|"
                                 r"plan\s+to)\b", s, re.I))  # fmt: skip
        for m in _DISCUSS.finditer(s):
            items += [x for x in split_items(ctx, m.group("rest")) if x not in items]
        if items and len(items) <= _MOST:
            parts = Parts(tuple(items), planned)
            text = english(parts)
            yield ctx.fact(KIND, i, text, text, parts=parts)


def split_items(ctx: Context, text: str) -> list[str]:
    """'cooperation in the nuclear industry, aircraft construction and the Primorye-1 transport
    corridor' -> its items; a quoted phrase is one item; area names keep their "and"."""
    text = text.strip().strip(",")
    quoted = re.match(r"^[\"“«](?P<q>[^\"”»]+)", text)
    if quoted:
        return [quoted.group("q").strip()]
    text = re.split(
        r"\s+(?:with|for|in\s+order|so\s+as|which|that|as\s+well\s+as\s+how)\b"
        r"|,\s+(?:the\s+)?(?:\w+\s+){0,3}(?:said|says|added|reported|noted)\b",
        text,
    )[0]
    text = _LEAD.rx.sub("", text.strip())
    keep: dict[str, str] = {}
    for k, (a, b, _) in enumerate(ctx.gaz.spans("areas", text)):
        if " and " in text[a:b]:
            keep[f"@{k}@"] = text[a:b]
    for key, value in keep.items():
        text = text.replace(value, key, 1)
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if x.strip()]
    out = []
    for item in items:
        for key, value in keep.items():
            item = item.replace(key, value)
        item = re.sub(r"^(?:the|a|an)\s+", "", _LEAD.rx.sub("", item), flags=re.I).strip(' "”')
        if item and len(item.split()) <= 6:
            out.append(item)
    return out


def english(p: Parts) -> str:
    """'nuclear industry, aircraft construction and Primorye-1 transport corridor'."""
    items = list(p.items)
    text = items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"
    return f"to be discussed: {text}" if p.planned else text


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'атомная промышленность, авиастроение и «Primorye-1 transport corridor»'."""
    items = []
    for item in p.items:
        area = r.gaz.find("areas", item)
        if area and area[0][0] == 0 and len(area[0][1].name) >= len(item) - 4:
            items.append(r.plain(area[0][1].name))
        else:
            items.append(r.vocab("topics", item))
    text = items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" и {items[-1]}"
    return r.fill("topics_planned" if p.planned else "topics", items=text)
