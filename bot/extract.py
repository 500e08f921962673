"""Facts from one article: ``extract(article, gazetteer)``; one small function per fact kind.

Written for the genre (agency reports of leaders' meetings, machine-translated), not for given
files: names come from the gazetteer, everything else from patterns over sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from .corpus import Article
from .facts import Fact, FactKind
from .gazetteer import Entry, Gazetteer
from .text import (
    MONTH_NAMES,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    find_dates,
    format_date,
    relative_month,
    relative_year,
    years_in,
)

_MEET = re.compile(r"\b(?:met|meets?|meeting|talks|conversation|received|hosted)\b", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,30},\s+)?(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}"
    r"(?:\s+\d{4})?|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\.?\s*(?:\([^)]{2,20}\)\s*)?"
    r"(?:--|—|–|-|/[A-Za-z ]{2,12}/\.?|:)\s*"
)
_CITY_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z .'’-]{2,25})(?:,|:|\s+--|\s+\()")


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors of one article share: the article, its dates and its meeting."""

    article: Article
    gaz: Gazetteer
    ref: date | None  # the reference date: dateline, header or first full date in the text
    meeting_id: str
    meeting_date: date | None
    place: str | None

    def fact(self, kind: FactKind, idx: int, value: str, display: str, **kw: object) -> Fact:
        """A fact from sentence ``idx`` of this article, tied to its meeting."""
        kw.setdefault("year", self.meeting_date.year if self.meeting_date else None)
        return Fact(
            kind=kind,
            value=value,
            display=display,
            article=self.article.stem,
            sentence=idx,
            source=self.article.sentences[idx],
            meeting=self.meeting_id,
            place=self.place,
            **kw,  # type: ignore[arg-type]
        )

    @property
    def year(self) -> int | None:
        """The year the article is about, for 'this year' and 'next year'."""
        if self.meeting_date:
            return self.meeting_date.year
        return self.ref.year if self.ref else None


# --- the meeting ------------------------------------------------------------------------------


def _dateline(sentence: str, ref: date | None) -> tuple[date | None, int]:
    """A dateline's date ("BEIJING, Aug. 21 (Xinhua) --") and where the body starts."""
    m = _DATELINE.match(sentence)
    if not m:
        return None, 0
    found = find_dates(m.group("date"), ref)
    return (found[0].value if found else None), m.end()


def _meeting_sentences(article: Article, gaz: Gazetteer) -> list[int]:
    """Sentences that report the leaders meeting: a meeting verb and two people, or one titled."""
    out = []
    for i, s in enumerate(article.sentences):
        if not _MEET.search(s):
            continue
        people = gaz.find("people", s)
        titled = re.search(r"\b(?:President|Premier|Prime Minister|Chairman)\b", s)
        if len(people) >= 2 or (people and titled):
            out.append(i)
    return out


def _reference_date(article: Article) -> date | None:
    """The date that 'on Wednesday' counts back from: dateline, header, or first full date."""
    for s in article.sentences[:4]:
        d, _ = _dateline(s, article.published)
        if d:
            return d
    if article.published:
        return article.published
    for s in article.sentences:
        for mention in find_dates(s, None):
            if mention.explicit and mention.value:
                return mention.value
    return None


def _meeting_date(article: Article, ref: date | None, meeting: list[int]) -> tuple[date | None, str]:
    """The meeting's date (or None) and the weekday the text names, best evidence first."""
    rank = {"iso": 0, "dotted": 0, "mdy": 0, "dmy": 0, "md": 1, "dm": 1, "relday": 2, "weekday": 2}
    best: tuple[int, int, date | None, str] | None = None
    weekday = ""
    for i in meeting:
        s = article.sentences[i]
        _, body = _dateline(s, article.published)
        for mention in find_dates(s[body:], ref):
            if mention.weekday is not None and not weekday:
                weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                           "Sunday")[mention.weekday]  # fmt: skip
            key = (rank[mention.form], i, mention.value, mention.form)
            if mention.value and (best is None or key[:2] < best[:2]):
                best = key
    if best:
        return best[2], weekday
    # No date where the meeting is reported: a press release gives it on a line of its own.
    for s in article.sentences[:6]:
        for mention in find_dates(s, ref):
            if mention.explicit and mention.value:
                return mention.value, weekday
    return None, weekday


def _meeting_place(article: Article, gaz: Gazetteer, meeting: list[int]) -> tuple[str | None, str]:
    """(city, venue) where the leaders met: from the meeting sentences, else the dateline."""
    order = meeting + [i for i in range(min(6, len(article.sentences))) if i not in meeting]
    for i in order:
        s = article.sentences[i]
        _, body = _dateline(s, article.published)
        text = s[body:]
        venues = gaz.find("venues", text)
        places = gaz.find("places", text)
        video = [e for _, e in places if e.name == "video link"]
        if video:
            return video[0].name, ""
        if venues:
            venue = venues[0][1]
            return str(venue.attr("city")), venue.name
        if places and (i in meeting or i < 3):
            return places[0][1].name, ""
    for s in article.sentences[:3]:
        m = _CITY_DATELINE.match(s)
        if m:
            found = gaz.find("places", m.group("city").title())
            if found:
                return found[0][1].name, ""
    return None, ""


