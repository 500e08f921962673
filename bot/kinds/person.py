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
from ..translit import chinese_name, russian_name
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
    # a machine translation's "Wang Yi ... etc. participated the meeting"; "sat in on the talks"
    r"|\bparticipated\s+the\s+(?:meeting|talks)\b|\bsat\s+in\s+on\b"
    r"|\baccompanied\b|\bwas also at\b|\bjoined the (?:meeting|talks)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?at\s+the\s+(?:table|talks)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?on\s+the\s+(?:Chinese|Russian)\s+side\b"
    # a report in Russian: "В мероприятии приняли участие ...", "Вместе со мной прибыли ..."
    r"|\bприн(?:яли?|имал[аи]?)\s+участие\b|\bприсутствовал[аи]?\b|\bсопровождал[аи]?\b"
    r"|\bучаствовал[аи]?\b"
    r"|\bвместе\s+со\s+мной\b[^.]*\bприбыл[аи]?\b",
    re.I,
)
# What a presence is at: the meeting, a side, the table; in a report in Russian "во встрече", "в
# мероприятии", "в переговорах"
_AT = Pattern(r"meeting|talks|conversation|present|\bside\b|\btable\b|встреч|переговор|"
              r"мероприяти|прибыл|беседе|сторон", re.I)  # fmt: skip
# The speaker was there: "I was present when ...", "I was at the table too", "I sat in the row".
_I_WAS = Pattern(r"\bI\s+(?:was|sat)\b")
# A list's head: "Who is at the table 👇", "Present:"; the lines after it in its paragraph name
# the people there (a live thread's post, a release's list).
_LISTED = Pattern(
    r"^\W*(?:who(?:['’]s|\s+is|\s+was|\s+were)\s+(?:at\s+the\s+table|present|in\s+the\s+room)"
    r"|(?:at\s+the\s+table|present|in\s+attendance|participants)\s*:\s*$"
    r"|(?:from|on)\s+the\s+(?:Chinese|Russian)\s+side\s*:\s*$)",  # a release's list, side by side
    re.I,
)
# A list's line: "Yelena Sorokina – Deputy Prime Minister of the Russian Federation;"
_DASHED = Pattern(
    r"^\W*(?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2})\s+[–—-]\s+(?P<role>[A-Z][^;]{2,80}?)"
    r"\s*[;.]?\s*$"
)
_DELEGATION = Pattern(
    r"\bbrought\s+(?P<who>.+?)\s+to the (?:meeting|talks)|\bdelegation (?:including|of)\s+"
    r"(?P<who2>[^.;]+)",
    re.I,
)


def _countries_short(role: str) -> str:
    """A release's title with the countries as the gazetteer's roles write them ("Ambassador of
    the Russian Federation to the People's Republic of China": "Ambassador of Russia to
    China"), so that the side asked for is read from it."""
    role = re.sub(r"\bthe\s+Russian\s+Federation\b", "Russia", role)
    return re.sub(r"\bthe\s+People['’]s\s+Republic\s+of\s+China\b", "China", role)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """The person's role ("Premier of China"), when the gazetteer or the text gives one."""

    role: str = ""
    written: str = ""  # the name as a report in Russian writes it ("Елена Соколова")


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
        if side or i in listed or (_PRESENT.search(s) and _AT.search(s)):
            found = _people(ctx, s[side.end() :] if side else s)
            dashed = _DASHED.match(s) if i in listed else None
            if dashed and not found:  # a list's line names its person first, then the title
                found = [(dashed.group("name"), _countries_short(dashed.group("role")))]
            speaker = ctx.speaker(i) if _I_WAS.search(s) else ""
            entry = ctx.gaz.get("people", speaker) if speaker else None
            if entry is not None:  # an interviewee's "I was present when ...": there too
                found.append((speaker, str(entry.attr("role") or "")))
            written = {name: as_written for _, name, _, as_written in _russian_titled(s)}
            for name, role in found:
                if name not in seen:
                    seen.add(name)
                    yield ctx.fact(KIND, i, name, english(name, role), qualifier="present",
                                   parts=Parts(role, written.get(name, "")))  # fmt: skip
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
    for at, name, role, _ in _russian_titled(sentence):
        if name.split()[-1] not in known:
            found.append((at, name, role))
            known.add(name.split()[-1])
    return [(n, r) for _, n, r in sorted(found)]


