"""Who says what in an article: reported speech, quotes and transcript lines, speaker resolved.

``reported(sentences, find_people)`` reads an article's sentences once and returns every clause a
person says, notes, stresses, hopes, wishes, calls for, applauds ... with its speaker (a canonical
name; "he" and titles like "the Russian prime minister" resolved), the verb's kind and the clause
itself. It also follows speech across sentences: a transcript's "Mikhail Mishustin: ..." label
holds until the next label, and a sentence that carries on a report without a verb of its own
("Xi said ... . China supports the Russian people ...") is the same speaker's.
Written for the genre, not for given files: no sentence of any article is named here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import speech_ru
from .lazyre import lazy_re

# The verbs of reported speech, by what the speaker does; the kind is what questions ask for
# ("what did Xi hope for", "what did Mishustin call for").
VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "added", "noted", "pointed out", "stated", "remarked", "observed",
            "told", "declared", "recalled", "mentioned", "made the remarks", "explained",
            "underlined", "underscored", "stressed", "emphasized", "emphasised", "highlighted",
            "reiterated", "affirmed", "reaffirmed", "assured", "announced", "acknowledged",
            "agreed"),
    "hope": ("hoped", "hopes", "expressed the hope", "expressed his hope", "expressed her hope",
             "expressed hope", "voiced the hope", "looks forward", "looked forward"),
    "wish": ("wished", "wishes"),
    "call": ("called for", "called on", "urged", "proposed", "suggested"),
    "applaud": ("applauded", "praised", "welcomed", "hailed", "commended", "congratulated",
                "congratulates", "spoke highly of"),
    "believe": ("believes", "believed", "is convinced", "was convinced", "is confident",
                "was confident", "expressed confidence", "expects", "expected", "is sure",
                "was sure"),
    "describe": ("described", "called"),
    "thank": ("thanked", "expressed gratitude", "expressed his gratitude",
              "expressed her gratitude"),
    "express": ("expressed", "voiced"),
}  # fmt: skip
GERUNDS = {"adding": "say", "noting": "say", "stressing": "say", "emphasizing": "say",
           "emphasising": "say", "pointing out": "say", "saying": "say", "underlining": "say",
           "expressing the hope": "hope", "expressing hope": "hope", "expressing": "express",
           "calling for": "call", "calling on": "call", "hoping": "hope",
           "wishing": "wish"}  # fmt: skip
# How reports name a leader the second time without a name: "the Russian prime minister", "the
# Chinese leader", "the head of the Russian government", "the president". Who holds the title
# is the caller's to say (``Holder``: the gazetteer's roles), not this module's.
_TITLE_RE = (
    r"the\s+(?:(?:chinese|russian)\s+)?(?:president|prime\s+minister|pm)"
    r"|the\s+(?:chinese|russian)\s+(?:leader|premier|head\s+of\s+state|head\s+of\s+government)"
    r"|the\s+head\s+of\s+the\s+(?:chinese|russian)\s+(?:government|cabinet)"
)
Holder = Callable[[str], str | None]  # a title as written -> the person it stands for, if any
_OPENERS = r"(?:for (?:his|her) part,?\s*|in turn,?\s*|meanwhile,?\s*|also,?\s*|then,?\s*)?"
_ADVERBS = r"(?:(?:also|further|then|once again|again|in turn|warmly|sincerely|firmly)\s+)*"
_NARRATION = lazy_re(
    r"\b(?:meets?|met|held|holds|received|receives|hosted|"
    r"co-chair(?:s|ed)?|signed|witnessed)\b"
)
_QUOTES = '"“«'
# A live thread's time stamp on a line of its own: "[14:24]", "Mar 18, 2027 14:09".
# A live thread's or a channel's post opens with its time stamp on a line of its own: "[13:58]",
# "Mar 18, 2027 14:09", "🤝 10:30", "08:55 (Harbin time)"
STAMP = lazy_re(r"^[^\w\[(]{0,8}\[?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4},?\s+)?"
                r"(?P<t>(?:[01]?\d|2[0-3]):[0-5]\d)\]?(?:\s*\([^)]{1,30}\))?$")  # fmt: skip
# An interview's labels: "Q:", "**Q:**", "A:", "Question:", "Answer:".
_QA = lazy_re(r"^\W{0,3}(?:(?P<q>Q|Question)|A|Answer)\W{0,3}:\s*")
_REPLY_WORDS = 3  # an answer's first sentence this short is its reply word ("Not at all.")
# Signs before a post's first word: "⚡️ ", "🔴 ", "* ".
_MARKS = lazy_re(r"^[^\w\"“«(\[]+")
# A live blog's entry: "10:05 - Mishustin's motorcade arrives", "11:20 BJT | CORRECTION".
_ENTRY = lazy_re(r"^\d{1,2}[:.]\d\d(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?\s*[-–—|]\s*(?=\S)")
# A line of someone the article does not name as a person, in a transcript or a briefing: a
# reporter's outlet asking ("RIA Novosti: ...", "Shenzhen TV: ...").
_ASKER = lazy_re(r"^(?:[A-Z][\w.&'’-]*\s){0,3}[A-Z][\w.&'’-]*:\s+\S")
_ASIDE = lazy_re(r",\s*(?:per|via|according\s+to)\b")  # "Xi, per the pool:": a source
_HASHTAGS = lazy_re(r"(?:^|\s)#\w+")
_HEADING = lazy_re(r"(?:^excerpts? from|transcript|^photo\b|\(xinhua|/xinhua|^news\b)", re.I)
# A broadcast script's cue lines, after an optional time code ("[00:00:36]", "00:36", "1."):
# a caption on screen ("SUPER: XI JINPING, CHINESE PRESIDENT", "(NATS: handshake)") is no one's
# words; the writer's own voice ("ANCHOR:", "REPORTER (V/O):", "PTC:") ends a speaker's turn; a
# soundbite ("SOUNDBITE (Russian) MIKHAIL MISHUSTIN, RUSSIAN PRIME MINISTER:", "(SOUNDBITE)
# (English) RUSSIAN PRIME MINISTER, MIKHAIL MISHUSTIN, SAYING:", "SOT - Xi Jinping:") gives the
# turn to whom it names, or to someone the article does not know.
_TIMECODE = lazy_re(r"^(?:\[\s*\d{1,2}(?::\d\d){1,3}\s*\]|\d{1,2}(?::\d\d){2,3}|\d{1,2}\.)\s*")
_CAPTION = lazy_re(
    r"^\(?(?:SUPER|CAPTION|LOWER\s+THIRD|CG|CHYRON|GRAPHICS?|GFX|ASTON|STRAP|NATS?|NAT\s+SOUND|"
    r"UPSOUND|SOUND\s*UP|MUSIC|SFX)\b\s*[:)(-]"
)
_WRITER = lazy_re(
    r"^\(?(?:ANCHOR|PRESENTER|REPORTER|CORRESPONDENT|NARRATOR|HOST|NEWSREADER|V/?O|VOICE-?OVER|"
    r"TRACK|PTC|STAND-?UP)\b[^:]{0,30}:\s*"
)
_BITE = lazy_re(
    r"^(?:\(\s*)?(?:SOUNDBITE|SOUND\s+BITE|SOT|SYNC|BITE|INTERVIEW|VOX\s+POP|GRAB)\b\s*\)?"
    r"(?:\s*\([^)]{1,30}\))*\s*[:,-]?\s*"
)
_CUE_END = lazy_re(r"(?:,?\s+SAYING)?\s*(?:\([^)]{1,30}\))?\s*:\s*(?P<rest>.*)$")


# A soundbite's parts: "(Liu Shaohua, scholar, Renmin University)", "TEA BLENDER, PAVEL SOROKIN,
# SAYING"; a person's name is two or three capitalised words, none an occupation's
_CUE_PART = lazy_re(r"[^,()]+")
_PERSON_NAME = lazy_re(r"[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){1,2}")
_OCCUPATIONS = lazy_re(
    r"\b(?:blender|farmer|analyst|scholar|professor|expert|resident|director|official|spokes\w*|"
    r"economist|chairman|chairwoman|head|worker|owner|student|correspondent|reporter|president|"
    r"minister|premier|ambassador|governor|mayor|manager|trader|driver|engineer|researcher|"
    r"fellow|chief|executive|ceo|founder|secretary|deputy|vice|member|university|institute|"
    r"ministry|english|russian|chinese|mandarin|saying|translation|interpreter|via|sound\w*)\b",
    re.I,
)


def _cue_name(label: str) -> str:
    """The person a soundbite's label names when the article does not know them, titled ("Liu
    Shaohua"), or ""."""
    for found in _CUE_PART.finditer(label):
        part = found.group().strip()
        if _PERSON_NAME.fullmatch(part) and not _OCCUPATIONS.search(part):
            return part.title() if part.isupper() else part
    return ""