def meeting_context(
    article: Article, gaz: Gazetteer, curated: date | None = None
) -> tuple[Context, list[int], str, str]:
    """The article's meeting: its context for other extractors, sentences, weekday and venue.

    ``curated`` is a hand-supplied meeting date, used only when the text gives none.
    """
    meeting = _meeting_sentences(article, gaz)
    ref = _reference_date(article)
    when, weekday = _meeting_date(article, ref, meeting)
    when = when or curated
    city, venue = _meeting_place(article, gaz, meeting)
    slug = (city or "unknown").lower().replace(" ", "-").replace(".", "")
    mid = f"{when.isoformat()}-{slug}" if when else f"{article.stem}-{slug}"
    return Context(article, gaz, ref, mid, when, city), meeting, weekday, venue


def extract_meeting(
    ctx: Context, meeting: list[int], weekday: str, venue: str, note: str = ""
) -> Iterator[Fact]:
    """The MEETING fact (date, place) and its VENUE; ``note`` says where a curated date is from."""
    idx = meeting[0] if meeting else 0
    when = ctx.meeting_date
    if when:
        display = format_date(when)
    elif weekday:
        display = f"a {weekday} (the article gives no date)"
    else:
        display = "an unknown date (the article gives none)"
    value = when.isoformat() if when else ""
    yield ctx.fact(FactKind.MEETING, idx, value, display, qualifier=weekday, curated=note)
    if venue:
        yield ctx.fact(FactKind.VENUE, idx, venue, venue)


# --- people -----------------------------------------------------------------------------------

_TITLED = re.compile(
    r"\b(?:Deputy Prime Minister|Vice Premier|Foreign Minister|Prime Minister|Premier|President|"
    r"Chairman|Minister(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?|Vice President|Ambassador)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})"
)
_PRESENT = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?present\b|\battended\b|\btook part in\b|\bparticipated in\b"
    r"|\baccompanied\b|\bwas also at\b|\bjoined the (?:meeting|talks)\b",
    re.I,
)
_DELEGATION = re.compile(
    r"\bbrought\s+(?P<who>.+?)\s+to the (?:meeting|talks)|\bdelegation (?:including|of)\s+"
    r"(?P<who2>[^.;]+)",
    re.I,
)


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


def extract_people(ctx: Context, meeting: list[int]) -> Iterator[Fact]:
    """Who met (from the first meeting sentence naming two people), who was present."""
    seen: set[str] = set()
    for i in meeting:
        people = _people(ctx, ctx.article.sentences[i])
        if len(people) >= 2:
            for name, role in people[:2]:
                seen.add(name)
                yield ctx.fact(FactKind.PERSON, i, name, _person(name, role), qualifier="met",
                               parts=_role_part(role))  # fmt: skip
            break
    for i, s in enumerate(ctx.article.sentences):
        if _PRESENT.search(s) and re.search(r"meeting|talks|conversation|present", s, re.I):
            for name, role in _people(ctx, s):
                if name not in seen:
                    seen.add(name)
                    yield ctx.fact(FactKind.PERSON, i, name, _person(name, role),
                                   qualifier="present", parts=_role_part(role))  # fmt: skip
        m = _DELEGATION.search(s)
        if m:
            who = (m.group("who") or m.group("who2")).strip(" ,")
            yield ctx.fact(FactKind.PERSON, i, who, who, qualifier="delegation")


def _person(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


def _role_part(role: str) -> tuple[tuple[str, str], ...]:
    return (("role", role),) if role else ()


# --- occasion ---------------------------------------------------------------------------------

_VISIT = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:currently\s+)?(?:in\s+(?P<in>[A-Z][a-z]+)\s+)?"
    r"on\s+an?\s+(?:(?P<len>[\w]+-day)\s+)?(?P<kind>state|official|working|friendly|official goodwill)"
    r"\s+visit(?:\s+to\s+(?P<to>[A-Z][a-z]+))?"
    r"|\bpaying\s+an?\s+(?:(?P<len2>[\w]+-day)\s+)?(?P<kind2>state|official|working)\s+visit"
    r"(?:\s+to\s+(?P<to2>[A-Z][a-z]+))?",
    re.I,
)
_REGULAR = re.compile(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+regular meeting(?:s)?\s+(?:between|of)\s+"
    r"(?:the\s+)?(?:Russian and Chinese\s+|Chinese and Russian\s+)?heads of (?:government|state)",
    re.I,
)


