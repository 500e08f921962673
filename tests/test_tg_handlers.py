"""Fast unit tests of the Telegram shell's pure helpers (no network)."""

from __future__ import annotations

import dataclasses
import logging
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import InputTextMessageContent

from bot.helptext import help_text, sources_text
from bot.intents import Intent
from bot.render import Reply, Source
from bot.tg import app as tg_app
from bot.tg.handlers import (
    addressed_text,
    bot_mentions,
    chat_allowed,
    command_text,
    file_titles,
    inline_result,
    is_group,
    reply_html,
    source_keyboard,
)

ANSWER = Reply(
    "answer",
    "They met in 2023",
    "They met in <b>2023</b>",
    sources=(Source("001_a.txt", "They met."),),
    intent="meeting_date",
)
DECLINE = Reply("decline", "Sorry, long decline. Try /help.", "Sorry, long decline. Try /help.")


BOT_ID = 42


def mention(text, word, kind="mention", user_id=None):
    """The entity Telegram would send for ``word`` in ``text`` (offsets in UTF-16 units)."""
    start = text.index(word)
    units = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    return (kind, units(text[:start]), units(word), user_id)


def addressed(text, entities, replied=False, username="factbot"):
    return addressed_text(text, bot_mentions(text, entities, username, BOT_ID), replied)


@pytest.mark.parametrize(
    ("text", "words", "replied", "expected"),
    [
        ("@factbot when did they meet?", ["@factbot"], False, "when did they meet?"),
        ("when did they meet @FactBot", ["@FactBot"], False, "when did they meet"),
        ("hey @factbot_other what?", ["@factbot_other"], False, None),
        ("when did they meet?", [], True, "when did they meet?"),
        ("when did they meet?", [], False, None),
        ("@factbot", ["@factbot"], False, ""),
        ("😀😀 @factbot where? 😀", ["@factbot"], False, "😀😀 where? 😀"),
        # "ann@factbot" is not a mention: Telegram sends no entity for it, and text is not searched
        ("ann@factbot when did they meet?", [], False, None),
        ("ann@factbot when did they meet?", [], True, "ann@factbot when did they meet?"),
    ],
)
def test_addressed_text(text, words, replied, expected):
    assert addressed(text, [mention(text, w) for w in words], replied) == expected


def test_text_mention_of_the_bot_counts_and_of_others_not():
    text = "Factbot Test, when did they meet?"
    assert addressed(text, [mention(text, "Factbot Test", "text_mention", BOT_ID)]) == (
        ", when did they meet?"
    )
    assert addressed(text, [mention(text, "Factbot Test", "text_mention", 7)]) is None
    # a mention entity must name the bot; a text_mention's text does not matter, its user does
    assert addressed("@other hi", [mention("@other hi", "@other")]) is None
    assert addressed("@factbot hi", [mention("@factbot hi", "@factbot")], username=None) is None


@given(st.text(max_size=80))
def test_text_without_entities_is_never_addressed(text):
    assert addressed(text, []) is None


def test_command_text():
    assert command_text("/ask when did they meet?") == "when did they meet?"
    assert command_text("/ask@factbot_test_bot   where?  ") == "where?"
    assert command_text("/ask") == ""
    assert command_text("/ask@bot") == ""


def test_is_group_and_allowed():
    assert is_group("group") and is_group("supergroup")
    assert not is_group("private") and not is_group("channel") and not is_group(None)
    assert chat_allowed(5, ()) and chat_allowed(5, [5, 6]) and not chat_allowed(7, (5, 6))
    assert not chat_allowed(None, (5,))


def test_reply_html_private_and_groups():
    assert reply_html(ANSWER, group=False) == ANSWER.html
    assert reply_html(ANSWER, group=True, group_declines="silent") == ANSWER.html
    assert reply_html(DECLINE, group=False) == DECLINE.html
    short = reply_html(DECLINE, group=True, group_declines="short")
    assert short and short != DECLINE.html and len(short) < 40
    assert reply_html(DECLINE, group=True, group_declines="silent") is None
    ru = dataclasses.replace(DECLINE, lang="ru")
    assert "Извините" in (reply_html(ru, group=True) or "")


