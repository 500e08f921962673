"""The gazetteer's principals and the people found in garbled names (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.errors import DataError
from bot.gazetteer import DEFAULT_PATH, gazetteer_from_data, load_gazetteer
from bot.yamlio import load_yaml


def test_the_principals_are_data() -> None:
    assert load_gazetteer().principals == ("Xi Jinping", "Mikhail Mishustin")


@pytest.mark.parametrize(
    ("principals", "problem"),
    [
        (["Xi Jinping", "Joe Nobody"], "principals: not in people: Joe Nobody"),
        (["Xi Jinping"], "principals: needs two or more different people"),
        ("Xi Jinping", "principals: must be a list of names"),
    ],
)
def test_bad_principals_are_a_one_line_error(principals: Any, problem: str) -> None:
    data = load_yaml(DEFAULT_PATH)
    data["principals"] = principals
    with pytest.raises(DataError) as err:
        gazetteer_from_data(data, Path("gazetteer.yaml"))
    assert problem in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Mihail Mishustine had meeting with Si Tszinpin", ["Mikhail Mishustin", "Xi Jinping"]),
        ("Xi Jin Ping congratulated guests", ["Xi Jinping"]),
        ("negotiations with Premier of State Council Li Tsyan", ["Li Qiang"]),
        ("First Vice-premier Denis Manturof and vice-premier Tatyana Golikova",
         ["Denis Manturov", "Tatyana Golikova"]),
        ("Chinese President Xi Jinping met Mikhail Mishustin", ["Xi Jinping", "Mikhail Mishustin"]),
        ("Russian Federation Chairman of People's Republic China", []),
    ],
)  # fmt: skip
def test_articles_find_people_whose_names_are_garbled(text: str, names: list[str]) -> None:
    gaz = load_gazetteer().extracting()
    assert [e.name for _, _, e in gaz.spans("people", text)] == names


def test_questions_keep_exact_names() -> None:
    gaz = load_gazetteer()
    assert gaz.find("people", "what did Mishustine say") == []
    assert gaz.extracting().find("people", "what did Mishustine say")


@pytest.mark.parametrize(
    ("section", "text", "names"),
    [
        ("venues", "когда была встреча в доме народных собраний", ["Great Hall of the People"]),
        ("venues", "в Доме правительства", ["Government House"]),
        ("places", "в Нижнем Новгороде или в Санкт-Петербурге", ["Nizhny Novgorod",
                                                                   "St. Petersburg"]),
        ("people", "встреча с Ли Цяном", ["Li Qiang"]),
        ("organisations", "в Евразийском экономическом союзе и в БРИКСе",
         ["Eurasian Economic Union", "BRICS"]),
        ("initiatives", "о Большом Евразийском партнёрстве", ["Greater Eurasian Partnership"]),
    ],
)  # fmt: skip
def test_every_word_of_a_russian_name_declines(section: str, text: str, names: list[str]) -> None:
    assert [e.name for _, e in load_gazetteer().find(section, text)] == names


@pytest.mark.parametrize(
    ("text", "people", "places"),
    [
        ("the regular meeting in Xi'an", [], ["Xi'an"]),
        ("the regular meeting in Xi’an", [], ["Xi'an"]),
        ("Xi's visit to Moscow", ["Xi Jinping"], ["Moscow"]),
    ],
)
def test_a_name_inside_a_longer_word_is_not_found(
    text: str, people: list[str], places: list[str]
) -> None:
    """ "Xi" in "Xi'an" is the city's, not Xi; "Xi's" is his."""
    gaz = load_gazetteer()
    assert [e.name for _, e in gaz.find("people", text)] == people
    assert [e.name for _, e in gaz.find("places", text)] == places


def test_a_venue_placed_in_another_city_is_named_in_russian() -> None:
    """ "Kazan Kremlin" (``bot.encounters``): the venue's Russian name; the city is said beside."""
    assert load_gazetteer().ru("Kazan Kremlin") == "Кремль"
