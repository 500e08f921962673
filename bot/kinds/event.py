"""Named events: forums, China-Russia Years of ..., party congresses, plenary sessions,
five-year plans, summits and expos, with when they took place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from .. import facts
from ..context import Context, ordinal
from ..encounters import when_mentions
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, quoted
from ..text import MONTH_NAMES, Pattern, relative_month, relative_year

KIND = FactKind("event")  # year: when it took place (else the meeting's year)
MENTION = True  # a fact of this kind names what was mentioned: no one's deed
Form = Literal["belt_and_road_forum", "years_of", "party_congress", "plenary_session",
               "five_year_plan", "two_sessions", "named"]  # fmt: skip
DATED = True  # its facts give their own time
NEEDS = needs(
    {"event_when": {"event", "when"}, "month_year": {"month", "year"}, "year": {"year"},
     "plenary_session": {"ord", "cc"}, "party_congress": {"ord"}, "belt_and_road_forum": {"ord"},
     "five_year_plan": {"ord"}, "years_of": {"what", "span"}, "two_sessions": set()},
    vocabs=["event_names", "years_of", "months"],
)  # fmt: skip

_ORD = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
# Each pattern, the English name it gives, and the form (which template writes it in Russian).
EVENTS: tuple[tuple[Pattern, Callable[[re.Match[str]], str], Form], ...] = (
    (Pattern(rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+Belt and Road Forum(?:\s+for International "
             r"Cooperation)?", re.I),
     lambda m: f"{m.group('ord')} Belt and Road Forum for International Cooperation",
     "belt_and_road_forum"),
    (Pattern(r"(?:(?P<span>\d{4}\s*-\s*\d{4})\s+)?(?:(?i:China-Russia|Russia-China|"
             r"Russian-Chinese|Chinese-Russian)\s+(?i:years?)|\bYears?)\.?\s+of\s+(?P<what>"
             r"(?i:[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?(?:\s+exchanges?|\s+cooperation)?))"
             r"(?:\s+(?P<span2>\d{4}\s*-\s*\d{4}))?"),
     lambda m: _years_of(m), "years_of"),
    (Pattern(rf"\b(?P<ord>{_ORD})\s+National Congress of the Communist Party of China|"
             rf"\b(?P<ord2>{_ORD})\s+(?:CPC|Communist Party of China) National Congress", re.I),
     lambda m: f"{m.group('ord') or m.group('ord2')} National Congress of the Communist Party"
               " of China",
     "party_congress"),
    (Pattern(rf"\b(?P<ord>{_ORD})\s+Plenary Session of the\s+(?P<cc>{_ORD})\s+(?:CPC|Communist "
             r"Party of China)\s+Central Committee", re.I),
     lambda m: f"{m.group('ord').title()} Plenary Session of the {m.group('cc')} CPC Central"
               " Committee",
     "plenary_session"),
    (Pattern(rf"\b(?P<ord>{_ORD})\s+Five-Year Plan", re.I),
     lambda m: f"{m.group('ord')} Five-Year Plan", "five_year_plan"),
    (Pattern(r"\b(?:annual\s+)?(?:two sessions|annual sessions)\b", re.I),
     lambda m: "annual sessions of China's top legislative and political advisory bodies",
     "two_sessions"),
    (Pattern(r"\b(?P<org>SCO|BRICS|APEC|G20|G-20|EAEU|CSTO|ASEAN|CIS|Shanghai\s+Cooperation\s+"
             r"Organi[sz]ation)\s+(?P<what>(?i:summit|(?:economic\s+)?leaders['’]?\s+meeting))s?\b"),
     lambda m: f"{_org(m.group('org'))} {_org_event(m.group('what'))}", "named"),
    (Pattern(r"\b(?P<name>(?:[A-Z][\w-]+\s+){1,4}(?:Summit|Expo|Exhibition|Games|Olympics))\b"),
     lambda m: m.group("name"), "named"),
    (Pattern(r"\b(?P<name>(?:[A-Z][\w-]+\s+){0,3}Economic Forum)\b"),
     lambda m: m.group("name"), "named"),
    # a forum named for its place: "the Boao Forum for Asia", "Boao Asia Forum" (not "Belt and
    # Road Forum" cut short)
    (Pattern(r"(?<!and )\b(?P<name>(?:(?!(?:Economic|International|Road|Cooperation)\b)"
             r"[A-Z][\w-]+\s+){1,2}Forum(?:\s+for\s+Asia)?)\b"),
     lambda m: m.group("name"), "named"),
    # "the Russian-Chinese business forum", "China-Russia Energy Business Forum"
    (Pattern(r"\b(?P<name>(?:Russian-Chinese|Chinese-Russian|Russia-China|China-Russia)\s+"
             r"(?:(?i:energy|investment|business|industrial|expo)\s+){1,2}(?i:forum))\b"),
     lambda m: m.group("name"), "named"),
)  # fmt: skip
_STOP_YEARS = {"the", "a", "this", "that", "in", "to", "its", "their", "our", "his", "her"}
# "the Year of the Horse" is China's new year, not a China-Russia themed year.
_ZODIAC = {"rat", "ox", "tiger", "rabbit", "dragon", "snake", "horse", "goat", "sheep", "monkey",
           "rooster", "dog", "pig"}  # fmt: skip
_ORGS = {"shanghai cooperation organization": "SCO", "shanghai cooperation organisation": "SCO",
         "g-20": "G20"}  # fmt: skip
# Where an event takes place: "the SCO summit in Tianjin", "APEC leaders meeting in city Shenzhen".
_IN_PLACE = r"^\s*(?:,\s*)?(?:to\s+be\s+held\s+|which\s+will\s+be\s+held\s+)?(?:in|at)\s+" \
            r"(?:the\s+)?(?:city\s+(?:of\s+)?)?"  # fmt: skip
# Until when a themed year runs: "which will continue to 2027 year", "will last until the end
# of 2025".
_UNTIL = Pattern(r"\b(?:continue|last|run|go\s+on)s?\s+(?:to|until|till|through)\s+"
                 r"(?:the\s+end\s+of\s+)?(?P<y>\d{4})\b", re.I)  # fmt: skip


def _org(name: str) -> str:
    return _ORGS.get(" ".join(name.lower().split()), name.upper() if len(name) <= 5 else name)


def _org_event(what: str) -> str:
    return "summit" if what.lower() == "summit" else "leaders' meeting"


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Which event: its form, ordinals ('4' for 'Fourth'; ``cc`` the Central Committee's), the
    subject and span of 'Years of', the name of a summit or expo; and when it took place."""

    form: Form
    ord: int | None = None
    cc: int | None = None
    what: str = ""  # "Culture" in "China-Russia Years of Culture"
    span: str = ""  # "2024-2025"
    name: str = ""  # the English name of a summit, expo or economic forum
    when_month: str = ""  # "October"
    when_year: int | None = None
    place: str = ""  # where it takes place (a gazetteer city): "Tianjin"


