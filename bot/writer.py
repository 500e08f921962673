"""Writing: a ``Pick`` or a ``Decline`` as the reply in one language (English or Russian).

Facts are grouped by meeting (newest or oldest first, per config), each meeting labelled with its
date and place, each fact in English (its display) or in Russian (its kind's rendering, or the
display when the glossary lacks a term). Escaping and the length cut are ``bot.render``'s.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from itertools import chain, groupby
from operator import attrgetter

from .facts import MAIN, Fact, FactTable, Meeting
from .gazetteer import Gazetteer
from .glossary import Glossary
from .kinds import KINDS
from .kinds import render as render_russian
from .kinds.meeting import KIND as MEETING
from .kinds.venue import KIND as VENUE
from .language import (
    CURATED,
    MORE_MEETINGS,
    NEAR_MEETING,
    NO,
    NO_BUT,
    NO_MEETING,
    OTHER_EVENT,
    OUTSIDE,
    UNKNOWN_PLACE,
    UNSAID,
    WEEKDAYS,
    YES,
    counted,
)
from .language import (
    MEETING as MEETING_LABEL,
)
from .memo import FactText
from .picker import Decline, Pick
from .render import TELEGRAM_LIMIT, Line, Reply, render_decline, render_lines
from .russian import quoted
from .sources import SourceIndex
from .text import MONTH_NAMES, format_date


class Writer:
    """Writes replies from one table's facts, in English or Russian."""

    def __init__(self, table: FactTable, gaz: Gazetteer, glossary: Glossary, order: str,
                 text: FactText):  # fmt: skip
        self.table = table
        self.gaz = gaz
        self.glossary = glossary
        self.newest_first = order == "newest_first"
        self.text = text
        # (numbered as answers use them: not every fact is read)
        self.sources = SourceIndex(key=table.fact_key)

    # --- answers -------------------------------------------------------------------------------

    def answer(self, pick: Pick, lang: str, score: float) -> Reply:
        """The reply for ``pick``: one line per meeting, or one sentence for one meeting."""
        intent = pick.intent
        groups = _group_by_meeting(pick.facts, self.table.sort_key, self.newest_first)
        notes: list[str] = []
        lines: list[Line] = []
        shown = 0  # characters in lines: past the limit, render_lines cuts every further line
        for mid, group in groups.items():
            if shown > TELEGRAM_LIMIT:
                break
            meeting = self.table.meeting(mid)
            label = self.meeting_label(meeting, lang, pick.weekday) if meeting else ""  # (facts
            # of an article that reports no meeting: no meeting to name)
            curated = [f.curated for f in meeting.facts if f.curated] if meeting else []
            if curated:
                label += " *"
                notes.extend(curated)
            if meeting and intent.asks == "place":
                where = self.meeting_where(meeting, lang) or UNKNOWN_PLACE(lang)
                lines.append(
                    Line(where, self.meeting_when(meeting, lang) + (" *" if curated else ""))
                )
            elif all(f.kind in (MEETING, VENUE) or f.qualifier == MAIN for f in group):
                lines.append(Line("", label))
            else:
                values = self._values(group, lang)
                lines.append(Line("; ".join(v.rstrip(".") if len(values) > 1 else v
                                            for v in values), label))  # fmt: skip
            shown += len(lines[-1].label) + len(lines[-1].text) + 1
        if len(groups) == 1 and intent.asks != "count":
            only = lines[0]
            value = only.text or only.label
            if value.endswith(".") and "{value}." in intent.reply[lang]:  # one full stop
                value = value[:-1]
            head = intent.reply[lang].format(value=value, meeting=only.label, **counted(1, lang))
            out = [Line(head)]
            if only.text and only.label and intent.asks != "place":
                head = MEETING_LABEL(lang)  # ("Meeting (planned ...): ..." says it itself)
                said = only.label.lower().startswith(head.split(":")[0].strip().lower())
                out.append(Line(only.label if said else head + only.label))
        else:
            template = intent.many.get(lang) or intent.reply[lang]
            count = len(groups) + pick.more
            out = [Line(template.format(value="", meeting="", **counted(count, lang)))] + lines
        if pick.more:
            out.append(Line(MORE_MEETINGS(lang, count=pick.more)))
        for note in dict.fromkeys(notes):
            source = note.rsplit("Source: ", 1)[-1]
            out.append(Line(CURATED(lang) + source))
        if pick.no and len(groups) > 1 and intent.asks != "count":  # no, and the meetings
            out[0] = Line(NO_BUT(lang))  # (not "They met 2 times": they may have met more)
        elif pick.no:  # "was the December meeting held in Moscow?": no, and where
            out[0] = Line(NO(lang) + out[0].text, out[0].label)
        elif pick.yes:  # "did Xi meet Mishustin in Moscow on March 21, 2023?": yes, and when
            out[0] = Line(YES(lang) + out[0].text, out[0].label)
        text, marked = render_lines(out)
        sources = self.sources.sources(chain.from_iterable(groups.values()))
        return Reply("answer", text, marked, sources, intent.name, score, lang)

    def meeting_label(self, meeting: Meeting, lang: str = "en", weekday: bool = False) -> str:
        """'December 20, 2023, Beijing (Great Hall of the People)'; another meeting an article
        is about says what it was and who met ('29th regular meeting of heads of government: Li
        Qiang and Mikhail Mishustin, August 21, 2024, Moscow (Government House)')."""
        if meeting.what and meeting.facts:
            main = meeting.facts[0]
            return self.russian(main) if lang == "ru" else main.display
        when, place = self.meeting_when(meeting, lang, weekday), self.meeting_where(meeting, lang)
        return f"{when}, {place}" if place else when

    def meeting_when(self, meeting: Meeting, lang: str = "en", weekday: bool = False) -> str:
        """The meeting's date as a reader wants it, or an honest 'no date'."""
        if meeting.date:
            day = (WEEKDAYS[lang][meeting.date.weekday()] + ", ") if weekday else ""
            return day + format_date(meeting.date, lang)
        return meeting.facts[0].display if lang == "en" else self.russian(meeting.facts[0])

    def meeting_where(self, meeting: Meeting, lang: str = "en") -> str:
        """'Beijing (Great Hall of the People)', or '' when unknown."""
        place = meeting.place or ""
        if lang == "ru" and place:
            place = self.gaz.ru(place) or place
        venues = {f.value for f in self.table.find(VENUE, {meeting.id})}
        if venues:
            venue = sorted(venues)[0]
            # a venue the gazetteer lacks is a quoted name in Russian, never a bare English one
            venue = (self.gaz.ru(venue) or quoted(venue)) if lang == "ru" else venue
            place = f"{place} ({venue})" if place else venue
        return place

    def values(self, group: list[Fact], lang: str) -> list[str]:
        """Each fact of one meeting written in ``lang``, without repeats (``bot.summary``)."""
        return self._values(group, lang)

    def curated_notes(self, meeting: Meeting, lang: str) -> list[str]:
        """The notes of a meeting's curated facts ("* date not in the article; from ...")."""
        notes = dict.fromkeys(f.curated for f in meeting.facts if f.curated)
        return [CURATED(lang) + note.rsplit("Source: ", 1)[-1] for note in notes]

    def _values(self, group: list[Fact], lang: str) -> list[str]:
        """One value per fact; of two facts saying the same (two articles, one meeting), the
        fuller."""
        best: dict[str, Fact] = {}
        for f in group:
            key = f"{f.kind}:{KINDS[f.kind].same(f)}"
            if key not in best or self._fullness(f) > self._fullness(best[key]):
                best[key] = f
        return [self.russian(f) if lang == "ru" else f.display for f in best.values()]

    def russian(self, fact: Fact) -> str:
        """The fact in Russian; a term the glossary lacks stays a quoted name in it
        (``python -m bot build`` lists those), never English words in a Russian sentence."""
        return render_russian(self.glossary, fact, self.gaz).text

    def _fullness(self, fact: Fact) -> tuple[int, int]:
        """How much a display says: the people it names, then its length."""
        return self.text.people(fact.display), len(fact.display)

    # --- declines ------------------------------------------------------------------------------

    def decline(self, decline: Decline, lang: str, score: float) -> Reply:
        """The decline, with the reason when there is one."""
        reason = ""
        if decline.outside:
            reason = OUTSIDE(lang, name=decline.outside)
        elif decline.no_meeting:
            reason = self._no_meeting(decline, lang)
            near = [m for mid in decline.near if (m := self.table.meeting(mid)) is not None]
            if near:  # "did they meet in Moscow in May 2026": in Beijing, then
                labels = "; ".join(self.meeting_label(m, lang) for m in near)
                reason += " " + NEAR_MEETING(lang, what=labels)
        elif decline.unsaid:  # (a name the gazetteer writes in Russian, so in a Russian reply)
            said = [str(self.gaz.ru(w) or w) if lang == "ru" else w for w in decline.unsaid]
            reason = UNSAID(lang, what=", ".join(said))
        elif decline.other_event:
            reason = OTHER_EVENT(lang)
        reply = render_decline(lang, reason)
        return Reply(reply.kind, reply.text, reply.html, (), None, score, lang,
                     {"best": decline.best, "reason": reason,
                      "off_topic": "yes" if decline.out_of_scope else ""})  # fmt: skip

    def _no_meeting(self, decline: Decline, lang: str) -> str:
        slots = decline.no_meeting
        months = [MONTH_NAMES[m - 1] for m in slots.months]
        names = list(slots.names)
        if lang == "ru":
            months = [self.glossary.word("months", m) for m in months]
            names = [self.gaz.ru(p) or p for p in names]
        return NO_MEETING(lang, what=", ".join(_year_runs(slots.years) + months + names))


def _group_by_meeting(facts: tuple[Fact, ...], key: Callable[[str], tuple[int, str]],
                      reverse: bool) -> OrderedDict[str, list[Fact]]:  # fmt: skip
    """Facts grouped by meeting, meetings in ``key`` order; the same as sorting every fact by its
    meeting's key (a stable sort keeps facts in table order), but sorts meetings, not facts."""
    by_meeting: dict[str, list[Fact]] = {}
    for mid, run in groupby(facts, attrgetter("meeting")):  # runs: facts come in table order
        group = by_meeting.get(mid)
        if group is None:
            by_meeting[mid] = group = []
        group.extend(run)
    order = sorted(by_meeting, key=key, reverse=reverse)
    return OrderedDict((mid, by_meeting[mid]) for mid in order)


__all__ = ["Writer"]


def _year_runs(years: tuple[int, ...]) -> list[str]:
    """Years as written, a run of three or more as its span ("2024-2033")."""
    out: list[str] = []
    run: list[int] = []
    for y in [*sorted(set(years)), None]:
        if run and (y is None or y != run[-1] + 1):
            out += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(r) for r in run]
            run = []
        if y is not None:
            run.append(y)
    return out