def extract_occasion(ctx: Context) -> Iterator[Fact]:
    """State/official visits under way and the N-th regular meeting of heads of government."""
    for i, s in enumerate(ctx.article.sentences):
        m = _VISIT.search(s)
        if m:
            kind = (m.group("kind") or m.group("kind2")).lower()
            length = m.group("len") or m.group("len2")
            where = m.group("to") or m.group("to2") or m.group("in")
            who = _subject_entry(ctx, s, m.start())
            text = " ".join(x for x in (length, kind, "visit") if x)
            text += f" to {where}" if where else ""
            text += f" by {short(who)}" if who else ""
            country = ctx.gaz.find("countries", where) if where else []
            parts = [("type", "visit"), ("length", length or ""), ("by", who.name if who else ""),
                     ("to", country[0][1].name if country else "")]  # fmt: skip
            yield ctx.fact(FactKind.OCCASION, i, f"{kind} visit", text, qualifier=kind,
                           parts=_parts(parts))  # fmt: skip
        r = _REGULAR.search(s)
        if r:
            n = _ordinal(r.group("ord"))
            if n:
                held = _event_date(ctx, s)
                label = f"{_nth(n)} regular meeting between the heads of government"
                display = label + (f" (held {format_date(held)})" if held else "")
                parts = [("type", "regular meeting"), ("held", held.isoformat() if held else "")]
                yield ctx.fact(FactKind.OCCASION, i, label, display, number=float(n),
                               qualifier="regular meeting", parts=_parts(parts))  # fmt: skip


def _event_date(ctx: Context, sentence: str) -> date | None:
    ref = ctx.meeting_date or ctx.ref
    found = [d.value for d in find_dates(sentence, ref) if d.value]
    return found[0] if found else None


def short(entry: Entry) -> str:
    """How a report names a person the second time: "Xi", "Mishustin", "Li Qiang"."""
    return min(entry.aliases, key=len)


def _parts(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """``Fact.parts`` without the empty ones."""
    return tuple((k, v) for k, v in pairs if v)


def _subject(ctx: Context, sentence: str, before: int | None = None) -> str:
    """Who a clause is about, as a report names them the second time ("Xi")."""
    entry = _subject_entry(ctx, sentence, before)
    return short(entry) if entry else ""


def _subject_entry(ctx: Context, sentence: str, before: int | None = None) -> Entry | None:
    """Who a clause is about: the last person named before ``before``, else the first named."""
    people = ctx.gaz.find("people", sentence)
    if before is not None and re.search(r"\b(?:he|she)\s+(?:(?:has|had|also|have)\s+)*$",
                                        sentence[:before], re.I):
        before = None  # "Xi ... said he has invited": the pronoun is the sentence's subject
    prior = [e for p, e in people if before is not None and p < before]
    return prior[-1] if prior else (people[0][1] if people else None)


def _ordinal(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"(\d+)", word)
    if digits:
        return int(digits.group(1))
    if "-" in word:  # twenty-eighth
        tens, _, unit = word.partition("-")
        base = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}.get(tens)
        return base + ORDINAL_WORDS[unit] if base and unit in ORDINAL_WORDS else None
    return ORDINAL_WORDS.get(word)


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- trade ------------------------------------------------------------------------------------

_MONEY = re.compile(
    r"(?P<pre>(?:US|U\.S\.)?\$|USD\s?|¥|RMB\s?)?\s?(?P<n>\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>trillion|billion|million|bln|bn|tln)\b\s*(?P<cur>(?:U\.S\.\s+)?dollars|yuan|rubles|"
    r"roubles|US dollars|USD)?",
    re.I,
)
_TRADE = re.compile(r"\btrade\b|\bturnover\b|\bcommerce\b|\bexports?\b|\bimports?\b", re.I)
_TARGET = re.compile(r"\btarget\b|\bgoal\b|\btask\b|\baim\b|\bbringing it to\b|\bbring it to\b"
                     r"|\braise it to\b|\bincrease it to\b", re.I)  # fmt: skip
_REACHED = re.compile(r"\b(?:reached|achieved|hit|exceeded|surpassed|topped|amounted to|"
                      r"totall?ed|stood at|grew to|rose to|met)\b", re.I)  # fmt: skip
_APPROX = re.compile(r"\b(?P<more>exceeded|surpassed|more than|over|topped)\b|\b(?P<less>almost|"
                     r"nearly|about|around|approximately)\b", re.I)  # fmt: skip


