"""A small but faithful fake of the Telegram Bot API server, for factbot's end-to-end tests.

It answers the methods factbot calls (through python-telegram-bot) and nothing more; its HTML
parser (TDLib's rules) and fault injection are what make the end-to-end tests worth running.

Standard library only.  The server is an ``http.server.ThreadingHTTPServer``
bound to ``127.0.0.1`` on an ephemeral port and served from a background
thread; it never opens an outgoing connection except :meth:`FakeBotAPI.deliver_webhook`,
which only talks to loopback addresses.  Every wait is bounded by a timeout.

Quick start::

    with FakeBotAPI() as api:
        bot = telegram.Bot(api.token, base_url=api.base_url)
        async with bot:
            api.push_message(1000, "/start")
            updates = await bot.get_updates(timeout=1)
            await bot.send_message(1000, "<b>hi</b>", parse_mode="HTML")
        api.wait_for("sendMessage")

Public API
==========

``FakeBotAPI(token="123456:TEST-TOKEN", username="factbot_test_bot", bot_id=123456,
backlog=256)`` (``backlog``: the listen queue, for bursts of new connections)

Lifecycle
    ``start() -> FakeBotAPI``, ``stop()`` (idempotent; wakes long polls, which
    answer ``[]`` promptly, then closes every connection), context manager.
    ``base_url`` -- ``"http://127.0.0.1:<port>/bot"`` (valid after ``start()``);
    python-telegram-bot appends the token itself, so use
    ``telegram.Bot(api.token, base_url=api.base_url)``.
    ``token``, ``username``, ``bot_id``, ``first_name`` (class attribute).

Feeding updates (thread-safe; each returns a deep copy of the queued update dict
with its ``update_id``; ids increase from 1)
    ``push_update(update)`` -- any update dict; ``update_id`` is always assigned.
    ``push_message(chat_id, text, *, chat_type="private", user_id=1000,
    first_name="Ann", language_code="en", reply_to_message_id=None,
    entities=None, edited=False, extra=None)`` -- a realistic ``Message``
    (server-assigned ``message_id``, shared per chat with the bot's messages,
    ``date``, ``from``, ``chat`` with ``first_name`` for private chats and
    ``title`` for groups/channels).  Text starting with ``/`` gets a
    ``bot_command`` entity and ``@username`` mentions get ``mention`` entities
    (UTF-16 offsets) unless ``entities`` is given.  ``reply_to_message_id`` must
    name a known message of that chat (e.g. one the bot sent -- then
    ``reply_to_message.from`` is the bot); unknown ids raise ``ValueError``.
    ``edited=True`` produces an ``edited_message`` for the user's most recent
    message in that chat (``extra={"message_id": n}`` picks another one).
    ``chat_type="channel"`` produces ``channel_post`` (no ``from``).
    ``extra`` is merged into the message dict last.
    ``push_callback_query(message_id, data, *, chat_id, user_id=1000)`` -- the
    message must be one the bot sent (``ValueError`` otherwise); the query
    carries the message's *current* state.
    ``push_inline_query(query, *, user_id=1000)``.
    ``add_chat(chat_id, chat_type="private", **fields)`` -- make a chat known
    without a message (the bot may only write to chats the fake knows about;
    any push registers its chat and user).

Inspection
    ``calls`` -- list of :class:`Call` ``(method, params, ok, error_code,
    description, time, result)`` for every request, rejected ones included, in
    the order they were answered (``time`` is ``time.time()`` of arrival;
    ``params`` are decoded: form values that are JSON (numbers, booleans,
    objects) are parsed, text-like parameters stay strings).
    ``calls_of(method, ok=True)`` (``ok=None`` -> all); ``calls_since(n)``: the calls
    after the first ``n``.
    ``wait_for(method, count=1, timeout=5.0, predicate=None) -> list[Call]`` --
    blocks this thread until ``count`` successful calls exist (counting calls
    made before the wait too); ``TimeoutError`` lists recent calls.  **Do not
    call it from the event loop that runs the bot** -- use
    ``await api.wait_for_async(...)`` (same arguments) there.
    ``pending_updates`` -- snapshot of updates not yet confirmed.
    ``bot_user()`` -- the bot's ``User`` dict; ``port``.
    ``webhook`` -- snapshot of the webhook settings (``url`` is ``""`` if none).

Fault injection
    ``fail_next(method, *, status, description="", retry_after=None, times=1,
    kind="json")`` -- the next ``times`` calls of ``method`` (``"*"``: any method)
    are not processed; instead: ``"json"`` -> Bot API error envelope with HTTP
    status ``status`` (default descriptions such as ``"Too Many Requests: retry
    after N"``; a 429 always carries ``parameters.retry_after``, default 1; a 409
    says ``"Conflict: terminated by other getUpdates request; ..."``);
    ``"malformed"`` -> HTTP ``status`` (use 200 for the classic case) with a body
    that is not valid JSON; ``"reset"`` -> connection closed with a TCP RST and
    no response; ``"delay:<seconds>"`` -> wait, then process normally (a client
    that timed out meanwhile does not see the answer, but the call took effect);
    ``"hang:<seconds>"`` -> wait, then close the connection without processing
    or answering (a server that never replies: the client times out, nothing
    happened).
    Rules are consumed first-come first-served; ``clear_failures()`` drops those left.

Webhooks
    ``deliver_webhook(url, update, secret=None, timeout=5.0) -> int`` POSTs the
    update as JSON like Telegram (``X-Telegram-Bot-Api-Secret-Token`` when
    ``secret`` is given) to a loopback ``http://`` URL and returns the HTTP
    status.  A missing ``update_id`` is assigned; a 2xx answer confirms (removes)
    that update from the getUpdates queue.

Implemented methods (names are case-insensitive, as in the Bot API): the ones factbot calls
    getMe, getUpdates, setWebhook, deleteWebhook, setMyCommands, sendMessage,
    answerCallbackQuery, answerInlineQuery.  Anything else: 404 ``Not Found`` (which
    python-telegram-bot reports as ``InvalidToken``, or ``EndPointNotFound`` from
    ``Bot.do_api_request``).  A wrong token: 401 ``Unauthorized``.  Request
    bodies may be JSON, x-www-form-urlencoded or multipart/form-data;
    query-string parameters are accepted too.  (python-telegram-bot 22 posts
    x-www-form-urlencoded -- multipart only when uploading files -- with
    numbers/booleans as JSON text and nested objects as JSON strings; getMe and
    other parameterless calls are POSTs with an empty body.)

Module helpers
    ``parse_html(text, *, strict_ampersand=True) -> (plain_text, entities)`` and
    ``prepare_text(text, parse_mode=None, entities=None)`` (the full sendMessage
    text pipeline) raise :class:`ApiError` (``.code``, ``.description``);
    ``utf16_len(text)``.

Fidelity notes (how this fake relates to the real server)
    * HTML parsing is a port of TDLib's ``parse_html`` (same error texts and
      byte offsets, e.g. ``Bad Request: can't parse entities: Unsupported start
      tag "div" at byte offset 0``) plus Telegram's text clean-up: control
      characters become spaces, ``\\r`` is dropped, leading/trailing spaces and
      newlines are trimmed; whitespace-only text -> ``Bad Request: message must
      be non-empty``; a missing/empty ``text`` -> ``Bad Request: message text is
      empty``.
    * Stricter than Telegram: a ``&`` that does not start one of ``&lt; &gt;
      &amp; &quot;`` or a numeric reference is rejected (the real server keeps it
      literally although the documentation requires escaping).  Set
      ``api.strict_ampersand = False`` to mimic the lenient real behaviour.
      (Inside quoted attribute values a stray ``&`` stays literal, as on Telegram.)
      Buttons with more than one action field are rejected (the real server
      silently uses the first one).
    * Length limit 4096 is counted in UTF-16 code units after parsing and
      trimming (so an emoji outside the BMP counts twice).
    * parse_mode ``MarkdownV2``/``Markdown`` text is accepted without
      validation; bot messages carry only the entities from HTML or from the
      ``entities`` parameter (no auto-detected URLs/commands); ``tg://user?id=``
      links become ``text_link`` (not ``text_mention``) entities.
    * Plain-``http`` webhook URLs are accepted for loopback hosts only (real
      Telegram demands HTTPS on ports 443/80/88/8443).
    * No flood control unless injected with ``fail_next``; callback and inline
      queries do not expire with time, only by being answered.
    * A second concurrent getUpdates makes the waiting one fail with 409
      ``Conflict: terminated by other getUpdates request; ...`` like Telegram.
      A long poll whose client hung up is recorded with ``ok=False``,
      ``error_code=None`` and a ``(fake) client disconnected ...`` description.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import email.parser
import email.policy
import http.client
import ipaddress
import json
import re
import select
import socket
import struct
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["ApiError", "Call", "FakeBotAPI", "parse_html", "prepare_text", "utf16_len"]

MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_INLINE_RESULTS = 50
MAX_LONG_POLL_SECONDS = 120.0
MAX_BODY_BYTES = 60 * 1024 * 1024

QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)

DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
INLINE_BUTTON_KEYS = frozenset(("text", "style", "icon_custom_emoji_id") + INLINE_BUTTON_ACTIONS)
INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)

# Parameters of the methods above whose form-encoded value is always a plain string (never
# JSON-decoded, so that a text "123" or "true" stays text).
_STRING_PARAMS = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "url",
        "secret_token",
        "ip_address",
        "language_code",
        "next_offset",
        "switch_pm_text",
        "switch_pm_parameter",
        "business_connection_id",
        "message_effect_id",
    }
)

# The methods factbot calls (python-telegram-bot's start-up, polling and webhook set-up, the
# command menu, replies, Source buttons and inline answers); anything else is 404 Not Found.
_METHODS = (
    "getMe",
    "getUpdates",
    "setWebhook",
    "deleteWebhook",
    "setMyCommands",
    "sendMessage",
    "answerCallbackQuery",
    "answerInlineQuery",
)
_CANONICAL = {name.lower(): name for name in _METHODS}


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": code, "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def envelope(self) -> dict:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, "Bad Request: " + description)


class _ClientGone(Exception):
    """The HTTP client closed the connection while we were long polling."""


@dataclass
class Call:
    """One request received by the fake server."""

    method: str
    params: dict
    ok: bool
    error_code: int | None
    description: str | None
    time: float
    result: Any = None

    def __repr__(self) -> str:
        params = json.dumps(self.params, default=repr, ensure_ascii=False)
        if len(params) > 300:
            params = params[:300] + "...(truncated)"
        status = (
            "ok" if self.ok else f"error_code={self.error_code}, description={self.description!r}"
        )
        return f"Call({self.method}, {status}, params={params})"


class _WithDescription:
    """A successful result that also carries a ``description`` (like setWebhook's)."""

    def __init__(self, result: Any, description: str):
        self.result = result
        self.description = description


# ---------------------------------------------------------------------------
# Text handling: TDLib-compatible HTML parsing, clean-up and trimming
# ---------------------------------------------------------------------------

_SPACE = frozenset(b" \t\r\n\x00\x0b\x0c")
_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_NAMED_ENTITIES = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_HIDDEN_DATA_ENTITIES = frozenset({"text_link", "text_mention", "custom_emoji"})
_ENTITY_ORDER = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 1,
    "code": 2,
    "text_link": 3,
    "text_mention": 3,
    "custom_emoji": 3,
    "bold": 4,
    "italic": 5,
    "underline": 6,
    "strikethrough": 7,
    "spoiler": 8,
}


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Telegram's offsets count)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _is_alpha(c: int) -> bool:
    return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A


