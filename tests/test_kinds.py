"""The fact kinds' registry: every kind has its module, an intent that answers it and a Russian
rendering; a module that lacks a piece is an error; a table's parts are checked when it loads."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from bot.config import Config
from bot.corpus import load_articles
from bot.errors import DataError
from bot.extract import extract
from bot.facts import TABLE_VERSION, Fact, dump_table, load_table
from bot.gazetteer import load_gazetteer
from bot.glossary import load_glossary
from bot.intents import load_intents
from bot.kinds import KINDS, NEEDS, READERS, check_facts, discover
from bot.tablefile import seal
from tests.support import ARTICLES, DEV_ARTICLES, GENRE_ARTICLES, ROOT

KIND_MODULE = """
from dataclasses import dataclass
from bot import facts
from bot.glossary import needs

KIND = facts.FactKind("{name}")
NEEDS = needs()

@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    pass

def extract(ctx):
    return iter(())
"""


@pytest.fixture(scope="module")
def corpus_facts() -> list[Fact]:
    gaz = load_gazetteer()
    folders = (ROOT / "seeds", ARTICLES, DEV_ARTICLES, GENRE_ARTICLES)
    return [f for folder in folders for a in load_articles(folder)
            if not isinstance(a, DataError) for f in extract(a, gaz)[1]]  # fmt: skip


def test_every_kind_is_answered_by_an_intent() -> None:
    """(A kind that quotes its sentences whole, an article's passages, answers only questions
    no intent answers: ``Picker._fallback``.)"""
    answered = {k for i in load_intents(ROOT / "intents") for k in i.answers}
    read = {name for name, kind in KINDS.items() if not kind.quotes}
    assert read - answered == set(), "a fact kind no intent answers"
    assert {name for name, kind in KINDS.items() if kind.quotes} & answered == set()


def test_every_kind_renders_in_russian(corpus_facts: list[Fact]) -> None:
    glossary = load_glossary(NEEDS)
    assert check_facts(glossary, load_gazetteer(), corpus_facts) == []
    # the corpus exercises every kind; who a person an article introduces is (``role``) only
    # the articles in other styles (whose invented speakers no glossary can name) give
    known = {f.kind for f in corpus_facts}
    styles = [f for a in load_articles(ARTICLES / "styles") if not isinstance(a, DataError)
              for f in extract(a, load_gazetteer())[1] if f.kind not in known]  # fmt: skip
    assert known | {f.kind for f in styles} == set(KINDS)
    assert check_facts(glossary, load_gazetteer(), styles) == []


def test_every_kind_module_is_complete() -> None:
    for name, kind in KINDS.items():
        assert kind.module == f"bot.kinds.{name}"
        params = dataclasses.fields(kind.parts)
        assert all(p.type for p in params)
        assert kind.parts.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_a_module_without_russian_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "morekinds"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "petition.py").write_text(KIND_MODULE.format(name="petition"))
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(TypeError, match=r"morekinds.petition: russian missing"):
        discover("morekinds")
    for name in [m for m in sys.modules if m.startswith("morekinds")]:
        monkeypatch.delitem(sys.modules, name)


def test_a_module_named_otherwise_than_its_kind_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "otherkinds"
    package.mkdir()
    (package / "__init__.py").write_text("")
    text = KIND_MODULE.format(name="petitions") + "\ndef russian(f, p, r):\n    return ''\n"
    (package / "petition.py").write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(TypeError, match=r"otherkinds.petition: KIND missing or wrong"):
        discover("otherkinds")
    for name in [m for m in sys.modules if m.startswith("otherkinds")]:
        monkeypatch.delitem(sys.modules, name)


def test_every_extracted_fact_has_its_kinds_parts(corpus_facts: list[Fact]) -> None:
    for fact in corpus_facts:
        assert type(fact.parts) is KINDS[fact.kind].parts


# --- parts in the table file -----------------------------------------------------------------


@pytest.fixture(scope="module")
def table_file(config: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bot.build import build_table

    path = tmp_path_factory.mktemp("kinds") / "facts.json"
    dump_table(build_table(config)[0], path)
    return path


def _corrupt(path: Path, tmp_path: Path, kind: str, change: object) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    for fact in (f for f in data["facts"] if f["kind"] == kind):
        try:
            change(fact)  # type: ignore[operator]
            break
        except KeyError:  # not this one (an invitation without an event)
            continue
    out = tmp_path / "facts.json"
    out.write_bytes(_sealed(data))
    return out


def _sealed(data: dict[str, object]) -> bytes:
    """``data`` as a table file with a valid checksum (bad parts, not a damaged file)."""
    data.pop("checksum", None)
    return bytes(seal(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"))


def test_a_dumped_table_loads_with_the_same_parts(table_file: Path, config: Config) -> None:
    from bot.build import build_table

    loaded = load_table(table_file, READERS)
    assert sorted(loaded.facts, key=repr) == sorted(build_table(config)[0].facts, key=repr)
    assert any(
        type(f.parts).__name__ == "Parts" and dataclasses.fields(f.parts) for f in loaded.facts
    )


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        (
            "trade",
            lambda f: f["parts"].update(n=146.9),
            r"facts\[\d+\] \(trade\): parts: n: 146.9 is not str",
        ),
        ("trade", lambda f: f["parts"].update(nn="1"), r"parts: unknown field\(s\) nn"),
        ("trade", lambda f: f["parts"].pop("unit"), r"parts: missing unit"),
        ("trade", lambda f: f["parts"].update(approx="much"), r"approx: 'much' is not one of"),
        ("greeting", lambda f: f.pop("parts"), r"parts: missing form"),
        ("invitation", lambda f: f["parts"]["event"].update(ord="3"), r"parts: event"),
        ("area", lambda f: f.update(kind="areal"), r"facts\[\d+\]: unknown kind 'areal'"),
    ],
)
def test_bad_parts_make_the_table_unreadable(
    table_file: Path, tmp_path: Path, kind: str, change: object, message: str
) -> None:
    bad = _corrupt(table_file, tmp_path, kind, change)
    with pytest.raises(DataError, match=message):
        load_table(bad, READERS)


def test_a_table_of_the_old_version_is_rebuilt(config: Config, tmp_path: Path) -> None:
    from bot.build import ensure_table

    cfg = dataclasses.replace(config, table_path=tmp_path / "facts.json",
                              build=dataclasses.replace(config.build, json=True))  # fmt: skip
    data = json.loads(ensure_table(cfg).to_json())
    data["version"] = TABLE_VERSION - 1
    cfg.table_path.write_bytes(_sealed(data))
    with pytest.raises(
        DataError, match=f"table version {TABLE_VERSION - 1}, expected {TABLE_VERSION}"
    ):
        load_table(cfg.table_path, READERS)
    assert ensure_table(cfg).facts
    assert json.loads(cfg.table_path.read_text(encoding="utf-8"))["version"] == TABLE_VERSION
