"""Who met whom: the principals' meeting an article reports, and the other meetings it mentions
(issue 13). Articles here are a few sentences in the genre, not the test articles."""

from __future__ import annotations

from pathlib import Path

from bot.context import REPORT, Context, article_context, title_holder
from bot.corpus import parse_article
from bot.gazetteer import load_gazetteer
from bot.kinds import delegation

GAZ = load_gazetteer()


def _context(text: str, name: str = "x") -> Context:
    return article_context(parse_article(Path(f"{name}.txt"), text.encode()), GAZ)


def _others(ctx: Context) -> set[tuple[frozenset[str], str, str, str]]:
    return {(frozenset(e.who), e.when, e.place or e.country, e.tense) for e in ctx.encounters
            if not (e.principal and e.reported)}  # fmt: skip


def test_only_the_principals_meeting_is_the_meeting() -> None:
    ctx = _context(
        " date 2024-12-11\nBEIJING, Dec. 10 -- Chinese President Xi Jinping received Russian "
        "Prime Minister Mikhail Mishustin in Beijing on Tuesday afternoon.\n"
        '"President Putin and I met twice last year, in Moscow and in Beijing," Xi told '
        "Mishustin.\nThey last met in Beijing in April.\n"
        "Mishustin said the 30th regular meeting of heads of government would take place in "
        "China next year."
    )
    assert ctx.principal and ctx.meeting_id == "2024-12-10-beijing" and ctx.daytime == "afternoon"
    xi, putin, li, mishustin = "Xi Jinping", "Vladimir Putin", "Li Qiang", "Mikhail Mishustin"
    assert _others(ctx) == {
        (frozenset({xi, putin}), "2023", "Moscow", "past"),
        (frozenset({xi, putin}), "2023", "Beijing", "past"),
        (frozenset({xi, mishustin}), "2024-04", "Beijing", "past"),  # recalled
        # the heads of government's meeting: the article never names the Chinese premier
        (frozenset({mishustin}), "2025", "China", "future"),
    }
    named = _context(
        " date 2024-12-11\nBEIJING, Dec. 10 -- Chinese President Xi Jinping received Russian "
        "Prime Minister Mikhail Mishustin in Beijing on Tuesday afternoon, a day after Mishustin's "
        "talks with Chinese Premier Li Qiang.\n"
        "Mishustin said the 30th regular meeting of heads of government would take place in "
        "China next year."
    )
    assert (frozenset({li, mishustin}), "2025", "China", "future") in _others(named)


def test_an_announcement_reports_no_meeting_and_resolves_weekdays_forward() -> None:
    ctx = _context(
        " date 2024-04-14\nMOSCOW, April 14. Russian Prime Minister Mikhail Mishustin will "
        "travel to the People's Republic of China on a working visit, the press service said.\n"
        "On Monday, the head of the Russian government will hold talks with Premier Li Qiang. "
        "Tuesday's schedule includes a meeting with Chinese President Xi Jinping."
    )
    assert not ctx.principal and ctx.main is not None
    assert ctx.main.principal and ctx.main.tense == "future" and ctx.main.when == "2024-04-16"
    assert (frozenset({"Mikhail Mishustin", "Li Qiang"}), "2024-04-15", "China", "future") in (
        _others(ctx))  # fmt: skip


def test_a_premiers_meeting_is_its_articles_main_encounter() -> None:
    ctx = _context(
        "On the afternoon of August 21, 2024, Premier Li Qiang and Russian Prime Minister "
        "Mikhail Mishustin held the 29th regular meeting between Chinese and Russian heads of "
        "government at the Government House in Moscow.\n"
        "President Xi Jinping and President Vladimir Putin met in Beijing in May and again in "
        "Astana in July.\nLi Qiang arrived in Moscow on August 20 for an official visit to "
        "Russia. He is also scheduled to meet President Putin on Thursday."
    )
    assert not ctx.principal and ctx.main is not None
    assert (ctx.main.number, ctx.place, ctx.venue) == (29, "Moscow", "Government House")
    assert ctx.meeting_id == "2024-08-21-moscow-li-qiang"
    xi, putin = "Xi Jinping", "Vladimir Putin"
    assert {(frozenset({xi, putin}), "2024-05", "Beijing", "past"),
            (frozenset({xi, putin}), "2024-07", "Astana", "past"),
            (frozenset({"Li Qiang", putin}), "2024-08-22", "Moscow",
             "future")} <= _others(ctx)  # fmt: skip


