"""Message -> intent: normalising, slang and typo repair, and a weighted fuzzy token score.

The score is a soft TF-IDF Dice coefficient between the message's words and each example's
words: a word shared by few intents ("anniversary") counts more than one shared by many
("did"), and a word the bot has never seen lowers the score, so unknown questions fall below
the threshold instead of borrowing a near example's intent. rapidfuzz repairs typos word by word.
This is the only module that imports rapidfuzz.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer
from .intents import OUT_OF_SCOPE, Intent, Lexicon
from .text import longest_spans, month_number, normalize

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_RU_ENDINGS = sorted(
    "иями ями ами ией ией ого его ому ему ыми ими ах ях ов ев ей ой ый ий ая яя ое ее ые ие ую юю "
    "ом ем ам им ым ых их ся сь ы и а я о е у ю ь".split(),
    key=len,
    reverse=True,
)
UNKNOWN_WEIGHT = 2.0  # a word no example has: counts against every intent
COVERAGE = 0.3  # share of the score that is "how much of the example the message contains"
# The intent-level score: how much of the message an intent's whole vocabulary explains, when
# the message holds at least one word typical of that intent ("G20?", "energy coop?"). Unknown
# words weigh more here, so a question about something else ("... budget?") stays below.
BAG_WEIGHT = 0.85
BAG_UNKNOWN = 2.0
BAG_TYPICAL = 0.15  # a word used by at most this share of the intents (at least one) is typical
# Gazetteer sections whose names become one marker word: "what about the SCO" and "what about
# BRICS" are the same question. Slot markers (years, months) are dropped from scoring: they
# choose the meeting, not the intent.
MARKERS = {"places": "#place", "venues": "#place", "people": "#person", "organisations": "#org",
           "areas": "#area", "initiatives": "#initiative", "regions": "#region"}  # fmt: skip
_SLOT_MARKERS = {"#year", "#month", "#number"}
# Question words decide the intent more than their weight says: "why was Xi in Moscow" is not
# "when was Xi in Moscow". An example asking with other question words scores this much less.
QUESTION_WORDS = frozenset({"when", "where", "who", "why", "how", "which", "what"})
OTHER_QUESTION = 0.85
_STRONG_WH = QUESTION_WORDS - {"what", "which"}  # "what date" / "which city" ask anything


def entity_phrases(gaz: Gazetteer) -> dict[tuple[str, ...], tuple[str, str]]:
    """Stemmed word sequences of every gazetteer name (English and Russian) -> (marker, name)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for section, marker in MARKERS.items():
        for entry in gaz.sections[section]:
            for name in (*entry.aliases, entry.ru, entry.name):
                key = tuple(stem(t) for t in normalize(name).split())
                if key and not (len(key) == 1 and len(key[0]) < 2):
                    out.setdefault(key, (marker, entry.name))
    for name in (*gaz.other_people, *gaz.other_places):
        key = tuple(stem(t) for t in normalize(name).split())
        if key:
            out.setdefault(key, ("#other", name))
    return out


def stem(token: str) -> str:
    """A light stemmer: Russian endings, English plural/-ing/-ed; keeps at least 3 letters."""
    if re.search("[а-я]", token):
        for end in _RU_ENDINGS:
            if token.endswith(end) and len(token) - len(end) >= 3:
                return token[: -len(end)]
        return token
    if len(token) > 5 and token.endswith("ing"):
        return token[:-3]
    if len(token) > 4 and token.endswith("ed"):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


@dataclass(frozen=True, slots=True)
class Match:
    """The best intent for a message (None below the threshold) and its score in 0..1."""

    intent: str | None
    score: float
    best: str  # the best-scoring intent even when below the threshold, for diagnostics
    unknown: tuple[str, ...] = ()  # words no example has
    names: tuple[tuple[str, str], ...] = ()  # (marker, canonical name) of gazetteer names found
    tokens: tuple[str, ...] = ()  # the message's canonical tokens (after slang, stems, typos)
    scores: tuple[tuple[str, float], ...] = ()  # every scored intent, best first

    @property
    def runner_up(self) -> float:
        """The second-best intent's score (0.0 when one intent or none scored)."""
        return self.scores[1][1] if len(self.scores) > 1 else 0.0


