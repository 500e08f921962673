"""Reading the articles in ``seeds/``: ``Article`` and ``load_articles``. It only reads files."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import DataError
from .lazyre import lazy_re
from .text import expand_wire, mend_bare_verbs, split_sentences

_HEADER = lazy_re(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
# An encyclopedia's marks glued to the text: footnote references ("route.[10] Xi", "5[a]",
# "[citation needed]") and a heading's "[edit]" link. Left in, they hide a sentence's end and
# stay inside the facts quoted from it.
_MARKS = lazy_re(
    r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|when\?|who\?|edit)\]"
)
_PARAGRAPH = lazy_re(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its file stem, optional header (publication) date and sentences."""

    stem: str
    path: Path
    sha256: str
    published: date | None
    sentences: tuple[str, ...]
    # the sentences that open a paragraph (the text before them ends in a blank line)
    paragraphs: frozenset[int] = frozenset()

    def paragraph(self, idx: int) -> range:
        """The sentences of the paragraph that holds sentence ``idx``."""
        start = max((p for p in self.paragraphs if p <= idx), default=0)
        end = min((p for p in self.paragraphs if p > idx), default=len(self.sentences))
        return range(start, end)

    @property
    def title(self) -> str:
        """The first line of the article, as a human would call it."""
        return self.sentences[0] if self.sentences else self.stem


# A web page's list of other articles under its heading ("RELATED ARTICLES", "Most read",
# "Read more:"): their headlines tell of other reports, never of this one (a headline "Xi,
# Mishustin meet at Diaoyutai as trade tops $236 billion" is no fact here).
_FURNITURE = lazy_re(
    r"\s*(?:related\s+(?:articles|stories|news|content|coverage)|most\s+(?:read|popular|viewed|"
    r"shared)|read\s+(?:more|also|next)|more\s+(?:on\s+this\s+(?:topic|story)|stories|news|from)|"
    r"recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|trending(?:\s+now)?|popular\s+now|"
    r"editor'?s\s+picks?)\s*:?\s*\n",
    re.I,
)

# Links to other articles, a line each: "Read more: Li Qiang and Mishustin hold regular talks in
# Hangzhou" (another report's headline, inline)
_LINKS = lazy_re(
    r"(?:[ \t]*(?:read\s+(?:more|also|next)|see\s+also|related|also\s+read)\s*:[^\n]*(?:\n|$))+\s*",
    re.I,
)


def parse_article(path: Path, raw: bytes) -> Article:
    """Turn an article file's bytes into an ``Article``; raise DataError if unusable."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 (byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    published = None
    m = _HEADER.match(text)
    if m:
        try:
            published = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise DataError(path, f"bad date header {m.group().strip()!r}") from None
        text = text[m.end() :]
    if "[" in text:  # (most articles have no mark: no scan of the whole text for one)
        text = _MARKS.sub("", text)
    sentences: list[str] = []
    paragraphs: set[int] = set()
    for block in _PARAGRAPH.split(text):
        if _FURNITURE.match(block) or _LINKS.fullmatch(block):  # a page's lists of other
            # articles: none of this one's facts
            continue
        found = split_sentences(block)
        if found:
            paragraphs.add(len(sentences))
            sentences += [expand_wire(mend_bare_verbs(s)) for s in found]
    if not any(len(s.split()) >= 4 for s in sentences):
        raise DataError(path, "no text (empty or only a header)")
    digest = hashlib.sha256(raw).hexdigest()
    return Article(path.stem, path, digest, published, tuple(sentences), frozenset(paragraphs))


def article_paths(seeds_dir: Path) -> list[Path]:
    """The article files in ``seeds_dir``, sorted by name; raise DataError if there are none."""
    if not seeds_dir.is_dir():
        raise DataError(seeds_dir, "seeds folder not found")
    # scandir: whether an entry is a file comes with the listing (10,000 stats were a tenth of
    # a cold ask), and names sort as their paths do
    with os.scandir(seeds_dir) as entries:
        names = sorted(e.name for e in entries if e.name.endswith(".txt") and e.is_file())
    paths = [seeds_dir / name for name in names]
    if not paths:
        raise DataError(seeds_dir, "no articles (*.txt) in the seeds folder")
    return paths


def load_articles(
    seeds_dir: Path, read: Callable[[Path], bytes] = Path.read_bytes
) -> Iterator[Article | DataError]:
    """Each article in order, or the DataError that says why it cannot be used."""
    for path in article_paths(seeds_dir):
        try:
            yield parse_article(path, read(path))
        except DataError as exc:
            yield exc
        except OSError as exc:
            yield DataError(path, f"cannot read: {exc.strerror}")
