"""Question -> intent: a weighted fuzzy token score against every intent's examples.

The score is a soft TF-IDF Dice coefficient between the question's words (``bot.question``
reads them: slang, stems, typos repaired) and each example's words: a word shared by few intents
("anniversary") counts more than one shared by many ("did"), and a word the bot has never seen
lowers the score, so unknown questions fall below the threshold instead of borrowing a near
example's intent.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .intents import Intent
from .question import PLACE, SLOT_MARKERS, Question, Reader

UNKNOWN_WEIGHT = 2.0  # a word no example has: counts against every intent
# The unknown weights (above, BAG_UNKNOWN and 0.5 for a number) were tuned with 15 intents. They
# grow with log(1 + intents) as the weight of a word only one intent uses does, so that a new
# intent leaves an unknown word its say ("who is wang yi's wife" stays out of scope).
TUNED_INTENTS = 15
_ONLY_FUNCTION = frozenset(
    [
        "or",
        "and",
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "be",
        "of",
        "to",
        "in",
        "on",
        "at",
        "it",
        "its",
        "not",
        "no",
        "yes",
        "if",
        "so",
        "but",
        "by",
        "for",
        "with",
        "and",
        "from",
        "as",
    ]
)
_NOT_TYPICAL = _ONLY_FUNCTION | {
    "there",
    "here",
    "this",
    "that",
    "these",
    "those",
    "then",
    "befor",
    "before",
    "after",
    "sinc",
    "since",
}
LOW = 0.3  # scores under this are left out of ``Match.scores`` (no use: see ``match``)
COMMON_SHARE = 0.15  # a word in more examples than this share is common (read last)
SAID_FLOOR = 0.75  # an open intent's score when the question asks what someone said
WHO_SAID_FLOOR = 0.95  # "who mentioned the Years of Sports Exchange?" asks for the speaker
NOT_SAID = 0.75  # and what its score is worth when the question does not
COVERAGE = 0.3  # share of the score that is "how much of the example the message contains"
# The intent-level score: how much of the message an intent's whole vocabulary explains, when
# the message holds at least one word typical of that intent ("G20?", "energy coop?"). Unknown
# words weigh more here, so a question about something else ("... budget?") stays below.
BAG_WEIGHT = 0.85
BAG_UNKNOWN = 2.0
BAG_TYPICAL = 0.15  # a word used by at most this share of the intents (at least one) is typical
# Question words decide the intent more than their weight says: "why was Xi in Moscow" is not
# "when was Xi in Moscow". An example asking with other question words scores this much less.
OTHER_QUESTION = 0.85
# A question that opens with an intent's own framing word about a meeting ("when did they ...
# meet", "where did they ... meet") needs this much less: the rest of it chooses the meeting.
FRAMED = 0.1
_STRONG_WH = frozenset(
    {"when", "where", "who", "why", "how"}
)  # "what date" / "which city" ask anything


@dataclass(frozen=True, slots=True)
class Match:
    """The best intent for a question (None below the threshold) and its score in 0..1."""

    intent: str | None
    score: float
    best: str  # the best-scoring intent even when below the threshold, for diagnostics
    scores: tuple[tuple[str, float], ...] = ()  # every scored intent, best first

    @property
    def runner_up(self) -> float:
        """The second-best intent's score (0.0 when one intent or none scored)."""
        return self.scores[1][1] if len(self.scores) > 1 else 0.0


_DATE_WORDS = frozenset({"date"})  # ("great hall date?"; read: "day" and "дата" are "date")


