"""The bot as its own process for the end-to-end benchmark: ``bot.tg.app.run_bot`` with choices.

``python -m bot run`` always uses AIORateLimiter (Telegram's ~30 msg/s flood limit) and the
config's mode; this runs the same Application (``build_application``, same handlers, same
``bot.tg.serve.serve`` for polling or webhook) with the limiter optional, to measure the bot's own
capacity.

    python bench/botproc.py --config config.yaml [--no-rate-limiter] [--webhook-port N]

Token, API URL and webhook secret come from TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL and
TELEGRAM_WEBHOOK_SECRET, as for ``bot run``.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answer import Answerer  # noqa: E402
from bot.build import ensure_table  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.tg.app import _serve_until_signal, build_application, setup_logging  # noqa: E402


def main() -> int:
    """Run the bot until SIGTERM, as ``python -m bot run`` does (limiter and polling optional)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--no-rate-limiter", action="store_true")
    parser.add_argument("--webhook-port", type=int, default=0, help="0: long polling")
    parser.add_argument(
        "--keep-flood-limits",
        action="store_true",
        help="keep telegram.per_chat/per_user_per_minute (by default lifted: the "
        "benchmark measures capacity; 20 a minute per chat is policy)",
    )
    args = parser.parse_args()
    config = load_config(args.config)
    if not args.keep_flood_limits:
        lifted = dataclasses.replace(
            config.telegram, per_chat_per_minute=10_000, per_user_per_minute=10_000
        )
        config = dataclasses.replace(config, telegram=lifted)
    answerer = Answerer.from_table(ensure_table(config), config)
    tg = config.telegram
    if args.webhook_port:
        url = f"http://127.0.0.1:{args.webhook_port}/telegram"
        hook = dataclasses.replace(tg.webhook, port=args.webhook_port, url=url)
        tg = dataclasses.replace(tg, mode="webhook", webhook=hook)
    secret = tg.webhook.secret_token.reveal() if tg.webhook.secret_token else ""
    setup_logging(tg.token.reveal() if tg.token else "", secret)
    app = build_application(config, answerer, rate_limiter=not args.no_rate_limiter)
    asyncio.run(_serve_until_signal(app, tg, secret))
    return 0


if __name__ == "__main__":
    sys.exit(main())
