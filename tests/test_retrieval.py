"""Retrieval: index idempotence, search quality, filters, verbatim quotes, bad input."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import retrieval
from policies.errors import PriorAuthError
from policies.library import LIBRARY_DIR, REFERENCE_DIR
from policies.segment import segment
from retrieval import store
from retrieval.corpus import corpus_records, load_corpus
from retrieval.searcher import Searcher

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def memo_embeddings():
    """Load the model once and embed each distinct text once per test session."""
    from retrieval import embeddings

    real = embeddings.encode_minilm
    memo: dict[str, list[float]] = {}

    def encode(texts: list[str], batch_size: int = 64) -> list[list[float]]:
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        if todo:
            memo.update(zip(todo, real(todo, batch_size), strict=True))
        return [memo[t] for t in texts]

    embeddings.encode_minilm = encode
    yield
    embeddings.encode_minilm = real


@pytest.fixture(scope="session")
def session_data(tmp_path_factory: pytest.TempPathFactory, memo_embeddings):
    """The default library indexed once per session in a temp data dir."""
    old = {k: os.environ.get(k) for k in ("PRIORAUTH_DATA_DIR", "CHROMA_HOST", "CHROMA_PORT",
                                         "PRIORAUTH_EMBEDDINGS")}
    data = tmp_path_factory.mktemp("retrieval-data")
    os.environ["PRIORAUTH_DATA_DIR"] = str(data)
    for key in ("CHROMA_HOST", "CHROMA_PORT", "PRIORAUTH_EMBEDDINGS"):
        os.environ.pop(key, None)
    retrieval.reset()
    report = retrieval.index_library()
    assert report.changed
    yield data
    retrieval.reset()
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def data_dir(session_data, tmp_path, monkeypatch):
    """A fresh, empty data dir for one test (the model stays loaded)."""
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "data"))
    retrieval.reset()
    yield tmp_path / "data"
    retrieval.reset()
    os.environ["PRIORAUTH_DATA_DIR"] = str(session_data)


@pytest.fixture
def small_library(tmp_path) -> Path:
    """A writable copy of two policies."""
    lib = tmp_path / "library"
    lib.mkdir()
    for cpt in ("64493", "97110"):
        shutil.copytree(LIBRARY_DIR / cpt, lib / cpt)
    if (LIBRARY_DIR / "facts.yaml").exists():
        shutil.copy(LIBRARY_DIR / "facts.yaml", lib / "facts.yaml")
    return lib


def _ids_by_cpt() -> dict[str, set[str]]:
    client = store.get_client()
    state = store.read_state(client)
    got = store.open_collection(client, state).get(include=["metadatas"])
    out: dict[str, set[str]] = {}
    for rid, meta in zip(got["ids"], got["metadatas"], strict=True):
        out.setdefault(meta["cpt"], set()).add(rid)
    return out


# ------------------------------------------------------------------------- imports


def test_importing_retrieval_and_cli_does_not_load_the_model_or_chroma():
    code = ("import sys, policies, policies.library, retrieval, retrieval.searcher, "
            "retrieval.store, priorauth.cli_retrieval, priorauth.cli\n"
            "priorauth.cli.build_parser()\n"
            "heavy = [m for m in ('torch', 'chromadb', 'onnxruntime', 'tokenizers', 'bm25s') "
            "if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- index


def test_index_is_idempotent(data_dir, small_library):
    first = retrieval.index_library(small_library)
    assert first.changed and first.added > 0 and first.removed == 0
    second = retrieval.index_library(small_library)
    assert not second.changed
    assert (second.added, second.removed, second.unchanged) == (0, 0, first.added)
    assert "no changes" in second.summary()


def test_changed_policy_replaces_exactly_its_records(data_dir, small_library):
    retrieval.index_library(small_library)
    before = _ids_by_cpt()
    path = small_library / "97110" / "policy.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valid for 90 days", "valid for 60 days"), encoding="utf-8")
    report = retrieval.index_library(small_library)
    after = _ids_by_cpt()
    assert after["64493"] == before["64493"]
    assert report.changed and report.added == report.removed == len(before["97110"])
    assert not (after["97110"] & before["97110"])
    results = Searcher(small_library).search("how long is physical therapy authorization valid",
                                             cpt="97110", k=3)
    assert any("60 days" in r.quote for r in results)


def test_removed_policy_disappears(data_dir, small_library):
    retrieval.index_library(small_library)
    shutil.rmtree(small_library / "97110")
    report = retrieval.index_library(small_library)
    assert report.changed and report.added == 0 and report.removed > 0
    assert set(_ids_by_cpt()) == {"64493"}


def test_record_ids_derive_from_content():
    docs = load_corpus()
    assert [r.id for r in corpus_records(docs)] == [r.id for r in corpus_records(load_corpus())]
    assert len({r.id for r in corpus_records(docs)}) == sum(len(d.clauses) for d in docs)


def test_missing_index_is_built_on_first_search(data_dir):
    messages: list[str] = []
    results = Searcher(progress=messages.append).search("ESI pregnancy", k=1)
    assert results and results[0].clause == "62311.exclusion.2"
    assert any("building" in m for m in messages)


def _damage(chroma: Path) -> None:
    for f in chroma.rglob("*"):
        if f.is_file():
            f.write_bytes(b"this is not a database" * 10)


def test_a_damaged_index_is_repaired_by_the_command_the_message_names(data_dir, capsys):
    from priorauth.cli_retrieval import main

    assert main(["index"]) == 0
    retrieval.reset()
    _damage(data_dir / "chroma")
    capsys.readouterr()
    assert main(["search", "facet injection infection"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unreadable" in err and str(data_dir / "chroma") in err
    assert "run `priorauth index` to rebuild it" in err
    retrieval.reset()
    assert main(["index"]) == 0  # the command named, as named: no flag needed
    assert "index rebuilt" in capsys.readouterr().out
    retrieval.reset()
    assert main(["search", "facet injection infection", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["cpt"] == "64493"


def test_chat_names_the_command_that_repairs_a_damaged_index(data_dir):
    from datetime import date

    from agent.config import Settings
    from agent.session import Assistant

    retrieval.index_library()
    retrieval.reset()
    _damage(data_dir / "chroma")
    bot = Assistant(Settings(data_dir=data_dir.parent / "chat", understanding="offline"),
                    as_of=date(2026, 11, 23))
    try:
        # (a question a criterion answers is answered from the rules, no search: this one
        # names no criterion's fact, so it needs the index)
        turn = bot.send("damaged", "what does the facet injection policy say about sedation?")
    finally:
        bot.close()
    assert "run `priorauth index` to rebuild it" in turn.reply
    assert "--rebuild" not in turn.reply
    retrieval.reset()
    assert retrieval.index_library().changed
    assert retrieval.search("facet injection infection", k=1)


def test_old_schema_is_rebuilt(data_dir, small_library):
    retrieval.index_library(small_library)
    client = store.get_client()
    state = store.read_state(client)
    store._write_state(client, store.State(state.active, state.model, 1, state.fingerprint,
                                           state.records, state.policies))
    report = retrieval.index_library(small_library)
    assert report.changed and report.rebuilt


def test_models_are_never_mixed(data_dir, small_library, monkeypatch):
    retrieval.index_library(small_library)
    monkeypatch.setenv("PRIORAUTH_EMBEDDINGS", "openai")
    with pytest.raises(PriorAuthError, match="never mixed"):
        retrieval.index_library(small_library)
    with pytest.raises(PriorAuthError, match="built with all-MiniLM-L6-v2"):
        Searcher(small_library).search("facet injection")


def test_an_index_from_another_build_of_the_model_is_re_embedded_not_mixed(data_dir,
                                                                          small_library):
    from retrieval.embeddings import MINILM, MINILM_SHA256

    first = retrieval.index_library(small_library)
    client = store.get_client()
    state = store.read_state(client)
    assert state.embedder.endswith(f"sha256:{MINILM_SHA256}")
    assert client.get_collection(state.active).metadata["embedder"] == state.embedder
    # What an index made by the torch build looks like: same model name, no build recorded.
    store._write_state(client, store.State(state.active, MINILM, state.schema,
                                           state.fingerprint, state.records, state.policies))
    with pytest.raises(PriorAuthError, match="run `priorauth index`"):
        Searcher(small_library, auto_index=False).search("facet injection")
    messages: list[str] = []
    report = retrieval.index_library(small_library, progress=messages.append)
    assert report.changed and report.rebuilt
    assert (report.added, report.unchanged) == (first.added, 0)  # nothing copied over
    assert any("another build of all-MiniLM-L6-v2" in m for m in messages)
    assert store.read_state(store.get_client()).embedder == state.embedder
    assert not retrieval.index_library(small_library).changed
    assert Searcher(small_library).search("facet injection infection", k=1)


def test_reader_survives_a_concurrent_reindex(data_dir, small_library):
    retrieval.index_library(small_library)
    reader = Searcher(small_library)
    assert reader.search("facet injection pregnancy", k=1)
    path = small_library / "64493" / "policy.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("90 days", "45 days"),
                    encoding="utf-8")
    retrieval.index_library(small_library)  # drops the collection the reader holds
    results = reader.search("facet injection pregnancy", k=3)
    assert results and all(r.quote == r.quote.strip() for r in results)


# -------------------------------------------------------------------------- search

LABELLED = [
    ("how many weeks of PT does the patient need before a facet injection", "64493.coverage.1"),
    ("can a pregnant patient get an ESI", "62311.exclusion.2"),
    ("FEV1 below 80 percent predicted", "71250.coverage.5.2"),
    ("what pain score on the NRS justifies PT", "97110.coverage.5.1"),
    ("ct chest pnuemonia excluded", "71250.exclusion.1"),
    ("patient has a UTI, does that block the epidural", "62311.exclusion.1"),
]


@pytest.mark.parametrize(("question", "gold"), LABELLED)
def test_labelled_questions_find_their_clause(session_data, question, gold):
    results = retrieval.search(question, k=5)
    ids = [r.clause for r in results]
    assert any(c == gold or c.startswith(gold + ".") for c in ids), ids


def test_results_are_best_first_with_verbatim_quotes(session_data):
    sources = {d.cpt: d.source for d in load_corpus()}
    for question, _ in LABELLED:
        results = retrieval.search(question, k=8)
        scores = [r.score for r in results]
        assert scores == sorted(scores, reverse=True)
        for r in results:
            assert r.quote == sources[r.cpt][r.start:r.end]
            clause = {c.id: c for c in segment(r.cpt, sources[r.cpt])}[r.clause]
            assert r.quote == clause.text and r.title


@pytest.mark.parametrize(("question", "cpt"), [
    ("facet injection x-rays", "64493"), ("ESI imaging", "62311"),
    ("CT chest imaging", "71250"), ("PT imaging", "97110"), ("71250 pregnancy", "71250"),
    ("epidural injection x-ray", "62311"), ("facet injection after 6 weeks of PT", "64493"),
])
def test_queries_naming_a_procedure_are_routed_to_its_policy(session_data, question, cpt):
    results = retrieval.search(question, k=10)
    assert results and {r.cpt for r in results} == {cpt}


def test_cpt_and_section_filters(session_data):
    results = retrieval.search("pregnancy", cpt="97110", k=10)
    assert results and {r.cpt for r in results} == {"97110"}
    results = retrieval.search("infection", sections=["exclusion"], k=10)
    assert results and {r.clause.split(".")[1] for r in results} == {"exclusion"}
    assert len({r.cpt for r in results}) > 1
    both = retrieval.search("x-rays", cpt="64493", sections=["coverage", "documentation"], k=20)
    assert {r.clause.split(".")[1] for r in both} <= {"coverage", "documentation"}


def test_reference_article_is_never_returned(session_data):
    article = (REFERENCE_DIR / "71250-article.txt").read_text(encoding="utf-8")
    sources = {d.cpt: d.source for d in load_corpus()}
    for question in ["is 71250 an MRI code", "CPT 71250 billing reimbursement chest x-ray",
                     "esophagus heart imaging contrast agents", article[:300]]:
        for r in retrieval.search(question, k=20):
            assert r.cpt in sources
            assert r.quote == sources[r.cpt][r.start:r.end]
            assert r.quote not in article or len(r.quote) < 40
    assert all(r.metadata["authority"] == "policy" for r in corpus_records(load_corpus()))


@pytest.mark.parametrize("query", ["", "   \n\t ", "a" * 1_000_000, b"\xff\xfe\x00\x01",
                                   "what\x00is", 42, None])
def test_bad_queries_get_a_clear_error(session_data, query):
    with pytest.raises(PriorAuthError) as err:
        retrieval.search(query)
    assert "\n" not in str(err.value) and str(err.value)


def test_queries_without_words_return_nothing(session_data):
    assert retrieval.search("?!? ... ---") == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"cpt": "12345"}, "no policy for CPT"), ({"k": 0}, "k must be"),
    ({"sections": ["bogus"]}, "unknown section"),
])
def test_bad_arguments(session_data, kwargs, message):
    with pytest.raises(PriorAuthError, match=message):
        retrieval.search("facet injection", **kwargs)


# ----------------------------------------------------------------------------- CLI


def test_cli_search_json(session_data, capsys):
    from priorauth.cli_retrieval import main

    assert main(["search", "how many weeks of PT before a facet injection", "--json",
                 "--k", "3"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3
    assert all(set(row) == {"clause", "score", "quote", "cpt", "title"} for row in rows)
    assert rows[0]["cpt"] == "64493"


def test_cli_search_human_and_errors(session_data, capsys):
    from priorauth.cli_retrieval import main

    assert main(["search", "ESI pregnancy", "--cpt", "62311"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. 62311.") and "Pregnancy" in out
    assert main(["search", "  "]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty" in err


def test_cli_index_reports_no_change(session_data, capsys):
    from priorauth.cli_retrieval import main

    assert main(["index"]) == 0
    assert "no changes" in capsys.readouterr().out


# ------------------------------------------------------------------- Chroma server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chroma_exe() -> str | None:
    local = Path(sys.executable).parent / "chroma"
    return str(local) if local.exists() else shutil.which("chroma")


@pytest.fixture
def chroma_server(tmp_path):
    exe = _chroma_exe()
    if exe is None:
        pytest.skip("the chroma command is not installed")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host",
                             "127.0.0.1", "--port", str(port)], stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/v2/heartbeat"
                with urllib.request.urlopen(url, timeout=1) as reply:
                    json.load(reply)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log_text = (tmp_path / "chroma.log").read_text()
                    pytest.fail(f"chroma run did not start: {log_text}")
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_index_and_search_through_a_chroma_server(chroma_server, tmp_path, monkeypatch,
                                                   memo_embeddings):
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(chroma_server))
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "unused"))
    retrieval.reset()
    try:
        lib = tmp_path / "library"
        lib.mkdir()
        for cpt in ("62311", "71250"):
            shutil.copytree(LIBRARY_DIR / cpt, lib / cpt)
        report = retrieval.index_library(lib)
        assert report.changed and "Chroma server" in report.location
        assert not retrieval.index_library(lib).changed
        results = Searcher(lib).search("can a pregnant patient get an ESI", k=3)
        assert results[0].clause == "62311.exclusion.2"
        assert results[0].quote.startswith("**Pregnancy**")
        # Nothing was written to the embedded data dir.
        assert not (tmp_path / "unused" / "chroma").exists()
    finally:
        retrieval.reset()


INDEX_RUN = ("import sys\nfrom pathlib import Path\nimport retrieval\n"
             "report = retrieval.index_library(Path(sys.argv[1]), progress=lambda m: "
             "print(m, file=sys.stderr, flush=True))\nprint(report.summary())\n")


def _server_env(monkeypatch, port: int, tmp_path: Path) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(port))
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "unused"))
    retrieval.reset()


def _wait_for(check, what: str, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.2)


def test_two_index_runs_at_once_on_a_chroma_server_leave_one_whole_index(
        chroma_server, tmp_path, monkeypatch, small_library, memo_embeddings):
    """While one run holds the server's index lock the others wait, then each finds the
    index whole: one generation, exactly the library's records, no lock left behind."""
    _server_env(monkeypatch, chroma_server, tmp_path)
    try:
        client = store.get_client()
        held: list[str] = []
        with store._server_lock(client, held.append):
            runs = []
            for n in range(2):
                log = tmp_path / f"run{n}.log"
                runs.append((subprocess.Popen(
                    [sys.executable, "-c", INDEX_RUN, str(small_library)], cwd=ROOT,
                    stdout=subprocess.PIPE, stderr=log.open("w"), text=True), log))
            # Both are inside `priorauth index`, blocked on the lock this test holds.
            _wait_for(lambda: all("waiting for another `priorauth index`" in log.read_text()
                                  for _, log in runs), "both runs waiting for the lock")
        outputs = [proc.communicate(timeout=300)[0] for proc, _ in runs]
        assert [proc.returncode for proc, _ in runs] == [0, 0], \
            [log.read_text()[-1000:] for _, log in runs]
        assert sum("index rebuilt" in out for out in outputs) == 1  # the first built it
        assert sum("no changes" in out for out in outputs) == 1  # the second found it done

        state = store.read_state(client)
        names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
        assert [n for n in names if n.startswith(store.PREFIX)] == [state.active]
        assert store.LOCK not in names
        wanted = {r.id for r in corpus_records(load_corpus(small_library))}
        assert set(store.open_collection(client, state).get(include=[])["ids"]) == wanted
        results = Searcher(small_library).search("facet injection infection", k=1)
        assert results[0].cpt == "64493"
    finally:
        retrieval.reset()


