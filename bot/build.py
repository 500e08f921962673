"""seeds -> fact table file: deterministic, atomic, and rebuilt when an input changed."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __file__ as _package_file
from .config import Config
from .corpus import article_paths, load_articles
from .curated import load_curated
from .errors import DataError
from .facts import ArticleInfo, Fact, FactTable, dump_table, fact_order, load_table
from .gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from .gazetteer import gazetteer_from_data
from .glossary import DEFAULT_PATH as GLOSSARY_PATH
from .glossary import glossary_from_data
from .intents import intent_paths, load_intents, load_lexicon
from .russian import check_facts
from .yamlio import load_yaml

log = logging.getLogger(__name__)
_PACKAGE = Path(_package_file).parent
# Code whose change changes the table: a stale table must not survive an upgrade.
_CODE = ("extract.py", "text.py", "facts.py", "corpus.py", "intents.py", "curated.py", "build.py",
         "gazetteer.py", "glossary.py")  # fmt: skip


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary line and for /reload."""

    articles: int = 0
    meetings: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)  # one line each: file and problem
    notes: list[str] = field(default_factory=list)
    table_path: Path | None = None  # where ``build`` wrote the table

    def summary(self) -> str:
        """A few lines for the operator."""
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        lines = [f"{self.articles} articles, {self.meetings} meetings, {sum(self.kinds.values())} "
                 f"facts ({kinds})"]  # fmt: skip
        lines += [f"skipped: {s}" for s in self.skipped] + self.notes
        return "\n".join(lines)


def input_hashes(config: Config) -> dict[str, str]:
    """sha256 of every input of the table, keyed by a stable name."""
    files: list[tuple[str, Path]] = []
    with contextlib.suppress(DataError):  # a missing folder: the build names it
        files += [(f"seeds/{p.name}", p) for p in article_paths(config.seeds_dir)]
    with contextlib.suppress(DataError):
        files += [(f"intents/{p.name}", p) for p in intent_paths(config.intents_dir)]
    if config.curated_path.exists():
        files.append(("curated", config.curated_path))
    files.append(("gazetteer", GAZETTEER_PATH))
    files.append(("glossary", GLOSSARY_PATH))
    files += [(f"code/{name}", _PACKAGE / name) for name in _CODE]
    out = {}
    for name, path in files:
        try:
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            out[name] = "unreadable"
    return out


def build_table(config: Config) -> tuple[FactTable, BuildReport]:
    """Read every input and build the table in memory; raise DataError on unusable input."""
    # Here, not at the top: `ask` with a fresh table never extracts, and importing extract.py
    # (compiling its patterns) was ~15% of a cold `python -m bot ask`.
    from .extract import extract, outlet

    report = BuildReport()
    gaz_data = load_yaml(GAZETTEER_PATH)
    gaz = gazetteer_from_data(gaz_data, GAZETTEER_PATH)
    glossary_data = load_yaml(GLOSSARY_PATH)
    glossary = glossary_from_data(glossary_data, GLOSSARY_PATH)
    intents = load_intents(config.intents_dir)
    lexicon = load_lexicon(config.intents_dir)
    curated_list = load_curated(config.curated_path)
    curated = {c.article: c for c in curated_list}  # load_curated allows one per article
    facts: list[Fact] = []
    infos: list[ArticleInfo] = []
    for item in load_articles(config.seeds_dir):
        if isinstance(item, DataError):
            if config.build.on_bad_article == "reject":
                raise item
            report.skipped.append(str(item))
            log.warning("skipped article %s", item)
            if curated.pop(Path(item.path).stem, None):
                report.notes.append(f"curated fact for {Path(item.path).stem} unused: "
                                    "the article was skipped")  # fmt: skip
            continue
        cur = curated.pop(item.stem, None)
        note = f"curated: {cur.reason} Source: {cur.source}" if cur else ""
        ctx, found = extract(item, gaz, (date.fromisoformat(cur.value), note) if cur else None)
        if cur and not any(f.curated for f in found):
            report.notes.append(f"curated fact for {item.stem} unused: the text gives the date")
        facts += found
        infos.append(ArticleInfo(item.stem, item.title[:120], outlet(item, gaz),
                                 item.published.isoformat() if item.published else "",
                                 ctx.meeting_id))  # fmt: skip
    for stem in curated:
        where = f"facts[{[c.article for c in curated_list].index(stem)}]"
        raise DataError(config.curated_path, f"no article {stem!r} in {config.seeds_dir}", where)
    if not infos:
        raise DataError(config.seeds_dir, "no usable article")
    table = FactTable(tuple(sorted(facts, key=fact_order)), tuple(infos), input_hashes(config),
                      [i.to_json() for i in intents], lexicon.to_json(), gaz_data,
                      glossary_data)  # fmt: skip
    # A term the glossary lacks is not fatal (the reply falls back to English), but say so.
    report.notes += [f"no Russian: {p}" for p in check_facts(glossary, gaz, facts)]
    report.articles = len(infos)
    report.meetings = len(table.meetings)
    report.kinds = Counter(str(f.kind) for f in facts)
    return table, report


def table_location(config: Config) -> Path:
    """Where a build writes the table: ``table_path``, or the user's cache when its folder is
    read-only (a container, a system install) rather than failing there."""
    if config.table_cache is None or _writable(config.table_path.parent):
        return config.table_path
    return config.table_cache


def _writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (or in the nearest folder above that exists).

    access(2), not the permission bits: it also says no on a read-only file system, even to root.
    """
    for existing in (folder, *folder.parents):
        if existing.exists():
            return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)
    return False


def build(config: Config) -> tuple[FactTable, BuildReport]:
    """Build the table and write it atomically to ``table_location(config)``."""
    table, report = build_table(config)
    report.table_path = table_location(config)
    dump_table(table, report.table_path)
    return table, report


def ensure_table(config: Config) -> FactTable:
    """The current table: loaded when it is fresh, rebuilt when any input changed.

    A fresh table at ``table_path`` is used even in a read-only folder (one built into a
    container image); otherwise the one a build would write (see ``table_location``).
    """
    inputs: dict[str, str] | None = None
    for path in dict.fromkeys((config.table_path, table_location(config))):
        try:
            table = load_table(path)
        except DataError:
            continue
        inputs = input_hashes(config) if inputs is None else inputs
        if table.inputs == inputs:
            return table
    return build(config)[0]
