"""Output escaping: Reply.html escapes everything that comes from the user or the articles; the
CLI's plain and JSON output is plain text, with no HTML and no entities."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import current_table
from bot.cli import main
from bot.config import load_config
from bot.render import render_sources
from tests.support import ROOT, Project

from .nasty import check_reply

SCRIPT = "<script>alert('x')</script> & more"
TITLE = "Xi Jinping & Mishustin <script>alert(1)</script> discuss"
QUESTION = "<b>what trade figure was given in august 2024?</b>"


@pytest.fixture(scope="module")
def project(
    tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Project]
) -> tuple[Path, Answerer]:
    """The project's articles plus one whose title and trade sentence carry markup and '&'."""
    tmp = tmp_path_factory.mktemp("escaping")
    config_path = make_project(tmp).path
    text = (ROOT / "tests/data/articles/tass_2024.txt").read_text(encoding="utf-8")
    text = text.replace("Xi Jinping, Mishustin discuss", TITLE, 1)
    text = text.replace("the two countries last year", f"the two countries {SCRIPT} last year", 1)
    assert SCRIPT in text and TITLE in text
    (tmp / "seeds" / "005_inject.txt").write_text(text, encoding="utf-8")
    assert main(["--config", str(config_path), "build"]) == 0
    config = load_config(config_path, {})
    return config_path, Answerer.from_table(current_table(config).table, config)


def test_reply_html_escapes_the_question_and_the_articles(project: tuple[Path, Answerer]) -> None:
    _, answerer = project
    reply = answerer.ask(QUESTION)
    check_reply(reply)  # only render.py's own tags; every other <, > and & escaped
    assert reply.intent == "trade" and "1.7 trillion yuan" in reply.text
    assert "<b>what" not in reply.html and "what trade" not in reply.text  # nothing echoed
    (source,) = [s for s in reply.sources if s.file == "005_inject.txt"]
    assert SCRIPT in source.sentence  # the source keeps the article's words as they are ...
    titles = {f"{stem}.txt": title for stem, title in answerer.titles.items()}
    sources = render_sources(reply, titles)
    assert "<script>" not in sources and "& " not in sources  # ... and the HTML escapes them
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in sources
    assert "Xi Jinping &amp; Mishustin &lt;script&gt;alert(1)&lt;/script&gt; discuss" in sources
    greeting = answerer.ask("did anyone convey greetings in august 2024?")
    check_reply(greeting)
    assert "Putin's" in greeting.text and "Putin&#x27;s" in greeting.html


def test_cli_output_is_plain_text(
    project: tuple[Path, Answerer], capsys: pytest.CaptureFixture[str]
) -> None:
    config_path, answerer = project
    capsys.readouterr()
    for question in (QUESTION, "did anyone convey greetings in august 2024?"):
        assert main(["--config", str(config_path), "ask", question]) == 0
        out = capsys.readouterr().out
        assert out == answerer.ask(question).text + "\n"
        assert "<b>" not in out and "&#x27;" not in out and "&amp;" not in out
    assert main(["--config", str(config_path), "ask", "--json", QUESTION]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == QUESTION and data["matched"]
    assert any(SCRIPT in s["sentence"] for s in data["sources"])  # plain data, not HTML
    assert "&lt;" not in json.dumps(data) and "&amp;" not in json.dumps(data)
