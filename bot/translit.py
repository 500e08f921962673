"""Names written in Cyrillic, in Latin letters: a Russian name as the press romanises it
("Елена Соколова" -> "Yelena Sokolova", "Дмитрий Лаврентьев" -> "Dmitry Lavrentyev") and a
Chinese name from the Palladius system back to pinyin ("Гао Жуймин" -> "Gao Ruiming"). For the
people a report in Russian names whom the gazetteer does not know: an English reply writes
them in Latin letters."""

from __future__ import annotations

from .lazyre import lazy_re

# Russian, as the English-language press writes it (BGN/PCGN with the usual simplifications)
_RU: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_VOWELS = "аеёиоуыэюяьъ"


def russian_name(name: str) -> str:
    """A Russian name in Latin letters: "Елена Соколова" -> "Yelena Sokolova"."""
    return " ".join(_russian_word(w) for w in name.split())


def _russian_word(word: str) -> str:
    low = word.lower()
    out = []
    for k, c in enumerate(low):
        before = low[k - 1] if k else ""
        if c == "е" and (not before or before in _VOWELS):
            out.append("ye")  # "Елена": Yelena, "Лаврентьев": Lavrentyev
        elif c == "и" and before == "ь":
            out.append("yi")
        elif c == "й" and before in "иы" and k == len(low) - 1:
            out[-1] = "y"  # "Дмитрий": Dmitry, "Юрий": Yury
        else:
            out.append(_RU.get(c, c))
    latin = "".join(out)
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


# Palladius syllables (a Chinese name in Russian) back to pinyin: the finals first, longest first;
# an initial's spelling depends on the final after it (цзи: ji, цза: za)
_FINALS = (
    ("юань", "uan"), ("юнь", "un"), ("юн", "iong"), ("янь", "ian"), ("ян", "iang"), ("яо", "iao"),
    ("ань", "an"), ("ан", "ang"), ("энь", "en"), ("эн", "eng"), ("инь", "in"), ("ин", "ing"),
    ("ай", "ai"), ("эй", "ei"), ("ао", "ao"), ("оу", "ou"), ("уань", "uan"), ("уан", "uang"),
    ("уай", "uai"), ("уй", "ui"), ("унь", "un"), ("ун", "ong"), ("уа", "ua"), ("уо", "uo"),
    ("юй", "u"), ("юэ", "ue"), ("ю", "iu"), ("я", "ia"), ("е", "ie"), ("э", "e"), ("и", "i"),
    ("у", "u"), ("о", "uo"), ("а", "a"), ("ы", "i"), ("ь", ""),
)  # fmt: skip
_INITIALS = (
    ("цз", "j", "z"), ("чж", "zh", "zh"), ("ц", "q", "c"), ("с", "x", "s"), ("ч", "ch", "ch"),
    ("ш", "sh", "sh"), ("ж", "r", "r"), ("х", "h", "h"), ("б", "b", "b"), ("п", "p", "p"),
    ("м", "m", "m"), ("ф", "f", "f"), ("д", "d", "d"), ("т", "t", "t"), ("н", "n", "n"),
    ("л", "l", "l"), ("г", "g", "g"), ("к", "k", "k"),
)  # fmt: skip
_ALONE = {"ю": "you", "я": "ya", "е": "ye", "и": "yi", "у": "wu", "ин": "ying", "инь": "yin",
          "ань": "an", "ао": "ao", "эр": "er", "юй": "yu", "юань": "yuan", "юнь": "yun",
          "ян": "yang", "янь": "yan", "юэ": "yue", "ван": "wang", "вэй": "wei",
          "вэнь": "wen"}  # fmt: skip
_PALLADIUS = lazy_re(
    r"(?:цз|чж|[цсчшжхбпмфдтнлгк])?(?:юань|юнь|юн|янь|ян|яо|ань|ан|энь|эн|инь|ин|ай|эй|ао|оу|уань|"
    r"уан|уай|уй|унь|ун|уа|уо|юй|юэ|ю|я|е|э|и|у|о|а|ы)ь?|в(?:ан|эй|энь|эн|о|а|ай|ань)|эр"
)


def chinese_name(name: str) -> str:
    """A Chinese name written in Palladius, in pinyin: "Гао Жуймин" -> "Gao Ruiming"; "" when
    a word of it is no run of Palladius syllables."""
    out = []
    for word in name.split():
        low = word.lower()
        syllables = _PALLADIUS.findall(low)
        if "".join(syllables) != low:
            return ""
        latin = "".join(_syllable(s) for s in syllables)
        out.append(latin[:1].upper() + latin[1:])
    return " ".join(out)


def _syllable(s: str) -> str:
    if s in _ALONE:
        return _ALONE[s]
    for cyr, soft, hard in _INITIALS:
        if s.startswith(cyr):
            rest = s[len(cyr) :]
            final = next((p for c, p in _FINALS if rest == c), rest)
            if cyr in ("цз", "ц", "с") and final.startswith(("i", "u")) and rest[:1] in "июяеы":
                return soft + final if rest != "ы" else hard + "i"
            if cyr in ("ч", "ш", "ж", "чж") and rest == "и":
                return hard + "i"
            return hard + final
    return next((p for c, p in _FINALS if s == c), s)


__all__ = ["chinese_name", "russian_name"]
