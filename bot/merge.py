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
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .context import Context
from .facts import MEETING, Fact
from .kinds import encounter, venue
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


def merge(reports: Sequence[tuple[Context, list[Fact]]]) -> tuple[list[Fact], dict[str, str]]:
    """The facts of every report with the meeting they belong to, and each article's meeting
    id (stem -> id)."""
    groups: dict[date, _Group] = {}
    for ctx, _ in reports:
        if ctx.principal and ctx.meeting_date:
            groups.setdefault(ctx.meeting_date, _Group(ctx.meeting_date, [])).reports.append(ctx)
    groups = _near(groups)
    target: dict[str, _Group] = {}  # article stem -> the meeting it reports
    for ctx, _ in reports:
        group = _group_of(ctx, groups)
        if group is not None:
            target[ctx.article.stem] = group
    others = _other_ids(reports, target)
    recalls = _recalls(reports, groups, target)
    out: list[Fact] = []
    ids: dict[str, str] = {}
    texts = ("text", "header", "year inferred")  # a report that gives the date itself
    dated = {g.day: g.day in recalls or any(c.dated in texts for c in g.reports)
             for g in groups.values()}  # fmt: skip
    for ctx, facts in reports:
        stem = ctx.article.stem
        group = target.get(stem)
        if ctx.scoped:  # its paragraphs about other meetings of the principals: theirs
            facts = _scoped(ctx, facts, groups, out, dated)
        if group is None:
            mid, place = others.get(stem, (ctx.meeting_id, ctx.place))
            ids[stem] = mid
            out += [f if (f.meeting, f.place) == (mid, place)
                    else replace(f, meeting=mid, place=place) for f in facts]  # fmt: skip
            continue
        ids[stem] = group.id
        out += [_join(f, group, dated[group.day], f.year is None and not ctx.meeting_date)
                for f in facts]  # fmt: skip
    for group, recalled in recalls.values():
        if any(c.venue for c in group.reports):
            continue
        named = next((f for f in recalled if f.parts.venue), None)  # type: ignore[attr-defined]
        if named is not None:  # the venue only the recalling article names
            where = named.parts.venue  # type: ignore[attr-defined]
            out.append(replace(named, kind=venue.KIND, value=where, display=where, qualifier="",
                               meeting=group.id, place=group.place, year=group.day.year,
                               number=None, parts=venue.Parts()))  # fmt: skip
    return out, ids


def _join(f: Fact, group: _Group, text_dated: bool, undated: bool) -> Fact:
    """``f`` as a fact of ``group``'s meeting (``undated``: of a report that gives no date, so
    of the meeting's year)."""
    changes: dict[str, object] = {}
    if f.meeting != group.id:
        changes["meeting"] = group.id
    if f.place != group.place:
        changes["place"] = group.place
    if undated:
        changes["year"] = group.day.year
    if f.kind == MEETING:
        if f.curated and text_dated:
            changes["curated"] = ""  # a report gives the date: no curated note
        if f.value != group.day.isoformat():  # undated, or a near day's report
            changes["value"] = group.day.isoformat()
            changes["display"] = format_date(group.day)
    return replace(f, **changes) if changes else f  # type: ignore[arg-type]


def _scoped(ctx: Context, facts: list[Fact], groups: dict[date, _Group], out: list[Fact],
            dated: dict[date, bool]) -> list[Fact]:  # fmt: skip
    """The facts of ``ctx``'s paragraphs about another meeting of the principals go to it (into
    ``out``) when it is a meeting of the table; the rest are returned, the article's own."""
    rest = []
    for f in facts:
        day = ctx.scoped[f.sentence] if f.sentence < len(ctx.scoped) else ""
        group = groups.get(date.fromisoformat(day)) if day else None
        if group is not None:
            out.append(_join(f, group, dated[group.day], False))
        else:
            rest.append(f)
    return rest


def _recalls(reports: Sequence[tuple[Context, list[Fact]]], groups: dict[date, _Group],
             target: dict[str, _Group]) -> dict[date, tuple[_Group, list[Fact]]]:  # fmt: skip
    """The meetings (by day) that articles other than their reports name with a full date, and
    the encounter facts that name them: their date is the text's, not a curated one."""
    out: dict[date, tuple[_Group, list[Fact]]] = {}
    for ctx, facts in reports:
        principals = set(ctx.gaz.principals)
        for f in facts:
            p = f.parts
            if (
                f.kind != encounter.KIND
                or not isinstance(p, encounter.Parts)
                or p.status == "planned"
                or len(p.when) != 10
                or set(p.who) != principals
            ):
                continue  # fmt: skip
            group = groups.get(date.fromisoformat(p.when))
            if group is not None and group is not target.get(ctx.article.stem):
                out.setdefault(group.day, (group, []))[1].append(f)
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
    kept: list[_Group] = []
    for g in sorted(groups.values(), key=evidence):
        # the day first: a group's place is counted from its reports each time it is asked
        # (10,000 articles asked it 2.5 million times here: 25 s of a build)
        place = g.place
        host = next((k for k in kept if abs((k.day - g.day).days) <= NEAR_DAYS
                     and place is not None and k.place == place
                     and (not venues(k) or not venues(g) or venues(k) & venues(g))),
                    None)  # fmt: skip
        if host is None:
            kept.append(g)
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


def _other_ids(reports: Sequence[tuple[Context, list[Fact]]],
               target: dict[str, _Group]) -> dict[str, tuple[str, str | None]]:  # fmt: skip
    """(id, place) of the other encounters articles are about, one per date and people: a
    premiers' meeting reported in three articles is one."""
    by_key: dict[tuple[str, frozenset[str]], list[Context]] = defaultdict(list)
    for ctx, _ in reports:
        if ctx.article.stem in target or ctx.main is None or not ctx.meeting_date:
            continue
        by_key[(ctx.meeting_date.isoformat(), frozenset(ctx.main.who))].append(ctx)
    out: dict[str, tuple[str, str | None]] = {}
    for contexts in by_key.values():
        best = min(contexts, key=lambda c: (c.place_rank, c.article.stem))
        for c in contexts:
            out[c.article.stem] = (best.meeting_id, best.place)
    return out


__all__ = ["ANNOUNCED_WITHIN", "NEAR_DAYS", "merge"]