# A report in Russian: an official's title, then the name(s) in Cyrillic ("вице-премьеры Алексей
# Оверчук и Дмитрий Волков", "министр иностранных дел КНР Гао Жуймин")
_RU_NAME = r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+"
_RU_OFFICE = r"(?i:посол|министр|вице|заместител|губернатор|глав|председател|премьер)"
_RU_TITLED = Pattern(
    r"(?i:(?P<title>вице-премьер\w*(?:\s+правительства\s+России|\s+Госсовета\s+КНР)?|"
    r"заместител\w*\s+председателя\s+правительства(?:\s+России)?|министр\w*(?:\s+[а-яё-]+){0,3}?"
    r"(?:\s+(?:России|РФ|КНР|Китая))?|посол\w*(?:\s+(?:России|РФ|КНР)\s+в\s+(?:КНР|Китае|России|РФ))?|"
    r"губернатор\w*(?:\s+[а-яё-]+){0,2}?))\s+"
    rf"(?P<names>{_RU_NAME}(?:(?:,\s*|\s+и\s+)(?!{_RU_OFFICE}){_RU_NAME})*)"
)
_RU_ROLES = (
    (r"вице-премьер\w*\s+Госсовета", "Vice Premier of China"),
    (r"вице-премьер|заместител", "Deputy Prime Minister"),
    (r"министр\w*\s+иностранных\s+дел\s+(?:КНР|Китая)", "Foreign Minister of China"),
    (r"министр\w*\s+иностранных\s+дел", "Foreign Minister"),
    (r"министр", "Minister"),
    (r"посол\w*\s+(?:России|РФ)", "Ambassador of Russia to China"),
    (r"посол\w*\s+КНР", "Ambassador of China to Russia"),
    (r"посол", "Ambassador"),
    (r"губернатор", "Governor"),
)


# The side a Russian sentence names before its officials: "С китайской стороны присутствовали ..."
_RU_SIDE = Pattern(r"(?i:с\s+(?P<side>китайской|российской)\s+стороны)")


def _chinese(sentence: str, m: re.Match[str]) -> bool:
    """The official after title ``m`` is China's: the title names China ("министр иностранных
    дел КНР", "посол КНР в России"), or the sentence speaks of the Chinese side before it."""
    country = re.search(r"\b(?:КНР|Китая|Госсовета|России|РФ)\b", m.group("title"))
    if country:  # (the first the title names is its own: "посол РФ в КНР" is Russia's)
        return country.group() not in ("России", "РФ")
    sides = [x for x in _RU_SIDE.finditer(sentence) if x.start() < m.start()]
    return bool(sides) and sides[-1].group("side").lower() == "китайской"


def _russian_titled(sentence: str) -> list[tuple[int, str, str, str]]:
    """(start, name in Latin letters, English role, name as written) of each official a
    Russian sentence names after a title; a Chinese official's name from Palladius to pinyin."""
    out = []
    for m in _RU_TITLED.finditer(sentence):
        title = m.group("title")
        chinese = _chinese(sentence, m)
        role = next((r for rx, r in _RU_ROLES if re.match(rx, title, re.I)), "")
        if role == "Foreign Minister":  # (of the side the sentence names)
            role += " of China" if chinese else " of Russia"
        elif role == "Ambassador" and chinese:
            role = "Ambassador of China to Russia"
        if role in ("Deputy Prime Minister", "Minister") and not chinese:
            role += " of Russia"  # (a Russian report's minister with no country is Russia's)
        for n in re.finditer(_RU_NAME, m.group("names")):
            name = (chinese and chinese_name(n.group())) or russian_name(n.group())
            out.append((m.start("names") + n.start(), name, role, n.group()))
    return out


def english(name: str, role: str) -> str:
    """'Wang Yi (Foreign Minister of China)'."""
    return f"{name} ({role})" if role else name


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Ван И (министр иностранных дел КНР)'; a delegation through the ``groups`` vocabulary."""
    if f.qualifier == "delegation":
        return r.vocab("groups", f.value)
    name = p.written or r.plain(f.value)  # (a Russian report's own spelling)
    return r.fill("person", name=name, role=r.role(p.role) if p.role else "")
