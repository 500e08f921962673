"""Why the leaders met: a state or official visit under way, the N-th regular meeting of the
heads of government, or an event on whose sidelines they met ("on the sidelines of the ninth
China International Import Expo")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .. import facts
from ..context import Context, nth, ordinal, sentence_date, subject_entry
from ..facts import Fact, FactKind
from ..gazetteer import Entry
from ..glossary import needs
from ..russian import Russian
from ..text import Pattern, format_date
from .event import EVENTS

KIND = FactKind("occasion")  # qualifier: the kind of visit (state, official ...) | regular meeting
NEEDS = needs({"visit": {"length", "kind", "by", "to"}, "regular_meeting": {"n", "held"},
               "sidelines": {"event", "n"}, "attending": {"event", "n"}},
              vocabs=["visit_kinds", "visit_lengths", "event_names"])  # fmt: skip

_VISIT = Pattern(
    r"\b(?:is|are|was|were|been|being|arrived(?:\s+in\s+[A-Z][a-z]+)?(?:\s+on\s+[A-Z][a-z]+\s+"
    r"\d{1,2})?|(?:will\s+)?travel(?:s|led)?\s+to\s+(?:the\s+)?(?:(?:[A-Z][\w'’]*|of)\s+){0,5}"
    r"[A-Z][\w'’]*)\s+(?:currently\s+|here\s+|there\s+|now\s+)?(?:in\s+(?P<in>[A-Z][a-z]+)\s+)?"
    r"(?:on|for)\s+an?\s+"
    r"(?:(?P<len>[\w]+-day)\s+)?"
    r"(?P<kind>state|official|working|friendly|official goodwill)"
    r"\s+visit(?:\s+to\s+(?P<to>[A-Z][a-z]+))?"
    r"|\bpaying\s+an?\s+(?:(?P<len2>[\w]+-day)\s+)?(?P<kind2>state|official|working)\s+visit"
    r"(?:\s+to\s+(?P<to2>[A-Z][a-z]+))?"
    r"|\b(?:his|her|the\s+[A-Z][\w ]{2,20}?['’]s|[A-Z]\w+['’]s|in\s+frame\s+of|as\s+part\s+of|"
    r"day\s+of\s+an?)\s+"  # ("on the second day of a three-day state visit")
    r"(?:(?P<len3>[\w]+-day)\s+)?(?P<kind3>state|official|working)\s+visit"
    r"(?:\s+(?:of\s+[\w ]{3,30}?\s+)?to\s+(?P<to3>[A-Z][a-z]+))?",
    re.I,
)
_TO_COUNTRY = Pattern(r"\s+visit\s+to\s+(?:the\s+)?(?P<c>People['’]s\s+Republic\s+of\s+China|"
                      r"Russian\s+Federation|China|Russia)\b", re.I)  # fmt: skip
# "on the sidelines of the ninth China International Import Expo", "on the margins of the SCO
# summit": the event is one ``event.EVENTS`` names, right after it.
_SIDELINES = Pattern(r"\b(?:on|at)\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+)?"
                     r"(?:(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+th|first|second|third)\s+)?",
                     re.I)  # fmt: skip
# "Mishustin, who came to China to attend the Boao Forum for Asia", "who is in Shanghai for the
# seventh China International Import Expo": the event the guest came for, right after it.
_ATTENDING = Pattern(r"\bwho\s+(?:came|has\s+come|arrived|travell?ed|is|was)\s+(?:to|in)\s+"
                     r"(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*\s+(?:to\s+attend|for)\s+"
                     r"(?:the\s+)?(?:(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+th|first|second|third)\s+)?",
                     re.I)  # fmt: skip
_REGULAR = Pattern(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+regular meeting(?:s)?\s+(?:between|of)\s+"
    r"(?:the\s+)?(?:Russian and Chinese\s+|Chinese and Russian\s+)?heads of (?:government|state)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """A visit (how long, by whom, to which country; canonical names) or a regular meeting
    (when it was held, ISO); its number is the fact's ``number``."""

    form: Literal["visit", "regular meeting", "sidelines", "attending"]
    length: str = ""  # "three-day"
    by: str = ""
    to: str = ""
    held: str = ""
    event: str = ""  # on whose sidelines they met: "China International Import Expo"


