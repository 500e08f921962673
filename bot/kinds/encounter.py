"""Other meetings an article mentions: who met whom, at what ("the 29th regular meeting of heads
of government", talks), when and where, held, planned or recalled; never a meeting of the table
(``bot.encounters`` finds them). The one an article without a meeting of the principals is about
(a premiers' meeting, an announced meeting) is its ``main`` encounter: its facts belong to it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .. import facts
from ..context import REPORT, Context
from ..encounters import SPECULATIVE, when_mentions
from ..facts import ENCOUNTER, MAIN, Fact
from ..glossary import needs
from ..russian import Russian, capital
from ..text import MONTH_NAMES, Pattern, format_date

KIND = ENCOUNTER  # number: the ordinal of a regular meeting; qualifier: main | planned | recalled
DATED = True  # its facts give their own time (the other meeting's day)
NEEDS = needs(
    {"encounter": {"what", "who", "when", "place", "status"}, "regular_meeting_n": {"n", "what"},
     "month_year": {"month", "year"}, "year": {"year"}, "announced": {"date"},
     "report": {"date"}},
    vocabs=["encounter_what", "months", "daytimes"], words=["planned", "planned_visit", "recalled"],
)  # fmt: skip
Status = Literal["held", "planned", "recalled"]


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who met (canonical names), at what (meeting, talks, informal meeting, regular meeting of
    heads of government: its number is the fact's ``number``), when (ISO date, "YYYY-MM" or
    "YYYY"), where, and whether it was held, is planned (announced on ``announced``) or is an
    earlier one recalled."""

    who: tuple[str, ...]
    what: str = "meeting"
    when: str = ""
    weekday: str = ""
    place: str = ""
    country: str = ""
    venue: str = ""
    daytime: str = ""
    status: Status = "held"
    announced: str = ""
    main: bool = False


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per encounter the article mentions, but the principals' meeting it reports."""
    announced = ctx.ref.isoformat() if ctx.ref else ""
    for e in ctx.encounters:
        main = ctx.main is not None and e is ctx.main
        if (e.principal and e.reported and not main) or e.count:
            continue
        status: Status = "planned" if e.tense == "future" else "recalled" if e.recall else "held"
        what = e.what.split(" ", 1)[1] if e.number else e.what
        when, place, venue = e.when, e.place, e.venue
        if main:  # what the article's context worked out for it (a page's date, a venue)
            when = when if len(when) == 10 or not ctx.meeting_date else ctx.meeting_date.isoformat()
            place, venue = place or ctx.place or "", venue or ctx.venue
        parts = Parts(e.who, what, when, e.weekday, place, e.country, venue, e.daytime,
                      status, announced if status == "planned" else "", main)  # fmt: skip
        text = english(parts, e.number)
        key = (
            text.split(", ", 1)[0] if not parts.when and not parts.place else _key(parts, e.number)
        )
        year = int(when[:4]) if when else None
        qualifier = MAIN if main else "" if status == "held" else status
        idx = e.idx if not main else (ctx.meeting[0] if ctx.meeting else e.idx)
        yield ctx.fact(KIND, idx, key, text, year=year, qualifier=qualifier,
                       number=float(e.number) if e.number else None, parts=parts)  # fmt: skip
        for other in e.sentences:  # every sentence that mentions it gives the fact
            if other != idx and not main:
                yield ctx.fact(KIND, other, key, text, year=year, qualifier=qualifier,
                               number=float(e.number) if e.number else None,
                               parts=parts)  # fmt: skip
    yield from _solo_visits(ctx)


# A principal's own visit an article announces: "Mishustin is scheduled to visit Harbin in May
# 2031", "Xi is expected to travel to Russia next year" (whom he will meet it does not say)
_SOLO_VISIT = Pattern(
    r"^\W*(?:[A-Z][\w'’-]*\s+){0,4}?(?P<who>[A-Z][\w'’-]+)\s+(?:is|was)\s+(?:also\s+)?"
    r"(?:scheduled|expected|due|set|planning|slated)\s+to\s+(?:visit|travel\s+to|go\s+to|"
    r"pay\s+(?:an?\s+)?(?:official\s+|state\s+|working\s+)?visit\s+to)\s+(?P<rest>[^.;]+)"
)


def _solo_visits(ctx: Context) -> Iterator[Fact]:
    """The principals' own visits an article announces, one planned encounter each."""
    # (the day it was announced: the article's own date, when it has one)
    announced = ctx.article.published.isoformat() if ctx.article.published else ""
    for i, s in enumerate(ctx.article.sentences):
        m = _SOLO_VISIT.search(s)
        if m is None or SPECULATIVE.search(s):  # (a guess is no plan)
            continue
        who = [n for a, _, n in ctx.named(s[: m.end("who")]) if a >= m.start("who") - 40]
        if not who or who[-1] not in ctx.gaz.principals:
            continue
        rest = m.group("rest")
        places = ctx.gaz.find("places", rest)
        countries = ctx.gaz.find("countries", rest)
        if not places and not countries:
            continue
        # (a day, a month or a year, whichever the sentence gives first)
        when = next((w for _, w, _ in when_mentions(rest, ctx.ref, future=True)), "")
        place = places[0][1].name if places else ""
        country = str(places[0][1].attr("country")) if places else countries[0][1].name
        parts = Parts((who[-1],), "visit", when, "", place, country, "", "", "planned",
                      announced)  # fmt: skip
        text = english(parts)
        year = int(when[:4]) if when else None
        yield ctx.fact(KIND, i, _key(parts, None), text, year=year, qualifier="planned",
                       parts=parts)  # fmt: skip


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _key(p: Parts, number: int | None) -> str:
    """What and who, without when and where: '29th regular meeting of heads of government: Li
    Qiang and Mikhail Mishustin' (the value; a group of facts is labelled with it)."""
    return english(Parts(p.who, p.what, status=p.status, announced=p.announced), number)