def test_help_text_one_example_per_intent_skipping_out_of_scope():
    def intent(name: str, *examples: str, declines: bool = False) -> Intent:
        return Intent(name, (), {"en": "", "ru": ""}, {}, examples, declines=declines)

    intents = {
        "meeting_date": intent("meeting_date", "when did they meet", "when"),
        "out_of_scope": intent("out_of_scope", "earthquake deaths", declines=True),
        "trade": intent("trade", "what was the <trade> target?"),
        "empty": intent("empty"),
    }
    text = help_text(intents)
    assert "When did they meet?" in text and "when?" not in text.lower().split("\n")[1:]
    assert "earthquake" not in text
    assert "What was the &lt;trade&gt; target?" in text and "??" not in text
    assert "<question>" not in text


def test_sources_text():
    arts = [
        SimpleNamespace(
            stem="a",
            title="Xi meets <PM>",
            outlet="Xinhua",
            published="2023-05-24",
            meeting="2023-05-24-beijing",
        ),
        SimpleNamespace(stem="b", title="", outlet="", published="", meeting="2025-11-04-beijing"),
    ]
    text = sources_text(arts)
    assert "Xi meets &lt;PM&gt; — <i>Xinhua, 2023-05-24</i>" in text
    assert "• b — <i>2025-11-04</i>" in text
    assert sources_text([]) == "I have no articles."


def test_source_keyboard_carries_the_data():
    button = source_keyboard("src:1abc", "ru").inline_keyboard[0][0]
    assert button.text == "Источник" and button.callback_data == "src:1abc"


def test_file_titles_and_inline_result():
    assert file_titles({"001_a": "T"}) == {"001_a.txt": "T", "001_a": "T"}
    result = inline_result("when did they meet?", ANSWER)
    assert result.title == "when did they meet?" and result.description == "They met in 2023"
    content = result.input_message_content
    assert isinstance(content, InputTextMessageContent) and content.message_text == ANSWER.html


def test_base_urls():
    assert tg_app.api_base_url("http://127.0.0.1:8081") == "http://127.0.0.1:8081/bot"
    assert tg_app.api_base_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/bot"
    assert tg_app.file_base_url("http://h/bot") == "http://h/file/bot"


def _config(token=None):
    from bot.config import Config, Secret, TelegramConfig

    tg = TelegramConfig(token=Secret(token) if token else None)
    return Config(
        path=None, seeds_dir=None, intents_dir=None, curated_path=None, table_path=None, telegram=tg
    )


def test_run_bot_without_token_prints_one_line_and_returns_2(capsys):
    assert tg_app.run_bot(_config(), answerer=None) == 2
    err = capsys.readouterr().err
    assert err == "error: no Telegram token: set TELEGRAM_BOT_TOKEN or telegram.token_file\n"


def test_build_application_without_token_raises():
    with pytest.raises(ValueError, match="no Telegram token"):
        tg_app.build_application(_config(), answerer=None)


def test_redact_filter_hides_token_in_messages_args_and_tracebacks():
    token = "123456:SECRET-TOKEN"
    redact = tg_app.RedactFilter(token, "")
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "url %s/getMe", (f"https://a/bot{token}",), None
    )
    assert (
        redact.filter(record) and token not in record.getMessage() and "***" in record.getMessage()
    )
    try:
        raise RuntimeError(f"failed at /bot{token}/getUpdates")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    redact.filter(record)
    formatted = logging.Formatter().format(record)
    assert token not in formatted and "RuntimeError" in formatted and "***" in formatted


def test_is_admin_and_reload_failed_text():
    from bot.errors import DataError
    from bot.tg.handlers import is_admin, reload_failed_text

    assert is_admin(7, (7, 8)) and not is_admin(9, (7, 8)) and not is_admin(7, ())
    assert not is_admin(None, (7,))
    text = reload_failed_text(DataError("intents/<x>.yaml", "bad\nYAML", "line 3"))
    assert text == (
        "Reload failed: intents/&lt;x&gt;.yaml: line 3: bad YAML. "
        "Still answering from the old table."
    )
    assert "internal error (KeyError)" in reload_failed_text(KeyError("secret detail"))
    assert "secret detail" not in reload_failed_text(KeyError("secret detail"))
