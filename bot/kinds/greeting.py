"""Greetings conveyed: from whom, to whom, through whom ("Mishustin conveyed Putin's greetings
to Xi")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .. import facts
from ..context import Context, short
from ..encounters import Finder, People
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..text import Pattern

KIND = FactKind("greeting")
NEEDS = needs({"greeting_conveyed": {"sender", "via", "to", "greeting"},
               "greeting_own": {"sender", "to", "greeting"},
               "greeting_asked": {"sender", "via", "to", "greeting"}})  # fmt: skip
# How the greetings were worded, in Russian ("warm greetings and best wishes": "тёплое
# приветствие и наилучшие пожелания"); a word not listed is left out
_RU_KIND = {"warm": "тёплое", "warmest": "самое тёплое", "sincere": "искреннее",
            "cordial": "сердечное", "kind": "доброе", "friendly": "дружеское",
            "heartfelt": "сердечное", "best": "наилучшее"}  # fmt: skip

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
    words: str = ""  # as the article words them ("warm greetings and best wishes"), if not
    # plain "greetings"


_CONVEY = Pattern(r"\b(?:convey(?:ed|s|ing)?|pass(?:ed|es)?\s+(?:on|along|back)|pass(?:ed|es)?"
                  r"(?=\s+(?:my|our|his|her)\b)|extend(?:ed|s)?|transmit(?:ted|s)?)\b",
                  re.I)  # fmt: skip
# "asked Mishustin to pass on his greetings", "asked him to pass his regards back to Putin", "...
# conveyed Xi's greetings to Putin and asked Mishustin to pass them on".
_ASKED = Pattern(
    r"\basked\s+(?P<via>.+?)\s+to\s+(?:convey|pass(?:\s+on|\s+along)?|transmit|extend)\s+"
    r"(?P<whose>his|her|them)\b"
)
_PLEASE = Pattern(r"\b(?:please|kindly)\s+(?:convey|pass(?:\s+on|\s+along)?|transmit)\s+"
                  r"(?:my|our)\b", re.I)  # fmt: skip


def extract(ctx: Context) -> Iterator[Fact]:
    """Greetings conveyed: from whom, to whom, through whom (titles and, in someone's own
    words, "me" and "you" count: "allow me to convey greetings from President Putin")."""
    finder = Finder(ctx.gaz, ctx.named)
    for i, s in enumerate(ctx.article.sentences):
        if not _GREETING.search(s) or not _CONVEY.search(s):
            continue
        people = finder.people(s)
        speaker = ctx.speaker(i)
        you = ctx.partner(speaker) if speaker else ""
        please = _PLEASE.search(s)
        if please and speaker:  # "Please convey my sincere greetings to President Putin."
            to = next((n for a, _, n in people if a > please.end() and n != speaker), "")
            if to:
                yield _fact(ctx, i, "asked", speaker, you, to)
            continue
        ask = _ASKED.search(s)
        if ask:
            asking = [n for a, _, n in people if a < ask.start()]
            asked = [n for a, _, n in people if ask.start("via") <= a < ask.end("via")]
            later = [n for a, _, n in people if a >= ask.end() and n not in asked]
            sender = asking[-1] if asking else (ctx.speaker(i) or "")
            to = later[0] if later else ""
            first = _CONVEY.search(s, 0, ask.start())
            if ask.group("whose") == "them" and first:  # "X conveyed Y's greetings to Z and
                sender, to = _sender_to(s[: ask.start()], people, first.start())  # asked ...
                via = next((n for _, _, n in ctx.named(s[: first.start()])), "")  # to pass them on"
                if sender and via and to:
                    yield _fact(ctx, i, "conveyed", sender, via, to)
                continue
            if not asked and re.fullmatch(r"him|her", ask.group("via")) and sender:
                asked = [ctx.partner(sender)]  # "Xi asked him to pass his regards back"
            if sender and asked and asked[0]:
                yield _fact(ctx, i, "asked", sender, asked[0], to)
            continue
        verb = _CONVEY.search(s)
        assert verb is not None
        sender, to = _sender_to(s, people, verb.start())
        via = ""
        subject = [n for a, _, n in people if a < verb.start() and n not in (sender, to)]
        if speaker and re.search(r"\b(?:me|I)\b", s[: verb.start()]):
            via = speaker  # "allow me to convey ...": the speaker (a name before is addressed)
        elif subject:
            via = subject[0]
        if not to and re.search(r"\bto\s+you\b", s) and speaker:
            to = you
        if not to:
            to = next((n for _, _, n in people if n not in (sender, via)), "")
        if not to and via and via != you and you and speaker:
            to = you
        if not via:
            via = next((n for _, _, n in people if n not in (sender, to)), "") or speaker
        if not to and sender and via not in ("", sender) and ctx.principal:
            to = ctx.partner(via)  # "conveyed greetings from Putin": to whom the messenger met
        if not sender and re.search(r"\b(?:his|her|my|our)\s+(?:\w+\s+){0,3}greetings", s):
            sender = via
        if not (sender or to) or not via or len({sender, via, to} - {""}) < 2:
            continue
        form: Form = "own" if sender in ("", via) else "conveyed"
        yield _fact(ctx, i, form, sender or via, via, to)


def _sender_to(s: str, people: People, verb: int) -> tuple[str, str]:
    """(sender, addressee) of the greetings the verb at ``verb`` conveys: "greetings from X" or
    "X's greetings", and "to Y" after the verb."""
    sender = to = ""
    for a, b, name in people:
        if b > len(s):
            break
        before, after = s[max(0, a - 45) : a], s[b : b + 3]
        if re.search(r"\b(?:from|of)\s+(?:[A-Z][\w ]{0,40})?$", before) or after.startswith(
            ("'s", "’s")
        ):
            sender = sender or name
        elif a > verb and re.search(r"\bto\s+(?:[A-Z][\w]*\s+){0,3}$|\bto\s+the\s+"
                                    r"(?:[A-Za-z]+\s+){0,3}$", before):  # fmt: skip
            to = to or name
    return sender, to


def _fact(ctx: Context, i: int, form: Form, sender: str, via: str, to: str) -> Fact:
    """The greeting fact: names canonical in its parts; the display names who acts as a report
    does the second time ("Xi asked") and the others in full ("Vladimir Putin")."""
    found = _WORDS.search(ctx.article.sentences[i])
    words = " ".join(found.group().lower().split()) if found else ""
    if form == "conveyed":
        text = english(form, sender, _short(ctx, via), to, words)
    else:
        text = english(form, _short(ctx, sender), via, to, words)
    return ctx.fact(KIND, i, text, text, parts=Parts(form, sender, via, to, words))


# How the greetings are worded: "warm greetings and best wishes", "sincere greetings".
_WORDS = Pattern(r"\b(?:(?:warm|warmest|sincere|cordial|heartfelt|kind|best)\s+(?:and\s+)?)*"
                 r"(?:greetings|regards)(?:\s+and\s+(?:best|good|warm)\s+wishes)?",
                 re.I)  # fmt: skip


def _short(ctx: Context, name: str) -> str:
    entry = ctx.gaz.get("people", name) if name else None
    return short(entry) if entry else name


def english(form: Form, sender: str, via: str, to: str, words: str = "") -> str:
    """'Xi Jinping asked Mikhail Mishustin to convey sincere greetings to Vladimir Putin',
    'Mikhail Mishustin conveyed Vladimir Putin's warm greetings to Xi Jinping'."""
    words = words or "greetings"
    if form == "asked":
        return f"{sender} asked {via} to convey {words}" + (f" to {to}" if to else "")
    if form == "own":
        return f"{sender} conveyed {words}" + (f" to {to}" if to else "")
    return f"{via} conveyed {sender}'s {words}" + (f" to {to}" if to else "")


def _russian_words(words: str) -> str:
    """ "warm greetings and best wishes" -> "тёплое приветствие и наилучшие пожелания";
    "greetings" -> "приветствие"."""
    low = words.lower()
    kind = next((ru for en, ru in _RU_KIND.items() if re.search(rf"\b{en}\s+greetings", low)), "")
    text = f"{kind} приветствие" if kind else "приветствие"
    if "best wishes" in low or "good wishes" in low:
        text += " и наилучшие пожелания"
    return text


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Мишустин передал Си Цзиньпину тёплое приветствие и наилучшие пожелания от Путина'."""
    greeting = _russian_words(p.words)
    if p.form == "asked":
        text = r.fill("greeting_asked", sender=r.name(p.sender), via=r.name(p.via, "acc"),
                      to=r.name(p.to, "dat"), greeting=greeting)  # fmt: skip
    elif p.form == "own":
        text = r.fill("greeting_own", sender=r.name(p.sender), to=r.name(p.to, "dat"),
                      greeting=greeting)  # fmt: skip
    else:
        text = r.fill("greeting_conveyed", sender=r.name(p.sender, "gen"), via=r.name(p.via),
                      to=r.name(p.to, "dat"), greeting=greeting)  # fmt: skip
    return capital(text)