def _cue(s: str, find_people: FindPeople) -> tuple[str, str, str] | None:
    """A broadcast script's cue line: ("caption" | "writer" | "bite", the speaker a soundbite
    names or "", what follows the cue on its line), or None for any other line."""
    time = _TIMECODE.match(s)
    body = s[time.end() :] if time else s
    if _CAPTION.match(body):
        return "caption", "", ""
    writer = _WRITER.match(body)
    if writer:
        return "writer", "", body[writer.end() :]
    bite = _BITE.match(body)
    if not bite and not (time and body[:1].isupper()):
        return None
    label = body[bite.end() :] if bite else body
    end = _CUE_END.search(label)
    if end is None or len(label[: end.start()].split()) > 12:
        named = find_people(body[: bite.end()]) if bite else []
        if not named:
            return None
        # "SOUNDBITE (Xi Jinping, via interpreter): The world ...": the name in the cue's
        # parentheses speaks what follows
        return "bite", named[0][2], label
    people = find_people(label[: end.start()])
    if not bite and not people:
        return None  # a time-coded line of narration, no cue
    if not people:  # "SOUNDBITE (Liu Shaohua, scholar, Renmin University):": a name the
        given = _cue_name(label[: end.start()])  # article does not know, as it is given
        if given:
            return "bite", given, end.group("rest")
    return "bite", people[0][2] if people else "", end.group("rest")


@dataclass(frozen=True, slots=True)
class Said:
    """One thing a person says in sentence ``idx``: the verb's kind (``VERBS``), the verb as
    written ("" when the sentence carries on earlier speech) and the clause."""

    idx: int
    speaker: str
    kind: str
    verb: str
    content: str
    direct: bool = False  # a transcript line or a quote: the speaker's own words
    asked: str = ""  # an interview's question this answers (its first line only)


FindPeople = Callable[[str], Sequence[tuple[int, str, str]]]  # text -> (start, alias, name)


