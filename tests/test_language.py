"""``bot.language``: which language a reply takes, and every fixed text in both languages."""

from __future__ import annotations

import string

import pytest

from bot import language
from bot.language import Text, choose, script


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    texts = {name: v for name, v in vars(language).items() if isinstance(v, Text)}
    assert len(texts) >= 15
    for name, text in texts.items():
        assert text.en.strip() and text.ru.strip(), name
        assert _placeholders(text.en) == _placeholders(text.ru), name
        assert script(text.ru) == "ru" and script(text.en) == "en", name


@pytest.mark.parametrize(
    ("text", "latin", "expected"),
    [("когда они встретились", 1, "ru"), ("when did they meet", 1, "en"), ("x", 1, "en"),
     ("x", 2, ""), ("2023?", 1, ""), ("😀", 1, ""), ("G20 саммит", 1, "ru"), ("متى", 1, "")],
)  # fmt: skip
def test_script(text: str, latin: int, expected: str) -> None:
    assert script(text, latin) == expected


def test_choose_config_then_message_then_user() -> None:
    assert choose("ru", "en", "en") == "ru"
    assert choose("auto", "en", "ru") == "en"
    assert choose("auto", "", "ru-RU") == "ru"
    assert choose("auto", "", None) == "en"


def test_text_falls_back_to_english_and_fills_placeholders() -> None:
    assert language.OUTSIDE("ru", name="Байден") == "В статьях ничего нет про «Байден»."
    assert language.SOURCE_BUTTON("de") == "Source"
