"""Who says what (bot/speech.py): live-blog entries, a post quoted with its speaker label, a
source aside ("Xi, per the pool:"), "X, he said, Y", and the report's own sentences that are no
one's words. The articles are a few invented sentences in the genre."""

from __future__ import annotations

from bot.context import family_names, title_holder, titled_people
from bot.gazetteer import load_gazetteer
from bot.speech import interviewee, reported

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
        # someone the article does not know speaks in the name the cue gives, not an occupation
        (9, "Pavel Sorokin", "Our orders rose by half."),
        (11, MISHUSTIN, "I hope the new flights start in spring."),
    ]
    kinds = [s.kind for s in reported(
        ['SOT: MIKHAIL MISHUSTIN:', '"We hope to double it."'], family_names(GAZ, ["Mishustin"])
    )]  # fmt: skip
    assert kinds == ["hope"]


def test_a_soundbite_names_its_speaker_in_parentheses() -> None:
    """ "[00:12:55] SOUNDBITE (Xi Jinping, via interpreter): ..." (the parentheses short enough
    to be read as the cue's own) and a longer one with his office: his words, to the next cue."""
    said = _said(
        "[00:12:44] SOUNDBITE (Xi Jinping, Chinese President, via interpreter): China is ready "
        "to import more.",
        "[00:12:55] SOUNDBITE (Xi Jinping, via interpreter): The world is changing.",
        "China and Russia must stand together.",
        "[00:13:04] CORRESPONDENT (Daniel Okafor): Trade was on the agenda.",
    )
    assert said == [
        (0, XI, "China is ready to import more."),
        (1, XI, "The world is changing."),
        (2, XI, "China and Russia must stand together."),
    ]


def test_an_interviews_answers_are_the_interviewees_and_what_others_said_is_theirs() -> None:
    """ "Q:" is the interviewer's, "A:" the interviewee's to the end of its paragraph; a leader
    the interviewee quotes ("President Xi said that ...") said that, not the interviewee."""
    lines = ("Q: Were you there?", "A: Yes.", "I was present.",
             "President Xi said that trade had reached its target.",
             "Interview by Anna Smirnova.")  # fmt: skip
    found = reported(lines, family_names(GAZ, lines), title_holder(GAZ, lines),
                     answers="Ivan Petrov", paragraphs=frozenset({0, 1, 4}))  # fmt: skip
    assert [(s.idx, s.speaker, s.content) for s in found] == [
        (2, "Ivan Petrov", "I was present."),  # ("Yes.": a reply word, nothing said)
        (3, XI, "trade had reached its target"),
    ]


def test_a_live_threads_posts_labels_and_stamps() -> None:
    """A label line with the remarks it opens ("Mishustin, opening remarks (...):"), a label
    behind a post's sign ("⚡️ Xi Jinping (via interpreter): ..."); a time stamp starts a post."""
    said = _said(
        "Mishustin, opening remarks (open part, in front of the cameras):",
        '"Comrade Chairman, dear friend, welcome to the Government House.',
        'Last year our trade grew by 8.5 percent."',
        "[14:16]",
        "More in a moment, the talks go on behind closed doors.",
        "⚡️ Xi Jinping (via interpreter): China is ready to turn the agreements into results.",
    )
    assert said == [
        (1, MISHUSTIN, "Comrade Chairman, dear friend, welcome to the Government House."),
        (2, MISHUSTIN, "Last year our trade grew by 8.5 percent."),
        (5, XI, "China is ready to turn the agreements into results."),
    ]


def test_a_quote_goes_on_to_its_end_and_a_releases_points_are_no_ones() -> None:
    """The association chairman's quote over three sentences is his; "In Mr Lin's view" is
    his; the release's next bullet after a leader's point is no one's."""
    lines = (
        "• Xi Jinping noted that trade reached $258.9 billion in 2025.",
        "• Twelve agreements were signed following the talks, including one on a bridge.",
        '"The target is realistic," said SRBC President Lin Haoran.',
        '"I will say it plainly: the problem is insurance.',
        "A trader in Harbin still cannot insure a cargo going to Kazan.",
        'That is what we will raise with both governments."',
        'In Mr Lin\'s view, the bridge agreement is "the most useful document of the visit".',
        "SRBC FIGURES",
        "The first quarter of 2026 was the best quarter on record for trade.",
    )
    gaz = GAZ.with_people(titled_people(GAZ, lines))  # "SRBC President Lin Haoran"
    said = [(s.idx, s.speaker) for s in reported(lines, family_names(gaz, lines))]
    assert said == [
        (0, XI), (2, "Lin Haoran"), (3, "Lin Haoran"), (4, "Lin Haoran"), (5, "Lin Haoran"),
        (6, "Lin Haoran"),
    ]  # fmt: skip
    assert titled_people(GAZ, lines)[0].attr("role") == "President of SRBC"


