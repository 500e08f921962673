"""Reports written in Russian: a government-site transcript ("М.Мишустин: ...", "Си Цзиньпин
(как переведено): ...") under a headline "Встреча Михаила Мишустина с Председателем КНР Си
Цзиньпином" and a dateline "Харбин, 17 июня." is a meeting at Harbin; its speakers' words are
statements; its trade figure "в прошлом году ... 312 миллиардов долларов" is trade of the year
before. A Russian wire's reported speech ("Мишустин отметил, что ...", "По словам премьера, ...",
"Он также сообщил, что ...", '"...", — сказал Мишустин') has its speaker. The articles are written
for these tests (tests/data/articles/russian) and the wire of tests/data/articles/instead."""

from __future__ import annotations

from datetime import date

import pytest

from bot.context import family_names, title_holder
from bot.gazetteer import load_gazetteer
from bot.kinds.person import _russian_titled
from bot.kinds.trade import _in_english
from bot.speech import reported
from bot.translit import chinese_name, russian_name
from tests.support import ARTICLES, Built, built_with

RUSSIAN = ARTICLES / "russian"
GAZ = load_gazetteer().extracting()
XI, MISHUSTIN = "Xi Jinping", "Mikhail Mishustin"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_with(tmp_path_factory.mktemp("russian"), RUSSIAN)


def _said(*sentences: str) -> list[tuple[str, str, str]]:
    found = reported(sentences, family_names(GAZ, sentences), title_holder(GAZ, sentences))
    return [(s.speaker, s.kind, s.content) for s in found]


def test_a_russian_wires_reported_speech_has_its_speaker() -> None:
    said = _said(
        "Председатель КНР Си Цзиньпин и премьер-министр России Михаил Мишустин провели встречу.",
        '"Наши страны — надежные партнеры", — сказал Мишустин, открывая встречу.',
        "По словам премьера, товарооборот растет.",
        "Он также сообщил, что строительство моста идет по графику.",
        "Си Цзиньпин, в свою очередь, заявил, что Китай и Россия — добрые соседи.",
        "Председатель КНР призвал расширять сотрудничество в области энергетики.",
        "Он выразил надежду, что обмены студентами будут расти.",
        "Встреча с Мишустиным прошла в теплой атмосфере.",
    )
    assert said == [
        (MISHUSTIN, "say", "Наши страны — надежные партнеры"),
        (MISHUSTIN, "say", "товарооборот растет"),
        (MISHUSTIN, "say", "строительство моста идет по графику"),
        (XI, "say", "Китай и Россия — добрые соседи"),
        (XI, "call", "расширять сотрудничество в области энергетики"),
        (XI, "hope", "обмены студентами будут расти"),
    ]


def test_a_russian_transcripts_labels_hold_and_an_address_says_nothing() -> None:
    said = _said(
        "М.Мишустин: Уважаемый господин Председатель!",
        "Рад вновь встретиться с Вами.",
        "Си Цзиньпин (как переведено): Мы надеемся на новые проекты.",
    )
    assert said == [
        (MISHUSTIN, "say", "Рад вновь встретиться с Вами."),
        (XI, "hope", "Мы надеемся на новые проекты."),
    ]


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("По итогам 2033 года товарооборот составил 287 миллиардов долларов.",
         "in 2033 trade amounted to $287 billion."),
        ("В прошлом году наш товарооборот достиг 312 млрд долл.",
         "last year наш trade reached $312 billion"),
        ("В январе–сентябре 2039 года товарооборот вырос на 5,8%.",
         "in January–September 2039 trade rose 5,8 percent."),
        ("За первые 8 месяцев 2031 года торговля выросла на 4,5% и превысила 2 трлн юаней.",
         "in the first 8 months of 2031 trade rose 4,5 percent и exceeded 2 trillion yuan."),
        ("Мишустин сказал, что мост построен.", "Мишустин сказал, что мост построен."),
    ],
)  # fmt: skip
def test_a_russian_sentence_of_trade_reads_as_the_english_the_trade_kind_reads(
    russian: str, english: str
) -> None:
    assert _in_english(russian) == english


def test_a_russian_transcript_is_a_meeting_at_its_datelines_city(built: Built) -> None:
    held = {(m.date, m.place) for m in built.table.meetings if not m.what}
    assert (date(2032, 6, 17), "Harbin") in held


