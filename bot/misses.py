"""The misses report: the misses log read back and similar questions grouped, for curators.

``python -m bot misses`` prints it, ``/misses`` sends the top 10 groups to admins, and ``--yaml``
writes one candidate question per group in the question-set format (tests/questions*.yaml).
The log itself is written by bot/misslog.py.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .lazyre import lazy_re
from .misslog import REASONS, rotated
from .question import Reader, closest
from .render import TELEGRAM_LIMIT
from .text import normalize

# Two questions are one group when their canonical words score this much (rapidfuzz token sort
# ratio, 0..100). The matcher has already repaired typos and slang and dropped years, so the bar
# is high: what is left apart are different words. Chosen on bench/traffic.py's generated day
# (80 merged "what did X say about Y" across topics; 92 split one question by its city); one
# differing word in a short question is near the line ("... about ukraine" / "... taiwan": 87.7).
GROUP_CUTOFF = 88
EXAMPLES = 3
_NAME = lazy_re(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True, slots=True)
class Miss:
    """One line of the misses log."""

    time: datetime
    text: str
    lang: str
    chat: str
    answered: bool
    intent: str | None
    score: float
    margin: float
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MissGroup:
    """Similar questions: how often they were asked, the bot's best guess, why it missed."""

    misses: tuple[Miss, ...]

    @property
    def count(self) -> int:
        """How many times these questions were asked."""
        return len(self.misses)

    @property
    def examples(self) -> list[tuple[str, int]]:
        """The distinct wordings (case and punctuation aside) with their counts, the most asked
        first; each in its most frequent spelling."""
        spellings: dict[str, Counter[str]] = {}
        for m in self.misses:
            text = " ".join(m.text.split())
            spellings.setdefault(normalize(text) or text, Counter())[text] += 1
        best = [(min(c, key=lambda t: (-c[t], t)), c.total()) for c in spellings.values()]
        return sorted(best, key=lambda kv: (-kv[1], kv[0]))

    @property
    def intent(self) -> str | None:
        """The intent the bot most often guessed (None: it knew no word)."""
        guesses = Counter(m.intent for m in self.misses if m.intent)
        return min(guesses, key=lambda k: (-guesses[k], k)) if guesses else None

    @property
    def score(self) -> float:
        """The best score the guessed intent reached."""
        return max((m.score for m in self.misses if m.intent == self.intent), default=0.0)

    @property
    def reasons(self) -> list[tuple[str, int]]:
        """Why the bot missed, the most frequent reason first."""
        return Counter(m.reason for m in self.misses).most_common()

    @property
    def detail(self) -> str:
        """The bot's most frequent own explanation of a decline, or ''."""
        details = Counter(m.detail for m in self.misses if m.detail)
        return details.most_common(1)[0][0] if details else ""

    @property
    def answered(self) -> int:
        """How many were answered, with a low margin."""
        return sum(m.answered for m in self.misses)

    @property
    def last(self) -> datetime:
        """When one of them was last asked."""
        return max(m.time for m in self.misses)


# ----------------------------------------------------------------------------- reading


def log_files(path: Path) -> list[Path]:
    """``path`` and its rotated files that exist, oldest first."""
    numbered = [p for p in path.parent.glob(f"{path.name}.*") if p.suffix[1:].isdigit()]
    numbered.sort(key=lambda p: int(p.suffix[1:]), reverse=True)
    return [p for p in numbered if p == rotated(path, int(p.suffix[1:]))] + (
        [path] if path.exists() else []
    )


def parse_since(text: str) -> datetime:
    """``--since``: a date (``2026-11-23``) or a time (``2026-11-23T08:00``), UTC when unzoned."""
    when = datetime.fromisoformat(text.strip())
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def load_misses(
    path: Path, since: datetime | None = None, lang: str | None = None
) -> tuple[list[Miss], int]:
    """The misses logged at or after ``since`` in ``lang`` (oldest first), and how many lines
    could not be read (a torn or hand-edited line is skipped, not fatal)."""
    misses: list[Miss] = []
    bad = 0
    for line in _lines(path):
        miss = parse_miss(line)
        if miss is None:
            bad += 1
        elif (since is None or miss.time >= since) and (lang is None or miss.lang == lang):
            misses.append(miss)
    misses.sort(key=lambda m: m.time)
    return misses, bad


