"""Which facts say what a question asks about: its own words, weighted by how rare they are.

For intents that ``rank: words`` (what someone said, above all), the facts are scored by the
share of the question's topic words they contain, each word weighted by its inverse document
frequency among the facts of those kinds. Only facts that hold enough of the question answer it:
the nearest fact is never an answer. Words are read by the same ``Reader`` as questions (lexicon,
stems, Russian through the lexicon), so "multipolarity" finds "multipolarization".
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from .facts import QUOTED, Fact, FactKind, FactTable
from .factstore import StoredTable
from .gazetteer import transliterate
from .kinds import KINDS
from .lazyre import lazy_re
from .question import ORDINAL_DIGITS, Question, Reader, closest_word, stem
from .text import ORDINAL_WORDS

# Words that say nothing about the topic: function words, the question's frame (asking what was
# said, about a meeting), in both languages. Canonical forms, as the Reader makes them.
# What a question about a meeting says besides choosing it: the meeting words themselves.
_MEETING_FRAME = """
meet meeting talks date day time when where which what who held take place happen hold saw see
seen sit sat down roll rolled met meets meetings receive received receives host hosted hosts
talked talk encounter encounters together get
"""
_FUNCTION_WORDS = """
a an the of to in on at for with by from about as and or but that this these those it its is are
was were be been being have has had do does did will would should could can may might must not no
yes he she his her they them their we our you your i me my what which who whom whose when where
why how than then there here also very more most much many such so just only both each other any
him himself herself themselves us
all some into over under after before between during up out off again once same own too s t if
whether while pls please bot ok dure through per like well every give tell list report
reports article articles anything something everything nothing another else whole along
besides behalf vs versus specific specifically specify going thing things stuff w n last
cover covered covers total overall altogether
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас
опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
была сам чтобы без чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем
ним здесь этом один почти мой тем нее сейчас были куда зачем всех можно при об другой после над
больше тот через эти нас про всего них какая много эту моя свою этой перед том такой им более
между
"""
_STOP_WORDS = """
описа назва оцен характеризова
a an the of to in on at for with by from about as and or but that this these those it its is
are was were be been being have has had do does did will would should could can may might
must not no yes he she his her they them their we our you your i me my what which who whom
whose when where why how than then there here also very more most much many such so just
only both each other any all some into over under after before between during up out off
again once same own too s t if whether while said say says tell told talk spoke speak speech
mention remark remarks comment comments word words view views message position stance quote
accord according respond reply replied answer answered meet meeting talks visit time times
thing things stuff bit kind sort exactly actually really pls please bot ok и в во не что он
на я с со как а то все она так его но да ты к у же вы за бы по только ее describ characteris
characteriz interpret repli express refer rais brought bring discuss note stress point
emphas emphasis underlin highlight dure through per get got make made full use keep come
came went go goe give gave take took put want overal exact regard concern sinc like well new
two side every list report reports article articles name named cite cited highlight suggest
outline identify size sum assess assessment evaluate evaluation rate rated portray depict
characterize characterise characterized characterised view read role play occasion ahead tl dr
claim claimed argue argued insist insisted stated assert asserted mean meant feel felt ask asked
brag bragged boast boasted tout touted float floated pitch pitched summarize summarise explain
pledge pledged vow vowed promise promised lead result one number figure hear heard
something someth anything anyth manage managed manages back often ever part produce produced
detail details province provinces провинция провинции провинц
всю весь вся всё сейчас ныне должн должна должно должны дальш дальше котор которая который которые
мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть
был него до вас опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней
для мы тебя их чем была сам чтобы без чего раз тоже себе под будет ж тогда кто этот того
потому этого какой совсем ним здесь этом один почти мой тем нее сейчас были куда зачем всех
можно при об другой после над больше тот через эти нас про всего них какая много эту моя
свою этой перед том такой им более между сказал сказа говорил говор заявил словам слов
охарактеризовал охарактеризовать упомянул упомянули упоминал перечислил перечислял время собой
кратко называл назвал го это этим этих эти чьи будут кроме лол расскаж расскажи расскажите
stood stand stands standing done pursue pursued pursuing early earlier late
recall recalled recalls remind reminded line northwest northeast southwest southeast northwestern
northeastern southwestern southeastern fell fall falls affair affairs matter matters
"""


def _stop(*texts: str) -> frozenset[str]:
    """The words, and their stems (questions are read as stems: "many" is "mani")."""
    words = {w for text in texts for w in text.split()}
    return frozenset(words | {stem(w) for w in words})


STOP = _stop(_STOP_WORDS, _MEETING_FRAME)
# Function words only (no frame words): what a meeting's description is read without.
FUNCTION = _stop(_FUNCTION_WORDS, _MEETING_FRAME)
_PURE_FUNCTION = _stop(_FUNCTION_WORDS)  # (no frame words: "summit" is "meet", read as written)
_SELECTORS = frozenset({"#place", "#other"})  # a place chooses the meeting; "#other" is declined
# Words that ask for a kind of saying ("what did Xi hope for", "who called for"): they prefer the
# facts of that kind (``kind_of``), they are not the topic.
KIND_WORDS = {"hope": "hope", "wish": "wish", "call": "call", "urg": "call", "propos": "call",
              "applaud": "applaud", "prais": "applaud", "welcom": "applaud", "hail": "applaud",
              "congratul": "applaud", "believ": "believe", "think": "believe", "confid": "believe",
              "thank": "thank", "grate": "thank", "gratitud": "thank", "hype": "applaud",
              "excit": "applaud", "pleas": "applaud", "glad": "applaud", "happi": "applaud",
              "satisfi": "applaud",  # (and "доволен", "удовлетворён": the lexicon reads them so)
              "надеет": "hope", "надежд": "hope", "пожела": "wish", "призва": "call",
              "приветствова": "applaud", "поздрав": "applaud", "счита": "believe",
              "поблагодар": "thank", "благодар": "thank", "одобр": "applaud",
              "ждет": "hope", "stress": "stress", "emphas": "stress", "underlin": "stress",
              "подчеркн": "stress", "подчеркива": "stress"}  # fmt: skip
# The words of each kind of saying, as facts are read ("wishes" -> wish).
KIND_STEMS = {"hope": {"hope"}, "wish": {"wish"}, "call": {"call", "urg", "propos"},
              "applaud": {"applaud", "prais", "welcom", "hail", "congratul", "satisfi"},
              "believe": {"believ", "confid", "convinc"},
              "thank": {"thank", "gratitud"},
              "stress": {"stress", "emphas", "underlin", "подчеркн", "подчеркива"}}  # fmt: skip
_ACTS = frozenset({"applaud"})  # kinds of saying that are acts (``Relevance.strict``)
HUB = 6  # variants that make a canonical word a hub
_ORDINALS = frozenset(stem(w) for w in ORDINAL_WORDS)
# A Russian name's case endings ("Барсукова", "Терехиным"): the name is what is left.
_RU_CASE = lazy_re(r"(?:ым|ом|ем|ой|ою|ей|а|у|е|ы)$")


def latin_name(written: str, known: Container[str]) -> str:
    """The facts' word a Russian spelling of a name stands for, in Latin letters, or ""."""
    for word in (written, _RU_CASE.sub("", written)):
        latin = transliterate(word)
        # "Андрей": Andrei as well as Andrey; "Дмитрий": Dmitry
        for spelt in (latin, re.sub(r"([aeo])y$", r"\1i", latin), re.sub(r"iy$", "y", latin)):
            found = stem(spelt)
            if len(found) >= _NAME_MIN and found in known:
                return found
    return ""