def test_a_columns_own_sentences_do_not_carry_on_reported_speech() -> None:
    """ "Two months later, he did." tells what he did; "So what comes next?" is the writer
    asking: neither what Mishustin told Xi, nor what follows the writer's question."""
    said = _said(
        'Mishustin told Xi that relations were "at their highest level in history".',
        "Two months later, he did, and the visit was long remembered.",
        "So what comes next?",
        "Here, honesty requires a great deal of caution about the months ahead.",
    )
    assert [s[0] for s in said] == [0]


def test_who_met_the_other_calls_for_what_the_meeting_sentence_ends_with() -> None:
    """ "Xi Jinping met with Mikhail Mishustin on Tuesday in Beijing, calling for enhanced
    cooperation": Xi calls for it (a meeting's sentence with a gerund of saying)."""
    found = reported(
        [
            "Chinese President Xi Jinping met with Russian Prime Minister Mikhail "
            "Mishustin on Tuesday in Beijing, calling for enhanced cooperation on "
            "multiple fronts."
        ],
        family_names(GAZ, ["Xi Jinping", "Mikhail Mishustin"]),
    )
    assert [(s.speaker, s.kind, s.content) for s in found] == [
        (XI, "call", "enhanced cooperation on multiple fronts")]  # fmt: skip


def test_a_spokesmans_readout_gives_the_words_it_reports_to_their_speakers() -> None:
    # a press conference: the spokesman's label holds, but "President Xi said ..." and the "He
    # pointed out" after it are Xi's; "Prime Minister Mishustin conveyed ..." makes him "he"
    said = _said(
        "Wang Yi: Good afternoon.",
        "President Xi said the two sides should expand cooperation in shipping.",
        "He pointed out that trade reached US$181.6 billion.",
        "Prime Minister Mishustin conveyed President Putin's warm greetings to President Xi.",
        "He said Russia firmly abides by the one-China principle.",
    )
    speakers = {idx: who for idx, who, _ in said}
    assert speakers[0] == "Wang Yi"
    assert speakers[1] == XI and speakers[2] == XI
    assert speakers[4] == MISHUSTIN


def test_a_live_blogs_update_gives_a_quote_to_whom_it_says_said_it() -> None:
    said = _said(
        'Xi: "Our trade has grown fivefold in twenty years, and this is only the beginning."',
        'UPDATE: The quote in our 15:02 entry ("Our trade has grown fivefold in twenty '
        'years...") was said by Prime Minister Mikhail Mishustin, not by Xi Jinping.',
    )
    assert [(idx, who) for idx, who, _ in said] == [(0, MISHUSTIN)]


def test_a_live_blogs_speaker_in_his_opening_remarks() -> None:
    said = _said(
        '14:40 - Xi in his opening remarks: "This year we celebrate the 20th anniversary."',
    )
    assert [(who, text.strip('"')) for _, who, text in said] == [
        (XI, "This year we celebrate the 20th anniversary.")
    ]


def test_an_interviews_introduction_names_who_answers_and_an_answer_keeps_its_question() -> None:
    """The introduction opens on the interviewee, whom the gazetteer does not know (the
    headline names the principals more often); the first line of each answer keeps the
    question it answers, which words its statement for matching ("the tea")."""
    sentences = (
        '"The tea went cold": a diplomat on the Xi - Mishustin meetings',
        "Pavel Orlov served as Russia's consul in Shanghai until 2030.",
        "Q: You saw President Xi Jinping and Prime Minister Mikhail Mishustin many times.",
        "A: Five times, in all.",
        "Q: Why did the tea go cold?",
        "A: Because nobody touched it.",
        "The talks ran long.",
    )
    found = reported(sentences, family_names(GAZ, sentences), title_holder(GAZ, sentences),
                     interviewee(sentences, family_names(GAZ, sentences)),
                     frozenset({0, 1, 2, 3, 4, 5}))  # fmt: skip
    assert [(s.idx, s.speaker, s.asked) for s in found] == [
        (
            3,
            "Pavel Orlov",
            "You saw President Xi Jinping and Prime Minister Mikhail Mishustin many times.",
        ),
        (5, "Pavel Orlov", "Why did the tea go cold?"),
        (6, "Pavel Orlov", ""),
    ]