def when_english(when: str, weekday: str = "") -> str:
    """'April 16, 2024', 'May 2024', '2024'."""
    if len(when) == 10:
        day = format_date(date.fromisoformat(when))
        return f"{weekday}, {day}" if weekday else day
    if len(when) == 7:
        return f"{MONTH_NAMES[int(when[5:]) - 1]} {when[:4]}"
    return when


def english(p: Parts, number: int | None = None) -> str:
    """'29th regular meeting of heads of government: Li Qiang and Mikhail Mishustin, August 21,
    2024, Moscow (Government House), afternoon'; 'Meeting (planned, announced April 14, 2024):
    Mikhail Mishustin and Xi Jinping, Tuesday, April 16, 2024'."""
    if p.what == REPORT:  # an article's own group: no meeting
        return f"Report of {when_english(p.when)} (no meeting of its own)" if p.when else "Report"
    what = f"{_nth(number)} {p.what}" if number else p.what
    what = what[:1].upper() + what[1:]
    if p.status == "planned":
        what += f" (planned{', announced ' + when_english(p.announced) if p.announced else ''})"
    elif p.status == "recalled":
        what += " (an earlier one, recalled)"
    who = " and ".join(p.who) if len(p.who) <= 2 else ", ".join(p.who[:-1]) + f" and {p.who[-1]}"
    where = p.place or p.country
    if p.venue:
        where = f"{where} ({p.venue})" if where else p.venue
    bits = [b for b in (when_english(p.when, p.weekday), where, p.daytime) if b]
    return f"{what}: {who}" + (", " + ", ".join(bits) if bits else "")


def parties(f: Fact) -> tuple[str, ...]:
    """Who met."""
    return f.parts.who if isinstance(f.parts, Parts) else ()


def dated(f: Fact) -> bool:
    """The encounter has a day, not only a month or a year."""
    return isinstance(f.parts, Parts) and len(f.parts.when) == 10


def same_event(f: Fact) -> tuple[str, int] | None:
    """A numbered meeting is one event, whichever report recalls it ("the 42nd regular meeting
    of heads of government"): its key, and how much the fact tells of it (a day, a month or a
    year; a place)."""
    p = f.parts
    if not isinstance(p, Parts) or not f.number:
        return None
    told = len(p.when) + bool(p.place or p.venue)  # (then who held it: both premiers, not one)
    return f"{f.number:g} {p.what.split(' of ')[0]}", told * 10 + min(len(p.who), 9)


def same(f: Fact) -> str:
    """Two facts of one encounter (two sentences, two reports) say the same."""
    p = f.parts
    if not isinstance(p, Parts):
        return f.value.lower()
    return "|".join((",".join(sorted(p.who)), p.what, str(f.number or ""), p.when[:7], p.status))


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'29-я регулярная встреча глав правительств: Ли Цян и Михаил Мишустин, 21 августа 2024
    г., Москва (Дом правительства)'."""
    if p.what == REPORT:
        when = format_date(date.fromisoformat(p.when), "ru") if len(p.when) == 10 else ""
        return r.fill("report", date=when)
    what = r.vocab("encounter_what", p.what)
    if f.number:
        what = r.fill("regular_meeting_n", n=f"{f.number:g}", what=what)
    status = ""
    if p.status == "planned":  # (a visit is masculine: "визит (запланирован)")
        status = r.word("planned_visit" if p.what == "visit" else "planned")
        if p.announced:
            status += ", " + r.fill("announced", date=format_date(
                date.fromisoformat(p.announced), "ru"))  # fmt: skip
    elif p.status == "recalled":
        status = r.word("recalled")
    when = ""
    if len(p.when) == 10:
        when = format_date(date.fromisoformat(p.when), "ru")
    elif len(p.when) == 7:
        when = r.fill("month_year", month=r.vocab("months", MONTH_NAMES[int(p.when[5:]) - 1]),
                      year=p.when[:4])  # fmt: skip
    elif p.when:
        when = r.fill("year", year=p.when)
    place = r.plain(p.place) if p.place else r.plain(p.country) if p.country else ""
    if p.venue:
        place = f"{place} ({r.plain(p.venue)})" if place else r.plain(p.venue)
    if p.daytime:
        place = f"{place}, {r.vocab('daytimes', p.daytime)}" if place else r.vocab(
            "daytimes", p.daytime)  # fmt: skip
    who = " и ".join(r.name(n) for n in p.who)
    return capital(r.fill("encounter", what=what, who=who, when=when, place=place, status=status))
