"""The assistant's reply as data: one :class:`Reply` per turn, built from the verdict and
this turn's reading, stored in the turn, and rendered once per medium
(:mod:`agent.markdown` for the transcript, the download and the eval report,
:mod:`priorauth.terminal` for the terminal, :mod:`priorauth.web` for the web card).

Nothing here decides anything: it only arranges what the checker returned, in words
a nurse reads (no internal names such as ``needs_info``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, field_validator

from agent.unread import Unread
from policies import facts as factlib
from policies.packet import DOC_WORDS, Appeal, DocumentLine

MAX_QUESTIONS_PER_TURN = 3

DECISION_WORDS = {
    "meets_criteria": "Meets the criteria",
    "does_not_meet": "Does not meet the criteria",
    "needs_info": "Needs information",
    "needs_review": "Needs clinical review",
}
STATUS_WORDS = {
    "not_met": "not met",
    "review": "for review",
    "unknown": "not yet known",
    "met": "met",
    "not_applicable": "does not apply",
}
STATUS_ORDER = ["not_met", "review", "unknown", "met", "not_applicable"]
"""A status column read at a glance: what fails first, what is met last."""


def fact_words(name: str, value: Any) -> tuple[str, str]:
    """(label, value in words) of a stored fact: ("Physical therapy completed", "14 weeks");
    a None value reads "not sure"."""
    from agent.understand import all_fact_specs

    spec = all_fact_specs()[name]
    return spec.label, factlib.describe(spec, factlib.from_json(spec, value))


def plural(n: int, noun: str, many: str | None = None) -> str:
    """"1 question", "3 questions"."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


# ---------------------------------------------------------------------- model


class ReadFact(BaseModel):
    """One fact applied this turn, with the user's words it came from."""

    fact: str
    label: str
    value: str
    """The value in words ("14 weeks", "not sure")."""
    words: str
    origin: str = "stated"
    """stated | inferred (waits for the user's yes) | confirmed."""
    replaced: bool = False
    """It corrected an earlier value (also listed among the reply's ``changes``)."""


class Row(BaseModel):
    """One criterion of the verdict, ready to show."""

    clause: str
    title: str
    status: str
    status_words: str
    reason: str
    quote: str
    quote_span: tuple[int, int]
    rule: str
    facts: list[str] = []
    """The facts the criterion reads (an unknown row's open question is about one)."""
    said: list[str] = []
    """For a row the decision rests on: the user's words its facts were read from, so a
    misreading shows where it decides ("his wife is pregnant" beside a pregnancy row)."""


class Question(BaseModel):
    fact: str
    question: str
    hint: str = ""
    """How to answer: "yes / no / not sure", "in weeks", a date."""
    clauses: list[str] = []
    type: str = "boolean"
    """The fact's type, or ``confirm`` for "I read X as Y — is that right?"."""
    choices: dict[str, str] | None = None
    answered_unsure: bool = False


class Fix(BaseModel):
    kind: Literal["fix", "answer", "resolve"]
    change: str
    clause: str


class Qualify(BaseModel):
    """What would make the case qualify (from the verdict's ``to_qualify``)."""

    possible: bool
    explanation: str
    fixes: list[Fix] = []
    """Shortfalls to make up and conditions that must resolve."""
    answers: list[Fix] = []
    """Facts not yet stated, with the answers that would qualify."""
    review: list[str] = []
    blocking: list[str] = []
    temporary: list[str] = []


class Summary(BaseModel):
    """The decision in words and the case it is about."""

    cpt: str
    procedure: str
    as_of: str
    policy_version: str
    decision: str
    words: str
    """"Needs information" — never the internal name."""
    change: str | None = None
    """"Now meets the criteria (was: needs information)" when this turn changed it."""
    unchanged: bool = False
    """The same decision as on the turn before: its interpretations and next steps, shown
    then, are not repeated in the chat (the case file always has them)."""
    valid_until: str | None = None
    counts: dict[str, int] = {}
    """Criteria per status."""


class RetrievedClause(BaseModel):
    clause: str
    title: str = ""
    quote: str
    cpt: str = ""
    score: float = 0.0


