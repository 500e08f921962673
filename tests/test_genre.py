"""The genre's other ways of saying things (issue 13): family names alone, greetings passed on in
a transcript or through two people, a host's welcome naming the city, "last November", a meeting
"due" later, the wire's "w/" and "rbls". Articles here are a few invented sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from bot.context import Context
from bot.corpus import parse_article
from bot.extract import extract
from bot.facts import Fact
from bot.gazetteer import load_gazetteer

GAZ = load_gazetteer()
XI, MISHUSTIN, PUTIN, LI = "Xi Jinping", "Mikhail Mishustin", "Vladimir Putin", "Li Qiang"


def _read(text: str) -> tuple[Context, list[Fact]]:
    return extract(parse_article(Path("x.txt"), text.encode()), GAZ)


def _parts(facts: list[Fact], kind: str) -> list[Any]:
    return [f.parts for f in facts if f.kind == kind]


def _others(ctx: Context) -> set[tuple[frozenset[str], str, str, str]]:
    return {(frozenset(e.who), e.when, e.place or e.country, e.tense) for e in ctx.encounters
            if not (e.principal and e.reported)}  # fmt: skip


def test_a_family_name_alone_is_the_person_the_article_named_in_full() -> None:
    _, facts = _read(
        " date 2025-06-11\nKAZAN, June 10 (Xinhua) -- Chinese Premier Li Qiang and Russian "
        "Prime Minister Mikhail Mishustin held talks in Kazan on Tuesday.\n"
        "Trade between the two countries has kept growing, Li said, noting that the sides "
        "should expand cooperation in shipbuilding.\n"
        "Li called on both sides to deepen exchanges between universities.\n"
        "After the talks, the two heads of government visited an exhibition of regional goods."
    )
    said = {(p.speaker, p.content) for p in _parts(facts, "statement")}
    assert any(speaker == LI and c.startswith("Trade between the two") for speaker, c in said)
    assert any(speaker == LI and c.startswith("both sides to deepen") for speaker, c in said)
    assert not any(c.startswith("After the talks") for _, c in said)  # the report, not Li


def test_greetings_in_a_transcript_and_through_two_people() -> None:
    _, facts = _read(
        " date 2025-02-12\nMishustin meets Xi\n"
        "Xi Jinping (via interpreter): Mr Prime Minister, welcome to Beijing. Please pass my warm "
        "regards to my friend President Vladimir Putin.\n"
        "Mikhail Mishustin: Thank you, Mr Chairman. Our meeting today is a great honour."
    )
    assert {(p.form, p.sender, p.via, p.to) for p in _parts(facts, "greeting")} == {
        ("asked", XI, MISHUSTIN, PUTIN)
    }
    _, wire = _read(
        " date 2025-02-12\nBEIJING, Feb 12 (Interfax) - PM Mikhail Mishustin met Chinese "
        "President Xi Jinping on Wednesday.\nMishustin conveyed greetings from President Vladimir "
        "Putin. Xi asked him to pass his best wishes back to Putin."
    )
    assert {(p.form, p.sender, p.via, p.to) for p in _parts(wire, "greeting")} == {
        ("conveyed", PUTIN, MISHUSTIN, XI),
        ("asked", XI, MISHUSTIN, PUTIN),
    }
    _, premiers = _read(
        " date 2025-06-11\nKAZAN, June 10 (Xinhua) -- Chinese Premier Li Qiang and Russian "
        "Prime Minister Mikhail Mishustin held talks in Kazan on Tuesday.\n"
        "Li conveyed the sincere greetings of Chinese President Xi Jinping to Russian President "
        "Vladimir Putin and asked Mishustin to pass them on."
    )
    assert {(p.form, p.sender, p.via, p.to) for p in _parts(premiers, "greeting")} == {
        ("conveyed", XI, LI, PUTIN)
    }


def test_a_hosts_welcome_names_the_city_and_last_month_is_a_recalled_meeting() -> None:
    ctx, _ = _read(
        " date 2025-02-12\nMishustin meets Xi\n"
        "The meeting took place during the Prime Minister's official visit to China.\n"
        "Mikhail Mishustin and Xi Jinping\nExcerpts from the transcript:\n"
        "Xi Jinping: Mr Prime Minister, welcome to Beijing. We met here last October, and I am "
        "glad to see you again."
    )
    assert ctx.principal and ctx.place == "Beijing"
    assert (frozenset({XI, MISHUSTIN}), "2024-10", "Beijing", "past") in _others(ctx)


def test_a_meeting_due_later_is_planned_and_wire_shorthand_is_read() -> None:
    ctx, facts = _read(
        " date 2025-02-12\nBEIJING, Feb 12 (Interfax) - PM Mikhail Mishustin met Chinese "
        "President Xi Jinping in Beijing on Wednesday.\n"
        "On Feb 11 Mishustin held talks w/ Premier Li Qiang in Beijing.\n"
        "In 2024 turnover rose 2.3 pct to $240 bln (over 21 trln rbls).\n"
        "The premiers' 30th regular meeting is due in Russia in the autumn. Mishustin and Xi last "
        "met in Moscow in Mar. 2024."
    )
    others = _others(ctx)
    assert (frozenset({LI, MISHUSTIN}), "2025-02-11", "Beijing", "past") in others
    assert (frozenset({LI, MISHUSTIN}), "", "Russia", "future") in others
    assert (frozenset({XI, MISHUSTIN}), "2024-03", "Moscow", "past") in others
    amounts = {(p.n, p.unit, p.currency, p.growth) for p in _parts(facts, "trade")}
    assert amounts == {("240", "billion", "USD", "2.3"), ("21", "trillion", "rubles", "2.3")}


def test_where_after_a_city_and_the_next_regular_meeting_of_the_same_premiers() -> None:
    ctx, _ = _read(
        " date 2025-06-12\nMOSCOW, June 12. /TASS/. Russian Prime Minister Mikhail Mishustin "
        "and Chinese President Xi Jinping met in Moscow on Thursday.\n"
        "Xi came to the Russian capital from Kazan, where on Wednesday Mishustin and Chinese "
        "Premier Li Qiang held the 29th regular meeting of the heads of government."
    )
    assert (frozenset({LI, MISHUSTIN}), "2025-06-11", "Kazan", "past") in _others(ctx)
    premiers, _ = _read(
        " date 2025-06-11\nKAZAN, June 10 (Xinhua) -- Chinese Premier Li Qiang and Russian "
        "Prime Minister Mikhail Mishustin co-chaired the 29th regular meeting between Chinese and "
        "Russian heads of government here on Tuesday.\n"
        "Mishustin said he looks forward to visiting China next year for the 30th regular "
        "meeting, to be held in Wuhan."
    )
    assert (frozenset({LI, MISHUSTIN}), "2026", "Wuhan", "future") in _others(premiers)


def test_events_and_areas_the_wire_names_otherwise() -> None:
    _, facts = _read(
        " date 2025-06-11\nKAZAN, June 10 (Xinhua) -- Chinese Premier Li Qiang and Russian "
        "Prime Minister Mikhail Mishustin held talks in Kazan on Tuesday.\n"
        "Li urged both sides to open up new growth points such as biomedicine, microelectronics "
        "and the low-altitude economy.\n"
        "China will host the APEC Economic Leaders' Meeting in Shenzhen in November, Li said.\n"
        "On Wednesday, Mishustin will speak at the Russian-Chinese business forum in Kazan."
    )
    areas = {f.value for f in facts if f.kind == "area"}
    assert {"biomedicine", "microelectronics", "low-altitude economy"} <= areas
    events = {(f.value, f.parts.place) for f in facts if f.kind == "event"}  # type: ignore[attr-defined]
    assert events == {
        ("APEC leaders' meeting", "Shenzhen"),
        ("Russian-Chinese business forum", "Kazan"),
    }


def test_who_took_part_on_a_side_and_a_visit_to_the_peoples_republic() -> None:
    _, facts = _read(
        " date 2025-03-05\nMikhail Mishustin's working visit to the People's Republic of China\n"
        "Mikhail Mishustin met with Xi Jinping in Beijing on Tuesday.\n"
        "Taking part in the meeting on the Russian side were Deputy Prime Ministers Alexander "
        "Novak and Alexei Overchuk.\n"
        "The Chinese side was represented by Foreign Minister Wang Yi.\n"
        "Xi invited Russian companies to take part in the Canton Fair."
    )
    present = {f.value for f in facts if f.kind == "person" and f.qualifier == "present"}
    assert present == {"Alexander Novak", "Alexei Overchuk", "Wang Yi"}
    (visit,) = [f for f in facts if f.kind == "occasion"]
    assert visit.display == "working visit to China by Mikhail Mishustin"
    assert visit.parts.to == "China"  # type: ignore[attr-defined]


def test_an_invitation_is_accepted_only_when_the_text_says_so() -> None:
    """The guest's own "I accept your invitation" in a transcript, or "X said he gladly accepted";
    an invitation with no answer, or the host's words, accept nothing (issue 13)."""
    transcript = (
        " date 2027-03-10\nMikhail Mishustin meets with Xi Jinping\n"
        "Moscow, March 9. Mikhail Mishustin held a meeting with Xi Jinping at the Government "
        "House.\nXi Jinping: I would like to invite you to visit Shanghai at a convenient time.\n"
        "Mikhail Mishustin: Thank you. I accept your invitation with pleasure."
    )
    (p,) = _parts(_read(transcript)[1], "invitation")
    assert p.guest == MISHUSTIN and p.accepted
    reported = (
        " date 2025-06-11\nBEIJING, June 10 (Xinhua) -- Chinese President Xi Jinping met with "
        "Russian Prime Minister Mikhail Mishustin in Beijing on Tuesday.\n"
        "Xi invited Putin to visit China next year.\nPutin said he gladly accepted."
    )
    (p,) = _parts(_read(reported)[1], "invitation")
    assert p.guest == PUTIN and p.accepted
    unanswered = reported.replace("Putin said he gladly accepted.", "Xi said he is glad.")
    (p,) = _parts(_read(unanswered)[1], "invitation")
    assert not p.accepted
    hosts_words = reported.replace("Putin said he gladly", "Xi said the offer was gladly")
    (p,) = _parts(_read(hosts_words)[1], "invitation")
    assert not p.accepted