def extract_trade(ctx: Context) -> Iterator[Fact]:
    """Trade volumes and targets: amount, period, and whether a target was reached."""
    sentences = ctx.article.sentences
    for i, s in enumerate(sentences):
        money = list(_MONEY.finditer(s))
        if not money:
            continue
        about_trade = _TRADE.search(s) or (i > 0 and _TRADE.search(sentences[i - 1]) and _TARGET.search(s))
        if not about_trade:
            continue
        for m in money:
            amount = _amount(m)
            period, year, parts = _period(ctx, s, m)
            parts += _amount_parts(m)
            near = s[max(0, m.start() - 45) : m.start()] + " " + s[m.end() : m.end() + 8]
            target = bool(_TARGET.search(near))
            reached = bool(_REACHED.search(s[: m.start()]) or re.search(r"\breached\b", s))
            if target and reached:
                qualifier, text = "target reached", f"the {amount} trade target was reached"
                if re.search(r"\bannual\b", s, re.I):
                    text = f"the annual trade target of {amount} was reached"
                    parts.append(("annual", "yes"))
            elif target:
                qualifier, text = "target", f"a trade target of {amount}"
            else:
                approx = _APPROX.search(s[: m.start()])
                word = ("more than " if approx.group("more") else "almost ") if approx else ""
                more = approx.group("more") if approx else None
                parts.append(("approx", ("more" if more else "less") if approx else ""))
                qualifier, text = "volume", f"trade of {word}{amount}"
            text += f" {period}" if period else ""
            who = re.search(r"\bset by (?:the )?(?P<who>.+?)(?:,|\.|$| which)", s)
            if who and target:
                text += f" (set by {_names(ctx, s, who.group('who'))})"
                parts += _setters(ctx, s, who.group("who"))
            yield ctx.fact(FactKind.TRADE, i, f"{qualifier}: {amount}", text, year=year,
                           number=_number(m), qualifier=qualifier, parts=_parts(parts))  # fmt: skip


def _names(ctx: Context, sentence: str, phrase: str) -> str:
    """A phrase naming people, with pronouns resolved to the sentence's subject."""
    names = [short(e) for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her)\b", phrase):
        names.insert(0, _subject(ctx, sentence))
    return " and ".join(n for n in names if n) if names else phrase.strip()


def _setters(ctx: Context, sentence: str, phrase: str) -> list[tuple[str, str]]:
    """``_names`` as parts: canonical people, or the phrase when it names nobody."""
    names = [e.name for _, e in ctx.gaz.find("people", phrase)]
    if re.match(r"(?:him|her)\b", phrase):
        subject = _subject_entry(ctx, sentence)
        names.insert(0, subject.name if subject else "")
    names = [n for n in names if n]
    if names:
        return [("set_by", n) for n in names]
    return [("set_by_phrase", re.sub(r"^the\s+", "", phrase.strip(), flags=re.I))]


def _amount_parts(m: re.Match[str]) -> list[tuple[str, str]]:
    """Number, unit and currency of a money match, as ``_amount`` reads them."""
    text = _amount(m)
    unit = {"bln": "billion", "bn": "billion", "tln": "trillion"}.get(m.group("unit").lower(),
                                                                     m.group("unit").lower())
    currency = text.rsplit(" ", 1)[-1] if text.count(" ") > 1 else ""
    currency = "USD" if text.startswith("$") else currency
    return [("n", m.group("n").replace(",", ".")), ("unit", unit), ("currency", currency)]


def _amount(m: re.Match[str]) -> str:
    n, unit = m.group("n").replace(",", "."), m.group("unit").lower()
    unit = {"bln": "billion", "bn": "billion", "tln": "trillion"}.get(unit, unit)
    cur = (m.group("cur") or "").lower()
    pre = (m.group("pre") or "").strip().upper()
    if "$" in pre or "USD" in pre or "dollar" in cur or "usd" in cur:
        return f"${n} {unit}"
    if "yuan" in cur or pre in ("¥", "RMB"):
        return f"{n} {unit} yuan"
    if "rub" in cur or "roub" in cur:
        return f"{n} {unit} rubles"
    return f"{n} {unit}"


def _number(m: re.Match[str]) -> float:
    scale = {"trillion": 1e12, "tln": 1e12, "billion": 1e9, "bln": 1e9, "bn": 1e9, "million": 1e6}
    return float(m.group("n").replace(",", ".")) * scale[m.group("unit").lower()]


Period = tuple[str, int | None, list[tuple[str, str]]]


def _period(ctx: Context, s: str, m: re.Match[str]) -> Period:
    """(English period, its year, parts: period kind year|months|by, months count, year)."""
    months = re.search(r"\bfirst (\w+) months of (?:(this|last) year|(\d{4}))", s, re.I)
    if months:
        year = int(months.group(3)) if months.group(3) else relative_year(months.group(), ctx.year)
        n = months.group(1)
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
        parts = [("period", "months"), ("months", str(count)), ("period_year", str(year))]
        return f"in the first {n} months of {year}", year, parts if count and year else []
    by = re.search(r"\bby (\d{4})\b", s[m.end() :])
    if by:
        parts = [("period", "by"), ("period_year", by.group(1))]
        return f"by {by.group(1)}", int(by.group(1)), parts
    year = relative_year(s, ctx.year)
    if year is None:
        years = years_in(s)
        year = years[0] if years else None
    if year is not None:
        return f"in {year}", year, [("period", "year"), ("period_year", str(year))]
    return "", ctx.year, []


# --- anniversaries ----------------------------------------------------------------------------

_ANNIV = re.compile(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary\s+of\s+(?:the\s+)?"
    r"(?P<what>.+?)(?=\s+(?:next|this|last)\s+year|\s+in\s+\d{4}|,|;|\.(?:\s|$)|\s+as\s+a\b"
    r"|\s+and\s+(?:the|to|jointly|continuously)\b|$)",
    re.I,
)