_NAME_MIN = 4  # letters of a name read across alphabets (shorter ones match words by chance)
_ORDINAL_WORD = {digits: stem(word) for digits, word in ORDINAL_DIGITS.items()}
# A name of capitalised words ("Eastern Economic Forum", "Belt and Road Forum")
_CAPITALISED = lazy_re(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][a-z]+){2,}\b")
# (a quoted sentence's words are marked ``QUOTED``, see bot/facts.py: "a paraphrase's words no
# fact holds weigh little", and only a question no intent answers looks for them)
MIN_COVER = 0.5  # the share of the topic's weight a fact must hold to answer
ABSENT = 0.2  # the weight of a topic word no fact holds, as a share of the rarest word's
PART = 0.3  # the share of the topic's weight a fact must hold to answer one of two topics
UNSAID_PART = 0.1  # the share of a topic the best facts leave unsaid that other facts may answer
# When no intent answers, a fact of any kind that holds this much of a question of at least
# FALLBACK_WORDS topic words answers it (the nearest fact never does: it must hold nearly all).
FALLBACK_COVER = 0.75
FALLBACK_WORDS = 2
# An article's sentence that names what a who-, where- or when-question asks (``gives.focus``)
# answers with this much of the question.
PASSAGE_COVER = 0.7
QUOTED_YES_NO_COVER = 0.9  # ... and a yes-or-no question (the sentence must say nearly all of it)
CLOSE = 0.85  # a second fact answers too when it scores this much of the best
MOST = 3  # facts a ranked answer shows at most
_SPELT_LENGTH = 6  # a topic word respelt towards the facts' words is at least this long
_TYPO_LENGTH = 7  # a topic word repaired as a typo is at least this long ("relashionship")
_SPELLINGS = 10_000  # misspellings remembered
RARE = 3  # facts that hold a word a one-word question may ask about ("dragon?")
_FEW = 64  # more facts than this are ranked through the word index


