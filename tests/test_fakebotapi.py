"""Tests of the fake Bot API server, driven by the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import telegram
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyParameters,
)
from telegram.error import (
    BadRequest,
    Conflict,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from tests.fakebotapi import ApiError, FakeBotAPI, parse_html, prepare_text

CHAT = 1000


def make_bot(api: FakeBotAPI, token: str | None = None) -> telegram.Bot:
    # verify=False only skips loading the CA bundle (~25 ms per HTTPXRequest);
    # the fake is plain http anyway.
    return telegram.Bot(
        token or api.token,
        base_url=api.base_url,
        request=HTTPXRequest(httpx_kwargs={"verify": False}),
        get_updates_request=HTTPXRequest(httpx_kwargs={"verify": False}),
    )


@pytest.fixture
async def bot(api):
    async with make_bot(api) as client:
        yield client


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(buttons)])


# --------------------------------------------------------------------------- basics


async def test_get_me_via_initialize(api, bot):
    assert bot.id == api.bot_id
    assert bot.username == api.username
    me = await bot.get_me()
    assert me.is_bot and me.supports_inline_queries
    assert len(api.calls_of("getMe")) == 2
    assert api.base_url.startswith("http://127.0.0.1:") and api.base_url.endswith("/bot")


async def test_send_message_returns_full_message(api, bot):
    api.push_message(CHAT, "hello")  # the user's message gets message_id 1
    sent = await bot.send_message(
        CHAT,
        '<b>Bold</b> &amp; <i>it</i> 😀 <a href="https://example.com">link</a>',
        parse_mode="HTML",
        reply_markup=keyboard(InlineKeyboardButton("Yes", callback_data="yes")),
    )
    assert sent.message_id == 2
    assert sent.from_user.id == api.bot_id and sent.from_user.is_bot
    assert sent.chat.id == CHAT and sent.chat.type == "private"
    assert sent.text == "Bold & it 😀 link"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 4),
        ("italic", 7, 2),
        ("text_link", 13, 4),
    ]
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "yes"

    (call,) = api.wait_for("sendMessage")
    # PTB posts x-www-form-urlencoded; the fake decodes numbers and nested JSON.
    assert call.params["chat_id"] == CHAT
    assert call.params["parse_mode"] == "HTML"
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"callback_data": "yes", "text": "Yes"}]]
    }
    assert call.result["text"] == "Bold & it 😀 link" and "reply_to_message" not in call.result


async def test_send_message_to_unknown_chat(api, bot):
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hi")
    assert api.calls[-1].description == "Bad Request: chat not found"
    api.add_chat(-100500, "supergroup", title="Club", username="club")
    sent = await bot.send_message("@club", "hi")
    assert sent.chat.id == -100500 and sent.chat.title == "Club"


@pytest.mark.parametrize(
    ("html", "description"),
    [
        ("<b>bold", "can't parse entities: Can't find end tag corresponding to start tag \"b\""),
        (
            "<b>x</i>",
            "can't parse entities: Unmatched end tag at byte offset 4, "
            'expected "</b>", found "</i>"',
        ),
        ("1 < 2", 'can\'t parse entities: Unsupported start tag "" at byte offset 2'),
        ("<div>x</div>", 'can\'t parse entities: Unsupported start tag "div" at byte offset 0'),
        ("<br/>", 'can\'t parse entities: Unsupported start tag "br/" at byte offset 0'),
        ("x</b>", "can't parse entities: Unexpected end tag at byte offset 1"),
        ("<b", "can't parse entities: Unclosed start tag at byte offset 0"),
        ("Tom & Jerry", "can't parse entities: Unescaped '&' at byte offset 4; use &amp;"),
        ("&nbsp;", "can't parse entities: Unescaped '&' at byte offset 0; use &amp;"),
        (
            '<span class="x">s</span>',
            'can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0',
        ),
        (
            "<i aba>x</i>",
            "can't parse entities: Expected equal sign in declaration of an attribute "
            'of the tag "i" at byte offset 0',
        ),
        ("<b></b>", "message must be non-empty"),
        (
            "&#xD83D;",
            "can't parse entities: Text contains invalid Unicode characters after decoding HTML "
            "entities, check for unmatched surrogate code units",
        ),
    ],
)
async def test_html_validation_errors(api, bot, html, description):
    api.push_message(CHAT, "hi")
    with pytest.raises(BadRequest):
        await bot.send_message(CHAT, html, parse_mode="HTML")
    assert api.calls[-1].error_code == 400
    assert api.calls[-1].description == "Bad Request: " + description


async def test_valid_html_is_accepted(api, bot):
    api.push_message(CHAT, "hi")
    html = (
        "<b>b <i>bi</i></b> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> "
        '<span class="tg-spoiler">sp2</span> <code>c &lt;x&gt;</code> '
        '<pre><code class="language-python">print(1)</code></pre> '
        "<blockquote expandable>q</blockquote> "
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> '
        "&#128512; &#x1F600; &quot;q&quot; a > b"
    )
    sent = await bot.send_message(CHAT, html, parse_mode="HTML")
    assert sent.text.startswith('b bi u s sp sp2 c <x> print(1) q 👍 😀 😀 "q" a > b'[:20])
    types = [e.type for e in sent.entities]
    assert {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "expandable_blockquote",
        "custom_emoji",
    } <= set(types)
    pre = next(e for e in sent.entities if e.type == "pre")
    assert pre.language == "python"


async def test_text_length_is_counted_after_parsing(api, bot):
    api.push_message(CHAT, "hi")
    ok = await bot.send_message(CHAT, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    assert len(ok.text) == 4096
    ok = await bot.send_message(CHAT, "&amp;" * 4096, parse_mode="HTML")
    assert ok.text == "&" * 4096
    ok = await bot.send_message(CHAT, "\n  " + "a" * 4096 + "  \n")  # trimmed first
    assert ok.text == "a" * 4096
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(CHAT, "a" * 4097)
    with pytest.raises(BadRequest, match="Message is too long"):  # UTF-16 code units
        await bot.send_message(CHAT, "😀" * 2049)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(CHAT, "")
    with pytest.raises(BadRequest, match="Message must be non-empty"):
        await bot.send_message(CHAT, " \n\t ")


def test_parse_html_matches_tdlib_vectors():
    # Test vectors from TDLib's test/message_entities.cpp (lenient '&' like the real server).
    def parse(text):
        return parse_html(text, strict_ampersand=False)

    assert parse("&lt;&gt;&amp;&quot;&laquo;&raquo;&#12345678;") == (
        '<>&"&laquo;&raquo;&#12345678;',
        [],
    )
    assert parse("🏟 🏟<i>🏟 &lt🏟</i>") == ("🏟 🏟🏟 <🏟", [{"type": "italic", "offset": 5, "length": 6}])
    text, entities = parse("🏟 🏟<i>🏟 &gt;<b aba   =   caba>&lt🏟</b></i>")
    assert text == "🏟 🏟🏟 ><🏟"
    assert entities == [
        {"type": "italic", "offset": 5, "length": 7},
        {"type": "bold", "offset": 9, "length": 3},
    ]
    assert parse("🏟 🏟&lt;<i    aba  =  '&lt;&gt;&quot;'>a</>") == (
        "🏟 🏟<a",
        [{"type": "italic", "offset": 6, "length": 1}],
    )
    assert parse('<pre><code class="language-fift">x</></>') == (
        "x",
        [{"type": "pre", "offset": 0, "length": 1, "language": "fift"}],
    )
    assert parse("<a href=telegram.org> </a>")[1] == [
        {"type": "text_link", "offset": 0, "length": 1, "url": "http://telegram.org/"}
    ]
    errors = {
        "🏟 🏟&lt;<abacaba": "Unclosed start tag at byte offset 13",
        "🏟 🏟&lt;<abac aba>": 'Unsupported start tag "abac" at byte offset 13',
        "🏟 🏟&lt;<i   =aba>": 'Empty attribute name in the tag "i" at byte offset 13',
        "🏟 🏟&lt;<i    aba  =  ": 'Unclosed start tag "i" at byte offset 13',
        "🏟 🏟&lt;<i    aba  =  190azAz-.,": "Unexpected end of name token at byte offset 27",
        "🏟 🏟&lt;<b></b></": "Unexpected end tag at byte offset 20",
        "🏟 🏟&lt;<i>a</i   ": "Unclosed end tag at byte offset 17",
        "🏟 🏟&lt;<i>a</em   >": (
            'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'
        ),
    }
    for text, message in errors.items():
        with pytest.raises(ApiError) as exc_info:
            parse(text)
        assert exc_info.value.description == "Bad Request: can't parse entities: " + message


def test_prepare_text_trims_and_cleans():
    assert prepare_text("  \r\nhi\tthere\r\n ") == ("hi there", [])
    text, entities = prepare_text("<b>  x  </b>\n", "HTML")
    assert text == "x" and entities == [{"type": "bold", "offset": 0, "length": 1}]


# --------------------------------------------------------------------------- updates


async def test_get_updates_offset_and_long_poll(api, bot):
    first = api.push_message(CHAT, "/start")
    second = api.push_message(CHAT, "what is new?")
    assert (first["update_id"], second["update_id"]) == (1, 2)

    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [1, 2]
    assert updates[0].message.text == "/start"
    assert updates[0].message.entities[0].type == "bot_command"
    assert updates[1].message.from_user.first_name == "Ann"
    assert [u.update_id for u in await bot.get_updates()] == [1, 2]  # not confirmed yet

    updates = await bot.get_updates(offset=2)  # confirms update 1
    assert [u.update_id for u in updates] == [2]
    assert [u["update_id"] for u in api.pending_updates] == [2]

    loop = asyncio.get_running_loop()
    loop.call_later(0.2, lambda: api.push_message(CHAT, "late", chat_type="private"))
    started = time.monotonic()
    updates = await bot.get_updates(offset=3, timeout=5)
    assert time.monotonic() - started < 2
    assert [u.message.text for u in updates] == ["late"]

    started = time.monotonic()
    assert await bot.get_updates(offset=4, timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 3
    assert api.pending_updates == []


async def test_allowed_updates_and_limit(api, bot):
    api.push_message(CHAT, "a")
    api.push_message(CHAT, "b")
    assert len(await bot.get_updates(limit=1)) == 1
    sent = await bot.send_message(
        CHAT, "pick", reply_markup=keyboard(InlineKeyboardButton("x", callback_data="x"))
    )
    api.push_callback_query(sent.message_id, "x", chat_id=CHAT)
    updates = await bot.get_updates(allowed_updates=["callback_query"])
    assert [u.callback_query.data for u in updates] == ["x"]  # messages were dropped


async def test_push_message_shapes(api, bot):
    group = api.push_message(
        -500, "hi @factbot_test_bot and @someone", chat_type="group", user_id=7
    )
    msg = group["message"]
    assert msg["chat"]["title"] and msg["from"]["id"] == 7
    assert [e["type"] for e in msg["entities"]] == ["mention", "mention"]
    edited = api.push_message(-500, "hi (edited)", chat_type="group", user_id=7, edited=True)
    assert edited["edited_message"]["message_id"] == msg["message_id"]
    post = api.push_message(-900, "news", chat_type="channel")
    updates = await bot.get_updates(allowed_updates=[])
    assert updates[1].edited_message.text == "hi (edited)"
    assert updates[2].channel_post.chat.type == "channel"
    assert post["update_id"] == 3
    with pytest.raises(ValueError, match="not a known message"):
        api.push_message(CHAT, "x", reply_to_message_id=99)


async def test_replies(api, bot):
    api.push_message(CHAT, "question")
    answer = await bot.send_message(CHAT, "answer", reply_parameters=ReplyParameters(1))
    assert answer.reply_to_message.text == "question"
    assert api.calls_of("sendMessage")[-1].result["reply_to_message"]["message_id"] == 1

    update = api.push_message(CHAT, "thanks", reply_to_message_id=answer.message_id)
    assert update["message"]["reply_to_message"]["from"]["id"] == api.bot_id
    (parsed,) = await bot.get_updates(offset=update["update_id"])
    assert parsed.message.reply_to_message.from_user.is_bot

    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(CHAT, "x", reply_parameters=ReplyParameters(77))
    ok = await bot.send_message(
        CHAT, "x", reply_parameters=ReplyParameters(77, allow_sending_without_reply=True)
    )
    assert ok.reply_to_message is None


# ------------------------------------------------------------ keyboards, edits, queries


@pytest.mark.parametrize(
    ("button", "description"),
    [
        (
            InlineKeyboardButton("plain"),
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        ),
        (
            InlineKeyboardButton("x", callback_data=""),
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        ),
        (InlineKeyboardButton("x", callback_data="я" * 33), "BUTTON_DATA_INVALID"),
        (
            InlineKeyboardButton("x", url="ftp://example.com"),
            "inline keyboard button URL 'ftp://example.com' is invalid: Unsupported URL protocol",
        ),
        (
            InlineKeyboardButton("x", url="https://e.com", callback_data="y"),
            "can't parse inline keyboard button: exactly one of the optional fields "
            'must be used, got "url", "callback_data"',
        ),
    ],
)
async def test_inline_keyboard_validation(api, bot, button, description):
    api.push_message(CHAT, "hi")
    with pytest.raises(BadRequest):
        await bot.send_message(CHAT, "pick", reply_markup=keyboard(button))
    assert api.calls[-1].description == "Bad Request: " + description


async def test_callback_query_answered_once(api, bot):
    api.push_message(CHAT, "hi")
    sent = await bot.send_message(
        CHAT, "Sure?", reply_markup=keyboard(InlineKeyboardButton("Yes", callback_data="yes"))
    )
    pushed = api.push_callback_query(sent.message_id, "yes", chat_id=CHAT)
    (update,) = await bot.get_updates(offset=pushed["update_id"])
    query = update.callback_query
    assert query.data == "yes" and query.message.text == "Sure?" and query.from_user.id == 1000
    with pytest.raises(BadRequest, match="Message_too_long"):
        await bot.answer_callback_query(query.id, text="x" * 201)
    assert await bot.answer_callback_query(query.id, text="Done") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query.id)
    assert api.calls[-1].description == (
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
    )
    with pytest.raises(ValueError, match="not sent by the bot"):
        api.push_callback_query(1, "yes", chat_id=CHAT)


async def test_inline_query_answer(api, bot):
    pushed = api.push_inline_query("cats")
    (update,) = await bot.get_updates()
    query = update.inline_query
    assert query.query == "cats" and query.id == pushed["inline_query"]["id"]

    def article(result_id, text="hi"):
        return InlineQueryResultArticle(
            result_id, "Title", InputTextMessageContent(text, parse_mode="HTML")
        )

    with pytest.raises(BadRequest, match="Result_id_duplicate"):
        await bot.answer_inline_query(query.id, [article("1"), article("1")])
    with pytest.raises(BadRequest, match="Results_too_much"):
        await bot.answer_inline_query(query.id, [article(str(i)) for i in range(51)])
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.answer_inline_query(query.id, [article("1", "<b>oops")])
    assert (
        await bot.answer_inline_query(query.id, [article("1"), article("2")], cache_time=0) is True
    )
    (call,) = api.calls_of("answerInlineQuery")
    assert [r["id"] for r in call.params["results"]] == ["1", "2"]
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query.id, [article("3")])


async def test_commands(api, bot):
    assert await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    (call,) = api.calls_of("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == ["start", "help"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "Start")])
    with pytest.raises(BadRequest):
        await bot.set_my_commands([BotCommand("x" * 33, "too long")])


async def test_methods_factbot_does_not_call_are_not_found(api, bot):
    api.push_message(CHAT, "hi")
    with pytest.raises(InvalidToken):  # PTB reads a 404 as a bad token
        await bot.send_chat_action(CHAT, "typing")
    assert (api.calls[-1].method, api.calls[-1].error_code) == ("sendChatAction", 404)


# --------------------------------------------------------------------------- faults


async def test_fail_next_429_raises_retry_after(api, bot, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # see test below
    api.push_message(CHAT, "hi")
    api.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as exc_info:
        await bot.send_message(CHAT, "hi")
    assert exc_info.value.retry_after == dtm.timedelta(seconds=3)
    failed = api.calls_of("sendMessage", ok=False)
    assert failed[0].error_code == 429
    assert failed[0].description == "Too Many Requests: retry after 3"
    assert (await bot.send_message(CHAT, "again")).text == "again"  # rule consumed


async def test_ptb_retry_after_is_a_deprecation_warning_without_ptb_timedelta(
    api, bot, monkeypatch
):
    # PTB 22.8 constructs RetryAfter by reading its deprecated int `retry_after`; with
    # warnings turned into errors (filterwarnings=error) a 429 then surfaces as
    # PTBDeprecationWarning instead of RetryAfter unless PTB_TIMEDELTA is set.
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    api.push_message(CHAT, "hi")
    api.fail_next("sendMessage", status=429, retry_after=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PTBDeprecationWarning)
        with pytest.raises(PTBDeprecationWarning):
            await bot.send_message(CHAT, "hi")


async def test_fail_next_other_kinds(api, bot):
    api.push_message(CHAT, "hi")
    api.fail_next("*", status=502, kind="malformed")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_chat_action(CHAT, "typing")
    api.fail_next("sendMessage", status=200, kind="malformed")
    with pytest.raises(TelegramError, match="Invalid server response"):
        await bot.send_message(CHAT, "x")
    api.fail_next("sendMessage", status=0, kind="reset")
    with pytest.raises(NetworkError):
        await bot.send_message(CHAT, "x")
    api.fail_next("sendMessage", status=403, times=2)
    for _ in range(2):
        with pytest.raises(telegram.error.Forbidden, match="bot was blocked by the user"):
            await bot.send_message(CHAT, "x")
    api.fail_next("sendMessage", status=200, kind="delay:0.3")
    started = time.monotonic()
    assert (await bot.send_message(CHAT, "slow")).text == "slow"
    assert time.monotonic() - started >= 0.3
    assert [c.ok for c in api.calls_of("sendMessage", ok=None)] == [False] * 4 + [True]


async def test_fail_next_hang_and_conflict(api, bot):
    api.push_message(CHAT, "hi")
    api.fail_next("sendMessage", status=0, kind="hang:1.0")
    with pytest.raises(telegram.error.TimedOut):
        await bot.send_message(CHAT, "never", read_timeout=0.3)
    await asyncio.sleep(1.0)
    (hung,) = api.calls_of("sendMessage", ok=False)
    assert hung.error_code is None and "no answer" in hung.description
    assert not api.calls_of("sendMessage")  # nothing was sent
    api.fail_next("getUpdates", status=409)
    with pytest.raises(telegram.error.Conflict, match="terminated by other getUpdates"):
        await bot.get_updates(timeout=0)


async def test_wrong_token_and_unknown_method(api, bot):
    with pytest.raises(InvalidToken):
        async with make_bot(api, "999:WRONG"):
            pass
    assert api.calls[-1].error_code == 401 and api.calls[-1].description == "Unauthorized"
    with pytest.raises(telegram.error.EndPointNotFound):
        await bot.do_api_request("frobnicate", api_kwargs={"chat_id": CHAT})
    assert (api.calls[-1].method, api.calls[-1].error_code) == ("frobnicate", 404)


# --------------------------------------------------------------------------- webhooks and conflicts


async def test_webhook_conflict(api, bot):
    assert await bot.set_webhook("https://example.com/hook", secret_token="s3cret")
    assert api.webhook["secret_token"] == "s3cret"
    assert api.webhook["url"] == "https://example.com/hook"
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        await bot.get_updates()
    with pytest.raises(BadRequest, match="(?i)an https url must be provided"):
        await bot.set_webhook("http://example.com/hook")
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_concurrent_get_updates_conflict(api, bot):
    async with make_bot(api) as other:
        waiting = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        assert await other.get_updates() == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(waiting, 2)


async def test_stop_wakes_long_poll(api, bot):
    waiting = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    await asyncio.to_thread(api.stop)
    assert await asyncio.wait_for(waiting, 3) == ()
    assert time.monotonic() - started < 3


def test_deliver_webhook():
    received = []

    class Receiver(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(
                (self.path, self.headers.get("X-Telegram-Bot-Api-Secret-Token"), json.loads(body))
            )
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(
        target=receiver.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        with FakeBotAPI() as api:
            update = api.push_message(CHAT, "via webhook")
            url = f"http://127.0.0.1:{receiver.server_address[1]}/telegram"
            assert api.deliver_webhook(url, update, secret="s3cret") == 200
            assert received == [("/telegram", "s3cret", update)]
            assert api.pending_updates == []  # delivered updates are confirmed
            assert api.deliver_webhook(url, {"message": update["message"]}) == 200
            assert received[-1][1] is None and received[-1][2]["update_id"] == 2
            with pytest.raises(ValueError):
                api.deliver_webhook("http://example.com/hook", update)
    finally:
        receiver.shutdown()
        receiver.server_close()
        thread.join(2)


# --------------------------------------------------------------------------- plumbing


async def test_json_form_and_multipart_bodies(api):
    api.push_message(CHAT, "hi")
    url = f"{api.base_url}{api.token}"
    async with httpx.AsyncClient(timeout=5) as client:
        response = await client.post(f"{url}/sendMessage", json={"chat_id": CHAT, "text": "json"})
        assert response.json()["result"]["text"] == "json"
        response = await client.post(
            f"{url}/SENDMESSAGE", data={"chat_id": str(CHAT), "text": "123"}
        )
        assert response.json()["result"]["text"] == "123"  # text stays a string
        response = await client.post(
            f"{url}/sendMessage",
            data={
                "chat_id": str(CHAT),
                "text": "multi",
                "reply_markup": json.dumps({"remove_keyboard": True}),
            },
            files={"document": ("a.txt", b"abc", "text/plain")},
        )
        assert response.json()["result"]["text"] == "multi"
        response = await client.get(f"{url}/getMe")
        assert response.json()["result"]["username"] == api.username
        response = await client.post(f"{url}/sendMessage", json={"chat_id": CHAT})
        assert response.status_code == 400
        assert response.json() == {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: message text is empty",
        }
        response = await client.post(f"{url}/noSuchMethod")
        assert response.status_code == 404
        assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    multipart = api.calls_of("sendMessage")[-1]
    assert multipart.params["document"]["data"] == b"abc"
    assert multipart.params["reply_markup"] == {"remove_keyboard": True}
    assert api.calls_of("sendMessage", ok=True)[1].params["text"] == "123"


async def test_wait_for_helpers(api, bot):
    with pytest.raises(TimeoutError, match="waiting for 1 successful sendMessage call") as exc_info:
        api.wait_for("sendMessage", timeout=0.05)
    assert "getMe -> ok" in str(exc_info.value)

    api.push_message(CHAT, "hi")

    async def later():
        await asyncio.sleep(0.1)
        await bot.send_message(CHAT, "one")
        await bot.send_message(CHAT, "two")

    task = asyncio.create_task(later())
    calls = await api.wait_for_async("sendMessage", count=2, timeout=3)
    assert [c.params["text"] for c in calls] == ["one", "two"]
    await task
    calls = await asyncio.to_thread(
        api.wait_for, "sendMessage", predicate=lambda c: c.params["text"] == "two"
    )
    assert len(calls) == 1