def extract(ctx: Context) -> Iterator[Fact]:
    """State/official visits under way and the N-th regular meeting of heads of government."""
    for i, s in enumerate(ctx.article.sentences):
        if i in ctx.elsewhere:  # another meeting's visit ("during Xi's state visit" in March)
            continue
        m = _VISIT.search(s)
        if m:
            kind = (m.group("kind") or m.group("kind2") or m.group("kind3")).lower()
            length = m.group("len") or m.group("len2") or m.group("len3")
            where = m.group("to") or m.group("to2") or m.group("to3") or m.group("in")
            owner = re.match(r"(?:the\s+)?([A-Z][\w ]{1,20}?)['’]s\s", m.group())
            found = ctx.gaz.find("people", owner.group(1)) if owner else []
            # "during Xi's three-day state visit": the possessor's visit
            who = found[0][1] if found else subject_entry(ctx, s, m.start())
            if m.group().startswith("day of") and (guest := _guest(ctx, s[: m.start()])):
                who = guest  # "X met Y in Moscow, on the second day of a state visit": the
                # one who came from the other country
            country = ctx.gaz.find("countries", where) if where else []
            if not country:  # "visit to the People's Republic of China": the country after it
                group = next(g for g in ("kind", "kind2", "kind3") if m.group(g))
                tail = _TO_COUNTRY.match(s, m.end(group))
                country = ctx.gaz.find("countries", tail.group("c")) if tail else []
                where = country[0][1].name if country else ""
            parts = Parts("visit", length or "", who.name if who else "",
                          country[0][1].name if country else "")  # fmt: skip
            text = english_visit(kind, length or "", where or "", who.name if who else "")
            yield ctx.fact(KIND, i, f"{kind} visit", text, qualifier=kind, parts=parts)
        if i in ctx.meeting:
            yield from _sidelines(ctx, i, s)
        r = _REGULAR.search(s)
        if r:
            n = ordinal(r.group("ord"))
            if n:
                held = _held(ctx, i, n) or sentence_date(ctx, s)
                label = english_regular(n)
                display = label + (f" (held {format_date(held)})" if held else "")
                parts = Parts("regular meeting", held=held.isoformat() if held else "")
                yield ctx.fact(KIND, i, label, display, number=float(n),
                               qualifier="regular meeting", parts=parts)  # fmt: skip


def _guest(ctx: Context, before: str) -> Entry | None:
    """Of the people ``before`` names, the one whose office is of another country than the
    meeting's place, when there is exactly one."""
    place = ctx.gaz.get("places", ctx.place or "")
    home = str(place.attr("country") or "") if place else ""
    if not home:
        return None
    abroad = " of China" if home == "Russia" else " of Russia"
    guests = [e for _, e in ctx.gaz.find("people", before)
              if str(e.attr("role") or "").endswith(abroad)]  # fmt: skip
    return guests[0] if len({e.name for e in guests}) == 1 else None


def _held(ctx: Context, i: int, n: int) -> date | None:
    """The day the encounters give the N-th regular meeting that sentence ``i`` names ("a day
    after Mishustin and Li Qiang co-chaired the 33rd regular meeting": the day before the
    sentence's), else None."""
    days = [e.when for e in ctx.encounters if e.number == n and len(e.when) == 10]
    own = [e.when for e in ctx.encounters if e.number == n and len(e.when) == 10
           and i in e.sentences]  # fmt: skip
    return date.fromisoformat((own or days)[0]) if own or days else None


def _sidelines(ctx: Context, i: int, s: str) -> Iterator[Fact]:
    """The event on whose sidelines the meeting of sentence ``i`` took place, or the one the
    guest came to attend."""
    ways: tuple[tuple[Pattern, Literal["sidelines", "attending"], str], ...] = (
        (_SIDELINES, "sidelines", "on the sidelines of the"),
        (_ATTENDING, "attending", "to attend the"),
    )
    for rx, form, lead in ways:
        m = rx.search(s)
        if not m:
            continue
        for events, name_of, named in EVENTS:
            e = events.match(s, m.end())
            if e and named == "named" and name_of(e):
                n = ordinal(m.group("ord")) if m.group("ord") else None
                event = name_of(e)
                text = f"{lead} {nth(n) + ' ' if n else ''}{event}"
                yield ctx.fact(KIND, i, f"{form}: {event}", text,
                               number=float(n) if n else None, qualifier=form,
                               parts=Parts(form, event=event))  # fmt: skip
                return


def english_visit(kind: str, length: str, where: str, by: str) -> str:
    """'three-day state visit to Russia by Xi Jinping'."""
    text = " ".join(x for x in (length, kind, "visit") if x)
    text += f" to {where}" if where else ""
    return text + (f" by {by}" if by else "")


def english_regular(n: int) -> str:
    """'28th regular meeting between the heads of government'."""
    return f"{nth(n)} regular meeting between the heads of government"


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'трёхдневный государственный визит Си Цзиньпина в Россию', '28-я регулярная встреча ...'."""
    if p.form in ("sidelines", "attending"):
        event = r.vocab("event_names", p.event)  # (a name the glossary lacks comes quoted)
        return r.fill(p.form, event=event if event.startswith("«") else f"«{event}»",
                      n=f"{f.number:g}" if f.number else "")  # fmt: skip
    if p.form == "regular meeting":
        return r.fill(
            "regular_meeting",
            n=f"{f.number:g}" if f.number else "",
            held=format_date(date.fromisoformat(p.held), "ru") if p.held else "",
        )
    return r.fill("visit", length=r.vocab("visit_lengths", p.length),
                  kind=r.vocab("visit_kinds", f.qualifier), by=r.name(p.by, "gen"),
                  to=r.name(p.to, "acc"))  # fmt: skip
