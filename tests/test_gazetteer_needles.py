"""The gazetteer's needle prefilter finds exactly what running every alias regex finds."""

from __future__ import annotations

import random
import re
import sys

import yaml

from bot.corpus import load_articles
from bot.gazetteer import Gazetteer, alias_needle, load_gazetteer
from bot.text import CASE_EXOTIC
from tests.support import ROOT


def test_exotic_set_is_every_non_ascii_char_that_ignorecase_matches_to_ascii():
    ascii_alnum = re.compile("[a-z0-9]", re.IGNORECASE)
    cased = (chr(cp) for cp in range(128, sys.maxunicode + 1))
    found = {c for c in cased if (c.lower() != c or c.upper() != c) and ascii_alnum.fullmatch(c)}
    assert found and all(CASE_EXOTIC.fullmatch(c) for c in found)
    assert found == {"\u0130", "\u0131", "\u017f", "\u212a"}


def test_needles():
    assert alias_needle("Great Hall of the People") == "people"
    assert alias_needle("Xi'an") == "xi"
    assert alias_needle("G20") == "g20"
    assert alias_needle("Байден") == "байде"  # "Байдена", "Байдену"
    assert alias_needle("Си") == "си"
    assert alias_needle("Си Цзиньпин") == "цзиньпи"


def test_exotic_set_covers_every_char_that_ignorecase_matches_to_a_russian_letter():
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    found = {chr(cp) for cp in range(128, sys.maxunicode + 1) for x in letters
             if re.fullmatch(x, chr(cp), re.IGNORECASE) and chr(cp).lower() != x}  # fmt: skip
    assert found and all(CASE_EXOTIC.fullmatch(c) for c in found)


class Unfiltered(Gazetteer):
    """The same gazetteer without the prefilter: every regex runs."""

    def _candidates(self, section, text):
        return self._compiled(section, range(len(self._needles[section])))


def _texts() -> list[str]:
    texts = [s for a in load_articles(ROOT / "seeds") if not isinstance(a, Exception)
             for s in a.sentences]  # fmt: skip
    questions = yaml.safe_load((ROOT / "tests" / "questions_ru.yaml").read_text("utf-8"))
    texts += [str(q["q"]) for q in questions["questions"]]  # Russian names, declined
    rng = random.Random(5)
    mutated = []
    for s in texts:
        chars = list(s)
        for _ in range(5):  # random case flips and the characters case folding treats specially
            i = rng.randrange(len(chars))
            chars[i] = rng.choice(
                [
                    chars[i].swapcase(),
                    "\u0131",
                    "\u017f",
                    "\u212a",
                    "-",
                    "’",
                    "\u1c80",
                    "\u1c82",
                    "\u1c85",
                ]
            )
        mutated.append("".join(chars))
    return (
        texts
        + mutated
        + [
            "in ıstanbul and ſochi, KREMLIN",
            "the un and UN and U.N.",
            "Xi’an, XIAN and Xi-an",
            "STATE   visit to  st.  petersburg",
            "ВСТРЕЧА В МОСКВЕ С ПУТИНЫМ, в пекине с Си Цзиньпином",
        ]
    )


def test_prefilter_changes_no_result():
    gaz = load_gazetteer()
    plain = Unfiltered(gaz.sections, gaz.other_people, gaz.other_places)
    for text in _texts():
        for section in gaz.sections:
            assert gaz.find(section, text) == plain.find(section, text), (section, text)
            assert gaz.spans(section, text) == plain.spans(section, text), (section, text)
