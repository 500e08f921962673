"""Who came along with a visiting leader: "The Russian delegation included Deputy Prime Ministers
Dmitry Chernyshenko and Alexei Overchuk", "My colleagues ... are here with me", "will include"
(a planned delegation), and the visitor's deputy prime ministers at the talks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..gazetteer import Entry
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern

KIND = FactKind("delegation")
NEEDS = needs({"delegation": {"people"}, "delegation_planned": {"people"},
               "person": {"name", "role"}}, vocabs=["roles", "titles"])  # fmt: skip

_GROUP = Pattern(
    r"\bdelegation\b[^.;:]{0,40}?\b(?P<verb>will\s+include|includes|included|including|include|"
    r"are|were|is|was|consists?\s+of|consisted\s+of|comprised)\b"
    r"|\b(?:(?:are|were|is|was)\s+(?:here\s+)?with\s+me|with\s+me\s+(?:are|is|were|was)|"
    r"came\s+(?:along\s+)?with|accompanied\s+by|(?P<rel>,\s*who\s+(?:is|was)\s+accompanying)|"
    r"(?:will\s+be\s+)?accompanied|arrived\s+with|brought\s+along|travel(?:l?ing|s)?\s+with)\b"
    r"|\b(?P<member>(?:are|were|is|was|will\s+be)\s+(?:also\s+)?(?:in|part\s+of|members?\s+of)\s+"
    r"the\s+(?:Russian\s+|Chinese\s+)?delegation)\b"  # "Deputy PMs ... are in the delegation"
    # "He has brought a heavyweight delegation with him: Deputy Prime Ministers ..."
    r"|\bbr(?:ought|ings?|inging)\s+(?:an?\s+|his\s+)?(?:[\w-]+\s+){0,2}delegation\b",
    re.I,
)
# A live blog's or a pool report's list of who sat at the table, side by side: "Around the table
# with Xi: Wang Yi.", "With Mishustin: Deputy PM Dmitry Chernyshenko and ...", "On the Russian
# side: ...".
SIDE = Pattern(
    r"^\W*(?:\d{1,2}[:.]\d\d\s*[-–—|]\s*)?(?:(?:(?:around|at)\s+the\s+table\s+)?with\s+"
    r"(?P<who>[A-Z][^:]{1,40}?)|(?:(?:taking\s+part|participating|present)(?:\s+in\s+the\s+"
    r"(?:meeting|talks|conversation))?\s+)?on\s+the\s+(?P<side>Chinese|Russian)\s+side)\s*:\s*"
    r"(?=\S)",
    re.I,
)
# "will include", "is expected to include", "is set to comprise": a delegation announced.
_PLANNED = Pattern(r"\b(?:will|(?:is|are)\s+(?:expected|scheduled|due|set)\s+to)\s+(?:include|"
                   r"comprise|consist)\b", re.I)  # fmt: skip
_PRESENT = Pattern(r"\b(?:took part in|attended|participated in|(?:was|were)\s+(?:also\s+)?present"
                   r"|(?:was|were)\s+(?:also\s+)?attended\s+by)\b", re.I)  # fmt: skip
# The visitor's side named as such: "Taking part in the meeting on the Russian side were ...".
_SIDE_WERE = Pattern(r"\bon\s+the\s+(?P<side>Chinese|Russian)\s+side\s+(?:was|were)\b")
_SIDES = {"Chinese": "China", "Russian": "Russia"}
_DEPUTY = Pattern(r"^(?:First\s+)?(?:Deputy\s+Prime\s+Minister|Vice\s+Premier)\s+of\s+(?P<c>\w+)")


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The people who came along (canonical names), and whether the delegation is only planned
    ("will include")."""

    people: tuple[str, ...]
    planned: bool = False


