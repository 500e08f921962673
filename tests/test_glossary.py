"""The glossary: every fact from the seeds and the held-out articles renders fully in Russian,
a missing entry is caught, and a broken glossary file is an error naming file and entry."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.corpus import load_articles
from bot.errors import DataError
from bot.extract import extract
from bot.facts import Fact, FactKind
from bot.gazetteer import Gazetteer, load_gazetteer
from bot.glossary import DEFAULT_PATH, Glossary, glossary_from_data, load_glossary, untranslated
from bot.intents import load_intents
from bot.kinds import KINDS, NEEDS, READERS, check_facts, event, render, trade
from bot.yamlio import load_yaml
from tests.support import ARTICLES, DEV_ARTICLES, GENRE_ARTICLES, ROOT, Project


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def facts(gaz: Gazetteer) -> list[Fact]:
    """Every fact of the seeds and of the held-out articles (the build's extraction)."""
    out: list[Fact] = []
    for folder in (ROOT / "seeds", ARTICLES, DEV_ARTICLES, GENRE_ARTICLES):
        for article in load_articles(folder):
            assert not isinstance(article, DataError), article
            out += extract(article, gaz)[1]
    return out


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return load_yaml(DEFAULT_PATH)  # type: ignore[no-any-return]


def test_every_fact_kind_with_a_reply_has_a_russian_rendering(facts: list[Fact]) -> None:
    answered = {k for i in load_intents(ROOT / "intents") for k in i.answers}
    assert answered <= set(KINDS)
    # the corpus exercises them (who a person an article introduces is: the articles in other
    # styles, tests/test_kinds.py)
    assert answered - {f.kind for f in facts} <= {FactKind("venue"), FactKind("role")}


def test_all_facts_render_fully_in_russian(facts: list[Fact], gaz: Gazetteer) -> None:
    assert len(facts) > 150
    assert check_facts(load_glossary(NEEDS), gaz, facts) == []


@pytest.mark.parametrize(
    ("section", "entry", "reported"),
    [
        ("anniversary_of", "diplomatic relations", "anniversary_of"),
        ("names", "Vladimir Putin", "names: Vladimir Putin"),
        ("years_of", "culture", "years_of"),
        ("aid_conditions", "if needed", "aid_conditions"),
        ("weekdays", "Wednesday", "weekdays"),
        ("event_names", "Petersburg International Economic Forum", "event_names"),
        ("units", "billion", "units"),
        ("visit_lengths", "three-day", "visit_lengths"),
        ("groups", "Cabinet members of the Russian government", "groups"),
        ("titles", "Minister of Economic Development", "titles"),
    ],
)
def test_removing_an_entry_is_reported(
    data: dict[str, Any], gaz: Gazetteer, facts: list[Fact], section: str, entry: str, reported: str
) -> None:
    broken = copy.deepcopy(data)
    del broken[section][entry]
    problems = check_facts(glossary_from_data(broken, NEEDS), gaz, facts)
    assert problems, f"deleting {section}: {entry} went unnoticed"
    assert any(reported in p for p in problems), problems


def test_removing_a_template_is_a_load_error(data: dict[str, Any]) -> None:
    broken = copy.deepcopy(data)
    del broken["templates"]["anniversary"]
    with pytest.raises(DataError, match="templates: anniversary: required template missing"):
        glossary_from_data(broken, NEEDS, "glossary.yaml")


def test_a_term_the_glossary_lacks_is_reported_and_kept_quoted(gaz: Gazetteer) -> None:
    """Issue 13: a Russian reply never mixes languages in a sentence; a name the glossary lacks
    is kept as a quoted name, and the build still lists it."""
    glossary = load_glossary(NEEDS)
    fair = Fact(event.KIND, "Harbin Trade Fair", "Harbin Trade Fair", "x", 0, "s",
                parts=event.Parts("named", name="Harbin Trade Fair"))  # fmt: skip
    (lacks,) = check_facts(glossary, gaz, [fair])
    assert "glossary lacks event_names: 'Harbin Trade Fair'" in lacks
    assert render(glossary, fair, gaz).text == "«Harbin Trade Fair»"
    assert untranslated("саммит G20 и Years of Culture", glossary.allowed_latin(gaz)) == [
        "Years", "Culture"]  # fmt: skip
    assert untranslated("CGTN и G20", glossary.allowed_latin(gaz)) == []


def test_renderings_read_as_russian(facts: list[Fact], gaz: Gazetteer) -> None:
    glossary = load_glossary(NEEDS)
    texts = {render(glossary, f, gaz).text for f in facts}
    for expected in (
        "75-летие установления дипломатических отношений между Китаем и Россией (2024 г.)",
        "годовая цель по товарообороту в 200 млрд долларов США достигнута за первые 11 месяцев "
        "2023 г. (цель поставили Си Цзиньпин и Путин)",
        "товарооборот в 2021 г. — 146,9 млрд долларов США",  # "last year", not the 7 months
        "Мишустин передал Си Цзиньпину тёплое приветствие и наилучшие пожелания от Путина",
        "Мишустин выразил соболезнования в связи с землетрясением магнитудой 6,2 в провинции "
        "Ганьсу",
        "трёхдневный государственный визит Си Цзиньпина в Россию",
        "4-й пленум ЦК КПК 20-го созыва (октябрь 2025 г.)",
        "Максим Решетников (министр экономического развития России)",
    ):
        assert expected in texts


def _load(tmp_path: Path, text: str) -> Glossary:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(NEEDS, path)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["templates"].update(visit="{x}"), "templates: visit: unknown placeholder"),
        (lambda d: d["templates"].update(visit="[{kind} визит"), "templates: visit: unbalanced"),
        (lambda d: d["names"].update({"China": {"abl": "x"}}), "names: 'China': unknown case"),
        (lambda d: d["units"].update(billion=["млрд"]), "units: 'billion': must be"),
        (lambda d: d["words"].pop("ready_f"), "words: ready_f: required word missing"),
        (lambda d: d.update(extra={"a": "b"}), "unknown section"),
        (lambda d: d["plurals"].update(month=["месяц"]), "plurals: month"),
    ],
)
def test_bad_glossary_names_file_entry_and_problem(
    data: dict[str, Any], edit: Any, message: str
) -> None:
    broken = copy.deepcopy(data)
    edit(broken)
    with pytest.raises(DataError, match=message) as err:
        glossary_from_data(broken, NEEDS, "glossary.yaml")
    assert str(err.value).startswith("glossary.yaml: ")