def test_other_talks_do_not_give_the_meeting_its_venue() -> None:
    ctx = _context(
        "Chinese President Xi Jinping met with Russian Prime Minister Mikhail Mishustin at the "
        "Government House in Moscow on Thursday, a day after his talks with Russian President "
        "Vladimir Putin at the Kremlin."
    )
    assert (ctx.place, ctx.venue) == ("Moscow", "Government House")
    (talks,) = [e for e in ctx.encounters if "Vladimir Putin" in e.who]
    assert talks.venue == "Kremlin" and talks.what == "talks"


def test_a_garbled_dateline_is_dated_by_what_the_article_says_of_this_year() -> None:
    ctx = _context(
        "Moscow, 3 Mar - Press-service of Government RF\n\n"
        "Chairman of Government Mihail Mishustine had meeting with Chairman Si Tszinpin.\n"
        "Meeting was held in Beijing on Tuesday in evening, in Great Hall of People.\n"
        '"Current year we notice 25 years of the Treaty which our countries signed in 2001 year."'
    )
    assert ctx.meeting_id == "2026-03-03-beijing" and ctx.dated == "year inferred"
    assert (ctx.venue, ctx.daytime, ctx.weekday) == ("Great Hall of the People", "evening",
                                                     "Tuesday")  # fmt: skip


def test_without_evidence_of_the_year_the_day_stays_undated() -> None:
    ctx = _context(
        "Xi Jinping and Russian Prime Minister Mikhail Mishustin met in Moscow on Tuesday "
        "(March 21)."
    )
    assert ctx.meeting_date is None and ctx.month_day == (3, 21) and ctx.place == "Moscow"


def test_a_delegation_named_before_it_is_named() -> None:
    for text in (
        "Deputy PMs Tatyana Golikova and Alexei Overchuk are in the delegation.",
        "With me are Deputy Prime Ministers Tatyana Golikova and Alexei Overchuk.",
    ):
        ctx = _context(
            " date 2026-05-29\nBEIJING, May 28 -- Chinese President Xi Jinping met Russian Prime "
            f"Minister Mikhail Mishustin in Beijing on Thursday.\n{text}"
        )
        people, _, planned = delegation.members(ctx)
        assert people == ["Tatyana Golikova", "Alexei Overchuk"] and not planned, text


def test_titles_stand_for_the_gazetteer_role_holders() -> None:
    holder = title_holder(GAZ, ["Mishustin met Xi."])
    assert holder("the Russian prime minister") == holder("the pm") == "Mikhail Mishustin"
    assert holder("the head of the Russian government") == "Mikhail Mishustin"
    assert holder("the Chinese leader") == holder("the president") == "Xi Jinping"
    assert holder("the Chinese premier") is None  # Li Qiang is not named in the article
    assert title_holder(GAZ, ["Li Qiang spoke."])("the Chinese premier") == "Li Qiang"


def test_a_report_of_talks_with_others_has_no_meeting_of_the_principals() -> None:
    # Talks with a name the gazetteer cannot read, the prime minister named only in passing.
    ctx = _context(
        "Xi Jinping and Pudinov hold talks in Kremlin Gong\n"
        "Moscow 9th electric On the morning of the 9th, national chairman Xi Jinping held talks "
        "with president Pudinov.\n"
        "Pudinov said premier Mi Shusijing keep close communicate with China State Council."
    )
    assert not ctx.principal and ctx.meeting == ()
    assert not any(e.principal and e.reported for e in ctx.encounters)