class Requirement(BaseModel):
    clause: str
    title: str
    text: str
    """The requirement in plain words."""


class RequirementSection(BaseModel):
    section: str
    """"Coverage criteria", "Exclusions", ..."""
    items: list[Requirement]


class Requirements(BaseModel):
    """A policy's criteria in plain words, grouped by section (from its criteria file)."""

    cpt: str
    procedure: str
    sections: list[RequirementSection]


class Reply(BaseModel):
    """Everything the assistant says in one turn, as data."""

    notices: list[str] = []
    changes: list[str] = []
    """This turn's corrections, in words ("Physical therapy completed: 4 weeks → 14 weeks")."""
    read: list[ReadFact] = []
    """What was read this turn, so the user can correct it."""
    unread: list[Unread] = []
    """The user's words that could not be read, each with why (a question back)."""
    retrieved_for: str | None = None
    retrieved: list[RetrievedClause] = []
    requirements: Requirements | None = None
    summary: Summary | None = None
    rows: list[Row] = []
    """Every criterion, failed and review first, then unknown, met last."""
    decisive: list[Row] = []
    """The rows whose quotes the decision rests on."""
    qualify: Qualify | None = None
    notes: list[str] = []
    next_steps: list[str] = []
    questions: list[Question] = []
    """Asked now, in order (at most three)."""
    open_questions: list[Question] = []
    """Every fact that can still change the decision, most decisive first."""
    no_questions_why: str | None = None
    """For a decision still needing information with nothing asked: why not."""
    open_change: str | None = None
    """Why there are more open questions than before, when there are."""
    list_open: bool = False
    """List every open question (the user asked "what else do you need?")."""
    lines: list[str] = []
    """Plain sentences for this turn ("Nothing else is needed to decide ...")."""
    recorded: list[ReadFact] | None = None
    """Every stored fact with the words it came from, when the user asked for the record
    ("what have you recorded so far?"); empty: asked, and nothing is stored yet."""
    help: str | None = None

    @field_validator("unread", mode="before")
    @classmethod
    def _words_alone(cls, value: Any) -> Any:  # noqa: ANN401
        # Replies saved before the reason was kept apart were lists of strings.
        return [{"words": u} if isinstance(u, str) else u for u in value or []]

    @property
    def final(self) -> bool:
        return self.summary is not None and self.summary.decision != "needs_info"

    @property
    def notes_again(self) -> bool:
        """A final decision unchanged since the last turn: its interpretations and next
        steps were shown then, and a chat turn says so in one line instead."""
        return self.final and self.summary is not None and self.summary.unchanged


# -------------------------------------------------------------------- builders


def _hint(m: dict[str, Any]) -> str:
    kind = m.get("type")
    if kind == "boolean":
        return "yes / no / not sure"
    if kind == "choice" and m.get("choices"):
        return " / ".join([*m["choices"].values(), "not sure"])
    if kind == "set" and m.get("choices"):
        return "any that apply, or none"
    if kind == "date":
        return "a date, e.g. 2026-08-20, or 'never'"
    if kind == "number" and m.get("unit"):
        return f"in {m['unit']}"
    return ""


def _question(m: dict[str, Any]) -> Question:
    return Question(fact=m["fact"], question=m["question"], hint=_hint(m),
                    clauses=list(m.get("clauses", [])), type=m.get("type", "boolean"),
                    choices=m.get("choices"), answered_unsure=bool(m.get("answered_unsure")))


def _row(c: dict[str, Any]) -> Row:
    return Row(clause=c["clause"], title=c.get("title", ""), status=c["status"],
               status_words=STATUS_WORDS[c["status"]], reason=c["reason"], quote=c["quote"],
               quote_span=tuple(c["quote_span"]), rule=c["rule"],
               facts=list(c.get("facts", [])))


def _decisive(rows: list[Row], decision: str) -> list[Row]:
    wanted = {"does_not_meet": ("not_met",), "needs_review": ("review",)}.get(decision, ())
    out, seen = [], set()
    for row in rows:
        if row.status in wanted and row.rule not in seen:
            seen.add(row.rule)
            out.append(row)
    return out


