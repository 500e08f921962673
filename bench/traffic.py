"""A day of generated user traffic through the real bot, then the curator's misses report.

Questions come from templates (in scope, near misses that share the articles' words, and plainly
out of scope; English and Russian; typos, slang and shouting), drawn with a Zipf-like popularity
so that some are asked many times. They are sent by 60 users in private chats and 40 groups
(mentions, /ask, and chatter not addressed to the bot) to ``python -m bot run`` against the fake
Bot API of tests/fakebotapi.py on 127.0.0.1; then ``python -m bot misses`` reads the log.
Deterministic for a seed; the log's times are those of the run, not spread over a day.

    python bench/traffic.py [-n 600] [--seed 16] [--top 15] [--yaml FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakebotapi import FakeBotAPI  # noqa: E402

PEOPLE = ["Xi", "Xi Jinping", "Mishustin", "Putin", "Li Qiang", "Wang Yi", "Biden", "Modi"]
TOPICS = [
    "Ukraine",
    "Taiwan",
    "sanctions",
    "the gas pipeline",
    "Power of Siberia 2",
    "oil prices",
    "the Arctic route",
    "visa-free travel",
    "yuan payments",
    "AI",
    "football",
    "the weather",
    "the North Korea",
    "Kazakhstan",
    "space cooperation",
]
YEARS = ["2019", "2020", "2021", "2022", "2026"]
CITIES = ["Paris", "Shanghai", "Kazan", "St Petersburg", "Vladivostok", "Harbin", "Astana"]
TEMPLATES = [
    # in scope: the bot should answer these (some with a low margin)
    "when did they meet?",
    "where did they meet?",
    "how many times did they meet?",
    "what was the trade target?",
    "which anniversary did they mark?",
    "who took part in the talks?",
    "when did xi invite mishustin to visit china",
    "what date was the third belt and road forum held",
    "когда они встретились?",
    "где прошла встреча?",
    "какой был товарооборот?",
    # near misses: the articles' words, a question they do not answer
    "when did they meet in {year}?",
    "what was the trade volume in {year}?",
    "did {person} attend the talks in {city}?",
    "what did {person} say about {topic}?",
    "did they talk about {topic}?",
    "when will they meet next?",
    "when is the next meeting in {city}?",
    "how much gas does russia sell to china?",
    "who is mishustin's deputy?",
    "what was signed about {topic}?",
    "how long did the talks in beijing last?",
    "what did they eat at the dinner?",
    "is {person} going to visit {city}?",
    "что сказал {person} про {topic}?",
    "когда они встретятся в {year} году?",
    "сколько длились переговоры?",
    # plainly out of scope
    "what's the weather in {city}?",
    "who won the football match yesterday?",
    "hi",
    "hello bot",
    "what can you do?",
    "tell me a joke",
    "what is the capital of france?",
    "how old is {person}?",
    "what is the exchange rate of the yuan?",
    "привет",
    "кто ты?",
    "lol",
    "???",
    "👍",
]
SHOUT, TYPO, SLANG = 0.08, 0.12, 0.1


def fill(template: str, rng: random.Random) -> str:
    """``template`` with its slots filled at random."""
    return template.format(
        person=rng.choice(PEOPLE),
        topic=rng.choice(TOPICS),
        year=rng.choice(YEARS),
        city=rng.choice(CITIES),
    )


def noisy(text: str, rng: random.Random) -> str:
    """A user's version of ``text``: a typo, slang, shouting, no question mark."""
    if rng.random() < TYPO and len(text) > 6:
        i = rng.randrange(1, len(text) - 2)
        text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # two letters swapped
    if rng.random() < SLANG:
        text = (
            rng.choice(["yo ", "pls ", "hey, ", "so "])
            + text.rstrip("?")
            + rng.choice([" lol", " pls", " ??", ""])
        )
    if rng.random() < SHOUT:
        text = text.upper()
    return text if rng.random() > 0.3 else (text.rstrip("?") or text)


