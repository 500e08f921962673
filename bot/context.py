"""The article context every fact kind's extractor shares: dateline, reference date, the meeting.

``article_context(article, gaz)`` finds the sentences that report the leaders meeting, the
meeting's date (resolved against the dateline, header or another date), city, venue and weekday;
the helpers below (who a clause is about, ordinals) serve every kind in ``bot/kinds/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .corpus import Article
from .corrections import retracted
from .encounters import (
    ANAPHORIC,
    Encounter,
    Mention,
    date_line,
    dates_in,
    daytime_of,
    mentions,
    resolve,
    venues_at,
    when_mentions,
)
from .facts import NO_PARTS, Fact, FactKind, Parts
from .gazetteer import Entry, Gazetteer
from .lazyre import lazy_re
from .speech import STAMP, FindPeople, Holder, Said, interviewee, reported
from .text import MONTH_NAMES, ORDINAL_WORDS, Pattern, find_dates, nearest_year

_DATELINE = Pattern(  # (and a Russian wire's: "САНКТ-ПЕТЕРБУРГ, 2 окт — РИА Новости")
    r"^(?:(?P<city>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.'’ -]{1,30}),\s*)?(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:[A-Za-z]{3,9}|[а-яё]{3,8})"
    r"(?:\s+\d{4})?|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\.?\s*(?:\([^)]{2,20}\)\s*)?"
    r"(?:(?:--|—|–|-|/[A-Za-z ]{2,12}/\.?|:)\s*|$)"  # or a line of its own: "Moscow, March 21."
)
# "Who arrived the day before", "the following day": a day counted from another event, never
# the date of the meeting itself ("yesterday" and "today" count from the article's own date).
_OTHER_DAY = Pattern(r"(?:the\s+)?day\s+before|the\s+(?:previous|next|following)\s+day", re.I)
_CITY_DATELINE = Pattern(r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,25})(?:,|:|\s+--|\s+\()")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "Current year we mark 25 years of the Treaty ... signed in 2001", "this year marks the 75th
# anniversary of ...": the article's year, when nothing else gives it.
_YEARS_SINCE = Pattern(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)?\s+(?:years?|anniversary)\s+(?:of|since)\b(?P<what>[^.]*?)"
    r"\b(?:signed|established|founded|concluded|set up|adopted)?\s*(?:in\s+)?"
    r"(?P<base>(?:19|20)\d\d)\b",
    re.I,
)
_ANNIVERSARY_OF = Pattern(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?"
                          r"(?P<what>[^,.;]{5,80})", re.I)  # fmt: skip
# A year as written, "last" before it meaning the year before the article's ("last 2027 year")
_WRITTEN_YEAR = Pattern(r"(?:\b(?P<last>last|past|previous)\s+)?\b(?P<y>(?:19|20)\d\d)\b"
                        r"(?!\s*[-–]\d)", re.I)  # fmt: skip
_THIS_YEAR = Pattern(r"\b(?:this|current|the\s+current)\s+year\b|\bthis\s+year['’]s\b", re.I)
_VISITED = Pattern(
    r"\b(?:visit(?:ing|s|ed)?|visit\s+to|trip\s+to|in|to)\s+(?:the\s+)?(?P<c>China|Russia|"
    r"People['’]s\s+Republic\s+of\s+China|Russian\s+Federation)(?![a-z])",
)
# Where a visit goes: "will travel to the People's Republic of China", "arrived ... in Beijing".
_TRAVEL = Pattern(
    r"\b(?:travel(?:s|led|ling)?|visit(?:s|ed|ing)?|arrived|arrives|trip|visit)\s+(?:\w+\s+){0,3}?"
    r"(?:to|in)\s+(?:the\s+)?(?P<c>China|Russia|People['’]s\s+Republic\s+of\s+China|Russian\s+"
    r"Federation)(?![a-z])",
)
# A host greets the guest where they meet: "welcome to Beijing once again".
# A venue named by what it is, where the leaders sat: "at the Dongjiao State Guest Hotel", "in
# the Kazan Kremlin's Palace" is the gazetteer's; "at the Expo Centre" ("at" or "in" a building).
_NAMED_VENUE = Pattern(
    r"\b(?:at|in)\s+the\s+(?P<venue>(?:[A-Z][\w'’-]+\s+){1,4}(?:State\s+Guest\s*[Hh]ouse|State\s+"
    r"Guest\s+Hotel|Guest\s*[Hh]ouse|Hotel|Palace|Residence|(?:Conference|Exhibition|Convention)\s+"
    r"Cent(?:re|er)|Government\s+Building|Hall|University(?:\s+campus)?|Villa|Pavilion)"
    r"(?:\s+on\s+(?:[A-Z][\w'’-]+\s+)?(?:Island|Lake|Bay))?)\b"
)  # fmt: skip ("at the Far Eastern Federal University campus on Russky Island")
_ARRIVES_AT = Pattern(r"\b(?:arriv(?:es|ed|ing)|pull(?:s|ed)?\s+up|drove\s+up)\s+(?:at|to)\b", re.I)
_WELCOME = Pattern(r"\bwelcome\s+(?:you\s+)?(?:back\s+)?to\s+(?:the\s+)?(?=[A-Z])")
RECAP_DAYS = 30  # a text that dates things this long after the meeting it names looks back
REPORT = "report"  # what the group of an article that reports no meeting at all is
LEAD = 8  # sentences: headline, repeated headline, caption and lead paragraph of a report
LEAD_CONTENT = 4  # sentences of text (no heading, menu or repeated line) that a lead holds at least


def lead_end(sentences: Sequence[str]) -> int:
    """Where an article's lead ends: ``LEAD`` sentences, or more when the page's headings, menus,
    time stamps and repeated titles leave fewer than ``LEAD_CONTENT`` sentences of text in them
    (a government release opens with seven lines of its site's furniture)."""
    seen: set[str] = set()
    text = 0
    for i, s in enumerate(sentences):
        line = " ".join(s.split())
        if i >= LEAD and text >= LEAD_CONTENT:
            return i
        if line not in seen and re.search(r"[.!?…\"”»]$", line) and len(line.split()) > 2:
            text += 1
        seen.add(line)
    return len(sentences)


Dated = Literal["text", "header", "year inferred", "curated", ""]


@dataclass(frozen=True, slots=True)
class Context:
    """What the extractors of one article share: the article, its dates and its meeting.

    An article that reports a meeting of the principals (``gazetteer.yaml``) has that meeting;
    one that does not (a premiers' meeting, an announcement) has its ``main`` encounter, and its
    facts belong to that."""

    article: Article
    gaz: Gazetteer
    ref: date | None  # the reference date: dateline, header or first full date in the text
    meeting_id: str
    meeting_date: date | None
    place: str | None
    meeting: tuple[int, ...] = ()  # the sentences that report the meeting (or main encounter)
    weekday: str = ""  # the weekday the meeting sentences name ("Wednesday"), if any
    venue: str = ""
    note: str = ""  # where a curated meeting date came from, when the text gives none
    said: tuple[Said, ...] = ()  # who says what, sentence by sentence (``bot.speech``)
    encounters: tuple[Encounter, ...] = ()  # every meeting the article mentions
    main: Encounter | None = None  # the encounter the article reports, when not the principals'
    elsewhere: frozenset[int] = frozenset()  # sentences about other encounters only
    daytime: str = ""  # morning | afternoon | evening
    clock: str = ""  # "shortly after 10 a.m."
    month_day: tuple[int, int] | None = None  # of an undated meeting: the text's month and day
    country: str = ""  # where the meeting was, when the text names only the country
    place_rank: int = 9  # how the place was found: 0 the meeting's sentences, 1 others, 2 dateline
    dated: Dated = ""  # where the meeting date came from
    people: FindPeople | None = None  # the article's people in a text, family names read too
    date_rank: int = 9  # how good the date's evidence is (``_When.rank``; 6 curated)
    # per sentence, the day (ISO) of the principals' meeting other than the article's own that
    # its paragraph tells of ("" for none; () when no paragraph does): ``scopes``
    scoped: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()  # the meeting clauses ``encounters`` were resolved from
    # of an undated meeting: the months the text names as "last October" (``bot.merge`` finds
    # its year by the meetings of the table then and its weekday)
    last_months: tuple[int, ...] = ()
    retracted: frozenset[str] = frozenset()  # figures the article corrects (``bot.corrections``)

    @property
    def principal(self) -> bool:
        """The article reports a meeting of the principals (it has a meeting of the table); an
        article that reports no meeting at all (talks of others, a machine translation whose
        names are garbled) has none."""
        return self.main is None and bool(self.meeting)

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

    def named(self, text: str) -> list[tuple[int, str, str]]:
        """(start, as written, canonical name) of each person ``text`` names, family names of
        the article's people ("Li" for Li Qiang) read too."""
        return list(self.people(text)) if self.people else people_in(self.gaz, text)

    def speaker(self, idx: int) -> str:
        """Who speaks in sentence ``idx`` (a transcript line, a quote, "he said"), or ""."""
        return next((s.speaker for s in self.said if s.idx == idx), "")

    def partner(self, name: str) -> str:
        """Whom ``name`` met in the meeting the article reports: "you" in their words."""
        who = self.main.who if self.main is not None else tuple(self.gaz.principals)
        others = [n for n in who if n != name]
        return others[0] if name in who and others else ""

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


def _dateline_day(sentence: str) -> tuple[int, int] | None:
    """(month, day) of a dateline without a year ("Moscow, 3 Mar -")."""
    m = _DATELINE.match(sentence)
    if not m:
        return None
    found = find_dates(m.group("date"), None)
    if found and found[0].month and found[0].day:
        return found[0].month, found[0].day
    return None


def _lined_day(article: Article) -> tuple[int, int] | None:
    """(month, day) of the dateline among an article's first sentences that gives no year."""
    return next((d for s in article.sentences[:3] if (d := _dateline_day(s))), None)


def _published(article: Article) -> date | None:
    """The article's own date: its dateline's, else its header's."""
    for s in article.sentences[:4]:
        d, _ = dateline(s, article.published)
        if d:
            return d
    return article.published


# A transcript line's lead before what is said: a time code, a speaker's label, whom he
# addresses ("[00:11:59] CORRESPONDENT (Daniel Okafor): Helen, the meeting took place ...")
_SPOKEN_LEAD = lazy_re(
    r"^(?:\[\d{1,2}:\d\d(?::\d\d)?\]\s*)?(?:[A-Z][A-Z .'-]{2,}(?:\s*\([^)]{1,80}\))?:\s*)?"
    r"(?:[A-Z][a-z]+,\s+)?"
)


def _reference_date(article: Article) -> date | None:
    """The date that 'on Wednesday' counts back from: dateline, header, or first full date."""
    published = _published(article)
    if published:
        return published
    if _lined_day(article) is not None:
        # "САНКТ-ПЕТЕРБУРГ, 2 окт": the day is the dateline's, its year the one the text
        # writes that fits its weekday (``_article_year``), not a date the text recalls
        # ("2 октября 1949 года")
        return None
    for s in article.sentences:
        for mention in find_dates(s, None):
            if mention.explicit and mention.value:
                return mention.value
    return None


@dataclass(frozen=True, slots=True)
class _When:
    """The meeting's date as the text gives it, or what of it the text gives."""

    value: date | None
    weekday: str = ""
    month_day: tuple[int, int] | None = None
    dated: Dated = ""
    rank: int = 9  # 0 full date, 1 month and day, 2 weekday or "yesterday" (the meeting's
    # sentences); 3 a full date on a line of its own, 4 the year inferred, 5 the page's date


def _meeting_date(article: Article, ref: date | None, meeting: Sequence[int],
                  elsewhere: frozenset[int], gaz: Gazetteer | None = None) -> _When:  # fmt: skip
    """The meeting's date (or what the text gives of it), best evidence first."""
    rank = {"iso": 0, "dotted": 0, "mdy": 0, "dmy": 0, "md": 1, "dm": 1, "relday": 2, "weekday": 2}
    best: tuple[int, int, date | None, str] | None = None
    weekday = ""
    month_day: tuple[int, int] | None = None
    for i in meeting:
        s = article.sentences[i]
        filed, body = dateline(s, article.published)
        # (a wire's flash has a dateline of its own: its "on Thursday" counts from it, not
        # from the first flash's)
        for mention in dates_in(s[body:], filed or ref):
            if mention.form == "relday" and _OTHER_DAY.match(s, body + mention.start):
                continue
            if mention.weekday is not None and not weekday:
                weekday = _WEEKDAYS[mention.weekday]
            if mention.month and mention.day and month_day is None:
                month_day = (mention.month, mention.day)
            key = (rank[mention.form], i, mention.value, mention.form)
            if mention.value and (best is None or key[:2] < best[:2]):
                best = key
    if best:
        return _When(best[2], weekday, dated="text", rank=best[0])
    lined = None if article.published else _lined_day(article)
    if lined is not None and (year := _article_year(article, lined, weekday, gaz)) is not None:
        # "САНКТ-ПЕТЕРБУРГ, 2 окт" over "провели в понедельник встречу": the year that fits,
        # before any full date the text recalls ("2 октября 1949 года")
        return _When(date(year, *lined), weekday, lined, "year inferred", 4)
    # No date where the meeting is reported: a press release gives it on a line of its own.
    for i, s in enumerate(article.sentences[:6]):
        if i in elsewhere:
            continue
        for mention in find_dates(s, ref):
            if mention.explicit and mention.value:
                return _When(mention.value, weekday, dated="text", rank=3)
            if mention.month and mention.day and month_day is None and mention.form in ("md", "dm"):
                month_day = (mention.month, mention.day)
    if month_day is None:
        month_day = _lined_day(article)
    if month_day is not None:
        year = _article_year(article, month_day, weekday, gaz)
        if year is not None:
            return _When(date(year, *month_day), weekday, month_day, "year inferred", 4)
        near = _near_page(article.published, month_day, weekday)
        if near is not None:  # "BEIJING, Nov 20 --" under a page dated 2029-11-20
            return _When(near, weekday, month_day, "text", 1)
    elif (
        article.published
        and (not weekday or _WEEKDAYS[article.published.weekday()] == weekday)
        and not _other_time(article, meeting, article.published)
    ):
        # A transcript or release that names no date at all is dated by its page; a meeting
        # placed in another month or year ("in May 2025") is one recalled, not of the page's day.
        return _When(article.published, weekday, dated="header", rank=5)
    return _When(None, weekday, month_day)


# How far a day and month without a year may lie from the page's date to take its year
_PAGE_DAYS = 45


def _near_page(published: date | None, month_day: tuple[int, int], weekday: str) -> date | None:
    """The day with ``month_day`` nearest the page's date (``text.nearest_year``), when it lies
    within ``_PAGE_DAYS`` before it (or just after) and fits the weekday the text names."""
    day = nearest_year(*month_day, published) if published is not None else None
    if day is None or published is None or not -3 <= (published - day).days <= _PAGE_DAYS:
        return None
    return day if not weekday or _WEEKDAYS[day.weekday()] == weekday else None


def _other_time(article: Article, meeting: Sequence[int], day: date) -> bool:
    """The meeting sentences (or a sentence that is only a date before one) place it in a month
    or year other than ``day``'s."""
    for i in meeting:
        whens = [w for _, w, _ in when_mentions(article.sentences[i], day)]
        if i > 0 and not whens:  # "Remember March 21, 2023. Xi ... met Mishustin in Moscow."
            whens = [w for w in (date_line(article.sentences[i - 1]),) if w]
        for when in whens:
            if not day.isoformat().startswith(when[:7] if len(when) >= 7 else when):
                return True
    return False


def _later(article: Article, held: Sequence[Mention], ref: date) -> bool:
    """The text dates something to a day a month or more after the first of the ``held``
    meetings it dates, and not after the page's date."""
    first = min((d for m in held for d in _days_in(article.sentences[m.idx])), default=None)
    if first is None or (ref - first).days < RECAP_DAYS:
        return False
    return any((d - first).days >= RECAP_DAYS and d <= ref
               for s in article.sentences for d in _days_in(s))  # fmt: skip


def _days_in(sentence: str) -> list[date]:
    """The days a sentence dates what it tells of to."""
    return [date.fromisoformat(when) for _, when, _ in when_mentions(sentence, None)
            if len(when) == 10]  # fmt: skip


def _this_time(article: Article, idx: int, day: date) -> bool:
    """Sentence ``idx`` dates what it reports to the day, in ``day``'s month."""
    return any(len(when) == 10 and when[:7] == day.isoformat()[:7]
               for _, when, _ in when_mentions(article.sentences[idx], day))  # fmt: skip


def _article_year(article: Article, month_day: tuple[int, int], weekday: str,
                  gaz: Gazetteer | None = None) -> int | None:  # fmt: skip
    """The year of an article that gives a day and month but no year, from what it says of this
    year ("this year we mark 25 years of the Treaty signed in 2001", "this year is the 75th
    anniversary of the establishment of diplomatic relations": the gazetteer's year of what is
    marked); it must agree with the weekday the text names."""
    years: set[int] = set()
    for s in article.sentences:
        if not _THIS_YEAR.search(s):
            continue
        for m in _YEARS_SINCE.finditer(s):
            years.add(int(m.group("base")) + int(m.group("n")))
        for m in _ANNIVERSARY_OF.finditer(s):
            base = gaz.find("anniversary_bases", m.group("what")) if gaz else []
            year = base[0][1].attr("year") if base else None
            if isinstance(year, int) and not _YEARS_SINCE.search(s):
                years.add(year + int(m.group("n")))
    good = _agreeing(years, month_day, weekday)
    if not good and weekday:
        # Nothing said of "this year": the years the text writes ("the Boao Forum 2028",
        # "last 2027 year": the one after), of which the weekday must fit exactly one.
        written: set[int] = set()
        for s in article.sentences:
            for m in _WRITTEN_YEAR.finditer(s):
                written.add(int(m.group("y")) + (1 if m.group("last") else 0))
        good = _agreeing(written, month_day, weekday)
    return good.pop() if len(good) == 1 else None


def _agreeing(years: set[int], month_day: tuple[int, int], weekday: str) -> set[int]:
    """The ``years`` whose ``month_day`` exists and falls on ``weekday`` (any, if none)."""
    good = set()
    for year in years:
        try:
            day = date(year, *month_day)
        except ValueError:
            continue
        if not weekday or _WEEKDAYS[day.weekday()] == weekday:
            good.add(year)
    return good


# A labelled line of a fact sheet or a listing that names the meeting's venue
_VENUE_LINE = Pattern(r"^\W{0,3}(?:venue|location|place)\s*:\s*(?P<v>.{3,120})$", re.I)
_LABELLED_LINES = 20  # (the head of the page, where such a summary is)
_LEAD_LINES = 4  # (a headline, a dateline, the lead)


def _meeting_place(article: Article, gaz: Gazetteer, meeting: Sequence[int],
                   elsewhere: frozenset[int]) -> tuple[str | None, str, int, str]:  # fmt: skip
    """(city, venue, rank, country) where the leaders met: the meeting sentences (the most
    specific venue they name), else other early sentences (in the country of the visit), else
    the dateline. ``rank`` says which (0, 1, 2)."""
    bodies = {i: article.sentences[i][dateline(article.sentences[i], article.published)[1]:]
              for i in range(len(article.sentences)) if i in meeting or i < 6}  # fmt: skip
    country = _country(gaz, [bodies[i] for i in meeting], _VISITED)
    venues = [(e, i) for i in meeting for e in venues_at(gaz, bodies[i])]
    if not venues:  # "Motorcade arrives at the Konstantinovsky Palace. Mishustin meets Xi at
        venues = [(e, i) for i in meeting  # the main entrance": where they arrived to meet
                  if i and _ARRIVES_AT.search(article.sentences[i - 1])
                  for e in venues_at(gaz, article.sentences[i - 1])]  # fmt: skip
    labelled = next((m.group("v") for line in article.sentences[:_LABELLED_LINES]
                     if (m := _VENUE_LINE.match(line))), "")  # fmt: skip
    if not venues and labelled:  # a fact sheet's "- Venue: Diaoyutai State Guesthouse, Beijing"
        venues = [(e, -1) for e in venues_at(gaz, labelled)]
        own = _NAMED_VENUE.search(f"at the {labelled}")  # one the gazetteer does not know
        cities = gaz.find("places", labelled)
        if not venues and own and cities:
            return cities[0][1].name, own.group("venue"), 0, country
    for i in meeting:
        if any(e.name == "video link" for _, e in gaz.find("places", bodies[i])):
            return "video link", "", 0, ""
    if venues:
        venue = max((e for e, _ in venues), key=lambda e: len(e.name))
        return str(venue.attr("city")), venue.name, 0, country
    named = [e for i in meeting for _, e in gaz.find("places", bodies[i])]
    # a venue the gazetteer does not know, by what it is: "at the Dongjiao State Guest Hotel"
    named_venue = next(
        (m.group("venue") for i in meeting if (m := _NAMED_VENUE.search(bodies[i]))), ""
    )
    for e in named:
        if not country or e.attr("country") == country:
            return e.name, named_venue, 0, country
    if named:  # a place the meeting's sentences name, though the visit's country is another
        return named[0].name, named_venue, 0, country
    for i, s in enumerate(article.sentences):  # the host's "welcome to the Government House"
        welcome = _WELCOME.search(s)
        found_venues = gaz.spans("venues", s[welcome.end() :]) if welcome else []
        if welcome and i not in elsewhere and found_venues and found_venues[0][0] == 0:
            where = found_venues[0][2]
            return str(where.attr("city")), where.name, 1, country
    early = [bodies[i] for i in range(min(4, len(article.sentences))) if i not in elsewhere]
    country = country or _country(gaz, early, _TRAVEL)  # "will travel to China on a visit"
    for i in range(min(6, len(article.sentences))):
        if i in elsewhere or i in meeting:
            continue
        places = [e for _, e in gaz.find("places", bodies[i]) if e.name != "video link"
                  and (not country or e.attr("country") == country)]  # fmt: skip
        found = gaz.find("venues", bodies[i])
        if found and (not country or gaz.get("places", str(found[0][1].attr("city")))):
            return str(found[0][1].attr("city")), found[0][1].name, 1, country
        if places and (i < 3 or country):
            return places[0].name, "", 1, country
    for i, s in enumerate(article.sentences):  # a host's "welcome to Beijing once again"
        welcome = _WELCOME.search(s)
        if welcome and i not in elsewhere:
            found_places = gaz.find("places", s[welcome.end() : welcome.end() + 40])
            if found_places and (not country or found_places[0][1].attr("country") == country):
                return found_places[0][1].name, "", 1, country
    for s in article.sentences[:3]:
        # "MOSCOW, March 21 --", and a dateline of its own in any case ("Харбин, 17 июня.")
        m = _CITY_DATELINE.match(s) or _DATELINE.match(s)
        if m and m.group("city"):
            found_places = gaz.find("places", m.group("city").title())
            if found_places and (not country or found_places[0][1].attr("country") == country):
                return found_places[0][1].name, "", 2, country
    return None, "", 9, country


def _elsewhere(encounters: Sequence[Encounter], meeting: Sequence[int],
               day: date | None) -> frozenset[int]:  # fmt: skip
    """The sentences about other meetings only: recalled, planned, or more than a day away from
    the one reported (talks the day before, on the same visit, are part of its story)."""
    out: set[int] = set()
    for e in encounters:
        if e.principal and e.reported:
            continue
        near = e.tense == "past" and not e.recall and (
            (len(e.when) == 10 and day is not None and abs((date.fromisoformat(e.when) - day).days)
             <= 1) or (not e.when and not e.place))  # fmt: skip
        if not near:
            out.update(e.sentences)
    return frozenset(out - set(meeting))


# A transcript's heading: the meeting's date, then its clock time ("14 April 2026, 10:30").
_CLOCK_AFTER_DATE = Pattern(r"^[^,]{6,30}\d{4},?\s+(?P<t>(?:[01]?\d|2[0-3]):[0-5]\d)(?![\d:])")


def _headed_clock(sentences: Sequence[str], day: date) -> tuple[str, str]:
    """(part of day, clock) from a heading line of the first few that gives the meeting's own
    date with a time ("14 April 2026, 10:30  Beijing, ..."): a government site's transcript
    heading. A time after another date (a publication stamp) is not the meeting's."""
    for s in sentences[:5]:
        m = _CLOCK_AFTER_DATE.match(s)
        if m is None:
            continue
        dates = find_dates(s[: m.start("t")], day)
        if dates and dates[0].value == day:
            return daytime_of(f"at {m.group('t')}")
    return "", ""


_DATE_LINE = Pattern(r"^\W{0,3}(?:date|time|when)\s*:\s*(?P<d>.{3,160})$", re.I)


def _labelled_time(sentences: Sequence[str], day: date) -> tuple[str, str]:
    """(part of day, clock) from a labelled line of the page's head that gives the meeting's
    own date ("- Date: Tuesday, 16 July 2041 (afternoon session, about 70 minutes)")."""
    for s in sentences[:_LABELLED_LINES]:
        m = _DATE_LINE.match(s)
        if m and any(d.value == day for d in find_dates(m.group("d"), day)):
            return daytime_of(m.group("d"))
    return "", ""


def _dated_lead_time(sentences: Sequence[str], day: date) -> tuple[str, str]:
    """(part of day, clock) from the first lines' sentence that gives the meeting's date (a
    machine translation's dateline and lead, run into one sentence the meeting is not read in)."""
    for s in sentences[:_LEAD_LINES]:
        if any(d.value == day for d in find_dates(s, day)):
            return daytime_of(s)
    return "", ""


def _stamped_clock(article: Article, meeting: Sequence[int]) -> tuple[str, str]:
    """(part of day, clock) from the time stamp (``bot.speech.STAMP``) that opens the paragraph
    (a live thread's post) reporting the meeting."""
    for i in meeting:
        first = article.paragraph(i)[0]
        m = STAMP.match(article.sentences[first]) if first < i else None
        if m:
            return daytime_of(f"at {m.group('t')}")
    return "", ""


def _country(gaz: Gazetteer, texts: Sequence[str], pattern: Pattern) -> str:
    """The country the first of ``texts`` that says where a visit goes names."""
    for text in texts:
        m = pattern.search(text)
        if m:
            hit = gaz.find("countries", m.group("c"))
            return hit[0][1].name if hit else ""
    return ""


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-").replace(".", "").replace("'", "")


def article_context(
    article: Article, gaz: Gazetteer, curated: tuple[date, str] | None = None
) -> Context:
    """The article's meeting and dates, for every kind's extractor.

    ``curated`` is (date, note) from the curated file: the meeting's date when the text gives
    none, and where that date came from.
    """
    ctx = _article_context(article, gaz, curated)
    scoped = _scoped(ctx)
    wrong = retracted(article.sentences)
    return replace(ctx, scoped=scoped, retracted=wrong) if scoped else replace(
        ctx, mentions=(), retracted=wrong)  # fmt: skip


# --- paragraphs about another meeting of the principals ----------------------------------------


def _scoped(ctx: Context) -> tuple[str, ...]:
    """``Context.scoped``: each paragraph that tells of one meeting of the principals other than
    the article's own, by its day: a meeting named in it to the day (an encyclopedia's section
    "On 24 May 2023 Xi received Mishustin ...", an interview's answer "I was present when ...")
    or, when it names none, the one full date of a paragraph that names both principals (a
    year's review: "Mishustin came to Beijing on Tuesday, Nov. 4 ... Receiving him, Xi said").
    A paragraph that holds the article's own meeting, or names two such days, is the article's."""
    article = ctx.article
    if len(article.paragraphs) <= 1:
        return ()
    principals = set(ctx.gaz.principals)
    own = ctx.meeting_date.isoformat() if ctx.meeting_date and ctx.principal else ""
    anchor = ctx.meeting_date or ctx.ref
    until = _published(article)
    out = [""] * len(article.sentences)
    for start in sorted(article.paragraphs):
        para = article.paragraph(start)
        told = [e for e in ctx.encounters if e.principal and any(i in para for i in e.sentences)]
        if any(i in para for i in ctx.meeting) or any(e.tense == "future" for e in told):
            continue  # the article's own meeting, or one to come
        # the days the paragraph itself names (a meeting's other mentions, a reference list's
        # "Xi meets Mishustin", are not this paragraph's)
        named = {d.value.isoformat() for i in para
                 for d in dates_in(article.sentences[i], anchor, until=until)
                 if d.value and d.form not in ("weekday", "relday")}  # fmt: skip
        days = {e.when for e in told if e.when in named}
        if not told and principals <= {n for i in para for _, _, n in ctx.named(
                article.sentences[i])}:  # fmt: skip
            days = named
        if len(days) == 1 and (day := days.pop()) != own:
            for i in para:
                out[i] = day
    return tuple(out) if any(out) else ()


def scopes(ctx: Context) -> list[tuple[frozenset[int], Context]]:
    """The sentences of each other meeting of the principals the article's paragraphs tell of
    (``Context.scoped``), with the context their facts are read in: that meeting's day ("the
    first eleven months of the year" are its year's), place, venue and time of day."""
    days: dict[str, list[int]] = {}
    for i, day in enumerate(ctx.scoped):
        if day:
            days.setdefault(day, []).append(i)
    out = []
    for day, idxs in days.items():
        inside = frozenset(idxs)
        enc = next((e for e in ctx.encounters if e.principal and e.when == day
                    and inside & set(e.sentences)), None)  # fmt: skip
        told = (
            sorted(inside & set(enc.sentences))
            if enc
            else [
                next(
                    (
                        i
                        for i in idxs
                        if day
                        in {
                            d.value.isoformat()
                            for d in dates_in(ctx.article.sentences[i], ctx.meeting_date or ctx.ref)
                            if d.value
                        }
                    ),
                    idxs[0],
                )
            ]
        )
        place = enc.place if enc and enc.place else None
        if place is None:
            found = ctx.gaz.find("places", ctx.article.sentences[told[0]])
            place = found[0][1].name if found else None
        others = {i for e in ctx.encounters if not (e.principal and e.when == day)
                  for i in e.sentences if i in inside}  # fmt: skip
        when = date.fromisoformat(day)
        # the other meetings it names are dated from this one ("The day before, on December 19")
        encounters = resolve(ctx.mentions, ctx.article.sentences, ctx.gaz, when, place or "",
                             enc.country if enc else "", _published(ctx.article))  # fmt: skip
        sub = replace(
            ctx, meeting_id=f"{day}-{_slug(place or 'unknown')}", meeting_date=when, place=place,
            meeting=tuple(told), weekday=enc.weekday if enc else "", venue=enc.venue if enc else "",
            note="", encounters=tuple(encounters), main=None,
            elsewhere=frozenset(others - set(told)), daytime=enc.daytime if enc else "",
            clock=enc.clock if enc else "", month_day=None, country=enc.country if enc else "",
            place_rank=0, dated="text", date_rank=0,
        )  # fmt: skip
        out.append((inside, sub))
    return out


_TIMELINE = 3  # lines that are only a date (and a city): the entries of a timeline


def _article_context(
    article: Article, gaz: Gazetteer, curated: tuple[date, str] | None = None
) -> Context:
    """``article_context`` but for the paragraphs about other meetings."""
    sentences = article.sentences
    gaz = gaz.extracting()
    gaz = gaz.with_people(titled_people(gaz, sentences))
    bodies = [dateline(s, article.published)[1] if i < 4 else 0 for i, s in enumerate(sentences)]
    find = family_names(gaz, sentences)
    said = reported(sentences, find, title_holder(gaz, sentences), interviewee(sentences, find),
                    article.paragraphs)  # fmt: skip
    found = mentions(sentences, gaz, said, bodies)
    ref = _reference_date(article)
    held = [m for m in found if m.principal and m.tense == "past" and not m.recall and not m.count]
    if sum(1 for s in sentences if date_line(s)) >= _TIMELINE:
        # a timeline ("1. March 21, 2023, Moscow. ... 2. May 24, 2023, Beijing. ..."): a review
        # of the meetings it lists, each recalled in its own entry, none its own
        found = [replace(m, recall=True) if m in held else m for m in found]
        held = []
    other = [m for m in held if ref and _other_time(article, [m.idx], ref)]
    own = [m for m in held if ref and m not in other and _this_time(article, m.idx, ref)]
    if other and (own or min(m.idx for m in held) >= lead_end(sentences)):
        # A meeting first named deep in a text that places it in another month or year than the
        # page's ("In March 2023 ... Xi met Mishustin", asked at a briefing of 2025) is recalled;
        # one dated to the day in the page's month ("received Mishustin on 05.11.2026", in a
        # digest of 09.11.2026) is reported, and the others it names are recalled beside it
        # ("the two also met in Beijing in November 2025").
        recalled = other if own else held
        found = [replace(m, recall=True) if m in recalled else m for m in found]
        held = own or []
    elif (
        held
        and other == held
        and article.published
        and min(m.idx for m in held) > _first_text(sentences) + 1
    ):
        # A feature that opens on something else (the premiers' expo "on Thursday") and goes on
        # to the principals' meetings of other years ("Xi received him in Beijing on May 24,
        # 2023") recalls them (a page of its own date: an undated lookback keeps its first).
        found = [replace(m, recall=True) if m in held else m for m in found]
        held = []
    elif held and ref and not own and _later(article, held, ref):
        # A piece that goes on from the principals' meeting it names to days months later, up
        # to its own date (a column that walks through "On 21 March 2023 ...", "until 4
        # November 2025"), reports none of them: it recalls them all.
        found = [replace(m, recall=True) if m in held else m for m in found]
        held = []
    anaphoric = {i for i, s in enumerate(sentences)
                 if ANAPHORIC.search(_SPOKEN_LEAD.sub("", s[bodies[i] :].lstrip()))}  # fmt: skip
    if not held:
        return replace(_other_context(article, gaz, curated, found, ref, said, anaphoric),
                       people=find)  # fmt: skip
    meeting = sorted({m.idx for m in held} | anaphoric)
    elsewhere = frozenset({m.idx for m in found} - set(meeting))
    when = _meeting_date(article, ref, meeting, elsewhere, gaz)
    day, dated = when.value, when.dated
    note = ""
    if day is None and curated:
        day, dated, note = curated[0], "curated", curated[1]
    city, venue, rank, country = _meeting_place(article, gaz, meeting, elsewhere)
    until = _published(article)
    encounters = resolve(found, sentences, gaz, day or ref, city or "", country, until)
    if not venue:  # a live blog's "Xi is due to hold talks with Mishustin at the Konstantinovsky
        # Palace", then "Mishustin meets Xi on the steps": where they were due is where they met
        venue = next((e.venue for e in encounters if e.principal and e.tense == "future"
                      and e.venue and e.place in ("", city)
                      and (not e.when or (day is not None and e.when == day.isoformat()))),
                     "")  # fmt: skip
    elsewhere = _elsewhere(encounters, meeting, day)
    daytime, clock = "", ""
    for i in meeting:
        daytime, clock = daytime_of(sentences[i][bodies[i] :])
        if daytime:
            break
    if not daytime and day:
        daytime, clock = _headed_clock(sentences, day)
    if not daytime:
        daytime, clock = _stamped_clock(article, meeting)
    if not daytime and day:  # a fact sheet's "- Date: Tuesday, 16 July 2041 (afternoon session)"
        daytime, clock = _labelled_time(sentences, day)
    if not daytime and day:  # "Shanghai 2044年5月16日 (reporter ...) Xi Jinping on 16 morning ..."
        daytime, clock = _dated_lead_time(sentences, day)
    counted = {m.idx for m in found if m.principal and m.count and m.tense == "past"}
    meeting = sorted(set(meeting) | counted)  # "it was their second meeting this year": this one
    slug = _slug(city or "unknown")
    mid = f"{day.isoformat()}-{slug}" if day else f"{article.stem}-{slug}"
    return Context(article, gaz, ref, mid, day, city, tuple(meeting), when.weekday, venue, note,
                   said, tuple(encounters), None, elsewhere, daytime, clock,
                   when.month_day if day is None else None, country, rank, dated,
                   find, when.rank if dated != "curated" else 6,
                   mentions=tuple(found),
                   last_months=_last_months(article) if day is None else ())  # fmt: skip


_LAST_MONTH_NAMED = lazy_re(rf"\b(?:since\s+|in\s+)?last\s+({'|'.join(MONTH_NAMES)})\b(?!\s*\d)",
                            re.I)  # fmt: skip


def _last_months(article: Article) -> tuple[int, ...]:
    """The months ``article`` names as "last October" (1-12, in order, once each)."""
    found = [MONTH_NAMES.index(m.group(1).capitalize()) + 1 for s in article.sentences
             for m in _LAST_MONTH_NAMED.finditer(s)]  # fmt: skip
    return tuple(dict.fromkeys(found))


def _other_context(article: Article, gaz: Gazetteer, curated: tuple[date, str] | None,
                   found: list[Mention], ref: date | None, said: tuple[Said, ...],
                   anaphoric: set[int]) -> Context:  # fmt: skip
    """The context of an article that reports no meeting of the principals: its facts belong
    to its main encounter (a premiers' meeting, a planned meeting, a visit)."""
    until = _published(article)
    encounters = resolve(found, article.sentences, gaz, ref, until=until)
    main = _main(encounters, gaz.principals, lead_end(article.sentences))
    if main is None or _chronicle(encounters):
        # A piece that reports no meeting at all (an explainer that recalls meetings, an
        # analysis): its facts (trade, other meetings, what was said) are a group of its own,
        # the report, so that questions about them still find them.
        report = Encounter(_first_text(article.sentences), (), REPORT, None, "past", False,
                           False, False, ref.isoformat() if ref else "")  # fmt: skip
        return Context(article, gaz, ref, f"{article.stem}-report", None, None, (), "", "", "",
                       said, (*encounters, report), report, frozenset(), dated="",
                       mentions=tuple(found))  # fmt: skip
    when: date | None = date.fromisoformat(main.when) if len(main.when) == 10 else None
    dated: Dated = "text" if when else ""
    if (when is None and main.tense == "past" and article.published
            and main.idx < lead_end(article.sentences)
            and article.published.isoformat().startswith(main.when)):  # fmt: skip
        # (a meeting the text places in another month, "in May", is not of the page's day)
        # "Mishustin meets with Li Qiang" on its page; a meeting first named deep in the text is
        # one an analysis recalls, not one of the page's date.
        when, dated = article.published, "header"
    if when != (date.fromisoformat(main.when) if len(main.when) == 10 else None):
        encounters = resolve(found, article.sentences, gaz, when or ref, until=until)
        main = _main(encounters, gaz.principals, lead_end(article.sentences)) or main
    meeting = tuple(sorted(set(main.sentences) | anaphoric))
    elsewhere = frozenset({i for e in encounters for i in e.sentences} - set(meeting))
    place: str | None = main.place or None
    venue, rank, country = main.venue, 0, main.country
    if not place:
        place, venue, rank, found_country = _meeting_place(article, gaz, meeting, elsewhere)
        country = country or found_country
    if place or country:  # "the day before" and "later on Wednesday" happened there too
        anchor = ref if main.tense == "future" else when or ref  # an announcement's own date
        encounters = resolve(found, article.sentences, gaz, anchor, place or "", country, until)
        main = next((e for e in encounters if e.idx == main.idx and e.who == main.who), main)
    slug = _slug(place or country or "unknown")
    others = [_slug(n) for n in main.who if n not in gaz.principals]
    stamp = when.isoformat() if when else article.stem
    mid = f"{stamp}-{slug}" + (f"-{'-'.join(others)}" if others else "")
    return Context(article, gaz, ref, mid, when, place, meeting, main.weekday, venue, "", said,
                   tuple(encounters), main, elsewhere, main.daytime, main.clock, None,
                   country, rank, dated, mentions=tuple(found))  # fmt: skip


CHRONICLE = 3  # held encounters on this many days, a month or more apart: a chronicle


def _chronicle(encounters: Sequence[Encounter]) -> bool:
    """The article goes through meetings held on several days months apart (a year's review,
    an encyclopedia's list): it reports none of them, and its first is no anchor for the
    others' dates."""
    days = sorted({date.fromisoformat(e.when) for e in encounters
                   if e.reported and len(e.when) == 10})  # fmt: skip
    return len(days) >= CHRONICLE and (days[-1] - days[0]).days >= RECAP_DAYS


def _first_text(sentences: Sequence[str]) -> int:
    """The first sentence of text (not a heading, menu or byline) of an article."""
    return next((i for i, s in enumerate(sentences)
                 if re.search(r"[.!?…\"”»]$", s.strip()) and len(s.split()) > 5), 0)  # fmt: skip


def _main(encounters: Sequence[Encounter], principals: Sequence[str],
          lead: int = LEAD) -> Encounter | None:  # fmt: skip
    """The encounter an article that reports no meeting of the principals is about: a planned
    meeting of the principals (an announcement), else a held meeting one of them took part in,
    else a planned one, else any other; never a recalled one, nor one first named past the
    lead."""

    def rank(e: Encounter) -> tuple[int, int]:
        if e.principal:
            return (0, e.idx)
        involved = bool(set(e.who) & set(principals))
        return (1 if e.tense == "past" else 2) + (0 if involved else 2), e.idx

    # A meeting first named deep in the text is one an analysis recalls ("That December he was
    # back, for the 28th regular meeting"), not the one the article is about.
    candidates = [e for e in encounters if not e.recall and not e.count
                  and min(e.sentences, default=e.idx) < lead]  # fmt: skip
    return min(candidates, key=rank) if candidates else None


# A title's office, as the gazetteer's roles name it ("Prime Minister of Russia").
_HEAD_OF_STATE = ("president",)
_HEAD_OF_GOVERNMENT = ("prime minister", "premier")
_OFFICES = {"president": _HEAD_OF_STATE, "leader": _HEAD_OF_STATE, "head of state": _HEAD_OF_STATE,
            "premier": _HEAD_OF_GOVERNMENT, "prime minister": _HEAD_OF_GOVERNMENT,
            "pm": _HEAD_OF_GOVERNMENT, "head of government": _HEAD_OF_GOVERNMENT,
            "government": _HEAD_OF_GOVERNMENT, "cabinet": _HEAD_OF_GOVERNMENT}  # fmt: skip
_TITLE_PARTS = lazy_re(
    r"the\s+(?:(?P<nat>chinese|russian)\s+)?(?P<office>.+?)"
    r"(?:\s+of\s+the\s+(?P<nat2>chinese|russian)\s+(?P<body>\w+))?"
)


def title_holder(gaz: Gazetteer, sentences: Sequence[str]) -> Holder:
    """Whom a title in an article stands for ("the Russian prime minister"): the holder of that
    office in the gazetteer's roles, a principal first, another person only when the article names
    them; a title without a country ("the president") only a principal."""
    named = {e.name for s in sentences for _, _, e in gaz.spans("people", s)}
    principals = list(gaz.principals)
    roles = [(str(e.attr("role") or "").lower(), e.name) for e in gaz.sections.get("people", ())]
    roles = [(r, n) for r, n in roles if r and not r.startswith("former")]

    def holder(title: str) -> str | None:
        m = _TITLE_PARTS.fullmatch(" ".join(title.lower().split()))
        if m is None:
            return None
        office = m.group("body") if m.group("body") else m.group("office")
        offices = _OFFICES.get(office, ())
        nat = m.group("nat") or m.group("nat2")
        country = {"chinese": "china", "russian": "russia"}.get(nat or "", "")
        holders = [
            n
            for r, n in roles
            for o in offices
            if (r == f"{o} of {country}" if country else r.startswith(f"{o} of "))
        ]
        allowed = [n for n in holders if n in principals]
        if country:  # another holder only when the article names them
            allowed += [n for n in holders if n in named and n not in principals]
        return allowed[0] if allowed else None

    return holder


def people_in(gaz: Gazetteer, text: str) -> list[tuple[int, str, str]]:
    """(start, the name as written, canonical name) of each person ``text`` names, in order."""
    return [(a, text[a:b], e.name) for a, b, e in gaz.spans("people", text)]


def family_names(gaz: Gazetteer, sentences: Sequence[str]) -> FindPeople:
    """``people_in`` that also reads a person the article names in full by their family name
    alone ("Li said" after "Premier Li Qiang"): the first word of a Chinese name, the last of
    another; only for people the gazetteer gives no one-word alias, only when one person of the
    article has that family name."""
    named = {e for s in sentences for _, _, e in gaz.spans("people", s)}
    families: dict[str, list[str]] = {}
    for e in named:
        if any(" " not in a for a in e.aliases) or " " not in e.name:
            continue
        words = e.name.split()
        role = str(e.attr("role") or "")
        family = words[0] if role.endswith("of China") else words[-1]
        families.setdefault(family, []).append(e.name)
        if len(words) == 2 and not re.search(r"\b(?:of|to)\s+(?:China|Russia)\b", role):
            # a scholar or official of no country the role names ("a professor at ... Jilin
            # University"): the family name may come first ("Gao said") or last
            families.setdefault(words[0], []).append(e.name)
    shorts = [(re.compile(rf"\b{re.escape(f)}\b(?!\s+[A-Z])"), names[0])
              for f, names in families.items() if len(names) == 1]  # fmt: skip
    if not shorts:
        return lambda text: people_in(gaz, text)

    def find(text: str) -> list[tuple[int, str, str]]:
        found = [(a, text[a:b], e.name) for a, b, e in gaz.spans("people", text)]
        spans = [(a, a + len(w)) for a, w, _ in found]
        for rx, name in shorts:
            for m in rx.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    found.append((m.start(), m.group(), name))
        return sorted(found)

    return find


# --- officials the gazetteer lacks -------------------------------------------------------------

# An official's title before a name: "Foreign Minister Qin Gang", "State Councillor Shen Yiqin",
# "Chairman of the Standing Committee of the National People's Congress Zhao Leji", "Deputy Prime
# Ministers Dmitry Chernyshenko and Yuri Trutnev" (a plural title names a list). The office's
# words may run on ("of the State Council of ..."); the name is the two capitalised words after.
_OFFICE = Pattern(
    r"(?<![\w-])(?:(?P<org>(?!(?:MFA|PRC|CPC|USA?|UK|EU|UN)\b)[A-Z]{2,6})\s+)?"  # "RCTPA Chairman"
    r"(?:(?P<nat>Chinese|Russian)\s+)?(?P<office>(?:(?:First\s+)?(?:Deputy|Vice)\s+)?"
    r"(?:Prime\s+Minister|PM|Premier|President|Chairman|Chairwoman|Foreign\s+Minister|Minister|"
    r"State\s+Council+or|[Aa]mbassador|[Gg]overnor|[Mm]ayor|Speaker|Secretary|"
    r"Director(?:\s+General)?|Head|"
    r"(?:(?:Foreign\s+Ministry|MFA|Kremlin|Government|Ministry)\s+)?Spokes(?:person|man|woman))"
    r"(?P<plural>s)?)"
    r"(?![\w-])"
)
# (not on into the next office of a list: "Minister of Economic Development Maxim Reshetnikov
# and Minister of Agriculture Oksana Lut")
_OFFICE_TAIL = Pattern(r"\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|to|"
                       r"and(?!\s+(?:(?:First\s+)?(?:Deputy|Vice)\s+)?(?:Prime|Minister|Director|"
                       r"Head|Chairman|Ambassador|Governor|Mayor|Secretary|President)\b)|on)"
                       r"\s+)?(?:the\s+)?[A-Z][\w'’-]*)*")  # fmt: skip
_NAME = Pattern(r"\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)+)(?=['’]s\b|(?![\w'’-]))")
_MORE_NAMES = Pattern(r"(?:,\s+|,?\s+and\s+)(?P<name>[A-Z][a-z]+\s[A-Z][a-z]+)(?![\w'’-])")
# Words of offices, bodies, places and calendars: never part of a person's name.
_NOT_NAMES = frozenset((
    "Federation", "Republic", "Government", "Council", "State", "Congress", "Committee", "Party",
    "Commission", "Ministry", "Affairs", "Development", "National", "People", "Foreign",
    "Economic", "Central", "Standing", "Office", "Union", "Bank", "Organization", "Organisation",
    "Group", "Corporation", "Company", "House", "Hall", "Kremlin", "Mr", "Ms", "Mrs", "Dr",
    "Madam", "Minister", "Premier", "President", "Chairman", "Deputy", "Vice", "Prime",
    "Ambassador", "Assembly", "Duma", "Court", "Politburo", "Bureau", "Department",
    "Administration", "Agency", "Service", "Academy", "University", "Institute", "Forum",
    "Summit", "Initiative", "Road", "Belt", "Route", "Sea", "Island", "Region", "Province",
    "City", "Street", "Square", "China", "Chinese", "Russia", "Russian", "Beijing", "Moscow",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "This", "That", "And", "Esteemed", "Dear", "Comrade",
    "Excellency",
    # what a ministry is of ("Minister of Science and Higher Education")
    "Finance", "Science", "Higher", "Education", "Technology", "Industry", "Trade", "Energy",
    "Health", "Culture", "Sport", "Transport", "Agriculture", "Justice", "Defence", "Defense",
    "Resources", "Ecology", "Communications", "Digital", "Labour", "Labor", "Construction",
))  # fmt: skip


INTRODUCED = "introduced"  # an attribute of the people an article introduces (``titled_people``)


def titled_people(gaz: Gazetteer, sentences: Sequence[str]) -> tuple[Entry, ...]:
    """People an article names after an official's title whom the gazetteer lacks, with the
    title as their role ("Foreign Minister of China"); the article's other sentences then find
    them by name like anyone the gazetteer knows. A Russian reply keeps such a name quoted."""
    found: dict[str, Entry] = {}
    for s in sentences:
        for m in _OFFICE.finditer(s):
            tail = _OFFICE_TAIL.match(s, m.end())
            names = _names_after(s, tail.end() if tail else m.end(), bool(m.group("plural")))
            of = tail.group() if tail else ""
            if of and not names:  # the office's words ran on into the name
                words = list(re.finditer(r"[A-Z][a-z]+", of))
                # "of Finance Anton Siluanov": the office's own word before a two-word name
                if len(words) >= 3 and of[words[-2].end() : words[-1].start()] == " ":
                    names = [of[words[-2].start() : words[-1].end()]]
                    of = of[: words[-2].start()]
            office = " ".join(m.group("office").split())
            office = re.sub(r"\bPM$", "Prime Minister", office)  # a wire's "Deputy PM"
            if m.group("plural"):
                office = re.sub(r"s$", "", office)
            role = _role(office, m.group("nat"), of or (f" of {m.group('org')}" if m.group("org")
                                                          else ""))  # fmt: skip
            for name in names:
                # a headline's bare "Ambassador X", the lead's "Ambassador to China X": the fuller
                known = found.get(name)
                if known is not None and len(str(known.attr("role"))) >= len(role):
                    continue
                if known is None and not _new_person(gaz, name):
                    continue
                found[name] = Entry(name, (name,), "", (("role", role), (INTRODUCED, True)))
        for m in _APPOSITIVE.finditer(s):  # "Gao Feiran, a professor at ...": a scholar quoted
            name, role = m.group("name"), " ".join(m.group("role").split())
            if name not in found and _new_person(gaz, name):
                found[name] = Entry(name, (name,), "", (("role", role), (INTRODUCED, True)))
    return tuple(found.values())


# A person the report introduces by what they do, after the name: "Liu Danqing, a senior fellow
# at the Taihe Institute, said", "Gao Feiran, a professor at the School of ... University",
# "says Elena Sorokina, a China specialist at a Moscow think tank", a soundbite's "(Liu Shaohua,
# international relations scholar, Renmin University)".
_APPOSITIVE = Pattern(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z]+\s[A-Z][a-z]+),\s+(?:(?:a|an)\s+)?(?P<role>(?:[\w-]+\s+){0,3}"
    r"(?:professor|fellow|researcher|analyst|expert|scholar|economist|director|dean|lecturer|"
    r"specialist|commentator|observer|adviser|advisor)"
    r"(?:\s+(?:at|of|with|in|from)\s+(?:the\s+|a\s+)?[A-Z][^,.;)]{2,80}|,\s+[A-Z][^,.;)]{2,60})?)"
    r"(?:\s+there|\s+here)?(?=[,.;)])"
)