def extract_anniversaries(ctx: Context) -> Iterator[Fact]:
    """N-th anniversaries: which, of what, and the year they fall in."""
    for i, s in enumerate(ctx.article.sentences):
        for m in _ANNIV.finditer(s):
            n = _ordinal(m.group("ord"))
            if not n:
                continue
            what = re.sub(r"\s+", " ", m.group("what")).strip()
            year = _anniversary_year(ctx, s, m, n, what)
            display = f"the {_nth(n)} anniversary of the {what}" + (f" ({year})" if year else "")
            yield ctx.fact(FactKind.ANNIVERSARY, i, f"{n}: {what}", display, year=year,
                           number=float(n), parts=(("of", what),))  # fmt: skip


def _anniversary_year(ctx: Context, s: str, m: re.Match[str], n: int, what: str) -> int | None:
    tail = s[m.end() : m.end() + 40]
    explicit = re.match(r"\s+in\s+(\d{4})", tail)
    if explicit:
        return int(explicit.group(1))
    rel = relative_year(tail, ctx.year) or relative_year(s, ctx.year)
    if rel:
        return rel
    own = re.split(r"\banniversary\b", s[m.end() :], maxsplit=1)[0][:60]
    since = re.search(r"\b(?:signed|established|founded|set up|since)\s+(?:in\s+)?(\d{4})", own)
    if since:
        return int(since.group(1)) + n
    for entry in ctx.gaz.sections["anniversary_bases"]:
        if entry.name.lower() in what.lower():
            return int(entry.attr("year")) + n
    if re.search(r"\b(?:marking|mark|celebrat\w*|commemorat\w*)\b", s, re.I):
        return ctx.year
    return None


# --- areas, organisations, initiatives --------------------------------------------------------

_COOP = re.compile(r"cooperat|collaborat|partnership|projects?\b|exchanges?\b|joint work|"
                   r"\bexpand\b|\bdeepen\b|\bstrengthen\b", re.I)  # fmt: skip
_NOT_AREA = re.compile(r"\b(?:economy|economic)\b(?=.{0,40}\b(?:remain|resilien|potential|growth|"
                       r"development path|social development)\b)", re.I)  # fmt: skip


def extract_areas(ctx: Context) -> Iterator[Fact]:
    """Cooperation areas: gazetteer areas named in sentences about cooperation."""
    seen: set[str] = set()
    for i, s in enumerate(ctx.article.sentences):
        if not _COOP.search(s):
            continue
        for start, end, entry in ctx.gaz.spans("areas", s):
            if entry.name in seen:
                continue
            if entry.name == "economy and trade" and _NOT_AREA.search(s[max(0, start - 5) : end + 60]):
                continue
            seen.add(entry.name)
            yield ctx.fact(FactKind.AREA, i, entry.name, entry.name)


def _named(ctx: Context, section: str, kind: FactKind) -> Iterator[Fact]:
    seen: set[str] = set()
    for i, s in enumerate(ctx.article.sentences):
        for _, entry in ctx.gaz.find(section, s):
            if entry.name not in seen:
                seen.add(entry.name)
                yield ctx.fact(kind, i, entry.name, entry.name)


def extract_organisations(ctx: Context) -> Iterator[Fact]:
    """Organisations and multilateral fora named in the article."""
    yield from _named(ctx, "organisations", FactKind.ORGANISATION)


_SYNERGY = re.compile(r"synergi[sz]|synergy|align|dock|coupl|integrat|link(?:ing)? up", re.I)


def extract_initiatives(ctx: Context) -> Iterator[Fact]:
    """Named initiatives, and the synergy of the Belt and Road with the Eurasian Economic Union."""
    yield from _named(ctx, "initiatives", FactKind.INITIATIVE)
    for i, s in enumerate(ctx.article.sentences):
        inits = ctx.gaz.find("initiatives", s)
        orgs = [e for _, e in ctx.gaz.find("organisations", s) if "Union" in e.name]
        if inits and orgs and _SYNERGY.search(s):
            a, b = inits[0][1].name, orgs[0].name
            yield ctx.fact(FactKind.INITIATIVE, i, f"synergy: {a} + {b}",
                           f"synergy of the {a} with the {b}",
                           parts=(("type", "synergy"), ("a", a), ("b", b)))  # fmt: skip


# --- named events -----------------------------------------------------------------------------

