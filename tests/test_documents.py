"""The "documents signed" kind, end to end: extraction, answers in English and Russian, and a
decline where no article reports documents signed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.build import build_table
from bot.config import Config
from bot.corpus import parse_article
from bot.extract import extract
from bot.gazetteer import load_gazetteer
from bot.kinds import documents
from bot.kinds.documents import _AMONG, _COUNTED
from tests.support import ARTICLES, Project

GAZ = load_gazetteer()
DATELINE = "BEIJING, Aug. 21 (Xinhua) -- Chinese President Xi Jinping met with Russian Prime "
DATELINE += "Minister Mikhail Mishustin at the Great Hall of the People on Wednesday. "


def signed(text: str) -> list[documents.Parts]:
    article = parse_article(Path("005_test.txt"), (DATELINE + text).encode())
    return [f.parts for f in extract(article, GAZ)[1] if isinstance(f.parts, documents.Parts)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 20 documents were signed after the talks.",
         [documents.Parts(20, "documents", True)]),
        ("The two sides signed a joint communique and 12 agreements.",
         [documents.Parts(12, "agreements", False, ("joint communique",))]),
        ("Following the talks, a joint communique was signed, as well as a package of "
         "intergovernmental and interdepartmental documents.",
         [documents.Parts(names=("joint communique",
                                 "package of intergovernmental and interdepartmental documents"))]),
        ("They witnessed the signing of seven cooperation agreements.",
         [documents.Parts(7, "agreements")]),
        # Each named after a word or two of its own ("an intergovernmental agreement on"), the
        # list's items parted by commas
        ("14 documents were signed on Monday, among them an intergovernmental agreement on a "
         "lunar station, a memorandum of understanding on shipping, and a protocol on barley.",
         [documents.Parts(14, "documents", among=(
             "intergovernmental agreement on a lunar station",
             "memorandum of understanding on shipping", "protocol on barley"))]),
        # An agreement signed long before is not a document signed at the meeting.
        ("China will implement the economic and trade agreement signed by China with the union.",
         []),
        ("They discussed trade and energy.", []),
        # A release lists the documents one a line under the count (issue 13).
        ("\nIn all, 17 intergovernmental and commercial documents were signed.\nThey include:\n"
         "- an agreement on cooperation in inland water transport;\n"
         "- a memorandum of understanding on cooperation in nuclear medicine.\n"
         "- They discussed trade.",
         [documents.Parts(17, "documents", among=(
             "agreement on cooperation in inland water transport",
             "memorandum of understanding on cooperation in nuclear medicine"))]),
        # A signing told right after the regular meeting it ended, or going on about it.
        ("\nMishustin and Li Qiang co-chaired the 27th regular meeting of the heads of "
         "government.\nAt its end the two premiers signed a joint communique.",
         [documents.Parts(names=("joint communique",), regular=27)]),
        ("\nThe premiers signed the joint communique of the 27th regular meeting.\n"
         "In all, 11 documents were signed in their presence.",
         [documents.Parts(names=("joint communique",), regular=27),
          documents.Parts(11, "documents", regular=27)]),
        ("\nThe premiers held the 27th regular meeting on Monday.\n"
         "Xi said 11 documents were signed in March.",  # no reference back: not of that meeting
         [documents.Parts(11, "documents")]),
        # A list after no count, one line each (a machine translation; a business paper's deals
        # with what each is worth): each item is a fact of its own
        ("\nFollowing the meeting the next documents were signed:\n"
         "– Memorandum of understanding about cooperation in development of the Northern Sea "
         "Way;\n– Protocol about phytosanitary requirements to barley.",
         [documents.Parts(among=("Memorandum of understanding about cooperation in development "
                                 "of the Northern Sea Way",)),
          documents.Parts(among=("Protocol about phytosanitary requirements to barley",))]),
        ("\nThe main deals signed in Kazan:\n• KAMAZ and Weichai Power – an engine venture, 24 "
         "billion roubles\n• Sibur and Sinopec – a polymer plant, $2.4 billion\nXi left.",
         [documents.Parts(among=("KAMAZ and Weichai Power – an engine venture, 24 billion "
                                 "roubles",)),
          documents.Parts(among=("Sibur and Sinopec – a polymer plant, $2.4 billion",))]),
        # a live blog's "Three documents signed: an agreement on ..., a memorandum on ..."
        ("\nSigning ceremony in the White Hall. Three documents signed: an agreement on ice "
         "navigation, a memorandum on a lunar station and a protocol on barley.",
         [documents.Parts(3, "documents", among=("agreement on ice navigation",
                                                 "memorandum on a lunar station",
                                                 "protocol on barley"))]),
        # a list under a sentence that names no signing is none
        ("\nThe main topics:\n• energy\n• trade", []),
    ],
)  # fmt: skip
def test_extraction(text: str, expected: list[documents.Parts]) -> None:
    assert signed(text) == expected


def test_display_and_russian_agree() -> None:
    p = documents.Parts(12, "agreements", False, ("joint communique",))
    assert documents.english(p) == "a joint communique and 12 agreements"
    assert documents.english(documents.Parts(21, "documents", True)) == "more than 21 documents"
    listed = documents.Parts(17, "documents", among=("agreement on A", "memorandum on B",
                                                     "protocol on C"), regular=27)  # fmt: skip
    assert documents.english(listed) == ("17 documents, among them an agreement on A, a "
                                         "memorandum on B and a protocol on C, at the 27th "
                                         "regular meeting")  # fmt: skip


@pytest.fixture(scope="module")
def with_tass(
    tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Project]
) -> Answerer:
    """The seeds and the held-out TASS article of 2024, which reports documents signed."""
    project = make_project(
        tmp_path_factory.mktemp("documents"), articles=[ARTICLES / "tass_2024.txt"]
    )
    config = project.config()
    return Answerer.from_table(build_table(config)[0], config)


def test_answer_in_english(with_tass: Answerer) -> None:
    reply = with_tass.ask("what documents were signed?")
    assert reply.intent == "documents_signed"
    assert reply.text.startswith("Documents signed: a joint communique and a package of ")
    assert "August 21, 2024" in reply.text
    assert "a joint communique was signed" in reply.sources[0].sentence


def test_answer_in_russian(with_tass: Answerer) -> None:
    reply = with_tass.ask("какие документы подписали?")
    assert reply.intent == "documents_signed" and reply.lang == "ru"
    assert "совместное коммюнике и пакет межправительственных и межведомственных документов" in (
        reply.text
    )
    assert "21 августа 2024 г." in reply.text


def test_no_documents_reported_is_a_decline(answerer: Answerer, config: Config) -> None:
    # None of the seed articles reports documents signed at a meeting.
    for question in ("what documents were signed?", "какие документы подписали?",
                     "did they sign any agreements in 2023?"):  # fmt: skip
        reply = answerer.ask(question)
        assert not reply.matched and reply.extra["best"] == "documents_signed", question
    assert not answerer.table.find(documents.KIND)


def test_documents_counted_in_lists_and_abbreviations() -> None:
    sentences = (
        "14 intergovernmental, interdepartmental and commercial documents were signed",
        "14 docs were signed, incl. an agreement on mutual recognition of degrees",
    )
    for s in sentences:
        m = next((m for rx in _COUNTED if (m := rx.search(s))), None)
        assert m is not None and m.group("count") == "14", s
    among = _AMONG.search("Among them are an agreement on the mutual recognition of degrees.")
    assert among is not None and among.group("list").startswith("an agreement")