def reported(sentences: Sequence[str], find_people: FindPeople,
             holder: Holder = lambda title: None, answers: str = "",
             paragraphs: frozenset[int] = frozenset()) -> tuple[Said, ...]:  # fmt: skip
    """Everything said in ``sentences``, in order; ``holder`` says whom a title stands for,
    ``answers`` who answers an interview's questions ("A: ..."), ``paragraphs`` the sentences
    that open a paragraph (an answer ends with its paragraph)."""
    out: list[Said] = []
    answering = False  # the label is an interview's answer: it ends with its paragraph
    last: str | None = None  # the person the text last spoke of (for "he")
    run: str | None = None  # whose speech continues into a sentence without a verb
    quoted = False  # the run is a quote: only quoted sentences carry it on
    inside = False  # the run's quote opened and has not closed: the next sentence is in it
    label: str | None = None  # the transcript speaker until the next label
    closes = False  # the label opened inside a quote (a post quoted in a live blog): it ends there
    other = False  # a broadcast soundbite of someone the article does not know is speaking
    cued = False  # the label is a broadcast soundbite's
    asked = ""  # an interview's last question
    answered: dict[int, str] = {}  # an answer's first line: the question it answers
    for i, raw in enumerate(sentences):
        s = raw.strip()
        if answering and i in paragraphs:
            label, run, answering = None, None, False
        if STAMP.match(s):  # a live thread's post opens: whoever spoke in the last one is done
            label, run, quoted, closes = None, None, False, False
            continue
        entry = _ENTRY.match(s)
        if entry:  # a live blog's "10:05 - ...": a new entry, whoever spoke in the last one
            s, label, run, quoted, closes = s[entry.end() :], None, None, False, False
        qa = _QA.match(s)
        if qa and (answers or qa.group("q")):
            # an interview: the question is the interviewer's, the answer the interviewee's
            label, run, quoted, closes, cued = None, None, False, False, False
            if qa.group("q"):
                asked = _asked(sentences, i, qa.end(), paragraphs)
                continue
            s, label, answering = s[qa.end() :], answers, True
            answered[i] = asked
            if len(s.split()) <= _REPLY_WORDS:  # "A: Yes.", "A: Far from it.": a reply, no words
                continue  # of substance
        cue = _cue(s, find_people)
        if cue is not None:
            what, name, s = cue
            if what == "caption":
                continue
            # the writer's voice, or a soundbite's: whoever spoke before no longer speaks
            label, run, quoted, closes, other = (name or None), None, False, False, False
            cued = bool(name)
            if what == "bite":
                other = not name  # someone the article does not know: no one's words here
                last = name or last
                if other or not s:
                    continue
                s = f"{name}: {s}"
            elif not s:
                continue
        if other:
            continue
        people = find_people(s)
        opens = s[:1] in _QUOTES
        bare = _MARKS.sub("", s)  # "⚡️ Xi Jinping (via interpreter): ...": a post's label
        who = _label(s[1:] if opens else bare, find_people(s[1:]) if opens else
                     find_people(bare) if bare != s else people)  # fmt: skip
        if who is not None:
            name, content = who
            content = _HASHTAGS.sub("", content).strip()
            if opens and _closed(content):
                content = content.rstrip('"”»').strip()
            # "Xi, per the pool: ..." reports one thing; "Xi Jinping: ..." holds to the next label
            lead = find_people(bare)[0][1] if not opens and bare != s else people[0][1]
            aside = bool(_ASIDE.match((bare if not opens else s)[len(lead) + opens :]))
            if content and not speech_ru.address(content):
                out.append(Said(i, name, *_own_verb(content), content, direct=not aside))
            last = run = name
            label = None if aside else name
            cued = cued and cue is not None
            closes = opens and not _closed(who[1])
            if opens and not closes:
                label = None
            continue
        if label is not None and any(n == label for _, _, n in people):
            label = run = None  # "State television quoted Xi as saying ...": the writer's again
        if label is not None:
            # the interviewee, a spokesman or a correspondent telling what others said
            # ("President Xi said that ...", then "He pointed out ...") gives their words; the
            # rest is the label's own
            found = _clauses(s, people, last, holder)
            if found:
                out.extend(Said(i, sp, kind, verb, text) for sp, kind, verb, text in found)
                last = found[-1][0]
                continue
            if _subject(s, people):
                last = people[0][2]
        if label is not None:
            if _HEADING.search(s) or _heading(s):
                continue
            if _ASKER.match(s):  # "TASS: Can you confirm this?": a reporter asks; not the label's
                label = run = None
                continue
            content = _HASHTAGS.sub("", s).strip()
            if closes and _closed(content):
                content = content.rstrip('"”»').strip()
            if cued or _closed(content):  # a soundbite, a quote over lines: the marks are
                content = content.strip(_QUOTES + "”»").strip()  # the script's, the post's
            if _clean(content) and not speech_ru.address(content):
                kind, verb = _own_verb(content)
                out.append(Said(i, label, kind, verb, content, direct=True))
            if closes and _closed(s):
                label, closes = None, False
            continue
        found = _clauses(s, people, last, holder)
        if found:
            opened = _opened_before(sentences, i, out, found[0][0])
            if opened:  # the closing sentence says the whole quote
                sp, kind, verb, text = found[0]
                # each sentence of the quote keeps its full stop: "A. B", not "A B"
                found[0] = (sp, kind, verb, ". ".join([*(o.content for o in opened), text]))
            out.extend(opened)
            out.extend(Said(i, sp, kind, verb, text) for sp, kind, verb, text in found)
            last = run = found[-1][0]
            if found[-1][2] == QUOTED_AS:
                run = None
            # a quote closed before its speaker ('"...," X said.'): the quote was the speech, so
            # only another quote carries it on, never the narration that follows
            quoted = s[:1] in _QUOTES or bool(opened) or bool(_CLOSED_THEN_SPEAKER.search(s))
            inside = not opened and _opens_quote(s)  # 'X said: "Let me be frank. ...'
            continue
        if run is not None and inside:  # a quote the speaker's words opened goes on to its end
            out.append(Said(i, run, "say", "", _clean(s), direct=True))
            inside = not _closed(s)
            continue
        if (run is not None and _carries_on(s, people, run)
                and not _opens_for_later(sentences, i)
                and (s[:1] in _QUOTES if quoted else not _FIRST_PERSON.search(s))):  # fmt: skip
            inside = _opens_quote(s)  # '"Let me be frank: the bottleneck is still payments.'
            out.append(Said(i, run, "say", "", s[1:] if inside and s[:1] in _QUOTES else s))

            continue
        if _subject(s, people):  # a new subject: the report moves on
            last, run = people[0][2], None
        elif (s.endswith("?") and s[:1] not in _QUOTES) or _narrates(s, people) or _heading(s):
            run = None  # the writer asks, tells of the meeting or heads a section: it moves on
    return tuple(_corrected(sentences, find_people, _with_questions(out, answered, paragraphs)))