def _years_of(m: re.Match[str]) -> str:
    what = " ".join(w for w in m.group("what").split() if w.lower() not in _STOP_YEARS).lower()
    if not what or what.split()[0] in _STOP_YEARS or what.split()[0] in _ZODIAC:
        return ""
    span = (m.group("span") or m.group("span2") or "").replace(" ", "")
    return f"China-Russia Years of {what.title().replace(' And ', ' and ')}" + (
        f" {span}" if span else ""
    )


def extract(ctx: Context) -> Iterator[Fact]:
    """Named events: forums, Years of ..., party congresses, plenary sessions, five-year plans."""
    seen: dict[str, int] = {}
    for i, s in enumerate(ctx.article.sentences):
        for rx, name_of, form in EVENTS:
            for m in rx.finditer(s):
                name = name_of(m)
                if not name:
                    continue
                if form == "years_of" and not re.search(r"\d{4}-\d{4}$", name):
                    name += _span(ctx, s, m)
                key = re.sub(r"\s\d{4}-\d{4}$", "", name).lower()
                if key in seen:
                    continue
                seen[key] = i
                when = _when(ctx, s, m)
                year = int(when[-4:]) if when and when[-4:].isdigit() else ctx.year
                bits = when.split()
                place = place_of(ctx, s, m)
                parts = event_parts(form, m, name, month=bits[0] if len(bits) == 2 else "",
                                    year=int(bits[-1]) if bits else None, place=place)  # fmt: skip
                yield ctx.fact(KIND, i, name, english(name, when, place), year=year, parts=parts)