def _is_alnum(c: int) -> bool:
    return _is_alpha(c) or 0x30 <= c <= 0x39


def _is_hex(c: int) -> bool:
    return 0x30 <= c <= 0x39 or 0x41 <= c <= 0x46 or 0x61 <= c <= 0x66


def _decode_html_entity(b: bytes, pos: int) -> tuple[int, int]:
    """Port of TDLib's decode_html_entity: returns (code point, end) or (0, pos)."""
    n = len(b)

    def at(i: int) -> int:
        return b[i] if i < n else 0

    end = pos + 1
    res = 0
    if at(pos + 1) == 0x23:  # '#'
        end += 1
        if at(pos + 2) == 0x78:  # 'x'
            end += 1
            while _is_hex(at(end)):
                res = res * 16 + int(chr(at(end)), 16)
                end += 1
        else:
            while 0x30 <= at(end) <= 0x39:
                res = res * 10 + at(end) - 0x30
                end += 1
        if res == 0 or res >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while _is_alpha(at(end)):
            end += 1
        res = _NAMED_ENTITIES.get(b[pos + 1 : end], 0)
        if not res:
            return 0, pos
    if at(end) == 0x3B:  # ';'
        end += 1
    return res, end


def _checked_link(url: str) -> str | None:
    """Rough equivalent of TDLib's LinkManager::get_checked_link (None = not a link)."""
    url = url.strip()
    if not url:
        return None
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", url)
    if match:
        scheme = match.group(1).lower()
        if scheme in ("tg", "ton"):
            return url
        if scheme not in ("http", "https"):
            return None
        parts = urllib.parse.urlsplit(url)
        if not parts.hostname:
            return None
        return url if parts.path else url + "/"
    if re.match(r"^[\w\-]+(\.[\w\-]+)*\.[A-Za-z]{2,}([/:?#]|$)", url):
        parts = urllib.parse.urlsplit("http://" + url)
        return "http://" + url + ("" if parts.path else "/")
    return None


