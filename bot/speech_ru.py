"""Who says what in a report written in Russian: "Мишустин отметил, что ...", "По словам премьера,
...", '"...", — сказал Мишустин', "Он также сообщил, что ...", "Председатель КНР призвал ...".

``clauses(s, people, last, holder)`` is ``bot.speech``'s reading of one sentence for a sentence in
Russian: (speaker, kind, verb as written, clause) for each reporting verb, the kinds those of
``bot.speech.VERBS`` (say, hope, call, wish, applaud, believe, describe, thank, express). A title
("премьер", "китайский лидер", "председателя КНР") is resolved by ``holder`` as its English
equivalent ("the russian prime minister"); "он"/"она" is the person the text last spoke of.
Written for the genre, not for given files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .lazyre import lazy_re
from .text import Pattern

_CYRILLIC = lazy_re(r"[А-Яа-яЁё]")
_LATIN = lazy_re(r"[A-Za-z]")


def is_russian(s: str) -> bool:
    """Most of the sentence's letters are Cyrillic."""
    cyr = len(_CYRILLIC.findall(s))
    return cyr > 8 and cyr > 2 * len(_LATIN.findall(s))


# The verbs of reported speech, masculine past tense (feminine "-а" and plural "-и" are read too)
# or present, by kind.
_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("сказал", "заявил", "отметил", "подчеркнул", "сообщил", "указал", "добавил",
            "заверил", "напомнил", "констатировал", "рассказал", "пояснил", "обратил внимание",
            "акцентировал внимание", "признал", "подтвердил", "согласился", "говорит",
            "уточнил", "резюмировал", "высказал мнение"),
    "hope": ("выразил надежду", "надеется", "рассчитывает"),
    "believe": ("выразил уверенность", "уверен", "считает", "убежден", "убеждён"),
    "call": ("призвал", "предложил"),
    "wish": ("пожелал",),
    "thank": ("поблагодарил", "выразил благодарность", "выразил признательность"),
    "applaud": ("приветствовал", "высоко оценил", "поздравил"),
    "describe": ("назвал",),
    "express": ("выразил",),
}  # fmt: skip


def _forms(verb: str) -> str:
    """A verb's forms as a pattern: "заявил" -> "заявил(?:а|и)?"; "выразил надежду": both."""
    first, _, rest = verb.partition(" ")
    head = re.escape(first)
    if first.endswith("л"):
        head += "(?:а|и)?"
    elif first.endswith("ся"):
        head = re.escape(first[:-2]) + "(?:ся|ась|ись)"
    elif first.endswith(("ен", "ён")):
        head += "(?:а|ы)?"
    return head + (r"\s+" + re.escape(rest) if rest else "")


_KIND_OF = [(kind, Pattern(_forms(v) + r"$", re.I)) for kind, vs in _VERBS.items() for v in vs]
_VERB_RE = "|".join(
    _forms(v) for v in sorted({v for vs in _VERBS.values() for v in vs}, key=len, reverse=True)
)

# A leader named by title, any case: what ``bot.speech``'s holders read in English.
_TITLES: tuple[tuple[str, str], ...] = (
    (r"(?:премьер\w*\s+Госсовета(?:\s+КНР)?|китайск\w+\s+премьер\w*)", "the chinese premier"),
    (r"(?:председател\w+\s+(?:КНР|Китая)|китайск\w+\s+(?:лидер\w*|президент\w*)|"
     r"глав\w+\s+(?:КНР|китайского\s+государства)|председател\w+\s+Си)", "the chinese president"),
    (r"(?:президент\w*\s+(?:России|РФ)|российск\w+\s+(?:лидер\w*|президент\w*))",
     "the russian president"),
    (r"(?:(?:российск\w+\s+)?премьер(?:-министр)?\w*(?:\s+(?:России|РФ))?|"
     r"(?:глав\w+|председател\w+)\s+(?:российского\s+)?правительства(?:\s+(?:России|РФ))?)",
     "the russian prime minister"),
)  # fmt: skip
TITLE_RE = "|".join(t for t, _ in _TITLES)  # any of them, in any case
_PRONOUNS = {"он": "he", "она": "she", "его": "he", "ее": "she", "её": "she"}