def _qualify(tq: dict[str, Any] | None) -> Qualify | None:
    if not tq:
        return None
    changes = [Fix(kind=c.get("kind", "fix"), change=c["change"], clause=c["clause"])
               for c in tq.get("changes", [])]
    return Qualify(possible=tq["possible"], explanation=tq["explanation"],
                   fixes=[c for c in changes if c.kind != "answer"],
                   answers=[c for c in changes if c.kind == "answer"],
                   review=list(tq.get("review", [])), blocking=list(tq.get("blocking", [])),
                   temporary=list(tq.get("temporary", [])))


def summarise(verdict: dict[str, Any], previous: str | None = None) -> Summary:
    counts = {s: sum(c["status"] == s for c in verdict["criteria"]) for s in STATUS_ORDER}
    decision = verdict["decision"]
    change = None
    if previous and previous != decision:
        change = (f"Now {DECISION_WORDS[decision][0].lower()}{DECISION_WORDS[decision][1:]} "
                  f"(was: {DECISION_WORDS[previous].lower()})")
    return Summary(cpt=verdict["cpt"], procedure=verdict["procedure"],
                   as_of=str(verdict["as_of"]), policy_version=verdict["policy_version"],
                   decision=decision, words=DECISION_WORDS[decision], change=change,
                   unchanged=previous == decision,
                   valid_until=verdict.get("valid_until"),
                   counts={s: n for s, n in counts.items() if n})


def _no_questions_why(open_questions: list[Question]) -> str:
    unsure = [q for q in open_questions if q.answered_unsure]
    if unsure and len(unsure) == len(open_questions):
        return ("I have nothing new to ask: the facts still open were answered \"not "
                "sure\", and the decision depends on them. When the record shows them, "
                "tell me and I will re-check.")
    return "The open questions are listed below; answer any of them to go on."


def verdict_reply(verdict: dict[str, Any], *, previous: str | None = None,
                  pending: list[str] | None = None,
                  confirm: list[tuple[str, str]] | None = None,
                  open_before: int | None = None,
                  words: dict[str, str] | None = None) -> Reply:
    """The verdict part of a reply (also what ``priorauth check`` shows). ``words``: the
    user's words each fact was read from, shown beside the rows the decision rests on."""
    rows = sorted((_row(c) for c in verdict["criteria"]),
                  key=lambda r: STATUS_ORDER.index(r.status))
    open_questions = [_question(m) for m in verdict.get("missing", [])]
    by_fact = {q.fact: q for q in open_questions}
    confirms = dict(confirm or [])
    questions = []
    for fact in pending or []:
        if fact in confirms:
            questions.append(Question(fact=fact, question=f"{confirms[fact]} — is that right?",
                                      hint="yes / no", type="confirm"))
        elif fact in by_fact:
            questions.append(by_fact[fact])
    decisive = [r.model_copy(update={"said": list(dict.fromkeys(
        words[f] for f in r.facts if (words or {}).get(f)))})
        for r in _decisive(rows, verdict["decision"])]
    reply = Reply(summary=summarise(verdict, previous), rows=rows,
                  decisive=decisive,
                  qualify=_qualify(verdict.get("to_qualify")), notes=list(verdict["notes"]),
                  next_steps=list(verdict["next_steps"]), questions=questions,
                  open_questions=open_questions)
    if verdict["decision"] == "needs_info" and not questions:
        reply.no_questions_why = _no_questions_why(open_questions)
    if open_before is not None and len(open_questions) > open_before:
        reply.open_change = (f"{plural(len(open_questions), 'question')} open now, up from "
                             f"{open_before}: the new facts brought criteria into play that "
                             "did not matter before.")
    return reply


def case_stands(verdict: dict[str, Any]) -> str:
    """The answer to a "thanks" or "got it" once the case is checked: it stands, and how
    to go on (it was "tell me about the case when you are ready", as if none were)."""
    words = DECISION_WORDS[verdict["decision"]].lower()
    return (f"The case stands as checked: {words}. Tell me if anything about it changes, "
            "or say \"start over\" for a new case.")