def _asked(sentences: Sequence[str], i: int, start: int, paragraphs: frozenset[int]) -> str:
    """An interview's question that opens at sentence ``i`` (after its "Q:"), to the end of its
    paragraph or the answer's "A:"."""
    out = [sentences[i][start:].strip()]
    for k in range(i + 1, len(sentences)):
        if k in paragraphs or _QA.match(sentences[k]):
            break
        out.append(sentences[k].strip())
    return " ".join(out)


def _with_questions(out: list[Said], answered: dict[int, str],
                    paragraphs: frozenset[int]) -> list[Said]:  # fmt: skip
    """The first thing said in each answer of an interview, with the question it answers."""
    starts = sorted(answered)
    done: set[int] = set()
    result = []
    for said in out:
        at = max((a for a in starts if a <= said.idx), default=None)
        if (at is not None and at not in done and answered[at]
                and not any(p for p in paragraphs if at < p <= said.idx)):  # fmt: skip
            done.add(at)
            said = replace(said, asked=answered[at])
        result.append(said)
    return result


# A quote that ends before the words naming its speaker: '"... environment," PM Mishustin said'.
_CLOSED_THEN_SPEAKER = lazy_re(r"[,.!?…][\"”»]\s+\S")


# An editor's correction of who said something: "we attributed the remark about Eurasian trade
# routes to Xi Jinping. It was Mishustin who said it."
_MISATTRIBUTED = lazy_re(
    r"\battributed\s+(?:the|a|this|that|his|her)?\s*(?:remark|quote|comment|statement|words|"
    r"line)s?\b(?P<about>[^.]*?)\s+to\s+(?P<wrong>[^.,;]+)",
    re.I,
)
_RIGHTLY = lazy_re(r"\bit\s+was\s+(?P<right>[^.,;]+?)\s+who\s+(?:said|made|spoke)\b|"
                   r"\b(?P<right2>[^.,;]+?)\s+(?:said|made)\s+it\b", re.I)  # fmt: skip


# 'The quote ... ("Our trade has grown fivefold ...") was said by Mishustin, not by Xi'
_SAID_BY_NOT = lazy_re(
    r"[\"“](?P<quote>[^\"”]{8,})[\"”]\)?[^.]{0,40}?\bwas\s+(?:said|made|spoken)\s+by\s+"
    r"(?P<right>[^,;]+?),\s+not\s+(?:by\s+)?(?P<wrong>[^,.;]+)",
    re.I,
)


def _words(text: str) -> set[str]:
    """The longer words of ``text``, lower case (what a correction says the remark is about)."""
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def _reassigned(out: list[Said], dropped: set[int], wrong: list[str], right: list[str],
                about: set[str], least: int) -> list[Said]:  # fmt: skip
    """``out`` with what ``wrong`` said before the correction (its sentences ``dropped``, no
    one's words) that shares ``least`` words of ``about`` given to ``right``."""
    if not (wrong and right and about) or wrong[0] == right[0]:
        return out
    first = min(dropped)
    return [replace(x, speaker=right[0])
            if x.idx < first and x.speaker == wrong[0] and len(about & _words(x.content)) >= least
            else x for x in out if x.idx not in dropped]  # fmt: skip


