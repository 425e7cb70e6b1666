"""Facts derived from others the message states (counts of dated records, a change from
its base, values stored earlier in the conversation).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from agent.reading.corrections import _UNSEEN
from agent.reading.message import _Message
from agent.reading.model import FactReading, Understanding, Unread
from agent.reading.rules import ReadingRule
from agent.reading.selection import _check, _Selection
from policies.errors import FactError
from policies.facts import parse_value


def _number(msg: _Message, reading: FactReading) -> float | None:
    try:
        value = parse_value(reading.fact, msg.specs[reading.fact], reading.value, msg.as_of)
    except FactError:
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def _date_counts(msg: _Message, readings: list[FactReading], sel: _Selection
                 ) -> list[FactReading]:
    read = {r.fact for r in readings}
    out = []
    for name, rule in msg.rules.items():
        if name in read or name not in msg.specs or rule.dates_of not in sel.dates:
            continue
        days, words = sel.dates[rule.dates_of]
        if len(days) >= 2 and _check(name, msg.specs[name], len(days), msg.as_of) is None:
            out.append(FactReading(fact=name, value=len(days), words=words))
    return out


def _covering(text: str, parts: list[str]) -> str:
    """The user's words from the first of ``parts`` to the last (evidence stays verbatim)."""
    spans = [(i, i + len(w)) for w in parts if (i := text.find(w)) >= 0]
    return text[min(a for a, _ in spans):max(b for _, b in spans)].strip() if spans else \
        parts[0]


_YEAR = re.compile(r"(?<![\d/.-])(?:(?P<month>0?[1-9]|1[0-2])/)?(?P<year>(?:19|20)\d\d)"
                   r"(?![\d/.-])")
"""A year written alone ("from 2024", "(2023)") or after its month ("exam 10/2025"), not a
part of a date with its day."""
_BOUND = re.compile(r"\n|;|\.(?=\s)")
"""Where a sentence or a clause of a list ends."""


def _years_ago(msg: _Message, words: str, days: int) -> bool:
    """Whether the sentence holding ``words`` dates them only by years all over ``days``
    ago ("Old PFTs from 2024 in outside records: FEV1 68% pred." read in December 2026):
    with no day read for them, such a figure says nothing about now."""
    at = msg.text.find(words) if words else -1
    if at < 0:
        return False
    before = list(_BOUND.finditer(msg.text, 0, at))
    start = before[-1].end() if before else 0
    after = _BOUND.search(msg.text, at + len(words))
    ends = [_period_end(int(m["year"]), int(m["month"]) if m["month"] else 12)
            for m in _YEAR.finditer(msg.text, start, after.start() if after else len(msg.text))]
    return bool(ends) and all((msg.as_of - end).days > days for end in ends)


def _period_end(year: int, month: int) -> date:
    """The last day of a month ("10/2025" may mean any day of October)."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _recent(msg: _Message, by_fact: dict[str, FactReading], implication: Any,
            words: str = "") -> bool:
    """The date the implication needs recent (``recent``), when read, is recent enough;
    unread, the words' own sentence must not date them only by years long past."""
    dated = by_fact.get(implication.recent) if implication.recent else None
    if dated is None:
        return not (implication.recent and _years_ago(msg, words, implication.recent_days))
    try:
        day = date.fromisoformat(str(dated.value))
    except ValueError:
        return False
    return (msg.as_of - day).days <= implication.recent_days


def _base_of_change(msg: _Message, name: str, rule: ReadingRule,
                    by_fact: dict[str, FactReading]) -> list[FactReading]:
    """"NRS now 7/10, up 3 pts since starting PT": with a difference ``a - b`` and ``a``
    read, ``b`` is ``a`` less the difference (a baseline of 4)."""
    if len(rule.difference) != 2 or name not in by_fact:
        return []
    now, base = rule.difference
    if now not in by_fact or base in by_fact or base not in msg.specs:
        return []
    a, d = _number(msg, by_fact[now]), _number(msg, by_fact[name])
    if a is None or d is None:
        return []
    words = _covering(msg.text, [by_fact[now].words, by_fact[name].words])
    return [FactReading(fact=base, value=f"{a - d:g}", words=words)]


