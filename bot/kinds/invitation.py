"""Invitations: who invited whom, to do what ("Xi invited Putin to visit China for the third Belt
and Road Forum ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import facts
from ..context import Context, short, subject_entry, title_holder
from ..encounters import Finder, when_mentions
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian, capital
from ..speech_ru import TITLE_RE, office
from ..text import MONTH_NAMES, Pattern, relative_year
from . import event

KIND = FactKind("invitation")
NEEDS = needs(
    {
        "invitation": {"host", "guest", "action", "event"},
        "invite_event": {"event", "when"},
        "invitation_passive": {"guest", "action", "event"},
        "invitation_via": {"host", "via", "guest", "action", "event"},
        "invite_visit": {"dest"},
        "invitation_accepted": {"guest"},
    },
    vocabs=["invite_actions"],
)


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """Host and guest (canonical names), what the guest is invited to do (visit, attend, come,
    take part), where to (a country) and for which event."""

    guest: str
    host: str = ""
    action: str = ""
    dest: str = ""
    event: event.Parts | None = None
    via: str = ""  # who passed the invitation on
    accepted: bool = False  # the text says the guest accepted it ("I accept your invitation")


# An invitation passed on: "He also asked me to pass on his invitation to you to come to ...",
# "asked Mishustine to transmit to President Putin invitation to take part in ...", "brought an
# invitation from Vladimir Putin to the Eastern Economic Forum".
_PASS = Pattern(
    r"\b(?:asked\s+(?P<via>me|him|her|[A-Z][\w ]{1,40}?)\s+to\s+(?:pass\s+on|convey|transmit|"
    r"deliver|hand\s+over|reaffirm|reiterate|renew|confirm|extend)|(?:passed\s+on|conveyed|transmitted|delivered|brought|handed\s+over))\s+"
    r"(?P<rest>(?:to\s+(?P<to>[^,;]{2,40}?)\s+)?(?:(?:his|her|an|the|a)\s+)?(?:open\s+)?"
    r"invitation\b[^.;]*)",
)


# The guest accepts, in their own words or reported: "I accept your invitation with pleasure",
# "Putin accepted the invitation", "Putin accepted Xi Jinping's invitation", "he gladly
# accepted", "said he glad accept".
_ACCEPT = Pattern(
    r"\baccept(?:s|ed)?\s+(?:(?:your|his|her|the|this|an?|that)\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s\s+)?(?:kind\s+)?invitation\b"
    r"|\b(?:gladly|happily|readily)\s+accept(?:s|ed)?\b"
    r"|\b(?:glad|happy|pleased)\s+(?:to\s+)?accept(?:s|ed)?\b"
    r"|\baccepted\s+(?:it|with\s+pleasure)\b"
    # in Russian: "Мишустин с благодарностью принял приглашение", "принимаю ваше приглашение"
    r"|\bприн(?:ял[аи]?|имаю|имаем)\s+(?:(?:с\s+благодарностью|ваше|его|это)\s+)*приглашение",
    re.I,
)
_ACCEPT_AHEAD = 3  # sentences after the invitation where the guest's answer may come


def extract(ctx: Context) -> Iterator[Fact]:
    """Invitations: who invited whom, to what, through whom; accepted when the text says so."""
    for fact in _invitations(ctx):
        p = fact.parts
        if isinstance(p, Parts) and _accepted(ctx, fact.sentence, p.guest):
            parts = replace(p, accepted=True)
            text = f"{fact.display}; {_short(ctx, p.guest)} accepted"
            fact = replace(fact, value=text, display=text, parts=parts)
        yield fact


def _accepted(ctx: Context, idx: int, guest: str) -> bool:
    """The guest accepts the invitation of sentence ``idx`` in it or in the next sentences (as
    its speaker or named before the words), before any other invitation."""
    sentences = ctx.article.sentences
    for j in range(idx, min(len(sentences), idx + _ACCEPT_AHEAD + 1)):
        s = sentences[j]
        if j > idx and re.search(r"\binvit(?:ed|es|e)\b", s):
            return False
        m = _ACCEPT.search(s)
        if m is None:
            continue
        if ctx.speaker(j) == guest and not re.search(r"\b(?:he|she)\b", s[: m.start()], re.I):
            return True
        named = [n for a, _, n in ctx.named(s[: m.start()])]
        if named and named[-1] == guest:
            return True
        if j > idx and not named and re.match(r"(?:he|she)\b", s, re.I) and guest in [
            n for _, _, n in ctx.named(sentences[j - 1])
        ][-1:]:  # fmt: skip
            return True
    return False


def _invitations(ctx: Context) -> Iterator[Fact]:
    finder = Finder(ctx.gaz, ctx.named)
    for i, s in enumerate(ctx.article.sentences):
        if "приглас" in s.lower():
            yield from _invited_in_russian(ctx, i, s)
            continue
        if "invit" not in s.lower():
            continue
        fact = _one_form(ctx, finder, i, s)
        if fact is not None:
            yield fact
            continue
        for m in re.finditer(r"\binvit(?:ed|es|e)\s+(?=(?P<rest>[^.;]+))", s):
            # "invited A to visit China and said he has invited B to ...": one fact each.
            rest = re.split(r"\binvit(?:ed|es)\b", m.group("rest"))[0]
            # the guest is the object of "invited", before its purpose or another clause
            # ("invited Michase Jing to visit China ..., and X accepted Xi Jinping's invitation":
            # a name the gazetteer lacks, and Xi is no guest)
            guests = [g for g in ctx.gaz.find("people", rest) if _object(rest[: g[0]])]
            speaker = ctx.speaker(i)
            host_entry = subject_entry(ctx, s, m.start())
            if _PRONOUN_FIRST.match(s) and (not ctx.named(s[: m.start()]) or (
                    host_entry is not None and host_entry.name not in (speaker, ""))):  # fmt: skip
                # "He invited Mishustin to visit China and said that he had invited Putin": he
                # is the one the report spoke of before, not the first name after the pronoun
                host_entry = ctx.gaz.get("people", speaker or _before(ctx, i)) or host_entry
            named = ctx.named(s[: m.start()])
            before = [n for _, _, n in named]
            # the host right before the verb: "that Putin had invited him"
            right_before = bool(named) and bool(re.fullmatch(
                r"\s+(?:(?:had|has|have|also|already)\s+)*",
                s[named[-1][0] + len(named[-1][1]) : m.start()]))  # fmt: skip
            if not guests and speaker and re.match(r"you\b", rest) and ctx.partner(speaker):
                # "Allow me also to invite you to visit Kazan"
                guest_name, host_name = ctx.partner(speaker), speaker
            elif (not guests and host_entry and right_before and re.match(r"(?:him|her)\b", rest)
                  and (others := [n for n in before if n != host_entry.name])):  # fmt: skip
                # "Mishustin reminded Xi that Putin had invited him to the BRICS summit": him is
                # the one named last before the host
                guest_name, host_name = others[-1], host_entry.name
            elif guests and not m.group().lower().startswith("invite "):
                guest_name = guests[0][1].name
                host_name = host_entry.name if host_entry else ""
            else:
                continue
            host, guest = _short(ctx, host_name), guest_name
            purpose = re.search(
                r"\bto\s+(?P<p>(?:visit|attend|come|take part|the)\b[^,;]*?)(?=\s+and said\b|,|$)",
                rest,
            )
            what = f" to {purpose.group('p').strip()}" if purpose else ""
            text = (
                f"{host} invited {guest}{what}"
                if host and host != guest
                else f"{guest} was invited{what}"
            )
            parts = Parts(guest_name, host_name if host and host != guest else "")
            if purpose:
                aim = purpose.group("p").strip()
                parts = _purpose(ctx, f"attend {aim}" if aim.startswith("the ") else aim, parts, s)
            yield ctx.fact(KIND, i, text, text, parts=parts)


def _one_form(ctx: Context, finder: Finder, i: int, s: str) -> Fact | None:
    """The invitation of sentence ``i`` in one of the forms that name its parts otherwise than
    "X invited Y": passed on, accepted with its host named, or "at the invitation of"."""
    passed = _PASS.search(s)
    if passed and (fact := _passed(ctx, finder, i, s, passed)) is not None:
        return fact
    taken = _ACCEPTED_OF.search(s)
    if taken and (fact := _accepted_of(ctx, i, s, taken)) is not None:
        return fact
    at = _AT_INVITATION.search(s)
    return _at_invitation(ctx, i, s, at) if at else None


_PRONOUN_FIRST = Pattern(r"\W*(?:He|She)\b")
# A report in Russian: "Си Цзиньпин пригласил Мишустина посетить Китай в следующем году",
# "приглашаю вас ... посетить Китай" (a transcript's speaker, to the one he speaks to)
_RU_INVITED = Pattern(
    r"\b(?P<verb>приглас(?:ил|ила|или)|приглашаю|приглашаем)\s+(?P<guest>[А-ЯЁ][а-яё]+(?:\s+"
    rf"[А-ЯЁ][а-яё]+)?|вас|тебя|{TITLE_RE})"
    r"(?:,\s+[^,]{2,40},)?\s+(?:(?:в\s+следующем\s+году|в\s+удобное"
    r"\s+[^,]{2,30}|снова|также)\s+)*(?P<aim>посетить\s+[А-ЯЁ][а-яё]+|принять\s+участие[^.;]*)"
)


def _other(ctx: Context, speaker: str) -> str:
    """Whom ``speaker`` speaks to: his partner at the meeting, else the other principal."""
    others = [p for p in ctx.gaz.principals if p != speaker]
    return ctx.partner(speaker) or (others[0] if speaker in ctx.gaz.principals and others else "")


def _titled_ru(ctx: Context, text: str, subject: bool = False) -> str:
    """The principal a Russian title stands for ("российского премьера"; as a ``subject``, the
    title a sentence opens with: "Председатель КНР пригласил ..."), as ``bot.speech_ru`` reads
    titles and the article's title holders resolve them."""
    english = office(text, opening=subject)
    return (title_holder(ctx.gaz, ctx.article.sentences)(english) or "") if english else ""