def _names_after(s: str, at: int, plural: bool) -> list[str]:
    """The name right after a title at ``at`` (for a plural title, the list of names)."""
    m = _NAME.match(s, at)
    if m is None or len(m.group("name").split()) > 3:
        return []
    names = [m.group("name")]
    while plural and (more := _MORE_NAMES.match(s, m.end())):
        names.append(more.group("name"))
        m = more
    return names


def _role(office: str, nat: str | None, tail: str) -> str:
    """'Foreign Minister of China' from 'Chinese Foreign Minister'; the office's own words."""
    tail = " ".join(tail.split())
    country = {"Chinese": "China", "Russian": "Russia"}.get(nat or "", "")
    if country and not tail:
        return f"{office} of {country}"
    return f"{office} {tail}".strip()


def _new_person(gaz: Gazetteer, name: str) -> bool:
    """A name no entry of the gazetteer is, whose words are no office, body, place or day."""
    if any(w in _NOT_NAMES for w in name.split()) or gaz.like_principal(name):
        return False
    return not any(gaz.find(section, name) for section in
                   ("people", "places", "venues", "countries", "organisations"))  # fmt: skip


# --- helpers the kinds share -------------------------------------------------------------------


def short(entry: Entry) -> str:
    """How a report names a person the second time: "Xi", "Mishustin", "Li Qiang"."""
    return min(entry.aliases, key=len)


def subject(ctx: Context, sentence: str, before: int | None = None) -> str:
    """Who a clause is about, as a report names them the second time ("Xi")."""
    entry = subject_entry(ctx, sentence, before)
    return short(entry) if entry else ""


def subject_entry(ctx: Context, sentence: str, before: int | None = None) -> Entry | None:
    """Who a clause is about: the last person named before ``before``, else the first named
    (by the family name alone too: "Li invited Mishustin")."""
    people = [(a, e) for a, _, name in ctx.named(sentence)
              if (e := ctx.gaz.get("people", name)) is not None]  # fmt: skip
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
           "people_in", "scopes", "sentence_date", "short", "subject", "subject_entry"]  # fmt: skip
