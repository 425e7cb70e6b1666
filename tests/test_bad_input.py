"""Bad input through the real command line: one line naming what was wrong and what is
accepted, exit 2, never "internal error", never a hang (issue 11)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from priorauth import cli

ROOT = Path(__file__).parent.parent
DATES = "accepted: a date YYYY-MM-DD (or MM/DD/YYYY) from 1900-01-01 to 2100-12-31"


def check(capsys: pytest.CaptureFixture, facts: Path, *extra: str) -> tuple[int, str, str]:
    code = cli.main(["check", "--cpt", "64493", "--facts", str(facts), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture, facts: Path, *extra: str) -> str:
    """The one error line (without the ``priorauth: error:`` prefix)."""
    code, out, err = check(capsys, facts, *extra)
    assert code == 2, (out, err)
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert "internal error" not in err and "Traceback" not in err
    assert err.startswith("priorauth: error: ")
    return err.strip().removeprefix("priorauth: error: ")


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(content: str | bytes, name: str = "case.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
        return path
    return _write


def test_an_impossible_date_in_the_file_is_named(capsys, write) -> None:
    path = write("as_of: 2026-02-30\nfacts:\n  pt_weeks: 14\n")
    assert refused(capsys, path) == f"--facts: {path}: as_of: '2026-02-30' is not a date; {DATES}"
    path = write("xray_date: 2026-02-30\n")
    assert "xray_date: '2026-02-30' is not a date" in refused(capsys, path)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_as_of_outside_the_accepted_range(capsys, write, day: str) -> None:
    path = write(f"as_of: {day}\nfacts:\n  pt_weeks: 14\n")
    assert refused(capsys, path) == f"--facts: {path}: as_of: '{day}' is out of range; {DATES}"
    ok = write("pt_weeks: 14\n", "ok.yaml")
    assert refused(capsys, ok, "--as-of", day) == f"--as-of: '{day}' is out of range; {DATES}"


def test_the_edges_of_the_range_are_accepted(capsys, write) -> None:
    ok = write("pt_weeks: 14\n")
    for day in ("1900-01-01", "2100-12-31"):
        code, out, _ = check(capsys, ok, "--as-of", day, "--json")
        assert code == 0 and json.loads(out)["as_of"] == day


def test_an_empty_as_of_is_refused_not_ignored(capsys, write) -> None:
    ok = write("pt_weeks: 14\n")
    assert refused(capsys, ok, "--as-of", "") == f"--as-of: empty; {DATES}"
    assert cli.main(["chat", "--as-of", ""]) == 2
    assert capsys.readouterr().err.strip() == f"priorauth: error: --as-of: empty; {DATES}"


def test_a_400_digit_integer_is_out_of_range(capsys, write) -> None:
    message = refused(capsys, write("pt_weeks: " + "9" * 400 + "\n"))
    assert message.startswith("pt_weeks: 9999999999") and "is out of range; accepted: a " \
        "number from 0 to 520 weeks" in message
    assert len(message) < 200  # the number is quoted, not printed in full
    message = refused(capsys, write('{"pt_weeks": ' + "9" * 400 + "}", "case.json"))
    assert "is out of range" in message


@pytest.mark.parametrize("text", [
    "pt_weeks: " + "[" * 5000 + "]" * 5000 + "\n",
    "[" * 100_000,
    '{"a": ' * 5000 + "1" + "}" * 5000,
])
def test_deep_nesting_is_refused(capsys, write, text: str) -> None:
    path = write(text)
    assert refused(capsys, path) == (f"--facts: {path}: nested more than 32 levels deep; "
                                     "accepted: at most 32 levels")


def test_policy_version_must_be_text(capsys, write) -> None:
    path = write("policy_version: {a: 1}\ndecision: needs_info\nfacts:\n  pt_weeks: 14\n")
    assert refused(capsys, path) == (f"--facts: {path}: policy_version: expected the text of "
                                     "a saved verdict's policy_version, got a dict")
    path = write("facts: [pt_weeks]\n")
    assert refused(capsys, path) == (f"--facts: {path}: facts: expected a mapping of fact name "
                                     "to value, got a list")


@pytest.mark.parametrize(("content", "name"), [
    ('{"pt_weeks": 1.4e1}', "case.json"),
    ('{"pt_weeks": 1.4e1}', "case.txt"),  # JSON by its first character
    ("pt_weeks: 1.4e1\n", "case.yaml"),  # YAML 1.2 reads exponents as numbers too
    ("pt_weeks: 14E0\n", "case.yaml"),
])
def test_exponent_numbers_are_numbers(capsys, write, content: str, name: str) -> None:
    code, out, err = check(capsys, write(content, name), "--as-of", "2026-11-23", "--json")
    assert code == 0, err
    assert json.loads(out)["facts"]["pt_weeks"] == 14.0


@pytest.mark.parametrize(("content", "name", "line"), [
    ("pt_weeks: 4\npain_nrs: 7\npt_weeks: 14\n", "case.yaml", " (line 3)"),
    ("facts:\n  pt_weeks: 4\n  pt_weeks: 14\n", "case.yaml", " (line 3)"),
    ('{"pt_weeks": 4, "pt_weeks": 14}', "case.json", ""),
    ('{"facts": {"pt_weeks": 4, "pt_weeks": 14}}', "case.json", ""),
])
def test_a_duplicate_key_is_refused_by_name(capsys, write, content: str, name: str,
                                            line: str) -> None:
    path = write(content, name)
    assert refused(capsys, path) == (f"--facts: {path}: key 'pt_weeks' appears more than once"
                                     f"{line}; accepted: each key once")


def test_yaml_aliases_are_refused(capsys, write) -> None:
    path = write("a: &x [1, 2]\nb: [*x, *x]\n")
    assert "YAML anchors and aliases (&name, *name) are not accepted" in refused(capsys, path)


@pytest.mark.parametrize("content", [
    "pt_weeks: -3\n",
    "pt_weeks: -3 months\n",
    "pt_weeks: {value: -3, unit: months}\n",
    '{"pt_weeks": -3}',
    "pt_courses_failed: -1\n",
])
def test_negative_durations_and_counts_are_refused(capsys, write, content: str) -> None:
    message = refused(capsys, write(content))
    assert "is out of range; accepted: a number from 0 to" in message


def test_text_with_a_negative_duration_is_not_read_as_met() -> None:
    """"PT for -3 months" must not meet the 12-week criterion (it did: 13 weeks)."""
    result = subprocess.run(
        [sys.executable, "-m", "priorauth.cli", "check", "--cpt", "64493", "--text",
         "PT for -3 months", "--as-of", "2026-11-23", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode == 0:
        verdict = json.loads(result.stdout)
        status = next(c["status"] for c in verdict["criteria"] if c["rule"] == "pt-12-weeks")
        assert status != "met", verdict["facts"]
    else:
        assert result.returncode == 2 and "internal error" not in result.stderr


# ------------------------------------------------------------------ unbounded reads

def run(*args: str) -> subprocess.CompletedProcess[str]:
    """A subprocess with a timeout: a hang fails the test instead of hanging the suite."""
    return subprocess.run([sys.executable, "-m", "priorauth.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


ACCEPTED_FILE = "accepted: a regular file of at most 256,000 bytes"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.fail(f"{device} is expected on a POSIX machine")
    result = run("check", "--cpt", "64493", "--facts", device)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"priorauth: error: --facts: {device}: is not a regular "
                                     f"file (a device, pipe or socket); {ACCEPTED_FILE}")


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "case.yaml"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would block forever
    result = run("check", "--cpt", "64493", "--facts", str(fifo))
    assert result.returncode == 2
    assert "is not a regular file (a device, pipe or socket)" in result.stderr


def test_a_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "case.yaml"
    with big.open("wb") as handle:  # sparse: 50 MB that cost nothing to write
        handle.truncate(50_000_000)
    result = run("check", "--cpt", "64493", "--facts", str(big))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"priorauth: error: --facts: {big}: is 50,000,000 bytes, "
                                     f"too large; {ACCEPTED_FILE}")


def test_a_folder_and_binary_content_are_refused(capsys, tmp_path: Path, write) -> None:
    assert refused(capsys, tmp_path) == f"--facts: {tmp_path}: is a folder; {ACCEPTED_FILE}"
    path = write(b"\xff\xfe\x00garbage")
    assert refused(capsys, path) == (f"--facts: {path}: not UTF-8 text; accepted: a UTF-8 YAML "
                                     "or JSON file")


def test_a_file_at_the_limit_is_read(capsys, write) -> None:
    from policies.datafile import MAX_BYTES

    text = "pt_weeks: 14\n"
    path = write(text + "#" * (MAX_BYTES - len(text) - 1) + "\n")
    assert path.stat().st_size == MAX_BYTES
    code, out, err = check(capsys, path, "--as-of", "2026-11-23", "--json")
    assert code == 0, err
    assert json.loads(out)["facts"]["pt_weeks"] == 14.0


# ------------------------------------------------------------ scripted dialogues

@pytest.mark.parametrize(("as_of", "message"), [
    ("2026-02-30", "as_of: Input should be a valid date or datetime, day value is outside "
                   "expected range"),
    ("0001-01-01", f"as_of: 0001-01-01 is out of range; {DATES}"),
])
def test_a_dialogue_with_an_impossible_date_is_one_line(capsys, write, as_of: str,
                                                        message: str) -> None:
    path = write(f"id: x\nas_of: {as_of}\nturns:\n  - user: does 64493 need PT?\n")
    assert cli.main(["eval", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"priorauth: error: {path}: {message}"


def test_a_dialogue_path_that_is_a_device_is_refused_unread(capsys) -> None:
    assert cli.main(["eval", "/dev/zero"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"priorauth: error: /dev/zero: is not a regular file (a device, pipe or socket); "
        f"{ACCEPTED_FILE}")


@pytest.mark.parametrize(("command", "flag"), [
    (["packet", "--cpt", "64493", "--facts", "FACTS"], "--as-of"),
    (["audit"], "--since"),
])
@pytest.mark.parametrize(("day", "problem"), [
    ("0001-01-01", "'0001-01-01' is out of range"), ("", "empty"),
    ("2026-02-30", "'2026-02-30' is not a date"),
])
def test_every_date_option_has_the_same_range(capsys, write, tmp_path: Path, monkeypatch,
                                              command: list[str], flag: str, day: str,
                                              problem: str) -> None:
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "data"))
    facts = str(write("pt_weeks: 14\n"))
    args = [facts if a == "FACTS" else a for a in command]
    out = ["--out", str(tmp_path)] if "packet" in args else []
    assert cli.main([*args, flag, day, *out]) == 2
    assert capsys.readouterr().err.strip() == f"priorauth: error: {flag}: {problem}; {DATES}"