def _invited_in_russian(ctx: Context, i: int, s: str) -> Iterator[Fact]:
    """The invitations of a sentence in Russian, to visit a country (the rest as written)."""
    for m in _RU_INVITED.finditer(s):
        first = m.group("verb").startswith("приглаша")
        speaker = ctx.speaker(i)
        guests = ctx.gaz.find("people", m.group("guest"))
        hosts = ctx.gaz.find("people", s[: m.start()])
        if first and speaker:
            host, guest = speaker, (_other(ctx, speaker) if m.group("guest") in ("вас", "тебя")
                                    else guests[0][1].name if guests else "")  # fmt: skip
        else:  # (the subject opens the sentence: a name or a title)
            host = _titled_ru(ctx, s.strip(), subject=True) or (
                hosts[0][1].name if hosts else "")  # fmt: skip
            guest = guests[0][1].name if guests else _titled_ru(ctx, m.group("guest"))
        if not guest:
            continue
        aim = m.group("aim")
        dest = ctx.gaz.find("countries", aim) if aim.startswith("посетить") else []
        parts = Parts(guest, host if host != guest else "", action="visit" if dest else "",
                      dest=dest[0][1].name if dest else "")  # fmt: skip
        what = f"to visit {dest[0][1].name}" if dest else f"(in Russian: “{aim.strip()}”)"
        who = f"{_short(ctx, host)} invited {guest}" if parts.host else f"{guest} was invited"
        text = f"{who} {what}"
        yield ctx.fact(KIND, i, text, text, parts=parts)


