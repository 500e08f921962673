"""Extraction on every seed article, merging, and held-out articles of the genre."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.build import build_table
from bot.config import Config
from bot.corpus import load_articles
from bot.extract import extract
from bot.facts import FactKind, FactTable
from bot.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent / "data" / "articles"
GAZ = load_gazetteer()


@pytest.fixture(scope="module")
def table(config: Config) -> FactTable:
    return build_table(config)[0]


def facts_of(table: FactTable, kind: FactKind, stem: str) -> list[str]:
    return [f.display for f in table.find(kind) if f.article.startswith(stem)]


def test_meetings_dates_places_and_merge(table: FactTable) -> None:
    got = {(m.date, m.place, m.articles) for m in table.meetings}
    assert got == {
        (date(2023, 3, 21), "Moscow", ("002_d42b50eb057f7900",)),
        (date(2023, 5, 24), "Beijing", ("000_8b0d3a19ac3361c9",)),  # curated date
        (date(2023, 12, 20), "Beijing", ("003_4a3b4d97d80af711", "004_505f30e160bf41c1")),
        (date(2025, 11, 4), "Beijing", ("001_33faab09024306e9",)),
    }


def test_curated_date_says_where_it_came_from(table: FactTable) -> None:
    (fact,) = [f for f in table.find(FactKind("meeting")) if f.article.startswith("000")]
    assert fact.curated and "Xinhua" in fact.curated
    assert fact.qualifier == "Wednesday"


def test_without_curated_file_the_date_is_unknown_not_invented(
    config: Config, tmp_path: Path
) -> None:
    import dataclasses

    bare = dataclasses.replace(
        config, curated_path=tmp_path / "none.yaml", table_path=tmp_path / "t.json"
    )
    (fact,) = [
        f for f in build_table(bare)[0].find(FactKind("meeting")) if f.article.startswith("000")
    ]
    assert fact.value == "" and "no date" in fact.display


def test_header_date_is_publication_not_meeting(table: FactTable) -> None:
    (fact,) = [f for f in table.find(FactKind("meeting")) if f.article.startswith("003")]
    assert fact.value == "2023-12-20"  # header says 2024-03-19


def test_trade_target_reached(table: FactTable) -> None:
    trade = [f for f in table.find(FactKind("trade"))]
    assert trade and all(f.qualifier == "target reached" and f.year == 2023 for f in trade)
    assert all("$200 billion" in f.display and "first 11 months" in f.display for f in trade)


def test_anniversary_resolves_next_year(table: FactTable) -> None:
    years = {(f.number, f.year) for f in table.find(FactKind("anniversary"))}
    assert years == {(75.0, 2024)}


def test_areas_per_meeting(table: FactTable) -> None:
    assert {
        "artificial intelligence",
        "digital economy",
        "green development",
        "agriculture",
    } <= set(facts_of(table, FactKind("area"), "001"))
    assert {"aerospace", "peaceful use of nuclear energy"} <= set(
        facts_of(table, FactKind("area"), "002")
    )


def test_occasions(table: FactTable) -> None:
    assert facts_of(table, FactKind("occasion"), "002") == ["three-day state visit to Russia by Xi"]
    assert facts_of(table, FactKind("occasion"), "000") == ["official visit to China by Mishustin"]
    (regular,) = facts_of(table, FactKind("occasion"), "003")
    assert "28th regular meeting" in regular and "December 19, 2023" in regular


def test_events_and_organisations(table: FactTable) -> None:
    events = " ".join(f.display for f in table.find(FactKind("event")))
    for name in (
        "third Belt and Road Forum",
        "Years of Sports Exchange",
        "Years of Culture 2024-2025",
        "20th National Congress",
        "Fourth Plenary Session of the 20th CPC",
        "15th Five-Year Plan",
    ):
        assert name in events
    assert {"United Nations", "Shanghai Cooperation Organization", "BRICS", "G20"} <= set(
        facts_of(table, FactKind("organisation"), "000")
    )


def test_condolences_magnitude_and_aid(table: FactTable) -> None:
    cond = [f for f in table.find(FactKind("condolence")) if f.number]
    assert cond and cond[0].number == 6.2 and "Gansu" in cond[0].display
    assert table.find(FactKind("aid"))


def test_greetings_and_invitations(table: FactTable) -> None:
    assert "Mishustin conveyed Putin's greetings to Xi" in facts_of(
        table, FactKind("greeting"), "001"
    )
    assert "Xi invited Mishustin to visit China" in facts_of(table, FactKind("invitation"), "002")
    # "... and said he has invited Putin to ...": the second invitee is a fact too, and "he" is Xi.
    assert any(
        f.startswith("Xi invited Putin to visit China for the third Belt and Road Forum")
        for f in facts_of(table, FactKind("invitation"), "002")
    )


def test_every_fact_keeps_its_sentence(table: FactTable) -> None:
    for fact in table.facts:
        assert fact.source and fact.article and fact.sentence >= 0


@pytest.mark.parametrize("name", sorted(p.stem for p in ARTICLES.glob("*.txt")))
def test_held_out_articles_meeting(name: str) -> None:
    """Articles written apart from the extractor, with their expected facts."""
    expected = yaml.safe_load((ARTICLES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    (article,) = [
        a for a in load_articles(ARTICLES) if not isinstance(a, Exception) and a.stem == name
    ]
    ctx, facts = extract(article, GAZ)
    want = expected["meeting"]
    assert ctx.meeting_date == want["date"]
    assert ctx.place == want["place"] or (ctx.place == "video link" and "video" in want["place"])