def nothing_else_needed(verdict: dict[str, Any]) -> str:
    """The answer to "what else do you need?" once the case is decided."""
    words = DECISION_WORDS[verdict["decision"]].lower()
    answers = (verdict.get("to_qualify") or {}).get("changes", [])
    unasked = sum(c.get("kind") == "answer" for c in answers)
    return (f"Nothing else is needed to decide: the case {words} on the facts given."
            + (f" {plural(unasked, 'fact')} not yet stated cannot change that, so I do not "
               "ask about them now (they are listed under what would make it qualify)."
               if unasked else ""))


def _because(verdict: dict[str, Any]) -> str:
    """The criteria a decision rests on, each with its clause, in one run of words."""
    rows = _decisive([_row(c) for c in verdict["criteria"]], verdict["decision"])
    return "; ".join(f"{r.reason} ({r.clause})" for r in rows)


def decision_reasons(verdict: dict[str, Any]) -> str:
    """The answer to "why does it not qualify?": the decision and the criteria it rests
    on, in one sentence (each criterion's policy text is in the table with it)."""
    decision = verdict["decision"]
    because = _because(verdict)
    if decision == "does_not_meet":
        return (f"It does not meet the criteria because: {because}. The policy text for "
                "each is quoted in the table.")
    if decision == "needs_review":
        return (f"It needs a clinical reviewer because: {because}. The policy text for "
                "each is quoted in the table.")
    if decision == "needs_info":
        missing = len(verdict.get("missing", []))
        return (f"It cannot be decided yet: the policy asks about {plural(missing, 'fact')} "
                "not known yet, and nothing known so far fails a criterion. The questions "
                "below are the most decisive.")
    met = sum(c["status"] == "met" for c in verdict["criteria"])
    return (f"It meets the criteria: all {met} criteria that apply are met on the facts "
            "given; each is listed with its policy text.")


def qualify_line(verdict: dict[str, Any]) -> str:
    """The answer to "what would make it qualify?": the criteria that fail and the value
    that would pass each, from the verdict's ``to_qualify`` (outside tester 27 C9: the
    verdict again, with no sentence answering it)."""
    decision = verdict["decision"]
    if decision == "meets_criteria":
        return "It already meets the criteria on the facts given: nothing needs to change."
    tq = verdict.get("to_qualify") or {}
    if decision == "needs_review" and not tq:
        return (f"No change of facts settles it: a clinical reviewer must decide "
                f"({_because(verdict)}).")
    if tq.get("blocking"):
        return tq["explanation"]
    changes = tq.get("changes") or []
    fixes = [f"{c['change']} ({c['clause']})" for c in changes if c.get("kind") != "answer"]
    answers = [f"{c['change']} ({c['clause']})" for c in changes if c.get("kind") == "answer"]
    parts = []
    if fixes:
        parts.append("It would qualify with: " + "; ".join(fixes) + ".")
    if answers:
        parts.append(("It also needs" if fixes else "It would qualify with these facts, "
                      "not yet stated") + ": " + "; ".join(answers) + ".")
    if tq.get("review"):
        parts.append("A clinical reviewer must still decide " + ", ".join(tq["review"])
                     + ": no change of facts settles it.")
    if not tq.get("possible", False) and changes:
        parts.append(tq.get("explanation", ""))
    return " ".join(p for p in parts if p) or tq.get("explanation", "") or \
        decision_reasons(verdict)


def packet_line(thread: str | None) -> str:
    """The answer to "print the packet": the chat prints nothing; the command that writes
    the submission packet of this conversation (outside tester 27 C9)."""
    ref = thread or "ID"
    return ("I cannot print from the chat. The submission packet of this case (a printable "
            "HTML page, with Markdown and JSON copies) is written by the command "
            f"`priorauth packet --thread {ref}`"
            + ("" if thread else ", ID being this conversation's thread (shown when the chat "
               "starts and when it ends)")
            + "; in the web app, the packet is the download under the decision.")


def who_decides(verdict: dict[str, Any]) -> str:
    """The answer to "is it approved?": this checks criteria; the payer decides."""
    return ("I do not approve or deny: the payer does. I check the case against the "
            "policy's criteria, and on the facts given the check says: "
            f"{DECISION_WORDS[verdict['decision']].lower()}.")