def _wrong_url_reason(url: str) -> str | None:
    """None if ``url`` is acceptable for a URL button, else the reason Telegram gives."""
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", url)
    if match and match.group(1).lower() not in ("http", "https", "tg", "ton"):
        return "Unsupported URL protocol"
    if _checked_link(url) is None:
        return "Wrong HTTP URL"
    return None


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict]]:
    """Parse Bot API HTML the way TDLib does; returns (plain text, entities).

    Raises :class:`ApiError` 400 ``Bad Request: can't parse entities: ...``.
    Entity offsets/lengths are in UTF-16 code units.  No trimming is done here.
    """

    def fail(message: str) -> ApiError:
        return _bad("can't parse entities: " + message)

    try:
        b = text.encode("utf-8")
    except UnicodeEncodeError:
        raise _bad("strings must be encoded in UTF-8") from None
    n = len(b)

    def at(k: int) -> int:
        return b[k] if k < n else 0

    out = bytearray()
    utf16 = 0
    bad_surrogate = False
    nested: list[list[Any]] = []  # [tag, argument, utf16 offset, byte position in out]
    entities: list[dict] = []
    i = 0
    while i < n:
        c = b[i]
        if c == 0x26:  # '&'
            code, end = _decode_html_entity(b, i)
            if code:
                utf16 += 1 + (code > 0xFFFF)
                if 0xD800 <= code <= 0xDFFF:
                    bad_surrogate = True
                    out += "\ufffd".encode()
                else:
                    out += chr(code).encode()
                i = end
                continue
            if strict_ampersand:
                raise fail(f"Unescaped '&' at byte offset {i}; use &amp;")
        if c != 0x3C:  # not '<'
            if (c & 0xC0) != 0x80:
                utf16 += 1 + (c >= 0xF0)
            out.append(c)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != 0x2F:  # start tag
            while at(i) not in _SPACE and at(i) != 0x3E:
                i += 1
            if at(i) == 0:
                raise fail(f"Unclosed start tag at byte offset {begin}")
            tag = b[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _HTML_TAGS:
                raise fail(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            while at(i) != 0x3E:
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) == 0x3E:
                    break
                attr_begin = i
                while at(i) not in _SPACE and at(i) not in (0x3D, 0x3E):
                    i += 1
                attr_name = b[attr_begin:i].decode("utf-8", "replace")
                if not attr_name:
                    raise fail(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) != 0x3D:  # no '='
                    if tag == "blockquote" and attr_name == "expandable":
                        argument = "1"
                        if at(i) == 0:
                            raise fail(f"Unclosed start tag at byte offset {begin}")
                        continue
                    raise fail(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {begin}'
                    )
                i += 1
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) == 0:
                    raise fail(f'Unclosed start tag "{tag}" at byte offset {begin}')
                if at(i) not in (0x22, 0x27):
                    token_begin = i
                    while _is_alnum(at(i)) or at(i) in (0x2E, 0x2D):
                        i += 1
                    value = b[token_begin:i].decode("ascii").lower()
                    if at(i) not in _SPACE and at(i) != 0x3E:
                        raise fail(f"Unexpected end of name token at byte offset {token_begin}")
                else:
                    quote = at(i)
                    i += 1
                    raw = bytearray()
                    while at(i) != quote and at(i) != 0:
                        if at(i) == 0x26:
                            code, end = _decode_html_entity(b, i)
                            if code:
                                raw += chr(code).encode("utf-8", "surrogatepass")
                                i = end
                                continue
                        raw.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = raw.decode("utf-8", "replace")
                if at(i) == 0:
                    raise fail(f"Unclosed start tag at byte offset {begin}")
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[9:]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[3:]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
            if tag == "span" and argument != "spoiler":
                raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            nested.append([tag, argument, utf16, len(out)])
            i += 1  # skip '>'
            continue

        # end tag
        if not nested:
            raise fail(f"Unexpected end tag at byte offset {begin}")
        while at(i) not in _SPACE and at(i) != 0x3E:
            i += 1
        end_tag = b[begin + 2 : i].decode("utf-8", "replace").lower()
        while at(i) in _SPACE and at(i) != 0:
            i += 1
        if at(i) != 0x3E:
            raise fail(f"Unclosed end tag at byte offset {begin}")
        tag, argument, offset, byte_pos = nested[-1]
        if end_tag and end_tag != tag:
            raise fail(
                f"Unmatched end tag at byte offset {begin}, "
                f'expected "</{tag}>", found "</{end_tag}>"'
            )
        if utf16 > offset:
            length = utf16 - offset
            entity: dict[str, Any] | None = None
            if tag in ("i", "em"):
                entity = {"type": "italic"}
            elif tag in ("b", "strong"):
                entity = {"type": "bold"}
            elif tag in ("s", "strike", "del"):
                entity = {"type": "strikethrough"}
            elif tag in ("u", "ins"):
                entity = {"type": "underline"}
            elif tag in ("tg-spoiler", "span"):
                entity = {"type": "spoiler"}
            elif tag == "tg-emoji":
                try:
                    emoji_id = int(argument)
                except ValueError:
                    emoji_id = 0
                if emoji_id == 0 or not -(2**63) <= emoji_id < 2**63:
                    raise fail("Invalid custom emoji identifier specified")
                entity = {"type": "custom_emoji", "custom_emoji_id": str(emoji_id)}
            elif tag == "a":
                url = argument or out[byte_pos:].decode("utf-8", "replace")
                user = re.fullmatch(r"tg://user\?id=(\d+)", url.strip())
                if user:
                    entity = {"type": "text_link", "url": f"tg://user?id={user.group(1)}"}
                else:
                    checked = _checked_link(url)
                    if checked:
                        entity = {"type": "text_link", "url": checked}
            elif tag == "pre":
                last = entities[-1] if entities else None
                if (
                    last is not None
                    and last["type"] == "code"
                    and last["offset"] == offset
                    and last["length"] == length
                    and last.get("_language")
                ):
                    last["type"] = "pre"
                    last["language"] = last.pop("_language")
                else:
                    entity = {"type": "pre"}
            elif tag == "code":
                last = entities[-1] if entities else None
                if (
                    last is not None
                    and last["type"] == "pre"
                    and last["offset"] == offset
                    and last["length"] == length
                    and argument
                ):
                    last["language"] = argument
                else:
                    entity = {"type": "code", "_language": argument}
            elif tag == "blockquote":
                entity = {"type": "expandable_blockquote" if argument else "blockquote"}
            if entity is not None:
                entity["offset"] = offset
                entity["length"] = length
                entities.append(entity)
        nested.pop()
        i += 1
    if nested:
        raise fail(f'Can\'t find end tag corresponding to start tag "{nested[-1][0]}"')
    if bad_surrogate:
        raise fail(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        )
    for entity in entities:
        entity.pop("_language", None)
    entities = [_ordered_entity(e) for e in entities]
    entities.sort(key=lambda e: (e["offset"], -e["length"], _ENTITY_ORDER.get(e["type"], 9)))
    return out.decode("utf-8"), entities


def _ordered_entity(entity: dict) -> dict:
    ordered = {"type": entity["type"], "offset": entity["offset"], "length": entity["length"]}
    for key, value in entity.items():
        ordered.setdefault(key, value)
    return ordered