def test_the_guest_is_the_object_of_invited_and_may_accept_the_hosts_invitation() -> None:
    """A machine translation garbles the guest's name ("Michase Jing"): Xi, named later in the
    sentence, is no guest of his own invitation. "accepted Xi Jinping's invitation" accepts."""
    garbled = (
        " date 2023-03-22\nMOSCOW, March 21 (Xinhua) -- Chinese President Xi Jinping met with "
        "Russian Prime Minister Mikhail Mishustin in Moscow on Tuesday.\n"
        "Xi Jinping invited Michase Jing to visit China as soon as possible, and Masasus Jing has "
        "also accepted Xi Jinping's invitation to visit China."
    )
    assert _parts(_read(garbled)[1], "invitation") == []
    named = garbled.replace("Michase Jing", "Mikhail Mishustin").replace("Masasus Jing", "he")
    named = named.replace(", and he has also accepted", ". Mishustin accepted")
    (p,) = _parts(_read(named)[1], "invitation")
    assert (p.host, p.guest, p.accepted) == ("Xi Jinping", MISHUSTIN, True)


def test_a_live_blog_gives_the_clock_the_people_at_the_table_and_the_visitors_side() -> None:
    ctx, facts = _read(
        " date 2025-11-04\nLIVE: Mishustin in Beijing - talks with Xi Jinping\n"
        "10:40 - Talks over after about 40 minutes.\n"
        "10:15 - Around the table with Xi: Wang Yi.\n"
        "With Mishustin: Deputy PM Dmitry Chernyshenko and Ambassador Igor Morgulov.\n"
        "10:05 - Xi received Mishustin at the Great Hall of the People, where the motorcade "
        "arrived at 10:05.\n"
    )
    assert ctx.principal and ctx.daytime == "morning"
    assert [(p.part, p.time) for p in _parts(facts, "daytime")] == [("morning", "10:05")]
    present = {f.value for f in facts if f.kind == "person" and f.qualifier == "present"}
    assert present == {"Wang Yi", "Dmitry Chernyshenko", "Igor Morgulov"}
    # the ambassador sits with the visitor but lives there: present, not come along
    assert [p.people for p in _parts(facts, "delegation")] == [("Dmitry Chernyshenko",)]