_ORD = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_EVENTS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"\b(?:the\s+)?(?P<ord>{_ORD})\s+Belt and Road Forum(?:\s+for International "
                r"Cooperation)?", re.I),
     lambda m: f"{m.group('ord')} Belt and Road Forum for International Cooperation"),
    (re.compile(r"(?:(?P<span>\d{4}\s*-\s*\d{4})\s+)?(?:(?i:China-Russia|Russia-China|"
                r"Russian-Chinese|Chinese-Russian)\s+(?i:years?)|\bYears?)\.?\s+of\s+(?P<what>"
                r"(?i:[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?(?:\s+exchanges?|\s+cooperation)?))"
                r"(?:\s+(?P<span2>\d{4}\s*-\s*\d{4}))?"),
     lambda m: _years_of(m)),
    (re.compile(rf"\b(?P<ord>{_ORD})\s+National Congress of the Communist Party of China|"
                rf"\b(?P<ord2>{_ORD})\s+(?:CPC|Communist Party of China) National Congress", re.I),
     lambda m: f"{m.group('ord') or m.group('ord2')} National Congress of the Communist Party of China"),
    (re.compile(rf"\b(?P<ord>{_ORD})\s+Plenary Session of the\s+(?P<cc>{_ORD})\s+(?:CPC|Communist "
                r"Party of China)\s+Central Committee", re.I),
     lambda m: f"{m.group('ord').title()} Plenary Session of the {m.group('cc')} CPC Central Committee"),
    (re.compile(rf"\b(?P<ord>{_ORD})\s+Five-Year Plan", re.I),
     lambda m: f"{m.group('ord')} Five-Year Plan"),
    (re.compile(r"\b(?:annual\s+)?(?:two sessions|annual sessions)\b", re.I),
     lambda m: "annual sessions of China's top legislative and political advisory bodies"),
    (re.compile(r"\b(?P<name>(?:[A-Z][\w-]+\s+){1,4}(?:Summit|Expo|Exhibition|Games|Olympics))\b"),
     lambda m: m.group("name")),
    (re.compile(r"\b(?P<name>(?:[A-Z][\w-]+\s+){0,3}Economic Forum)\b"),
     lambda m: m.group("name")),
)  # fmt: skip
# What each _EVENTS pattern names, for the structured parts replies in Russian are built from.
_EVENT_TYPES = ("belt_and_road_forum", "years_of", "party_congress", "plenary_session",
                "five_year_plan", "two_sessions", "named", "named")  # fmt: skip
_STOP_YEARS = {"the", "a", "this", "that", "in", "to", "its", "their", "our", "his", "her"}


def _years_of(m: re.Match[str]) -> str:
    what = " ".join(w for w in m.group("what").split() if w.lower() not in _STOP_YEARS).lower()
    if not what or what.split()[0] in _STOP_YEARS:
        return ""
    span = (m.group("span") or m.group("span2") or "").replace(" ", "")
    return f"China-Russia Years of {what.title().replace(' And ', ' and ')}" + (f" {span}" if span else "")


def extract_events(ctx: Context) -> Iterator[Fact]:
    """Named events: forums, Years of ..., party congresses, plenary sessions, five-year plans."""
    seen: dict[str, int] = {}
    for i, s in enumerate(ctx.article.sentences):
        for (rx, name_of), kind in zip(_EVENTS, _EVENT_TYPES, strict=True):
            for m in rx.finditer(s):
                name = name_of(m)
                if not name:
                    continue
                key = re.sub(r"\s\d{4}-\d{4}$", "", name).lower()
                if key in seen:
                    continue
                seen[key] = i
                when = _event_when(ctx, s, m)
                display = name + (f" ({when})" if when else "")
                year = int(when[-4:]) if when and when[-4:].isdigit() else ctx.year
                parts = _event_parts(kind, m, name) + _when_parts(when)
                yield ctx.fact(FactKind.EVENT, i, name, display, year=year, parts=_parts(parts))


def _event_parts(kind: str, m: re.Match[str], name: str, prefix: str = "") -> list[tuple[str, str]]:
    """Type, ordinals ('4' for 'Fourth'), the 'Years of' subject and span, or the bare name."""
    groups = m.groupdict()
    parts = [("type", kind)]
    ordinal = groups.get("ord") or groups.get("ord2")
    if ordinal:
        parts.append(("ord", str(_ordinal(ordinal) or "")))
    if groups.get("cc"):
        parts.append(("cc", str(_ordinal(groups["cc"]) or "")))
    if kind == "years_of":
        what = name.split(" Years of ", 1)[-1]
        span = re.search(r"\s*(\d{4}-\d{4})$", what)
        parts.append(("what", what[: span.start()] if span else what))
        parts.append(("span", span.group(1) if span else ""))
    if kind == "named":
        parts.append(("name", name))
    return [(prefix + k, v) for k, v in parts]


def _when_parts(when: str, prefix: str = "") -> list[tuple[str, str]]:
    """'October 2025' -> when_month October, when_year 2025; '2023' -> when_year."""
    bits = when.split()
    month = bits[0] if len(bits) == 2 else ""
    return [(prefix + "when_month", month), (prefix + "when_year", bits[-1] if bits else "")]


def _event_when(ctx: Context, s: str, m: re.Match[str]) -> str:
    """When a named event happened, from 'concluded last month', 'this year' and the like."""
    ref = ctx.meeting_date or ctx.ref
    if re.search(r"\bconcluded last month\b", s):
        ym = relative_month("last month", ref)
        if ym:
            return f"{MONTH_NAMES[ym[1] - 1]} {ym[0]}"
    tail = s[m.end() : m.end() + 80]
    year = relative_year(tail, ctx.year)
    return str(year) if year else ""


