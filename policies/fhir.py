"""A policy's facts as a FHIR R4 ``Questionnaire`` and a case as a ``QuestionnaireResponse``.

Shaped the way HL7 Da Vinci DTR exchanges documentation: one item per fact (linkId =
the fact name), each answer marked with where it came from (DTR's
``information-origin`` extension). Resources are built and validated with the
``fhir.resources`` models (its ``R4B`` package: Questionnaire and
QuestionnaireResponse have the same elements in R4 and R4B, and only R4 elements are
used). The library is imported inside the functions: it takes ~0.2 s to load and
``priorauth check`` without ``--fhir`` never needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from policies import facts as factlib
from policies.errors import FactError
from policies.library import Policy
from policies.model import FactSpec, Verdict

QUESTIONNAIRE_URL = "urn:priorauth:questionnaire:"
CLAUSE_SYSTEM = "urn:priorauth:clause"
CHOICE_SYSTEM = "urn:priorauth:fact:"
UNIT_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
MIN_URL = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_URL = "http://hl7.org/fhir/StructureDefinition/maxValue"
ABSENT_URL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
DTR_ORIGIN_URL = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin"
DTR_ORIGIN_SYSTEM = "http://hl7.org/fhir/us/davinci-dtr/CodeSystem/dtr-informationorigin-codes"
ORIGIN_URL = "urn:priorauth:fact-origin"
"""This product's own origin of an answer: stated, confirmed or entered."""
WORDS_URL = "urn:priorauth:fact-words"
"""The user's own words an answer was read from."""
NONE_CODE = "none"
"""The answer option that says a set fact holds none of its choices."""

# Canonical unit → UCUM code (curly braces: UCUM's annotations for counted things).
UCUM = {"weeks": "wk", "days": "d", "months": "mo", "years": "a", "C": "Cel", "F": "[degF]",
        "%": "%", "cells/μL": "/uL", "courses": "{courses}", "points": "{score}",
        "sets": "{sets}", "sessions/week": "{sessions}/wk"}
INTEGER_UNITS = frozenset({"courses", "sets"})
# This product's origin → DTR information-origin code. A fact stated in the user's
# words was entered by a person; one proposed from the words and confirmed was
# filled in by the system and accepted as is.
DTR_ORIGIN = {"stated": "manual", "entered": "manual", "confirmed": "auto"}
_ORIGIN_FROM_DTR = {"manual": "entered", "override": "entered", "auto": "confirmed",
                    "auto-client": "confirmed", "auto-server": "confirmed"}


def questionnaire_url(cpt: str) -> str:
    return f"{QUESTIONNAIRE_URL}{cpt}"


def asked_facts(policy: Policy) -> dict[str, list[str]]:
    """Fact → the clause ids of the rules reading it, in the order rules mention facts."""
    out: dict[str, list[str]] = {}
    for rule in policy.criteria.rules:
        names = rule.condition.facts()
        if rule.applies_if is not None:
            names += [f for f in rule.applies_if.facts() if f not in names]
        for name in names:
            clauses = out.setdefault(name, [])
            if rule.clauses[0] not in clauses:
                clauses.append(rule.clauses[0])
    return out


def _item_type(spec: FactSpec) -> str:
    if spec.type == "number":
        return "integer" if spec.unit in INTEGER_UNITS else "decimal"
    return {"boolean": "boolean", "date": "date", "choice": "choice", "set": "choice"}[spec.type]


def _number_json(spec: FactSpec, value: float) -> int | float:
    return int(value) if spec.unit in INTEGER_UNITS and float(value).is_integer() else value


def _item(policy: Policy, name: str, clauses: list[str]) -> dict[str, Any]:
    spec = policy.facts[name]
    item: dict[str, Any] = {
        "linkId": name, "text": spec.question, "type": _item_type(spec),
        "code": [{"system": CLAUSE_SYSTEM, "code": cid, "display": policy.clauses[cid].title}
                 for cid in clauses],
    }
    if spec.type == "number":
        kind = "valueInteger" if item["type"] == "integer" else "valueDecimal"
        item["extension"] = [
            {"url": UNIT_URL, "valueCoding": {"system": "http://unitsofmeasure.org",
                                              "code": UCUM.get(spec.unit or "", spec.unit),
                                              "display": spec.unit}},
            {"url": MIN_URL, kind: _number_json(spec, spec.min or 0)},
            {"url": MAX_URL, kind: _number_json(spec, spec.max or 0)},
        ]
    if spec.type in ("choice", "set"):
        options = [{"valueCoding": {"system": CHOICE_SYSTEM + name, "code": key,
                                    "display": label}}
                   for key, label in (spec.choices or {}).items()]
        if spec.type == "set":
            item["repeats"] = True
            options.append({"valueCoding": {"system": CHOICE_SYSTEM + name, "code": NONE_CODE,
                                            "display": "None of these"}})
        item["answerOption"] = options
    return item


