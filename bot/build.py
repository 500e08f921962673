"""seeds -> fact table file: deterministic, atomic, and rebuilt when an input changed."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from . import __file__ as _package_file
from .config import Config
from .context import Context
from .corpus import article_paths, load_articles
from .coverage import Coverage
from .coverage import coverage as article_coverage
from .curated import load_curated
from .errors import DataError
from .extract import extract, outlet
from .facts import ArticleInfo, Fact, FactTable, dump_table, fact_order, load_table
from .gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from .gazetteer import Gazetteer, gazetteer_from_data
from .glossary import DEFAULT_PATH as GLOSSARY_PATH
from .glossary import Glossary, glossary_from_data
from .intents import Intent, Lexicon, intent_paths, load_intents, load_lexicon
from .kinds import NEEDS, READERS, check_facts
from .merge import merge
from .yamlio import load_yaml

log = logging.getLogger(__name__)
_PACKAGE = Path(_package_file).parent
# Code whose change changes the table: a stale table must not survive an upgrade.
_CODE = (
    "extract.py",
    "context.py",
    "encounters.py",
    "merge.py",
    "coverage.py",
    "speech.py",
    "text.py",
    "facts.py",
    "corpus.py",
    "intents.py",
    "curated.py",
    "build.py",
    "gazetteer.py",
    "glossary.py",
    "kinds/*.py",
)


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary line and for /reload."""

    articles: int = 0
    meetings: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)  # one line each: file and problem
    notes: list[str] = field(default_factory=list)
    table_path: Path | None = None  # where ``build`` wrote the table
    coverage: list[Coverage] = field(default_factory=list)  # per article, when asked for

    def summary(self) -> str:
        """A few lines for the operator."""
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        lines = [f"{self.articles} articles, {self.meetings} meetings, {sum(self.kinds.values())} "
                 f"facts ({kinds})"]  # fmt: skip
        lines += [f"skipped: {s}" for s in self.skipped] + self.notes
        return "\n".join(lines)

    def coverage_report(self) -> str:
        """Per article, the share of content sentences that gave a fact and those that gave
        none; then the sentences excluded as boilerplate, each with its rule."""
        lines = ["coverage (content sentences that give a fact):"]
        for c in self.coverage:
            lines += c.lines()
        content = sum(len(c.content) for c in self.coverage)
        covered = sum(c.covered for c in self.coverage)
        share = covered / content if content else 1.0
        lines.append(f"total: {covered}/{content} ({share:.1%})")
        lines.append("excluded as boilerplate (meant to give no fact):")
        for c in self.coverage:
            lines += [f"{c.stem}{line}" for line in c.excluded_lines()]
        return "\n".join(lines)


def input_hashes(config: Config) -> dict[str, str]:
    """sha256 of every input of the table as the files are now, keyed by a stable name."""
    files: list[Path] = []
    with suppress(DataError):  # no seeds: the build says so; the hashes just lack them
        files += article_paths(config.seeds_dir)
    with suppress(DataError):
        files += intent_paths(config.intents_dir)
    if config.curated_path.exists():
        files.append(config.curated_path)
    files += [GAZETTEER_PATH, GLOSSARY_PATH]
    out = code_hashes()
    for path in files:
        try:
            out[input_name(config, path)] = _sha256(path.read_bytes())
        except OSError:
            out[input_name(config, path)] = "unreadable"
    return out


def input_name(config: Config, path: Path) -> str:
    """The stable name of an input file in ``FactTable.inputs``."""
    named = {config.curated_path: "curated", GAZETTEER_PATH: "gazetteer", GLOSSARY_PATH: "glossary"}
    if path in named:
        return named[path]
    return f"{'seeds' if path.parent == config.seeds_dir else 'intents'}/{path.name}"


@cache
def _code_hashes() -> tuple[tuple[str, str], ...]:
    out = []
    for path in (p for name in _CODE for p in sorted(_PACKAGE.glob(name))):
        name = f"code/{path.relative_to(_PACKAGE).as_posix()}"
        try:
            out.append((name, _sha256(path.read_bytes())))
        except OSError:
            out.append((name, "unreadable"))
    return tuple(out)


def code_hashes() -> dict[str, str]:
    """sha256 of the code that builds tables, taken once per process: the code a process runs is
    the code it imported, even if the files are upgraded while it runs."""
    return dict(_code_hashes())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class InputReader:
    """Reads the input files of one build, each once, and keeps the sha256 of what it read.

    The table records these hashes, taken from the very bytes the build parsed: an article
    replaced during a build cannot leave facts of its old text under its new hash (issue 14),
    and the intents and the lexicon, which come from the same files, see the same text.
    """

    def __init__(self) -> None:
        self._read: dict[Path, bytes] = {}
        self.hashes: dict[Path, str] = {}

    def __call__(self, path: Path) -> bytes:
        """The bytes of ``path``, read once per build (several loaders read the intent files)."""
        data = self._read.get(path)
        if data is None:
            data = self._read[path] = self.once(path)
        return data

    def once(self, path: Path) -> bytes:
        """Read a file that only one loader reads (an article): hashed, not kept."""
        try:
            data = path.read_bytes()
        except OSError:
            self.hashes[path] = "unreadable"
            raise
        self.hashes[path] = _sha256(data)
        return data