def test_a_dateline_line_dates_the_meeting_not_the_guests_arrival_the_day_before() -> None:
    ctx = _context(
        " date 2024-10-18\nMishustin meets with Xi Jinping\nMoscow, October 15.\n"
        "Mikhail Mishustin held talks with Xi Jinping, who came to Russia the day before.\n"
        "The conversation took place on Tuesday afternoon at the Government House."
    )
    assert ctx.meeting_id == "2024-10-15-moscow" and ctx.weekday == "Tuesday"


def test_yesterday_counts_from_the_page_and_a_premiers_meeting_the_day_before_is_not_it() -> None:
    ctx = _context(
        " date 2024-10-18\nMishustin's visit to China\n"
        "Yesterday Mikhail Mishustin was received by President Xi Jinping in Beijing.\n"
        "On 16 October, the day before the meeting with the Chinese leader, Mikhail Mishustin "
        "and Premier Li Qiang co-chaired the 29th regular meeting of the heads of government."
    )
    assert ctx.principal and ctx.meeting_id == "2024-10-17-beijing"
    (premiers,) = [e for e in ctx.encounters if e.number == 29]
    assert set(premiers.who) == {"Mikhail Mishustin", "Li Qiang"} and not premiers.principal
    assert premiers.when == "2024-10-16"


def test_an_analysis_that_recalls_meetings_reports_none_of_its_own() -> None:
    ctx = _context(
        " date 2025-02-10\nCOMMENT | Why the premier keeps coming back\n"
        "Analysts have long watched how Beijing stages its ties with Moscow.\n"
        "The habit is older than it looks.\n"
        "It helps to start with the calendar.\n"
        "Beijing likes its rituals.\n"
        "So does Moscow.\n"
        "Xi's visit to Kazan in October 2024 did not include talks with Mikhail Mishustin.\n"
        "Nor did his stop in Moscow in May 2024 include a separate meeting with the prime "
        "minister, a trip given over to talks with Putin.\n"
        "That autumn the premiers held their 29th regular meeting with Li Qiang in Moscow."
    )
    assert not ctx.principal  # the premiers' meeting is only recalled: the piece's facts are
    assert ctx.main is not None and ctx.main.what == REPORT  # a group of the report's own
    assert ctx.meeting_date is None  # not the page's date: a meeting the piece recalls


def test_a_proposed_or_pencilled_in_meeting_is_planned() -> None:
    ctx = _context(
        " date 2024-10-15\nMOSCOW, Oct. 15 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin in Moscow on Tuesday.\n"
        "Mikhail Mishustin: We propose holding the 30th regular meeting of the heads of "
        "government with Premier Li Qiang in China.\n"
        "A visit by Li Qiang to Moscow, with talks with Vladimir Putin, has been pencilled in "
        "for the spring."
    )
    planned = {(e.number, frozenset(e.who)) for e in ctx.encounters if e.tense == "future"}
    assert planned == {(30, frozenset({"Mikhail Mishustin", "Li Qiang"})),
                       (None, frozenset({"Li Qiang", "Vladimir Putin"}))}  # fmt: skip


def test_a_meeting_placed_in_another_month_is_not_dated_by_the_page() -> None:
    ctx = _context(
        " date 2025-02-10\nLooking back at a busy autumn\n"
        "Xi Jinping received Mikhail Mishustin in Beijing in November 2024."
    )
    assert ctx.principal and ctx.meeting_date is None


def test_a_meeting_with_the_articles_person_is_with_whom_the_text_just_spoke_of() -> None:
    ctx = _context(
        " date 2025-02-10\nMikhail Mishustin and the Chinese calendar\n"
        "Mikhail Mishustin has become a familiar face in Beijing.\n"
        "Xi Jinping is expected to travel to Russia in the spring of 2026.\n"
        "Officials say a separate meeting with Mishustin at the Government House in Moscow is "
        "being prepared."
    )
    (planned,) = [e for e in ctx.encounters if e.tense == "future"]
    assert planned.principal and (planned.place, planned.venue) == ("Moscow", "Government House")