def test_at_the_invitation_of_and_an_invitation_recalled_to_the_guest() -> None:
    _, facts = _read(
        " date 2025-10-31\nAt the invitation of Premier of the State Council Li Qiang, Prime "
        "Minister Mikhail Mishustin will pay a working visit to China from November 3 to 4.\n"
        "Mishustin also reminded Xi Jinping that Putin had invited him to the BRICS summit in "
        "Kazan.\n"
        "Xi met Mishustin in Moscow and invited him to visit China."
    )
    found = {(p.host, p.guest, p.action, p.dest) for p in _parts(facts, "invitation")}
    assert (LI, MISHUSTIN, "visit", "China") in found
    assert (PUTIN, XI, "attend", "") in found
    assert not any(host == MISHUSTIN for host, *_ in found)  # "met ... and invited him": Xi's


def test_a_delegation_expected_to_include_is_planned_not_present() -> None:
    _, facts = _read(
        " date 2024-08-16\nMikhail Mishustin to pay official visit to China\n"
        "On 20-21 August, Prime Minister Mikhail Mishustin will pay an official visit to China.\n"
        "Mikhail Mishustin will also be received by President Xi Jinping.\n"
        "The Russian delegation is expected to include Deputy Prime Ministers Alexander Novak and "
        "Alexei Overchuk."
    )
    assert [(p.people, p.planned) for p in _parts(facts, "delegation")] == [
        (("Alexander Novak", "Alexei Overchuk"), True)
    ]
    assert not [f for f in facts if f.kind == "person" and f.qualifier == "present"]


