"""Reports of the same meeting, merged: every fact of every report belongs to the one meeting.

The principals meet at most once a day, so two reports of a held meeting on the same date are
one meeting, whatever their datelines or venue wording; its place is the one the best evidence
gives (the meeting's own sentences before a filing city's dateline). A report whose date the
text does not give joins the one known meeting at its place on its month and day (and
weekday); an announcement joins the meeting it announces. An explicit date in any report
replaces a curated one, and the curated note goes: also a date an article gives to the day for
an earlier meeting of the principals it recalls (a gallery's file photo "meets with Mishustin at
the Great Hall of the People ..., May 24, 2023"), whose venue the meeting takes when no report of
it names one. Other encounters an article is about (a premiers' meeting) merge by date and people.

Merging is in two steps, so that an incremental build merges again only the articles whose
placement changed: ``assign`` places every report from what the store keeps of each article
(its context and its ``recalls``), ``place`` merges one article's facts into its placement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .context import Context
from .facts import MEETING, Fact
from .kinds import encounter, meeting, venue
from .text import format_date

ANNOUNCED_WITHIN = 7  # days: an announcement without a date announces a meeting this soon
NEAR_DAYS = 2  # days: reports of a meeting at one place this close are of the same meeting
_TEXT_DATED = ("text", "header", "year inferred")  # a report that gives the date itself


@dataclass(slots=True)
class _Group:
    """A meeting of the principals and the reports of it."""

    day: date
    reports: list[Context]
    told: str | None = None  # where an article that recalls it says it was (no report of it)

    @property
    def place(self) -> str | None:
        ranked = sorted((c.place_rank, c.place) for c in self.reports if c.place)
        if not ranked:
            return self.told
        best = ranked[0][0]
        places = Counter(p for r, p in ranked if r == best)
        return max(places, key=lambda p: (places[p], -ranked.index((best, p))))

    @property
    def id(self) -> str:
        slug = (self.place or "unknown").lower().replace(" ", "-").replace(".", "")
        return f"{self.day.isoformat()}-{slug.replace(chr(39), '')}"


@dataclass(frozen=True, slots=True)
class Recall:
    """An encounter fact of an article that dates an earlier meeting of the principals to the
    day (held or recalled, not planned): the article's ``index``-th fact (in extraction order),
    that day, and the venue it names ("" when none). What merging needs of other articles'
    facts (``recalls``), kept by the store for each article."""

    index: int
    day: date
    venue: str
    place: str = ""  # the city it names ("" when none)

    def to_json(self) -> list[object]:
        """The recall as JSON (the fact store keeps each article's)."""
        return [self.index, self.day.isoformat(), self.venue, self.place]

    @classmethod
    def from_json(cls, data: list[object]) -> Recall:
        """``to_json`` read back; ValueError or TypeError when it is not one."""
        index, day, where, *rest = data
        at = rest[0] if rest else ""
        if (not isinstance(index, int) or not isinstance(day, str) or not isinstance(where, str)
                or not isinstance(at, str) or len(rest) > 1):  # fmt: skip
            raise TypeError("recall: an index, a day, a venue and a place")
        return cls(index, date.fromisoformat(day), where, at)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where ``merge`` puts an article's facts: the meeting id and place; for a meeting of the
    principals also its day and whether it is dated by text (one of its reports, or another
    article that recalls it to the day) (None and False for another encounter); and
    ``venues``: for each meeting this article alone gives a venue by recalling it, the index of
    the recalling fact, the meeting's id, place and year. The same placement gives the same
    merged facts (``place``)."""

    meeting: str
    place: str | None
    day: date | None = None
    text_dated: bool = False
    venues: tuple[tuple[int, str, str | None, int], ...] = ()
    # the meetings of the table its paragraphs about other meetings of the principals tell of
    # (``Context.scoped``): their day, id, place, whether text dates them and whether a report
    # of theirs names their venue (a paragraph's venue then is not theirs, as with recalls)
    scoped: tuple[tuple[str, str, str | None, bool, bool], ...] = ()
    # the meetings of the principals no article reports that this one recalls first, to the
    # day and place: the index of the recalling fact, the meeting's id, place and day (ISO)
    founds: tuple[tuple[int, str, str | None, str], ...] = ()

    def to_json(self) -> list[object]:
        """The placement as JSON (the fact store keeps each article's)."""
        return [self.meeting, self.place, self.day.isoformat() if self.day else None,
                self.text_dated, [list(v) for v in self.venues],
                [list(s) for s in self.scoped], [list(f) for f in self.founds]]  # fmt: skip


def recalls(ctx: Context, facts: Sequence[Fact]) -> tuple[Recall, ...]:
    """The facts of an article that date an earlier meeting of the principals to the day: an
    ``encounter`` not planned, of a full date, whose people are the gazetteer's principals."""
    principals = set(ctx.gaz.principals)
    out: list[Recall] = []
    for n, f in enumerate(facts):
        p = f.parts
        if (
            f.kind != encounter.KIND
            or not isinstance(p, encounter.Parts)
            or p.status == "planned"
            or len(p.when) != 10
            or set(p.who) != principals
        ):
            continue  # fmt: skip
        out.append(Recall(n, date.fromisoformat(p.when), p.venue, p.place))
    return tuple(out)


def merge(reports: Sequence[tuple[Context, list[Fact]]]) -> tuple[list[Fact], dict[str, str]]:
    """The facts of every report with the meeting they belong to, and each article's meeting
    id (stem -> id)."""
    recalled = {ctx.article.stem: recalls(ctx, facts) for ctx, facts in reports}
    placements = assign([ctx for ctx, _ in reports], recalled)
    out: list[Fact] = []
    ids: dict[str, str] = {}
    for ctx, facts in reports:
        where = placements[ctx.article.stem]
        ids[ctx.article.stem] = where.meeting
        out += place(ctx, facts, where)
    return out, ids


def assign(reports: Sequence[Context],
           recalled: Mapping[str, Sequence[Recall]]) -> dict[str, Placement]:  # fmt: skip
    """Each report's placement (article stem -> ``Placement``), from the reports' contexts and
    each article's ``recalls`` (stem -> them) alone: an incremental build compares them with
    those of the last build and merges again only the articles whose placement changed."""
    groups: dict[date, _Group] = {}
    dated_by_table: dict[str, _Group] = {}
    for ctx in reports:
        if ctx.principal and ctx.meeting_date:
            groups.setdefault(ctx.meeting_date, _Group(ctx.meeting_date, [])).reports.append(ctx)
    groups = _near(groups)
    for ctx in reports:  # an undated report of a meeting no report dates: its year, if known
        day = _dated_by_table(ctx, groups)
        if day is not None:
            groups[day] = _Group(day, [], told=ctx.place)
            dated_by_table[ctx.article.stem] = groups[day]
    target: dict[str, _Group] = dict(dated_by_table)  # article stem -> the meeting it reports
    for ctx in reports:
        group = _group_of(ctx, groups)
        if group is not None and ctx.article.stem not in target:
            target[ctx.article.stem] = group
    others = _other_ids(reports, target)
    founds = _founded(reports, recalled, groups)
    named = _recalled(reports, recalled, groups, target)
    venues: dict[str, list[tuple[int, str, str | None, int]]] = {}  # stem -> venues it gives
    for group, found in named.values():
        if any(c.venue for c in group.reports):
            continue
        first = next(((stem, r) for stem, r in found if r.venue), None)
        if first is not None:  # the venue only the recalling article names
            venues.setdefault(first[0], []).append(
                (first[1].index, group.id, group.place, group.day.year)
            )
    out: dict[str, Placement] = {}
    found_at: dict[int, Placement] = {}  # id(group) -> its placement (one per group)

    def text_dated(group: _Group) -> bool:
        return id(group) in named or any(c.dated in _TEXT_DATED for c in group.reports)

    for ctx in reports:
        stem = ctx.article.stem
        group = target.get(stem)
        if group is None:
            where = Placement(*others.get(stem, (ctx.meeting_id, ctx.place)))
        elif id(group) in found_at:
            where = found_at[id(group)]
        else:
            where = Placement(group.id, group.place, group.day, text_dated(group))
            found_at[id(group)] = where
        mine = venues.get(stem)
        if mine:
            where = replace(where, venues=tuple(mine))
        if stem in founds:
            where = replace(where, founds=tuple(founds[stem]))
        told = [g for day in dict.fromkeys(ctx.scoped) if day
                if (g := groups.get(date.fromisoformat(day))) is not None]  # fmt: skip
        if told:  # its paragraphs about other meetings of the principals: theirs
            where = replace(where, scoped=tuple(
                (g.day.isoformat(), g.id, g.place, text_dated(g), any(c.venue for c in g.reports))
                for g in told))  # fmt: skip
        out[stem] = where
    return out


def place(ctx: Context, facts: Sequence[Fact], where: Placement) -> list[Fact]:
    """The facts of the report ``ctx`` merged into the meeting ``where`` (unchanged facts are the
    very objects given), then the venues it gives the meetings it recalls (``Placement``)."""
    mid, spot = where.meeting, where.place
    out: list[Fact] = []
    own = list(facts)
    if where.scoped:  # the facts of its paragraphs about another meeting of the table: its
        told = {day: (m, at, dated, venued) for day, m, at, dated, venued in where.scoped}
        own = []
        for f in facts:
            of = ctx.scoped[f.sentence] if f.sentence < len(ctx.scoped) else ""
            if of in told:
                m, at, dated, venued = told[of]
                if not (venued and f.kind == venue.KIND):
                    out.append(_join(f, m, at, date.fromisoformat(of), dated, False))
            else:
                own.append(f)
    if where.day is None:
        out += [f if (f.meeting, f.place) == (mid, spot)
                else replace(f, meeting=mid, place=spot) for f in own]  # fmt: skip
    else:
        out += [_join(f, mid, spot, where.day, where.text_dated,
                      f.year is None and not ctx.meeting_date) for f in own]  # fmt: skip
    for index, found, at, day in where.founds:  # a meeting only this article recalls: its date
        named = facts[index]
        when = date.fromisoformat(day)
        out.append(replace(named, kind=MEETING, value=day, display=format_date(when),
                           qualifier="", meeting=found, place=at, year=when.year, number=None,
                           curated="", parts=meeting.Parts()))  # fmt: skip
    for index, recalled, at, year in where.venues:
        named = facts[index]
        named_at = named.parts.venue  # type: ignore[attr-defined]
        out.append(replace(named, kind=venue.KIND, value=named_at, display=named_at,
                           qualifier="", meeting=recalled, place=at, year=year, number=None,
                           parts=venue.Parts()))  # fmt: skip
    return out


def _join(f: Fact, mid: str, spot: str | None, day: date, text_dated: bool,
          undated: bool) -> Fact:  # fmt: skip
    """``f`` as a fact of the meeting ``mid`` at ``spot`` on ``day`` (``undated``: of a report
    that gives no date, so of the meeting's year)."""
    changes: dict[str, object] = {}
    if f.meeting != mid:
        changes["meeting"] = mid
    if f.place != spot:
        changes["place"] = spot
    if undated:
        changes["year"] = day.year
    if f.kind == MEETING:
        if f.curated and text_dated:
            changes["curated"] = ""  # a text gives the date: no curated note
        if f.value != day.isoformat():  # undated, or a near day's report
            changes["value"] = day.isoformat()
            changes["display"] = format_date(day)
    return replace(f, **changes) if changes else f  # type: ignore[arg-type]


_Recalled = dict[int, tuple[_Group, list[tuple[str, Recall]]]]


def _founded(
    reports: Sequence[Context], recalled: Mapping[str, Sequence[Recall]], groups: dict[date, _Group]
) -> dict[str, list[tuple[int, str, str | None, str]]]:
    """The meetings of the principals that no article reports but one recalls to the day and
    place ("- April 9, 2026 - Beijing: Xi meets Mishustin", in a chronology): each a meeting of
    the table (added to ``groups``), founded by the first article that recalls it (stem ->
    (index of the recalling fact, meeting id, place, day)). A recall a day or two from a
    meeting at the same place is of that meeting."""
    out: dict[str, list[tuple[int, str, str | None, str]]] = {}
    for ctx in reports:
        stem = ctx.article.stem
        for r in recalled.get(stem, ()):
            if not r.place or any(
                abs((day - r.day).days) <= (NEAR_DAYS if g.place == r.place else 0)
                for day, g in groups.items()
            ):
                continue
            group = groups[r.day] = _Group(r.day, [], told=r.place)
            out.setdefault(stem, []).append((r.index, group.id, group.place, r.day.isoformat()))
    return out


def _recalled(reports: Sequence[Context], recalled: Mapping[str, Sequence[Recall]],
              groups: dict[date, _Group], target: dict[str, _Group]) -> _Recalled:  # fmt: skip
    """The meetings (id(group) -> group) that articles other than their reports recall to the
    day, each with those recalls (stem, recall) in the reports' order: their date is the
    text's, not a curated one."""
    out: _Recalled = {}
    for ctx in reports:
        stem = ctx.article.stem
        for r in recalled.get(stem, ()):
            group = groups.get(r.day)
            if group is not None and group is not target.get(stem):
                out.setdefault(id(group), (group, []))[1].append((stem, r))
    return out


def _near(groups: dict[date, _Group]) -> dict[date, _Group]:
    """Reports of a meeting at the same place (and venue) a day or two apart are one meeting,
    dated by the best evidence (a date the meeting's own sentences give before a weekday, a
    "yesterday" or a page's date): a second report's "the day before" or its publication date
    does not make a meeting of its own. Each report's date maps to the group it joins."""

    def evidence(g: _Group) -> tuple[int, int, date]:
        return min(c.date_rank for c in g.reports), -len(g.reports), g.day

    def venues(g: _Group) -> set[str]:
        return {c.venue for c in g.reports if c.venue}

    out: dict[date, _Group] = {}
    kept: dict[date, list[tuple[int, _Group]]] = {}  # day -> the groups kept of it, numbered
    count = 0
    for g in sorted(groups.values(), key=evidence):
        # the first group kept (in that order) of a day near enough, of the same place and
        # venue: only the groups of the days near are looked at (a group's place is counted
        # from its reports each time it is asked)
        place = g.place
        near = sorted(found for d in range(-NEAR_DAYS, NEAR_DAYS + 1)
                      for found in kept.get(g.day + timedelta(days=d), ()))  # fmt: skip
        host = next((k for _, k in near if place is not None and k.place == place
                     and (not venues(k) or not venues(g) or venues(k) & venues(g))),
                    None)  # fmt: skip
        if host is None:
            kept.setdefault(g.day, []).append((count, g))
            count += 1
            out[g.day] = g
        else:
            host.reports.extend(g.reports)
            out[g.day] = host
    return out


def _group_of(ctx: Context, groups: dict[date, _Group]) -> _Group | None:
    """The meeting of the principals ``ctx`` reports or announces, if one is known."""
    if ctx.principal:
        if ctx.meeting_date:
            return groups[ctx.meeting_date]
        if ctx.month_day is None:
            return None
        month, day = ctx.month_day
        same = [g for g in groups.values() if (g.day.month, g.day.day) == (month, day)
                and (not ctx.place or g.place == ctx.place)
                and (not ctx.weekday or g.day.strftime("%A") == ctx.weekday)]  # fmt: skip
        return same[0] if len(same) == 1 else None
    main = ctx.main
    if main is None or not main.principal or main.tense != "future":
        return None

    def place_ok(g: _Group) -> bool:
        return (not ctx.place or g.place == ctx.place) and (
            not ctx.country or not g.place or _country(g, ctx.country))  # fmt: skip

    if ctx.meeting_date:
        group = groups.get(ctx.meeting_date)
        return group if group is not None and place_ok(group) else None
    if ctx.ref is None:
        return None
    soon = [g for g in groups.values()
            if 0 <= (g.day - ctx.ref).days <= ANNOUNCED_WITHIN and place_ok(g)]  # fmt: skip
    return min(soon, key=lambda g: g.day) if soon else None


def _dated_by_table(ctx: Context, groups: dict[date, _Group]) -> date | None:
    """The day of the undated meeting ``ctx`` reports (a month, a day and a weekday, no year),
    when no report dates it and exactly one year fits both the weekday and the months the text
    names as "last October": a meeting of the table then ("since last October, when we met in
    Beijing")."""
    if not ctx.principal or ctx.meeting_date or not ctx.month_day or not ctx.weekday:
        return None
    if not ctx.last_months or not groups:
        return None
    month, day = ctx.month_day
    if any((g.month, g.day) == (month, day) for g in groups):
        return None  # (``_group_of`` joins it to that meeting, or finds two)
    held = {(g.year, g.month) for g in groups}
    years = range(min(held)[0] - 1, max(held)[0] + 3)
    fits = set()
    for year in years:
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when.strftime("%A") != ctx.weekday:
            continue
        if all((year if m < month else year - 1, m) in held for m in ctx.last_months):
            fits.add(when)
    return fits.pop() if len(fits) == 1 else None


def _country(group: _Group, country: str) -> bool:
    """The meeting was in ``country`` (by its reports' own countries, when they name one)."""
    named = {c.country for c in group.reports if c.country}
    return not named or country in named or any(
        c.place and c.gaz.get("places", c.place) is not None
        and c.gaz.get("places", c.place).attr("country") == country  # type: ignore[union-attr]
        for c in group.reports)  # fmt: skip


def _other_ids(reports: Sequence[Context],
               target: dict[str, _Group]) -> dict[str, tuple[str, str | None]]:  # fmt: skip
    """(id, place) of the other encounters articles are about, one per date and people: a
    premiers' meeting reported in three articles is one."""
    by_key: dict[tuple[str, frozenset[str]], list[Context]] = defaultdict(list)
    for ctx in reports:
        if ctx.article.stem in target or ctx.main is None or not ctx.meeting_date:
            continue
        by_key[(ctx.meeting_date.isoformat(), frozenset(ctx.main.who))].append(ctx)
    out: dict[str, tuple[str, str | None]] = {}
    for contexts in by_key.values():
        best = min(contexts, key=lambda c: (c.place_rank, c.article.stem))
        for c in contexts:
            out[c.article.stem] = (best.meeting_id, best.place)
    return out


__all__ = [
    "ANNOUNCED_WITHIN",
    "NEAR_DAYS",
    "Placement",
    "Recall",
    "assign",
    "merge",
    "place",
    "recalls",
]