# The guest accepting an invitation the sentence names the host of: "President Xi Jinping
# accepted with gratitude the invitation of President ... Vladimir Putin, conveyed by Prime
# Minister Mishustin, to pay a state visit to Russia in 2039".
_ACCEPTED_OF = Pattern(
    r"\baccept(?:s|ed)\s+(?:with\s+(?:gratitude|pleasure|thanks)\s+)?(?:the\s+)?invitation\s+of\s+"
    r"(?P<host>[^,;.]{3,100}?)(?:,\s+(?:conveyed|passed\s+on|delivered|transmitted)\s+by\s+"
    r"(?P<via>[^,;.]{3,60}),)?\s+to\s+(?P<aim>[^.;]{4,})",
    re.I,
)


def _accepted_of(ctx: Context, i: int, s: str, m: re.Match[str]) -> Fact | None:
    """The invitation a guest accepts, with its host and whoever passed it on."""
    guest = subject_entry(ctx, s, m.start())
    hosts = ctx.gaz.find("people", m.group("host"))
    if guest is None or not hosts:
        return None
    host = hosts[-1][1].name
    vias = ctx.gaz.find("people", m.group("via") or "")
    via = vias[0][1].name if vias else ""
    aim = m.group("aim").strip().rstrip(".")
    parts = _purpose(ctx, aim, Parts(guest.name, host, via=via, accepted=True), s)
    through = f" (through {_short(ctx, via)})" if via else ""
    text = (f"{_short(ctx, host)} invited {guest.name}{through} to {aim}; "
            f"{_short(ctx, guest.name)} accepted")  # fmt: skip
    return ctx.fact(KIND, i, text, text, parts=parts)