def members(ctx: Context) -> tuple[list[str], int, bool]:
    """(people, sentence, planned) of the delegation the article names for its meeting."""
    people: list[str] = []
    first, planned = -1, False
    country = _meeting_country(ctx)
    for i, s in enumerate(ctx.article.sentences):
        if i in ctx.elsewhere:
            continue
        m = _GROUP.search(s)
        found: list[str] = []
        if m:
            named = ctx.gaz.spans("people", s)
            if m.group("member"):  # the people named before it
                after = [e for a, _, e in named if a < m.start()]
            elif m.group("rel"):  # "..., who is accompanying Mishustin": the one named before
                after = [e for a, _, e in named if a < m.start()][-1:]
            else:
                after = [e for a, _, e in named if a >= m.start() - (0 if "delegation" in
                         m.group().lower() else 200)]  # fmt: skip
            found = [e.name for e in after if e.name not in ctx.gaz.principals]
            if re.search(r"\bwill\b", m.group(), re.I) or _PLANNED.search(s):
                planned = True
        elif (side := SIDE.match(s)) and side.group("who") and country:
            # "With Mishustin: Deputy PM Dmitry Chernyshenko and ...": the visitor's side
            lead = [e for _, e in ctx.gaz.find("people", side.group("who"))]
            if lead and lead[0].name in ctx.gaz.principals and _country(lead[0]) != country:
                # an ambassador sits with the visitor but lives there: present, not come along
                found = [e.name for a, _, e in ctx.gaz.spans("people", s) if a >= side.end()
                         and e.name not in ctx.gaz.principals
                         and not str(e.attr("role") or "").startswith("Ambassador")]  # fmt: skip
        elif (side := _SIDE_WERE.search(s)) and country and _SIDES[side.group("side")] != country:
            # "Taking part on the Russian side were ...": the visitor's side, all of it
            found = [e.name for a, _, e in ctx.gaz.spans("people", s) if a >= side.end()
                     and e.name not in ctx.gaz.principals
                     and not str(e.attr("role") or "").startswith("Ambassador")]  # fmt: skip
        elif _PRESENT.search(s) and country:
            for _, _, e in ctx.gaz.spans("people", s):
                role = _DEPUTY.match(str(e.attr("role") or ""))
                if role and role.group("c") != country and e.name not in ctx.gaz.principals:
                    found.append(e.name)
        if found and first < 0:
            first = i
        people += [p for p in found if p not in people]
    return people, first, planned


def _country(entry: Entry) -> str:
    """The country of a person's office ("Prime Minister of Russia": Russia)."""
    return str(entry.attr("role") or "").rpartition(" of ")[2]


def _meeting_country(ctx: Context) -> str:
    """The country the meeting was in (its deputy prime ministers are the hosts')."""
    entry = ctx.gaz.get("places", ctx.place) if ctx.place else None
    return str(entry.attr("country") or "") if entry else ctx.country


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact: the people who came along with the visitor (or are to)."""
    people, idx, planned = members(ctx)
    if not people:
        return
    parts = Parts(tuple(people), planned)
    text = english(ctx, parts)
    yield ctx.fact(KIND, idx, ", ".join(people), text, parts=parts)


def english(ctx: Context, p: Parts) -> str:
    """'Alexander Novak, Dmitry Chernyshenko and Alexei Overchuk (Deputy Prime Ministers of
    Russia)'; a planned one says so."""
    roles = [str(e.attr("role") or "") if (e := ctx.gaz.get("people", n)) else "" for n in p.people]
    if len(set(roles)) == 1 and roles[0]:
        role = _plural(roles[0]) if len(p.people) > 1 else roles[0]
        text = _join(list(p.people)) + f" ({role})"
    else:
        text = _join([f"{n} ({r})" if r else n for n, r in zip(p.people, roles, strict=True)])
    return f"to come along: {text}" if p.planned else f"came along: {text}"


def _plural(role: str) -> str:
    """'Deputy Prime Minister of Russia' -> 'Deputy Prime Ministers of Russia' for two or more."""
    return re.sub(r"^((?:First )?Deputy Prime Minister|Vice Premier|Minister|Ambassador)\b",
                  r"\1s", role)  # fmt: skip


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Новак (вице-премьер России), Чернышенко (вице-премьер России) и Оверчук (...)'."""
    items = []
    for name in p.people:
        entry = r.gaz.get("people", name)
        role = str(entry.attr("role") or "") if entry else ""
        items.append(r.fill("person", name=r.plain(name), role=r.role(role) if role else ""))
    people = items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" и {items[-1]}"
    return r.fill("delegation_planned" if p.planned else "delegation", people=people)