def test_a_speakers_our_is_not_part_of_the_anniversarys_subject() -> None:
    """ "This year, we will celebrate the 75th anniversary of our diplomatic relations": the
    anniversary is of diplomatic relations (not "the our diplomatic relations")."""
    _, facts = _read(
        " date 2024-08-21\nMikhail Mishustin meets with Xi Jinping\n"
        "Mikhail Mishustin: This year, we will celebrate the 75th anniversary of our diplomatic "
        "relations."
    )
    (anniversary,) = [f for f in facts if f.kind == "anniversary"]
    assert anniversary.parts.of == "diplomatic relations"  # type: ignore[attr-defined]
    assert "the our" not in anniversary.display


def test_a_broadcast_transcripts_line_says_when_the_meeting_took_place() -> None:
    """ "[00:11:59] CORRESPONDENT (Daniel Okafor): Helen, the meeting took place this afternoon,
    Tuesday the eighteenth of May": the time code, the label and whom he addresses lead the
    line; the meeting's day is that Tuesday of the caption's year (no date header)."""
    ctx, _ = _read(
        "WORLD TONIGHT - EVENING EDITION\nProgramme transcript (automated, lightly edited). "
        "Segment 3 of 8. Times are programme time codes.\n"
        "[00:11:40] ANCHOR (Helen Marsh): Good evening. We begin in China, where President Xi "
        "Jinping has held talks with Russia's Prime Minister Mikhail Mishustin. Trade was high on "
        "the agenda. Our correspondent is in Beijing. Daniel - what came out of today's meeting?\n"
        "[00:11:58] [CAPTION: LIVE | BEIJING | TUESDAY 18 MAY 2027]\n"
        "[00:11:59] CORRESPONDENT (Daniel Okafor): Helen, the meeting took place this afternoon, "
        "Tuesday the eighteenth of May, at the Diaoyutai State Guesthouse.\n"
    )
    assert ctx.meeting_date == date(2027, 5, 18) and ctx.place == "Beijing"


def test_a_table_of_trade_by_year_gives_each_years_figures_and_change() -> None:
    """A scraped page's table: a column's unit and currency from its heading, the change on a
    year earlier from its own column; the page's menus (cells of no trade) give nothing."""
    _, facts = _read(
        " date 2028-11-07\nHome | World | Business | Markets\n"
        "SHANGHAI, Nov. 7 -- Xi Jinping met Mikhail Mishustin on Tuesday in Shanghai.\n"
        "| Year | Trade, USD bn | Trade, CNY trn | Change y/y |\n"
        "|------|---------------|----------------|------------|\n"
        "| 2024 | 244.8         | 1.74           | +1.9%      |\n"
        "| 2025 | 228.0         | 1.63           | -6.9%      |\n"
    )
    trade = sorted(f.display for f in facts if f.kind == "trade")
    assert trade == [
        "trade of $228.0 billion in 2025, down 6.9% on a year earlier",
        "trade of $244.8 billion in 2024, up 1.9% on a year earlier",
        "trade of 1.63 trillion yuan in 2025, down 6.9% on a year earlier",
        "trade of 1.74 trillion yuan in 2024, up 1.9% on a year earlier",
    ]