def enter_value_line(what_if: str) -> str:
    """The answer to "can I put <value>?": only what the record documents is recorded (a
    new assessment in the chart, not a judgement that the old one understates), then the
    decision the value would give, nothing stored."""
    return ("Only what the record documents can be recorded: a value from an assessment in "
            "the chart, not a view that the documented one is too low or too high. "
            + what_if)


def what_if_line(changes: list[str], said: str, now: dict[str, Any],
                 would: dict[str, Any]) -> str:
    """The answer to "what if ...?": the decision with the change, nothing stored, what it
    would still rest on, and the criteria that would change even when the decision does
    not (an older MRI adds a review to a case that still needs information); ``said`` is
    the user's words for the change."""
    decision = would["decision"]
    outcome = (f"the decision would still be: {DECISION_WORDS[decision].lower()}"
               if decision == now["decision"] else f"the decision would be: "
               f"{DECISION_WORDS[decision].lower()} (now: "
               f"{DECISION_WORDS[now['decision']].lower()})")
    because = _because(would)
    # (what is still missing is said where the decision moves to it; one that stays as it
    # is names the criteria the change would move instead)
    still = f", because of: {because}" if because else \
        _still_unknown(would) if decision != now["decision"] else ""
    moved = _criteria_moved(now, would) if decision == now["decision"] else ""
    return (f"If {'; '.join(changes)}: {outcome}{still}{moved}. Nothing was changed; to "
            f"change the case, say it as a fact, for example \"correction: {said}\".")


def _still_unknown(would: dict[str, Any]) -> str:
    """What a what-if's case would still need (outside tester 17, C12: "the decision would
    be: needs information" read as if 13 weeks were not enough)."""
    from agent.understand import all_fact_specs

    if would["decision"] != "needs_info":
        return ""
    labels = list(dict.fromkeys(all_fact_specs()[f].label for c in would["criteria"]
                                if c["status"] == "unknown" for f in c["facts"]))
    if not labels:
        return ""
    more = f" and {plural(len(labels) - 3, 'other fact')}" if len(labels) > 3 else ""
    return f", still needing: {', '.join(labels[:3])}{more}"


def _criteria_moved(now: dict[str, Any], would: dict[str, Any]) -> str:
    """The criteria whose status the change would move, each "clause: before → after".
    A clause may hold several criteria (62311.coverage.2: the symptoms' weeks and the pain
    change): each is compared with itself, and named by its facts where its clause has
    another (outside tester session 11 C7: "not yet known → not met" for a clause shown
    not met, when only its other criterion moved)."""
    from agent.understand import all_fact_specs

    before = {c["rule"]: c["status"] for c in now["criteria"]}
    shared = Counter(c["clause"] for c in would["criteria"])
    moved: list[str] = []
    for c in would["criteria"]:
        if c["rule"] not in before or before[c["rule"]] == c["status"]:
            continue
        what = f" [{', '.join(all_fact_specs()[f].label for f in c['facts'])}]" \
            if shared[c["clause"]] > 1 and c["facts"] else ""
        line = f"{c['clause']}{what} {STATUS_WORDS[before[c['rule']]]} → " \
            f"{STATUS_WORDS[c['status']]}"
        if line not in moved:
            moved.append(line)
    return f"; it would change {', '.join(moved)}" if moved else ""


def held_line(why: list[tuple[str, str]], cited: list[str], *, still: bool = False) -> str:
    """Why readings a denial would rest on are asked first: each fact's label with the
    doubt about it, and the clauses they would fail. ``still``: the case fails on other
    facts anyway (the readings are held so the denial cites no clause on their account)."""
    doubts = "; ".join(f"{label}: {reason}" for label, reason in why)
    if still:
        return (f"Please confirm what I read before I use it ({doubts}). If it is right, it "
                f"also fails {', '.join(cited)}; until you confirm it, the decision below "
                "does not count it.")
    return (f"Please confirm what I read before I use it ({doubts}). If it is right, the case "
            f"{DECISION_WORDS['does_not_meet'].lower()} ({', '.join(cited)}); until you "
            "confirm it, the decision is made without it.")