def _object(before: str) -> bool:
    """Whether a name after "invited" and ``before`` it is the verb's object: only titles and
    words of an apposition come between ("invited Russian President Vladimir Putin")."""
    return len(before) <= 80 and not re.search(
        r"\b(?:to|and|when|while|as|after|before|that|who|which|has|had|was|is|also)\b|[.;]", before
    )


def _before(ctx: Context, i: int) -> str:
    """The person the sentence before ``i`` is about (its first named), or ""."""
    named = ctx.named(ctx.article.sentences[i - 1]) if i else []
    return named[0][2] if named else ""


# "At the invitation of Premier Li Qiang, Prime Minister Mikhail Mishustin will pay a working
# visit to China", "... paid an official visit to Russia on the invitation of ...".
_AT_INVITATION = Pattern(r"\b(?:at|on|upon)\s+the\s+invitation\s+of\s+(?P<host>[^,;.]{3,80})", re.I)
_PAYS_VISIT = Pattern(
    r"\b(?:pay|pays|paid|paying|make|makes|made|making|be\s+on|is\s+on|was\s+on)\s+(?:an?\s+)?"
    r"(?P<kind>(?:(?:official|working|state|friendly|two-day|three-day)\s+){0,2})visit\s+to\s+"
    r"(?:the\s+)?(?P<dest>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})"
)


def _at_invitation(ctx: Context, i: int, s: str, m: re.Match[str]) -> Fact | None:
    """Who invited whom to the visit the sentence reports ("At the invitation of X, Y will pay
    a working visit to China"); None unless both are named."""
    people = ctx.named(s)
    hosts = [n for a, _, n in people if m.start("host") <= a < m.end("host")]
    guests = [n for a, _, n in people if not m.start() <= a < m.end() and n not in hosts]
    if not hosts or not guests:
        return None
    host, guest = hosts[0], guests[0]
    visit = _PAYS_VISIT.search(s)
    parts = Parts(guest, host)
    what = ""
    if visit:
        kind = " ".join(visit.group("kind").split())
        what = f" to pay {'an' if kind[:1] in 'aeiou' and kind else 'a'} " \
            f"{kind + ' ' if kind else ''}visit to {visit.group('dest')}"  # fmt: skip
        parts = _purpose(ctx, f"visit {visit.group('dest')}", parts, s)
    text = f"{_short(ctx, host)} invited {guest}{what}"
    return ctx.fact(KIND, i, text, text, parts=parts)


def _passed(ctx: Context, finder: Finder, i: int, s: str, m: re.Match[str]) -> Fact | None:
    """An invitation someone passes on for someone else; None when who is unclear."""
    speaker = ctx.speaker(i)
    people = finder.people(s)
    via_word = m.group("via") or ""
    if via_word.lower() in ("me", "") and speaker and (via_word or re.search(
            r"\bI\b", s[: m.start()])):  # fmt: skip
        via = speaker
    elif via_word and via_word.lower() not in ("him", "her", "me"):
        named = [n for a, _, n in people if m.start("via") <= a < m.end("via")]
        via = named[0] if named else ""
    else:
        before = [n for a, _, n in people if a < m.start()]
        via = before[0] if before else ""
    rest = m.group("rest")
    sent_from = r"\bfrom\s+(?:[A-Z][\w ]{0,40})?$"
    host = next(
        (
            n
            for a, _, n in people
            if a >= m.start("rest") and re.search(sent_from, s[max(0, a - 45) : a])
        ),
        "",
    )
    if not host:
        before = [n for a, _, n in people if a < m.start() and n != via]
        host = before[0] if before else _previous_person(ctx, finder, i, exclude=via)
    guest = ""
    if m.group("to"):
        named = [n for a, _, n in people if m.start("to") <= a < m.end("to")]
        guest = named[0] if named else ""
    if not guest and re.search(r"\bto\s+you\b", rest) and speaker:
        guest = ctx.partner(speaker)
    if not guest and via:
        guest = ctx.partner(via)
    if not (host and via and guest) or len({host, via, guest}) < 3:
        return None
    purpose = re.search(r"\bto\s+(?P<p>(?:visit|attend|come|take part|the)\b[^;]*)", rest)
    parts = Parts(guest, host, via=via)
    what = ""
    if purpose:
        text = purpose.group("p").strip().rstrip(".")
        # "... at any time convenient for you": when, not what (and "you" is the speaker's)
        text = re.sub(r"\s+at\s+(?:any|a)\s+(?:time|moment)\b.*$", "", text)
        parts = _purpose(ctx, text if not text.startswith("the ") else f"attend {text}", parts, s)
        what = f" to {text}"
    display = f"{_short(ctx, host)} invited {guest} (through {via}){what}"
    return ctx.fact(KIND, i, display, display, parts=parts)


