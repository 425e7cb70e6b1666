"""What the reader returns: the facts one message states, with the words they came from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from agent.unread import Unread  # (defined outside the reader: see agent/unread.py)

Origin = Literal["stated", "inferred", "confirmed"]


class FactReading(BaseModel):
    """One fact read from the user's words."""

    fact: str
    value: bool | float | int | str | list[str] | None
    """Raw value, as :func:`policies.facts.parse_value` accepts it; None = "not sure"."""
    words: str
    """The user's words it was read from."""
    origin: Origin = "stated"


class Understanding(BaseModel):
    """Everything one user message says that the agent acts on."""

    cpt: str | None = None
    """A supported procedure the message asks about (by code or by name)."""
    unknown_code: str | None = None
    """A five-digit code the library has no policy for."""
    cpt_words: str = ""
    """The words that named ``cpt`` ("97110", "physical therapy")."""
    cpt_how: str = ""
    """How ``cpt`` was named: ``code``, ``asked`` (by name, with a request) or ``named``
    (a name in a text that asks nothing of it: the choice is said, and easy to change);
    see :class:`agent.reading.requests.Named`."""
    cpt_others: list[list[str]] = Field(default_factory=list)
    """Other procedures a text with a ``named`` choice names too: ``[cpt, words]``."""
    facts: list[FactReading] = Field(default_factory=list)
    unread: list[Unread] = Field(default_factory=list)
    """Parts that looked like case details but could not be read."""
    asked_back: list[str] = Field(default_factory=list)
    """Facts whose words were seen but whose value is asked back ("X-rays in March":
    which date exactly?): the next reply may answer them even once the case is decided."""
    withdrawn: list[str] = Field(default_factory=list)
    """Stored facts the message takes back without a value to replace them ("actually
    the MRI was in March" where October is stored, "remove the nerve block"): no longer
    used, asked again."""
    others_said: list[str] = Field(default_factory=list)
    """What the user says of their last message was someone else's where no fact's words
    name it ("that was his wife - the prednisone taper was hers"): the stored answers whose
    evidence holds those words are set aside, not the whole message."""
    forget_last: bool = False
    """The user disowned their last message with case details ("the previous pasted text
    was for a different patient"): what was read from it is removed."""
    undo_last: bool = False
    """The user asked to undo their last answer ("undo that last answer"): what was read
    from their last message with case details is removed, as for ``forget_last``."""
    start_over: bool = False
    override: bool = False
    """The user asked to ignore the policy or approve anyway (has no effect)."""
    policy_question: str | None = None
    """A question about what a policy requires, to answer from its clauses."""
    asks_verdict: bool = False
    """The user asked whether the case qualifies."""
    notices: list[str] = Field(default_factory=list)

    @property
    def off_topic(self) -> bool:
        return not (self.cpt or self.unknown_code or self.facts or self.unread or
                    self.start_over or self.override or self.policy_question or
                    self.forget_last or self.undo_last or
                    self.asks_verdict)