Holder = Callable[[str], str | None]


def _speaker(text: str, people: Sequence[tuple[int, str, str]], last: str | None,
             holder: Holder) -> str | None:  # fmt: skip
    """Whom ``text`` (a name as written, a title, a pronoun) stands for."""
    t = " ".join(text.split())
    if t.lower() in _PRONOUNS:
        return last
    for _, alias, name in people:
        if alias in t:
            return name
    english = office(t)
    return holder(english) if english else None


def office(text: str, opening: bool = False) -> str:
    """The English title ``bot.speech``'s holders read ("the russian prime minister") of the
    Russian title that is ``text`` (in any case: "российского премьера") or, ``opening``, that
    ``text`` opens with ("Председатель КНР пригласил ..."); "" for none."""
    t = " ".join(text.split())
    for rx, english in _TITLES:
        if re.match(rf"(?:{rx})(?!\w)", t, re.I) if opening else re.fullmatch(rx, t, re.I):
            return english
    return ""


def _kind(verb: str) -> str:
    v = " ".join(verb.split())
    for kind, rx in _KIND_OF:
        if rx.match(v):
            return kind
    return "say"


_OPEN = '«"„“'
_CLOSE = '»"“”'
# '"Ровно 85 лет назад ...", — сказал Мишустин, открывая встречу.' (a quote may open in an
# earlier sentence)
_TAIL = Pattern(
    rf"^[{_OPEN}]?(?P<content>.{{8,}}?)[,.!?…]*[{_CLOSE}]\s*,?\s*[—–-]+\s*(?P<verb>{_VERB_RE})\s+"
    rf"(?P<spk>[^,.]{{2,60}}?)(?:,\s+[^.]*)?[.!]?$"
)
# "По словам премьера, ...", "По его словам, ..."
_ACCORDING = Pattern(
    r"^По\s+(?:(?P<pron>его|ее|её)\s+словам|словам\s+(?P<spk>[^,]{2,60}?)),\s+(?P<content>.{8,})$"
)
# "Си Цзиньпин, в свою очередь, заявил, что ...", "Он также сообщил, что ...", "Председатель КНР
# призвал правительства ..."
_ASIDE = r"(?:,?\s+в\s+свою\s+очередь,?|,\s+в\s+частности,)?"
_ADVERBS = r"(?:(?:также|еще\s+раз|ещё\s+раз|вновь|особо|неоднократно|тогда)\s+)*"
_HEAD = Pattern(
    rf"^(?:(?:Кроме\s+того|Также|Затем|Далее|При\s+этом|В\s+свою\s+очередь),?\s+)?"
    rf"(?P<spk>[^,.:;«»\"]{{2,70}}?){_ASIDE}\s+{_ADVERBS}(?P<verb>{_VERB_RE})"
    r"(?:\s+в\s+том)?(?:,\s*(?:что|чтобы)\s+|:\s*|\s+)(?P<content>.{8,})$"
)
# a second verb: "..., добавив, что ...", "..., подчеркнув, что ..."
_GERUND = Pattern(
    r",\s+(?P<ger>добавив|подчеркнув|отметив|указав|заявив|выразив\s+надежду|выразив\s+"
    r"уверенность|призвав)(?:,\s*(?:что|чтобы)\s+|\s+)(?P<more>.{8,})$"
)
_GERUND_KIND = {"выразив надежду": "hope", "выразив уверенность": "believe", "призвав": "call"}