class Matcher:
    """Scores messages against intent examples."""

    def __init__(
        self,
        intents: list[Intent],
        lexicon: Lexicon,
        threshold: float,
        max_chars: int,
        entities: dict[tuple[str, ...], tuple[str, str]] | None = None,
    ):
        self.threshold = threshold
        self.max_chars = max_chars
        self.lexicon = lexicon
        self._phrases = sorted((k for k in lexicon.synonyms if " " in k), key=len, reverse=True)
        self._phrase_re = (
            re.compile(r"\b(?:" + "|".join(re.escape(p) for p in self._phrases) + r")\b")
            if self._phrases
            else None
        )
        # Names are keyed by the same tokens a message becomes ("Belt and Road" -> belt road,
        # "Shanghai Cooperation Organization" -> shanghai cooperate organisation). A one-word
        # name that intents use as a keyword ("trade") stays a word, not a marker.
        self.entities: dict[tuple[str, ...], tuple[str, str]] = {}
        self._longest = 0
        keywords = {t for i in intents for e in i.examples for t in self._canon(e)[0]}
        canon: dict[tuple[str, ...], tuple[str, str]] = {}
        for key, hit in (entities or {}).items():
            toks = tuple(self._canon(" ".join(key))[0])
            for k in dict.fromkeys((key, toks)):
                if k and (len(k) > 1 or k[0] not in keywords) and not set(k) & _SLOT_MARKERS:
                    canon.setdefault(k, hit)
        self.entities = canon
        self._requires = {i.name: {t for w in i.requires for t in self._canon(w)[0]} for i in intents
                          if i.requires}  # fmt: skip
        self._longest = max((len(k) for k in self.entities), default=0)
        self._examples: list[tuple[str, frozenset[str]]] = []
        for intent in intents:
            for example in intent.examples:
                toks = frozenset(self._canon(example)[0]) - _SLOT_MARKERS
                if toks:
                    self._examples.append((intent.name, toks))
        df: dict[str, set[str]] = defaultdict(set)
        for name, toks in self._examples:
            for t in toks:
                df[t].add(name)
        n = len({name for name, _ in self._examples}) or 1
        self._weight = {t: math.log(1 + n / len(names)) for t, names in df.items()}
        most = max(1, round(n * BAG_TYPICAL))
        self._typical = {t for t, names in df.items() if len(names) <= most}
        # Typos are repaired towards the vocabulary and towards every one-word variant in the
        # lexicon ("землятресение" -> землетрясение -> earthquake), stemmed like messages.
        spell: dict[str, str] = {t: t for t in self._weight}
        for variant, word in lexicon.synonyms.items():
            canon = self.lexicon.synonyms.get(stem(word), word)
            if " " not in variant and canon in self._weight:
                spell.setdefault(stem(variant), canon)
        self._spell = spell
        self._vocab = sorted(spell)
        self._index: dict[str, list[int]] = defaultdict(list)
        for i, (_, toks) in enumerate(self._examples):
            for t in toks:
                self._index[t].append(i)
        self._ex_weight = [sum(self._weight[t] for t in toks) for _, toks in self._examples]
        self._asks = [_STRONG_WH & toks for _, toks in self._examples]
        self._vocab_of: dict[str, set[str]] = defaultdict(set)
        for name, toks in self._examples:
            self._vocab_of[name] |= toks

    def _canon(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Normalised, slang-repaired, stemmed tokens without fillers; slots become markers."""
        text = normalize(text, self.max_chars)
        if self._phrase_re is not None:
            text = self._phrase_re.sub(lambda m: self.lexicon.synonyms[m.group()], text)
        out = []
        for tok in text.split():
            tok = self.lexicon.synonyms.get(tok, tok)
            if tok in self.lexicon.ignore:
                continue
            if _YEAR.match(tok):
                tok = "#year"
            elif tok.isdigit() and len(tok) <= 2:
                tok = "#number"
            elif month_number(tok) and (tok != "may" or out[-1:] in (["in"], ["of"])):
                tok = "#month"
            else:
                tok = stem(tok)
                tok = self.lexicon.synonyms.get(tok, tok)
            out.append(tok)
        return self._mark_entities(out)

    def _mark_entities(self, toks: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """Replace gazetteer names (longest first) by their marker; also return the names."""
        out: list[str] = []
        names: list[tuple[str, str]] = []
        for span, hit in longest_spans(toks, self.entities, self._longest):
            out.append(hit[0] if hit else span[0])
            if hit:
                names.append(hit)
        return out, names

    def _repair(self, tok: str) -> str | None:
        """The vocabulary word a typo most likely meant, or None."""
        if tok in self._weight:
            return tok
        if len(tok) < 4 or tok.isdigit():
            return None
        cutoff = 80 if len(tok) < 7 else 75
        hit = process.extractOne(tok, self._vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._spell[hit[0]] if hit else None

    def _bag_scores(self, query: dict[str, float], unknown: list[str]) -> dict[str, float]:
        """Per intent: the share of the message its vocabulary explains, given a typical word."""
        total = sum(w for t, w in query.items() if t not in unknown)
        total += sum(BAG_UNKNOWN if not t.isdigit() else 0.5 for t in set(unknown))
        out: dict[str, float] = {}
        if not total:
            return out
        for name, vocab in self._vocab_of.items():
            hits = [t for t in query if t in vocab]
            if any(t in self._typical for t in hits):
                out[name] = BAG_WEIGHT * sum(query[t] for t in hits) / total
        return out

    def typical(self, name: str, tokens: tuple[str, ...], besides: str) -> list[str]:
        """The tokens typical of intent ``name`` that intent ``besides`` never uses."""
        vocab, other = self._vocab_of.get(name, set()), self._vocab_of.get(besides, set())
        return [t for t in tokens if t in vocab and t not in other and t in self._typical]

    def match(self, text: str) -> Match:
        """The best intent for ``text``, or intent None when no intent is confident enough."""
        query: dict[str, float] = {}
        unknown: list[str] = []
        toks, names = self._canon(text)
        for tok in toks:
            if tok in _SLOT_MARKERS:
                continue
            fixed = self._repair(tok)
            if fixed is None:
                unknown.append(tok)
                query[tok] = UNKNOWN_WEIGHT if not tok.isdigit() else 0.5
            else:
                query[fixed] = self._weight[fixed]
        if not query:
            return Match(None, 0.0, "", tuple(unknown), tuple(names), tuple(toks))
        q_weight = sum(query.values())
        wh = _STRONG_WH & set(query)
        shared_of: dict[int, float] = defaultdict(float)
        for t, w in query.items():
            for i in self._index.get(t, ()):
                shared_of[i] += w
        scores: dict[str, float] = {}
        for i, shared in shared_of.items():
            name = self._examples[i][0]
            # Dice rewards a close paraphrase; coverage rewards a long question that contains
            # a whole example ("... when did they meet, the one about trade?").
            dice = 2 * shared / (q_weight + self._ex_weight[i])
            score = (1 - COVERAGE) * dice + COVERAGE * shared / self._ex_weight[i] * min(1.0, 2 * dice)
            asked = self._asks[i]
            if wh and asked and not wh & asked:
                score *= OTHER_QUESTION
            if score > scores.get(name, 0.0):
                scores[name] = score
        for name, score in self._bag_scores(query, unknown).items():
            scores[name] = max(scores.get(name, 0.0), score)
        if not scores:
            return Match(None, 0.0, "", tuple(unknown), tuple(names), tuple(query))
        present = set(query) | set(toks)
        scores = {k: v for k, v in scores.items() if k not in self._requires or self._requires[k] & present}
        if not scores:
            return Match(None, 0.0, "", tuple(unknown), tuple(names), tuple(query))
        best = max(scores, key=lambda k: scores[k])
        score = round(scores[best], 4)
        ok = score >= self.threshold and best != OUT_OF_SCOPE
        ranked = tuple(sorted(((k, round(v, 4)) for k, v in scores.items()), key=lambda kv: -kv[1]))
        return Match(best if ok else None, score, best, tuple(unknown), tuple(names), tuple(query),
                     ranked)


def closest(text: str, choices: Sequence[str], cutoff: float) -> int | None:
    """The index of the choice most like ``text`` (rapidfuzz token sort ratio, 0..100), or None
    when none reaches ``cutoff``. Groups similar questions in the misses report."""
    hit = process.extractOne(text, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    return hit[2] if hit else None