def _derived(msg: _Message, readings: list[FactReading], implied_from: list[FactReading],
             figure_implied: list[tuple[str, FactReading]] | None = None
             ) -> list[FactReading]:
    """Facts that follow from facts read: a difference of two scores ("5/10 before
    treatment, now 8/10" is +3) and facts a reading implies ("FEV1 58%": PFT results)."""
    by_fact = {r.fact: r for r in readings}
    values = {r.fact: r.value for r in readings}
    out: list[FactReading] = []
    for name, rule in msg.rules.items():
        out += _base_of_change(msg, name, rule, by_fact)
        if name in by_fact or name not in msg.specs:
            continue
        if len(rule.difference) == 2 and all(f in by_fact for f in rule.difference):
            a, b = (_number(msg, by_fact[f]) for f in rule.difference)
            if a is not None and b is not None:
                words = _covering(msg.text, [by_fact[f].words for f in rule.difference])
                out.append(FactReading(fact=name, value=f"{a - b:g}", words=words))
    for reading in implied_from:  # an answer to one question implies nothing more
        rule = msg.rules.get(reading.fact, ReadingRule())
        for implication in rule.implies:
            if not implication.holds(reading.value) or \
                    not implication.accompanied(values) or \
                    not _recent(msg, by_fact, implication, reading.words) or \
                    implication.blocked(msg.lower):
                continue
            for fact, value in implication.then.items():
                if fact in msg.specs and fact not in by_fact:
                    out.append(FactReading(fact=fact, value=value, words=reading.words))
                    by_fact[fact] = out[-1]
                    if figure_implied is not None and (
                            implication.below is not None or implication.at_least is not None):
                        figure_implied.append((reading.fact, out[-1]))
    return [r for r in out if _check(r.fact, msg.specs[r.fact], r.value, msg.as_of) is None]


def _stored(msg: _Message, fact: str, value: object) -> float | None:
    if value is None or value is _UNSEEN or fact not in msg.specs:
        return None
    return _number(msg, FactReading(fact=fact, value=value, words=""))  # type: ignore[arg-type]


def _rederived(msg: _Message, facts: list[FactReading],
               known: dict[str, Any]) -> list[FactReading]:
    """A stored difference whose part is given again with another value ("correction:
    baseline was 5/10, not 6" after "6/10 at baseline, now 7/10"): moved by as much, so
    the old change is not kept."""
    out: list[FactReading] = []
    stated = {r.fact for r in facts}
    fixed = {r.fact: r for r in facts}
    for name, rule in msg.rules.items():
        if len(rule.difference) != 2 or name in stated or name not in known or \
                name not in msg.specs or not fixed.keys() & set(rule.difference):
            continue
        # The stored change moves by what the corrected part moved (the other part may
        # not be a fact of this policy, so it is not stored): a - b, b from 6 to 5, +1.
        shift = 0.0
        for sign, f in zip((1, -1), rule.difference, strict=True):
            if f in fixed:
                new, old = _number(msg, fixed[f]), _stored(msg, f, known.get(f))
                if new is None or old is None:
                    break
                shift += sign * (new - old)
        else:
            before = _stored(msg, name, known.get(name))
            if before is not None and shift:
                words = next(r.words for f, r in fixed.items() if f in rule.difference)
                out.append(FactReading(fact=name, value=f"{before + shift:g}", words=words))
    return [r for r in out if _check(r.fact, msg.specs[r.fact], r.value, msg.as_of) is None]