def questions(n: int, seed: int) -> list[str]:
    """``n`` questions: ~150 distinct ones, drawn with a Zipf-like popularity (1/rank)."""
    rng = random.Random(seed)
    pool = list(dict.fromkeys(fill(t, rng) for t in TEMPLATES * 4))
    rng.shuffle(pool)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    return [noisy(q, rng) for q in rng.choices(pool, weights, k=n)]


def play(api: FakeBotAPI, texts: list[str], seed: int) -> int:
    """Send ``texts`` as users in private chats and groups; the number of addressed messages."""
    rng = random.Random(seed + 1)
    users = [5_000_000_000 + 7919 * i for i in range(60)]
    groups = [-1_001_700_000_000 - i for i in range(40)]
    addressed = 0
    for text in texts:
        user = rng.choice(users)
        roll = rng.random()
        if roll < 0.6:
            api.push_message(user, text, user_id=user, language_code=rng.choice(["en", "ru"]))
            addressed += 1
        elif roll < 0.8:
            api.push_message(
                rng.choice(groups), f"@{api.username} {text}", chat_type="supergroup", user_id=user
            )
            addressed += 1
        elif roll < 0.9:
            api.push_message(rng.choice(groups), f"/ask {text}", chat_type="group", user_id=user)
            addressed += 1
        else:  # group chatter the bot must neither answer nor record
            api.push_message(rng.choice(groups), text, chat_type="supergroup", user_id=user)
    return addressed


def write_config(folder: Path) -> Path:
    """A config.yaml in ``folder`` for the traffic run."""
    config = folder / "config.yaml"
    config.write_text(
        f"version: 1\nseeds_dir: {ROOT / 'seeds'}\nintents_dir: {ROOT / 'intents'}\n"
        f"curated: {ROOT / 'seeds' / 'curated.yaml'}\ntable: {folder / 'facts.json'}\n"
        f"misses:\n  path: {folder / 'misses.jsonl'}\n"
        "telegram:\n  per_chat_per_minute: 10000\n  per_user_per_minute: 10000\n",
        encoding="utf-8",
    )
    return config


def run(folder: Path, n: int, seed: int) -> tuple[int, int]:
    """The traffic through ``python -m bot run``; (messages addressed to the bot, replies)."""
    config = write_config(folder)
    with FakeBotAPI() as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot", "--config", str(config), "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(folder / "bot.log").open("w"),
        )
        try:
            api.push_message(1, "/start", user_id=1)
            api.wait_for("sendMessage", timeout=60)
            addressed = play(api, questions(n, seed), seed)
            # every addressed message gets a reply (a short decline in groups); AIORateLimiter
            # paces them at ~30/s overall and 20 a minute per group
            api.wait_for("sendMessage", addressed + 1, timeout=300)
        finally:
            bot.send_signal(signal.SIGTERM)
            bot.wait(30)
        return addressed, len(api.calls_of("sendMessage")) - 1


def main(argv: list[str] | None = None) -> int:
    """Play the traffic through a bot process and print the misses report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=600, help="messages")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--top", default="15")
    parser.add_argument("--yaml", type=Path, help="also write the candidate questions here")
    parser.add_argument("--keep", type=Path, help="keep the config and the log in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="factbot-traffic-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        addressed, replies = run(folder, args.n, args.seed)
        print(
            f"{args.n} messages, {addressed} addressed to the bot, {replies} replies; "
            f"{sum(1 for _ in (folder / 'misses.jsonl').open())} lines in the misses log\n"
        )
        misses = [sys.executable, "-m", "bot", "--config", str(folder / "config.yaml"), "misses"]
        subprocess.run([*misses, "--top", args.top], cwd=ROOT, check=True)
        if args.yaml:
            with args.yaml.open("w", encoding="utf-8") as out:
                subprocess.run(
                    [*misses, "--top", args.top, "--yaml"], cwd=ROOT, check=True, stdout=out
                )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
