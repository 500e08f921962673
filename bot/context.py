"""The article context every fact kind's extractor shares: dateline, reference date, the meeting.

``article_context(article, gaz)`` finds the sentences that report the leaders meeting, the
meeting's date (resolved against the dateline, header or another date), city, venue and weekday;
the helpers below (who a clause is about, ordinals) serve every kind in ``bot/kinds/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .corpus import Article
from .facts import NO_PARTS, Fact, FactKind, Parts
from .gazetteer import Entry, Gazetteer
from .speech import Said, reported
from .text import ORDINAL_WORDS, Pattern, find_dates

_MEET = Pattern(r"\b(?:met|meets?|meeting|talks|conversation|received|hosted)\b", re.I)
_DATELINE = Pattern(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,30},\s+)?(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}"
    r"(?:\s+\d{4})?|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\.?\s*(?:\([^)]{2,20}\)\s*)?"
    r"(?:--|—|–|-|/[A-Za-z ]{2,12}/\.?|:)\s*"
)
_CITY_DATELINE = Pattern(r"^(?P<city>[A-Z][A-Z .'’-]{2,25})(?:,|:|\s+--|\s+\()")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors of one article share: the article, its dates and its meeting."""

    article: Article
    gaz: Gazetteer
    ref: date | None  # the reference date: dateline, header or first full date in the text
    meeting_id: str
    meeting_date: date | None
    place: str | None
    meeting: tuple[int, ...] = ()  # the sentences that report the leaders meeting
    weekday: str = ""  # the weekday the meeting sentences name ("Wednesday"), if any
    venue: str = ""
    note: str = ""  # where a curated meeting date came from, when the text gives none
    said: tuple[Said, ...] = ()  # who says what, sentence by sentence (``bot.speech``)

    def fact(
        self,
        kind: FactKind,
        idx: int,
        value: str,
        display: str,
        *,
        year: int | None | Literal["meeting"] = "meeting",
        number: float | None = None,
        qualifier: str = "",
        curated: str = "",
        parts: Parts = NO_PARTS,
    ) -> Fact:
        """A fact from sentence ``idx`` of this article, tied to its meeting (and, unless
        ``year`` says otherwise, to the meeting's year)."""
        if year == "meeting":
            year = self.meeting_date.year if self.meeting_date else None
        return Fact(
            kind=kind,
            value=value,
            display=display,
            article=self.article.stem,
            sentence=idx,
            source=self.article.sentences[idx],
            meeting=self.meeting_id,
            place=self.place,
            year=year,
            number=number,
            qualifier=qualifier,
            curated=curated,
            parts=parts,
        )

    @property
    def year(self) -> int | None:
        """The year the article is about, for 'this year' and 'next year'."""
        if self.meeting_date:
            return self.meeting_date.year
        return self.ref.year if self.ref else None


# --- the meeting ------------------------------------------------------------------------------


def dateline(sentence: str, ref: date | None) -> tuple[date | None, int]:
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
        d, _ = dateline(s, article.published)
        if d:
            return d
    if article.published:
        return article.published
    for s in article.sentences:
        for mention in find_dates(s, None):
            if mention.explicit and mention.value:
                return mention.value
    return None


def _meeting_date(
    article: Article, ref: date | None, meeting: list[int]
) -> tuple[date | None, str]:
    """The meeting's date (or None) and the weekday the text names, best evidence first."""
    rank = {"iso": 0, "dotted": 0, "mdy": 0, "dmy": 0, "md": 1, "dm": 1, "relday": 2, "weekday": 2}
    best: tuple[int, int, date | None, str] | None = None
    weekday = ""
    for i in meeting:
        s = article.sentences[i]
        _, body = dateline(s, article.published)
        for mention in find_dates(s[body:], ref):
            if mention.weekday is not None and not weekday:
                weekday = _WEEKDAYS[mention.weekday]
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
        _, body = dateline(s, article.published)
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


def article_context(
    article: Article, gaz: Gazetteer, curated: tuple[date, str] | None = None
) -> Context:
    """The article's meeting and dates, for every kind's extractor.

    ``curated`` is (date, note) from the curated file: the meeting's date when the text gives
    none, and where that date came from.
    """
    meeting = _meeting_sentences(article, gaz)
    ref = _reference_date(article)
    when, weekday = _meeting_date(article, ref, meeting)
    when = when or (curated[0] if curated else None)
    note = curated[1] if curated and when == curated[0] else ""
    city, venue = _meeting_place(article, gaz, meeting)
    slug = (city or "unknown").lower().replace(" ", "-").replace(".", "")
    mid = f"{when.isoformat()}-{slug}" if when else f"{article.stem}-{slug}"
    said = reported(article.sentences, lambda text: people_in(gaz, text))
    return Context(article, gaz, ref, mid, when, city, tuple(meeting), weekday, venue, note, said)


def people_in(gaz: Gazetteer, text: str) -> list[tuple[int, str, str]]:
    """(start, the name as written, canonical name) of each person ``text`` names, in order."""
    return [(a, text[a:b], e.name) for a, b, e in gaz.spans("people", text)]


# --- helpers the kinds share -------------------------------------------------------------------


def short(entry: Entry) -> str:
    """How a report names a person the second time: "Xi", "Mishustin", "Li Qiang"."""
    return min(entry.aliases, key=len)


def subject(ctx: Context, sentence: str, before: int | None = None) -> str:
    """Who a clause is about, as a report names them the second time ("Xi")."""
    entry = subject_entry(ctx, sentence, before)
    return short(entry) if entry else ""


def subject_entry(ctx: Context, sentence: str, before: int | None = None) -> Entry | None:
    """Who a clause is about: the last person named before ``before``, else the first named."""
    people = ctx.gaz.find("people", sentence)
    if before is not None and re.search(r"\b(?:he|she)\s+(?:(?:has|had|also|have)\s+)*$",
                                        sentence[:before], re.I):  # fmt: skip
        before = None  # "Xi ... said he has invited": the pronoun is the sentence's subject
    prior = [e for p, e in people if before is not None and p < before]
    return prior[-1] if prior else (people[0][1] if people else None)


def ordinal(word: str) -> int | None:
    """'28th' -> 28, 'third' -> 3, 'twenty-eighth' -> 28; None for anything else."""
    word = word.lower()
    digits = re.match(r"(\d+)", word)
    if digits:
        return int(digits.group(1))
    if "-" in word:  # twenty-eighth
        tens, _, unit = word.partition("-")
        base = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}.get(tens)
        return base + ORDINAL_WORDS[unit] if base and unit in ORDINAL_WORDS else None
    return ORDINAL_WORDS.get(word)


def nth(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def sentence_date(ctx: Context, sentence: str) -> date | None:
    """The first date ``sentence`` names, resolved against the meeting (or reference) date."""
    ref = ctx.meeting_date or ctx.ref
    found = [d.value for d in find_dates(sentence, ref) if d.value]
    return found[0] if found else None


def named_facts(ctx: Context, section: str, kind: FactKind, parts: Parts) -> Iterator[Fact]:
    """One fact per gazetteer entry of ``section`` the article names (at its first mention)."""
    seen: set[str] = set()
    for i, s in enumerate(ctx.article.sentences):
        for _, entry in ctx.gaz.find(section, s):
            if entry.name not in seen:
                seen.add(entry.name)
                yield ctx.fact(kind, i, entry.name, entry.name, parts=parts)


__all__ = ["Context", "article_context", "dateline", "named_facts", "nth", "ordinal",
           "people_in", "sentence_date", "short", "subject", "subject_entry"]  # fmt: skip