@dataclass(frozen=True, slots=True)
class Ranked:
    """A fact and how much of the question's topic it holds (0..1)."""

    fact: Fact
    cover: float


class Relevance:
    """Word index of the facts of the ranked kinds of one table."""

    def __init__(self, table: FactTable, reader: Reader, kinds: Iterable[FactKind]):
        self.reader = reader
        self.table = table
        self._known: Container[str] | None = None
        self._postings: dict[str, array[int]] = {}
        self._all: list[Fact] = []
        self._choices: list[str] | None = None
        # The word index a build stored with the table (bot/factstore.py), when it counted
        # these kinds: words, postings and frequencies are read from it, not made here.
        stored = table if isinstance(table, StoredTable) else None
        self._stored = stored if stored and stored.ranked == frozenset(kinds) else None
        self._spellings: dict[str, str] = {}  # misspelt word -> its fact word (``_spelled``)
        # Canonical words that stand for many others (meet, official ...): matching needs them,
        # telling facts apart does not; such words are read as written.
        variants = Counter(stem(w) for v, w in reader.lexicon.synonyms.items() if v.isascii())
        self.hubs = frozenset(w for w, n in variants.items() if n >= HUB)
        self._ru_starts: dict[str, frozenset[str]] | None = None  # (``_russian_starts``)
        # A person's name is a marker, or a word the lexicon keeps ("xi", "mishustin"): either way
        # it stands for the person ("@Xi Jinping"). A place chooses the meeting: no topic.
        self.person_of: dict[str, str] = {}
        for e in reader.gaz.sections["people"]:
            for alias in (*e.aliases, e.ru, e.name):
                for t in reader.canon(alias or "")[0]:
                    if not t.startswith("#"):
                        self.person_of.setdefault(t, e.name)
        # A one-word name the intents keep as a word ("EAEU", "BRI", "SCO") stands for its entry,
        # as the full name does where facts spell it out ("@Eurasian Economic Union").
        self.name_of: dict[str, str] = {}
        for section in ("organisations", "initiatives", "areas"):
            for e in reader.gaz.sections[section]:
                for alias in (*e.aliases, e.ru, e.name):
                    toks = reader.canon(alias or "")[0] if alias and alias.isupper() else []
                    if len(toks) == 1 and not toks[0].startswith("#"):
                        self.name_of.setdefault(toks[0], f"@{e.name}")
        self.place_words = frozenset(
            t for section in ("places", "venues", "countries") for e in reader.gaz.sections[section]
            for alias in (*e.aliases, e.ru, e.name) if alias
            for t in reader.canon(alias)[0] if not t.startswith("#")
        )  # fmt: skip
        self.words: dict[int, frozenset[str]] = {}  # id(fact) -> its words
        if self._stored is not None:
            # the store's words of each fact it holds, by id: it forgets a fact's as the fact
            # goes (another fact may get its id), so they are never another fact's
            self.words = self._stored.id_words
            self.idf: dict[str, float] = _StoredIdf(self._stored)
            self.default_idf = math.log(1 + max(self._stored.ranked_count, 1))
            return
        df: Counter[str] = Counter()
        count = 0
        for kind in dict.fromkeys(kinds):
            for fact in table.find(kind):
                words = self.fact_words(fact)
                self.words[id(fact)] = words
                df.update(words)
                count += 1
        self.idf = {w: math.log(1 + count / n) for w, n in df.items()}
        self.default_idf = math.log(1 + max(count, 1))

    def fact_words(self, fact: Fact) -> frozenset[str]:
        """The words of a fact's display, read like a question's, with the people it names."""
        toks, written, names = self.reader.canon_written(fact.display)
        words = self._words(toks, written, names, fact=True)
        # a one-word name is also its word: "mutual investment" names the area Investment, and
        # "what did Xi say about investment" asks for the word
        words += [t for marker, name in names if marker not in _SELECTORS and " " not in name
                  for t in self.reader.canon(name)[0][:1]
                  if t.isalpha() and t not in STOP]  # fmt: skip
        # a name of three words or more is also its initials ("China International Import
        # Expo": "ciie"), as questions often write it
        words += [
            "".join(w[0] for w in m.group().split() if w[0].isupper()).lower()
            for m in _CAPITALISED.finditer(fact.display)
        ]
        if KINDS[fact.kind].quotes:  # (an article's sentence: its words are not facts' words)
            return frozenset(QUOTED + w for w in words)
        return frozenset(words)

    def _words(self, toks: Iterable[str], written: Iterable[str], names: Iterable[tuple[str, str]],
               stop: frozenset[str] = STOP, fact: bool = False) -> list[str]:  # fmt: skip
        """Topic words of canonical tokens: people as "@Name", no places, no ``stop`` words; a
        hub word of the lexicon ("official" for premier, minister, official ...) as written. A
        fact holds the hub too ("~align"); a question's hub word written as no fact writes it
        ("linking" for "synergize") asks for the hub."""
        out = []
        for t, w in zip(toks, written, strict=True):
            if t in _PURE_FUNCTION:  # "bout" is "about", "whatd" is "what", however written
                continue
            if t in self.hubs and w.isascii():  # "prime minister": prime, minister
                own = [s for s in map(stem, w.split()) if s not in stop and s.isalpha()]
                if fact:  # also the hub, apart from words written as it is ("official")
                    out += own + ([f"~{t}"] if t not in stop else [])
                elif own and t not in stop and not any(s in self.known for s in own):
                    out.append(f"~{t}")
                else:
                    out += own
                continue
            t = _ORDINAL_WORD.get(t, t)  # "3rd": "third"
            if t in self.person_of:
                out.append(f"@{self.person_of[t]}")
            elif t in self.name_of and t not in stop:
                out.append(self.name_of[t])
            elif not t.startswith("#") and t not in stop and t not in self.place_words:
                out.append(t)
        return out + [f"@{name}" for marker, name in names if marker not in _SELECTORS]

    def topic(
        self, q: Question, drop: Iterable[str] = (), stop: frozenset[str] = STOP
    ) -> tuple[str, ...]:
        """What the question asks about: its words that are not ``stop`` words (function and
        frame words), slot markers or the people in ``drop`` (the speaker)."""
        dropped = {f"@{n}" for n in drop}
        # a typo the reader repairs ("relashionship": relationship) is read as repaired
        toks = [t if t.startswith("#") or t in self.known or t in stop else self._repaired(t, w)
                for t, w in zip(q.tokens, q.written, strict=True)]  # fmt: skip
        words = [self._named(self._spelled(w)) for w in self._words(toks, q.written, q.names, stop)]
        return tuple(w for w in dict.fromkeys(words) if w not in dropped and w not in KIND_WORDS)

    def _named(self, word: str) -> str:
        """A one-word name as the facts hold it: "@Gansu" when a fact marks it, else its word
        ("Ганьсу" is marked in a question; English facts keep "Gansu", a word the intents use)."""
        if not word.startswith("@") or " " in word or word in self.known:
            return word
        toks = self.reader.canon(word[1:])[0]
        return toks[0] if len(toks) == 1 and toks[0] in self.known else word

    @property
    def known(self) -> Container[str]:
        """Every word of every fact of the table (as topic words are read)."""
        if self._known is None:
            self._index()
            assert self._known is not None
        return self._known

    def knows(self, word: str) -> bool:
        """True when a fact holds ``word`` (a topic word, as ``known``), or a sentence of the
        articles does, or it is a function word (which no fact's words hold)."""
        return word in STOP or word in self.known or QUOTED + word in self.known

    def _index(self) -> None:
        """The facts of every kind by word (``postings``: their places in ``_all``, kind and
        table order) and every word (``known``), once."""
        if self._stored is not None:
            self._known = _StoredKnown(self._stored)
            self._postings = _StoredPostings(self._stored)
            return
        postings: dict[str, array[int]] = {}
        everything: list[Fact] = []
        for kind in KINDS:
            for f in self.table.find(kind):
                for w in self._of(f):
                    found = postings.get(w)
                    if found is None:
                        found = postings[w] = array("I")
                    found.append(len(everything))
                everything.append(f)
        self._all = everything
        self._postings = postings
        self._known = frozenset(postings)

    def rare(self, word: str) -> bool:
        """True when ``word`` is held by a few facts (RARE at most), and some."""
        if self._known is None:
            self._index()
        return 0 < len(self._postings.get(word, ())) <= RARE

    def candidates(self, topic: Sequence[str], least: float,
                   strict: bool = False) -> list[Fact]:  # fmt: skip
        """Every fact (any kind) that may hold ``least`` of ``topic``'s weight: those holding
        one of its heaviest words, enough of them that the rest weigh less than ``least``; in
        the order of kinds and of the table."""
        if self._known is None:
            self._index()
        out = self._heaviest({w: self._weight(w, strict) for w in topic}, least)
        if self._stored is not None:
            return self._stored.at(sorted(out))
        return [self._all[i] for i in sorted(out)]

    def _heaviest(self, weight: dict[str, float], least: float) -> set[int]:
        """The facts (their places in the index) holding one of the heaviest words of
        ``weight``, enough of them that the words left weigh less than ``least`` of all."""
        total = sum(weight.values())
        out: set[int] = set()
        rest = total
        for w in sorted(weight, key=lambda w: -weight[w]):
            if rest < least * total - 1e-9:
                break
            out.update(self._postings.get(w, ()))
            rest -= weight[w]
        return out

    def covering(self, topic: Sequence[str], least: float,
                 strict: bool = False) -> list[Fact]:  # fmt: skip
        """The facts (any kind) that hold ``least`` of ``topic``'s weight, as ``rank`` scores
        them, in the order of kinds and of the table: those of ``candidates`` that ``rank``
        would keep, chosen through the word index before any fact is read. A word without
        which no fact can hold enough is one every fact must hold (its facts are intersected,
        not scored one by one: at 10,000 articles "how many members does brics have" scored
        4,000 quoted sentences holding "member"), and nothing is read when the words some fact
        holds weigh too little ("когда следующий саммит брикс": no sentence says "саммит")."""
        if not topic:
            return []
        if self._known is None:
            self._index()
        weight = {w: self._weight(w, strict) for w in topic}
        total = sum(weight.values())
        held = {w: self._postings.get(w, ()) for w in weight}
        slack = 1e-9  # (the sums below add the same weights in other orders)
        if sum(v for w, v in weight.items() if held[w]) < least * total - slack:
            return []
        out = self._heaviest(weight, least)  # (as ``candidates`` chooses)
        ordinals = [w for w in topic if w in _ORDINALS]
        for w in weight:
            if w in ordinals or total - weight[w] < least * total - slack:
                out.intersection_update(held[w])  # (every fact must hold it)
        sets = {w: ids if isinstance(ids, set) else set(ids) for w, ids in held.items()}
        chosen = [n for n in sorted(out)
                  if sum(weight[w] for w in topic if n in sets[w]) / total >= least]  # fmt: skip
        if self._stored is not None:
            return self._stored.at(chosen)
        return [self._all[i] for i in chosen]

    def _repaired(self, tok: str, written: str) -> str:
        """The reader's repair of a typo that keeps its first letter ("однополярный" is not
        "многополярный", however close), or begins as a Russian word for it does; else the
        token."""
        if not written.isascii():  # a name the facts write in Latin ("Барсуков": Barsukov)
            latin = latin_name(written, self.known)
            if latin:
                return latin
        if len(written) < _TYPO_LENGTH:  # "making" is no typo of "marking"
            return tok
        fixed = self.reader.repair(tok, written)
        begins = self._russian_starts().get(fixed or "", ()) if not written.isascii() else ()
        if fixed and (fixed[:1] == tok[:1] or written[:1].lower() in begins):
            return fixed
        return tok

    def _russian_starts(self) -> dict[str, frozenset[str]]:
        """How the Russian words for each word begin, in the lexicon and the gazetteer's names
        ("землетрясение": "з" for the earthquake; "Мишустин"): a Russian typo is repaired into a
        word only if it begins as they do (made on first use: few questions need it)."""
        if self._ru_starts is None:
            reader = self.reader
            starts: dict[str, set[str]] = defaultdict(set)
            for variant in reader.lexicon.synonyms:
                toks = reader.canon(variant)[0] if not variant.isascii() else []
                if len(toks) == 1:
                    starts[toks[0]].add(variant[:1].lower())
            for e in reader.gaz.sections["people"]:  # ("мешустин" is Mishustin, too)
                for alias in e.ru.split() if e.ru else ():
                    for t in reader.canon(alias)[0]:
                        if not t.startswith("#"):
                            starts[t].add(alias[:1].lower())
            self._ru_starts = {t: frozenset(v) for t, v in starts.items()}
        return self._ru_starts

    def _spelled(self, word: str) -> str:
        """``word``, or the word of the facts it misspells ("relashionship")."""
        if word in self.known or not word.isascii() or not word.isalpha():
            return word
        if len(word) < _SPELT_LENGTH:  # "price" is no typo of "prime"
            return word
        found = self._spellings.get(word)
        if found is None:  # (the same typos come back: remembered)
            if self._choices is None:
                words = self._stored.all_words() if self._stored else self._postings
                self._choices = sorted(w for w in words if w.isascii() and w.isalpha())
            found = closest_word(word, self._choices) or word
            if len(self._spellings) < _SPELLINGS:
                self._spellings[word] = found
        return found

    def kinds(self, q: Question) -> frozenset[str]:
        """The words of the question that ask for a kind of saying ("hope", "wish" ...)."""
        return frozenset(t for t in q.tokens if t in KIND_WORDS)

    def strict(self, kinds: frozenset[str]) -> bool:
        """True when ``kinds`` ask for an act (applauding, praising): only facts of that act
        answer ("why did Xi applaud the plenum": Mishustin did). A hope or a wish may be said
        in other words ("China is willing to ...")."""
        return bool(kinds) and all(KIND_WORDS[k] in _ACTS for k in kinds)

    def prefer(self, facts: Sequence[Fact], kinds: frozenset[str]) -> list[Fact]:
        """The facts that say what ``kinds`` ask for (hope, wish, call ...); all when none does
        (none for an act, ``strict``)."""
        if not kinds:
            return list(facts)
        own = [f for f in facts if kinds & self._of(f)]  # "congratulate": those who did
        if own:
            return own
        wanted = {KIND_WORDS[k] for k in kinds}
        stems = {s for k in wanted for s in KIND_STEMS.get(k, ())}
        chosen = [
            f
            for f in facts
            if stems & self._of(f)
            or getattr(f.parts, "kind", "") in wanted
            or stems & _written(f.display)
        ]  # fmt: skip ("wishes" reads as a greeting)
        return chosen or ([] if self.strict(kinds) else list(facts))

    def words_of(self, fact: Fact) -> frozenset[str]:
        """The words of ``fact`` as the index holds them (a quoted sentence's marked ``QUOTED``)."""
        return self._of(fact)

    def _of(self, fact: Fact) -> frozenset[str]:
        words = self.words.get(id(fact))
        if words is None:
            if self._stored is not None:  # (not kept: ``words`` is the store's, see __init__)
                stored = self._stored.fact_words(fact)
                return stored if stored is not None else self.fact_words(fact)
            words = self.words[id(fact)] = self.fact_words(fact)
        return words

    def may_hold(
        self, facts: Sequence[Fact], topic: Sequence[str], least: float = MIN_COVER,
        strict: bool = False,
    ) -> list[Fact]:  # fmt: skip
        """``facts`` without those that cannot hold ``least`` of ``topic`` (through the word
        index when there are many; none is dropped when there is no topic)."""
        if not topic or len(facts) <= _FEW:
            return list(facts)
        found = {id(f) for f in self.candidates(topic, least, strict)}
        return [f for f in facts if id(f) in found]

    def rank(
        self, facts: Sequence[Fact], topic: Sequence[str], least: float = MIN_COVER,
        strict: bool = False,
    ) -> list[Ranked]:  # fmt: skip
        """``facts`` that hold at least ``least`` of ``topic``, best first (at most MOST, and
        only those close to the best); all of them, in order, when there is no topic."""
        if not topic:
            return [Ranked(f, 1.0) for f in facts[:MOST]]
        weight = {w: self._weight(w, strict) for w in topic}
        total = sum(weight.values())
        ordinals = [w for w in topic if w in _ORDINALS]  # "the fifth plenum" is not the fourth
        facts = self.may_hold(facts, topic, least, strict)
        scored = []
        for f in facts:
            words = self._of(f)
            if any(w not in words for w in ordinals):
                continue
            cover = sum(weight[w] for w in topic if w in words) / total
            if cover >= least:
                scored.append(Ranked(f, cover))
        scored.sort(key=lambda r: -r.cover)
        if not scored:
            return []
        best = scored[0].cover
        return [r for r in scored if r.cover >= best * CLOSE][:MOST]

    def _weight(self, word: str, strict: bool = False) -> float:
        """A topic word's weight: its idf; a word no fact of the table holds weighs ABSENT of
        the most (it cannot be covered: a paraphrase's "festive wish" does not outweigh "Chinese
        people");
        ``strict`` (a fallback with no intent answers only what is all there): the most."""
        found = self.idf.get(word)
        if found is not None:
            return found
        if strict or word in self.known:  # (a word of facts of other kinds: it can be said)
            return self.default_idf
        return self.default_idf * ABSENT

    def rank_parts(
        self, facts: Sequence[Fact], topic: Sequence[str], least: float = MIN_COVER,
        strict: bool = False,
    ) -> list[Ranked]:  # fmt: skip
        """``rank``, and then, when the best facts leave a good part of the topic unsaid, the
        facts that hold that part (a question of two topics: "about the 75th anniversary and
        about the Year of Culture")."""
        ranked = self.rank(facts, topic, least, strict)
        said = {w for r in ranked for w in self._of(r.fact)}
        rest = [w for w in topic if w not in said]
        weight = {w: self._weight(w, strict) for w in topic}
        if not ranked or sum(weight[w] for w in rest) < UNSAID_PART * sum(weight.values()):
            return ranked
        have = {id(r.fact) for r in ranked}
        return ranked + [r for r in self.rank(facts, rest, least, strict)
                         if id(r.fact) not in have]  # fmt: skip


