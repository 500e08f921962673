"""A leader's arrival for a visit: "Mikhail Mishustin arrived on a working visit to Beijing",
"Xi Jinping arrived in Moscow on Monday (20th) in the afternoon", who met him on arrival ("At
the plane's exit, ... was met by ...") and until when he stays ("will stay in China until
December 20")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .. import facts
from ..context import Context
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, quoted
from ..text import MONTH_NAMES, RU_MONTHS_GENITIVE, Pattern, find_dates, format_date

KIND = FactKind("arrival")  # value: "who, where, ISO date" (what two reports of it share)
NEEDS = needs({"arrival": {"who", "place", "origin", "when", "daytime", "visit", "met_by",
                           "until"},
               "arrival_city": {"city"}, "arrival_from": {"city"}, "arrival_airport": {"airport"},
               "arrival_until": {"date", "days"}, "arrival_article_date": {"date"},
               "no_year": {"day", "weekday"}, "undated_meeting": {"weekday"},
               "person": {"name", "role"}},
              vocabs=["visit_kinds", "daytimes", "weekdays"], plurals=["day"])  # fmt: skip
DATED = True  # "when did Mishustin arrive": the arrival's own day, not the meeting's

# "arrived", "landed", "touched down" (never "will arrive": no arrival yet)
_ARRIVED = Pattern(r"(?<!will\s)(?<!to\s)\b(?:has\s+|had\s+)?(?:arrived|arrives|landed|"
                   r"touched\s+down|touches\s+down|lands|flew\s+(?:in\s+)?to|"
                   r"has\s+flown\s+(?:in\s+)?to)\b",
                   re.I)  # fmt: skip
# where the guest came from: "flew to Beijing ... from the eastern city of Hangzhou"
_FROM = Pattern(r"\bfrom\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:city\s+of\s+)?(?=[A-Z])")
_AIRPORT = Pattern(r"\b(?:at|in)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]+\s+){1,4}?)"
                   r"(?:International\s+)?[Aa]irport\b")  # fmt: skip
_VISIT = Pattern(r"\b(?P<kind>state|official|working|friendly)\s+visit\b", re.I)
_DAYTIME = Pattern(r"\b(?P<part>morning|afternoon|evening)\b", re.I)
# "on Monday (20th)": the weekday's day of the month
_DAY_OF_MONTH = Pattern(r"^(?:on\s+)?\w+\s*\(\s*(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*\)",
                        re.I)  # fmt: skip
# "was met by", "were greeted at the airport by", "was welcomed by": who met the guest
_MET_BY = Pattern(
    r"(?:\b(?:was|were|is|are|being|been)\s+(?:\w+\s+){0,2}?|^\W*)(?:met|greeted|"
    r"welcomed)\b[^.;]{0,40}?\bby\b",
    re.I,
)  # fmt: skip ("Met at the steps by")
# what places a welcome at the guest's arrival (not the host's welcome at the talks)
_ON_ARRIVAL = Pattern(r"\b(?:airport|plane|aircraft|airplane|ramp|gangway|landed|landing|"
                      r"on\s+arrival|upon\s+arrival|arriv\w*)\b", re.I)  # fmt: skip
_HE_MET = Pattern(r"\W*(?:He|She|They)\s+(?:was|were)\s+(?:\w+\s+)?(?:met|greeted|welcomed)\b")
_UNTIL = Pattern(r"\b(?:stay|stays|staying|remain|remains|be)\b[^.;]{0,40}?\buntil\s+", re.I)
_NEAR = 3  # sentences after the arrival that may say who met him and until when he stays
Dated = Literal["text", "article", ""]


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Who arrived and where (canonical names; the airport as the text names it), the day
    (ISO; ``month`` and ``day`` alone when the text gives no year; ``dated`` "article" when the
    text gives no day and the article's own date stands for it), what visit, who met him on
    arrival and until when he stays (ISO)."""

    who: str
    place: str = ""
    airport: str = ""
    when: str = ""
    month: int = 0
    day: int = 0
    weekday: str = ""
    daytime: str = ""
    dated: Dated = ""
    visit: str = ""
    met_by: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # of ``met_by``, as the gazetteer or the article gives them
    until: str = ""
    origin: str = ""  # the city the guest came from ("from Hangzhou"), canonical


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per person who arrives where the article says, from the first sentence that
    says so; later sentences (a headline's repeat, the airport) add only what it lacks."""
    found: dict[str, tuple[int, Parts]] = {}  # who -> (sentence, what is said of it)
    sentences = ctx.article.sentences
    for i, s in enumerate(sentences):
        if i in ctx.elsewhere:
            continue
        m = _ARRIVED.search(s)
        if not m:
            continue
        parts = _arrival(ctx, s, m)
        if parts is None:
            continue
        near = [j for j in range(i, min(i + _NEAR + 1, len(sentences))) if j not in ctx.elsewhere]
        met = _met_by(ctx, [sentences[j] for j in near], parts.who)
        parts = _with(parts, met_by=met, roles=tuple(_role(ctx, n) for n in met),
                      until=_until(ctx, [sentences[j] for j in near], parts.who))  # fmt: skip
        if parts.who in found:  # one arrival of each person: "landed at Vnukovo airport" after
            idx, old = found[parts.who]  # "arrived in Moscow" is the same one
            found[parts.who] = (idx, _merged(old, parts))
        else:
            found[parts.who] = (i, parts)
    for idx, parts in found.values():
        if parts.when:  # (its own year: an announcement's meeting may have none yet)
            yield ctx.fact(KIND, idx, _value(parts), english(parts), year=int(parts.when[:4]),
                           parts=parts)  # fmt: skip
        else:
            yield ctx.fact(KIND, idx, _value(parts), english(parts), parts=parts)


def _arrival(ctx: Context, s: str, m: re.Match[str]) -> Parts | None:
    """The arrival the verb ``m`` of sentence ``s`` reports, if it names who and where."""
    before = [n for a, _, n in ctx.named(s) if a < m.start()]
    if not before:
        return None
    who = before[-1]
    rest = s[m.end() :]
    airport = _AIRPORT.search(rest)
    # where the guest came from: a city right after "from" ("from Hangzhou"), never the place
    came = {m.end() for m in _FROM.finditer(rest)}
    origins = [(a, e.name) for a, _, e in ctx.gaz.spans("places", rest) if a in came]
    place = ""
    for section in ("places", "countries"):
        hits = [(a, e.name) for a, _, e in ctx.gaz.spans(section, rest)
                if a < 80 and a not in came]  # fmt: skip
        if hits and not place:
            place = min(hits)[1]
    if not place and not airport:  # "arrived at the Great Hall": at the talks, no arrival
        return None
    kind = _VISIT.search(s)
    daytime = _DAYTIME.search(rest)
    origin = next((name for _, name in sorted(origins) if name != place), "")
    parts = Parts(who, place, " ".join(airport.group("name").split()) if airport else "",
                  visit=kind.group("kind").lower() if kind else "",
                  daytime=daytime.group("part").lower() if daytime else "",
                  origin=origin)  # fmt: skip
    return _dated(ctx, parts, rest)


def _dated(ctx: Context, parts: Parts, rest: str) -> Parts:
    """``parts`` with the day the words after the verb give, resolved against the article's
    date (a weekday, "today"); a day of the month alone ("Monday (20th)") takes the meeting's
    month; none: the article's own date."""
    ref = ctx.ref or ctx.meeting_date
    for mention in find_dates(rest, ref):
        if mention.value:
            weekday = _weekday(mention.value)
            return _with(parts, when=mention.value.isoformat(), month=mention.value.month,
                         day=mention.value.day, weekday=weekday, dated="text")  # fmt: skip
        wd = "" if mention.weekday is None else _weekday_name(mention.weekday)
        if mention.month and mention.day:
            return _with(parts, month=mention.month, day=mention.day, weekday=wd, dated="text")
        of_month = _DAY_OF_MONTH.match(rest[mention.start :])
        if of_month and ctx.month_day:  # "Monday (20th)" in a report of "Tuesday (March 21)"
            day = int(of_month.group("d"))
            month = ctx.month_day[0] - (1 if day > ctx.month_day[1] + 7 else 0) or 12
            return _with(parts, month=month, day=day, weekday=wd, dated="text")
        if wd:
            return _with(parts, weekday=wd, dated="text")
    published = ctx.ref
    if published is None:
        return parts
    return _with(parts, when=published.isoformat(), month=published.month, day=published.day,
                 dated="article")  # fmt: skip


def _weekday(d: date) -> str:
    return d.strftime("%A")


def _weekday_name(n: int) -> str:
    return (date(2024, 1, 1) + timedelta(days=n)).strftime("%A")  # 2024-01-01: a Monday


def _met_by(ctx: Context, sentences: list[str], who: str) -> tuple[str, ...]:
    """The people who met ``who`` on arrival: named after "was met by" in the arrival's
    sentence, or in one of the next that places it at the arrival ("At the plane's exit")."""
    for k, s in enumerate(sentences):
        m = _MET_BY.search(s)
        # (the next sentence's "He was met by ..." goes on about the arrival)
        if not m or (k and not _ON_ARRIVAL.search(s) and not (k == 1 and _HE_MET.match(s))):
            continue
        people = [n for a, _, n in ctx.named(s) if a >= m.end() and n != who]
        if people:
            return tuple(dict.fromkeys(people))
    return ()


def _until(ctx: Context, sentences: list[str], who: str) -> str:
    """The day "will stay in China until December 20" names (ISO), of ``who`` or no one else."""
    for s in sentences:
        m = _UNTIL.search(s)
        if not m:
            continue
        before = [n for a, _, n in ctx.named(s) if a < m.start()]
        if before and before[-1] != who:
            continue
        found = [d.value for d in find_dates(s[m.end() :], ctx.ref or ctx.meeting_date, True)]
        if found and found[0]:
            return found[0].isoformat()
    return ""


def _with(parts: Parts, **changes: object) -> Parts:
    fields = {name: getattr(parts, name) for name in Parts.__dataclass_fields__}
    fields.update({k: v for k, v in changes.items() if v not in ("", (), 0, None)})
    return Parts(**fields)


_DAY_FIELDS = ("when", "month", "day", "weekday", "dated")


def _merged(old: Parts, new: Parts) -> Parts:
    """``old`` with what only ``new`` says; the day of a sentence that gives one replaces the
    article's date that stood for it (an undated headline before a dated lead)."""
    if old.dated == "article" and new.dated == "text":
        old = _with(new, **{n: getattr(old, n) for n in Parts.__dataclass_fields__
                            if n not in _DAY_FIELDS})  # fmt: skip
    return _with(new, **{n: getattr(old, n) for n in Parts.__dataclass_fields__})


def _value(p: Parts) -> str:
    """'Mikhail Mishustin, Beijing, 2023-12-19' (what two reports of the arrival share)."""
    day = p.when or (f"--{p.month:02d}-{p.day:02d}" if p.month else "")
    return ", ".join(x for x in (p.who, p.place or p.airport, day) if x)


def _day(p: Parts, lang: str = "en") -> str:
    """'December 19, 2023', 'March 20' (no year given), 'Monday' (a weekday alone)."""
    if p.when:
        return format_date(date.fromisoformat(p.when), lang)
    if p.month and p.day:
        return f"{MONTH_NAMES[p.month - 1]} {p.day}"
    return p.weekday


def _days(p: Parts) -> int:
    """How many days the stay lasts, the days of arrival and departure counted (0: unknown)."""
    if not (p.when and p.until):
        return 0
    n = (date.fromisoformat(p.until) - date.fromisoformat(p.when)).days + 1
    return n if n > 0 else 0


def english(p: Parts) -> str:
    """'Mikhail Mishustin arrived in Beijing on a working visit on December 19, 2023 (the
    article's date); met on arrival by Sun Weidong (Deputy Foreign Minister of China) and ...;
    staying until December 20 (2 days)'."""
    where = f"in {p.place}" if p.place else ""
    if p.airport:
        where += f"{' ' if where else ''}at {p.airport} Airport"
    text = f"{p.who} arrived {where}"
    text += f" from {p.origin}" if p.origin else ""
    text += f" on a {p.visit} visit" if p.visit else ""
    day = _day(p)
    if day:
        weekday = f"{p.weekday}, " if p.weekday and p.weekday != day else ""
        text += f" on {weekday}{day}"
        if p.month and not p.when:
            text += " (the article gives no year)"
    if p.daytime:
        text += f", in the {p.daytime}"
    if p.dated == "article":
        text += " (the article's date: the text gives no day)"
    if p.met_by:
        met = [f"{n} ({r})" if r else n for n, r in zip(p.met_by, p.roles, strict=False)]
        text += "; met on arrival by " + _join(met)
    if p.until:
        days = _days(p)
        until = format_date(date.fromisoformat(p.until))
        text += f"; staying until {until}" + (f" ({days} days)" if days > 1 else "")
    return text


def _role(ctx: Context, name: str) -> str:
    """A person's office, as the gazetteer or the article (a person it introduces) gives it."""
    entry = ctx.gaz.get("people", name)
    return str(entry.attr("role") or "") if entry else ""


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def agent(f: Fact) -> str:
    """Who arrived."""
    return str(getattr(f.parts, "who", ""))


def parties(f: Fact) -> tuple[str, ...]:
    """Who arrived and who met him."""
    p = f.parts
    return (p.who, *p.met_by) if isinstance(p, Parts) else ()


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Мишустин прибыл в Пекин 19 декабря 2023 г. (рабочий визит); в аэропорту его встречали:
    Сунь Вэйдун (...); пробудет до 20 декабря 2023 г. (2 дня)'."""
    acc = r.g.names.get(p.place, {}).get("acc") if p.place else None
    place = f"в {acc}" if acc else (r.fill("arrival_city", city=r.plain(p.place))
                                     if p.place else "")  # fmt: skip
    if p.airport:
        place += " " + r.fill("arrival_airport", airport=f"«{p.airport}»")
    weekday = r.vocab("weekdays", p.weekday)
    when = ""
    if p.when:
        when = format_date(date.fromisoformat(p.when), "ru")
        if p.dated == "article":
            when = r.fill("arrival_article_date", date=when)
    elif p.month and p.day:
        when = r.fill("no_year", day=f"{p.day} {RU_MONTHS_GENITIVE[p.month - 1]}", weekday="")
    elif p.weekday:
        when = r.fill("undated_meeting", weekday=weekday)
    met = []
    for name, role in zip(p.met_by, p.roles, strict=False):
        # a person the article introduces keeps the name it writes (no glossary could hold it)
        ru = r.plain(name) if r.gaz.ru(name) else quoted(name)
        met.append(r.fill("person", name=ru, role=r.role(role) if role else ""))
    until = ""
    if p.until:
        days = _days(p)
        until = r.fill("arrival_until", date=format_date(date.fromisoformat(p.until), "ru"),
                       days=r.plural("day", days) if days > 1 else "")  # fmt: skip
    origin = r.fill("arrival_from", city=r.plain(p.origin)) if p.origin else ""
    return r.fill("arrival", who=r.name(p.who), place=place.strip(), origin=origin, when=when,
                  daytime=r.vocab("daytimes", p.daytime),
                  visit=r.vocab("visit_kinds", p.visit),
                  met_by=", ".join(met), until=until)  # fmt: skip
