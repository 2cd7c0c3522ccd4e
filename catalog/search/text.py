"""How text becomes search terms: English words, Han characters as overlapping
bigrams plus single characters (the technique of Lucene's CJK analyzer), and
accession numbers as one exact token. Index and query go through the same rules."""

import re

# CJK Unified Ideographs, Extension A, compatibility ideographs, Extensions B–F.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN_RUN = re.compile(f"[{HAN}]+")
WORD = re.compile(rf"[^\W_{HAN}]+")
POSSESSIVE = re.compile(r"[’']s\b", re.IGNORECASE)
ACCESSION = re.compile(r"^(?=.*\d)[\w./-]{2,50}$")
ACCESSION_PREFIX = "acc"

# PostgreSQL's English stop words: dropped from queries on both databases, so a
# question typed in full ("the hospital in Wuhan") finds the same records on each.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs themselves
    what which who whom this that these those am is are was were be been being have
    has had having do does did doing a an the and but if or because as until while
    of at by for with about against between into through during before after above
    below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor
    not only own same so than too very s t can will just don should now""".split()
)


def han_grams(run):
    """Single characters, then every pair of neighbours: 白求恩 → 白 求 恩 白求 求恩."""
    return list(run) + [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(*texts):
    """Text as both engines should index it: Han runs spelled out as grams."""
    joined = " ".join(text for text in texts if text)
    return HAN_RUN.sub(lambda match: f" {' '.join(han_grams(match.group()))} ", joined)


def accession_key(value):
    """An accession number compared exactly, whatever its case and punctuation."""
    return re.sub(r"[\W_]+", "", value or "").casefold()


def accession_token(value):
    key = accession_key(value)
    return f"{ACCESSION_PREFIX}{key}" if key else ""


def words(text):
    """English (and other spaced) words of ``text``, lower case, possessives dropped."""
    text = POSSESSIVE.sub("", HAN_RUN.sub(" ", text))
    return [word.casefold() for word in WORD.findall(text)]


NAME_SEPARATORS = re.compile(r"[,;|，；、]")


def name_words(text):
    """A name as its words, lower case: "Bai Qiu'en" → "bai qiu en"."""
    return " ".join(re.findall(r"[^\W_]+", POSSESSIVE.sub("", text).casefold()))


def names_key(*names):
    """Every name of a person, each between bars, for matching whole names."""
    found = [
        name_words(part)
        for name in names
        if name
        for part in NAME_SEPARATORS.split(name)
    ]
    found = [name for name in found if name]
    return f"| {' | '.join(found)} |" if found else ""


class Query:
    """What a visitor typed, as the terms both backends look for (all of them)."""

    def __init__(self, text):
        self.text = (text or "").strip()[:100]
        terms = []
        for run in HAN_RUN.findall(self.text):
            # A one-character word is its own gram; longer words are their pairs.
            terms += [run] if len(run) == 1 else han_grams(run)[len(run) :]
        terms += [word for word in words(self.text) if word not in STOP_WORDS]
        self.terms = list(dict.fromkeys(terms))
        self.han = HAN_RUN.findall(self.text)
        self.english = [term for term in self.terms if not HAN_RUN.match(term)]
        looks_like_accession = ACCESSION.match(self.text.replace(" ", ""))
        self.accession = accession_key(self.text) if looks_like_accession else ""
        # Whole words of a name, as ``names_key`` stores them: " zheng he ".
        self.name = f" {name_words(self.text)} " if name_words(self.text) else ""

    def __bool__(self):
        return bool(self.terms or self.accession)

    @property
    def accession_token(self):
        return f"{ACCESSION_PREFIX}{self.accession}" if self.accession else ""