@pytest.mark.parametrize(
    ("question", "has", "lacks"),
    [
        ("When did they meet in Harbin?", "June 17, 2032", ""),
        ("Когда Си Цзиньпин встречался с Мишустиным в Харбине?", "17 июня 2032", ""),
        ("What was trade in 2031?", "312", ""),
        ("Какой товарооборот был в 2031 году?", "312", ""),
        ("What did Xi say in Harbin?", "стратегические партнёры", "Уважаемый"),
        ("Что Мишустин сказал в Харбине о торговле сельхозпродукцией?", "сельхозпродукцией", ""),
    ],
)
def test_questions_about_a_russian_transcript(built: Built, question: str, has: str,
                                              lacks: str) -> None:  # fmt: skip
    reply = built.answerer.ask(question)
    assert has in reply.text, reply.text
    assert not lacks or lacks not in reply.text, reply.text


def test_a_year_with_no_figure_is_no_answer(built: Built) -> None:
    assert not built.answerer.ask("What was trade in 2030?").matched


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Елена Соколова", "Yelena Sokolova"), ("Дмитрий Лаврентьев", "Dmitry Lavrentyev"),
     ("Илья Федоров", "Ilya Fedorov"), ("Юрий Трутнев", "Yury Trutnev")],
)  # fmt: skip
def test_a_russian_name_in_latin_letters(cyrillic: str, latin: str) -> None:
    assert russian_name(cyrillic) == latin


@pytest.mark.parametrize(
    ("palladius", "pinyin"),
    [("Гао Жуймин", "Gao Ruiming"), ("Си Цзиньпин", "Xi Jinping"), ("Ли Цян", "Li Qiang"),
     ("Ван И", "Wang Yi"), ("Чжоу Ханьлинь", "Zhou Hanlin"), ("Дин Сюэсян", "Ding Xuexiang"),
     ("Ян Цзечи", "Yang Jiechi"), ("Мишустин", "")],
)  # fmt: skip
def test_a_chinese_name_from_palladius_to_pinyin(palladius: str, pinyin: str) -> None:
    assert chinese_name(palladius) == pinyin


def test_who_came_along_in_a_russian_transcript(built: Built) -> None:
    """ "Вместе со мной в Харбин прибыли вице-премьеры Алексей Оверчук и Дмитрий Волков": the
    gazetteer's Overchuk, and Volkov whom it does not know, in Latin letters in English and as
    written in Russian."""
    reply = built.answerer.ask("Who accompanied Mishustin to Harbin?")
    assert "Alexei Overchuk" in reply.text and "Dmitry Volkov" in reply.text, reply.text
    reply = built.answerer.ask("Кто сопровождал Мишустина в Харбине?")
    assert "Дмитрий Волков" in reply.text, reply.text


def test_the_side_of_a_russian_reports_officials() -> None:
    """The country a title names first is the official's ("посол РФ в КНР": Russia's); with
    none, the side the sentence names before ("С китайской стороны присутствовали ...")."""
    russian = _russian_titled(
        "Во встрече с российской стороны участвовали первый вице-премьер Дмитрий Рябцев, "
        "министр иностранных дел Аркадий Соболев и посол РФ в КНР Павел Ермолин."
    )
    assert [(n, r) for _, n, r, _ in russian] == [
        ("Dmitry Ryabtsev", "Deputy Prime Minister of Russia"),
        ("Arkady Sobolev", "Foreign Minister of Russia"),
        ("Pavel Yermolin", "Ambassador of Russia to China"),
    ]
    chinese = _russian_titled("С китайской стороны присутствовали министр иностранных дел Гао "
                              "Цзяньминь и посол КНР в России Тан Вэйго.")  # fmt: skip
    assert [(n, r) for _, n, r, _ in chinese] == [
        ("Gao Jianmin", "Foreign Minister of China"),
        ("Tang Weiguo", "Ambassador of China to Russia"),
    ]


def test_a_range_of_months_in_the_nominative() -> None:
    assert _in_english("За январь - апрель 2044 года товарооборот увеличился на 6,8%.") == (
        "in January - April 2044 trade rose 6,8 percent."
    )


def test_an_invitation_in_russian(built: Built, tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "Председатель КНР пригласил российского премьера посетить Китай ... Мишустин с
    благодарностью принял приглашение" (the wire of tests/data/articles/instead has
    "Председатель КНР пригласил российского премьера посетить Китай")."""
    wire = built_with(tmp_path_factory.mktemp("ria"), ARTICLES / "instead")
    reply = wire.answerer.ask("Who did Xi invite in Kazan?")
    assert "Xi invited Mikhail Mishustin to visit China" in reply.text, reply.text
    reply = wire.answerer.ask("Кого Си Цзиньпин пригласил в Казани?")
    assert "Мишустина" in reply.text, reply.text


def test_an_english_reply_names_what_a_russian_statement_names(built: Built) -> None:
    """ "... расширять сотрудничество в области энергетики и судостроения": its areas in English,
    which an English question finds it by."""
    reply = built.answerer.ask("What did Xi say about shipbuilding in Harbin?")
    assert "судостроения" in reply.text and "shipbuilding" in reply.text, reply.text