def test_duplicate_keys_and_terms_are_errors(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    with pytest.raises(DataError, match="duplicate key 'billion'"):
        _load(tmp_path, text.replace("  billion: млрд\n", "  billion: млрд\n" * 2))
    with pytest.raises(DataError, match="units: 'Billion': term 'Billion' defined twice"):
        _load(tmp_path, text.replace("  billion: млрд\n", "  billion: млрд\n  Billion: x\n"))


def test_fact_parts_round_trip_through_json() -> None:
    parts = trade.Parts("200", "billion", "USD", "months", 11, 2023, annual=True,
                        set_by=("Xi Jinping", "Vladimir Putin"))  # fmt: skip
    fact = Fact(trade.KIND, "v", "d", "a", 1, "s", parts=parts)
    assert Fact.from_json(fact.to_json(), READERS[trade.KIND]) == fact
    assert fact.to_json()["parts"]["set_by"] == ["Xi Jinping", "Vladimir Putin"]
    area = Fact(
        FactKind("area"), "energy", "energy", "a", 1, "s", parts=KINDS[FactKind("area")].parts()
    )
    assert "parts" not in area.to_json()


def test_cli_build_exits_2_on_a_broken_glossary(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_project: Callable[..., Project],
) -> None:
    from bot import build
    from bot.cli import main

    bad = tmp_path / "glossary.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    bad.write_text(text.replace('anniversary: "{n}-летие', 'anniversary: "{n}-летие {x}'), "utf-8")
    monkeypatch.setattr(build, "GLOSSARY_PATH", bad)
    assert main(["--config", str(make_project(tmp_path, copy=False).path), "build"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: templates: anniversary: unknown placeholder" in err
