"""Who met, who else was present, and delegations described without names."""

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
from . import delegation

KIND = FactKind("person")  # qualifier: met | present | delegation
NEEDS = needs({"person": {"name", "role"}}, vocabs=["groups", "roles", "titles"])

_TITLED = Pattern(
    r"\b(?:Deputy Prime Minister|Vice Premier|Foreign Minister|Prime Minister|Premier|President|"
    r"Chairman|Minister(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?|Vice President|Ambassador)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})"
)
_PRESENT = Pattern(
    r"\b(?:was|were)\s+(?:also\s+)?present\b|\battended\b|\btook part in\b"
    r"|\btaking\s+part\s+in\s+the\s+(?:meeting|talks|conversation)\b"
    r"|\bparticipated in\b|\b(?:was|were)\s+represented\s+by\b"
    r"|\baccompanied\b|\bwas also at\b|\bjoined the (?:meeting|talks)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?at\s+the\s+(?:table|talks)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?on\s+the\s+(?:Chinese|Russian)\s+side\b",
    re.I,
)
# The speaker was there: "I was present when ...", "I was at the table too", "I sat in the row".
_I_WAS = Pattern(r"\bI\s+(?:was|sat)\b")
# A list's head: "Who is at the table 👇", "Present:"; the lines after it in its paragraph name
# the people there (a live thread's post, a release's list).
_LISTED = Pattern(
    r"^\W*(?:who(?:['’]s|\s+is|\s+was|\s+were)\s+(?:at\s+the\s+table|present|in\s+the\s+room)"
    r"|(?:at\s+the\s+table|present|in\s+attendance|participants)\s*:\s*$)",
    re.I,
)
_DELEGATION = Pattern(
    r"\bbrought\s+(?P<who>.+?)\s+to the (?:meeting|talks)|\bdelegation (?:including|of)\s+"
    r"(?P<who2>[^.;]+)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The person's role ("Premier of China"), when the gazetteer or the text gives one."""

    role: str = ""


def extract(ctx: Context) -> Iterator[Fact]:
    """Who met (the people of the meeting the article reports, as its first meeting sentence
    names them; none for a meeting only planned), who was present."""
    seen: set[str] = set()
    met = set(ctx.main.who if ctx.main is not None else ctx.gaz.principals)
    planned = ctx.main is not None and ctx.main.tense == "future"
    for i in ctx.meeting if not planned else ():
        people = [(n, r) for n, r in _people(ctx, ctx.article.sentences[i]) if n in met]
        if len(people) >= 2:
            for name, role in people[:2]:
                seen.add(name)
                yield ctx.fact(KIND, i, name, english(name, role), qualifier="met",
                               parts=Parts(role))  # fmt: skip
            break
    listed = range(0)
    for i, s in enumerate(ctx.article.sentences):
        if i in ctx.elsewhere:  # about another meeting (recalled, planned, someone else's)
            continue
        if _LISTED.match(s):
            listed = range(i + 1, ctx.article.paragraph(i).stop)
        side = delegation.SIDE.match(s)
        if side or i in listed or (_PRESENT.search(s) and re.search(
                r"meeting|talks|conversation|present|\bside\b|\btable\b", s, re.I)):  # fmt: skip
            found = _people(ctx, s[side.end() :] if side else s)
            speaker = ctx.speaker(i) if _I_WAS.search(s) else ""
            entry = ctx.gaz.get("people", speaker) if speaker else None
            if entry is not None:  # an interviewee's "I was present when ...": there too
                found.append((speaker, str(entry.attr("role") or "")))
            for name, role in found:
                if name not in seen:
                    seen.add(name)
                    yield ctx.fact(KIND, i, name, english(name, role), qualifier="present",
                                   parts=Parts(role))  # fmt: skip
        m = _DELEGATION.search(s)
        if m and not ctx.gaz.find("people", m.group("who") or m.group("who2")):
            who = (m.group("who") or m.group("who2")).strip(" ,")
            yield ctx.fact(KIND, i, who, who, qualifier="delegation", parts=Parts())
    came, idx, planned = delegation.members(ctx)
    for name in came if not planned else ():
        if name not in seen:  # who came along was there
            seen.add(name)
            entry = ctx.gaz.get("people", name)
            role = str(entry.attr("role") or "") if entry else ""
            yield ctx.fact(KIND, idx, name, english(name, role), qualifier="present",
                           parts=Parts(role))  # fmt: skip


def _people(ctx: Context, sentence: str) -> list[tuple[str, str]]:
    """(name, role) of everyone named in ``sentence``: gazetteer people and titled names."""
    found = [(p, e.name, str(e.attr("role") or "")) for p, e in ctx.gaz.find("people", sentence)]
    known = {n.split()[-1] for _, n, _ in found}
    for m in _TITLED.finditer(sentence):
        name = m.group("name")
        if name.split()[-1] not in known and not ctx.gaz.find("places", name):
            title = m.group().rsplit(name, 1)[0].strip()
            found.append((m.start("name"), name, title))
            known.add(name.split()[-1])
    return [(n, r) for _, n, r in sorted(found)]


def english(name: str, role: str) -> str:
    """'Wang Yi (Foreign Minister of China)'."""
    return f"{name} ({role})" if role else name


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Ван И (министр иностранных дел КНР)'; a delegation through the ``groups`` vocabulary."""
    if f.qualifier == "delegation":
        return r.vocab("groups", f.value)
    return r.fill("person", name=r.plain(f.value), role=r.role(p.role) if p.role else "")
