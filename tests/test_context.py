"""The article context: officials the gazetteer lacks, read from their titles (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.context import titled_people
from bot.corpus import parse_article
from bot.extract import extract
from bot.gazetteer import load_gazetteer
from tests.support import ROOT

GAZ = load_gazetteer()
OFFICIALS = ROOT / "tests" / "data" / "officials" / "officials_2027.txt"


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("Chinese Foreign Minister Liu Haoran was present.",
         {"Liu Haoran": "Foreign Minister of China"}),
        ("He met State Councillor Wu Jianhua.", {"Wu Jianhua": "State Councillor"}),
        ("Taking part were Deputy Prime Ministers Pavel Sorokin, Irina Volkova and Oleg Zimin.",
         {"Pavel Sorokin": "Deputy Prime Minister", "Irina Volkova": "Deputy Prime Minister",
          "Oleg Zimin": "Deputy Prime Minister"}),
        ("He spoke with Chairman of the National Committee of the Chinese People's Political "
         "Consultative Conference Gao Mingyuan.",
         {"Gao Mingyuan": "Chairman of the National Committee of the Chinese People's Political "
                          "Consultative Conference"}),
        ("Minister of Natural Resources Kirill Bazhenov came too.",
         {"Kirill Bazhenov": "Minister of Natural Resources"}),
        ("First Deputy Prime Minister Oleg Zimin met him.",
         {"Oleg Zimin": "First Deputy Prime Minister"}),
        ("Foreign Ministry Spokesperson Tan Weiming's Regular Press Conference",
         {"Tan Weiming": "Foreign Ministry Spokesperson"}),
    ],
)  # fmt: skip
def test_an_official_never_seen_is_read_from_the_title(sentence: str,
                                                       people: dict[str, str]) -> None:  # fmt: skip
    found = {e.name: e.attr("role") for e in titled_people(GAZ.extracting(), [sentence])}
    assert found == people


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chairman of the Government of the Russian Federation paid a visit to China.",
        "Prime Minister Mikhail Mishustin met President Xi Jinping.",  # known people
        "Russian government of Prime Minister Mi Shusijing keeps in touch.",  # Mishustin garbled
        "President Putin met Premier Li on Monday.",
        "Mr Chairman, welcome to Moscow.",
        "Minister of Foreign Affairs of the People's Republic of China.",
    ],
)
def test_no_one_new_is_made_of_offices_places_or_known_names(sentence: str) -> None:
    assert titled_people(GAZ.extracting(), [sentence]) == ()


def test_an_articles_new_officials_are_its_people() -> None:
    """Who came along, who was present, whom the visitor also met and the commissions' co-chairs
    are found for names the gazetteer has never seen, with their roles."""
    article = parse_article(OFFICIALS, OFFICIALS.read_bytes())
    _, facts = extract(article, GAZ)
    present = {f.display for f in facts if f.kind == "person" and f.qualifier == "present"}
    assert {
        "Pavel Sorokin (Deputy Prime Minister)",
        "Irina Volkova (Deputy Prime Minister)",
        "Kirill Bazhenov (Minister of Natural Resources)",
        "Liu Haoran (Foreign Minister of China)",
        "Tang Weimin (Vice Premier)",
    } <= present
    others = [f.parts for f in facts if f.kind == "encounter"]
    assert any(set(p.who) == {"Mikhail Mishustin", "Gao Mingyuan"} for p in others)  # type: ignore[attr-defined]


def test_the_commissions_co_chairs_are_read_in_every_form() -> None:
    """ "BODY is co-chaired by A and B, Xi said" (not Xi), "A and B, who co-chair BODY", "A and B,
    co-chairs of BODY", several in one sentence, with officials never seen before."""
    article = parse_article(OFFICIALS, OFFICIALS.read_bytes())
    _, facts = extract(article, GAZ)
    got = {(p.chairs, p.body) for f in facts if f.kind == "cochair" and (p := f.parts)}  # type: ignore[attr-defined]
    assert got == {
        (("Irina Volkova", "Tang Weimin"), "intergovernmental commission on transport cooperation"),
        (("Pavel Sorokin", "Wu Jianhua"), "commission on investment cooperation"),
        (("Kirill Bazhenov", "Tang Weimin"), "commission on energy cooperation"),
    }


NO_CHAIRS = (
    " date 2027-04-14\nBEIJING, April 14 (Xinhua) -- Chinese President Xi Jinping met with "
    "Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.\n"
    "The heads of government heard the co-chairs of the five intergovernmental commissions.\n"
    "Five intergovernmental commissions co-chaired by deputy prime ministers work well, "
    "Mishustin said."
)


def test_no_co_chairs_for_commissions_named_without_people() -> None:
    _, facts = extract(parse_article(Path("x.txt"), NO_CHAIRS.encode("utf-8")), GAZ)
    assert not [f for f in facts if f.kind == "cochair"]


def test_a_body_named_after_when_and_where_it_met_is_the_body() -> None:
    """ "discussed in June at a meeting of the Russian-Chinese intergovernmental commission on
    investment cooperation, co-chaired by A and B": the commission, without the time, the
    meeting or the two countries' adjective."""
    text = (" date 2027-07-01\nMOSCOW, July 1 -- The visit was prepared in June at a meeting of "
            "the Russian-Chinese intergovernmental commission on investment cooperation, "
            "co-chaired by First Deputy Prime Minister Denis Manturov and Vice Premier Ding "
            "Xuexiang.")  # fmt: skip
    _, facts = extract(parse_article(Path("x.txt"), text.encode("utf-8")), GAZ)
    got = {(p.chairs, p.body) for f in facts if f.kind == "cochair" and (p := f.parts)}  # type: ignore[attr-defined]
    assert got == {(("Denis Manturov", "Ding Xuexiang"),
                    "intergovernmental commission on investment cooperation")}  # fmt: skip


def test_each_of_two_co_chairs_said_in_one_sentence_chairs_with_his_partner() -> None:
    """ "A co-chairs BODY with B, and C co-chairs BODY2 with D" (a transcript's first person):
    A with B, C with D, not B with C."""
    text = (
        " date 2027-09-14\nBEIJING, Sept. 14 -- Xi Jinping met Mikhail Mishustin.\n"
        "Alexander Novak co-chairs the Intergovernmental Commission on Energy Cooperation "
        "with Vice Premier Ding Xuexiang, and Dmitry Chernyshenko co-chairs the Commission on "
        "Humanitarian Cooperation with State Councillor Shen Yiqin."
    )
    article = parse_article(Path("005_two_chairs.txt"), text.encode())
    _, facts = extract(article, GAZ)
    got = {p.chairs for f in facts if f.kind == "cochair" and (p := f.parts)}  # type: ignore[attr-defined]
    assert got == {("Alexander Novak", "Ding Xuexiang"), ("Dmitry Chernyshenko", "Shen Yiqin")}
