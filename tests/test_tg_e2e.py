"""End-to-end tests: the real python-telegram-bot Application against the fake Bot API server.

Everything runs on 127.0.0.1 and every wait is bounded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest

from bot.answer import Answerer
from bot.build import build_table, ensure_table
from bot.reload import reload_answerer
from bot.tg import handlers as handlers_module
from bot.tg.app import build_application
from bot.tg.handlers import source_keyboard
from tests.support import ARTICLES, ROOT, Project
from tests.tgharness import drained, replies, serving, tg_config

pytestmark = pytest.mark.e2e

GROUP = -100123
USER = 1000


@pytest.fixture
async def bot_app(api, config, answerer):
    app = build_application(tg_config(config, api), answerer)
    async with serving(app):
        yield app


def reply_to(call):
    params = call.params.get("reply_parameters") or {}
    return params.get("message_id") if isinstance(params, dict) else None


# --------------------------------------------------------------------------- private chats


async def test_private_question_answered(api, bot_app):
    api.push_message(USER, "when did they meet?")
    (call,) = await replies(api, USER)
    assert "2023" in call.result["text"]
    assert call.params.get("parse_mode") == "HTML"
    buttons = call.params["reply_markup"]["inline_keyboard"][0]
    assert buttons[0]["text"] == "Source" and buttons[0]["callback_data"].startswith("src:")


async def test_private_decline_is_full(api, bot_app):
    api.push_message(USER, "how many people died in the earthquake in Peru?")
    (call,) = await replies(api, USER)
    assert "/help" in call.result["text"] and "reply_markup" not in call.params


async def test_start_help_sources(api, bot_app):
    commands = [c["command"] for c in api.calls_of("setMyCommands")[0].params["commands"]]
    assert commands == ["start", "help", "ask", "meetings", "sources"]
    for i, text in enumerate(["/start", "/help", "/sources"], start=1):
        api.push_message(USER, text)
        await replies(api, USER, count=i)
    start, help_, sources = (c.result["text"] for c in api.calls_of("sendMessage"))
    assert "/help" in start
    assert "When did they meet?" in help_ and "How many people died" not in help_
    assert "Xinhua" in sources and "2025-11-04" in sources


async def test_ask_command_and_usage(api, bot_app):
    api.push_message(USER, "/ask where did they meet?")
    (call,) = await replies(api, USER)
    assert "Beijing" in call.result["text"]
    api.push_message(USER, "/ask")
    calls = await replies(api, USER, count=2)
    assert calls[1].result["text"].startswith("Usage: /ask")


async def test_edited_and_channel_messages_ignored(api, bot_app):
    api.push_message(USER, "/start")
    await replies(api, USER)
    api.push_message(USER, "when did they meet?", edited=True)
    api.push_message(-100777, "when did they meet?", chat_type="channel")
    api.push_message(USER, "/sources")
    await replies(api, USER, count=2)
    await asyncio.sleep(0.3)
    assert len(api.calls_of("sendMessage")) == 2


# --------------------------------------------------------------------------- groups


async def test_group_mention_answered_and_quoted(api, bot_app):
    update = api.push_message(GROUP, f"@{api.username} when did they meet?", chat_type="supergroup")
    (call,) = await replies(api, GROUP)
    assert "2023" in call.result["text"]
    assert reply_to(call) == update["message"]["message_id"]


async def test_group_reply_to_bot_answered(api, bot_app):
    api.push_message(GROUP, f"@{api.username} where did they meet?", chat_type="group")
    (first,) = await replies(api, GROUP)
    update = api.push_message(
        GROUP,
        "and when did they meet?",
        chat_type="group",
        reply_to_message_id=first.result["message_id"],
    )
    calls = await replies(api, GROUP, count=2)
    assert (
        "2023" in calls[1].result["text"] and reply_to(calls[1]) == update["message"]["message_id"]
    )


async def test_group_ask_command_with_botname(api, bot_app):
    api.push_message(GROUP, "/ask when did they meet?", chat_type="group")
    api.push_message(GROUP, f"/ask@{api.username} where did they meet?", chat_type="group")
    calls = await replies(api, GROUP, count=2)
    texts = sorted(c.result["text"] for c in calls)
    assert any("2023" in t for t in texts) and any("Beijing" in t for t in texts)


async def test_group_silent_when_not_addressed(api, bot_app):
    api.push_message(GROUP, "when did they meet?", chat_type="group")
    api.push_message(GROUP, "/ask@other_bot when did they meet?", chat_type="group")
    api.push_message(GROUP, "/sources", chat_type="group")
    await replies(api, GROUP)
    await asyncio.sleep(0.3)
    (call,) = api.calls_of("sendMessage")
    assert "Xinhua" in call.result["text"]


async def test_group_decline_is_short(api, bot_app):
    api.push_message(
        GROUP, f"@{api.username} how many people died in the earthquake?", chat_type="group"
    )
    (call,) = await replies(api, GROUP)
    assert call.result["text"] == "Sorry, I don't know that."


async def test_group_mode_all_answers_confident_matches_only(api, config, answerer):
    app = build_application(tg_config(config, api, group_mode="all"), answerer)
    async with serving(app):
        api.push_message(GROUP, "how many people died in the earthquake?", chat_type="group")
        api.push_message(GROUP, "when did they meet?", chat_type="group")
        (call,) = await replies(api, GROUP)
        await asyncio.sleep(0.3)
    assert "2023" in call.result["text"] and len(api.calls_of("sendMessage")) == 1


async def test_allowed_chats_other_chats_get_nothing(api, config, answerer):
    app = build_application(tg_config(config, api, allowed_chats=(USER,)), answerer)
    async with serving(app):
        api.push_message(4242, "when did they meet?", user_id=4242)
        api.push_message(USER, "when did they meet?")
        await replies(api, USER)
        await asyncio.sleep(0.3)
    assert [c.params["chat_id"] for c in api.calls_of("sendMessage")] == [USER]


# --------------------------------------------------------------------------- buttons and inline


async def test_source_button(api, bot_app):
    api.push_message(USER, "when did they meet?")
    (answer,) = await replies(api, USER)
    data = answer.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert len(data.encode()) <= 64
    api.push_callback_query(answer.result["message_id"], data, chat_id=USER)
    await api.wait_for_async("answerCallbackQuery", timeout=10)
    calls = await replies(api, USER, count=2)
    text = calls[1].result["text"]
    assert "met with Russian Prime Minister Mikhail Mishustin" in text
    assert reply_to(calls[1]) == answer.result["message_id"]
    # an unknown (expired) id is answered with an alert, and nothing is sent
    api.push_callback_query(answer.result["message_id"], "src:zzzz", chat_id=USER)
    (_, expired) = await api.wait_for_async("answerCallbackQuery", 2, timeout=10)
    assert expired.params.get("show_alert") is True
    assert len(api.calls_of("sendMessage")) == 2


async def test_inline_query_answered(api, bot_app):
    api.push_inline_query("when did they meet?")
    (call,) = await api.wait_for_async("answerInlineQuery", timeout=10)
    (result,) = call.params["results"]
    assert result["type"] == "article"
    assert "2023" in result["input_message_content"]["message_text"]
    api.push_inline_query("")
    calls = await api.wait_for_async("answerInlineQuery", 2, timeout=10)
    assert calls[1].params["results"] == []


# --------------------------------------------------------------------------- load


async def test_burst_of_200_messages_across_20_chats(api, config, answerer):
    # With AIORateLimiter, as in production (about 30 messages/s overall, as Telegram allows).
    # Without it, ~200 concurrent connections overflow the fake server's listen backlog (5).
    limited = True
    app = build_application(tg_config(config, api), answerer, rate_limiter=limited)
    async with serving(app):
        await _burst(api, "AIORateLimiter" if limited else "no rate limiter")


async def _burst(api, label):
    chats = list(range(2000, 2020))
    pushed: dict[int, list[float]] = {c: [] for c in chats}
    questions = [
        "when did they meet?",
        "where did they meet?",
        "who met?",
        "how many times did they meet?",
    ]
    start = time.time()
    for i in range(200):
        chat = chats[i % len(chats)]
        pushed[chat].append(time.time())
        api.push_message(chat, questions[i % len(questions)], user_id=chat)
    calls = await api.wait_for_async(
        "sendMessage", 200, timeout=60, predicate=lambda c: c.params.get("chat_id") in pushed
    )
    latencies = []
    for chat in chats:
        sent = sorted(c.time for c in calls if c.params["chat_id"] == chat)
        assert len(sent) == 10
        latencies += [s - p for s, p in zip(sent, pushed[chat], strict=True)]
    elapsed = max(c.time for c in calls) - start
    assert all(c.ok for c in calls) and len(calls) == 200
    print(  # noqa: T201 - shown with pytest -s
        f"\nburst ({label}): 200 messages / 20 chats in {elapsed:.2f}s, {200 / elapsed:.1f} msg/s; "
        f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {statistics.quantiles(latencies, n=20)[-1] * 1000:.0f} ms"
    )


# --------------------------------------------------------------------------- run_bot as a process


def test_run_bot_polling_process_stops_on_sigint(api, tmp_path):
    script = (
        "import sys\n"
        "from bot.config import load_config\nfrom bot.build import build_table\n"
        "from bot.answer import Answerer\nfrom bot.tg.app import run_bot\n"
        "import dataclasses\n"
        f"cfg = load_config({str(ROOT / 'config.yaml')!r})\n"
        "table, _ = build_table(cfg)\n"
        "sys.exit(run_bot(cfg, Answerer.from_table(table, cfg)))\n"
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        api.push_message(USER, "when did they meet?")
        (call,) = api.wait_for("sendMessage", timeout=30)
        assert "2023" in call.result["text"]
        assert api.calls_of("setMyCommands")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert api.token not in out + err
    assert "factbot running as @" in err


# --------------------------------------------------------------------------- flood control


async def test_flood_control_burst_gets_exactly_n_replies(api, config, answerer, caplog):
    config = tg_config(config, api, per_chat_per_minute=3, per_user_per_minute=100)
    app = build_application(config, answerer)
    async with serving(app):
        for i in range(12):
            api.push_message(USER, "when did they meet?" if i % 2 else "/start")
        api.push_message(USER + 1, "when did they meet?", user_id=USER + 1)
        await replies(api, USER + 1)  # the other chat is not limited
        await replies(api, USER, count=3)
        await asyncio.wait_for(drained(api), 10)
        await asyncio.sleep(0.3)
    sent = api.calls_of("sendMessage", ok=None)
    notices = [c for c in sent if "Too many questions" in c.params["text"]]
    assert len(sent) == 5 and len(notices) == 1 and notices[0].params["chat_id"] == USER
    flood_lines = [r for r in caplog.records if "flood control" in r.getMessage()]
    assert len(flood_lines) == 1 and str(USER) in flood_lines[0].getMessage()


async def test_flood_control_per_user_in_a_group(api, config, answerer):
    config = tg_config(config, api, per_chat_per_minute=100, per_user_per_minute=2)
    app = build_application(config, answerer)
    async with serving(app):
        for user in (USER, USER, USER, USER + 1, USER, USER + 1):
            api.push_message(
                GROUP, f"/ask@{api.username} when did they meet?", chat_type="group", user_id=user
            )
        await replies(api, GROUP, count=3)
        await asyncio.wait_for(drained(api), 10)
        await asyncio.sleep(0.3)
    sent = api.calls_of("sendMessage")
    answers = [c for c in sent if "Too many questions" not in c.params["text"]]
    assert len(answers) == 4  # two for each user, and one notice for the first one refused
    assert len(sent) == 5 and len({reply_to(c) for c in sent}) == 5


# --------------------------------------------------------------------------- allow-list


async def test_allow_list_other_chats_get_nothing_at_all(api, config, answerer):
    stranger, group = 4242, -100999
    app = build_application(tg_config(config, api, allowed_chats=(USER, GROUP)), answerer)
    api.add_chat(stranger)
    async with serving(app):
        # a message of the bot in the stranger's chat, to press its button (made by the test)
        seed = await app.bot.send_message(stranger, "seed", reply_markup=source_keyboard("src:1"))
        for text in (
            "/start",
            "/help",
            "/sources",
            "/ask when did they meet?",
            "/ask",
            "when did they meet?",
            "/reload",
        ):
            api.push_message(stranger, text, user_id=stranger)
            api.push_message(group, f"@{api.username} {text}", chat_type="group", user_id=stranger)
        api.push_callback_query(seed.message_id, "src:1", chat_id=stranger, user_id=stranger)
        api.push_inline_query("when did they meet?", user_id=stranger)
        api.push_message(USER, "when did they meet?")  # the allowed chat still works
        await replies(api, USER)
        await asyncio.wait_for(drained(api), 10)
        await asyncio.sleep(0.3)
    setup = {"getMe", "getUpdates", "deleteWebhook", "setMyCommands"}
    methods = {c.method for c in api.calls} - setup
    assert methods == {"sendMessage", "answerCallbackQuery"}, methods
    assert [c.params["chat_id"] for c in api.calls_of("sendMessage", ok=None)] == [stranger, USER]
    # the stranger's button stops spinning, and is told nothing
    (answered,) = api.calls_of("answerCallbackQuery", ok=None)
    assert not answered.params.get("text") and not answered.params.get("show_alert")


# --------------------------------------------------------------------------- /reload

ADMIN = 77


@pytest.fixture
async def reload_bot(api, tmp_path, make_project: Callable[..., Project]):
    """A bot over a writable copy of the articles and intents, with ADMIN as its admin."""
    config = tg_config(make_project(tmp_path).config(), api, admins=(ADMIN,))
    table, _ = build_table(config)
    app = build_application(config, Answerer.from_table(table, config))
    async with serving(app):
        yield config


async def test_reload_admin_only_reports_changes(api, reload_bot):
    config = reload_bot
    api.push_message(USER, "/reload")  # not an admin: nothing
    api.push_message(ADMIN, "/reload", user_id=ADMIN)
    (first,) = await replies(api, ADMIN)
    assert first.result["text"].startswith("Reloaded: no changes.")
    (config.seeds_dir / "tass_2024.txt").write_bytes((ARTICLES / "tass_2024.txt").read_bytes())
    (config.seeds_dir / "004_505f30e160bf41c1.txt").unlink()
    api.push_message(ADMIN, "/reload", user_id=ADMIN)
    second = (await replies(api, ADMIN, count=2))[1].result["text"]
    assert "Articles added (1): tass_2024" in second
    assert "Articles removed (1): 004_505f30e160bf41c1" in second
    assert "Facts: " in second and "Intents: " in second
    api.push_message(ADMIN, "/sources", user_id=ADMIN)  # the new table is in use
    sources = (await replies(api, ADMIN, count=3))[2].result["text"]
    assert "TASS" in sources and sources.count("•") == 5
    assert not any(c.params["chat_id"] == USER for c in api.calls_of("sendMessage", ok=None))


async def test_reload_failure_keeps_the_old_table(api, reload_bot):
    config = reload_bot
    (config.intents_dir / "meetings.yaml").write_text("intents: [unclosed\n", encoding="utf-8")
    api.push_message(ADMIN, "/reload", user_id=ADMIN)
    (failed,) = await replies(api, ADMIN)
    text = failed.result["text"]
    assert text.startswith("Reload failed: ") and "meetings.yaml" in text and "\n" not in text
    assert text.endswith("Still answering from the old table.")
    api.push_message(ADMIN, "when did they meet?", user_id=ADMIN)
    answer = (await replies(api, ADMIN, count=2))[1].result["text"]
    assert "2023" in answer


async def test_reload_runs_in_a_thread_while_questions_are_answered(api, reload_bot, monkeypatch):
    started = threading.Event()

    def slow_reload(config, table):
        started.set()
        time.sleep(1.5)
        return reload_answerer(config, table)

    monkeypatch.setattr(handlers_module, "reload_answerer", slow_reload)
    api.push_message(ADMIN, "/reload", user_id=ADMIN)
    await asyncio.to_thread(started.wait, 10)
    api.push_message(ADMIN, "/reload", user_id=ADMIN)
    api.push_message(USER, "when did they meet?")
    (answer,) = await replies(api, USER)
    assert "2023" in answer.result["text"]
    calls = await replies(api, ADMIN, count=2, timeout=15)
    texts = [c.result["text"] for c in calls]
    assert texts == ["A reload is already running.", texts[1]]
    assert texts[1].startswith("Reloaded: no changes.")
    assert answer.time < calls[1].time


# --------------------------------------------------------------------------- Source keys (issue 14)

STRANGER = 555


def button_data(call):
    return call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]


async def ask_and_wait(api, chat, question, count):
    api.push_message(chat, question, user_id=chat)
    return (await replies(api, chat, count=count))[-1]


async def press(api, chat, message_id, data, sent):
    """Press a button; (the callback answer, the text sent in reply or None)."""
    api.push_callback_query(message_id, data, chat_id=chat, user_id=chat)
    answered = len(api.calls_of("answerCallbackQuery", ok=None))
    (*_, answer) = await api.wait_for_async("answerCallbackQuery", answered + 1, timeout=10)
    if answer.params.get("show_alert"):
        return answer, None
    return answer, (await replies(api, chat, count=sent + 1))[-1].result["text"]


async def test_source_buttons_mean_the_same_after_restarts_and_reloads(api, tmp_path, make_project):
    config = tg_config(make_project(tmp_path).config(), api, admins=(ADMIN,))
    table, _ = build_table(config)
    app = build_application(config, Answerer.from_table(table, config))
    async with serving(app):
        dated = await ask_and_wait(api, USER, "when did they meet in 2025?", 1)
        anniversary = await ask_and_wait(api, USER, "which anniversary?", 2)
        _, dated_sources = await press(api, USER, dated.result["message_id"], button_data(dated), 2)
        _, anniversary_sources = await press(api, USER, anniversary.result["message_id"],
                                             button_data(anniversary), 3)  # fmt: skip
    assert "November" in dated.result["text"] and "met with Russian Prime Minister" in dated_sources
    assert "75th anniversary" in anniversary_sources
    sent = 4

    # a restart: new handlers, which first answer another question in another chat
    app = build_application(config, Answerer.from_table(ensure_table(config), config))
    async with serving(app):
        other = await ask_and_wait(api, STRANGER, "where did they meet?", 1)
        _, again = await press(api, USER, dated.result["message_id"], button_data(dated), sent)
        assert again == dated_sources
        sent += 1
        # the stranger's own button, carrying counters or another chat's keys, shows them nothing
        for data in ("src:1", "src:2", "src:3", "src:m1"):
            alert, text = await press(api, STRANGER, other.result["message_id"], data, 1)
            assert text is None and "no longer available" in alert.params["text"]
        # a reload that changes the 2025 article: its old button goes stale; the others still work
        article = next(config.seeds_dir.glob("001_*.txt"))
        article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                           encoding="utf-8")  # fmt: skip
        api.push_message(ADMIN, "/reload", user_id=ADMIN)
        assert "Articles changed (1)" in (await replies(api, ADMIN))[0].result["text"]
        alert, text = await press(api, USER, dated.result["message_id"], button_data(dated), sent)
        assert text is None and alert.params["show_alert"] is True
        _, text = await press(api, USER, anniversary.result["message_id"], button_data(anniversary),
                              sent)  # fmt: skip
        assert text == anniversary_sources
    stranger_got = [c for c in api.calls_of("sendMessage") if c.params["chat_id"] == STRANGER]
    assert len(stranger_got) == 1  # its own answer, no sources of other chats


async def test_answer_with_too_many_sources_for_64_bytes(api, tmp_path, make_project):
    articles = sorted(ARTICLES.glob("*.txt"))
    config = tg_config(make_project(tmp_path, articles=articles).config(), api)
    table, _ = build_table(config)
    app = build_application(config, Answerer.from_table(table, config))
    async with serving(app):
        answer = await ask_and_wait(api, USER, "how many times did they meet?", 1)
        data = button_data(answer)
        assert data.startswith("src:m") and len(data.encode()) <= 64
        _, text = await press(api, USER, answer.result["message_id"], data, 1)
        assert text.count("<blockquote>") >= 10 or text.count("\n") >= 10
        other = await ask_and_wait(api, STRANGER, "where did they meet?", 1)
        alert, text = await press(api, STRANGER, other.result["message_id"], data, 1)
        assert text is None  # the key was given to another chat
    app = build_application(config, Answerer.from_table(table, config))
    async with serving(app):  # kept in memory only: after a restart, an alert
        alert, text = await press(api, USER, answer.result["message_id"], data, 2)
        assert text is None and alert.params["show_alert"] is True


# --------------------------------------------------------------------------- refusals (issue 14)


async def test_refused_callbacks_are_answered_so_buttons_stop_spinning(api, config, answerer):
    app = build_application(tg_config(config, api, per_chat_per_minute=3), answerer)
    async with serving(app):
        answer = await ask_and_wait(api, USER, "when did they meet?", 1)
        mid = answer.result["message_id"]
        alert, text = await press(api, USER, mid, "game:42", 1)  # not ours: a short alert
        assert text is None and alert.params["show_alert"] is True
        _, text = await press(api, USER, mid, button_data(answer), 1)  # the 3rd answer a minute
        assert text is not None
        api.push_callback_query(mid, button_data(answer), chat_id=USER, user_id=USER)
        (*_, flood) = await api.wait_for_async("answerCallbackQuery", 3, timeout=10)
        assert not flood.params.get("text") and not flood.params.get("show_alert")
        await asyncio.sleep(0.3)
    assert len(api.calls_of("sendMessage")) == 2
    assert all(c.ok for c in api.calls_of("answerCallbackQuery", ok=None))


async def test_inline_queries_count_against_the_per_user_limit(api, config, answerer):
    app = build_application(tg_config(config, api, per_user_per_minute=3), answerer)
    async with serving(app):
        for _ in range(10):
            api.push_inline_query("when did they meet?", user_id=USER)
        api.push_inline_query("when did they meet?", user_id=USER + 1)
        await asyncio.wait_for(drained(api), 10)
        await api.wait_for_async("answerInlineQuery", 4, timeout=10)
        await asyncio.sleep(0.5)
    users = [api._inline_queries[c.params["inline_query_id"]]["user_id"]
             for c in api.calls_of("answerInlineQuery")]  # fmt: skip
    assert sorted(users) == [USER] * 3 + [USER + 1]


async def test_private_chat_ignores_the_bots_own_inline_result(api, bot_app):
    api.push_inline_query("when did they meet?", user_id=USER)
    (inline,) = await api.wait_for_async("answerInlineQuery", timeout=10)
    (result,) = inline.params["results"]
    text = result["input_message_content"]["message_text"]
    # the user picks the result in their private chat with the bot: Telegram sends it via_bot
    api.push_message(USER, text, extra={"via_bot": api.bot_user()})
    api.push_message(USER, "where did they meet?")
    (call,) = await replies(api, USER)
    await asyncio.wait_for(drained(api), 10)
    await asyncio.sleep(0.3)
    assert "Beijing" in call.result["text"] and len(api.calls_of("sendMessage")) == 1


async def test_group_mentions_come_from_entities(api, bot_app):
    # "ann@<bot>" carries no mention entity (Telegram's and the fake's parsers agree)
    api.push_message(GROUP, f"ann@{api.username} when did they meet?", chat_type="group")
    # a text_mention of the bot (a mention by name, with the bot's user id) addresses it
    text = "Factbot, where did they meet?"
    entity = {"type": "text_mention", "offset": 0, "length": 7, "user": api.bot_user()}
    update = api.push_message(GROUP, text, chat_type="group", entities=[entity])
    (call,) = await replies(api, GROUP)
    await asyncio.wait_for(drained(api), 10)
    await asyncio.sleep(0.3)
    assert "Beijing" in call.result["text"] and reply_to(call) == update["message"]["message_id"]
    assert len(api.calls_of("sendMessage")) == 1
