"""The strings every match of a pattern contains, and the guard ``bot.text.Pattern`` makes of
them: a guarded pattern finds exactly what it finds unguarded."""

import gc
import importlib
import pkgutil
import re
import string
import sys
from pathlib import Path

import pytest

import bot
from bot.needles import needles
from bot.text import CASE_EXOTIC, Pattern, split_sentences

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"\b(?:the\s+)?(?P<o>first|2nd)\s+Road Forum", 0, (("Road Forum",), False)),
        (r"cooperat|partnership|projects?\b", re.I, (("cooperat", "partnership", "project"), True)),
        (r"(?i:Summit)s?", 0, (("summit",), True)),
        (r"\bmet(?:\s+with)?", 0, (("met",), False)),
        (r"(?:on\s+)?Monday|Tuesday", re.I, (("monday", "tuesday"), True)),
        (r"\d+\s*(?:%|percent)", 0, None),  # "%" is too short to guard
        (r"x{0,3}yz|(?=abc)q", 0, None),  # a branch guaranteeing nothing; a lookahead's text
        (r"\bдоговор\w*", re.I, (("договор",), True)),
    ],
)
def test_needles_of_a_pattern(source: str, flags: int, expected: object) -> None:
    assert needles(source, flags) == expected


def test_lower_casing_keeps_what_case_insensitive_matching_equates() -> None:
    """A case-insensitive pattern's ASCII or Cyrillic letter matches a character whose lower case
    is not that letter's only where ``CASE_EXOTIC`` tells the guard to scan anyway."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    letters = string.ascii_letters + "".join(chr(c) for c in range(0x400, 0x530))
    for letter in letters:
        for ch in re.findall(re.escape(letter), every, re.I):
            assert letter.lower() in ch.lower() or CASE_EXOTIC.search(ch), (letter, ch)


def _patterns() -> list[Pattern]:
    """Every ``Pattern`` of the package's modules (the fact kinds' among them)."""
    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        if not info.name.startswith("bot.tg") and info.name != "bot.__main__":
            importlib.import_module(info.name)
    return [o for o in gc.get_objects() if isinstance(o, Pattern)]


def _texts() -> list[str]:
    """Sentences of the seeds and the test articles, and odd cases for the guard."""
    texts = ["", "İSTANBUL SUMMİT", "ſummit", "K", "ДОГОВОР", "Belt and Road Forum"]
    for path in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/articles/**/*.txt")]):
        texts += split_sentences(path.read_text(encoding="utf-8"))
    return texts


def test_guarded_patterns_find_what_they_find_unguarded() -> None:
    patterns = _patterns()
    assert len(patterns) > 100
    texts = _texts()
    guarded = 0
    for p in patterns:
        rx = p.rx
        guarded += bool(p.needles())  # read now, not after GUARD_AFTER scans
        for text in texts:
            got = [m.span() for m in p.finditer(text)]
            assert got == [m.span() for m in rx.finditer(text)], (rx.pattern, text)
            found, plain = p.search(text), rx.search(text)
            assert (found and found.span()) == (plain and plain.span()), (rx.pattern, text)
    assert guarded > len(patterns) // 2  # most patterns carry a guard


def test_names_outside_the_genre_are_found_as_unguarded() -> None:
    """``Gazetteer.other_person`` and ``other_place`` scan only a text holding a needle of their
    names: they find what the regexes of all their names find in every text."""
    from bot.gazetteer import _any_alias, load_gazetteer

    gaz = load_gazetteer()
    questions = [line.split('"')[1] for path in sorted(ROOT.glob("tests/questions*.yaml"))
                 for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip().startswith('- q: "')]  # fmt: skip
    names = [*gaz.other_people, *gaz.other_places]
    texts = [*_texts(), *questions, *names, *(n.upper() for n in names), "Paris", "in pariss"]
    for found, aliases in ((gaz.other_person, gaz.other_people),
                           (gaz.other_place, gaz.other_places)):  # fmt: skip
        rxs = _any_alias(aliases)
        for text in texts:
            plain = next((m.group() for rx in rxs if (m := rx.search(text))), None)
            assert found(text) == plain, text
    assert gaz.other_place("did they meet in Paris?") == "Paris"
