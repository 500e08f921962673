"""Invitations: who invited whom, to do what ("Xi invited Putin to visit China for the third Belt
and Road Forum ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import facts
from ..context import Context, short, subject_entry
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..text import relative_year
from . import event

KIND = FactKind("invitation")
NEEDS = needs(
    {
        "invitation": {"host", "guest", "action", "event"},
        "invite_event": {"event", "when"},
        "invitation_passive": {"guest", "action", "event"},
        "invite_visit": {"dest"},
    },
    vocabs=["invite_actions"],
)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Host and guest (canonical names), what the guest is invited to do (visit, attend, come,
    take part), where to (a country) and for which event."""

    guest: str
    host: str = ""
    action: str = ""
    dest: str = ""
    event: event.Parts | None = None


def extract(ctx: Context) -> Iterator[Fact]:
    """Invitations: who invited whom, to what."""
    for i, s in enumerate(ctx.article.sentences):
        for m in re.finditer(r"\binvit(?:ed|es)\s+(?=(?P<rest>[^.;]+))", s):
            # "invited A to visit China and said he has invited B to ...": one fact each.
            rest = re.split(r"\binvit(?:ed|es)\b", m.group("rest"))[0]
            guests = ctx.gaz.find("people", rest)
            if not guests:
                continue
            host_entry = subject_entry(ctx, s, m.start())
            host = short(host_entry) if host_entry else ""
            guest = short(guests[0][1])
            purpose = re.search(
                r"\bto\s+(?P<p>(?:visit|attend|come|take part)[^,;]*?)(?=\s+and said\b|,|$)", rest
            )
            what = f" to {purpose.group('p').strip()}" if purpose else ""
            text = (
                f"{host} invited {guest}{what}"
                if host and host != guest
                else f"{guest} was invited{what}"
            )
            parts = Parts(
                guests[0][1].name, host_entry.name if host_entry and host != guest else ""
            )
            if purpose:
                parts = _purpose(ctx, purpose.group("p").strip(), parts)
            yield ctx.fact(KIND, i, text, text, parts=parts)


def _purpose(ctx: Context, purpose: str, parts: Parts) -> Parts:
    """'visit China for the third Belt and Road Forum ... this year': action, dest and event."""
    m = re.match(r"(?P<verb>visit|attend|come|take part)\b(?:\s+(?:in|to)\b)?\s*(?P<rest>.*)",
                 purpose)  # fmt: skip
    if not m:
        return parts
    dest = ctx.gaz.find("countries", m.group("rest")[:20])
    occasion = None
    for rx, name_of, form in event.EVENTS:
        found = rx.search(m.group("rest"))
        if found and name_of(found):
            year = relative_year(m.group("rest")[found.end() :], ctx.year)
            occasion = event.event_parts(form, found, name_of(found), year=year or None)
            break
    return Parts(parts.guest, parts.host, m.group("verb"),
                 dest[0][1].name if dest and dest[0][0] == 0 else "", occasion)  # fmt: skip


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Си Цзиньпин пригласил Путина посетить Китай (повод — 3-й форум ... , 2023 г.)'."""
    action = ""
    if p.action == "visit" and p.dest:
        action = r.fill("invite_visit", dest=r.name(p.dest, "acc"))
    elif p.action:
        action = r.vocab("invite_actions", p.action)
    occasion = ""
    if p.event:
        occasion = r.fill("invite_event", event=event.russian_name(r, p.event, f.value),
                          when=event.russian_when(r, p.event))  # fmt: skip
    if p.host:
        return capital(r.fill("invitation", host=r.name(p.host), guest=r.name(p.guest, "acc"),
                              action=action, event=occasion))  # fmt: skip
    return capital(
        r.fill("invitation_passive", guest=r.name(p.guest), action=action, event=occasion)
    )