def clauses(s: str, people: Sequence[tuple[int, str, str]], last: str | None,
            holder: Holder) -> list[tuple[str, str, str, str]]:  # fmt: skip
    """(speaker, kind, verb, clause) for each reporting verb of the Russian sentence ``s``."""
    m = _ACCORDING.match(s)
    if m:
        who = last if m.group("pron") else _speaker(m.group("spk"), people, last, holder)
        return [(who, "say", "по словам", clean(m.group("content")))] if who else []
    m = _TAIL.match(s)
    if m:
        who = _speaker(m.group("spk"), people, last, holder)
        verb = " ".join(m.group("verb").split())
        return [(who, _kind(verb), verb, clean(m.group("content")))] if who else []
    m = _HEAD.match(s)
    if m:
        who = _speaker(m.group("spk"), people, last, holder)
        if not who or not _names_only(m.group("spk"), people):
            return []
        verb = " ".join(m.group("verb").split())
        content, out = m.group("content"), []
        ger = _GERUND.search(content)
        if ger:
            content = content[: ger.start()]
            g = " ".join(ger.group("ger").split())
            out.append((who, _GERUND_KIND.get(g, "say"), g, clean(ger.group("more"))))
        content = clean(content)
        if len(content) >= 8:
            out.insert(0, (who, _kind(verb), verb, content))
        return out
    return []


def _names_only(spk: str, people: Sequence[tuple[int, str, str]]) -> bool:
    """The subject is only a person: a name (with its titles), a title or a pronoun, not a
    clause that mentions one ("Встреча с Мишустиным ..." is no speaker)."""
    t = " ".join(spk.split())
    if t.lower() in _PRONOUNS or re.fullmatch(TITLE_RE, t, re.I):
        return True
    for _, alias, _name in people:
        if t.endswith(alias):
            before = t[: -len(alias)].strip()
            # "Председатель КНР Си Цзиньпин", "Премьер-министр России Михаил Мишустин"
            return not before or bool(re.fullmatch(rf"(?:{TITLE_RE})(?:\s+\w+)?", before, re.I))
    return False


def subject(s: str, people: Sequence[tuple[int, str, str]]) -> bool:
    """The sentence opens with a person, perhaps after a title ("Председатель КНР Си Цзиньпин
    ..."): the one a later "он" stands for."""
    if not people:
        return False
    before = s[: people[0][0]].strip()
    return not before or bool(re.fullmatch(rf"(?:{TITLE_RE})(?:\s+\w+)?", before, re.I))


def clean(text: str) -> str:
    """The clause without a trailing full stop or the quote marks around it."""
    text = text.strip()
    if text[:1] in _OPEN and text[-1:] in _CLOSE + "." and text.count(text[0]) <= 2:
        text = text.strip(_OPEN + _CLOSE + ".").strip()
    return re.sub(r"[\s.;,]+$", "", text)


# A speaker's own words that say what they do: "Надеюсь, что ...", "Мы уверены ...".
_OWN = Pattern(
    r"^(?:(?:Я|Мы)\s+)?(?:(?P<hope>надеюсь|надеемся|рассчитываю|рассчитываем)|"
    r"(?P<believe>уверен|уверена|уверены|убежден|убеждены)|(?P<call>призываю|призываем|"
    r"предлагаю|предлагаем)|(?P<wish>желаю|желаем))\b",
    re.I,
)


# A line that only addresses someone: "Уважаемый господин Председатель!", "Дорогой друг!".
_ADDRESS = Pattern(
    r"^(?:(?:Уважаем|Дорог|Глубокоуважаем)\w+\s+[^.!?]{0,60}|Добрый\s+(?:день|вечер)|"
    r"Доброе\s+утро|Здравствуйте)[!.,]?$",
    re.I,
)


def address(content: str) -> bool:
    """The line of direct speech only addresses someone ("Уважаемый господин Председатель!")."""
    return bool(_ADDRESS.match(content.strip()))


def own_verb(content: str) -> str | None:
    """The kind of a Russian line of direct speech whose speaker says what they do, or None."""
    m = _OWN.match(content)
    return m.lastgroup if m else None


__all__ = ["TITLE_RE", "address", "clauses", "clean", "is_russian", "office", "own_verb", "subject"]