# --- greetings, condolences, aid, invitations ---------------------------------------------------

_GREETING = re.compile(r"greetings|best wishes|regards", re.I)


def extract_greetings(ctx: Context) -> Iterator[Fact]:
    """Greetings conveyed: from whom, to whom, through whom."""
    for i, s in enumerate(ctx.article.sentences):
        if not _GREETING.search(s) or not re.search(r"\bconvey|\bpass(?:ed)? on\b|\bextend", s, re.I):
            continue
        spans = ctx.gaz.spans("people", s)
        names = list(dict.fromkeys(short(e) for _, _, e in spans))
        canon = {short(e): e.name for _, _, e in spans}
        if len(names) < 2:
            continue
        ask = re.search(r"\basked\s+(?P<via>.+?)\s+to\s+convey\s+(?:his|her)\b", s)
        if ask:
            sender = _subject(ctx, s, ask.start()) or names[0]
            rest = [n for n in names if n != sender]
            via, to = rest[0], (rest[1] if len(rest) > 1 else "")
            text = f"{sender} asked {via} to convey greetings" + (f" to {to}" if to else "")
            parts = _greeting_parts("asked", canon, sender, via, to)
            yield ctx.fact(FactKind.GREETING, i, text, text, parts=parts)
            continue
        sender = to = ""
        for start, end, e in spans:
            before, after = s[max(0, start - 30) : start], s[end : end + 3]
            if re.search(r"\b(?:from|of)\s+(?:[A-Z][\w ]{0,25})?$", before) or after.startswith(("'s", "’s")):
                sender = sender or short(e)
            elif re.search(r"greetings.{0,40}\bto\s+(?:[A-Z]\w+\s+){0,3}$", before):
                to = to or short(e)
        said = re.search(r"\b(?P<who>[A-Z]\w+)\s+said\b", s)
        via = said.group("who") if said and said.group("who") in names else names[0]
        rest = [n for n in names if n not in (sender, via)]
        if not sender and rest:
            sender = rest.pop(0) if not re.search(r"\bhis\b|\bher\b", s) else via
        to = to or next((n for n in names if n not in (sender, via)), "")
        if sender == via:
            text = f"{sender} conveyed greetings" + (f" to {to}" if to else "")
        else:
            text = f"{via} conveyed {sender}'s greetings" + (f" to {to}" if to else "")
        form = "own" if sender == via else "conveyed"
        parts = _greeting_parts(form, canon, sender, via, to)
        yield ctx.fact(FactKind.GREETING, i, text, text, parts=parts)


def _greeting_parts(
    form: str, canon: dict[str, str], sender: str, via: str, to: str
) -> tuple[tuple[str, str], ...]:
    """Form (asked | own | conveyed) and the canonical names of sender, messenger, addressee."""
    names = [("sender", sender), ("via", via), ("to", to)]
    return _parts([("form", form)] + [(k, canon.get(v, v)) for k, v in names])


_SYMPATHY = re.compile(r"condolence|sympath|mourn", re.I)
_MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?)[- ]magnitude|magnitude[- ](\d+(?:\.\d+)?)", re.I)
_AID = re.compile(r"\b(?:ready|willing|prepared|stands ready|offer(?:ed|s)?)\b[^.]{0,60}\b(?:aid|"
                  r"assistance|help|rescue teams|relief|supplies|support)\b", re.I)  # fmt: skip


def extract_condolences(ctx: Context) -> Iterator[Fact]:
    """Condolences over a disaster (what, where, magnitude) and offers of aid."""
    sentences = ctx.article.sentences
    done: set[str] = set()
    for i, s in enumerate(sentences):
        disasters = ctx.gaz.find("disasters", s)
        if not _SYMPATHY.search(s) or not disasters or disasters[0][1].name in done:
            continue
        disaster = disasters[0][1].name
        done.add(disaster)
        nearby = " ".join(sentences[max(0, i - 1) : i + 3])
        regions = [e.name for _, e in ctx.gaz.find("regions", s)] or [
            e.name for _, e in ctx.gaz.find("regions", nearby)
        ]
        mag = _MAGNITUDE.search(s) or _MAGNITUDE.search(nearby)
        magnitude = float(mag.group(1) or mag.group(2)) if mag else None
        subject = _subject_entry(ctx, s)
        who = short(subject) if subject else ""
        text = (f"magnitude-{magnitude:g} " if magnitude else "") + disaster
        text += f" in {' and '.join(regions)}" if regions else ""
        text = f"{who} conveyed sympathies over the {text}" if who else f"sympathies over the {text}"
        parts = [("who", subject.name if subject else ""), ("disaster", disaster)]
        yield ctx.fact(FactKind.CONDOLENCE, i, disaster, text, number=magnitude,
                       qualifier=", ".join(regions),
                       parts=_parts(parts + [("region", r) for r in regions]))  # fmt: skip
    if not done:
        return
    for i, s in enumerate(sentences):
        m = _AID.search(s)
        if m and re.search(r"disaster|earthquake|relief|rescue|flood|need", s, re.I):
            countries = [e.name for _, e in ctx.gaz.find("countries", s[: m.start() + 1])]
            subject = _subject_entry(ctx, s)
            who = countries[0] if countries else (short(subject) if subject else "")
            what = re.search(r"\b(?:ready|willing|prepared)\s+to\s+(?P<w>[^.;,]+)", s)
            offer = f"ready to {what.group('w').strip()}" if what else "offered aid"
            text = f"{who} is {offer}" if who else offer[0].upper() + offer[1:]
            parts = [("who", countries[0] if countries else (subject.name if subject else ""))]
            if what:
                w = what.group("w").strip()
                cond = re.search(r"\s+(?:if|should|in response to|when|in case)\b", w)
                parts += [("offer", w[: cond.start()] if cond else w),
                          ("condition", w[cond.start() :].strip() if cond else "")]  # fmt: skip
            yield ctx.fact(FactKind.AID, i, "aid offered", text, parts=_parts(parts))
            break