def questionnaire(policy: Policy) -> dict[str, Any]:
    """The policy's facts as an R4 ``Questionnaire`` (validated), JSON-plain."""
    from fhir.resources.R4B.questionnaire import Questionnaire

    data = {
        "resourceType": "Questionnaire",
        "url": questionnaire_url(policy.cpt),
        "version": policy.version,
        "name": f"PriorAuth{policy.cpt}",
        "title": f"Prior-authorization criteria: {policy.procedure} (CPT {policy.cpt})",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "One question per fact the policy's criteria read; each item's code "
                       "lists the policy clauses it serves.",
        "code": [{"system": "http://www.ama-assn.org/go/cpt", "code": policy.cpt,
                  "display": policy.procedure}],
        "item": [_item(policy, name, clauses)
                 for name, clauses in asked_facts(policy).items()],
    }
    return Questionnaire.model_validate(data).model_dump(mode="json", exclude_none=True)


# ------------------------------------------------------------------ response


def _answers(spec: FactSpec, name: str, value: object) -> list[dict[str, Any]]:
    if spec.type == "boolean":
        return [{"valueBoolean": bool(value)}]
    if spec.type == "number":
        number = _number_json(spec, float(value))  # type: ignore[arg-type]
        return [{"valueInteger" if isinstance(number, int) else "valueDecimal": number}]
    if spec.type == "date":
        return [{"valueDate": str(value)}]
    labels = spec.choices or {}
    codes = [value] if spec.type == "choice" else (list(value) or [NONE_CODE])  # type: ignore[call-overload]
    return [{"valueCoding": {"system": CHOICE_SYSTEM + name, "code": code,
                             "display": labels.get(code, "None of these")}} for code in codes]


def _origin_extensions(entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    origin = entry.get("origin") or "entered"
    dtr = entry.get("dtr_origin") or DTR_ORIGIN.get(origin, "manual")
    ext = [{"url": DTR_ORIGIN_URL, "extension": [{"url": "source", "valueCode": dtr}]},
           {"url": ORIGIN_URL, "valueCode": origin}]
    if entry.get("words"):
        ext.append({"url": WORDS_URL, "valueString": str(entry["words"])})
    return ext


def questionnaire_response(policy: Policy, verdict: Verdict,
                           facts: Mapping[str, Mapping[str, Any]] | None = None
                           ) -> dict[str, Any]:
    """The case as an R4 ``QuestionnaireResponse``: the facts the verdict was made on.

    ``facts`` maps fact name to ``{"origin", "words"}`` (the conversation's entries);
    facts not in it count as entered. ``authored`` is the date the policy was applied
    on. A fact asked but unknown is an item without an answer marked
    ``asked-unknown``; a test or visit that never happened is ``not-performed``.
    """
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    facts = facts or {}
    items = []
    for name in asked_facts(policy):
        if name not in verdict.facts:
            continue
        spec, value = policy.facts[name], verdict.facts[name]
        item: dict[str, Any] = {"linkId": name, "text": spec.question}
        entry = facts.get(name, {})
        if value is None or value == factlib.NEVER:
            reason = "asked-unknown" if value is None else "not-performed"
            item["extension"] = [{"url": ABSENT_URL, "valueCode": reason},
                                 *_origin_extensions(entry)]
        else:
            item["answer"] = [{**answer, "extension": _origin_extensions(entry)}
                              for answer in _answers(spec, name, value)]
        items.append(item)
    data = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{questionnaire_url(policy.cpt)}|{policy.version}",
        "status": "in-progress" if verdict.decision == "needs_info" else "completed",
        "authored": verdict.as_of.isoformat(),
        "item": items,
    }
    return QuestionnaireResponse.model_validate(data).model_dump(mode="json",
                                                                 exclude_none=True)


# ------------------------------------------------------------------- reading


def is_questionnaire_response(data: object) -> bool:
    return isinstance(data, dict) and data.get("resourceType") == "QuestionnaireResponse"


