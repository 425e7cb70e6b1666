"""Query and document text handling: tokens, abbreviations, spelling, routing.

Pure Python; the vocabulary and abbreviation tables are built from the corpus.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from retrieval.corpus import PolicyDoc

_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset("""
a an and are as at be been being but by can could did do does doing for from had has have
having how i if in into is it its me my of on or our she he her him his so such than that the
their them then there these they this those to too us was we were what when where which who
whom why will with would you your any all also am just should shall must may might per
""".split())

# Staff shorthand the policies never spell out. Abbreviations the policies do define,
# such as "Epidural Steroid Injection (ESI)", are read from the texts instead.
STAFF_ABBREVIATIONS = {
    "pt": "physical therapy",
    "uti": "urinary tract infection",
    "e-stim": "electrical stimulation",
    "estim": "electrical stimulation",
    "temp": "fever",
    "o2": "oxygen",
    "sat": "saturation",
    "sats": "saturation",
    "iv": "intravenous",
    "ckd": "kidney disease",
    "dm": "diabetes",
    "htn": "hypertension",
    "cad": "cardiovascular disease",
    "h&p": "history and physical examination",
    "hx": "history",
    "dx": "diagnosis",
    "tx": "treatment",
    "rx": "medication",
    "pcp": "primary care physician",
    "p2p": "peer-to-peer review",
    "xray": "x-rays radiographs",
    "xrays": "x-rays radiographs",
    "abx": "antibiotic",
    "preg": "pregnancy",
    "auth": "authorization",
    "pa": "prior authorization",
    "meds": "medication",
    "nsaid": "nsaids",
    "ortho": "orthopedic",
    "sx": "symptoms",
    "wks": "weeks",
    "wk": "weeks",
    "mo": "months",
    "mos": "months",
    "ct": "computed tomography",
    "mri": "magnetic resonance imaging",
}


def stem(word: str) -> str:
    """A deliberately light stemmer: plurals and a few verb endings."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def tokens(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS]


@dataclass
class QueryTools:
    """Corpus-derived tables used to normalise queries and route them to policies."""

    docs: list[PolicyDoc]
    abbreviations: dict[str, str] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    _doc_words: dict[str, str] = field(default_factory=dict)
    _candidates: list[str] = field(default_factory=list)
    _near_cache: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.abbreviations = dict(STAFF_ABBREVIATIONS)
        for doc in self.docs:
            for abbr, long in doc.abbreviations.items():
                self.abbreviations.setdefault(abbr, long)
        for doc in self.docs:
            self._doc_words[doc.cpt] = " " + " ".join(words(doc.source)) + " "
            self.vocabulary.update(words(doc.source))
        self.vocabulary.update(words(" ".join(self.abbreviations.values())))

    # ---------------------------------------------------------------- normalise

    def correct(self, query: str) -> str:
        """Fix words the corpus does not know but nearly does ("physcial" → "physical")."""
        vocab = self.vocabulary
        if not vocab:
            return query

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            low = word.lower()
            if (len(low) < 4 or low in vocab or low in self.abbreviations
                    or any(c.isdigit() for c in low)):
                return word
            return self._nearest(low) or word

        return re.sub(r"[A-Za-z0-9]+", fix, query)

    def expand(self, query: str) -> str:
        """Append the long form of abbreviations the query uses ("PT" → physical therapy)."""
        extra = []
        lowered = query.lower()
        for abbr, long in self.abbreviations.items():
            if re.search(rf"(?<![a-z0-9]){re.escape(abbr)}(?![a-z0-9])", lowered):
                if long not in lowered and long not in extra:
                    extra.append(long)
        return query if not extra else f"{query} ({'; '.join(extra)})"

    def normalise(self, query: str) -> str:
        return self.expand(self.correct(query))

    def _nearest(self, word: str) -> str | None:
        if word not in self._near_cache:
            if not self._candidates:
                self._candidates = sorted(w for w in self.vocabulary if len(w) >= 4)
            near = difflib.get_close_matches(word, self._candidates, n=1, cutoff=0.8)
            self._near_cache[word] = near[0] if near else None
        return self._near_cache[word]

    # ------------------------------------------------------------------- route

    def _df(self, phrase: str) -> int:
        needle = " " + " ".join(words(phrase)) + " "
        return sum(1 for text in self._doc_words.values() if needle in text) or 1

    def route(self, query: str) -> list[str]:
        """CPT codes a query names, by code, procedure name, alias or abbreviation.

        When a query names several, the most specific evidence wins (a phrase found in
        fewer policies, e.g. "facet injection" beats "PT", which every policy mentions).
        """
        qwords = words(self.correct(query))
        padded = " " + " ".join(qwords) + " "
        best: dict[str, float] = {}

        def hit(cpt: str, phrase: str, df: int | None = None) -> None:
            phrase_words = words(phrase)
            if not phrase_words or " " + " ".join(phrase_words) + " " not in padded:
                return
            spec = 1.0 / (df if df is not None else self._df(phrase))
            best[cpt] = max(best.get(cpt, 0.0), spec)

        name_words = {doc.cpt: set(words(doc.procedure)) for doc in self.docs}
        for doc in self.docs:
            hit(doc.cpt, doc.cpt, df=1)
            hit(doc.cpt, doc.procedure)
            for alias in doc.aliases:
                hit(doc.cpt, alias)
            for abbr, long in self.abbreviations.items():
                if " ".join(words(long)) == " ".join(words(doc.procedure)):
                    hit(doc.cpt, abbr, df=self._df(long))
            # A word of the procedure's name that no other policy uses ("facet", "epidural").
            for word in name_words[doc.cpt]:
                if len(word) >= 4 and self._df(word) == 1 and f" {word} " in padded:
                    best[doc.cpt] = max(best.get(doc.cpt, 0.0), 1.0)
        if not best:
            return []
        top = max(best.values())
        return sorted(cpt for cpt, spec in best.items() if spec >= top)