_INVITE = re.compile(r"\binvit(?:ed|es|ation)\b", re.I)


def extract_invitations(ctx: Context) -> Iterator[Fact]:
    """Invitations: who invited whom, to what."""
    for i, s in enumerate(ctx.article.sentences):
        for m in re.finditer(r"\binvit(?:ed|es)\s+(?=(?P<rest>[^.;]+))", s):
            # "invited A to visit China and said he has invited B to ...": one fact each.
            rest = re.split(r"\binvit(?:ed|es)\b", m.group("rest"))[0]
            guests = ctx.gaz.find("people", rest)
            if not guests:
                continue
            host_entry = _subject_entry(ctx, s, m.start())
            host = short(host_entry) if host_entry else ""
            guest = short(guests[0][1])
            purpose = re.search(r"\bto\s+(?P<p>(?:visit|attend|come|take part)[^,;]*?)(?=\s+and said\b|,|$)", rest)
            what = f" to {purpose.group('p').strip()}" if purpose else ""
            text = f"{host} invited {guest}{what}" if host and host != guest else f"{guest} was invited{what}"
            parts = [("host", host_entry.name if host_entry and host != guest else ""),
                     ("guest", guests[0][1].name)]  # fmt: skip
            if purpose:
                parts += _purpose_parts(ctx, purpose.group("p").strip())
            yield ctx.fact(FactKind.INVITATION, i, text, text, parts=_parts(parts))


def _purpose_parts(ctx: Context, purpose: str) -> list[tuple[str, str]]:
    """'visit China for the third Belt and Road Forum ... this year': action, dest, event parts."""
    m = re.match(r"(?P<verb>visit|attend|come|take part)\b(?:\s+(?:in|to)\b)?\s*(?P<rest>.*)",
                 purpose)
    if not m:
        return []
    parts = [("action", m.group("verb"))]
    dest = ctx.gaz.find("countries", m.group("rest")[:20])
    if dest and dest[0][0] == 0:
        parts.append(("dest", dest[0][1].name))
    for (rx, name_of), kind in zip(_EVENTS, _EVENT_TYPES, strict=True):
        event = rx.search(m.group("rest"))
        if event and name_of(event):
            year = relative_year(m.group("rest")[event.end() :], ctx.year)
            parts += _event_parts(kind, event, name_of(event), "event_")
            parts += _when_parts(str(year) if year else "", "event_")
            break
    return parts


# --- the whole article --------------------------------------------------------------------------

EXTRACTORS: tuple[Callable[[Context], Iterator[Fact]], ...] = (
    extract_occasion, extract_trade, extract_anniversaries, extract_areas, extract_organisations,
    extract_initiatives, extract_events, extract_greetings, extract_condolences, extract_invitations,
)  # fmt: skip


def extract(
    article: Article, gaz: Gazetteer, curated: tuple[date, str] | None = None
) -> tuple[Context, list[Fact]]:
    """All facts of one article (and its meeting context).

    ``curated`` is (date, note) from the curated file, for an article that gives no date.
    """
    ctx, meeting, weekday, venue = meeting_context(article, gaz, curated[0] if curated else None)
    note = curated[1] if curated and ctx.meeting_date == curated[0] else ""
    facts = list(extract_meeting(ctx, meeting, weekday, venue, note))
    facts += extract_people(ctx, meeting)
    for extractor in EXTRACTORS:
        facts += extractor(ctx)
    return ctx, facts


def outlet(article: Article, gaz: Gazetteer) -> str:
    """The news outlet the article names first (for /sources), or ''."""
    for s in article.sentences[:3] + article.sentences[-2:]:
        found = gaz.find("outlets", s)
        if found:
            return found[0][1].name
    return ""


__all__ = ["EXTRACTORS", "Context", "extract", "outlet"]
