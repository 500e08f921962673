"""The expectations of a test article (``NAME.expected.yaml``, the schema of the blind writers'
ARTICLES.md) and the extracted facts, section by section, in the same comparable terms.

``expected(data, gaz)`` and ``got(ctx, facts, gaz)`` give {section: set of items}; a test
compares them in full (every expected item found, nothing else found) but for listed gaps.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.context import Context
from bot.facts import Fact
from bot.gazetteer import Gazetteer
from bot.text import MONTH_NAMES

SECTIONS = ("meetings", "venue", "daytime", "people", "occasion", "other_meetings", "trade",
            "anniversaries", "areas", "organisations", "initiatives", "events", "greetings",
            "condolences", "invitations", "statements", "documents", "accompanying",
            "co_chairs")  # fmt: skip
_VISITS = ("state", "official", "working", "friendly")


def _canon(gaz: Gazetteer, section: str, name: str) -> str:
    """A name as the gazetteer writes it ("SCO" -> "Shanghai Cooperation Organization")."""
    found = gaz.find(section, name)
    return found[0][1].name if found else name


def _person(gaz: Gazetteer, name: str) -> str:
    return _canon(gaz, "people", name)


def _when(value: Any) -> str:
    """A date of the yaml (a date, "2024-05", 2025, "2023-12") as text."""
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _amount(text: str) -> tuple[float, str, str]:
    """'more than 20 trillion roubles' -> (20.0, 'trillion', 'rubles')."""
    m = re.search(r"(\d+(?:\.\d+)?)\s*(million|billion|trillion)", text)
    assert m, text
    low = text.lower()
    currency = ("USD" if "$" in text or "dollar" in low else "yuan" if "yuan" in low or "rmb" in low
                else "rubles" if "roubl" in low or "rubl" in low else "")  # fmt: skip
    return float(m.group(1)), m.group(2), currency


def _period(text: str) -> str:
    """'2023 (first eleven months)' and 'January-November 2023' -> 'January-November 2023'."""
    words = {"seven": 7, "eight": 8, "eleven": 11, "ten": 10, "nine": 9, "six": 6, "five": 5}
    m = re.match(r"(\d{4}) \(first (\w+) months\)", text)
    if m:
        n = int(m.group(2)) if m.group(2).isdigit() else words[m.group(2)]
        return f"January-{MONTH_NAMES[n - 1]} {m.group(1)}"
    return text


def _anniversary(gaz: Gazetteer, n: int, of: str, year: Any) -> tuple[int, str, int | None]:
    base = gaz.find("anniversary_bases", of)
    return n, base[0][1].name if base else of.lower(), int(year) if year else None


def _event(gaz: Gazetteer, name: str) -> str:
    """An event's name in comparable words: organisations canonical, 'Russian-Chinese' the
    same as 'China-Russia', no articles or possessives."""
    text = name
    for a, b, e in sorted(gaz.spans("organisations", name), key=lambda h: -h[0]):
        text = text[:a] + e.name + text[b:]
    text = re.sub(r"(?i)\b(?:russian-chinese|chinese-russian|russia-china|china-russia)\b",
                  "china-russia", text)  # fmt: skip
    text = re.sub(r"['’]s?\b|\(.*?\)|\s\d{4}\s*-\s*\d{4}$", "", text.lower())
    return " ".join(w for w in re.findall(r"[\w-]+", text) if w not in ("the", "of", "leaders"))


def _body(text: str) -> str:
    m = re.search(r"(\d+)\w*\s+regular meeting", text)
    return f"regular meeting {m.group(1)}" if m else " ".join(text.lower().split())


def _doc_head(name: str) -> str:
    words = re.sub(r"^(?:an?|the)\s+", "", name.lower()).split()
    return " ".join(words[:2])


def expected(e: dict[str, Any], gaz: Gazetteer) -> dict[str, set[Any]]:
    """The expectations of one article in comparable terms."""
    out: dict[str, set[Any]] = {s: set() for s in SECTIONS}
    for m in e.get("meetings") or []:
        out["meetings"].add((_when(m.get("date")), m.get("place")))
        if m.get("venue"):
            out["venue"].add(_canon(gaz, "venues", m["venue"]))
        if m.get("time_of_day"):
            out["daytime"].add(m["time_of_day"].split()[0])
        out["people"] |= {_person(gaz, p) for p in m.get("people", [])}
        if m.get("occasion"):
            visit = next((v for v in _VISITS if v in m["occasion"]), m["occasion"])
            out["occasion"].add(visit)
    for o in e.get("other_meetings") or []:
        number = re.search(r"(\d+)\w* regular meeting", str(o.get("what", "")))
        tense = o.get("tense", "past")
        who = frozenset(_person(gaz, p) for p in o["who"])
        n = int(number.group(1)) if number else None
        for place in str(o.get("place") or "").split("; "):
            out["other_meetings"].add((who, _when(o.get("date")), place, n, tense))
    for t in e.get("trade") or []:
        out["trade"].add((_amount(t["amount"]), _period(str(t["period"])),
                          str(t.get("growth") or "").rstrip("%") or None,
                          t.get("status", "reached") != "target"))  # fmt: skip
    for a in e.get("anniversaries") or []:
        out["anniversaries"].add(_anniversary(gaz, a["ordinal"], a["of"], a.get("year")))
    for section, gsec in (("areas", "areas"), ("organisations", "organisations"),
                          ("initiatives", "initiatives")):  # fmt: skip
        out[section] = {_canon(gaz, gsec, x) for x in e.get(section) or []}
    for ev in e.get("events") or []:
        if "regular meeting" in ev["name"]:
            continue  # an encounter: checked with the other meetings
        out["events"].add((_event(gaz, ev["name"]), ev.get("place")))
    for g in e.get("greetings") or []:
        out["greetings"].add((_person(gaz, g["from"]), _person(gaz, g.get("via") or ""),
                              _person(gaz, g["to"])))  # fmt: skip
    for c in e.get("condolences") or []:
        out["condolences"].add((_person(gaz, c["by"]), bool(c.get("aid_offered"))))
    for i in e.get("invitations") or []:
        out["invitations"].add((_person(gaz, i["who"]), _person(gaz, i.get("via") or ""),
                                _person(gaz, i["whom"])))  # fmt: skip
    for s in e.get("statements") or []:
        out["statements"].add((_person(gaz, s["speaker"]), tuple(s["key"])))
    docs = e.get("documents")
    if docs:
        count = docs.get("count")
        if isinstance(count, str):
            count = int(re.search(r"\d+", count).group())  # type: ignore[union-attr]
        out["documents"].add((count, tuple(sorted(_doc_head(n) for n in docs.get("names") or []))))
    out["accompanying"] = {_person(gaz, p) for p in e.get("accompanying") or []}
    for c in e.get("co_chairs") or []:
        out["co_chairs"].add((frozenset(_person(gaz, p) for p in c["chairs"]),
                              _body(c["commission"])))  # fmt: skip
    return out


def got(ctx: Context, facts: list[Fact], gaz: Gazetteer) -> tuple[dict[str, set[Any]], list[Fact]]:
    """The extracted facts of one article in the same terms, and its statements (for
    ``statements_found``)."""
    out: dict[str, set[Any]] = {s: set() for s in SECTIONS}
    if ctx.principal:
        out["meetings"].add((ctx.meeting_date.isoformat() if ctx.meeting_date else "", ctx.place))
        if ctx.venue:
            out["venue"].add(ctx.venue)
    statements: list[Fact] = []
    docs: list[Any] = []
    for f in facts:
        p: Any = f.parts
        if f.kind == "person" and f.qualifier in ("met", "present") and ctx.principal:
            out["people"].add(f.value)
        elif f.kind == "daytime" and ctx.principal:
            out["daytime"].add(f.value)
        elif f.kind == "occasion" and ctx.principal:
            out["occasion"].add(f.qualifier if p.form == "visit" else ("regular", f.number))
        elif f.kind == "encounter":
            tense = "future" if p.status == "planned" else "past"
            place = p.place or p.country
            out["other_meetings"].add((frozenset(p.who), p.when, place,
                                       int(f.number) if f.number else None, tense))  # fmt: skip
        elif f.kind == "trade":
            period = str(p.period_year or "")
            if p.period == "months" and p.months:
                start = MONTH_NAMES[(p.from_month or 1) - 1]
                period = (
                    f"{start}-{MONTH_NAMES[(p.from_month or 1) + p.months - 2]} {p.period_year}"
                )
            out["trade"].add(((float(p.n), p.unit, p.currency), period, p.growth or None,
                              f.qualifier != "target"))  # fmt: skip
        elif f.kind == "anniversary":
            out["anniversaries"].add(_anniversary(gaz, int(f.number or 0), p.of, f.year))
        elif f.kind in ("area", "organisation", "initiative"):
            out[f"{f.kind}s"].add(f.value)
        elif f.kind == "event":
            out["events"].add((_event(gaz, f.value), p.place or None))
        elif f.kind == "greeting":
            out["greetings"].add((p.sender, p.via, p.to))
        elif f.kind == "condolence":
            out["condolences"].add((getattr(p, "who", ""), any(x.kind == "aid" for x in facts)))
        elif f.kind == "invitation":
            out["invitations"].add((p.host, p.via, p.guest))
        elif f.kind == "statement":
            statements.append(f)
        elif f.kind == "documents":
            docs.append(p)
        elif f.kind == "delegation":
            out["accompanying"] |= set(p.people)
        elif f.kind == "cochair":
            body = f"regular meeting {int(f.number)}" if f.number else p.body
            out["co_chairs"].add((frozenset(p.chairs), body))
    if docs:
        counts = [d.count for d in docs if d.count is not None]
        names = sorted({_doc_head(n) for d in docs for n in (*d.names, *d.among)})
        out["documents"].add((max(counts) if counts else None, tuple(names)))
    return out, statements


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+(?:\.\d+)?", text.lower().replace("-", " ")))


def statements_found(statements: list[Fact], want: set[tuple[str, tuple[Any, ...]]]) -> set[Any]:
    """The expected statements (speaker, key words) that one statement of the speaker holds:
    every word of every key in the statement as a reply shows it."""
    found = set()
    for speaker, keys in want:
        for f in statements:
            words = _words(f.display) | _words(f.parts.content)  # type: ignore[attr-defined]
            if f.parts.speaker == speaker and all(  # type: ignore[attr-defined]
                _words(str(k)) <= words for k in keys
            ):
                found.add((speaker, keys))
                break
    return found


__all__ = ["SECTIONS", "expected", "got", "statements_found"]