def _lines(path: Path) -> Iterator[str]:
    for file in log_files(path):
        try:
            with file.open(encoding="utf-8", errors="replace") as lines:
                yield from (line for line in lines if line.strip())
        except OSError as exc:
            raise DataError(file, f"cannot read: {exc.strerror}") from None


def parse_miss(line: str) -> Miss | None:
    """One log line, or None when it is not a well-formed entry."""
    try:
        data = json.loads(line)
        when = datetime.fromisoformat(data["time"])
        fields: dict[str, Any] = {
            "time": when if when.tzinfo else when.replace(tzinfo=UTC),
            **{k: data[k] for k in ("text", "lang", "chat", "answered", "reason")},
            "intent": data.get("intent"),
            "score": float(data["score"]),
            "margin": float(data["margin"]),
            "detail": data.get("detail") or "",
        }
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None
    if not all(isinstance(fields[k], str) for k in ("text", "lang", "chat", "reason", "detail")):
        return None
    names = (fields["lang"], fields["chat"], fields["intent"] or "x")
    if not (
        fields["reason"] in REASONS
        and isinstance(fields["answered"], bool)
        and all(isinstance(n, str) and _NAME.fullmatch(n) for n in names)
    ):
        return None  # what reports print unquoted is a plain name
    return Miss(**fields)


# ----------------------------------------------------------------------------- grouping


def question_key(reader: Reader) -> Callable[[str], str]:
    """The words that grouping compares: the question's canonical tokens (typos and slang repaired,
    Russian stemmed, years and months left out) with gazetteer names spelled out; the normalized
    text when the matcher keeps no word."""

    @lru_cache(maxsize=65536)
    def key(text: str) -> str:
        question = reader.read(text)
        words = [t for t in question.tokens if not t.startswith("#")]
        words += [name.lower() for _, name in question.names]
        return " ".join(words) or normalize(text)

    return key


def group_misses(
    misses: Iterable[Miss], key: Callable[[str], str], cutoff: float = GROUP_CUTOFF
) -> list[MissGroup]:
    """Similar questions together, the most asked group first.

    The most frequent wording starts a group; every other joins the group whose first wording
    is most like it (at least ``cutoff``) or starts its own.
    """
    by_key: dict[str, list[Miss]] = {}
    for miss in misses:
        by_key.setdefault(key(miss.text), []).append(miss)
    leaders: list[str] = []
    members: list[list[Miss]] = []
    for k in sorted(by_key, key=lambda k: (-len(by_key[k]), k)):
        i = closest(k, leaders, cutoff) if leaders else None
        if i is None:
            leaders.append(k)
            members.append(list(by_key[k]))
        else:
            members[i].extend(by_key[k])
    groups = [MissGroup(tuple(sorted(ms, key=lambda m: m.time))) for ms in members]
    return sorted(groups, key=lambda g: (-g.count, -g.last.timestamp(), g.examples[0][0]))


# ----------------------------------------------------------------------------- reports


def _when(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _why(group: MissGroup) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in group.reasons)


def _quoted(text: str) -> str:
    """One line, control characters escaped: a question is shown as the user typed it."""
    return json.dumps(text, ensure_ascii=False)


def _guess(group: MissGroup) -> str:
    return f"{group.intent} {group.score:.2f}" if group.intent else "none"


def summary_line(misses: list[Miss], groups: list[MissGroup], path: Path, bad: int) -> str:
    """What the report covers: questions, groups, period, file."""
    if not misses:
        return f"No misses recorded in {path}." + (f" ({bad} unreadable lines)" if bad else "")
    period = f"{_when(misses[0].time)} to {_when(misses[-1].time)} UTC"
    answered = sum(m.answered for m in misses)
    skipped = f"; {bad} unreadable lines skipped" if bad else ""
    return (
        f"{len(misses)} questions ({len(misses) - answered} declined, {answered} answered with "
        f"a low margin) in {len(groups)} groups, {period}; {path}{skipped}"
    )