def build_table(config: Config, coverage: bool = False) -> tuple[FactTable, BuildReport]:
    """Read every input and build the table in memory; raise DataError on unusable input.
    ``coverage``: also measure how much of each article its facts cover (``BuildReport``)."""
    code = code_hashes()  # after importing extract: the code this build runs
    report = BuildReport()
    read = InputReader()
    gaz_data = load_yaml(GAZETTEER_PATH, read=read)
    gaz = gazetteer_from_data(gaz_data, GAZETTEER_PATH)
    glossary_data = load_yaml(GLOSSARY_PATH, read=read)
    glossary = glossary_from_data(glossary_data, NEEDS, GLOSSARY_PATH)
    intents = load_intents(config.intents_dir, read)
    lexicon = load_lexicon(config.intents_dir, read)
    curated_list = load_curated(config.curated_path, read)
    curated = {c.article: c for c in curated_list}  # load_curated allows one per article
    reports: list[tuple[Context, list[Fact]]] = []
    infos: list[ArticleInfo] = []
    for item in load_articles(config.seeds_dir, read.once):
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
        reports.append((ctx, found))
        if coverage:
            report.coverage.append(article_coverage(ctx, found))
        infos.append(ArticleInfo(item.stem, item.title[:120], outlet(item, gaz),
                                 item.published.isoformat() if item.published else "",
                                 ctx.meeting_id))  # fmt: skip
    for stem in curated:
        where = f"facts[{[c.article for c in curated_list].index(stem)}]"
        raise DataError(config.curated_path, f"no article {stem!r} in {config.seeds_dir}", where)
    if not infos:
        raise DataError(config.seeds_dir, "no usable article")
    facts, ids = merge(reports)  # every report of a meeting belongs to it
    infos = [dataclasses.replace(i, meeting=ids.get(i.stem, i.meeting)) for i in infos]
    inputs = code | {input_name(config, path): h for path, h in read.hashes.items()}
    table = FactTable(tuple(sorted(facts, key=fact_order)), tuple(infos), inputs,
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


def build(config: Config, coverage: bool = False) -> tuple[FactTable, BuildReport]:
    """Build the table and write it atomically to ``table_location(config)``."""
    table, report = build_table(config, coverage)
    report.table_path = table_location(config)
    dump_table(table, report.table_path)
    return table, report


@dataclass(frozen=True, slots=True)
class CurrentTable:
    """A table that loads cleanly and is fresh, with its gazetteer and glossary parsed."""

    table: FactTable
    gazetteer: Gazetteer
    glossary: Glossary
    rebuilt: str = ""  # why it had to be rebuilt; "" when it was read back


def current_table(config: Config) -> CurrentTable:
    """The table when it loads cleanly and no input changed; otherwise rebuilt (logged once, with
    the reason). Raises DataError when it cannot be rebuilt."""
    # A fresh table at ``table_path`` is used even in a read-only folder (one built into a
    # container image); otherwise the one a build would write (see ``table_location``).
    reason, inputs = "", None
    for path in dict.fromkeys((config.table_path, table_location(config))):
        try:
            table = load_table(path, READERS)
            gazetteer, glossary = check_sections(table, path)
        except DataError as exc:
            reason = reason or (f"{path}: not found" if not path.exists() else str(exc))
            continue
        inputs = input_hashes(config) if inputs is None else inputs
        changes = changed_inputs(table.inputs, inputs)
        if not changes:
            return CurrentTable(table, gazetteer, glossary)
        reason = f"{path}: {changes}"
    table, report = build(config)
    log.info("rebuilt the fact table (%s)", reason)
    return CurrentTable(table, *check_sections(table, report.table_path or config.table_path),
                        rebuilt=reason)  # fmt: skip


def ensure_table(config: Config) -> FactTable:
    """``current_table(config).table``: loaded when it is fresh and sound, else rebuilt."""
    return current_table(config).table


def check_sections(table: FactTable, path: Path) -> tuple[Gazetteer, Glossary]:
    """Parse the table's own copies of the gazetteer, glossary, intents and lexicon.

    A DataError names the table, the section and the problem: a broken copy inside the table is
    the table's fault, not that of ``bot/data/glossary.yaml``, which the build checked.
    """
    section = "gazetteer"
    try:
        gazetteer = gazetteer_from_data(table.gazetteer)
        section = "glossary"
        glossary = glossary_from_data(table.glossary, NEEDS)
        section = "intents"
        for data in table.intents:
            Intent.from_json(data)
        section = "lexicon"
        Lexicon.from_json(table.lexicon)
    except DataError as exc:
        where = f"{section}: {exc.where}" if exc.where else section
        raise DataError(path, exc.problem, where) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(path, f"unreadable ({exc.__class__.__name__}: {exc})", section) from None
    return gazetteer, glossary


def changed_inputs(recorded: dict[str, str], now: dict[str, str]) -> str:
    """What differs between the inputs a table was built from and the files now, in words."""
    words = {**{n: "changed" for n in recorded.keys() & now.keys() if recorded[n] != now[n]},
             **{n: "added" for n in now.keys() - recorded.keys()},
             **{n: "removed" for n in recorded.keys() - now.keys()}}  # fmt: skip
    listed = [f"{name} {word}" for name, word in sorted(words.items())]
    more = f" and {len(listed) - 3} more" if len(listed) > 3 else ""
    return ", ".join(listed[:3]) + more