def _corrected(sentences: Sequence[str], find_people: FindPeople,
               out: list[Said]) -> list[Said]:  # fmt: skip
    """``out`` with the speakers an editor's correction puts right: the remark it names, given
    to the wrong person earlier, is the right person's; the correction itself says nothing."""

    def named(text: str) -> list[str]:
        return [n for _, _, n in find_people(text)]

    for i, s in enumerate(sentences):
        said_by = _SAID_BY_NOT.search(s)
        if said_by is not None:  # 'The quote in our 15:02 entry ("Our trade has grown ...")
            # was said by Prime Minister Mikhail Mishustin, not by Xi Jinping': the quote's words
            out = _reassigned(
                out,
                {i},
                named(said_by.group("wrong")),
                named(said_by.group("right")),
                _words(said_by.group("quote")),
                2,
            )
            continue
        wrong_at = _MISATTRIBUTED.search(s)
        if wrong_at is None:
            continue
        # "we attributed the remark about X to A." + "It was B who said it."
        rest = " ".join(sentences[i : i + 2])
        right_at = _RIGHTLY.search(rest, wrong_at.end() if rest.startswith(s) else 0)
        right = named((right_at.group("right") or right_at.group("right2")) if right_at else "")
        dropped = {i} | {x.idx for x in out if x.idx == i + 1 and _RIGHTLY.search(x.content)}
        out = _reassigned(
            out, dropped, named(wrong_at.group("wrong")), right, _words(wrong_at.group("about")), 1
        )
    return out


# What may stand before a sentence's subject: its titles ("Prime Minister", "President")
_TITLES_BEFORE = lazy_re(r"(?:(?:[A-Z][a-z]+|[A-Z]{2,})\.?\s+){0,4}")


def _subject(s: str, people: Sequence[tuple[int, str, str]]) -> bool:
    """Whether the sentence opens with a person, perhaps after a title ("Prime Minister
    Mishustin conveyed ..."): the one a later "he" stands for."""
    if speech_ru.is_russian(s):
        return speech_ru.subject(s, people)
    if not people:
        return False
    return people[0][0] < 3 or _TITLES_BEFORE.fullmatch(s[: people[0][0]]) is not None


def interviewee(sentences: Sequence[str], find_people: FindPeople) -> str:
    """Who answers an interview's questions ("Q: ..." / "A: ..." lines): the person its headline
    and lead name most often (the first on a tie); "" for a text that is no interview."""
    if not any((m := _QA.match(s)) and not m.group("q") for s in sentences):
        return ""
    for s in sentences[1:LEAD_LINES]:  # the introduction opens on who it is: "Dmitry Lavrentyev
        if _QA.match(s):  # served as Russia's ambassador ... We spoke to him"
            break
        opens = _INTRODUCES.match(s)
        if opens:
            known = find_people(opens.group("name"))
            return known[0][2] if known else opens.group("name")
    counts: dict[str, int] = {}
    for s in sentences[:LEAD_LINES]:
        for _, _, name in find_people(s):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


LEAD_LINES = 5  # an interview's headline, rubric and introduction
# An introduction that opens on a person: "Dmitry Lavrentyev served as Russia's ambassador ...",
# "Oleg Barsukov, chairman of ..., is ..."
_INTRODUCES = lazy_re(
    r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})(?:,\s+[^,]{3,120},)?\s+(?:served|serves|"
    r"is|was|has|had|spent|worked|works|led|leads|headed|heads|chaired|chairs)\b"
)


def _opens_for_later(sentences: Sequence[str], i: int) -> bool:
    """Sentence ``i`` opens a quote that a later sentence closes ('"A. B," X said.'): it is the
    words of that later sentence's speaker (``_opened_before``), not of whoever spoke last."""
    s = sentences[i].strip()
    if s[:1] not in _QUOTES or not _closed(s):
        return False
    for j in range(i + 1, min(len(sentences), i + 4)):
        after = sentences[j].strip()
        if after[:1] in _QUOTES or not _closed(after):
            if after[:1] in _QUOTES:
                return False  # another quote opens: this one never closed
            continue
        return bool(_CLOSED_THEN_SPEAKER.search(after))
    return False


def _opened_before(sentences: Sequence[str], i: int, out: list[Said], speaker: str) -> list[Said]:
    """The sentences of a quote that opened before sentence ``i``, which closes it and names
    the speaker ('"Current year we mark ... . This document became base ...," told X.')."""
    s = sentences[i].strip()
    if s[:1] in _QUOTES or sum(s.count(q) for q in _QUOTES + "”»") % 2 == 0:
        return []
    said = {x.idx for x in out}
    for j in range(i - 1, max(-1, i - 4), -1):
        before = sentences[j].strip()
        if j in said:
            return []
        if before[:1] in _QUOTES and sum(before.count(q) for q in _QUOTES + "”»") % 2 == 1:
            return [Said(k, speaker, "say", "said", _clean(sentences[k]), direct=True)
                    for k in range(j, i)]  # fmt: skip
    return []


def _label(s: str, people: Sequence[tuple[int, str, str]]) -> tuple[str, str] | None:
    """A transcript line "Mikhail Mishustin: ...", "М.Мишустин: ...", "Xi Jinping (as translated):
    ...", or a live blog's "Xi, per the pool: ..."."""
    initials = _INITIALS.match(s)
    if not people or people[0][0] != (initials.end() if initials else 0):
        return None
    at, alias, name = people[0]
    rest = s[at + len(alias) :]
    m = re.match(r"\s*(?:\([^)]{0,40}\)|,\s*(?:per|via|according\s+to)\s+[^:,]{2,30}"
                 r"|,?\s*(?:in\s+(?:his|her)\s+)?(?:opening|closing)\s+(?:remarks|words|statement)"
                 r"(?:\s*\([^)]{0,60}\))?)?\s*:\s*(.*)$", rest)  # fmt: skip
    return (name, m.group(1).strip()) if m else None


_INITIALS = lazy_re(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}(?=[A-ZА-ЯЁ])")  # "М.Мишустин", "M.V. Mishustin"

