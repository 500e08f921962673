"""Webhook mode: every POST must carry the secret, checked before the body is read.

The real Application served by ``bot.tg.serve`` (in process, and as ``python -m bot run``)
against the fake Bot API on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import TelegramConfig, WebhookConfig, load_config
from bot.errors import ConfigError
from bot.tg.app import build_application
from tests.fakebotapi import FakeBotAPI
from tests.tgharness import replies, serving, tg_config

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
USER = 1000
ADMIN = 4242
SECRET = "s3cret-Token_ok"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, body: bytes, secret: str | None, length: int | None = None,
         timeout: float = 5.0) -> int:  # fmt: skip
    """POST ``body`` to the bot's webhook; the status code."""
    headers = {
        "Content-Type": "application/json",
        "Content-Length": str(len(body) if length is None else length),
    }
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/telegram", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def headers_only(port: int, secret: str, length: int, timeout: float = 5.0) -> str:
    """Send only the headers of a huge POST; the status line the server answers with."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(
            (
                f"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Content-Type: application/json\r\nContent-Length: {length}\r\n"
                f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n\r\n"
            ).encode()
        )
        return sock.recv(200).decode("latin-1").split("\r\n", 1)[0]


def webhook_tg(port: int) -> TelegramConfig:
    url = f"http://127.0.0.1:{port}/telegram"
    return TelegramConfig(mode="webhook", webhook=WebhookConfig(port=port, url=url))


async def test_webhook_checks_the_secret_before_anything(api, config, answerer, caplog):
    port = free_port()
    app = build_application(tg_config(config, api), answerer)
    async with serving(app, webhook_tg(port), SECRET):
        hook = api.webhook
        assert hook["url"] == f"http://127.0.0.1:{port}/telegram"
        assert hook["secret_token"] == SECRET
        good = api.push_message(USER, "when did they meet?")
        assert await asyncio.to_thread(post, port, json.dumps(good).encode(), SECRET) == 200
        (call,) = await replies(api, USER)  # answered before the 200 was sent
        assert "March 21, 2023" in call.result["text"]

        forged = json.dumps(api.push_message(USER, "where did they meet?")).encode()
        assert await asyncio.to_thread(post, port, forged, "wrong") == 403
        assert await asyncio.to_thread(post, port, forged, None) == 403
        assert await asyncio.to_thread(post, port, forged, SECRET[:-1]) == 403
        # A 50 MB body is refused on its headers: the server answers without waiting for it.
        status = await asyncio.to_thread(headers_only, port, "wrong", 50_000_000)
        assert " 403 " in status + " "
        status = await asyncio.to_thread(headers_only, port, SECRET, 50_000_000)
        assert " 413 " in status + " "

        caplog.clear()
        for body in (b"{not json", b"[1, 2]", b'{"update_id": "x"}', b"\xff\xfe"):
            assert await asyncio.to_thread(post, port, body, SECRET) == 400
        refused = [r for r in caplog.records if "malformed update" in r.getMessage()]
        assert len(refused) == 4
        assert not any(r.exc_info or r.exc_text for r in caplog.records)
        await asyncio.sleep(0.3)
        assert len(api.calls_of("sendMessage")) == 1


def run_config(tmp: Path, port: int) -> Path:
    path = tmp / "config.yaml"
    path.write_text(
        "version: 1\n"
        f"seeds_dir: {ROOT / 'seeds'}\n"
        f"intents_dir: {ROOT / 'intents'}\n"
        f"curated: {ROOT / 'seeds' / 'curated.yaml'}\n"
        f"table: {tmp / 'facts.json'}\n"
        "telegram:\n"
        "  mode: webhook\n"
        f"  admins: [{ADMIN}]\n"
        f"  webhook: {{listen: 127.0.0.1, port: {port}, path: telegram,"
        f" url: 'http://127.0.0.1:{port}/telegram'}}\n",
        encoding="utf-8",
    )
    return path


def wait_listening(port: int, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the bot never listened")


def test_bot_run_without_a_configured_secret_makes_one_and_refuses_forgeries(tmp_path):
    with FakeBotAPI(token="555:WEBHOOK-canary") as api:
        port = free_port()
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
        env.pop("TELEGRAM_WEBHOOK_SECRET", None)
        command = [sys.executable, "-m", "bot", "run", "--config", str(run_config(tmp_path, port))]
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            wait_listening(port, proc)
            api.wait_for("setWebhook", timeout=30)
            secret = api.webhook["secret_token"]
            assert secret and len(secret) >= 32
            # A forged /reload "from" the admin, without the secret: refused, nothing runs.
            forged = api.push_message(ADMIN, "/reload", user_id=ADMIN)
            assert post(port, json.dumps(forged).encode(), None) == 403
            assert post(port, json.dumps(forged).encode(), "guess") == 403
            time.sleep(0.5)
            assert not api.calls_of("sendMessage")
            # Telegram, which knows the secret, gets through.
            real = api.push_message(USER, "when did they meet?", user_id=USER)
            assert post(port, json.dumps(real).encode(), secret, timeout=30) == 200
            assert api.calls_of("sendMessage")[0].params["chat_id"] == USER
        finally:
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        assert secret not in out + err and api.token not in out + err
        assert "using a random secret" in err


@pytest.mark.parametrize("secret", ["has space", "x" * 257, "ключ"])
def test_a_secret_telegram_would_refuse_is_a_config_error(secret):
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        load_config(ROOT / "config.yaml", {"TELEGRAM_WEBHOOK_SECRET": secret})


def test_webhook_mode_needs_a_url(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("version: 1\ntelegram: {mode: webhook}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="url: required"):
        load_config(path, {})
    ok = load_config(ROOT / "config.yaml", {"TELEGRAM_WEBHOOK_SECRET": SECRET})
    secret = ok.telegram.webhook.secret_token
    assert secret is not None and secret.reveal() == SECRET


def test_serve_refuses_webhook_mode_without_a_secret(config):
    tg = webhook_tg(free_port())
    with pytest.raises(ValueError, match="secret"):
        asyncio.run(_serve_once(config, tg))


async def _serve_once(config, tg):
    from bot.tg.serve import serve

    await serve(object(), tg, asyncio.Event(), "")  # type: ignore[arg-type]