def _clean_and_trim(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Telegram's clean-up of message text: control chars -> ' ', drop '\\r' and a few
    invisible characters, trim spaces/newlines at both ends, fix entity offsets."""
    out: list[str] = []
    mapping: list[int] = []  # old UTF-16 offset -> new UTF-16 offset
    pos = 0
    for ch in text:
        cp = ord(ch)
        width = 2 if cp > 0xFFFF else 1
        mapping.extend([pos] * width)
        if cp == 0x0D or 0x2028 <= cp <= 0x202E or cp in (0x0333, 0x033F, 0x030A):
            continue
        if cp < 0x20 and cp != 0x0A:
            ch = " "
        out.append(ch)
        pos += width
    mapping.append(pos)
    cleaned = "".join(out)
    old_len = len(mapping) - 1

    stripped = cleaned.strip(" \n")
    if not stripped:
        return "", []
    lead = utf16_len(cleaned[: len(cleaned) - len(cleaned.lstrip(" \n"))])
    end_limit = lead + utf16_len(stripped)
    units = stripped.encode("utf-16-le", "surrogatepass")

    fixed: list[dict] = []
    for entity in entities:
        try:
            offset = int(entity["offset"])
            length = int(entity["length"])
        except (KeyError, TypeError, ValueError):
            continue
        if offset < 0 or length <= 0 or offset >= old_len:
            continue
        start = max(mapping[offset], lead)
        end = min(mapping[min(offset + length, old_len)], end_limit)
        if end <= start:
            continue
        start -= lead
        end -= lead
        covered = units[2 * start : 2 * end].decode("utf-16-le", "replace")
        if entity.get("type") not in _HIDDEN_DATA_ENTITIES and not covered.strip(" \n"):
            continue
        new = dict(entity)
        new["offset"] = start
        new["length"] = end - start
        fixed.append(new)
    return stripped, fixed


def prepare_text(
    text: Any,
    parse_mode: Any = None,
    entities: Any = None,
    *,
    empty_description: str = "message text is empty",
    strict_ampersand: bool = True,
    max_length: int = MAX_MESSAGE_LENGTH,
) -> tuple[str, list[dict]]:
    """Validate message text like sendMessage does; returns (plain text, entities)."""
    if text is None or text == "":
        raise _bad(empty_description)
    if not isinstance(text, str):
        text = json.dumps(text) if not isinstance(text, (int, float)) else str(text)
    if entities not in (None, "", []):
        if isinstance(entities, str):
            try:
                entities = json.loads(entities)
            except ValueError:
                raise _bad("can't parse entities JSON object") from None
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise _bad("can't parse entities JSON object")
        for entity in entities:
            if not isinstance(entity.get("type"), str):
                raise _bad('can\'t parse MessageEntity: Field "type" must be of type String')
            if not isinstance(entity.get("offset"), int) or not isinstance(
                entity.get("length"), int
            ):
                raise _bad('can\'t parse MessageEntity: Field "offset" must be of type Number')
        plain, parsed = text, [dict(e) for e in entities]
        try:
            plain.encode("utf-8")
        except UnicodeEncodeError:
            raise _bad("strings must be encoded in UTF-8") from None
    elif parse_mode in (None, ""):
        plain, parsed = text, []
        try:
            plain.encode("utf-8")
        except UnicodeEncodeError:
            raise _bad("strings must be encoded in UTF-8") from None
    elif str(parse_mode).lower() == "html":
        plain, parsed = parse_html(text, strict_ampersand=strict_ampersand)
    elif str(parse_mode).lower() in ("markdownv2", "markdown"):
        plain, parsed = text, []  # accepted without validation (see module docstring)
    else:
        raise _bad(f'unsupported parse_mode "{parse_mode}"')
    plain, parsed = _clean_and_trim(plain, parsed)
    if not plain:
        raise _bad("message must be non-empty")
    if utf16_len(plain) > max_length:
        raise _bad("message is too long")
    return plain, parsed


# ---------------------------------------------------------------------------
# Reply markup validation
# ---------------------------------------------------------------------------


def _validate_inline_button(button: Any) -> dict:
    prefix = "can't parse inline keyboard button: "
    if not isinstance(button, dict):
        raise _bad(prefix + "InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise _bad(prefix + 'Can\'t find field "text"')
    if not isinstance(button["text"], str):
        raise _bad(prefix + 'Field "text" must be of type String')
    if not button["text"].strip():
        raise _bad("BUTTON_TEXT_INVALID")
    actions = []
    for key in INLINE_BUTTON_ACTIONS:
        value = button.get(key)
        if value is None or (key in ("callback_data", "url") and value == ""):
            continue
        actions.append(key)
    if not actions:
        raise _bad(prefix + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _bad(
            prefix
            + "exactly one of the optional fields must be used, got "
            + ", ".join(f'"{a}"' for a in actions)
        )
    action = actions[0]
    value = button[action]
    if action == "callback_data":
        if not isinstance(value, str):
            raise _bad(prefix + 'Field "callback_data" must be of type String')
        if not 1 <= len(value.encode("utf-8")) <= 64:
            raise _bad("BUTTON_DATA_INVALID")
    elif action == "url":
        if not isinstance(value, str):
            raise _bad(prefix + 'Field "url" must be of type String')
        reason = _wrong_url_reason(value)
        if reason:
            raise _bad(f"inline keyboard button URL '{value}' is invalid: {reason}")
    elif action in ("switch_inline_query", "switch_inline_query_current_chat", "copy_text"):
        if action == "copy_text" and (
            not isinstance(value, dict) or not isinstance(value.get("text"), str)
        ):
            raise _bad(prefix + 'Field "copy_text" must be of type Object')
        if action != "copy_text" and not isinstance(value, str):
            raise _bad(prefix + f'Field "{action}" must be of type String')
    elif action in (
        "web_app",
        "login_url",
        "switch_inline_query_chosen_chat",
        "callback_game",
    ) and not isinstance(value, dict):
        raise _bad(prefix + f'Field "{action}" must be of type Object')
    return {k: v for k, v in button.items() if k in INLINE_BUTTON_KEYS and v is not None}


def _validate_reply_markup(markup: Any, *, inline_only: bool = False) -> dict | None:
    """Validate reply_markup; returns the normalised inline keyboard to echo, or None."""
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except ValueError:
            raise _bad("can't parse reply keyboard markup JSON object") from None
    if not isinstance(markup, dict):
        raise _bad("object expected as reply markup")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list):
            raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
        result_rows = []
        total = 0
        for row in rows:
            if not isinstance(row, list):
                raise _bad(
                    'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
                )
            result_rows.append([_validate_inline_button(button) for button in row])
            total += len(row)
        if total > 100:
            raise _bad("reply markup is too long")
        return {"inline_keyboard": result_rows}
    if inline_only:
        raise _bad("can't parse inline keyboard markup JSON object")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays')
        for row in rows:
            for button in row:
                text = (
                    button
                    if isinstance(button, str)
                    else (button.get("text") if isinstance(button, dict) else None)
                )
                if not isinstance(text, str):
                    raise _bad('can\'t parse keyboard button: Field "text" must be of type String')
        return None
    if "remove_keyboard" in markup or "force_reply" in markup:
        return None
    raise _bad("can't parse reply keyboard markup JSON object")


# ---------------------------------------------------------------------------
# HTTP plumbing
# ---------------------------------------------------------------------------


def _decode_form_value(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _client_gone(sock: socket.socket) -> bool:
    """True if the peer closed the connection (checked without consuming data)."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        if not readable:
            return False
        return sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False
    fake: FakeBotAPI


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeTelegramBotAPI/1.0"
    sys_version = ""
    timeout = 60  # idle keep-alive connections are dropped after this
    server: _Server

    def setup(self) -> None:
        super().setup()
        # headers and body are separate writes: avoid Nagle + delayed-ACK stalls
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reset_connection = False
        self.server.fake._register_connection(self.connection)

    def finish(self) -> None:
        try:
            if self.reset_connection:
                self.connection.close()  # SO_LINGER 0 is set: the final close sends a RST
            super().finish()
        except OSError:
            pass
        finally:
            self.server.fake._unregister_connection(self.connection)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        self.server.fake._handle_http(self)

    do_GET = do_POST


# ---------------------------------------------------------------------------
# The fake server
# ---------------------------------------------------------------------------


def _json_array(params: dict, key: str, parse_error: str) -> list:
    """A parameter that must be a JSON array (PTB sends nested objects as JSON strings)."""
    value = params.get(key)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise _bad(parse_error) from None
    if not isinstance(value, list):
        raise _bad(f'field "{key}" must be an Array')
    return value


class FakeBotAPI:
    """Fake Telegram Bot API server; see the module docstring for the full API."""

    first_name = "Factbot Test"
    strict_ampersand = True

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        username: str = "factbot_test_bot",
        bot_id: int = 123456,
        backlog: int = 256,
    ):
        self.token = token
        self.username = username
        self.bot_id = bot_id
        self.backlog = backlog  # listen backlog: a burst of new connections must not be dropped
        self.calls: list[Call] = []

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._stop_event = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._active_requests = 0

        self._updates: list[dict] = []
        self._next_update_id = 1
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0

        self._chats: dict[int, dict] = {}
        self._users: dict[int, dict] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._bot_messages: dict[tuple[int, int], int | None] = {}  # key -> replied message id
        self._last_message_id: dict[int, int] = {}

        self._callback_queries: dict[str, dict] = {}
        self._inline_queries: dict[str, dict] = {}
        self._query_counter = 0

        self._webhook: dict[str, Any] = {"url": "", "secret_token": None}
        self._commands: dict[tuple[str, str], list[dict]] = {}
        self._failures: list[dict] = []

        self._handlers: dict[str, Callable[[dict, Any], Any]] = {
            "getMe": self._m_get_me,
            "getUpdates": self._m_get_updates,
            "setWebhook": self._m_set_webhook,
            "deleteWebhook": self._m_delete_webhook,
            "setMyCommands": self._m_set_my_commands,
            "sendMessage": self._m_send_message,
            "answerCallbackQuery": self._m_answer_callback_query,
            "answerInlineQuery": self._m_answer_inline_query,
        }

    # -- lifecycle ------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        with self._lock:
            if self._server is not None:
                return self
            self._stop_event.clear()
            server = _Server(("127.0.0.1", 0), _Handler, bind_and_activate=False)
            server.request_queue_size = self.backlog
            try:
                server.server_bind()
                server.server_activate()
            except OSError:
                server.server_close()
                raise
            server.fake = self
            self._server = server
            self._thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.01},  # bounds how long stop() waits
                name="FakeBotAPI",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            server, thread = self._server, self._thread
            if server is None:
                return
            self._stop_event.set()
            self._cond.notify_all()
            deadline = time.monotonic() + 2.0
            while self._active_requests and time.monotonic() < deadline:
                self._cond.wait(0.02)
        server.shutdown()
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if thread is not None:
            thread.join(timeout=2.0)
        with self._cond:
            deadline = time.monotonic() + 2.0
            while self._connections and time.monotonic() < deadline:
                self._cond.wait(0.02)
            self._server = None
            self._thread = None

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def _register_connection(self, sock: socket.socket) -> None:
        with self._lock:
            self._connections.add(sock)

    def _unregister_connection(self, sock: socket.socket) -> None:
        with self._cond:
            self._connections.discard(sock)
            self._cond.notify_all()

    # -- objects ----------------------------------------------------------------

    def bot_user(self) -> dict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def _user(self, user_id: int, first_name: str = "Ann", language_code: str = "en") -> dict:
        user = self._users.get(user_id)
        if user is None:
            user = {"id": user_id, "is_bot": False, "first_name": first_name}
            if language_code:
                user["language_code"] = language_code
            self._users[user_id] = user
        return copy.deepcopy(user)

    def add_chat(self, chat_id: int, chat_type: str = "private", **fields: Any) -> dict:
        """Make a chat known to the fake (so the bot may write to it)."""
        with self._lock:
            chat = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = fields.pop("first_name", "Ann")
            else:
                chat["title"] = fields.pop("title", f"Test {chat_type} {chat_id}")
            chat.update(fields)
            self._chats[chat_id] = chat
            return copy.deepcopy(chat)

    def _register_chat(self, chat: Any) -> None:
        if isinstance(chat, dict) and isinstance(chat.get("id"), int):
            known = self._chats.setdefault(chat["id"], {})
            known.update(copy.deepcopy(chat))

    def _register_message(self, message: Any) -> None:
        if not isinstance(message, dict):
            return
        chat = message.get("chat")
        self._register_chat(chat)
        sender = message.get("from")
        if (
            isinstance(sender, dict)
            and isinstance(sender.get("id"), int)
            and not sender.get("is_bot")
        ):
            self._users.setdefault(sender["id"], copy.deepcopy(sender))
        mid = message.get("message_id")
        if isinstance(chat, dict) and isinstance(chat.get("id"), int) and isinstance(mid, int):
            key = (chat["id"], mid)
            if key not in self._bot_messages:
                stored = copy.deepcopy(message)
                stored.pop("reply_to_message", None)
                self._messages[key] = stored
            self._last_message_id[chat["id"]] = max(self._last_message_id.get(chat["id"], 0), mid)

    def _next_message_id(self, chat_id: int) -> int:
        mid = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = mid
        return mid

    def _new_query_id(self) -> str:
        self._query_counter += 1
        return str(4_382_000_000_000_000_000 + self._query_counter * 7919)

    # -- feeding updates --------------------------------------------------------

    def push_update(self, update: dict) -> dict:
        if not isinstance(update, dict):
            raise TypeError("update must be a dict")
        with self._cond:
            stored = copy.deepcopy(update)
            stored["update_id"] = self._next_update_id
            self._next_update_id += 1
            for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
                self._register_message(stored.get(key))
            cq = stored.get("callback_query")
            if isinstance(cq, dict) and cq.get("id") is not None:
                self._callback_queries.setdefault(
                    str(cq["id"]), {"answered": False, "answer": None}
                )
            iq = stored.get("inline_query")
            if isinstance(iq, dict) and iq.get("id") is not None:
                self._inline_queries.setdefault(
                    str(iq["id"]),
                    {
                        "answered": False,
                        "answer": None,
                        "query": iq.get("query", ""),
                        "user_id": (iq.get("from") or {}).get("id"),
                    },
                )
            self._updates.append(stored)
            self._cond.notify_all()
            return copy.deepcopy(stored)

    def push_message(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str = "private",
        user_id: int = 1000,
        first_name: str = "Ann",
        language_code: str = "en",
        reply_to_message_id: int | None = None,
        entities: list[dict] | None = None,
        edited: bool = False,
        extra: dict | None = None,
    ) -> dict:
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None or chat.get("type") != chat_type:
                chat = {"id": chat_id, "type": chat_type}
                if chat_type == "private":
                    chat["first_name"] = first_name
                else:
                    chat["title"] = f"Test {chat_type} {chat_id}"
                self._chats[chat_id] = chat
            user = self._user(user_id, first_name, language_code)
            extra = dict(extra or {})
            now = int(time.time())
            if edited:
                mid = extra.pop("message_id", None)
                if mid is None:
                    own = [
                        m
                        for (c, m), msg in self._messages.items()
                        if c == chat_id and (msg.get("from") or {}).get("id") == user_id
                    ]
                    if not own:
                        raise ValueError(
                            f"edited=True but user {user_id} has no message in chat {chat_id}; "
                            "pass extra={'message_id': ...}"
                        )
                    mid = max(own)
                original = self._messages.get((chat_id, mid), {})
                date = original.get("date", now)
            else:
                mid = extra.pop("message_id", None) or self._next_message_id(chat_id)
                date = now
            message: dict[str, Any] = {"message_id": mid}
            if chat_type == "channel":
                message["sender_chat"] = copy.deepcopy(chat)
            else:
                message["from"] = user
            message["chat"] = copy.deepcopy(chat)
            message["date"] = date
            if edited:
                message["edit_date"] = now
            if reply_to_message_id is not None:
                replied = self._messages.get((chat_id, reply_to_message_id))
                if replied is None:
                    raise ValueError(
                        f"reply_to_message_id={reply_to_message_id} is not a known message of chat "
                        f"{chat_id}; known: {sorted(m for c, m in self._messages if c == chat_id)}"
                    )
                replied = copy.deepcopy(replied)
                replied.pop("reply_to_message", None)
                message["reply_to_message"] = replied
            message["text"] = text
            found = entities if entities is not None else self._detect_entities(text)
            if found:
                message["entities"] = copy.deepcopy(found)
            message.update(extra)
            if chat_type == "channel":
                key = "edited_channel_post" if edited else "channel_post"
            else:
                key = "edited_message" if edited else "message"
            return self.push_update({key: message})

    @staticmethod
    def _detect_entities(text: str) -> list[dict]:
        entities: list[dict] = []
        command_end = 0
        match = re.match(r"/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])", text)
        if match:
            entities.append(
                {"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}
            )
            command_end = match.end()
        for mention in re.finditer(r"(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{3,32}(?![A-Za-z0-9_])", text):
            if mention.start() < command_end:
                continue
            entities.append(
                {
                    "type": "mention",
                    "offset": utf16_len(text[: mention.start()]),
                    "length": utf16_len(mention.group(0)),
                }
            )
        return entities

    def push_callback_query(
        self, message_id: int, data: str, *, chat_id: int, user_id: int = 1000
    ) -> dict:
        with self._lock:
            key = (chat_id, message_id)
            if key not in self._bot_messages:
                known = sorted(m for c, m in self._bot_messages if c == chat_id)
                raise ValueError(
                    f"message {message_id} in chat {chat_id} was not sent by the bot "
                    f"(bot messages in that chat: {known})"
                )
            qid = self._new_query_id()
            query = {
                "id": qid,
                "from": self._user(user_id),
                "message": copy.deepcopy(self._messages[key]),
                "chat_instance": str(
                    -7_000_000_000_000_000 - chat_id * 31
                    if chat_id < 0
                    else 7_000_000_000_000_000 + chat_id * 31
                ),
                "data": data,
            }
            return self.push_update({"callback_query": query})

    def push_inline_query(self, query: str, *, user_id: int = 1000) -> dict:
        with self._lock:
            qid = self._new_query_id()
            inline = {"id": qid, "from": self._user(user_id), "query": query, "offset": ""}
            return self.push_update({"inline_query": inline})

    # -- inspection -------------------------------------------------------------

    def calls_since(self, seen: int) -> list[Call]:
        """The calls after the first ``seen`` (to follow them as they come, without rescans)."""
        with self._lock:
            return self.calls[seen:]

    def calls_of(self, method: str, ok: bool | None = True) -> list[Call]:
        method = _CANONICAL.get(method.lower(), method)
        with self._lock:
            return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    def _matching(self, method: str, predicate: Callable[[Call], bool] | None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and c.ok and (predicate is None or predicate(c))
        ]

    def _timeout_message(
        self, method: str, count: int, got: int, timeout: float, predicate: Any
    ) -> str:
        lines = [
            f"timed out after {timeout}s waiting for {count} successful {method} call(s)"
            + (" matching the predicate" if predicate is not None else "")
            + f"; got {got}. Last calls:"
        ]
        recent = self.calls[-15:]
        if not recent:
            lines.append("  (no calls at all)")
        for c in recent:
            params = json.dumps(c.params, default=repr, ensure_ascii=False)
            if len(params) > 200:
                params = params[:200] + "..."
            status = "ok" if c.ok else f"ERROR {c.error_code}: {c.description}"
            lines.append(f"  {c.method} -> {status}  params={params}")
        return "\n".join(lines)

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        method = _CANONICAL.get(method.lower(), method)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                matches = self._matching(method, predicate)
                if len(matches) >= count:
                    return matches
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        self._timeout_message(method, count, len(matches), timeout, predicate)
                    )
                self._cond.wait(remaining)

    async def wait_for_async(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - mirrors wait_for()
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Like :meth:`wait_for` but awaits (polls) instead of blocking the event loop."""
        method = _CANONICAL.get(method.lower(), method)
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                matches = self._matching(method, predicate)
                if len(matches) >= count:
                    return matches
                if time.monotonic() >= deadline:
                    raise TimeoutError(
                        self._timeout_message(method, count, len(matches), timeout, predicate)
                    )
            await asyncio.sleep(0.01)

    @property
    def pending_updates(self) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._updates)

    @property
    def webhook(self) -> dict:
        with self._lock:
            return copy.deepcopy(self._webhook)

    # -- fault injection --------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str = "",
        retry_after: int | None = None,
        times: int = 1,
        kind: str = "json",
    ) -> None:
        delay = None
        if kind.startswith(("delay:", "hang:")):
            delay = float(kind.split(":", 1)[1])
            if delay < 0:
                raise ValueError("delay must be >= 0")
            kind = kind.split(":", 1)[0]
        elif kind not in ("json", "malformed", "reset"):
            raise ValueError(
                f"unknown kind {kind!r}; use json, malformed, reset, delay:<s> or hang:<s>"
            )
        if times < 1:
            raise ValueError("times must be >= 1")
        if status == 429 and retry_after is None:
            retry_after = 1
        if not description:
            if status == 429:
                description = f"Too Many Requests: retry after {retry_after}"
            elif status == 403:
                description = "Forbidden: bot was blocked by the user"
            elif status == 409:
                description = POLL_CONFLICT
            else:
                try:
                    description = HTTPStatus(status).phrase
                except ValueError:
                    description = f"Error {status}"
        method = method if method == "*" else _CANONICAL.get(method.lower(), method)
        with self._lock:
            self._failures.append(
                {
                    "method": method,
                    "status": status,
                    "description": description,
                    "retry_after": retry_after,
                    "remaining": times,
                    "kind": kind,
                    "delay": delay,
                }
            )

    def clear_failures(self) -> None:
        """Forget every failure ``fail_next`` queued that has not happened yet."""
        with self._lock:
            self._failures.clear()

    def _take_failure(self, method: str) -> dict | None:
        with self._lock:
            for rule in self._failures:
                if rule["method"] in ("*", method):
                    rule["remaining"] -= 1
                    if rule["remaining"] <= 0:
                        self._failures.remove(rule)
                    return dict(rule)
        return None

    # -- webhook helper ---------------------------------------------------------

    def deliver_webhook(
        self, url: str, update: dict, secret: str | None = None, timeout: float = 5.0
    ) -> int:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"deliver_webhook only supports http:// URLs, got {url!r}")
        host = parts.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ValueError(f"deliver_webhook only talks to loopback hosts, got {host!r}")
        payload = copy.deepcopy(update)
        with self._lock:
            if "update_id" not in payload:
                payload["update_id"] = self._next_update_id
                self._next_update_id += 1
        body = json.dumps(payload).encode("utf-8")
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn = http.client.HTTPConnection(host, parts.port or 80, timeout=timeout)
        try:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        finally:
            conn.close()
        if 200 <= status < 300:
            with self._lock:
                self._updates = [u for u in self._updates if u["update_id"] != payload["update_id"]]
        return status

    # -- HTTP handling ----------------------------------------------------------

    def _record(
        self,
        method: str,
        params: dict,
        arrived: float,
        *,
        ok: bool,
        error_code: int | None = None,
        description: str | None = None,
        result: Any = None,
    ) -> None:
        with self._cond:
            self.calls.append(Call(method, params, ok, error_code, description, arrived, result))
            self._cond.notify_all()

    @staticmethod
    def _send_json(
        handler: _Handler, status: int, body: dict | bytes, *, close: bool = False
    ) -> None:
        data = (
            body
            if isinstance(body, bytes)
            else json.dumps(body, ensure_ascii=False).encode("utf-8")
        )
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        if close:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        try:
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:  # the client went away; nothing left to tell it
            handler.close_connection = True

    @staticmethod
    def _read_body(handler: _Handler) -> bytes:
        if "chunked" in handler.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            size_total = 0
            while True:
                line = handler.rfile.readline(65537)
                try:
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                except ValueError:
                    raise _bad("invalid chunked request body") from None
                if size == 0:
                    while handler.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                size_total += size
                if size_total > MAX_BODY_BYTES:
                    raise ApiError(413, "Request Entity Too Large")
                chunks.append(handler.rfile.read(size))
                handler.rfile.readline(65537)
            return b"".join(chunks)
        try:
            length = int(handler.headers.get("Content-Length") or 0)
        except ValueError:
            raise _bad("invalid Content-Length") from None
        if length > MAX_BODY_BYTES:
            raise ApiError(413, "Request Entity Too Large")
        return handler.rfile.read(length) if length > 0 else b""

    @staticmethod
    def _parse_params(headers: Any, body: bytes, query: str) -> dict:
        params: dict[str, Any] = {}
        for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
            params[key] = _decode_form_value(key, value)
        if not body:
            return params
        content_type = headers.get("Content-Type", "")
        mime = content_type.split(";")[0].strip().lower()
        if mime == "application/json":
            try:
                data = json.loads(body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise _bad("can't parse JSON encoded request body") from None
            if not isinstance(data, dict):
                raise _bad("JSON request body must be an Object")
            params.update(data)
        elif mime == "multipart/form-data":
            raw = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
            if not message.is_multipart():
                raise _bad("can't parse multipart/form-data request body")
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if not name or not isinstance(name, str):
                    continue
                payload = part.get_payload(decode=True)
                if not isinstance(payload, bytes):
                    payload = b""
                filename = part.get_filename()
                if filename is not None:
                    params[name] = {
                        "filename": filename,
                        "content_type": part.get_content_type(),
                        "data": payload,
                    }
                else:
                    charset = part.get_content_charset() or "utf-8"
                    params[name] = _decode_form_value(name, payload.decode(charset, "replace"))
        else:  # x-www-form-urlencoded, or no content type at all
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise _bad("strings must be encoded in UTF-8") from None
            for key, value in urllib.parse.parse_qsl(text, keep_blank_values=True):
                params[key] = _decode_form_value(key, value)
        return params

    def _handle_http(self, handler: _Handler) -> None:
        arrived = time.time()
        with self._lock:
            self._active_requests += 1
        try:
            self._dispatch(handler, arrived)
        finally:
            with self._cond:
                self._active_requests -= 1
                self._cond.notify_all()

    def _dispatch(self, handler: _Handler, arrived: float) -> None:
        path, _, query = handler.path.partition("?")
        try:
            body = self._read_body(handler)
        except ApiError as err:
            self._record(
                path, {}, arrived, ok=False, error_code=err.code, description=err.description
            )
            self._send_json(handler, err.code, err.envelope(), close=True)
            return
        match = re.fullmatch(r"/bot([^/]*)/([^/]*)", path)
        if not match:
            failure = ApiError(404, "Not Found")
            self._record(path, {}, arrived, ok=False, error_code=404, description="Not Found")
            self._send_json(handler, 404, failure.envelope())
            return
        token = urllib.parse.unquote(match.group(1))
        raw_method = urllib.parse.unquote(match.group(2))
        method = _CANONICAL.get(raw_method.lower(), raw_method)
        stopping = self._stop_event.is_set()
        try:
            params = self._parse_params(handler.headers, body, query)
        except ApiError as err:
            self._record(
                method, {}, arrived, ok=False, error_code=err.code, description=err.description
            )
            self._send_json(handler, err.code, err.envelope(), close=stopping)
            return

        if token != self.token:
            failure = ApiError(401, "Unauthorized")
            self._record(
                method, params, arrived, ok=False, error_code=401, description="Unauthorized"
            )
            self._send_json(handler, 401, failure.envelope(), close=stopping)
            return

        rule = self._take_failure(method)
        if rule is not None:
            kind = rule["kind"]
            if kind == "delay":
                self._stop_event.wait(rule["delay"])
            elif kind == "hang":
                self._stop_event.wait(rule["delay"])
                self._record(
                    method,
                    params,
                    arrived,
                    ok=False,
                    error_code=None,
                    description="(fake) no answer: connection closed",
                )
                handler.close_connection = True
                return
            elif kind == "json":
                failure = ApiError(rule["status"], rule["description"], rule["retry_after"])
                self._record(
                    method,
                    params,
                    arrived,
                    ok=False,
                    error_code=failure.code,
                    description=failure.description,
                )
                self._send_json(handler, failure.code, failure.envelope(), close=stopping)
                return
            elif kind == "malformed":
                self._record(
                    method,
                    params,
                    arrived,
                    ok=False,
                    error_code=rule["status"],
                    description="(fake) malformed response body",
                )
                self._send_json(
                    handler, rule["status"], b'{"ok": true, "result": <html>Bad Gateway', close=True
                )
                return
            elif kind == "reset":
                self._record(
                    method,
                    params,
                    arrived,
                    ok=False,
                    error_code=None,
                    description="(fake) connection reset",
                )
                with contextlib.suppress(OSError):
                    handler.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                handler.reset_connection = True
                handler.close_connection = True
                return

        function = self._handlers.get(method)
        if function is None:
            failure = ApiError(404, "Not Found")
            self._record(method, params, arrived, ok=False, error_code=404, description="Not Found")
            self._send_json(handler, 404, failure.envelope(), close=stopping)
            return
        try:
            with self._lock:
                result = function(params, handler)
        except ApiError as err:
            self._record(
                method, params, arrived, ok=False, error_code=err.code, description=err.description
            )
            self._send_json(handler, err.code, err.envelope(), close=self._stop_event.is_set())
            return
        except _ClientGone:
            self._record(
                method,
                params,
                arrived,
                ok=False,
                error_code=None,
                description="(fake) client disconnected before the answer",
            )
            handler.close_connection = True
            return
        except Exception as exc:  # a bug in the fake: make it loud but keep serving
            description = f"Internal Server Error: fake server bug: {exc!r}"
            self._record(method, params, arrived, ok=False, error_code=500, description=description)
            self._send_json(
                handler, 500, {"ok": False, "error_code": 500, "description": description}
            )
            return
        body_out: dict[str, Any] = {"ok": True}
        if isinstance(result, _WithDescription):
            body_out["result"] = result.result
            body_out["description"] = result.description
            result = result.result
        else:
            body_out["result"] = result
        self._record(method, params, arrived, ok=True, result=copy.deepcopy(result))
        self._send_json(handler, 200, body_out, close=self._stop_event.is_set())

    # -- helpers for methods ----------------------------------------------------

    def _resolve_chat(self, params: dict, key: str = "chat_id") -> dict:
        value = params.get(key)
        if value is None or value == "":
            raise _bad(f"{key} is empty")
        if isinstance(value, bool):
            raise _bad("chat not found")
        if isinstance(value, str):
            if value.startswith("@"):
                wanted = value[1:].lower()
                for chat in self._chats.values():
                    if str(chat.get("username", "")).lower() == wanted:
                        return chat
                raise _bad("chat not found")
            try:
                value = int(value)
            except ValueError:
                raise _bad("chat not found") from None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or value not in self._chats:
            raise _bad("chat not found")
        return self._chats[value]

    @staticmethod
    def _int_param(params: dict, key: str, default: int | None = None) -> int | None:
        value = params.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            raise _bad(f'field "{key}" must be of type Integer')
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _bad(f'field "{key}" must be of type Integer') from None

    def _prepare(
        self, text: Any, parse_mode: Any, entities: Any, **kwargs: Any
    ) -> tuple[str, list[dict]]:
        return prepare_text(
            text, parse_mode, entities, strict_ampersand=self.strict_ampersand, **kwargs
        )

    def _resolve_reply(self, params: dict, chat_id: int) -> int | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, str):
            try:
                reply = json.loads(reply)
            except ValueError:
                raise _bad("can't parse reply parameters JSON object") from None
        if reply is None and params.get("reply_to_message_id") not in (None, "", 0):
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if reply is None:
            return None
        if not isinstance(reply, dict):
            raise _bad("can't parse reply parameters JSON object")
        try:
            message_id = int(reply["message_id"])
        except (KeyError, TypeError, ValueError):
            raise _bad("message to be replied not found") from None
        target_chat = chat_id
        if reply.get("chat_id") not in (None, ""):
            target_chat = self._resolve_chat(reply)["id"]
        allow = reply.get(
            "allow_sending_without_reply", params.get("allow_sending_without_reply", False)
        )
        if (target_chat, message_id) not in self._messages:
            if allow is True or allow == "true":
                return None
            raise _bad("message to be replied not found")
        return message_id if target_chat == chat_id else None

    # -- methods ----------------------------------------------------------------

    def _m_get_me(self, params: dict, handler: Any) -> dict:
        me = self.bot_user()
        me.update(
            {
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )
        return me

    def _update_type(self, update: dict) -> str:
        return next((k for k in update if k != "update_id"), "")

    def _deliverable(self, limit: int) -> list[dict]:
        excluded = DEFAULT_EXCLUDED_UPDATES
        allowed = None if not self._allowed_updates else set(self._allowed_updates)
        kept = []
        for update in self._updates:
            kind = self._update_type(update)
            if (allowed is not None and kind not in allowed) or (
                allowed is None and kind in excluded
            ):
                continue  # Telegram drops update types the bot did not ask for
            kept.append(update)
        self._updates = kept
        return copy.deepcopy(kept[:limit])

    def _m_get_updates(self, params: dict, handler: Any) -> list[dict]:
        if self._webhook["url"]:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = self._int_param(params, "offset", 0) or 0
        limit = min(max(self._int_param(params, "limit", 100) or 100, 1), 100)
        try:
            timeout = float(params.get("timeout") or 0)
        except (TypeError, ValueError):
            raise _bad('field "timeout" must be of type Integer') from None
        timeout = min(max(timeout, 0.0), MAX_LONG_POLL_SECONDS)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(a) for a in allowed]

        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

        self._poll_generation += 1
        generation = self._poll_generation
        deadline = time.monotonic() + timeout
        sock = getattr(handler, "connection", None)
        while True:
            result = self._deliverable(limit)
            if result or self._stop_event.is_set():
                return result
            if generation != self._poll_generation:
                if sock is not None and _client_gone(sock):
                    raise _ClientGone()
                raise ApiError(409, POLL_CONFLICT)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._cond.wait(min(remaining, 0.05))
            if sock is not None and _client_gone(sock):
                raise _ClientGone()

    def _m_set_webhook(self, params: dict, handler: Any) -> _WithDescription:
        url = params.get("url") or ""
        if not isinstance(url, str):
            raise _bad('field "url" must be of type String')
        if not url:
            return self._m_delete_webhook(params, handler)
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if parts.scheme not in ("http", "https") or not host:
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        if parts.scheme == "http" and not loopback:
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        if not loopback and (parts.port or 443) not in (80, 88, 443, 8443):
            raise _bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        secret = params.get("secret_token")
        if secret not in (None, ""):
            secret = str(secret)
            if len(secret) > 256:
                raise _bad("secret token is too long")
            if not re.fullmatch(r"[A-Za-z0-9_\-]+", secret):
                raise _bad("secret token contains unallowed characters")
        else:
            secret = None
        value = self._int_param(params, "max_connections", 40)
        max_connections = 40 if value is None else value
        if not 1 <= max_connections <= 100:
            max_connections = min(max(max_connections, 1), 100)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(a) for a in allowed]
        if params.get("drop_pending_updates") in (True, "true"):
            self._updates = []
        new = {
            "url": url,
            "secret_token": secret,
            "max_connections": max_connections,
            "ip_address": params.get("ip_address"),
        }
        unchanged = all(self._webhook.get(k) == v for k, v in new.items())
        self._webhook = new
        self._cond.notify_all()
        return _WithDescription(True, "Webhook is already set" if unchanged else "Webhook was set")

    def _m_delete_webhook(self, params: dict, handler: Any) -> _WithDescription:
        if params.get("drop_pending_updates") in (True, "true"):
            self._updates = []
        was_set = bool(self._webhook["url"])
        self._webhook = {"url": "", "secret_token": None}
        return _WithDescription(
            True, "Webhook was deleted" if was_set else "Webhook is already deleted"
        )

    def _commands_key(self, params: dict) -> tuple[str, str]:
        scope = params.get("scope")
        if isinstance(scope, str):
            try:
                scope = json.loads(scope)
            except ValueError:
                raise _bad("can't parse BotCommandScope JSON object") from None
        if scope is None:
            scope = {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in COMMAND_SCOPES:
            raise _bad("unsupported bot command scope type specified")
        if scope["type"] in ("chat", "chat_administrators", "chat_member"):
            self._resolve_chat(scope)
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise _bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True), str(language)

    def _m_set_my_commands(self, params: dict, handler: Any) -> bool:
        commands = _json_array(params, "commands", "can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        cleaned = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad("can't parse BotCommand: BotCommand must be an Object")
            for field in ("command", "description"):
                if field not in command:
                    raise _bad(f"can't parse BotCommand: Can't find field \"{field}\"")
                if not isinstance(command[field], str):
                    raise _bad(f'can\'t parse BotCommand: Field "{field}" must be of type String')
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise _bad("BOT_COMMAND_INVALID")
            description = command["description"].strip()
            if not description:
                raise _bad("command description must be non-empty")
            if len(description) > 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": command["command"], "description": description})
        key = self._commands_key(params)
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    def _m_send_message(self, params: dict, handler: Any) -> dict:
        if params.get("chat_id") in (None, ""):
            raise _bad("chat_id is empty")
        markup = None
        if params.get("reply_markup") not in (None, ""):
            markup = _validate_reply_markup(params["reply_markup"])
        if params.get("text") in (None, ""):
            raise _bad("message text is empty")
        text, entities = self._prepare(
            params["text"], params.get("parse_mode"), params.get("entities")
        )
        chat = self._resolve_chat(params)
        chat_id = chat["id"]
        reply_to = self._resolve_reply(params, chat_id)

        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "from": self.bot_user(),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
        }
        if reply_to is not None:
            replied = copy.deepcopy(self._messages[(chat_id, reply_to)])
            replied.pop("reply_to_message", None)
            message["reply_to_message"] = replied
        message["text"] = text
        if entities:
            message["entities"] = entities
        if markup is not None:
            message["reply_markup"] = markup
        key = (chat_id, message["message_id"])
        stored = copy.deepcopy(message)
        stored.pop("reply_to_message", None)
        self._messages[key] = stored
        self._bot_messages[key] = reply_to
        return message

    def _m_answer_callback_query(self, params: dict, handler: Any) -> bool:
        query_id = params.get("callback_query_id")
        record = self._callback_queries.get(str(query_id)) if query_id not in (None, "") else None
        if record is None or record["answered"]:
            raise ApiError(400, QUERY_TOO_OLD)
        text = params.get("text")
        if text is not None and not isinstance(text, str):
            text = str(text)
        if text and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad("MESSAGE_TOO_LONG")
        url = params.get("url")
        if url not in (None, "") and _checked_link(str(url)) is None:
            raise _bad("URL_INVALID")
        record["answered"] = True
        record["answer"] = {k: v for k, v in params.items() if k != "callback_query_id"}
        return True

    def _m_answer_inline_query(self, params: dict, handler: Any) -> bool:
        query_id = params.get("inline_query_id")
        record = self._inline_queries.get(str(query_id)) if query_id not in (None, "") else None
        if record is None or record["answered"]:
            raise ApiError(400, QUERY_TOO_OLD)
        results = _json_array(params, "results", "can't parse JSON encoded inline query results")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        prefix = "can't parse inline query result: "
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict):
                raise _bad(prefix + "InlineQueryResult must be an Object")
            for field in ("type", "id"):
                if field not in result:
                    raise _bad(prefix + f'Can\'t find field "{field}"')
                if not isinstance(result[field], str):
                    raise _bad(prefix + f'Field "{field}" must be of type String')
            if result["type"] not in INLINE_RESULT_TYPES:
                raise _bad(prefix + f'Unsupported inline query result type "{result["type"]}"')
            if not 1 <= len(result["id"].encode("utf-8")) <= 64:
                raise _bad("RESULT_ID_INVALID")
            if result["id"] in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(result["id"])
            if result["type"] == "article":
                for field in ("title", "input_message_content"):
                    if field not in result:
                        raise _bad(prefix + f'Can\'t find field "{field}"')
            content = result.get("input_message_content")
            if content is not None:
                if not isinstance(content, dict):
                    raise _bad(prefix + "InputMessageContent must be an Object")
                if "message_text" in content:
                    self._prepare(
                        content["message_text"], content.get("parse_mode"), content.get("entities")
                    )
            if result.get("reply_markup") is not None:
                _validate_reply_markup(result["reply_markup"], inline_only=True)
        next_offset = params.get("next_offset")
        if next_offset is not None and len(str(next_offset).encode("utf-8")) > 64:
            raise _bad("NEXT_OFFSET_INVALID")
        record["answered"] = True
        record["answer"] = {k: v for k, v in params.items() if k != "inline_query_id"}
        return True
