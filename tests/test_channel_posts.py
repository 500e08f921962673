"""A government channel's posts (tests/data/articles/channel, written for this test): a post's
time stamp on a line of its own, after an emoji and before a time zone ("🤝 15:45", "🇷🇺🇨🇳 09:10
(Sanya time)"), is the clock of what the post reports; "во сколько" asks the time of day."""

from __future__ import annotations

import pytest

from bot.speech import STAMP
from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("channel"), ARTICLES / "channel")


@pytest.mark.parametrize(
    ("line", "clock"),
    [("🤝 15:45", "15:45"), ("🇷🇺🇨🇳 09:10 (Sanya time)", "09:10"), ("[13:58]", "13:58"),
     ("Mar 18, 2027 14:09", "14:09"), ("The talks began at 15:45", None)],
)  # fmt: skip
def test_a_posts_stamp(line: str, clock: str | None) -> None:
    m = STAMP.match(line)
    assert (m.group("t") if m else None) == clock


@pytest.mark.parametrize(
    "question",
    ["what time did the talks in Sanya start?", "Во сколько начались переговоры в Санье?"],
)
def test_the_time_of_the_talks_is_their_posts(built: Built, question: str) -> None:
    reply = built.answerer.ask(question)
    assert "15:45" in reply.text, reply.text