def test_a_delegation_brought_along_or_of_a_side_names_who_came() -> None:
    """ "He has brought a heavyweight delegation with him: Deputy Prime Ministers ..." and
    "... were part of the Russian delegation"."""
    head = (" date 2027-05-18\nBEIJING, May 18 -- Xi Jinping met Mikhail Mishustin on Tuesday "
            "at the Diaoyutai State Guesthouse.\n")  # fmt: skip
    brought = (
        "He has brought a heavyweight delegation with him: Deputy Prime Ministers Alexei "
        "Overchuk and Dmitry Chernyshenko were in the room.\n"
    )
    _, facts = _read(head + brought)
    assert [p.people for p in _parts(facts, "delegation")] == [
        ("Alexei Overchuk", "Dmitry Chernyshenko")]  # fmt: skip
    part = (
        "Deputy Prime Minister Alexei Overchuk and Deputy Prime Minister Tatyana Golikova "
        "were part of the Russian delegation.\n"
    )
    _, facts = _read(head + part)
    assert [p.people for p in _parts(facts, "delegation")] == [
        ("Alexei Overchuk", "Tatyana Golikova")]  # fmt: skip


def test_an_amount_in_a_condition_or_a_question_is_no_trade_figure() -> None:
    _, facts = _read(
        " date 2026-02-10\nOPINION\nThe question everyone asks is whether the $300 billion mark "
        "is reachable. If trade reaches $300 billion by 2030, it will be because of agriculture. "
        "Last year trade fell to $228 billion.\n"
    )
    assert [f.display for f in facts if f.kind == "trade"] == ["trade of $228 billion in 2025"]


def test_a_visit_said_here_and_an_invitation_handed_over() -> None:
    """ "Mr Mishustin is here on a three-day official visit to China"; "Mr Mishustin also
    handed over an invitation from President Putin for Mr Xi to visit Russia next year"."""
    _, facts = _read(
        " date 2027-05-18\nBEIJING, May 18 -- Xi Jinping met Mikhail Mishustin on Tuesday.\n"
        "Mr Mishustin is here on a three-day official visit to China.\n"
        "Mr Mishustin also handed over an invitation from President Putin for Mr Xi to visit "
        "Russia next year.\n"
    )
    (visit,) = [f for f in facts if f.kind == "occasion"]
    assert visit.display == "three-day official visit to China by Mikhail Mishustin"
    (p,) = _parts(facts, "invitation")
    assert (p.host, p.guest, p.via, p.dest) == (PUTIN, XI, MISHUSTIN, "Russia")


def test_an_arrival_note_dated_by_the_article_with_who_met_him_and_until_when() -> None:
    """A government note: a bare "arrived" is the article's date (the parts say so), "At the
    plane's exit ... was met by" names who met him, "will stay in China until" the last day."""
    _, facts = _read(
        " date 2026-04-07\nMishustin arrives in Beijing\n"
        "Russian Prime Minister Mikhail Mishustin arrived on an official visit to Beijing.\n"
        "At the plane's exit, he was met by Chinese Ambassador to Russia Zhang Hanhui and "
        "Russian Ambassador to China Igor Morgulov.\n"
        "Mishustin will stay in China until April 9. He will meet Xi Jinping on Wednesday."
    )
    (arrival,) = _parts(facts, "arrival")
    assert (arrival.who, arrival.place, arrival.when, arrival.dated, arrival.visit) == (
        MISHUSTIN, "Beijing", "2026-04-07", "article", "official")  # fmt: skip
    assert arrival.met_by == ("Zhang Hanhui", "Igor Morgulov")
    assert arrival.until == "2026-04-09"
    (fact,) = [f for f in facts if f.kind == "arrival"]
    assert "the article's date" in fact.display and "(3 days)" in fact.display