# A speaker's own words that say what they do: "I hope that ...", "We are confident ...".
_OWN_VERB = lazy_re(
    r"^(?:I|We)\s+(?:(?P<hope>hope|look\s+forward)|(?P<believe>believe|am\s+(?:sure|confident|"
    r"convinced)|are\s+(?:sure|confident|convinced))|(?P<call>call\s+(?:for|on)|propose|urge)|"
    r"(?P<wish>wish))\b"
)


def _own_verb(content: str) -> tuple[str, str]:
    """(kind, verb) of a line of direct speech: "said", unless its speaker says what they do."""
    m = _OWN_VERB.match(content)
    ru = speech_ru.own_verb(content)
    if ru:
        return ru, _FIRST_TO_THIRD.get(ru, "said")
    if not m or m.lastgroup is None:
        return "say", "said"
    return m.lastgroup, _FIRST_TO_THIRD.get(m.lastgroup, "said")


_FIRST_TO_THIRD = {"hope": "hoped", "believe": "believed", "call": "called for", "wish": "wished"}


def _opens_quote(s: str) -> bool:
    """``s`` opens a quote it does not close (its last quote mark opens one)."""
    marks = [k for k, c in enumerate(s) if c in _QUOTES + "”»"]
    if len(marks) % 2 == 0:
        return False
    k = marks[-1]
    if s[k] in "“«":
        return True
    return s[k] == '"' and k + 1 < len(s) and not s[k + 1].isspace() and (
        k == 0 or s[k - 1].isspace() or s[k - 1] in ":(")  # fmt: skip


def _closed(s: str) -> bool:
    """The sentence closes a quote that opened before it: an odd number of quote marks."""
    return sum(s.count(q) for q in _QUOTES + "”»") % 2 == 1


def _heading(s: str) -> bool:
    """A title or caption line, not speech: no final punctuation and few words."""
    return not re.search(r"[.!?…\"”»:,]$", s) and len(s.split()) <= 14


def _carries_on(s: str, people: Sequence[tuple[int, str, str]], speaker: str = "") -> bool:
    """A sentence that goes on with the previous speaker's words: long enough, a full sentence,
    not opening on a person, a date or the meeting itself (the speaker's: "Xi and Putin met in
    Astana" goes on with what Li Qiang said), and not a caption or a list's item."""
    if len(s.split()) < 5 or not re.search(r"[.!?\"”»]$", s) or _HEADING.search(s):
        return False
    if speech_ru.is_russian(s) and s[:1] not in _QUOTES:  # Russian narration says who speaks
        return False
    if _ITEM.match(s) or _DONE.search(s):  # "• 14 documents were signed ...": the report's
        return False
    narrated = _narrates(s, people) and (not speaker or any(n == speaker for _, _, n in people))
    if (people and people[0][0] < 3) or narrated or _PRESENT.search(s):
        return False
    if _TOLD.match(s) or _WHEN_OPENER.match(s) or _HE_DID.match(s):
        return False
    return not re.match(r"(?i:the (?:meeting|talks)\b|\(with input)|[A-Z]{3,}[ ,]", s)


# What someone did, told of him ("Two months later, he did."): the report's words, not his
_HE_DID = lazy_re(
    r"(?:\W*[\w-]+,?){0,4}?\s*\b(?:he|she)\s+(?!(?:said|says|added|adds|noted|notes|stressed|"
    r"stresses|told|tells|believes|hopes|wants|thinks|is|was|will|would|has|had)\b)[a-z]+(?:ed|id)\b",
    re.I,
)
_ITEM = lazy_re(r"[•▪◦·*–—-]\s")  # a list's item
_DONE = lazy_re(r"\b(?:was|were)\s+(?:signed|held|adopted|exchanged)\b")  # what was done
# Who was there, not anyone's words: "Deputy PM Alexander Novak, who co-chairs the commission,
# reported ...", "Deputy Prime Minister Alexei Overchuk, who accompanied Mishustin, attended",
# "... were also at the table".
_PRESENT = lazy_re(
    r"\b(?:took|take|takes)\s+part\b|\b(?:attended|attends|accompanied|accompanies|co-chairs?|"
    r"co-chaired)\b|\b(?:was|were)\s+(?:also\s+)?(?:present|at\s+the\s+(?:table|talks))\b"
)
# The writer's own voice ("Nothing there that we did not hear in the room"): reported speech
# goes on in the third person, so a sentence in the first person that is no quote is not its
# (a columnist's "Here is my reading", "I think that ...").
_FIRST_PERSON = lazy_re(r"\b(?:[Ww]e|us|[Oo]ur|I|[Mm]y|mine)\b")

# The report going on to another day: "The day before, on Tuesday, ...", "Later on Wednesday"
# ("On Tuesday, the two sides held ..." may still be the speaker's).
_WHEN_OPENER = lazy_re(
    r"(?i:(?:the\s+)?(?:day|evening|night)\s+before|the\s+(?:previous|next|following)\s+day"
    r"|(?:earlier|later)\s+(?:on|that|in)\b)\b"
)
# The report going on about the meeting, not someone's words: "Before the meeting, the two heads
# of government heard ...", "After the talks, ...".
_TOLD = lazy_re(
    r"(?i:(?:before|after|during|following|at\s+the\s+(?:end|start)\s+of)\s+the\s+"
    r"(?:meeting|talks|negotiations|visit)\b)"
)