def test_a_lock_left_by_a_dead_index_run_is_broken(chroma_server, tmp_path, monkeypatch,
                                                   small_library, memo_embeddings):
    _server_env(monkeypatch, chroma_server, tmp_path)
    monkeypatch.setattr(store, "LOCK_STALE_S", 1.0)
    try:
        client = store.get_client()
        client.create_collection(store.LOCK, metadata={"owner": "gone:123", "beat": 1.0})
        messages: list[str] = []
        report = retrieval.index_library(small_library, progress=messages.append)
        assert report.changed
        assert any("breaking the index lock of gone:123" in m for m in messages)
        names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
        assert store.LOCK not in names
    finally:
        retrieval.reset()


def _open_index_together(folders: list[str], barrier, results) -> None:
    """One of several processes that open the same new data dirs at the same moment."""
    from retrieval import store as child_store

    for folder in folders:
        os.environ["PRIORAUTH_DATA_DIR"] = folder
        child_store.reset_clients()
        barrier.wait()
        try:
            child_store.get_client()
            results.put("ok")
        except PriorAuthError as exc:
            results.put(str(exc))


def test_apps_started_together_on_a_new_data_dir_all_open_the_index(tmp_path):
    """Two web servers started at once on a new data dir: Chroma creates its tables on
    the first open, and without a lock one process failed with 'table collections
    already exists', reported as a damaged index (the web app then answered no policy
    question). Sixteen new data dirs, three processes opening each at the same moment."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    folders = [str(tmp_path / f"data{n}") for n in range(16)]
    barrier, results = context.Barrier(3), context.Queue()
    workers = [context.Process(target=_open_index_together, args=(folders, barrier, results))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in range(3 * len(folders))]
    for worker in workers:
        worker.join(timeout=60)
    assert [o for o in outcomes if o != "ok"] == []