def validity_line(verdict: dict[str, Any], days: int, clause: str, quote: str) -> str:
    """The answer to "how long is it valid?": the policy's authorization window, quoted,
    and where this case stands (a window runs only for a case that meets the criteria)."""
    policy = f"The policy's authorization window is {days} days (\"{quote}\", {clause})."
    if verdict["decision"] == "meets_criteria":
        return (f"{policy} This case meets the criteria as of {verdict['as_of']}; if the "
                f"payer authorizes it that day, it runs until {verdict['valid_until']}.")
    return (f"{policy} It starts only once a case meets the criteria; this one "
            f"{DECISION_WORDS[verdict['decision']].lower()}, so no window runs yet.")


def month_split_line(words: str, days: list[tuple[str, str]]) -> str:
    """A what-if with a month whose first and last day decide differently: each day with
    the decision it would give, and how to see the reasons."""
    parts = "; ".join(f"on {day} it would be: {DECISION_WORDS[decision].lower()}"
                      for day, decision in days)
    return (f"It depends on the day \"{words}\" means: {parts}. Nothing was changed; ask "
            "with the exact date to see why.")


def last_change_line(said: list[str], before: str | None, decision: str | None) -> str:
    """The answer to "what changed?": what the last change to the case was (each in
    words) and the decision now, with the one before it when it moved."""
    now = ""
    if decision and before and before != decision:
        now = (f" The decision went from {DECISION_WORDS[before].lower()} to "
               f"{DECISION_WORDS[decision].lower()}.")
    elif decision:
        now = f" The decision now: {DECISION_WORDS[decision].lower()}."
    return f"The last change to the case: {'; '.join(s.rstrip('.') for s in said)}.{now}"


def appeal_line(appeal: Appeal, decision: str) -> str:
    """The answer to "can I appeal?": the policy's route after a denial, quoted."""
    now = ("The check found it does not meet the criteria; what would make it qualify is "
           "listed with the decision. " if decision == "does_not_meet" else "")
    return (f"{now}This check denies nothing: an appeal follows the payer's denial. The "
            f"policy's route: {appeal.route} (\"{appeal.source.quote}\", "
            f"{appeal.source.clause}).")


def documents_lines(procedure: str, documents: list[DocumentLine]) -> list[str]:
    """The answer to "what do I need to send?": the policy's documentation list, each
    item with where this case stands, as in the packet."""
    return [f"The {procedure} policy's documentation list, with where this case stands:"] + [
        f"- {d.item}: {DOC_WORDS[d.status]} ({d.source.clause})" for d in documents]


AS_BEFORE = ("Interpretations relied on and next steps: unchanged, as shown with this "
             "decision before (the case file lists them).")


def build_reply(*, verdict: dict[str, Any] | None, previous: str | None = None,
                notices: list[str] | None = None, changes: list[str] | None = None,
                read: list[dict[str, Any]] | None = None,
                unread: list[dict[str, str]] | None = None,
                retrieved: list[dict[str, Any]] | None = None,
                retrieved_for: str | None = None, pending: list[str] | None = None,
                confirm: list[tuple[str, str]] | None = None, open_before: int | None = None,
                show_verdict: bool = True, help_text: str | None = None,
                requirements: Requirements | None = None,
                words: dict[str, str] | None = None) -> Reply:
    """This turn's reply: notices, corrections, what was read, retrieved clauses or
    requirements, the verdict (when this turn is about the case) and the questions."""
    if verdict is not None and show_verdict:
        reply = verdict_reply(verdict, previous=previous, pending=pending, confirm=confirm,
                              open_before=open_before, words=words)
    else:
        reply = Reply()
        if verdict is not None:  # a question answered mid-case: ask the open ones again
            asked = verdict_reply(verdict, pending=pending, confirm=confirm)
            reply.questions, reply.open_questions = asked.questions, asked.open_questions
    reply.notices = list(notices or [])
    reply.changes = list(changes or [])
    reply.read = [ReadFact.model_validate(r) for r in read or []]
    reply.unread = [Unread(**u) for u in unread or []]
    _said_for_a_question(reply)
    reply.retrieved = [RetrievedClause.model_validate(r) for r in retrieved or []]
    reply.retrieved_for = retrieved_for
    reply.requirements = requirements
    reply.help = help_text
    return reply


