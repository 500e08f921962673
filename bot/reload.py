"""Rebuilding the fact table in a running bot, and saying what changed.

No telegram import: the Telegram shell calls ``reload_answerer`` in a thread and swaps the
``Answerer`` it returns in one assignment; on ``FactbotError`` it keeps the old one.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from .answer import Answerer
from .build import BuildReport, build, open_index
from .config import Config
from .facts import FactTable
from .factstore import StoredTable, fact_text


@dataclass(frozen=True, slots=True)
class TableChanges:
    """The difference between two fact tables, by article stem and in counts."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]  # the file or the facts taken from it differ
    facts: tuple[int, int]  # before, after
    intents: tuple[int, int]
    intents_changed: bool = False  # the intent definitions or the lexicon differ

    @property
    def unchanged(self) -> bool:
        """True when nothing a user could notice changed."""
        return not (self.added or self.removed or self.changed or self.intents_changed
                    or self.facts[0] != self.facts[1])  # fmt: skip

    def summary(self) -> str:
        """A few plain-text lines for the admin who asked for the reload."""
        lines = ["Reloaded: no changes." if self.unchanged else "Reloaded."]
        for label, stems in (("added", self.added), ("removed", self.removed),
                             ("changed", self.changed)):  # fmt: skip
            if stems:
                lines.append(f"Articles {label} ({len(stems)}): {', '.join(stems)}")
        lines.append(f"Facts: {self.facts[0]} -> {self.facts[1]}")
        note = " (definitions changed)" if self.intents_changed else ""
        lines.append(f"Intents: {self.intents[0]} -> {self.intents[1]}{note}")
        return "\n".join(lines)


def _facts_by_article(table: FactTable) -> tuple[dict[str, str], int]:
    """A digest of each article's facts (whatever their order) and how many facts there are:
    a store's from its rows, none decoded (10,000 articles have 316,000 facts)."""
    rows: Iterable[tuple[str, str]]
    if isinstance(table, StoredTable):
        rows = table.fact_texts()
    else:
        rows = sorted(((f.article, fact_text(f)) for f in table.facts), key=lambda r: r[0])
    out: dict[str, str] = {}
    count = 0
    for stem, group in itertools.groupby(rows, key=lambda r: r[0]):
        texts = sorted(text for _, text in group)
        count += len(texts)
        out[stem.removesuffix(".txt")] = hashlib.sha256("\n".join(texts).encode()).hexdigest()
    return out, count


def _file_hash(table: FactTable, stem: str) -> str | None:
    return table.inputs.get(f"seeds/{stem}.txt")


def compare_tables(old: FactTable, new: FactTable) -> TableChanges:
    """What changed from ``old`` to ``new``: articles added, removed, changed; counts."""
    before = {a.stem for a in old.articles}
    after = {a.stem for a in new.articles}
    (old_facts, old_count), (new_facts, new_count) = _facts_by_article(old), _facts_by_article(new)
    changed = sorted(
        stem for stem in before & after
        if _file_hash(old, stem) != _file_hash(new, stem)
        or old_facts.get(stem) != new_facts.get(stem)
    )  # fmt: skip
    return TableChanges(
        added=tuple(sorted(after - before)),
        removed=tuple(sorted(before - after)),
        changed=tuple(changed),
        facts=(old_count, new_count),
        intents=(len(old.intents), len(new.intents)),
        intents_changed=old.intents != new.intents or old.lexicon != new.lexicon,
    )


@dataclass(frozen=True, slots=True)
class Reloaded:
    """A successful reload: the new answerer, what changed and the build report."""

    answerer: Answerer
    changes: TableChanges
    report: BuildReport

    def summary(self) -> str:
        """The changes, plus any article the build skipped."""
        skipped = [f"Skipped: {s}" for s in self.report.skipped]
        return "\n".join([self.changes.summary(), *skipped])


def reload_answerer(config: Config, old: FactTable) -> Reloaded:
    """Rebuild the table from the inputs (always) and make a new Answerer.

    Blocking (reads files, writes the table atomically): run it in a thread. Raises
    ``FactbotError`` when an input is unusable; the table file is then left as it was.
    """
    table, report = build(config)
    # answered from its store, as after a restart (the table built in memory is let go)
    served = open_index(report.table_path or config.table_path, config) or table
    changes = compare_tables(old, table)
    if isinstance(table, StoredTable) and table is not served:
        table.close()  # (its lock would keep the next build from updating the store in place)
    return Reloaded(Answerer.from_table(served, config), changes, report)
