"""Reading an article (bot/corpus.py): sentences, paragraphs, and an encyclopedia's marks."""

from __future__ import annotations

from pathlib import Path

from bot.corpus import Article, parse_article


def _article(text: str) -> Article:
    return parse_article(Path("x.txt"), text.encode())


def test_footnote_marks_neither_hide_a_sentences_end_nor_stay_in_it() -> None:
    """ "...Northern Sea Route.[10] Xi and ..." is two sentences, neither with its mark."""
    article = _article(
        "== 2027 ==[edit]\n"
        "Xi called for more cargo on the Northern Sea Route.[10] Xi and Mishustin set a goal.[11]"
        "[12]\nMeetings 5[a]\nThey did not meet in 2024.[citation needed] Xi met Putin.\n"
        "[a] Only face-to-face meetings are counted.\n[14:24]"
    )
    assert article.sentences == (
        "== 2027 ==",
        "Xi called for more cargo on the Northern Sea Route.",
        "Xi and Mishustin set a goal.",
        "Meetings 5",
        "They did not meet in 2024.",
        "Xi met Putin.",
        "[a] Only face-to-face meetings are counted.",  # a note's own mark opens its line
        "[14:24]",  # a time stamp is no footnote
    )


def test_paragraphs_are_the_blocks_between_blank_lines() -> None:
    article = _article(
        "A title\n\nOne more. Two more.\nThe third one is here.\n\n\nFour of them.\n  \nFive."
    )
    assert article.sentences == (
        "A title",
        "One more.",
        "Two more.",
        "The third one is here.",
        "Four of them.",
        "Five.",
    )
    assert article.paragraphs == {0, 1, 4, 5}
    assert article.paragraph(2) == range(1, 4) and article.paragraph(5) == range(5, 6)


def test_a_pages_lists_of_other_articles_are_no_part_of_it() -> None:
    """The headlines under "RELATED ARTICLES" and "Most read" tell of other reports."""
    article = parse_article(Path("x.txt"), (
        b"Xi Jinping met Mikhail Mishustin in Shanghai on Tuesday.\n\n"
        b"RELATED ARTICLES\n- Xi, Mishustin meet at Diaoyutai as trade tops $236 billion\n"
        b"- Analysis: Can Russia-China trade hit $300 billion by 2030?\n\n"
        b"Most read:\n1. Oil prices slip as OPEC+ weighs output\n\n"
        b"The two sides also discussed energy cooperation at length.\n"
    ))  # fmt: skip
    assert article.sentences == (
        "Xi Jinping met Mikhail Mishustin in Shanghai on Tuesday.",
        "The two sides also discussed energy cooperation at length.",
    )