def test_an_arrival_on_a_weekday_is_that_day_and_one_at_the_talks_is_none() -> None:
    """ "arrived in Moscow on Monday evening" counts back from the dateline; "landed at Vnukovo
    airport" names the airport; arriving at a building for the talks is no arrival."""
    _, facts = _read(
        " date 2026-03-25\nMOSCOW, March 25 (Xinhua) -- Chinese President Xi Jinping, who "
        "arrived in Moscow on Monday evening, held talks with Mikhail Mishustin on Wednesday.\n"
        "Xi Jinping landed at Vnukovo airport, where he was greeted by Sergei Lavrov.\n"
        "Mishustin arrived at the Government House shortly before noon."
    )
    (arrival,) = _parts(facts, "arrival")
    assert (arrival.who, arrival.place, arrival.when, arrival.daytime, arrival.dated) == (
        XI, "Moscow", "2026-03-23", "evening", "text")  # fmt: skip
    assert (arrival.airport, arrival.met_by) == ("Vnukovo", ("Sergei Lavrov",))


def test_a_weekday_with_its_day_of_the_month_in_a_report_without_a_year() -> None:
    """A machine translation: "arrived in Moscow on Monday (20th)" beside "on Tuesday (March
    21)": March 20, the year unknown, as the meeting's."""
    _, facts = _read(
        "Xi Jinping met Mikhail Mishustin in Moscow on Tuesday (March 21).\n"
        "Xi Jinping arrived in Moscow on Monday (20th) in the afternoon of local time to start a "
        "state visit to Russia."
    )
    (arrival,) = _parts(facts, "arrival")
    assert (arrival.month, arrival.day, arrival.when, arrival.weekday) == (3, 20, "", "Monday")
    assert (arrival.visit, arrival.daytime) == ("state", "afternoon")


def test_a_quoted_analyst_named_after_says_and_a_soundbites_scholar_are_speakers() -> None:
    """'"...," says Elena Sorokina, a China specialist at a Moscow think tank.' and a
    soundbite's "(Liu Shaohua, international relations scholar, Renmin University)": people the
    gazetteer lacks, introduced by what they do, say what they say."""
    _, facts = _read(
        " date 2026-02-10\nOPINION\nXi Jinping met Mikhail Mishustin in Moscow on March 21, "
        "2023.\n"
        '"Three hundred billion is a political number, not an economic forecast," says Elena '
        "Sorokina, a China specialist at a Moscow think tank.\n"
        "[00:14:11] SOUNDBITE (Liu Shaohua, international relations scholar, Renmin University): "
        "This was a meeting about contracts, not about protocol.\n"
    )
    said = {f.parts.speaker for f in facts if f.kind == "statement"}  # type: ignore[attr-defined]
    assert {"Elena Sorokina", "Liu Shaohua"} <= said


def test_a_regular_meeting_a_day_before_the_meeting_is_of_that_day() -> None:
    # "..., a day after Mishustin and Li Qiang co-chaired the 33rd regular meeting ... in the
    # city": the regular meeting was held the day before the one reported, where it was.
    ctx, facts = _read(
        " date 2028-11-07\nSHANGHAI, Nov. 7 (EWD) -- Chinese President Xi Jinping met Russian "
        "Prime Minister Mikhail Mishustin on Tuesday at a state guesthouse in Shanghai, a day "
        "after Mishustin and Chinese Premier Li Qiang co-chaired the 33rd regular meeting of the "
        "heads of government of China and Russia in the city."
    )
    assert ctx.meeting_date == date(2028, 11, 7)
    (regular,) = [e for e in ctx.encounters if e.number == 33]
    assert (regular.when, regular.place) == ("2028-11-06", "Shanghai")
    assert [p.held for p in _parts(facts, "occasion") if p.form == "regular meeting"] == [
        "2028-11-06"
    ]


def test_a_visit_named_by_its_possessor_is_that_persons() -> None:
    # "X met Y ..., during X's three-day state visit": X's visit, not that of the last person
    # named before it.
    _, facts = _read(
        " date 2023-03-22\nMOSCOW, March 21 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin in Moscow on Tuesday, during Xi's three-day state visit."
    )
    assert [p.by for p in _parts(facts, "occasion") if p.form == "visit"] == [XI]