class Matcher:
    """Scores questions against intent examples (read by the same ``Reader`` as questions)."""

    def __init__(self, intents: Sequence[Intent], reader: Reader, threshold: float):
        self.threshold = threshold
        self.reader = reader
        self._declining = frozenset(i.name for i in intents if i.declines)
        self._frames = {i.name: {t for w in i.frame for t in reader.canon(w)[0]} for i in intents
                        if i.frame and i.about == "meeting"}  # fmt: skip
        self._meet = frozenset(reader.canon("meet")[0])
        # each principal's name words ("xi", "mishustin"): both named is a meeting named
        self._principals = [
            frozenset(t for alias in (e.name, *e.aliases) for t in reader.canon(alias)[0])
            for name in reader.gaz.principals if (e := reader.gaz.get("people", name)) is not None
        ]  # fmt: skip
        # Intents whose facts are found by the question's own words (``rank: words``): words no
        # example has are their topic, not noise, so they do not count against them.
        self._open = frozenset(i.name for i in intents if i.rank == "words")
        self._requires = {
            i.name: {t for w in i.requires for t in reader.canon(w)[0]}
            for i in intents
            if i.requires
        }
        self._examples: list[tuple[str, frozenset[str]]] = []
        for intent in intents:
            for example in intent.examples:
                read = reader.examples.get(example) or tuple(reader.canon(example)[0])
                toks = frozenset(read) - SLOT_MARKERS
                if toks:
                    self._examples.append((intent.name, toks))
        df: dict[str, set[str]] = defaultdict(set)
        for name, toks in self._examples:
            for t in toks:
                df[t].add(name)
        n = len({name for name, _ in self._examples}) or 1
        self._weight = {t: math.log(1 + n / len(names)) for t, names in df.items()}
        self._unknown_scale = math.log(1 + n) / math.log(1 + TUNED_INTENTS)
        if reader.vocabulary != self._weight.keys():
            raise ValueError("the reader was made from other intents' examples than the matcher")
        most = max(1, int(n * BAG_TYPICAL))  # at most that share: 3 of 17 intents is more
        # A word that says nothing ("is there", "was it") leans towards no intent.
        self._typical = {t for t, names in df.items()
                         if len(names) <= most and t not in _NOT_TYPICAL}  # fmt: skip
        self._index: dict[str, list[int]] = defaultdict(list)
        for i, (_, toks) in enumerate(self._examples):
            for t in toks:
                self._index[t].append(i)
        self._ex_weight = [sum(self._weight[t] for t in toks) for _, toks in self._examples]
        common_df = len(self._examples) * COMMON_SHARE
        self._common = frozenset(t for t, ids in self._index.items() if len(ids) > common_df)
        self._has = {t: frozenset(self._index[t]) for t in self._common}
        self._asks = [_STRONG_WH & toks for _, toks in self._examples]
        lightest: dict[tuple[frozenset[str], str, frozenset[str]], int] = {}
        for i, ((name, toks), w, asked) in enumerate(zip(self._examples, self._ex_weight,
                                                         self._asks, strict=True)):  # fmt: skip
            key = (toks & self._common, name, asked)
            if key[0] and (key not in lightest or w < self._ex_weight[lightest[key]]):
                lightest[key] = i
        groups: dict[frozenset[str], list[int]] = defaultdict(list)  # the lightest examples
        for (words, _name, _asked), i in lightest.items():
            groups[words].append(i)
        self._groups = dict(groups)
        self._group_keys = tuple(self._groups)
        # (intent, weight, question words) per example, read together in ``match``
        self._order = {
            name: n for n, name in enumerate(dict.fromkeys(n for n, _ in self._examples))
        }
        self._info = [(name, w, a) for (name, _), w, a in
                      zip(self._examples, self._ex_weight, self._asks, strict=True)]  # fmt: skip
        # the examples of open intents (those ``match`` scores whatever they share)
        self._open_examples = frozenset(i for i, (name, _) in enumerate(self._examples)
                                        if name in self._open)  # fmt: skip
        self._vocab_of: dict[str, set[str]] = defaultdict(set)
        for name, toks in self._examples:
            self._vocab_of[name] |= toks
        self._intents_of: dict[str, list[str]] = defaultdict(list)  # word -> intents using it
        for name, vocab in self._vocab_of.items():
            for t in vocab:
                self._intents_of[t].append(name)
        # what ``typical_words`` and ``vocabulary`` give, made once: the picker asks per question
        self._typical_words = frozenset(self._typical)
        self._vocabularies = {name: frozenset(vocab) for name, vocab in self._vocab_of.items()}

    def _names_meeting(self, question: Question) -> bool:
        """Whether the question names a meeting: "meet", both principals ("xi mishustin"), or
        a date alone ("where 2025?")."""
        words = set(question.words) - set(question.unknown)
        if self._meet & words:
            return True
        if len(words) <= 1 and {"#year", "#month"} & set(question.tokens):
            return True  # "where 2025?": a question word and a date ask about that meeting
        if PLACE in question.tokens and (any(p & words for p in self._principals)
                                         or words & _DATE_WORDS):  # fmt: skip
            return True  # "mishustin kazan what day", "great hall date?": a place and a date
        return len(self._principals) > 1 and all(p & words for p in self._principals)

    def _unknown_weight(self, word: str, weight: float) -> float:
        """What a word no example has weighs (a number: less)."""
        return (weight if not word.isdigit() else 0.5) * self._unknown_scale

    def _bag_scores(self, query: dict[str, float], unknown: tuple[str, ...]) -> dict[str, float]:
        """Per intent: the share of the message its vocabulary explains, given a typical word."""
        total = sum(w for t, w in query.items() if t not in unknown)
        total += sum(self._unknown_weight(t, BAG_UNKNOWN) for t in set(unknown))
        out: dict[str, float] = {}
        if not total:
            return out
        sums: dict[str, float] = {}  # per intent: the weight of the words its vocabulary has
        typical: set[str] = set()  # the intents holding a word typical of them
        for t, w in query.items():
            for name in self._intents_of.get(t, ()):
                sums[name] = sums.get(name, 0.0) + w
                if t in self._typical:
                    typical.add(name)
        for name in self._vocab_of:  # (in file order, as every score is)
            if name in typical:
                out[name] = BAG_WEIGHT * sums[name] / total
        return out

    @property
    def typical_words(self) -> frozenset[str]:
        """The words few intents use (a question holding one leans towards those intents)."""
        return self._typical_words

    def asked_by(self, name: str) -> frozenset[str]:
        """The question words ("when", "why" ...) intent ``name``'s examples ask with."""
        return frozenset(w for (n, _), asked in zip(self._examples, self._asks, strict=True)
                         if n == name for w in asked)  # fmt: skip

    def vocabulary(self, name: str) -> frozenset[str]:
        """The words of intent ``name``'s examples."""
        return self._vocabularies.get(name, frozenset())

    def typical(self, name: str, words: tuple[str, ...], besides: str) -> list[str]:
        """The words typical of intent ``name`` that intent ``besides`` never uses."""
        vocab, other = self._vocab_of.get(name, set()), self._vocab_of.get(besides, set())
        return [t for t in words if t in vocab and t not in other and t in self._typical]

    def match(self, question: Question) -> Match:
        """The best intent for ``question``, or intent None when no intent is confident enough."""
        unknown = set(question.unknown)
        query = {
            w: self._unknown_weight(w, UNKNOWN_WEIGHT) if w in unknown else self._weight[w]
            for w in question.words
        }
        occasion = question.occasion if question.wh else None
        if occasion:  # "what did Xi ask ... during Mishustin's official visit":
            # the clause chose the meeting (``bot.picker``); what is asked is the rest
            clause = {t for t, w in zip(question.tokens, question.written, strict=True)
                      if w in occasion.words} - self._meet  # fmt: skip
            rest = {w: v for w, v in query.items() if w not in clause}
            if len(rest) >= 4:
                query = rest
        meeting = self._names_meeting(question)
        if PLACE in unknown and meeting:
            # "which of the meetings was held at the Great Hall": the place chooses the meeting,
            # as a year does ("how big is the Great Hall" asks about the place itself)
            # (a place the gazetteer knows weighs nothing: "встречались ли они в Харбине")
            if any(marker == PLACE for marker, _ in question.names):
                query.pop(PLACE, None)  # (the occasion clause may have taken it)
            else:
                query[PLACE] = self._unknown_weight("0", UNKNOWN_WEIGHT)
        if not query or not set(query) - _ONLY_FUNCTION:  # "' OR 1=1 --" asks nothing
            return Match(None, 0.0, "")
        q_weight = sum(query.values())
        # An open intent weighs only the words of its own vocabulary (the rest is its topic), and
        # only when the question asks what was said; otherwise its words are just words.
        q_open = {
            n: sum(w for t, w in query.items() if t in self._vocab_of[n]) if question.said
            else q_weight
            for n in self._open
        }  # fmt: skip
        wh = _STRONG_WH & set(query)
        # Words many examples use ("what", "did", "meet") are read last: the examples sharing a
        # rarer word are scored one by one; of those sharing only common words, the score is
        # the same function of the words shared and the example's weight, so the lightest
        # example of each (common words, intent, question words) group stands for its group.
        shared_of: dict[int, float] = defaultdict(float)
        index, common_words = self._index, self._common
        for t, w in query.items():
            if t not in common_words:
                for i in index.get(t, ()):
                    shared_of[i] += w
        common = [(t, w) for t, w in query.items() if t in common_words]
        for t, w in common:  # (each example's words added in the question's order, as above)
            for i in self._has[t].intersection(shared_of):
                shared_of[i] += w
        # An example sharing only common words is scored as its group's lightest example (that
        # example may share rarer words too: it scores with the most it shares, which is more).
        for key in self._group_keys if common else ():
            shared = 0.0
            for t, w in common:
                if t in key:
                    shared += w
            if shared:
                for i in self._groups[key]:
                    if shared > shared_of.get(i, 0.0):
                        shared_of[i] = shared
        scores: dict[str, float] = {}
        info = self._info
        # An example sharing less than LOW / 2.3 of the question's weight scores under LOW: it
        # shares at most its own weight, so its Dice is under 2s / (W + s) < LOW / 1.3, and its
        # coverage term at most twice its Dice (0.7 d + 0.3 * 2d = 1.3 d): not worth scoring.
        # (an open intent weighs the question by its own words: always scored)
        least = q_weight * LOW / 2.3
        dice_share, coverage, other_question = 1 - COVERAGE, COVERAGE, OTHER_QUESTION  # (locals)
        open_examples = self._open_examples
        for i, shared in shared_of.items():
            if shared < least and i not in open_examples:
                continue
            name, ex_weight, asked = info[i]
            # Dice rewards a close paraphrase; coverage rewards a long question that contains
            # a whole example ("... when did they meet, the one about trade?").
            weight = q_open.get(name, q_weight)
            dice = 2 * shared / (weight + ex_weight)
            score = dice_share * dice + coverage * shared / ex_weight * (
                1.0 if dice >= 0.5 else 2 * dice
            )
            if wh and asked and not wh & asked:
                score *= other_question
            if score > scores.get(name, 0.0):
                scores[name] = score
        for name, score in self._bag_scores(query, question.unknown).items():
            scores[name] = max(scores.get(name, 0.0), score)
        # A question that asks what was said goes to an open intent unless another fits better
        # ("who" asks for the speaker: better still); without that, an open intent's examples,
        # which are about anything, prove little.
        floor = WHO_SAID_FLOOR if question.wh == "who" else SAID_FLOOR
        if question.said_weakly:  # "which sectors did Mishustin list": the areas if they fit
            floor = self.threshold
        for name in self._open:
            if question.said and question.said_weakly:  # as weak as its words: no more
                scores[name] = max(scores.get(name, 0.0) * NOT_SAID, floor)
            elif question.said:
                scores[name] = max(scores.get(name, 0.0), floor)
            elif name in scores:
                scores[name] *= NOT_SAID
        if not scores:
            return Match(None, 0.0, "")
        present = set(query) | set(question.tokens)
        scores = {
            k: v
            for k, v in scores.items()
            if k not in self._requires or self._requires[k] & present
        }
        if not scores:
            return Match(None, 0.0, "")
        # A tie goes to an intent that is not open (a topic's own intent answers better than
        # what anyone said about it), then to the first in file order.
        order = self._order
        best = max(scores, key=lambda k: (scores[k], k not in self._open, -order.get(k, 0)))
        score = round(scores[best], 4)
        # a meeting question framed by its question word ("when did they meet") or, said
        # tersely, by its focus ("xi mishustin diaoyutai - date?")
        framing = question.wh or question.focus
        framed = (framing in self._frames.get(best, ()) and question.focus == framing
                  and meeting)  # fmt: skip
        ok = score >= self.threshold - (FRAMED if framed else 0.0) and best not in self._declining
        ranked = tuple(sorted(((k, round(v, 4)) for k, v in scores.items()), key=lambda kv: -kv[1]))
        return Match(best if ok else None, score, best, ranked)
