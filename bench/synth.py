"""A synthetic corpus for the benchmark: N articles made from ``seeds/*.txt``, deterministically.

Each synthetic article is one of the seed articles with its facts moved: every date shifted by
the same whole number of weeks (so "on Wednesday" still names the right weekday), the meeting
city swapped for another gazetteer city (with its country, and a venue of that city or none),
money figures, magnitudes, month counts and meeting ordinals redrawn, and the cooperation areas
permuted among gazetteer areas. A little of the genre's noise is added (stray blank lines and
spaces, a photo caption, an agency credit). The same ``seed`` gives byte-identical files.

    python bench/synth.py OUT_DIR [-n 1000] [--seed 5]   # writes OUT_DIR/seeds + config.yaml
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GAZETTEER = ROOT / "bot" / "data" / "gazetteer.yaml"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
# Areas whose names occur in the seeds only as areas of cooperation; "trade", "culture" (Year of
# Culture), "sports" (Years of Sports Exchange) and "people-to-people" also name other facts.
SWAPPABLE_AREAS = ("energy", "peaceful use of nuclear energy", "connectivity", "agriculture",
                   "science and technology", "artificial intelligence", "digital economy",
                   "green development", "aerospace", "transport and logistics", "shipbuilding",
                   "mining and metallurgy", "automotive", "education", "tourism", "health",
                   "media", "finance")  # fmt: skip
# The meeting date of seed 000, which has no date in its text (curated.yaml gives it).
UNDATED_SEED_MEETING = date(2023, 5, 24)

_FULL_DATE = r"(?P<month>" + "|".join(MONTHS) + r")\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})"
_DATES = re.compile(rf"(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d)\b)|{_FULL_DATE}"
                    r"|(?P<bare>\b20[0-4]\d\b)")  # fmt: skip
_MONEY = re.compile(r"\$(\d+(?:\.\d+)?) (billion|million)")
_MAGNITUDE = re.compile(r"\b\d\.\d-magnitude")
_MONTHS_COUNT = re.compile(r"\bfirst (\d{1,2}) months\b")
_REGULAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) regular meeting")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Synth:
    """Makes synthetic articles from the seed texts with names from the gazetteer."""

    def __init__(self, seeds_dir: Path = SEEDS, gazetteer: Path = GAZETTEER):
        self.templates = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
        if not self.templates:
            raise ValueError(f"no seed articles in {seeds_dir}")
        gaz = yaml.safe_load(gazetteer.read_text(encoding="utf-8"))
        self.cities = {
            name: e.get("country", "") for name, e in gaz["places"].items() if e.get("country")
        }  # fmt: skip  (not "video link")
        self.venues = {name: e["city"] for name, e in gaz["venues"].items()}
        self.venue_aliases = {a: name for name, e in gaz["venues"].items() for a in e["aliases"]}
        self.area_aliases = {a: name for name in SWAPPABLE_AREAS
                             for a in [*gaz["areas"][name]["aliases"], name]}  # fmt: skip
        self.area_first = {name: gaz["areas"][name]["aliases"][0] for name in SWAPPABLE_AREAS}
        cities = sorted(self.cities, key=len, reverse=True)
        self._city = re.compile(r"\b(" + "|".join(map(re.escape, cities)) + r")\b", re.I)
        self._city_country = re.compile(
            r"\b(" + "|".join(map(re.escape, cities)) + r"), (China|Russia)\b"
        )
        venues = sorted(self.venue_aliases, key=len, reverse=True)
        self._venue = re.compile(r"\b(at|in) the (" + "|".join(map(re.escape, venues)) + r")\b")
        areas = sorted(self.area_aliases, key=len, reverse=True)
        self._area = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, areas)) + r")(?![\w-])")

    def article(self, rng: random.Random) -> str:
        """One synthetic article (the whole file text)."""
        index = rng.randrange(len(self.templates))
        text = self.templates[index]
        shift = timedelta(weeks=rng.randint(-420, 160))  # about 2015 .. 2028 for the seeds
        text = self._dates(text, shift, index)
        text = self._places(text, rng)
        text = self._figures(text, rng)
        text = self._areas(text, rng)
        return self._noise(text, rng)

    def _dates(self, text: str, shift: timedelta, index: int) -> str:
        if not self.templates[index].lstrip().startswith("date") and not re.search(
            _FULL_DATE, text
        ):
            # Undated seed: give the copy a header, as a feed would; the weekday still fits.
            text = f" date {(UNDATED_SEED_MEETING + shift).isoformat()}\n" + text
            return text
        years = round(shift.days / 365.25)

        def moved(m: re.Match[str]) -> str:
            if m["iso"]:
                d = date(int(m["iy"]), int(m["im"]), int(m["id"])) + shift
                return d.isoformat()
            if m["month"]:
                d = date(int(m["year"]), MONTHS.index(m["month"]) + 1, int(m["day"])) + shift
                return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
            return str(int(m["bare"]) + years)

        return _DATES.sub(moved, text)

    def _places(self, text: str, rng: random.Random) -> str:
        found = list(dict.fromkeys(m.group(1).title() for m in self._city.finditer(text)))
        found = [next((c for c in self.cities if c.lower() == f.lower()), f) for f in found]
        new = dict(zip(found, rng.sample(sorted(self.cities), len(found)), strict=True))

        def city(m: re.Match[str]) -> str:
            old = next((c for c in new if c.lower() == m.group(1).lower()), None)
            if old is None:
                return m.group(0)
            return new[old].upper() if m.group(1).isupper() else new[old]

        def venue(m: re.Match[str]) -> str:
            old_city = self.venues[self.venue_aliases[m.group(2)]]
            target = new.get(old_city, old_city)
            choices = sorted(v for v, c in self.venues.items() if c == target)
            return f"{m.group(1)} the {rng.choice(choices)}" if choices else f"in {target}"

        text = self._venue.sub(venue, text)
        text = self._city.sub(city, text)
        # "in Kazan, China" -> "in Kazan, Russia": the country follows the new city.
        return self._city_country.sub(
            lambda m: f"{m.group(1)}, {self.cities.get(m.group(1), m.group(2)) or m.group(2)}", text
        )

    def _figures(self, text: str, rng: random.Random) -> str:
        text = _MONEY.sub(lambda m: f"${rng.randrange(60, 400, 5)} {m.group(2)}", text)
        text = _MAGNITUDE.sub(lambda m: f"{rng.uniform(4.5, 7.9):.1f}-magnitude", text)
        text = _MONTHS_COUNT.sub(lambda m: f"first {rng.randint(2, 11)} months", text)
        return _REGULAR.sub(lambda m: f"{ordinal(rng.randint(18, 40))} regular meeting", text)

    def _areas(self, text: str, rng: random.Random) -> str:
        order = list(SWAPPABLE_AREAS)
        rng.shuffle(order)
        swap = dict(zip(SWAPPABLE_AREAS, order, strict=True))
        return self._area.sub(lambda m: self.area_first[swap[self.area_aliases[m.group(1)]]], text)

    def _noise(self, text: str, rng: random.Random) -> str:
        lines = text.split("\n")
        if rng.random() < 0.3:  # a stray blank line or two between paragraphs
            at = rng.randrange(1, len(lines) + 1)
            lines[at:at] = [""] * rng.randint(1, 3)
        if rng.random() < 0.2:  # doubled spaces, as copied from a web page
            n = rng.randrange(len(lines))
            lines[n] = lines[n].replace(" ", "  ", 3)
        if rng.random() < 0.15:
            lines.append(rng.choice(["(With input from Xinhua)", "[Photo/Xinhua]", "Editor: Li Mei",
                                     "Source: TASS", "/CGTN"]))  # fmt: skip
        return "\n".join(lines)


def generate(out_dir: Path, n: int, seed: int = 5, seeds_dir: Path = SEEDS) -> list[Path]:
    """Write ``n`` synthetic articles to ``out_dir`` (created); the same seed, the same files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    synth = Synth(seeds_dir)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        text = synth.article(rng)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        path = out_dir / f"{i:04d}_{digest}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_project(root: Path, n: int, seed: int = 5) -> Path:
    """A project folder (``seeds/`` with ``n`` articles, ``config.yaml``); returns the config path.

    The intents are the repository's; there are no curated facts; the table goes to
    ``root/.factbot/facts.json``.
    """
    generate(root / "seeds", n, seed)
    config = root / "config.yaml"
    config.write_text(
        "version: 1\nseeds_dir: seeds\n"
        f"intents_dir: {(ROOT / 'intents').as_posix()}\n"
        "curated: curated.yaml\ntable: .factbot/facts.json\n",
        encoding="utf-8",
    )
    return config


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic project folder (``seeds/`` and ``config.yaml``); prints the config path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    print(write_project(args.out, args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
