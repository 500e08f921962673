"""An interview (tests/data/articles/interview, written for this test): its introduction opens
on the interviewee, whom the gazetteer does not know; each answer's first line keeps the
question it answers; "what did Orlov say about the tea" is asked of him and answered by the
answer to "Why did the tea always go cold?"."""

from __future__ import annotations

import pytest

from tests.support import ARTICLES, Built, built_with


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("interview"), ARTICLES / "interview")


def test_what_the_interviewee_said_about_what_he_was_asked(built: Built) -> None:
    reply = built.answerer.ask("what did Orlov say about the tea?")
    assert "nobody touched it" in reply.text and "Pavel Orlov" in reply.text, reply.text
    assert "Why did the tea always go cold?" in reply.text, reply.text


def test_the_interviewees_words_are_not_a_principals(built: Built) -> None:
    reply = built.answerer.ask("what did Xi say about the tea?")
    assert "nobody touched it" not in reply.text, reply.text


def test_which_experts_were_quoted_is_not_who_was_present(built: Built) -> None:
    """Asked for experts, the people an article introduces with their role answer (here none
    is: "Pavel Orlov served as ..." gives no title before his name), never the principals."""
    reply = built.answerer.ask("which experts were quoted?")
    assert "President of China" not in reply.text, reply.text
