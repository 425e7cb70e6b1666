"""FHIR R4 Questionnaire / QuestionnaireResponse (Da Vinci DTR shapes) in and out."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from policies.checker import check
from policies.errors import FactError
from policies.fhir import (
    DTR_ORIGIN_URL,
    ORIGIN_URL,
    WORDS_URL,
    asked_facts,
    questionnaire,
    questionnaire_response,
    read_questionnaire_response,
)
from policies.library import load_policy, supported_cpts

ROOT = Path(__file__).parent.parent


def _worked_cases() -> list:
    params = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize("cpt", supported_cpts())
def test_questionnaire_has_one_typed_item_per_fact(cpt: str) -> None:
    policy = load_policy(cpt)
    data = questionnaire(policy)
    Questionnaire.model_validate(data)  # validates with the library's R4(B) models
    assert data["version"] == policy.version
    items = {i["linkId"]: i for i in data["item"]}
    assert list(items) == list(asked_facts(policy))
    expected_type = {"boolean": "boolean", "date": "date", "choice": "choice", "set": "choice"}
    for name, item in items.items():
        spec = policy.facts[name]
        assert item["text"] == spec.question
        assert item["type"] == expected_type.get(spec.type, item["type"])
        if spec.type == "number":
            assert item["type"] in ("decimal", "integer")
            units = [e for e in item["extension"] if e["url"].endswith("questionnaire-unit")]
            assert units[0]["valueCoding"]["display"] == spec.unit
        if spec.type in ("choice", "set"):
            codes = [o["valueCoding"]["code"] for o in item["answerOption"]]
            assert set(spec.choices or {}) <= set(codes)
            assert item.get("repeats", False) is (spec.type == "set")
        clauses = [c["code"] for c in item["code"]]
        assert clauses and all(c in policy.clauses for c in clauses)
        reading = [r.clauses[0] for r in policy.criteria.rules
                   if name in r.condition.facts() or (r.applies_if and name in
                                                      r.applies_if.facts())]
        assert set(clauses) == set(reading)


@pytest.mark.parametrize(("cpt", "case"), _worked_cases())
def test_round_trip_through_a_questionnaire_response_keeps_the_verdict(cpt: str,
                                                                      case: dict) -> None:
    policy = load_policy(cpt)
    as_of = date.fromisoformat(str(case["as_of"]))
    verdict = check(policy, case.get("facts") or {}, as_of)
    response = json.loads(json.dumps(questionnaire_response(policy, verdict)))
    QuestionnaireResponse.model_validate(response)
    facts, _entries, read_as_of, version = read_questionnaire_response(policy, response)
    assert read_as_of == as_of and version == policy.version
    again = check(policy, facts, read_as_of)
    assert again.model_dump() == verdict.model_dump()


def test_answers_carry_origin_and_words() -> None:
    policy = load_policy("64493")
    verdict = check(policy, {"pt_weeks": 14, "pain_nrs": 7, "hp_date": "never",
                             "active_infection": None}, date(2026, 11, 23))
    entries = {"pt_weeks": {"origin": "stated", "words": "PT x 14 wks"},
               "pain_nrs": {"origin": "confirmed", "words": "pretty bad, 7"}}
    response = questionnaire_response(policy, verdict, entries)
    items = {i["linkId"]: i for i in response["item"]}

    def ext(answer: dict, url: str) -> dict:
        return next(e for e in answer["extension"] if e["url"] == url)

    pt = items["pt_weeks"]["answer"][0]
    assert pt["valueDecimal"] == 14
    assert ext(pt, DTR_ORIGIN_URL)["extension"][0]["valueCode"] == "manual"
    assert ext(pt, ORIGIN_URL)["valueCode"] == "stated"
    assert ext(pt, WORDS_URL)["valueString"] == "PT x 14 wks"
    pain = items["pain_nrs"]["answer"][0]
    assert ext(pain, DTR_ORIGIN_URL)["extension"][0]["valueCode"] == "auto"
    # Asked but unknown, and never done: no answer, with the reason.
    assert "answer" not in items["active_infection"]
    assert ext(items["active_infection"], "http://hl7.org/fhir/StructureDefinition/"
               "data-absent-reason")["valueCode"] == "asked-unknown"
    assert ext(items["hp_date"], "http://hl7.org/fhir/StructureDefinition/"
               "data-absent-reason")["valueCode"] == "not-performed"
    _, read, _, _ = read_questionnaire_response(policy, response)
    assert read["pt_weeks"] == {"origin": "stated", "words": "PT x 14 wks",
                                "dtr_origin": "manual"}
    assert read["pain_nrs"]["origin"] == "confirmed"


def _base_response() -> dict:
    policy = load_policy("64493")
    verdict = check(policy, {"pt_weeks": 14, "pain_region": "low_back",
                             "severe_comorbidities": ["diabetes"]}, date(2026, 11, 23))
    return questionnaire_response(policy, verdict)


def _spoil(path: list, value: object) -> dict:
    data = copy.deepcopy(_base_response())
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


@pytest.mark.parametrize(("data", "says"), [
    (_spoil(["item", 0, "answer", 0, "valueDecimal"], "lots"),
     "item 'pt_weeks' (item[0].answer[0].valueDecimal)"),
    (_spoil(["item", 0, "answer", 0], {"valueBoolean": True}),
     "item 'pt_weeks': valueBoolean is not accepted for a number fact"),
    (_spoil(["item", 0, "answer", 0], {"valueDecimal": 900}),
     "item 'pt_weeks': 900 weeks is out of range"),
    (_spoil(["item", 0, "linkId"], "pt_wks"), "item 'pt_wks': not a question of the CPT 64493"),
    (_spoil(["item", 1, "answer", 0, "valueCoding", "code"], "hip"),
     "'hip' is not one of the accepted values"),
    (_spoil(["item", 1, "linkId"], KeyError), "item[1].linkId"),
    (_spoil(["questionnaire"], "urn:priorauth:questionnaire:71250|x"),
     "answers the questionnaire of CPT 71250, not 64493"),
])
def test_an_invalid_response_is_rejected_naming_the_item(data: dict, says: str) -> None:
    with pytest.raises(FactError) as err:
        read_questionnaire_response(load_policy("64493"), data)
    assert says in str(err.value) and "\n" not in str(err.value)


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "priorauth.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PRIORAUTH_DATA_DIR": str(data)})


def test_check_prints_and_reads_a_questionnaire_response(tmp_path: Path) -> None:
    out = _run("check", "--cpt", "64493", "--facts", "examples/64493-complete.yaml", "--fhir",
               data=tmp_path)
    assert out.returncode == 0, out.stderr
    response = json.loads(out.stdout)
    assert response["resourceType"] == "QuestionnaireResponse"
    assert response["status"] == "completed" and response["authored"] == "2026-11-23"
    (tmp_path / "qr.json").write_text(out.stdout)
    again = _run("check", "--cpt", "64493", "--facts", str(tmp_path / "qr.json"), "--json",
                 data=tmp_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["decision"] == "meets_criteria"
    bad = _spoil(["item", 0, "answer", 0, "valueDecimal"], -3)
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    rejected = _run("check", "--cpt", "64493", "--facts", str(tmp_path / "bad.json"),
                    data=tmp_path)
    assert rejected.returncode == 2
    assert rejected.stderr.startswith("priorauth: error: QuestionnaireResponse item 'pt_weeks'")
    assert len(rejected.stderr.strip().splitlines()) == 1


def test_check_text_fhir_marks_facts_as_read_from_the_users_words(tmp_path: Path) -> None:
    out = _run("check", "--cpt", "64493", "--text", "PT x 14 wks, pain 7/10", "--fhir",
               "--as-of", "2026-11-23", data=tmp_path)
    assert out.returncode == 0, out.stderr
    items = {i["linkId"]: i for i in json.loads(out.stdout)["item"]}
    answer = items["pt_weeks"]["answer"][0]
    origin = {e["url"]: e for e in answer["extension"]}
    assert origin[ORIGIN_URL]["valueCode"] == "stated"
    assert "14 wks" in origin[WORDS_URL]["valueString"]
    assert json.loads(out.stdout)["status"] == "in-progress"  # needs_info: not complete


def test_a_quantity_answer_converts_its_unit() -> None:
    policy = load_policy("64493")
    for quantity in ({"value": 3, "unit": "months"}, {"value": 3, "code": "mo",
                                                      "system": "http://unitsofmeasure.org"}):
        data = _spoil(["item", 0, "answer", 0], {"valueQuantity": quantity})
        facts, _, as_of, _ = read_questionnaire_response(policy, data)
        verdict = check(policy, facts, as_of)
        assert verdict.facts["pt_weeks"] == pytest.approx(13.0446, abs=1e-3)
    data = _spoil(["item", 0, "answer", 0], {"valueQuantity": {"value": 3, "unit": "kg"}})
    with pytest.raises(FactError, match="item 'pt_weeks': unit 'kg' is not accepted"):
        read_questionnaire_response(policy, data)


def test_packet_reads_a_questionnaire_response_too(tmp_path: Path) -> None:
    out = _run("check", "--cpt", "64493", "--text", "PT x 4 wks, pain 7/10", "--fhir",
               "--as-of", "2026-11-23", data=tmp_path)
    (tmp_path / "qr.json").write_text(out.stdout)
    made = _run("packet", "--cpt", "64493", "--facts", str(tmp_path / "qr.json"),
                "--out", str(tmp_path / "out"), data=tmp_path)
    assert made.returncode == 0, made.stderr
    packet = json.loads((tmp_path / "out" / "packet-64493-2026-11-23.json").read_text())
    words = {e["fact"]: (e["origin"], e["words"]) for e in packet["evidence"]}
    assert words["pt_weeks"][0] == "stated" and "4 wks" in words["pt_weeks"][1]