def _previous_person(ctx: Context, finder: Finder, i: int, exclude: str) -> str:
    """Whom "he" is at the start of sentence ``i``: the last person the sentence before names."""
    for j in range(i - 1, max(-1, i - 3), -1):
        named = [n for _, _, n in finder.people(ctx.article.sentences[j]) if n != exclude]
        if named:
            return named[-1]
    return ""


def _short(ctx: Context, name: str) -> str:
    """Who acts, as a report names them the second time ("Xi invited ...")."""
    entry = ctx.gaz.get("people", name) if name else None
    return short(entry) if entry else name


def _purpose(ctx: Context, purpose: str, parts: Parts, sentence: str = "") -> Parts:
    """'visit China for the third Belt and Road Forum ... this year': action, dest and event
    (its place and month: "come to Vladivostok in September as ... the Eastern Economic
    Forum", "take part in APEC leaders meeting in city Shenzhen in November")."""
    m = re.match(r"(?P<verb>visit|attend|come|take part)\b(?:\s+(?:in|to)\b)?\s*(?P<rest>.*)",
                 purpose)  # fmt: skip
    if not m:
        return parts
    dest = ctx.gaz.find("countries", m.group("rest")[:20])
    occasion = None
    for rx, name_of, form in event.EVENTS:
        found = rx.search(m.group("rest"))
        if found and name_of(found):
            rest = m.group("rest")
            year = relative_year(rest[found.end() :], ctx.year)
            month = ""
            ref = ctx.meeting_date or ctx.ref
            for _, when, _ in when_mentions(rest, ref, future=True):
                if len(when) == 7:
                    month, year = MONTH_NAMES[int(when[5:]) - 1], int(when[:4])
                    break
            place = event.place_of(ctx, rest, found)
            occasion = event.event_parts(form, found, name_of(found), month=month,
                                         year=year or None, place=place)  # fmt: skip
            break
    return Parts(parts.guest, parts.host, m.group("verb"),
                 dest[0][1].name if dest and dest[0][0] == 0 else "", occasion,
                 parts.via)  # fmt: skip


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'Си Цзиньпин пригласил Путина посетить Китай (повод — 3-й форум ... , 2023 г.)'."""
    action = ""
    if p.action == "visit" and p.dest:
        action = r.fill("invite_visit", dest=r.name(p.dest, "acc"))
    elif p.action:
        action = r.vocab("invite_actions", p.action)
    occasion = ""
    if p.event:  # where and when it takes place: "Восточный экономический форум, Владивосток"
        where = r.plain(p.event.place) if p.event.place else ""
        when = ", ".join(x for x in (where, event.russian_when(r, p.event)) if x)
        occasion = r.fill("invite_event", event=event.russian_name(r, p.event, f.value),
                          when=when)  # fmt: skip
    said = _russian(f, p, r, action, occasion)
    if p.accepted:
        said += "; " + r.fill("invitation_accepted", guest=r.name(p.guest))
    return said


def _russian(f: Fact, p: Parts, r: Russian, action: str, occasion: str) -> str:
    if p.host and p.via:
        return capital(r.fill("invitation_via", host=r.name(p.host), via=r.name(p.via, "acc"),
                              guest=r.name(p.guest, "acc"), action=action,
                              event=occasion))  # fmt: skip
    if p.host:
        return capital(r.fill("invitation", host=r.name(p.host), guest=r.name(p.guest, "acc"),
                              action=action, event=occasion))  # fmt: skip
    return capital(
        r.fill("invitation_passive", guest=r.name(p.guest), action=action, event=occasion)
    )