def _narrates(s: str, people: Sequence[tuple[int, str, str]]) -> bool:
    """The report telling of the meeting itself: "Xi meets with Mishustin in Moscow ..."."""
    return len(people) >= 2 and bool(_NARRATION.search(s))


def _clauses(
    s: str, people: Sequence[tuple[int, str, str]], last: str | None, holder: Holder
) -> list[tuple[str, str, str, str]]:
    """(speaker, kind, verb, clause) for each reporting verb in ``s``."""
    if speech_ru.is_russian(s):
        return speech_ru.clauses(s, people, last, holder)
    speaker = _speaker_pattern(tuple(sorted({a for _, a, _ in people}, key=len, reverse=True)))
    names = {a.lower(): n for _, a, n in people}

    def resolve(token: str) -> str | None:
        t = token.lower()
        if t in ("he", "she"):
            return last
        if t in names:
            return names[t]
        return holder(t) if re.fullmatch(_TITLE_RE, t) else None

    m = re.match(r"^(?:According to|In the words of)\s+(?P<spk>him|her|[A-Z][\w.'’ -]{1,40}?),\s+"
                 r"(?P<content>.{8,})$", s) or re.match(  # "In Mr Barsukov's view, ..."
        r"^In\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<spk>his|her|[A-Z][\w.'’ -]{1,40}?)(?:['’]s?)?\s+"
        r"(?:view|opinion|words),\s+(?P<content>.{8,})$", s)  # fmt: skip
    if m:
        spk = {"him": "he", "her": "she", "his": "he"}.get(m.group("spk").lower(), m.group("spk"))
        who = resolve(spk)
        if who:
            return [(who, "say", "said", _clean(m.group("content")))]
    # "Chinese state media quoted Xi as saying ...", "Mishustin was quoted as saying ...": the
    # one quoted says it
    m = re.search(_QUOTED_AS.format(spk=speaker), s, re.I)
    if m:
        who = resolve(m.group("spk") or m.group("spk2") or "")
        if who:  # (a report of a report: the writer's own words follow, not the speaker's)
            return [(who, "say", QUOTED_AS, _clean(m.group("content") or m.group("c2")))]
    m = _NOTING.match(s)
    if m:
        who = resolve(m.group("spk"))
        if who:
            kind, verb = _kind(m.group("verb"))
            return [(who, "say", m.group("lead").lower(), _clean(m.group("c1"))),
                    (who, kind, verb, _clean(m.group("c2")))]  # fmt: skip
    m = re.match(_TAIL.format(spk=speaker), s, re.I)
    if m:
        who = resolve(m.group("spk") or m.group("spk2") or "")
        if who:
            kind, verb = _kind(m.group("verb") or m.group("verb2"))
            verb = "said" if verb == "told" else verb  # "..., X told the Global Times": said
            out = [(who, kind, verb, _clean(m.group("content")))]
            if m.group("more"):
                out.append((who, GERUNDS[m.group("ger").lower()], m.group("ger").lower(),
                            _clean(m.group("more"))))  # fmt: skip
            return out
    m = re.search(_HEAD.format(spk=speaker, opener=_OPENERS, adv=_ADVERBS), s, re.I) or re.match(
        _AND_TOLD.format(spk=speaker), s, re.I)  # fmt: skip
    if m:
        speakers = [
            w for w in (resolve(m.group("spk")), resolve(m.groupdict().get("spk2") or "")) if w
        ]
        content = m.group("content")
        if s[m.start() : m.start() + 1] == "," and s[m.end("verb") : m.end("verb") + 1] == ",":
            content = f"{s[: m.start()]} {content}"  # "X, he said, serves as ...": X serves as
        return [c for w in dict.fromkeys(speakers)
                for c in _split(w, *_kind(m.group("verb")), content)]  # fmt: skip
    # "Xi met with Mishustin on Tuesday in Beijing, calling for enhanced cooperation ...": the
    # one who met the other calls for it
    m = re.search(_MET_GERUND.format(spk=speaker), s, re.I)
    if m:
        who = resolve(m.group("spk"))
        if who:
            ger = m.group("ger").lower()
            return [(who, GERUNDS[ger], ger, _clean(m.group("more")))]
    return []


QUOTED_AS = "was quoted as saying"
_QUOTED_AS = (
    r"\bquoted\s+(?P<spk>{spk})\s+as\s+(?:saying|telling\s+\w+)\s+(?:that\s+)?(?P<content>.{{8,}})$"
    r"|^(?P<spk2>{spk})\s+(?:was|is)\s+(?:also\s+)?quoted\s+(?:by\s+[^,]{{2,40}}\s+)?as\s+saying\s+"
    r"(?:that\s+)?(?P<c2>.{{8,}})$"
)


def _split(who: str, kind: str, verb: str, content: str) -> list[tuple[str, str, str, str]]:
    """One clause per verb: "applauded X, and said he believes Y" is an applause and a belief;
    "said X, adding that Y" two statements."""
    ger = re.search(rf",\s+(?P<ger>{_GERUND_RE})\s+(?:that\s+)?(?P<more>.+)$", content, re.I)
    more: list[tuple[str, str, str, str]] = []
    if ger:
        content = content[: ger.start()]
        more.append((who, GERUNDS[ger.group("ger").lower()], ger.group("ger").lower(),
                     _clean(ger.group("more"))))  # fmt: skip
    then = re.search(rf"(?:^|,?\s+)and\s+(?:also\s+)?(?P<verb>{_VERB_RE})\s+(?:that\s+)?"
                     rf"(?P<more>.{{8,}})$", content, re.I)  # fmt: skip
    if then:
        content = content[: then.start()]
        more = _split(who, *_kind(then.group("verb")), then.group("more")) + more
    own = re.match(r"(?:he|she)\s+(?P<verb>believes|hopes|expects|is convinced|is confident|"
                   r"wants)\s+(?:that\s+)?(?P<rest>.+)$", content.strip(), re.I)  # fmt: skip
    if own:  # "said he believes X": the belief is what was said
        kind, verb = _kind(own.group("verb"))
        content = own.group("rest")
    content = _clean(content)
    if len(content) < 8 and kind not in ("thank", "express"):  # "expressed his gratitude"
        return more
    return [(who, kind, verb, content), *more]