def _names_any(words: tuple[str, ...], lower: str) -> bool:
    return any(re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", lower) for w in words)


def _stands_below(msg: _Message, reading: FactReading, rule: ReadingRule, low_fact: str) -> bool:
    """Whether a reading stays despite a low figure of ``low_fact``: its own words say the
    patient's state now ("not on oxygen", "on RA since admit"), the message names how the
    figure was taken (``stands_below_with``: "on room air"), and nothing in the message
    blocks the low fact's own implication of this fact (oxygen given anywhere: "-> 94% on
    2 L NC"), the same guard a high figure passes."""
    if not rule.stands_below or not _names_any(rule.stands_below, reading.words.lower()) or \
            not _names_any(rule.stands_below_with, msg.lower):
        return False
    # the reading's own words ("no supplemental oxygen") are no oxygen named
    rest = msg.lower
    for w in rule.stands_below:
        rest = re.sub(rf"(?<![\w/]){re.escape(w)}(?![\w/])", " ", rest)
    source = msg.rules.get(low_fact)
    return not any(reading.fact in i.then and i.blocked(rest)
                   for i in (source.implies if source else ()))


def _asked_if_low(msg: _Message, result: Understanding) -> None:
    """Readings whose rule's ``asked_if_below`` holds in this message leave the facts
    and are asked (the labelling convention of fresh7 and the first blind set: a low
    room-air saturation with "not on oxygen" leaves the FiO2 asked)."""
    by_fact = {r.fact: r for r in result.facts}
    for reading in list(result.facts):
        rule = msg.rules.get(reading.fact)
        if rule is None or not rule.asked_if_below or any(c.isdigit() for c in reading.words):
            continue  # (a figure stated for the fact itself stands: "FiO2 21%")
        low = [(fact, other) for fact, limit in rule.asked_if_below.items()
               if (other := by_fact.get(fact)) is not None
               and (figure := _number(msg, other)) is not None and figure < limit]
        if low and not _stands_below(msg, reading, rule, low[0][0]):
            result.facts.remove(reading)
            label = msg.specs[low[0][0]].label.lower() if low[0][0] in msg.specs else low[0][0]
            result.unread.append(Unread(reading.words, f"with a low {label} ({low[0][1].words}),"
                                        f" what does the patient need?"))
            result.asked_back.append(reading.fact)



_WHOLLY = re.compile(r"\b(?:only|purely|solely|exclusively|entirely)\b")
"""Words that say a reading is the whole of it ("Requested for cosmetic purposes only"):
the writer's own answer, which no implication overrules."""


def _contradicted(msg: _Message, result: Understanding) -> None:
    """A reading that an implication with company contradicts leaves and is asked: "keloid
    is a cosmetic concern ... her shoulder pain is the real reason" read cosmetic only from
    "cosmetic", while a cosmetic purpose with a musculoskeletal condition to treat says
    not cosmetic only (f28); which holds is the writer's to say, unless the writer said it
    in so many words (``_WHOLLY``)."""
    values = {r.fact: r.value for r in result.facts}
    for reading in list(result.facts):
        rule = msg.rules.get(reading.fact)
        for implication in rule.implies if rule else ():
            if not implication.with_ or not implication.holds(reading.value) or \
                    not implication.accompanied(values):
                continue
            for other in [r for r in result.facts if r.fact in implication.then
                          and r.value != implication.then[r.fact]
                          and not _WHOLLY.search(r.words.lower())]:
                result.facts.remove(other)
                result.unread.append(Unread(other.words, ""))
                result.asked_back.append(other.fact)


def _without_figure(result: Understanding,
                    figure_implied: list[tuple[str, FactReading]]) -> None:
    """A reading implied by a figure's size ("SpO2 95% RA": FiO2 21) leaves with the
    figure when a later step leaves the figure unread ("94% at rest; dropped to 88% after
    stairs": which saturation is meant is asked, and so is the oxygen need)."""
    for source, reading in figure_implied:
        if reading in result.facts and not any(
                r.fact == source and r.words == reading.words for r in result.facts):
            result.facts.remove(reading)
            result.asked_back.append(reading.fact)