__all__ = ["DECISION_WORDS", "MAX_QUESTIONS_PER_TURN", "STATUS_ORDER", "STATUS_WORDS",
           "Fix", "Qualify", "Question", "ReadFact", "Reply", "Requirement",
           "RequirementSection", "Requirements", "RetrievedClause", "Row", "Summary",
           "AS_BEFORE", "appeal_line", "build_reply", "documents_lines", "fact_words", "held_line",
           "month_split_line", "validity_line",
           "last_change_line",
           "nothing_else_needed", "packet_line", "plural", "qualify_line", "summarise",
           "verdict_reply"]


def _said_for_a_question(reply: Reply) -> None:
    """Words left unread that one question asked now is about, said in that question once
    instead of beside it: a figure that fits only that question ("onset 05/2026 - 7 months"
    left "7 months" unread, then "How long has the patient had these symptoms?" was asked:
    outside tester 18 M10, D1), and an onset given as a month for it ("onset 05/2026").
    Nothing is read from them: the reader could not tell what they measure, or from which
    day, so the user says so."""
    from agent.reading.leftovers import MONTH_ONSET_WHY

    figures = _figure_pieces(reply)
    for question in reply.questions:
        said = figures.get(question.fact, [])
        months = [u for u in reply.unread if u.why == MONTH_ONSET_WHY and
                  _names_onset_of(question.fact, u.words)]
        if len(said) > 1 or len(months) > 1 or not (said or months):
            continue  # two pieces of one kind for one question: each said as before
        quoted = " and ".join(f'"{u.words}"' for u in months + said)
        how = "if that figure is it, reply with it alone" if said else \
            "that gives a month, not a day: say how many weeks, or since which day"
        question.hint = (f"{question.hint}; " if question.hint else "") + \
            f"you wrote {quoted}: {how}"
        reply.unread = [u for u in reply.unread if u not in said + months]


def _figure_pieces(reply: Reply) -> dict[str, list[Unread]]:
    """Unread words, by the one number question asked now their one figure fits."""
    from agent.reading.rules import fact_specs
    from agent.reading.values import compatible, quantities

    specs = fact_specs(None)
    fits: dict[str, list[Unread]] = {}
    for u in reply.unread:
        found = [q for q in quantities(u.words.lower()) if q.hi is None and q.unit]
        if u.why or len(found) != 1:
            continue
        asked = [q for q in reply.questions if q.type == "number" and q.fact in specs and
                 compatible(specs[q.fact], found[0]) is not None]
        if len(asked) == 1 and _figure_alone(u.words, found[0], asked[0].fact):
            fits.setdefault(asked[0].fact, []).append(u)
    return fits


_FILLER = frozenset(
    "about approx approximately around roughly nearly almost just some maybe probably i think "
    "guess ish or so total in all altogether x for of over the last past ago since like a "
    "an is was it its s".split())
"""Words that leave a figure's meaning to the question it answers ("about 7 months in
all", "x 7 months")."""


def _figure_alone(words: str, figure: Any, fact: str) -> bool:
    """``words`` are the figure and words that leave it to the question about ``fact``
    (hedges, "in all", the fact's own words): other words say what it measures ("ODI
    went from 50 to 34 over last 6 wks", "7/10 now" for a change in points), and the
    question on screen then invited a wrong answer (outside tester 20 C3)."""
    from agent.reading.rules import reading_rules
    from agent.reading.text import hits

    lower = words.lower()
    rest = lower[:figure.start] + " " + lower[figure.end:]
    rule = reading_rules(None).get(fact)
    for a, b in hits(rest, tuple(rule.phrases)) if rule else []:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    return all(w in _FILLER for w in re.findall(r"[a-z]+", rest))


def _names_onset_of(fact: str, words: str) -> bool:
    """``words`` name the thing ``fact`` dates from ("onset", "symptoms since")."""
    from agent.reading.rules import reading_rules
    from agent.reading.text import hits

    rule = reading_rules(None).get(fact)
    return rule is not None and bool(rule.onset) and bool(hits(words.lower(), rule.phrases))