def render_report(groups: list[MissGroup], top: int) -> str:
    """The top groups as plain text: count, best guess, reasons, example wordings."""
    out: list[str] = []
    for n, group in enumerate(groups[:top], start=1):
        out.append(f"{n:>3}. {group.count}x  best guess: {_guess(group)}  why: {_why(group)}")
        for text, count in group.examples[:EXAMPLES]:
            out.append(f"       {_quoted(text)}" + (f" x{count}" if count > 1 else ""))
        if group.detail:
            out.append(f"       bot said: {_quoted(group.detail)}")
    more = len(groups) - top
    if more > 0:
        out.append(f"  ... {more} more groups (--top N)")
    return "\n".join(out)


def render_report_html(groups: list[MissGroup], head: str, top: int = 10) -> str:
    """The top groups as Telegram HTML, every piece escaped, within Telegram's length limit."""
    lines = [html.escape(head)]
    for n, group in enumerate(groups[:top], start=1):
        block = [
            f"\n<b>{n}. {group.count}×</b> {html.escape(_guess(group))} "
            f"<i>({html.escape(_why(group))})</i>"
        ]
        block += [
            f"• {html.escape(text[:200])}" + (f" ×{count}" if count > 1 else "")
            for text, count in group.examples[:EXAMPLES]
        ]
        if sum(len(x) + 1 for x in lines + block) > TELEGRAM_LIMIT - 10:
            lines.append("…")
            break
        lines += block
    return "\n".join(lines)


def _scalar(text: str) -> str:
    """``text`` as a double-quoted YAML scalar on one line (every odd character escaped)."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1_000_000).strip()


def candidates_yaml(groups: list[MissGroup], top: int, now: datetime | None = None) -> str:
    """One candidate question per group, in the question-set format, to review.

    A declined group is written as ``decline: true`` and an answered one with the intent it got:
    as they are, ``python -m bot eval`` passes them. The comments say what the bot did.
    """
    stamp = _when(now or datetime.now(UTC))
    out = [
        f"# Candidate questions from the misses log (python -m bot misses --yaml, {stamp} UTC).",
        "# Review each: a question the bot should answer gets intent: and expect: (and its",
        "# wording goes into intents/, or a missing fact into seeds/curated.yaml); a trap keeps",
        "# decline: true. Then add the entries to a question set (tests/questions*.yaml).",
        "version: 1",
        "questions:",
    ]
    for group in groups[:top]:
        (text, _), *others = group.examples
        out.append(f"  - q: {_scalar(text)}")
        answered = group.answered * 2 > group.count and group.intent
        out.append(
            f"    intent: {_scalar(group.intent or '')}" if answered else "    decline: true"
        )
        out.append(f"    # asked {group.count}x; best guess {_guess(group)}; {_why(group)}")
        if group.detail:
            out.append(f"    # bot said: {_scalar(group.detail)}")
        for other, count in others[: EXAMPLES - 1]:
            out.append(f"    # also asked: {_scalar(other)} x{count}")
    if len(out) == 6:
        out[-1] = "questions: []"
    return "\n".join(out) + "\n"


def report(
    path: Path,
    reader: Reader,
    *,
    since: datetime | None = None,
    lang: str | None = None,
    top: int = 20,
    as_yaml: bool = False,
) -> str:
    """``python -m bot misses``: the summary and the top groups, or candidates as YAML."""
    misses, bad = load_misses(path, since, lang)
    groups = group_misses(misses, question_key(reader))
    if as_yaml:
        return candidates_yaml(groups, top)
    return "\n".join(
        filter(None, [summary_line(misses, groups, path, bad), render_report(groups, top)])
    )


def report_html(path: Path, reader: Reader, top: int = 10) -> str:
    """``/misses``: the top groups for a Telegram admin (a one-line reply when unreadable)."""
    try:
        misses, bad = load_misses(path)
    except DataError as exc:
        return html.escape(f"Cannot read the misses log: {exc.problem}")
    groups = group_misses(misses, question_key(reader))
    return render_report_html(groups, summary_line(misses, groups, Path(path.name), bad), top)