def test_a_briefing_that_recalls_a_meeting_in_a_reporters_question_reports_none() -> None:
    """A day named without its year takes the year the sentence gives its month ("In March
    2023 ... on March 21"), not the nearest one to the page (March 2026); a meeting first named
    deep in a briefing and placed in another year than the page's is recalled, not reported."""
    lines = [
        " date 2025-10-31",
        "Foreign Ministry Spokesperson's Regular Press Conference on October 31, 2025",
        "Premier Li Qiang will hold the 30th regular meeting of heads of government with Prime "
        "Minister Mikhail Mishustin in Hangzhou on November 3.",
        "Reuters: What will the premiers discuss?",
        "Spokesperson: Trade and energy.",
        "AFP: Any comment on the storm season?",
        "Spokesperson: We follow it closely.",
        "Kyodo: Will there be a statement on the summit?",
        "Spokesperson: Please stay tuned.",
        "RIA Novosti: In May 2024, during his visit, President Xi met Prime Minister Mishustin "
        "in Beijing on May 16 and invited him back. How does China see ties since then?",
        "Spokesperson: Ties have kept growing.",
    ]
    ctx = _context("\n".join(lines))
    assert not ctx.principal and ctx.main is not None and ctx.main.number == 30
    recalled = [e for e in ctx.encounters if e.principal]
    assert [(e.when, e.place, e.recall) for e in recalled] == [("2024-05-16", "Beijing", True)]
    lead = _context(" date 2025-01-10\n" + lines[-2].split(": ", 1)[1])
    assert lead.meeting_date is not None and lead.meeting_date.isoformat() == "2024-05-16"


def test_talks_before_meeting_xi_are_not_xis_and_a_conversation_is_named_so() -> None:
    ctx = _context(
        " date 2026-05-28\nBEIJING, May 28 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin in Beijing on Thursday.\n"
        "Before meeting Xi, Mishustin held talks with Premier Li Qiang.\n"
        "Mishustin later held a conversation with Foreign Minister Wang Yi.\n"
        "Following the regular meeting, the heads of government are expected to sign a joint "
        "communique."
    )
    others = {(frozenset(e.who), e.what, e.tense) for e in ctx.encounters if not e.principal}
    mishustin, li, wang = "Mikhail Mishustin", "Li Qiang", "Wang Yi"
    assert others == {(frozenset({mishustin, li}), "talks", "past"),
                      (frozenset({mishustin, wang}), "conversation", "past"),
                      # a leading phrase that names no one stays with its clause
                      (frozenset({mishustin, li}), "meeting", "future")}  # fmt: skip


def test_a_numbered_regular_meeting_named_again_is_the_same_pairs() -> None:
    """A numbered meeting named again ("the 29th regular meeting held the day before was
    fruitful, and ... the two heads of state") is still the premiers', not the presidents'."""
    ctx = _context(
        " date 2024-08-23\nChinese President Xi Jinping met with Russian Prime Minister Mikhail "
        "Mishustin on Wednesday afternoon in Beijing.\n"
        "Mishustin and Chinese Premier Li Qiang co-chaired the 29th regular meeting between the "
        "heads of government on Tuesday.\n"
        "Mishustin said that the 29th regular meeting held the day before was fruitful, and that "
        "Russia is ready to implement the consensus reached by the two heads of state."
    )
    numbered = {frozenset(e.who) for e in ctx.encounters if e.number == 29}
    assert numbered == {frozenset({"Mikhail Mishustin", "Li Qiang"})}


