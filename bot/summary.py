"""Meeting summaries ("tell me about the Moscow meeting") and the list of meetings (/meetings).

An intent that ``asks: summary`` lists fact kinds in ``answers`` by priority. One meeting gets
its date, place and venue (that intent's ``reply``), then a line for each intent that answers
the next kinds the meeting has facts of, written with that intent's own ``reply`` ("Trade:
{value}."), at most ``MAX_LINES`` lines in all. Several meetings get a line each. The priority is
data: a new kind joins summaries by being named in ``answers``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .facts import Fact, FactKind, FactTable, Meeting
from .intents import Intent
from .kinds.meeting import KIND as MEETING
from .kinds.venue import KIND as VENUE
from .language import MEETINGS_HEAD, MORE_MEETINGS, NO_MEETINGS, PICK_ONE, counted
from .picker import Pick
from .render import TELEGRAM_LIMIT, Line, Reply, render_lines
from .writer import Writer

MAX_LINES = 6  # lines of one meeting's summary, its heading and notes included
MAX_VALUES = 6  # values on one line; more end in "…"
PAGE = 10  # meetings per page of /meetings


@dataclass(frozen=True, slots=True)
class Listed:
    """One meeting in /meetings: its id (for the button), its label and what it was."""

    id: str
    label: str
    about: str


class Summaries:
    """Writes summaries of meetings from one table, with the summary intent's priorities."""

    def __init__(self, table: FactTable, intents: Sequence[Intent], writer: Writer):
        self.table = table
        self.writer = writer
        self.intent = next((i for i in intents if i.asks == "summary"), None)
        # The intent whose reply writes a kind's line: the first (in file order) answering it.
        self._line_of: dict[FactKind, Intent] = {}
        for intent in intents:
            if intent.asks not in ("summary", "talk") and not intent.declines:
                for kind in intent.answers:
                    self._line_of.setdefault(kind, intent)

    def reply(self, pick: Pick, lang: str, score: float) -> Reply:
        """The summary of the picked meetings: lines for one, a line each for several."""
        by_meeting: dict[str, list[Fact]] = {}
        for fact in pick.facts:
            by_meeting.setdefault(fact.meeting, []).append(fact)
        order = sorted(by_meeting, key=self.table.sort_key, reverse=self.writer.newest_first)
        meetings = [m for mid in order if (m := self.table.meeting(mid)) is not None]
        if len(meetings) == 1:
            lines, used = self._one(pick.intent, meetings[0], by_meeting[meetings[0].id], lang)
        else:
            lines, used = self._many(pick.intent, meetings, by_meeting, lang, pick.more)
        text, marked = render_lines(lines)
        sources = self.writer.sources.sources(used)
        return Reply("answer", text, marked, sources, pick.intent.name, score, lang)

    def of_meeting(self, mid: str, lang: str) -> Reply | None:
        """The summary of meeting ``mid`` (a /meetings button); None when there is no such
        meeting or no intent summarises."""
        if self.intent is None or self.table.meeting(mid) is None:
            return None
        facts = tuple(f for k in self.intent.answers for f in self.table.find(k, {mid}))
        return self.reply(Pick(self.intent, facts), lang, 1.0)

    def listing(self, lang: str, offset: int = 0,
                limit: int = PAGE) -> tuple[str, list[Listed], int]:  # fmt: skip
        """/meetings: the heading, a page of meetings (newest first) and how many there are."""
        everything = list(reversed(self.table.meetings))
        if not everything:
            return NO_MEETINGS(lang), [], 0
        page = [
            Listed(m.id, self.writer.meeting_label(m, lang), self._about(m, lang))
            for m in everything[offset : offset + limit]
        ]
        return MEETINGS_HEAD(lang, count=len(everything)), page, len(everything)

    # --- writing ---------------------------------------------------------------------------

    def _one(self, intent: Intent, meeting: Meeting, facts: list[Fact],
             lang: str) -> tuple[list[Line], list[Fact]]:  # fmt: skip
        notes = self.writer.curated_notes(meeting, lang)
        label = self.writer.meeting_label(meeting, lang) + (" *" if notes else "")
        lines = [Line(intent.reply[lang].format(meeting=label, value=label, **counted(1, lang)))]
        used = [f for f in facts if f.kind in (MEETING, VENUE)]
        room = MAX_LINES - len(notes)
        for line_intent, group in self._lines(intent, facts):
            if len(lines) >= room:
                break
            values = self.writer.values(group, lang)
            shown = values[:MAX_VALUES] + (["…"] if len(values) > MAX_VALUES else [])
            text = line_intent.reply[lang].format(value="; ".join(shown), meeting=label,
                                                  **counted(len(values), lang))  # fmt: skip
            lines.append(Line(text))
            used += group
        return lines + [Line(n) for n in notes], used

    def _lines(self, intent: Intent, facts: list[Fact]) -> list[tuple[Intent, list[Fact]]]:
        """(the intent writing a line, its facts) in the order of ``intent.answers``."""
        by_kind: dict[FactKind, list[Fact]] = {}
        for fact in facts:
            by_kind.setdefault(fact.kind, []).append(fact)
        out: list[tuple[Intent, list[Fact]]] = []
        done: set[str] = set()
        for kind in intent.answers:
            line_intent = self._line_of.get(kind)
            if kind in (MEETING, VENUE) or line_intent is None or line_intent.name in done:
                continue
            group = [f for k in line_intent.answers if k in intent.answers
                     for f in by_kind.get(k, ())]  # fmt: skip
            if group:
                done.add(line_intent.name)
                out.append((line_intent, group))
        return out

    def _many(self, intent: Intent, meetings: list[Meeting], by_meeting: dict[str, list[Fact]],
              lang: str, more: int = 0) -> tuple[list[Line], list[Fact]]:  # fmt: skip
        template = intent.many.get(lang) or intent.reply[lang]
        count = len(meetings) + more
        lines = [Line(template.format(meeting="", value="", **counted(count, lang)))]
        used: list[Fact] = []
        notes: list[str] = []
        shown = 0
        for meeting in meetings:
            if shown > TELEGRAM_LIMIT:
                break
            facts = by_meeting[meeting.id]
            meeting_notes = self.writer.curated_notes(meeting, lang)
            notes += meeting_notes
            label = self.writer.meeting_label(meeting, lang) + (" *" if meeting_notes else "")
            first = self._lines(intent, facts)[:1]
            value = "; ".join(self.writer.values(first[0][1], lang)[:1]) if first else ""
            lines.append(Line(value, label))
            used += [f for f in facts if f.kind == MEETING] + (first[0][1][:1] if first else [])
            shown += len(label) + len(value) + 3
        if more:
            lines.append(Line(MORE_MEETINGS(lang, count=more)))
        lines.append(Line(PICK_ONE(lang)))
        return lines + [Line(n) for n in dict.fromkeys(notes)], used

    def _about(self, meeting: Meeting, lang: str) -> str:
        """The first line a summary of ``meeting`` would have after its heading."""
        if self.intent is None:
            return ""
        facts = [f for k in self.intent.answers for f in self.table.find(k, {meeting.id})]
        first = self._lines(self.intent, facts)[:1]
        return "; ".join(self.writer.values(first[0][1], lang)[:1]) if first else ""


__all__ = ["MAX_LINES", "PAGE", "Listed", "Summaries"]
