"""Greetings conveyed: from whom, to whom, through whom ("Mishustin conveyed Putin's greetings
to Xi")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .. import facts
from ..context import Context, short, subject
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..text import Pattern

KIND = FactKind("greeting")
NEEDS = needs({"greeting_conveyed": {"sender", "via", "to"}, "greeting_own": {"sender", "to"},
               "greeting_asked": {"sender", "via", "to"}})  # fmt: skip

_GREETING = Pattern(r"greetings|best wishes|regards", re.I)
Form = Literal["asked", "own", "conveyed"]


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who sent the greetings, who passed them on and to whom (canonical names); ``form`` says
    whether the messenger was asked to, sent their own, or conveyed someone else's."""

    form: Form
    sender: str = ""
    via: str = ""
    to: str = ""


def extract(ctx: Context) -> Iterator[Fact]:
    """Greetings conveyed: from whom, to whom, through whom."""
    for i, s in enumerate(ctx.article.sentences):
        if not _GREETING.search(s) or not re.search(
            r"\bconvey|\bpass(?:ed)? on\b|\bextend", s, re.I
        ):
            continue
        spans = ctx.gaz.spans("people", s)
        names = list(dict.fromkeys(short(e) for _, _, e in spans))
        canon = {short(e): e.name for _, _, e in spans}
        if len(names) < 2:
            continue
        ask = re.search(r"\basked\s+(?P<via>.+?)\s+to\s+convey\s+(?:his|her)\b", s)
        if ask:
            sender = subject(ctx, s, ask.start()) or names[0]
            rest = [n for n in names if n != sender]
            via, to = rest[0], (rest[1] if len(rest) > 1 else "")
            text = english("asked", sender, via, to)
            yield ctx.fact(KIND, i, text, text, parts=_parts("asked", canon, sender, via, to))
            continue
        sender = to = ""
        for start, end, e in spans:
            before, after = s[max(0, start - 30) : start], s[end : end + 3]
            if re.search(r"\b(?:from|of)\s+(?:[A-Z][\w ]{0,25})?$", before) or after.startswith(
                ("'s", "’s")
            ):
                sender = sender or short(e)
            elif re.search(r"greetings.{0,40}\bto\s+(?:[A-Z]\w+\s+){0,3}$", before):
                to = to or short(e)
        said = re.search(r"\b(?P<who>[A-Z]\w+)\s+said\b", s)
        via = said.group("who") if said and said.group("who") in names else names[0]
        rest = [n for n in names if n not in (sender, via)]
        if not sender and rest:
            sender = rest.pop(0) if not re.search(r"\bhis\b|\bher\b", s) else via
        to = to or next((n for n in names if n not in (sender, via)), "")
        form: Form = "own" if sender == via else "conveyed"
        text = english(form, sender, via, to)
        yield ctx.fact(KIND, i, text, text, parts=_parts(form, canon, sender, via, to))


def english(form: Form, sender: str, via: str, to: str) -> str:
    """'Xi asked Mishustin to convey greetings to Putin', 'Mishustin conveyed Putin's greetings
    to Xi' (names as the report writes them the second time)."""
    if form == "asked":
        return f"{sender} asked {via} to convey greetings" + (f" to {to}" if to else "")
    if form == "own":
        return f"{sender} conveyed greetings" + (f" to {to}" if to else "")
    return f"{via} conveyed {sender}'s greetings" + (f" to {to}" if to else "")


def _parts(form: Form, canon: dict[str, str], sender: str, via: str, to: str) -> Parts:
    """The canonical names of sender, messenger and addressee."""
    return Parts(form, canon.get(sender, sender), canon.get(via, via), canon.get(to, to))


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Мишустин передал Си Цзиньпину приветствие от Путина'."""
    if p.form == "asked":
        text = r.fill("greeting_asked", sender=r.name(p.sender), via=r.name(p.via, "acc"),
                      to=r.name(p.to, "dat"))  # fmt: skip
    elif p.form == "own":
        text = r.fill("greeting_own", sender=r.name(p.sender), to=r.name(p.to, "dat"))
    else:
        text = r.fill("greeting_conveyed", sender=r.name(p.sender, "gen"), via=r.name(p.via),
                      to=r.name(p.to, "dat"))  # fmt: skip
    return capital(text)
