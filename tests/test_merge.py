"""Reports of one meeting merge into it, whatever their datelines (bot/merge.py, issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.build import build_table
from bot.facts import FactKind, FactTable
from tests.support import Project

SECOND_REPORT = (
    " date 2023-12-21\nMOSCOW, Dec. 21 -- Russian Prime Minister Mikhail Mishustin wrapped up his "
    "visit to China on Wednesday with a meeting with President Xi Jinping. The conversation took "
    "place in the Fujian Hall of the Great Hall of the People and began shortly after 10 a.m. "
    "local time.\n"
)
UNDATED = (
    "Xi Jinping and Russian Prime Minister Mikhail Mishustin met in Moscow on Tuesday (March 21), "
    "during Xi's state visit.\n"
)
ANNOUNCEMENT = (
    " date 2023-12-19\nPrime Minister Mishustin arrived on a working visit to Beijing. He will "
    "meet with Chinese President Xi Jinping and also hold talks with Premier of the State "
    "Council Li Qiang.\n"
)
MAY_REPORT = (
    " date 2023-05-24\nChinese President Xi Jinping met with Prime Minister of the Russian "
    "Federation Mikhail Mishustin on Wednesday in Beijing.\n"
)


def _table(make_project: Callable[..., Project], tmp_path: Path, **texts: str) -> FactTable:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    project = make_project(tmp_path / "p", articles=sorted(tmp_path.glob("*.txt")))
    return build_table(project.config())[0]


def test_every_report_merges_and_gives_its_facts(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    table = _table(make_project, tmp_path, second=SECOND_REPORT, undated=UNDATED,
                   announce=ANNOUNCEMENT, may=MAY_REPORT)  # fmt: skip
    assert len(table.meetings) == 4  # the seeds' four: no new meeting
    by_date = {m.date: m for m in table.meetings}
    december = by_date[date(2023, 12, 20)]
    assert "005_second" in december.articles and december.place == "Beijing"  # not MOSCOW
    assert "Fujian Hall of the Great Hall of the People" in table.values(
        FactKind("venue"), december.id)  # fmt: skip
    assert table.values(FactKind("daytime"), december.id) == {"morning"}
    announced = {f.meeting for f in table.facts if f.article == "005_announce"}
    assert announced == {december.id}  # the meeting it announced
    assert "005_undated" in by_date[date(2023, 3, 21)].articles  # Moscow, March 21, a Tuesday
    may = by_date[date(2023, 5, 24)]
    assert "005_may" in may.articles and not any(f.curated for f in may.facts)


def test_without_a_known_meeting_on_its_day_an_undated_report_stays_undated(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    table = _table(make_project, tmp_path, undated=UNDATED.replace("March 21", "March 28"))
    (undated,) = [m for m in table.meetings if m.date is None]
    assert undated.place == "Moscow" and "no year" in undated.facts[0].display


def test_a_report_of_the_place_a_day_off_joins_the_meeting(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    first = (" date 2024-10-15\nChinese President Xi Jinping met Russian Prime Minister Mikhail "
             "Mishustin at the Government House in Moscow on October 15, 2024.\n")  # fmt: skip
    loose = (" date 2024-10-18\nMishustin thanks Xi for the visit\nYesterday Mikhail Mishustin "
             "met Xi Jinping at the Government House in Moscow.\n")  # fmt: skip
    table = _table(make_project, tmp_path, first=first, loose=loose)
    (october,) = [m for m in table.meetings if m.date and m.date.year == 2024]
    assert october.date == date(2024, 10, 15) and "005_loose" in october.articles
    assert {f.value for f in table.facts if f.kind == "meeting" and f.article == "005_loose"} == {
        "2024-10-15"
    }
    elsewhere = loose.replace("Moscow", "St Petersburg").replace("the Government House", "a hall")
    (tmp_path / "b").mkdir()
    table = _table(make_project, tmp_path / "b", first=first, loose=elsewhere)
    assert len([m for m in table.meetings if m.date and m.date.year == 2024]) == 2


def test_another_meeting_is_named_by_the_report_that_it_was_held(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    """An announcement of the premiers' meeting and the transcript of it held: one meeting of
    its own, labelled as held (not "planned, announced ...") in a reply."""
    announced = (
        " date 2024-08-19\nMOSCOW, August 19. Premier of the State Council Li Qiang will pay an "
        "official visit to Russia. On Wednesday, Li Qiang and Mikhail Mishustin will hold the 29th "
        "regular meeting of heads of government in Moscow.\n"
    )
    held = (
        " date 2024-08-21\nMikhail Mishustin meets with Premier of the State Council Li Qiang\n"
        "Mikhail Mishustin held talks with Li Qiang at the Government House in Moscow today.\n"
        "Mikhail Mishustin: Last year, our trade exceeded 20 trillion roubles.\n"
    )
    table = _table(make_project, tmp_path, announced=announced, held=held)
    (other,) = table.others
    assert set(other.articles) == {"005_announced", "005_held"}
    assert "planned" not in other.facts[0].display


def test_a_meeting_only_a_chronology_recalls_is_a_meeting_of_the_table(
    make_project: Callable[..., Project], tmp_path: Path
) -> None:
    """A chronology recalls the seeds' meetings (no new one) and one no article reports, to the
    day and place: that one is a meeting of its own, with what its line says of it."""
    chronology = (
        " date 2026-06-12\nChina-Russia: high-level contacts\n\n2023\n"
        "- May 24, 2023 - Beijing: Xi meets Mishustin, who is on an official visit to China.\n"
        "- December 20, 2023 - Beijing: Xi meets Mishustin at the Great Hall of the People.\n\n"
        "2026\n- April 9, 2026 - Beijing: Xi meets Mishustin, who is in China for the opening "
        "ceremony of the China-Russia Years of Education.\n"
    )
    table = _table(make_project, tmp_path, chronology=chronology)
    assert len(table.meetings) == 5
    (new,) = [m for m in table.meetings if m.date == date(2026, 4, 9)]
    assert new.place == "Beijing" and new.articles == ("005_chronology",)
    assert "China-Russia Years of Education" in table.values(FactKind("event"), new.id)
    may = next(m for m in table.meetings if m.date == date(2023, 5, 24))
    assert not any(f.curated for f in may.facts if f.kind == "meeting")  # recalled to the day
