"""Who says what (bot/speech.py): live-blog entries, a post quoted with its speaker label, a
source aside ("Xi, per the pool:"), "X, he said, Y", and the report's own sentences that are no
one's words. The articles are a few invented sentences in the genre."""

from __future__ import annotations

from bot.context import family_names, title_holder
from bot.gazetteer import load_gazetteer
from bot.speech import reported

GAZ = load_gazetteer().extracting()
XI, MISHUSTIN = "Xi Jinping", "Mikhail Mishustin"


def _said(*sentences: str) -> list[tuple[int, str, str]]:
    found = reported(sentences, family_names(GAZ, sentences), title_holder(GAZ, sentences))
    return [(s.idx, s.speaker, s.content) for s in found]


def test_a_live_blogs_entries_end_a_quoted_post_and_the_writers_voice_is_no_ones() -> None:
    said = _said(
        "10:44 - Xi, per the pool: the sides should expand student exchanges.",
        "He also said China is ready to buy more Russian grain.",
        "10:31 - From the Russian government's channel:",
        '"Mikhail Mishustin: Most payments between our countries are now in national currencies.',
        "No outside pressure will change that.",
        '#RussiaChina #Beijing"',
        "10:15 - Talks under way.",
        "Around the table with Xi: Wang Yi.",
        "10:05 - Mishustin's motorcade arrives.",
        "Mishustin said the visit was useful.",
        "Nothing there that we did not hear in the room.",
    )
    assert said == [
        (0, XI, "the sides should expand student exchanges."),
        (1, XI, "China is ready to buy more Russian grain"),
        (3, MISHUSTIN, "Most payments between our countries are now in national currencies."),
        (4, MISHUSTIN, "No outside pressure will change that."),
        (9, MISHUSTIN, "the visit was useful"),
    ]


def test_a_transcript_label_holds_until_the_next_label() -> None:
    said = _said(
        "Xi Jinping: Welcome to Beijing.",
        "We value this visit greatly.",
        "Mikhail Mishustin: Thank you, Mr Chairman.",
    )
    assert [(i, who) for i, who, _ in said] == [(0, XI), (1, XI), (2, MISHUSTIN)]


def test_he_said_in_the_middle_keeps_the_subject_and_the_report_is_not_the_speakers() -> None:
    said = _said(
        "Xi said the two countries are good neighbours.",
        "A stable relationship, he said, serves as an anchor for the region.",
        "The day before, on Tuesday, Mishustin and Premier Li Qiang held talks in Beijing.",
        "Mishustin said the talks were productive.",
        "Deputy PM Alexander Novak, who co-chairs the energy commission, reported on its work.",
        "Russian Deputy Prime Minister Alexei Overchuk, who accompanied Mishustin, attended.",
    )
    assert said == [
        (0, XI, "the two countries are good neighbours"),
        (1, XI, "A stable relationship serves as an anchor for the region"),
        (3, MISHUSTIN, "the talks were productive"),
    ]


def test_a_briefings_reporters_are_not_the_spokespersons_words() -> None:
    said = _said(
        "Mikhail Mishustin: We welcome the visit.",
        "TASS: Will the premier also meet the president?",
        "Can you confirm this?",
        "Mikhail Mishustin: I have nothing to add.",
    )
    assert said == [
        (0, MISHUSTIN, "We welcome the visit."),
        (3, MISHUSTIN, "I have nothing to add."),
    ]


def test_a_broadcast_scripts_soundbites_speak_and_its_captions_and_reporter_do_not() -> None:
    said = _said(
        "(12:01:05) PRESENTER:",
        "Talks between the two leaders ended an hour ago.",
        "12:01:14 CAPTION: XI JINPING, CHINESE PRESIDENT",
        "12:01:20 VOICE-OVER:",
        "Officials from both cabinets sat in the hall as well.",
        "12:01:31 SOT (in Chinese) XI JINPING, CHINESE PRESIDENT:",
        '"We hope the railway bridge will carry twice the freight.',
        'Customs will work around the clock."',
        "12:01:44 SOUNDBITE (English) TEA BLENDER, PAVEL SOROKIN, SAYING:",
        '"Our orders rose by half."',
        "2. (SOUNDBITE) (Russian) RUSSIAN PRIME MINISTER, MIKHAIL MISHUSTIN, SAYING:",
        '"I hope the new flights start in spring."',
        "12:02:03 REPORTER (STAND-UP):",
        "The delegations then moved on to lunch, the visit continuing tomorrow.",
    )
    assert said == [
        (6, XI, "We hope the railway bridge will carry twice the freight."),
        (7, XI, "Customs will work around the clock."),
        (11, MISHUSTIN, "I hope the new flights start in spring."),
    ]
    kinds = [s.kind for s in reported(
        ['SOT: MIKHAIL MISHUSTIN:', '"We hope to double it."'], family_names(GAZ, ["Mishustin"])
    )]  # fmt: skip
    assert kinds == ["hope"]