def _kind(verb: str) -> tuple[str, str]:
    verb = " ".join(verb.lower().split())
    for kind, words in VERBS.items():
        if verb in words:
            return kind, verb
    return "say", verb


def _clean(text: str) -> str:
    """The clause without a trailing full stop, quotes around it or a leading 'that'."""
    text = text.strip().strip("\"“”«»'").strip()
    text = re.sub(r"^that\s+", "", text)
    return re.sub(r"[\s.;,]+$", "", text)


_VERB_RE = "|".join(
    sorted((re.escape(v) for vs in VERBS.values() for v in vs), key=len, reverse=True)
)
_GERUND_RE = "|".join(sorted((re.escape(g) for g in GERUNDS), key=len, reverse=True))
# "Xi met with Mishustin ..., calling for ...": the one who met the other calls for it
_MET_GERUND = (
    r"(?:^|\b(?:President|Premier|Minister)\s+)(?P<spk>{spk})\s+(?:met|meets|held\s+talks|received|"
    r"receives)\b[^;]*?,\s+(?P<ger>" + _GERUND_RE + r")\s+(?:that\s+)?(?P<more>.{{8,}})$"
)
# "Chinese President ", "Russian Prime Minister ", "Chairman of the Government M.V. "
_TITLED = r"(?-i:(?:[A-Z][\w.'’-]*\s+(?:of\s+(?:the\s+)?)?){{0,5}}?)"
# Who the speaker is, between the name and the verb: "Liu Danqing, a senior fellow at the Taihe
# Institute, said"
_APPOSITIVE = r"(?:,\s+(?:a|an)\s+[^,\"”]{{3,120}},)?"
_HEAD = (
    r"(?:^|,\s+|\bthat\s+|^\W*|\b(?:when|moment)\s+){opener}"
    + _TITLED
    + r"(?P<spk>{spk})(?:\s+and\s+"
    + _TITLED
    + r"(?P<spk2>{spk}))?(?:,\s+(?:in\s+turn|for\s+(?:his|her)\s+part|however|meanwhile),)?"
    + _APPOSITIVE
    + r"\s+{adv}(?P<verb>"
    + _VERB_RE
    + r")\b"
    r"[,:]?\s*(?:that\s+)?(?P<content>.{{2,}})$"
)
# "Mishustin passed on Putin's greetings and told Xi that ...": the second verb says.
_AND_TOLD = (
    r"^(?P<spk>{spk})\s+[^,;.]{{3,60}}?\s+and\s+(?:also\s+)?(?P<verb>told\s+\w+|said|stressed|noted)"
    r"\s+(?:that\s+)?(?P<content>.{{8,}})$"
)
_TAIL = (
    r"^(?P<content>.{{8,}}?)[,:]?\s+(?:"
    + _TITLED  # "..., PM Mishustin said"
    + r"(?P<spk>{spk})"
    + _APPOSITIVE
    + r"\s+(?P<verb>said|says|added|adds|stressed|noted|argued|argues|explained|warned|"
    r"emphasized|emphasised|pointed out|told (?!the\b)\w+|told)"
    r"(?-i:(?:\s+the)?(?:\s+[A-Z][\w-]*){{0,3}})"  # "told the Global Times"
    r"|(?P<verb2>said|says|added|adds|stressed|noted|told|argued|argues|explained|warned|warns)\s+"
    + _TITLED  # "..., said RCTPA Chairman Oleg Barsukov"
    + r"(?P<spk2>{spk})(?:,\s+(?:a|an)\s+[^,\"”]{{3,120}})?)"  # ", says X, a specialist at Y."
    r"(?:\s+(?:on \w+|at the \w+(?: of the \w+)?|in turn))?"
    r"(?:,?\s+(?:according to|citing) [^,\"”]{{3,60}}?)?"
    r"(?:,\s*(?P<ger>" + _GERUND_RE + r")\s+(?:that\s+)?(?P<more>.+?))?[.!\"”]*$"
)
_NOTING = lazy_re(
    r"^(?P<lead>Noting|Stressing|Pointing out|Recalling|Emphasizing|Emphasising) that "
    r"(?P<c1>.+?),\s+(?P<spk>[A-Z][\w.' -]{1,40}?|he|she)\s+(?P<verb>" + _VERB_RE + r")\s+"
    r"(?:that\s+)?(?P<c2>.+)$"
)


@lru_cache(maxsize=256)
def _speaker_pattern(aliases: tuple[str, ...]) -> str:
    names = [re.escape(a) for a in aliases]
    return "|".join([*names, _TITLE_RE, r"he", r"she"])


__all__ = ["GERUNDS", "STAMP", "VERBS", "FindPeople", "Holder", "Said", "interviewee", "reported"]
