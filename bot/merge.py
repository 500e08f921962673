"""Reports of the same meeting, merged: every fact of every report belongs to the one meeting.

The principals meet at most once a day, so two reports of a held meeting on the same date are
one meeting, whatever their datelines or venue wording; its place is the one the best evidence
gives (the meeting's own sentences before a filing city's dateline). A report whose date the
text does not give joins the one known meeting at its place on its month and day (and
weekday); an announcement joins the meeting it announces. An explicit date in any report
replaces a curated one, and the curated note goes. Other encounters an article is about (a
premiers' meeting) merge by date and people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .context import Context
from .facts import MEETING, Fact
from .text import format_date

ANNOUNCED_WITHIN = 7  # days: an announcement without a date announces a meeting this soon
NEAR_DAYS = 2  # days: reports of a meeting at one place this close are of the same meeting


@dataclass(slots=True)
class _Group:
    """A meeting of the principals and the reports of it."""

    day: date
    reports: list[Context]

    @property
    def place(self) -> str | None:
        ranked = sorted((c.place_rank, c.place) for c in self.reports if c.place)
        if not ranked:
            return None
        best = ranked[0][0]
        places = Counter(p for r, p in ranked if r == best)
        return max(places, key=lambda p: (places[p], -ranked.index((best, p))))

    @property
    def id(self) -> str:
        slug = (self.place or "unknown").lower().replace(" ", "-").replace(".", "")
        return f"{self.day.isoformat()}-{slug.replace(chr(39), '')}"


@dataclass(frozen=True, slots=True)
class Placement:
    """Where ``merge`` puts an article's facts: the meeting id and place; for a meeting of the
    principals also its day and whether any of its reports is dated by its text (None and False
    for another encounter). The same placement gives the same merged facts (``place``)."""

    meeting: str
    place: str | None
    day: date | None = None
    text_dated: bool = False

    def to_json(self) -> list[object]:
        """The placement as JSON (the fact store keeps each article's)."""
        return [self.meeting, self.place, self.day.isoformat() if self.day else None,
                self.text_dated]  # fmt: skip

    @classmethod
    def from_json(cls, data: list[object]) -> Placement:
        """``to_json`` read back; ValueError or TypeError when it is not one."""
        mid, where, day, dated = data
        if not isinstance(mid, str) or not isinstance(where, str | None):
            raise TypeError("placement: meeting and place must be strings")
        when = date.fromisoformat(day) if isinstance(day, str) else None
        return cls(mid, where, when, bool(dated))


def merge(reports: Sequence[tuple[Context, list[Fact]]]) -> tuple[list[Fact], dict[str, str]]:
    """The facts of every report with the meeting they belong to, and each article's meeting
    id (stem -> id)."""
    placements = assign([ctx for ctx, _ in reports])
    out: list[Fact] = []
    ids: dict[str, str] = {}
    for ctx, facts in reports:
        where = placements[ctx.article.stem]
        ids[ctx.article.stem] = where.meeting
        out += place(ctx, facts, where)
    return out, ids


def assign(reports: Sequence[Context]) -> dict[str, Placement]:
    """Each report's placement (article stem -> ``Placement``), from the reports' contexts
    alone: an incremental build compares them with those of the last build and merges again
    only the articles whose placement changed."""
    groups: dict[date, _Group] = {}
    for ctx in reports:
        if ctx.principal and ctx.meeting_date:
            groups.setdefault(ctx.meeting_date, _Group(ctx.meeting_date, [])).reports.append(ctx)
    groups = _near(groups)
    target: dict[str, _Group] = {}  # article stem -> the meeting it reports
    for ctx in reports:
        group = _group_of(ctx, groups)
        if group is not None:
            target[ctx.article.stem] = group
    others = _other_ids(reports, target)
    out: dict[str, Placement] = {}
    found: dict[int, Placement] = {}  # id(group) -> its placement (one per group)
    for ctx in reports:
        stem = ctx.article.stem
        group = target.get(stem)
        if group is None:
            out[stem] = Placement(*others.get(stem, (ctx.meeting_id, ctx.place)))
            continue
        where = found.get(id(group))
        if where is None:
            text_dated = any(c.dated in ("text", "header", "year inferred") for c in group.reports)
            where = found[id(group)] = Placement(group.id, group.place, group.day, text_dated)
        out[stem] = where
    return out


def place(ctx: Context, facts: Sequence[Fact], where: Placement) -> list[Fact]:
    """The facts of the report ``ctx`` merged into the meeting ``where`` (unchanged facts are the
    very objects given)."""
    mid, spot = where.meeting, where.place
    if where.day is None:
        return [f if (f.meeting, f.place) == (mid, spot)
                else replace(f, meeting=mid, place=spot) for f in facts]  # fmt: skip
    day = where.day
    out: list[Fact] = []
    for f in facts:
        changes: dict[str, object] = {}
        if f.meeting != mid:
            changes["meeting"] = mid
        if f.place != spot:
            changes["place"] = spot
        if f.year is None and not ctx.meeting_date:
            changes["year"] = day.year  # an undated report's facts: the meeting's year
        if f.kind == MEETING:
            if f.curated and where.text_dated:
                changes["curated"] = ""  # a report gives the date: no curated note
            if f.value != day.isoformat():  # undated, or a near day's report
                changes["value"] = day.isoformat()
                changes["display"] = format_date(day)
        out.append(replace(f, **changes) if changes else f)  # type: ignore[arg-type]
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


__all__ = ["ANNOUNCED_WITHIN", "NEAR_DAYS", "Placement", "assign", "merge", "place"]