def test_a_question_and_answer_piece_that_only_recalls_meetings_reports_none() -> None:
    """A question ("Q: How often have they met?", "When will they meet next?") and a habit
    ("Xi usually receives him") report no meeting, held or planned; a question still says whom
    the answer's "they" are."""
    ctx = _context(
        " date 2026-03-02\nExplainer: why the premier keeps seeing the president\n"
        "By Jane Roe\nQ: How often have Xi Jinping and Mikhail Mishustin met?\n"
        "A: Four times, the last in the autumn.\n"
        "When the Russian prime minister is in Beijing, Xi usually receives him.\n"
        "Q: Do Xi and Putin meet more often?\n"
        "A: Yes. In 2025 they met in Beijing in May and in Russia at the end of August.\n"
        "Q: When will Xi and Mishustin meet next?\nA: Nothing has been announced."
    )
    assert not ctx.principal and ctx.meeting_date is None  # not the page's day either
    xi, putin = "Xi Jinping", "Vladimir Putin"
    assert _others(ctx) == {(frozenset({xi, putin}), "2025-05", "Beijing", "past"),
                            (frozenset({xi, putin}), "2025-08", "Russia", "past")}  # fmt: skip


def test_an_announcement_under_a_sites_furniture_is_about_its_planned_meeting() -> None:
    """Seven lines of menus, repeated titles and a time stamp before the text do not push the
    announced meeting out of the lead; a phone call "their" names is an encounter of its own."""
    ctx = _context(
        " date 2026-05-04\nGovernment of the Russian Federation\nNews\nAnnouncements\n"
        "On the Prime Minister's trip to China\nOn the Prime Minister's trip to China\n"
        "4 May 2026 10:00\nMikhail Mishustin.\nPhoto: Government press service\n"
        "Mikhail Mishustin will travel to China on 14-15 May at the invitation of Premier Li "
        "Qiang.\nOn 15 May in Beijing, the Prime Minister is due to meet with President Xi "
        "Jinping.\nThe sides will discuss the agreements reached by Vladimir Putin and Xi "
        "Jinping, including during their phone call on 2 April 2026."
    )
    assert not ctx.principal and ctx.main is not None and ctx.main.principal
    assert (ctx.main.when, ctx.main.tense, ctx.place) == ("2026-05-15", "future", "Beijing")
    (call,) = [e for e in ctx.encounters if e.what == "phone call"]
    assert (set(call.who), call.when, call.tense) == ({"Vladimir Putin", "Xi Jinping"},
                                                      "2026-04-02", "past")  # fmt: skip


def test_the_office_that_reports_a_call_is_not_where_it_took_place() -> None:
    """'..., the Kremlin and Xinhua reported': the Kremlin tells of the call; no place."""
    ctx = _context(
        " date 2027-06-10\nMOSCOW, June 9 -- Russian Prime Minister Mikhail Mishustin met "
        "Chinese President Xi Jinping in Moscow on Wednesday.\n"
        "Xi Jinping and Vladimir Putin held a telephone conversation on 2 June 2027, the "
        "Kremlin and Xinhua reported."
    )
    (call,) = [e for e in ctx.encounters if e.what == "phone call"]
    assert (call.when, call.place, call.venue) == ("2027-06-02", "", "")


def test_a_digest_item_dated_in_its_week_is_reported_and_its_archive_line_recalled() -> None:
    """A newsletter whose item deep in the text says '... on 07.06.2027' (published 12.06.2027)
    reports that meeting; the archive line 'in Beijing in May 2023' is recalled beside it."""
    lines = ["ENERGY", "* Brent closed the week lower.", "* Coal exports rose.", "* Gas flat.",
             "RAIL", "* A new train runs.", "* Another one too.", "* Freight grew.", "FORUM",
             "* Mikhail Mishustin met Xi Jinping in Moscow on 07.06.2027, on the sidelines of "
             "a forum.",
             "> Archive: the two also met in Beijing in May 2023."]  # fmt: skip
    ctx = _context(" date 2027-06-12\nTHE WEEK, No. 23\n" + "\n".join(lines))
    assert ctx.principal and ctx.meeting_id == "2027-06-07-moscow"