def _item_name(data: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    """``item[0].answer[1].valueDecimal`` with the item's linkId when it has one."""
    node: Any = data
    link = None
    path = []
    for part in loc:
        path.append(f"[{part}]" if isinstance(part, int) else f".{part}")
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(node, dict) and "linkId" in node and isinstance(part, int):
            link = node["linkId"]
    where = "".join(path).lstrip(".")
    return f"item {link!r} ({where})" if link is not None else where or "(top level)"


def _validate(data: dict[str, Any]) -> Any:
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
    from pydantic import ValidationError

    try:
        return QuestionnaireResponse.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        msg = first["msg"].removeprefix("Value error, ")
        raise FactError(f"QuestionnaireResponse {_item_name(data, tuple(first['loc']))}: "
                        f"{msg}") from None


def _flatten(items: list[Any] | None) -> list[Any]:
    out: list[Any] = []
    for item in items or []:
        out.append(item)
        out += _flatten(item.item)
        for answer in item.answer or []:
            out += _flatten(answer.item)
    return out


_ACCEPTED = {"boolean": "valueBoolean", "number": "valueDecimal, valueInteger or valueQuantity",
             "date": "valueDate (or no answer with data-absent-reason not-performed)",
             "choice": "valueCoding", "set": "valueCoding (one per choice; 'none' for none)"}


def _answer_value(spec: FactSpec, name: str, answer: Any) -> object:
    if spec.type == "boolean" and answer.valueBoolean is not None:
        return answer.valueBoolean
    if spec.type == "number":
        if answer.valueDecimal is not None:
            return float(answer.valueDecimal)
        if answer.valueInteger is not None:
            return float(answer.valueInteger)
        if answer.valueQuantity is not None and answer.valueQuantity.value is not None:
            qty = answer.valueQuantity
            unit = qty.unit or qty.code
            ucum = {v: k for k, v in UCUM.items()}
            return {"value": float(qty.value), "unit": ucum.get(unit or "", unit)}
    if spec.type == "date" and (answer.valueDate is not None or answer.valueDateTime is not None):
        day = answer.valueDate or answer.valueDateTime
        return day.date() if isinstance(day, datetime) else day
    if spec.type in ("choice", "set"):
        if answer.valueCoding is not None and answer.valueCoding.code:
            return answer.valueCoding.code
        if answer.valueString is not None:
            return answer.valueString
    given = next((k for k, v in answer.model_dump(exclude_none=True).items()
                  if k.startswith("value")), "no value")
    raise FactError(f"QuestionnaireResponse item {name!r}: {given} is not accepted for a "
                    f"{spec.type} fact; accepted: {_ACCEPTED[spec.type]}")


def _extension(extensions: list[Any] | None, url: str) -> Any:
    return next((e for e in extensions or [] if e.url == url), None)


def _origin(answer_or_item: Any) -> tuple[str, str | None, str]:
    """(this product's origin, DTR code, words) from an answer's or item's extensions."""
    ext = answer_or_item.extension
    own = _extension(ext, ORIGIN_URL)
    dtr_ext = _extension(ext, DTR_ORIGIN_URL)
    dtr = None
    if dtr_ext is not None:
        source = _extension(dtr_ext.extension, "source")
        dtr = source.valueCode if source is not None else None
    words = _extension(ext, WORDS_URL)
    origin = own.valueCode if own is not None and own.valueCode in ("stated", "confirmed",
                                                                      "entered") \
        else _ORIGIN_FROM_DTR.get(dtr or "", "entered")
    return origin, dtr, words.valueString if words is not None else ""


def read_questionnaire_response(policy: Policy, data: dict[str, Any]
                                ) -> tuple[dict[str, object], dict[str, dict[str, Any]],
                                           date | None, str | None]:
    """(raw facts, origin entries, as_of, policy version) from a QuestionnaireResponse.

    Raw values still go through the checker's validation (ranges, dates after as_of);
    a fact name there is the item's linkId, so every error names the item.
    """
    resource = _validate(data)
    version = None
    if resource.questionnaire:
        url, _, version = str(resource.questionnaire).partition("|")
        if url.startswith(QUESTIONNAIRE_URL) and url != questionnaire_url(policy.cpt):
            raise FactError(f"QuestionnaireResponse: answers the questionnaire of CPT "
                            f"{url.removeprefix(QUESTIONNAIRE_URL)}, not {policy.cpt}")
    wanted = asked_facts(policy)
    as_of = resource.authored
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    raw: dict[str, object] = {}
    entries: dict[str, dict[str, Any]] = {}
    for item in _flatten(resource.item):
        name = item.linkId
        if not item.answer and item.item:
            continue  # a group
        if name not in wanted:
            raise FactError(f"QuestionnaireResponse item {name!r}: not a question of the "
                            f"CPT {policy.cpt} questionnaire; accepted linkIds: "
                            f"{', '.join(wanted)}")
        spec = policy.facts[name]
        answers = item.answer or []
        if len(answers) > 1 and spec.type != "set":
            raise FactError(f"QuestionnaireResponse item {name!r}: {len(answers)} answers; "
                            "accepted: one (only set facts repeat)")
        if not answers:
            absent = _extension(item.extension, ABSENT_URL)
            never = absent is not None and absent.valueCode == "not-performed"
            raw[name] = factlib.NEVER if never and spec.type == "date" else None
            origin, dtr, words = _origin(item)
        else:
            values = [_answer_value(spec, name, a) for a in answers]
            if spec.type == "set":
                raw[name] = [v for v in values if v != NONE_CODE]
            else:
                raw[name] = values[0]
            origin, dtr, words = _origin(answers[0])
        try:  # ranges and units now, so the error names the item
            factlib.parse_value(name, spec, raw[name], as_of or date.max)
        except FactError as err:
            raise FactError(f"QuestionnaireResponse item {name!r}: "
                            f"{str(err).removeprefix(name + ': ')}") from None
        entries[name] = {"origin": origin, "words": words, **({"dtr_origin": dtr} if dtr else {})}
    return raw, entries, as_of, version or None
