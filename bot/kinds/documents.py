"""Documents signed at a meeting: "more than 20 documents were signed", "the two sides signed a
joint communique and 12 agreements"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from .. import facts
from ..context import Context, nth
from ..facts import Fact, FactKind
from ..glossary import needs
from ..russian import Russian
from ..text import NUMBER_WORD_RE, Pattern, number_word

KIND = FactKind("documents")  # number: how many were signed, when the text counts them
Counted = Literal["", "documents", "agreements"]
NEEDS = needs({"documents_counted": {"approx", "count", "among"},
               "documents_of_regular": {"document", "n"},
               "documents_at_regular": {"documents", "n"}},
              vocabs=["documents"], words=["more"],
              plurals=["document", "agreement"])  # fmt: skip

_COUNT = rf"(?P<count>\d{{1,3}}|{NUMBER_WORD_RE})"
_MORE = r"(?P<more>more than\s+|over\s+)?"
_KINDS = (r"(?:(?:intergovernmental|interdepartmental|interagency|bilateral|cooperation|other|"
          r"commercial|business|investment)\s*,?\s+|and\s+)*")  # fmt: skip
_NOUN = r"(?P<noun>documents|agreements|docs)"
# Counted documents reported as signed at the meeting (not "the agreement signed by China with
# the union" years before): "20 documents were signed", "signed 12 agreements", "the signing of
# more than 20 documents".
_COUNTED = (
    Pattern(
        rf"\b{_MORE}{_COUNT}\s+{_KINDS}{_NOUN}\s+(?:were\s+|have been\s+|had been\s+)?signed\b",
        re.I,
    ),  # fmt: skip ("Three documents signed: ...", a live blog's)
    Pattern(rf"\bsign(?:ed|ing of)\s+(?:a total of\s+)?{_MORE}{_COUNT}\s+{_KINDS}{_NOUN}\b", re.I),
    Pattern(rf"\bsigned\b[^.;]{{0,60}}?\band\s+{_MORE}{_COUNT}\s+{_KINDS}{_NOUN}\b", re.I),
    Pattern(rf"\bsigned\s*:\s*{_MORE}{_COUNT}\s+{_KINDS}{_NOUN}\b", re.I),  # a live blog's
)
_NAMED = r"joint communiqu[eé]|joint statement|memorandum of understanding"
# A named document signed: "a joint communique was signed", "signed a joint statement"; and what
# the signing came with: "..., as well as a package of intergovernmental documents".
# Documents named one by one: "among them an agreement on the joint development of the Bolshoi
# Ussuriysky Island and a memorandum on cooperation in the digital economy".
# (a document's kind, after at most two words of its own: "an intergovernmental agreement")
_DOC = r"(?:[\w-]+\s+){0,2}?(?:agreement|memorandum|protocol|contract|roadmap|plan|declaration)"
_AMONG = Pattern(r"\b(?:among\s+them(?:\s+(?:are|is|were|was))?|including|incl\.|in\s+particular)"
                 r"\s+"
                 rf"(?P<list>(?:an?|the)\s+{_DOC}\b[^;]+)",
                 re.I)  # fmt: skip
_ONE = Pattern(rf"(?:an?|the)\s+(?P<name>{_DOC}\s+(?:on|of|for|about)\s+.+?)"
               rf"(?=\s*,?\s+and\s+(?:an?|the)\s+|,\s+(?:an?|the)\s+{_DOC}\b|[,.;]?$)",
               re.I)  # fmt: skip
# A release lists the documents one a line after the count: "They include:" then "- an
# intergovernmental agreement on ...;", "- a memorandum of understanding on ...".
_INTRO = Pattern(r"(?:\b(?:they|these|those|which)\s+(?:include|included|are|were)|\bamong\s+"
                 r"them|\bincluding|\bin\s+particular)\s*:$", re.I)  # fmt: skip
_ITEM = Pattern(r"^\s*[-–—•*·]\s*(?:an?\s+|the\s+)?(?P<name>(?:[\w-]+\s+){0,3}?(?:agreement|"
                r"memorandum|protocol|contract|roadmap|plan|declaration|programme|program|"
                r"statement|communiqu[eé])\b.*?)\s*(?:[;,.]\s*(?:and)?)?\s*$", re.I)  # fmt: skip
_SIGNED_COLON = Pattern(rf"\bsigned\s*:\s*(?P<list>(?:an?|the)\s+{_DOC}\b.+)$", re.I)
# Documents named one by one before "were signed": "an agreement on X and a memorandum on Y
# were signed in the presence of the two leaders"
_SIGNED_LIST = Pattern(rf"(?P<list>(?:an?|the)\s+{_DOC}\s+(?:on|of|for|about)\s+[^;:]+?)\s+"
                       r"(?:was|were|have\s+been|had\s+been)\s+signed\b", re.I)  # fmt: skip
# Documents a list names one a line, after no count: "the next documents were signed:",
# "signed the following agreements:"
_DOCS = r"(?:documents|agreements|docs|deals|contracts)"
_LIST_FOLLOWS = Pattern(rf"\b(?:following|next|these|such|main|key)\s+{_KINDS}{_DOCS}\s+(?:were\s+|"
                        rf"have been\s+|had been\s+)?signed(?:\s+(?:in|at)\s+[\w\s-]{{1,40}}?)?\s*:"
                        rf"\s*$|\bsigned\s+the\s+following\s+{_KINDS}{_DOCS}\s*:\s*$",
                        re.I)  # fmt: skip
# Any item of such a list: "• Novatek and CNOOC – LNG supply, $6.2 billion"
_BULLET = Pattern(r"^\s*[-–—•*·]\s*(?P<name>\S.*?)\s*(?:[;.]\s*(?:and)?)?\s*$")
# A document's own kind opens its name ("Memorandum of ...": "a Memorandum of ...")
_KIND_FIRST = Pattern(rf"^{_DOC}\b|^(?:programme|program|statement|communiqu[eé])\b", re.I)
# A signing told right after the regular meeting it ended: "... co-chaired the 28th regular
# meeting. At its end the two premiers signed a joint communique".
_NTH_REGULAR = Pattern(r"\b(?P<ord>\d+)(?:st|nd|rd|th)\s+regular\s+meeting\b", re.I)
_BACK = Pattern(r"\b(?:at|after|following)\s+its\s+(?:end|close|conclusion)\b|\b(?:after|"
                r"following)\s+it\b|\bthe\s+(?:two\s+)?(?:premiers|heads\s+of\s+government)\s+"
                r"(?:also\s+)?signed\b|\b(?:after|following)\s+the\s+(?:two\s+)?(?:premiers'|"
                r"prime\s+ministers'|heads\s+of\s+government's)\s+(?:talks|meeting)\b",
                re.I)  # fmt: skip
_OF_REGULAR = Pattern(r"\bof\s+the\s+(?P<ord>\d+)(?:st|nd|rd|th)\s+regular\s+meeting\b", re.I)
_NAMES = (
    Pattern(rf"\b(?:a|the)\s+(?P<name>{_NAMED})\s+(?:was|were|has been)\s+signed\b", re.I),
    Pattern(rf"\bsigned\s+(?:a|the)\s+(?P<name>{_NAMED})\b", re.I),
    Pattern(
        r"\bsigned,?\s+as well as\s+(?:a|the)\s+(?P<name>package of [a-z ]{0,60}?documents)\b", re.I
    ),  # fmt: skip
    # "signed a joint communique and a package of intergovernmental ... agreements"
    Pattern(
        rf"\bsigned\s+(?:(?:a|the)\s+(?:{_NAMED})\s+and\s+)?(?:a|the)\s+(?P<name>package\s+of\s+"
        r"[a-z ]{0,60}?(?:documents|agreements))\b",
        re.I,
    ),  # fmt: skip
)
# The signing at the regular meeting the sentence (or the one before, in the first person) names:
# "he and Li Qiang presided over the 29th regular meeting ..., the two sides signed ...";
# "Li Qiang and I held the 29th regular meeting. We heard ..., signed ...".
_SAME_REGULAR = Pattern(r"\b(?P<ord>\d+)(?:st|nd|rd|th)\s+regular\s+meeting\b[^.;]*?,\s+"
                        r"(?:the\s+two\s+sides|they|both\s+sides|the\s+premiers)\s+(?:also\s+)?"
                        r"signed\b", re.I)  # fmt: skip
_WE_SIGNED = Pattern(r"^\W*(?:We|They)\b[^.;]{0,80}?\bsigned\b")


@dataclass(frozen=True, slots=True)
class Parts(facts.Parts):
    """How many documents or agreements were signed (``count`` None when the text names them
    without counting), and the documents it names ("joint communique"), in English."""

    count: int | None = None
    counted: Counted = ""  # what was counted: documents or agreements
    more_than: bool = False  # "more than 20"
    names: tuple[str, ...] = ()
    regular: int | None = None  # "the joint communique of the 29th regular meeting"
    among: tuple[str, ...] = ()  # the counted documents it names: "among them an agreement on"


def extract(ctx: Context) -> Iterator[Fact]:
    """One fact per sentence that reports documents signed at the meeting, with the documents a
    list under it names ("They include:" / "- an agreement on ..."). A sentence that goes on
    about the signing its neighbour tied to a regular meeting is of that meeting too."""
    pending: tuple[int, Parts] | None = None  # the documents sentence a list may follow
    listing = -1  # the last sentence of the documents, or of the list under them
    for i, s in enumerate(ctx.article.sentences):
        if pending is not None and listing == i - 1:
            # after "the following documents were signed:" any item is one, and its own fact
            # (its line says what it is worth: "• KAMAZ and Weichai – an engine plant, ...")
            intro = not _says_any(pending[1])
            item = _ITEM.match(s) or (_BULLET.match(s) if intro else None)
            if item is not None or _INTRO.search(s):
                listing = i
                if item is not None:
                    name = " ".join(item.group("name").split())
                    idx, parts = pending
                    if intro:
                        yield _fact(ctx, i, replace(parts, among=(name,)))
                    else:
                        pending = idx, replace(parts, among=(*parts.among, name))
                continue
        if pending is not None and _says_any(pending[1]):
            yield _fact(ctx, *pending)
        regular_before = pending[1].regular if pending is not None and listing == i - 1 else None
        if regular_before is None and i and (_BACK.search(s) or _WE_SIGNED.search(s)):
            before = _NTH_REGULAR.search(ctx.article.sentences[i - 1])
            regular_before = int(before.group("ord")) if before else None
        same = _SAME_REGULAR.search(s)
        if same is not None:
            regular_before = int(same.group("ord"))
        found = _documents(s, regular_before)
        pending = (i, found) if found is not None else None
        listing = i
    if pending is not None and _says_any(pending[1]):
        yield _fact(ctx, *pending)


def _says_any(parts: Parts) -> bool:
    """Whether the documents sentence names or counts any (an intro to a list does not)."""
    return bool(parts.names or parts.among) or parts.count is not None


def _fact(ctx: Context, idx: int, parts: Parts) -> Fact:
    text = english(parts)
    number = float(parts.count) if parts.count is not None else None
    return ctx.fact(KIND, idx, text, text, number=number, parts=parts)


def _documents(s: str, regular_before: int | None) -> Parts | None:
    """The documents one sentence reports signed, or None."""
    names = tuple(dict.fromkeys(_name(m.group("name")) for rx in _NAMES for m in rx.finditer(s)))
    among_list = _AMONG.search(s)
    listed = _ONE.finditer(among_list.group("list")) if among_list else iter(())
    among = tuple(" ".join(m.group("name").split()) for m in listed)
    if not among and (after := _SIGNED_COLON.search(s)) is not None:
        # "Three documents signed: an agreement on ..., a memorandum on ... and a protocol on"
        among = tuple(" ".join(m.group("name").split()) for m in _ONE.finditer(after.group("list")))
    if not among and (signed := _SIGNED_LIST.search(s)) is not None:
        # "an agreement on satellite navigation and a memorandum on pandas were signed"
        listed = _ONE.finditer(signed.group("list"))
        among = tuple(" ".join(m.group("name").split()) for m in listed)
    counted = next((m for rx in _COUNTED if (m := rx.search(s))), None)
    if counted is None and not names and not among:
        # "the following documents were signed:": the list under it names them (``extract``)
        return Parts() if _LIST_FOLLOWS.search(s) else None
    regular = _OF_REGULAR.search(s)
    numbered = int(regular.group("ord")) if regular else regular_before
    parts = Parts(names=names, regular=numbered, among=among)
    if counted is not None:
        word = counted.group("count").lower()
        count = int(word) if word.isdigit() else number_word(word)
        noun = counted.group("noun").lower()
        parts = Parts(count, "agreements" if noun == "agreements" else "documents",
                      bool(counted.group("more")), names, numbered, among)  # fmt: skip
    return parts


def _name(found: str) -> str:
    """A named document as the glossary knows it: lower case, 'communique' without accent."""
    return " ".join(found.lower().replace("é", "e").split())


def english(p: Parts) -> str:
    """'a joint communique and more than 20 documents'."""
    items = [f"an {name}" if name[:1] in "aeiou" else f"a {name}" for name in p.names]
    if p.regular and items:
        items[0] += f" of the {nth(p.regular)} regular meeting"
    counted = [
        x if not _KIND_FIRST.match(x) else f"an {x}" if x[:1].lower() in "aeiou" else f"a {x}"
        for x in p.among
    ]  # ("Novatek and CNOOC – LNG supply": no article)
    if p.count is not None:
        total = f"{'more than ' if p.more_than else ''}{p.count} {p.counted}"
        items.append(total + (f", among them {_listed(counted, ' and ')}" if counted else ""))
    else:
        items += counted
    # (long names listed one a line: "a Memorandum ...; a Protocol ...; an Agreement ...")
    text = "; ".join(items) if len(items) > 2 else " and ".join(items)
    if p.regular and not p.names:  # "19 documents, at the 31st regular meeting"
        text += f", at the {nth(p.regular)} regular meeting"
    return text


def _listed(items: list[str], last: str) -> str:
    """'a, b and c'."""
    return ", ".join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def russian(f: Fact, p: Parts, r: Russian) -> str:
    """'совместное коммюнике и более 20 документов'."""
    items = [r.vocab("documents", name) for name in p.names]
    if p.regular and items:
        items[0] = r.fill("documents_of_regular", document=items[0], n=str(p.regular))
    counted = _listed([r.vocab("documents", x) for x in p.among], " и ")
    if p.count is not None:
        noun = "agreement" if p.counted == "agreements" else "document"
        approx = r.word("more") if p.more_than else ""
        items.append(r.fill("documents_counted", approx=approx, count=r.plural(noun, p.count),
                            among=counted))  # fmt: skip
    elif counted:
        items.append(counted)
    text = " и ".join(items)
    if p.regular and not p.names:
        text = r.fill("documents_at_regular", documents=text, n=str(p.regular))
    return text