def _written(text: str) -> frozenset[str]:
    """The stems of the English words of ``text`` as written (no lexicon)."""
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()))


_ABSENT_KEPT = 100_000  # words no fact holds, remembered (messages bring new ones without end)


class _StoredIdf(dict[str, float]):
    """The idf of a word from the store's frequencies, read when first asked for."""

    def __init__(self, table: StoredTable):
        super().__init__()
        self._table = table
        self._count = table.ranked_count
        self._absent: set[str] = set()  # words no ranked fact holds (asked again and again)

    def get(self, word: str, default: float | None = None) -> float | None:  # type: ignore[override]
        if word not in self:
            if word in self._absent:
                return default
            n = self._table.ranked_df(word)
            if not n:
                if len(self._absent) < _ABSENT_KEPT:
                    self._absent.add(word)
                return default
            self[word] = math.log(1 + self._count / n)
        return self[word]


class _StoredKnown:
    """Whether a fact holds a word, asked of the store (and remembered)."""

    def __init__(self, table: StoredTable):
        self._table = table
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = self._table.has_word(word)
        return found


class _StoredPostings(dict[str, "array[int]"]):
    """The facts that hold a word, read from the store when asked for."""

    def __init__(self, table: StoredTable):
        super().__init__()
        self._table = table

    def get(self, word: str, default: object = None) -> array[int]:
        return self._table.postings(word)


__all__ = [
    "CLOSE",
    "FALLBACK_COVER",
    "FALLBACK_WORDS",
    "FUNCTION",
    "MIN_COVER",
    "MOST",
    "STOP",
    "Ranked",
    "Relevance",
    "latin_name",
]