def place_of(ctx: Context, s: str, m: re.Match[str]) -> str:
    """The city an event is held in: "the SCO summit in Tianjin", "in city Shenzhen"."""
    tail = s[m.end() : m.end() + 40]
    at = re.match(_IN_PLACE, tail, re.I)
    if at:
        found = ctx.gaz.find("places", tail[at.end() :])
        if found and found[0][0] == 0:
            return found[0][1].name
    before = s[max(0, m.start() - 70) : m.start()]  # "come to Vladivostok ... as the guest of"
    to = r"(?:^\s*|\b(?:to|in)\s+(?:the\s+city\s+of\s+)?)$"
    cities = [e for a, e in ctx.gaz.find("places", before) if re.search(to, before[:a])]
    if cities and re.search(r"\b(?:guest|part|participant)s?\s+(?:of|in)\s+(?:the\s+)?$", before):
        return cities[-1].name
    return ""


def _span(ctx: Context, s: str, m: re.Match[str]) -> str:
    """' 2026-2027' for themed years that start this year and "continue to 2027"."""
    until = _UNTIL.search(s, m.end())
    start = ctx.year
    if until is None or start is None or not start <= int(until.group("y")) <= start + 5:
        return ""
    return f" {start}-{until.group('y')}"


def event_parts(form: Form, m: re.Match[str], name: str, month: str = "",
                year: int | None = None, place: str = "") -> Parts:  # fmt: skip
    """The parts of an event that ``m`` (a match of its ``EVENTS`` pattern) names."""
    groups = m.groupdict()
    ordinal_word = groups.get("ord") or groups.get("ord2")
    what = span = ""
    if form == "years_of":
        what = name.split(" Years of ", 1)[-1]
        found = re.search(r"\s*(\d{4}-\d{4})$", what)
        what, span = (what[: found.start()], found.group(1)) if found else (what, "")
    return Parts(
        form,
        ord=ordinal(ordinal_word) if ordinal_word else None,
        cc=ordinal(groups["cc"]) if groups.get("cc") else None,
        what=what,
        span=span,
        name=name if form == "named" else "",
        when_month=month,
        when_year=year,
        place=place,
    )


def english(name: str, when: str, place: str = "") -> str:
    """'Fourth Plenary Session of the 20th CPC Central Committee (October 2025)', 'SCO summit
    (Tianjin, 2025)'."""
    at = ", ".join(x for x in (place, when) if x)
    return name + (f" ({at})" if at else "")


def _when(ctx: Context, s: str, m: re.Match[str]) -> str:
    """When a named event happened, from 'concluded last month', 'this year' and the like."""
    ref = ctx.meeting_date or ctx.ref
    if re.search(r"\bconcluded last month\b", s):
        ym = relative_month("last month", ref)
        if ym:
            return f"{MONTH_NAMES[ym[1] - 1]} {ym[0]}"
    tail = s[m.end() : m.end() + 80]
    future = bool(re.search(r"\bwill\b|\bto\s+be\s+held\b|\bnext\b|\bupcoming\b", s, re.I))
    for _, when, _ in when_mentions(tail, ref, future):
        if len(when) == 7:
            return f"{MONTH_NAMES[int(when[5:]) - 1]} {when[:4]}"
        return when[:4]
    year = relative_year(tail, ctx.year)
    return str(year) if year else ""


def same(f: Fact) -> str:
    """What two facts share when they name the same event (a span may be given once only)."""
    return re.sub(r"\s\d{4}-\d{4}$", "", f.value.lower())


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'4-й пленум ЦК КПК 20-го созыва (октябрь 2025 г.)', 'саммит ШОС (Тяньцзинь, 2025 г.)'."""
    when = ", ".join(x for x in (r.plain(p.place) if p.place else "", russian_when(r, p)) if x)
    return r.fill("event_when", event=russian_name(r, p, f.value), when=when)


def russian_name(r: Russian, p: Parts, fallback: str) -> str:
    """The event's name in Russian (``fallback`` when no template writes its form)."""
    if p.form == "named":
        return r.vocab("event_names", p.name)
    if p.form == "years_of":
        return r.fill("years_of", what=r.vocab("years_of", p.what), span=p.span.replace("-", "–"))
    if p.form not in NEEDS.templates:
        r.missing.append(f"templates: event type {p.form!r}")
        return quoted(fallback)
    return r.fill(p.form, ord=_str(p.ord), cc=_str(p.cc))


def russian_when(r: Russian, p: Parts) -> str:
    """'октябрь 2025 г.', '2024 г.' or ''."""
    year = _str(p.when_year)
    if p.when_month and year:
        return r.fill("month_year", month=r.vocab("months", p.when_month), year=year)
    return r.fill("year", year=year) if year else ""


def _str(n: int | None) -> str:
    return "" if n is None else str(n)