def test_him_in_the_next_sentence_is_the_one_who_arrived() -> None:
    """A live thread: "Xi's motorcade has arrived at ... Mishustin meets him on the steps"."""
    ctx = _context(
        "Mar 18, 2027 08:55\nGood morning from Moscow.\n\n[13:58]\nXi Jinping's motorcade has "
        "arrived at the White House. Prime Minister Mikhail Mishustin meets him on the steps."
    )
    assert ctx.principal and ctx.meeting_id == "2027-03-18-moscow"


def test_the_nth_meeting_of_an_article_about_the_principals_is_theirs() -> None:
    """An encyclopedia's "The first meeting was held in Moscow on Tuesday, 21 March 2023": the
    principals' meeting (its title names them), though the sentence names no one."""
    ctx = _context(
        " date 2026-08-01\nXi Jinping–Mikhail Mishustin meetings\n\n== Moscow, 2023 ==\n"
        "The first meeting was held in Moscow on Tuesday, 21 March 2023, during Xi's state "
        "visit.\n\n== Beijing, 2025 ==\nOn 4 November 2025 Xi met Mishustin in Beijing."
    )
    first = [e for e in ctx.encounters if e.when == "2023-03-21"]
    assert [(e.principal, e.place, e.weekday) for e in first] == [(True, "Moscow", "Tuesday")]


def test_a_witness_of_a_meeting_took_no_part_in_it() -> None:
    """ "I was present when President Xi Jinping received Mikhail Mishustin": their meeting."""
    ctx = _context(
        " date 2026-01-22\nAmbassador Ivan Petrov on China\n\nQ: You saw it?\n\nA: Yes. I was "
        "present when President Xi Jinping received Mikhail Mishustin in Beijing on December 20, "
        "2023."
    )
    (met,) = [e for e in ctx.encounters if e.when == "2023-12-20"]
    assert met.principal and set(met.who) == {"Xi Jinping", "Mikhail Mishustin"}


def test_a_years_review_dates_its_months_back_and_reports_no_meeting() -> None:
    """A review of December: "on April 14" is that April, not the next; a video call is not in
    person; with meetings over the whole year the article is about none of them."""
    ctx = _context(
        " date 2025-12-29\nBEIJING, Dec. 29 -- A look back at the year.\n"
        "The year opened with a video call between Xi and Russian President Vladimir Putin on "
        "Jan. 21.\nOn Thursday, Feb. 6, Xi met Thai Prime Minister Paetongtarn Shinawatra in "
        "Beijing.\nHe held talks with Putin in the Kremlin on May 8.\nOn July 24 Xi met European "
        "Council President Antonio Costa in Beijing."
    )
    assert ctx.main is not None and ctx.main.what == REPORT
    putin = {(e.what, e.when, e.place) for e in ctx.encounters if "Vladimir Putin" in e.who}
    assert putin == {("video call", "2025-01-21", "video link"), ("talks", "2025-05-08", "Moscow")}
    assert {e.when for e in ctx.encounters if "Antonio Costa" in e.who} == {"2025-07-24"}


def test_a_plan_for_tomorrow_is_one_meeting_and_a_trip_after_it_is_none() -> None:
    # A correspondent's "what happens next": the talks tomorrow (a Wednesday, the report being
    # of a Tuesday); the trip on Thursday is another clause, and home is no meeting place.
    ctx = _context(
        " date 2027-05-18\nBEIJING, May 18 -- Chinese President Xi Jinping met Russian Prime "
        "Minister Mikhail Mishustin in Beijing on Tuesday.\n"
        "REPORTER (Anna Berg): Next up: tomorrow, Wednesday, Mr Mishustin is due to hold talks "
        "with Premier Li Qiang, and on Thursday he is expected to travel to Shanghai to tour a "
        "port before flying back to Moscow."
    )
    mishustin, li = "Mikhail Mishustin", "Li Qiang"
    assert _others(ctx) == {(frozenset({mishustin, li}), "2027-05-19", "Beijing", "future")}
    (talks,) = [e for e in ctx.encounters if li in e.who]
    assert talks.weekday == "Wednesday"
    home = _context(
        " date 2027-05-18\nMishustin arrived in Beijing on Tuesday. He will hold talks with "
        "Premier Li Qiang on Friday before flying back to Moscow."
    )
    assert {o[2] for o in _others(home)} == {""}  # not Moscow


