"""Properties of the offline reader that hold for any message whatever.

For arbitrary text, and for text assembled from the reading rules' own phrases, the
context triggers (negations, family, history, plans), numbers, units and dates, in any
letter case: :func:`agent.reading.understand` never raises, every fact it reads carries
words that are a verbatim substring of what the user typed (the "What I read" table
quotes them back), every value passes :func:`policies.facts.parse_value`, only facts the
policy's rules use are read, and (outside corrections) at most one reading per fact.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.reading import understand
from agent.reading.context import rules as context_rules
from agent.reading.rules import fact_specs, reading_rules, stated_facts
from agent.reading.text import phrase_re, phrase_spans
from policies.facts import parse_value
from policies.library import supported_cpts

AS_OF = date(2026, 11, 23)
_SPECS = fact_specs(None)


def _holds(text: str, cpt: str | None, pending: list[str],
           known: dict[str, object] | None = None, once: bool = True) -> None:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF, known=known)
    for r in got.facts:
        assert r.words.strip(), (text, r)
        assert r.words in text, f"words {r.words!r} are not in {text!r}"
        parse_value(r.fact, _SPECS[r.fact], r.value, AS_OF)  # raises if invalid
    names = [r.fact for r in got.facts]
    if once:  # corrections may repeat a fact: see test_reader_regressions.py
        assert len(names) == len(set(names)), (text, names)
    allowed = stated_facts(got.cpt or cpt)
    assert set(names) <= allowed, (text, set(names) - allowed)


_PHRASES = sorted({p for rule in reading_rules(None).values()
                   for p in rule.all_phrases() + rule.vague + rule.cues + rule.onset})
_CONTEXT = context_rules()
_TRIGGERS = sorted({t for c in _CONTEXT.categories.values() for t in c.forward + c.backward} |
                   set(_CONTEXT.pseudo))
_GLUE = ["no", "not", "denies", "without", ",", ".", ";", ":", "and", "or", "but", "x", "for",
         "of", "/10", "%", "weeks", "wks", "wk", "months", "mo", "days", "years", "ago", "yes",
         "not sure", "none", "never", "F", "M", "yo", "C", "°F", "k", "(+3)", "(", ")", '"',
         "total", "each", "courses", "sets", "baseline", "now", "from", "to", "-", "on RA",
         "sorry", "actually", "correction", "?", "2x/week", "Pt", "PT", "pt.", "his wife",
         "different patient", "do not use this:", "last year", "resolved", "will start"]
_NUMBERS = st.one_of(
    st.integers(-50, 200_000).map(str),
    st.floats(-5, 500, allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.1f}"),
    st.integers(0, 10).map(lambda n: f"{n}/10"),
    st.integers(1, 99).map(lambda n: f"{n}M"),
)
_DATES = st.one_of(
    st.dates(date(1990, 1, 1), date(2035, 12, 31)).map(date.isoformat),
    st.dates(date(2000, 1, 1), date(2035, 12, 31)).map(
        lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}"),
    st.dates(date(2000, 1, 1), date(2035, 12, 31)).map(lambda d: d.strftime("%b %d %Y")),
    st.dates(date(2000, 1, 1), date(2035, 12, 31)).map(lambda d: d.strftime("%d %B %Y")),
)


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, word.upper(), word.capitalize()])


_WORD = st.one_of(st.sampled_from(_PHRASES).flatmap(_cased),
                  st.sampled_from(_TRIGGERS).flatmap(_cased),
                  st.sampled_from(_GLUE), _NUMBERS, _DATES)
_SEPARATOR = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", " - ", "  ", "\t"])


@st.composite
def _note(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, max_size=18))
    out = ""
    for w in words:
        out += w + draw(_SEPARATOR)
    return out


_CPTS = st.sampled_from([None, *supported_cpts()])
_PENDING = st.lists(st.sampled_from(sorted(_SPECS)), max_size=3, unique=True)
_KNOWN = st.dictionaries(st.sampled_from(sorted(n for n, s in _SPECS.items()
                                                if s.type == "number")),
                         st.integers(0, 60).map(float), max_size=3)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=160), _CPTS, _PENDING)
def test_arbitrary_text_never_yields_words_the_user_did_not_type(
        text: str, cpt: str | None, pending: list[str]) -> None:
    _holds(text, cpt, pending)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_note(), _CPTS, _PENDING)
def test_notes_built_from_the_rules_phrases_yield_only_valid_values_in_the_users_words(
        text: str, cpt: str | None, pending: list[str]) -> None:
    _holds(text, cpt, pending)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_note(), st.sampled_from(supported_cpts()), _PENDING, _KNOWN)
def test_corrections_against_stored_facts_yield_only_valid_values_in_the_users_words(
        text: str, cpt: str, pending: list[str], known: dict[str, object]) -> None:
    _holds("sorry, " + text, cpt, pending, known, once=False)


@given(st.text(alphabet="pt a'’-\nxX1.", max_size=60),
       st.sampled_from(["pt", "p t", "a pt", "pt'", "'pt", "x-1", "tt", "t"]))
def test_a_phrase_is_found_where_its_pattern_finds_it(text: str, phrase: str) -> None:
    """The fast literal search finds exactly the whole-word matches the phrase's regex
    finds (a speed change; "pt" must still not be found inside "apt" or "pt's")."""
    expected = [m.span() for m in phrase_re(phrase).finditer(text)]
    assert phrase_spans(text, phrase) == expected


_PIECES = st.sampled_from(["pt", "pt_", "p", "t", "x", "X", "1", "é", "_", " ", "'", "’", "-",
                           ".", "\n", "a "])


@example(" " * 200 + "pt_x", "pt_")  # a phrase ending in "_": the text's word goes on
@example(" " * 200 + "é1 x-1 p.t", "é1")
@given(st.lists(_PIECES, max_size=40).map(lambda pieces: " " * 200 + "".join(pieces)),
       st.sampled_from(["pt", "p t", "a pt", "pt'", "'pt", "x-1", "tt", "t", "pt_", "x_p",
                        "é1", "1.", "p.t"]))
def test_a_phrase_is_found_in_a_long_text_where_its_pattern_finds_it(text: str,
                                                                      phrase: str) -> None:
    """In a long text, a phrase whose first word is no word of the text is not scanned
    for (a speed change): it is still found wherever its pattern finds it, whatever
    letters, digits, underscores and punctuation surround or follow that word."""
    expected = [m.span() for m in phrase_re(phrase).finditer(text)]
    assert phrase_spans(text, phrase) == expected
