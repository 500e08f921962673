"""Russian questions find the English facts: the genre's words (intents/russian.yaml) and the
gazetteer's Russian names are read as the words and names the articles use."""

from __future__ import annotations

import pytest

from bot.answer import Answerer
from bot.yamlio import load_yaml
from tests.support import ROOT


def test_every_russian_variant_reads_as_its_english_word(answerer: Answerer) -> None:
    # a variant of a word that is itself a variant ("choice" of "choose", "recover" of
    # "rebound") would read as neither the articles' word nor the question's; a phrase with a
    # hyphen ("премьер-министр") would never match the normalised message
    words = load_yaml(ROOT / "intents" / "russian.yaml")["synonyms"]
    canon = answerer.reader.canon
    wrong = [(v, w) for w, variants in words.items() for v in variants
             if canon(v)[0] != canon(w)[0]]  # fmt: skip
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("двусторонних отношений", "bilateral relations"),
        ("всеобъемлющего партнёрства", "comprehensive partnership"),
        ("суверенитета и независимости", "sovereignty and independence"),
        ("процветания", "prosperity"),
        ("с хладнокровием", "with composure"),
        ("углублять сотрудничество", "deepen cooperation"),
        ("укрепления доверия", "strengthen trust"),
        ("остаются неизменными", "remain unchanged"),
        ("широкие перспективы", "broad prospects"),
        ("пятилетнего плана", "Five-Year Plan"),
        ("о миропорядке", "about the world order"),
        ("защищать безопасность", "safeguard security"),
        ("взаимовыгодного сотрудничества", "mutually beneficial cooperation"),
        ("санкций", "sanctions"),
        ("рубли и юани", "roubles and yuan"),
        ("о цепочках поставок", "about supply chains"),
        ("в Доме народных собраний", "in the Great Hall of the People"),
        ("о «Поясе и пути»", "about the Belt and Road"),
        ("про электромобили", "about electric vehicles"),
        ("с Лавровым", "with Lavrov"),
        ("спасательной операции", "rescue operations"),
        ("производственно-сбытовых цепочек", "industrial and supply chains"),
        ("на международной арене", "on the international arena"),
        ("у Дома народных собраний", "at the Great Hall of the People"),
        ("Лавров", "Lavrov"),
        ("о торгово-экономическом сотрудничестве", "about trade and economic cooperation"),
    ],
)  # fmt: skip
def test_russian_words_read_as_the_articles_words(answerer: Answerer, russian: str,
                                                  english: str) -> None:  # fmt: skip
    ru_tokens, ru_names = answerer.reader.canon(russian)
    en_tokens, en_names = answerer.reader.canon(english)
    content = [t for t in ru_tokens if t.isascii() or t.startswith("#")]
    assert content == [t for t in ru_tokens if len(t) > 2], ru_tokens  # no Russian word unread
    assert set(content) <= set(en_tokens) and ru_names == en_names, (ru_tokens, en_tokens)


@pytest.mark.parametrize("words", ["после землетрясения", "меня", "другие страны", "другой"])
def test_common_words_are_no_terms_of_the_genre(answerer: Answerer, words: str) -> None:
    # a short stem of a term is no variant of it: "после" (after) is not "посол" (ambassador)
    tokens = answerer.reader.canon(words)[0]
    assert not {"ambassador", "change", "friend"} & set(tokens), tokens


@pytest.mark.parametrize(
    ("question", "expected", "rejected"),
    [
        ("Что говорил Мишустин о миропорядке", ["international order", "24 мая 2023"], "4 ноября"),
        ("Что Си говорил о цепочках поставок в марте 2023?", ["supply chains", "21 марта 2023"],
         "4 ноября"),
        ("Что Мишустин сказал о целях пятилетнего плана?", ["Five-Year Plan", "4 ноября 2025"],
         "21 марта"),
    ],
)  # fmt: skip
def test_russian_questions_find_what_was_said(
    answerer: Answerer, question: str, expected: list[str], rejected: str
) -> None:
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text
    assert rejected not in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Как Си описал внешнюю обстановку в ноябре 2025?", ["турбулентн", "хладнокрови"]),
        ("Что Си сказал о фундаментальных основах экономики Китая?", ["неизменн"]),
        ("Что Мишустин говорил о дружбе в мае 2023?", ["из поколения в поколение"]),
        ("Что Си сказал о пироге сотрудничества?", ["пирог"]),
    ],
)  # fmt: skip
def test_a_russian_statement_reply_names_the_genres_words_in_russian(
    answerer: Answerer, question: str, expected: list[str]
) -> None:
    reply = answerer.ask(question)
    assert reply.matched and all(e in reply.text for e in expected), reply.text