def test_a_chronologys_lines_are_each_a_meeting_of_the_line() -> None:
    # "- DATE - CITY: X does something; talks with Y at VENUE": the talks are X's, on the
    # line's day; "after the SCO summit in Tianjin" names where the summit was, not the talks.
    ctx = _context(
        " date 2026-06-12\nREFERENCE | Chronology\nHigh-level contacts, 2019-2026.\n"
        "Entries list meetings of President Xi Jinping with Prime Minister Mikhail Mishustin.\n"
        "- February 4, 2022 - Beijing: Putin attends the opening of the Winter Olympics; talks "
        "with Xi at the Diaoyutai State Guesthouse, joint statement on a new era.\n"
        "- September 2, 2025 - Beijing: Putin and Xi hold talks after the SCO summit in Tianjin "
        "(August 31-September 1).\n"
        "- May 16, 2024 - Beijing: Putin, on a state visit, holds talks with Xi; joint statement "
        "on the 75th anniversary."
    )
    pair = frozenset({"Xi Jinping", "Vladimir Putin"})
    assert {o for o in _others(ctx) if o[0]} == {(pair, "2022-02-04", "Beijing", "past"),
                            (pair, "2025-09-02", "Beijing", "past"),
                            (pair, "2024-05-16", "Beijing", "past")}  # fmt: skip
    (olympics,) = [e for e in ctx.encounters if e.when == "2022-02-04"]
    assert olympics.venue == "Diaoyutai State Guesthouse" and olympics.reported


def test_speculation_and_a_denied_report_are_no_meetings() -> None:
    # An op-ed's guesses ("may", "cannot be excluded", "should Xi decide") and a rumour the
    # governments deny give no meeting held or recalled, and none planned either.
    ctx = _context(
        " date 2026-02-10\nOPINION | Why the premier matters\n"
        "Xi Jinping met Mikhail Mishustin in Moscow on March 21, 2023.\n"
        "Mishustin might travel to Harbin in June for the expo, and diplomats have hinted that "
        'talks with Xi there "cannot be ruled out".\n'
        "Should Xi decide to attend the forum in St Petersburg, he would almost certainly meet "
        "Mishustin as well.\n"
        "If the invitation is accepted, Xi could hold talks with Mishustin in Kazan in May.\n"
        "In December a tabloid reported that Xi and Mishustin had held a secret meeting in "
        "Vladivostok in November.\n"
        'Beijing called the report "a fabrication". There was no such meeting.'
    )
    principal = [(e.when, e.place) for e in ctx.encounters if e.principal]
    assert principal == [("2023-03-21", "Moscow")]


def test_a_sentence_that_is_only_a_date_dates_the_meeting_told_next() -> None:
    # A column deep in its text: "Remember March 21, 2023. Xi ... met Mishustin in Moscow." is
    # that day's meeting, recalled; not one of the column's own date.
    ctx = _context(
        " date 2026-02-10\nOPINION | The quiet channel\n"
        "Commentators write about Xi Jinping and Vladimir Putin.\n"
        "That misses the machinery that turns communiques into contracts.\n"
        "Much of it runs through the Russian government.\n"
        "It is worth a look at how it works.\nThe record is long.\nIt starts in Moscow.\n"
        "Remember March 21, 2023.\n"
        "Xi Jinping, on the second day of his state visit to Russia, met Mishustin in Moscow."
    )
    assert ctx.meeting_date is None and not ctx.principal
    (recalled,) = [e for e in ctx.encounters if e.principal]
    assert (recalled.when, recalled.place, recalled.recall) == ("2023-03-21", "Moscow", True)
