"""The Chroma side: client, the active collection, and idempotent index builds.

Layout inside Chroma:

* ``priorauth_state``: an empty collection whose metadata names the active clause
  collection, the embedding model and the exact build of it that made the vectors
  (``embedder``: for the local model, the ONNX file's sha256), the schema version and
  the library fingerprint. An index made by another build is re-embedded, never mixed.
* ``priorauth_clauses_<generation>``: one record per clause.

An index run that changes anything writes a *new* generation (unchanged records are
copied with their embeddings, only new or changed clauses are embedded), then flips
``priorauth_state`` to it and drops the old one. Readers therefore see either the old
or the new records, never a mix; a reader whose collection vanished under it re-reads
the state once.

One writer at a time: a file lock in the data dir (embedded), or on a Chroma server the
``priorauth_index_lock`` collection (see :func:`_server_lock`). A damaged index is
repaired by the next ``priorauth index``: it is derived data, rebuilt from the policies.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from policies.errors import PriorAuthError
from retrieval import config
from retrieval.corpus import SCHEMA_VERSION, PolicyDoc, corpus_records, library_fingerprint
from retrieval.embeddings import configured_model, embedding_function, encode, model_identity

STATE = "priorauth_state"
PREFIX = "priorauth_clauses_"
LOCK = "priorauth_index_lock"
LOCK_BEAT_S = 10.0
"""How often the holder of the server lock shows it is alive."""
LOCK_STALE_S = 120.0
"""A server lock whose heartbeat has not changed for this long (as seen by the waiting
run's own clock, so clock differences between machines do not matter) was left by a run
that died; it is broken."""

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# ------------------------------------------------------------------------- client

_clients: dict[tuple, Any] = {}


def _settings() -> Any:
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False, allow_reset=False)


def get_client() -> Any:
    """Embedded ``PersistentClient`` in the data dir, or ``HttpClient`` with CHROMA_HOST."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    server = config.chroma_server()
    key = ("http", *server) if server else ("dir", str(config.chroma_dir()))
    if key in _clients:
        return _clients[key]
    import chromadb

    from retrieval.embeddings import _ef_classes

    _ef_classes()  # register our embedding functions before any collection is opened
    if server:
        try:
            client = chromadb.HttpClient(host=server[0], port=server[1], settings=_settings())
            client.heartbeat()
        except Exception as exc:
            raise PriorAuthError(
                f"cannot reach the Chroma server at {server[0]}:{server[1]} "
                f"(CHROMA_HOST/CHROMA_PORT): {exc.__class__.__name__}") from None
    else:
        path = config.chroma_dir()
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PriorAuthError(
                f"cannot create the index directory {path}: {exc.strerror}; "
                "set PRIORAUTH_DATA_DIR to a writable directory") from None
        try:
            with _first_open_lock():
                client = chromadb.PersistentClient(path=str(path), settings=_settings())
                client.list_collections()
        except Exception as exc:
            raise CorruptIndex(path, exc) from None
    _clients[key] = client
    return client


@contextlib.contextmanager
def _first_open_lock() -> Iterator[None]:
    """One process at a time opens the embedded index. Chroma creates its tables on the
    first open, and two processes doing it at once (two servers started together on a
    new data dir) make one of them fail with "table collections already exists", which
    looked like a damaged index. A lock of its own, not the writer's: ``build_index``
    opens the client while it holds that one, and a second flock on it would wait for
    itself."""
    try:
        handle = (config.data_dir() / "index-open.lock").open("w")
    except OSError:  # a read-only data dir: opening says what is wrong, not the lock
        yield
        return
    with _held(handle):
        yield


@contextlib.contextmanager
def _held(handle: Any) -> Iterator[None]:
    """An exclusive flock on the open file ``handle`` while the block runs."""
    import fcntl

    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class CorruptIndex(PriorAuthError):
    def __init__(self, path: Any, exc: BaseException) -> None:
        detail = str(exc).splitlines()[0][:160] if str(exc) else exc.__class__.__name__
        super().__init__(f"the retrieval index in {path} is unreadable ({detail}); "
                         "run `priorauth index` to rebuild it from the policies")
        self.path = path


def reset_clients() -> None:
    """Forget cached clients (tests, and after deleting a corrupt directory)."""
    _clients.clear()
    with contextlib.suppress(Exception):
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()


def _wipe_embedded() -> None:
    reset_clients()
    path = config.chroma_dir()
    if path.exists():
        shutil.rmtree(path)


# -------------------------------------------------------------------------- state


@dataclass(frozen=True)
class State:
    active: str
    model: str
    schema: int
    fingerprint: str
    records: int
    policies: int
    embedder: str = ""
    """The exact model build that made the vectors (:func:`model_identity`)."""


def read_state(client: Any) -> State | None:
    from chromadb.errors import NotFoundError

    try:
        meta = client.get_collection(STATE).metadata or {}
    except NotFoundError:
        return None
    except ValueError:  # older chromadb raise ValueError for a missing collection
        return None
    if "active" not in meta:
        return None
    return State(active=str(meta["active"]), model=str(meta.get("model", "")),
                 schema=int(meta.get("schema", 0)), fingerprint=str(meta.get("fingerprint", "")),
                 records=int(meta.get("records", 0)), policies=int(meta.get("policies", 0)),
                 embedder=str(meta.get("embedder", "")))


def _write_state(client: Any, state: State) -> None:
    meta = {"active": state.active, "model": state.model, "schema": state.schema,
            "fingerprint": state.fingerprint, "records": state.records,
            "policies": state.policies, "embedder": state.embedder,
            "updated": time.strftime("%Y-%m-%dT%H:%M:%S")}
    collection = client.get_or_create_collection(STATE, metadata=meta)
    collection.modify(metadata=meta)


def open_collection(client: Any, state: State) -> Any:
    return client.get_collection(state.active, embedding_function=embedding_function(state.model))


# -------------------------------------------------------------------------- index


@dataclass(frozen=True)
class IndexReport:
    changed: bool
    added: int
    removed: int
    unchanged: int
    policies: int
    model: str
    location: str
    seconds: float
    rebuilt: bool = False

    def summary(self) -> str:
        if not self.changed:
            return (f"index is up to date: {self.unchanged} clauses from {self.policies} "
                    f"policies, no changes ({self.location})")
        verb = "rebuilt" if self.rebuilt else "updated"
        return (f"index {verb}: {self.added} added, {self.removed} removed, "
                f"{self.unchanged} unchanged; {self.policies} policies, model {self.model} "
                f"({self.location}, {self.seconds:.1f}s)")


@contextlib.contextmanager
def _writer_lock() -> Iterator[None]:
    """One index writer at a time per data dir (embedded mode)."""
    if config.chroma_server():
        yield
        return
    lock_path = config.data_dir() / "index.lock"
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("w")
    except OSError as exc:
        raise PriorAuthError(f"cannot write the index lock {lock_path}: {exc.strerror}; "
                             "set PRIORAUTH_DATA_DIR to a writable directory") from None
    with _held(handle):
        yield


def _lock_meta(client: Any) -> dict | None:
    from chromadb.errors import NotFoundError

    try:
        return dict(client.get_collection(LOCK).metadata or {})
    except NotFoundError:
        return None


@contextlib.contextmanager
def _server_lock(client: Any, progress: Progress) -> Iterator[None]:
    """One index writer at a time on a Chroma server.

    Chroma has no locks, but a collection name is unique on a server, so creating the
    ``priorauth_index_lock`` collection is an atomic test-and-set. While it holds the
    lock a run refreshes a heartbeat in the collection's metadata; a waiting run breaks
    a lock whose heartbeat stood still for :data:`LOCK_STALE_S` (its holder died).
    """
    from chromadb.errors import ChromaError

    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    seen: tuple[Any, float] | None = None  # (the holder's heartbeat, when we first saw it)
    told = False
    while True:
        try:
            lock = client.create_collection(LOCK, metadata={"owner": owner, "beat": time.time()})
            break
        except ChromaError as exc:
            if "exist" not in str(exc):
                raise
        meta = _lock_meta(client)
        if meta is None:
            continue  # released between our two calls
        beat = (meta.get("owner"), meta.get("beat"))
        if seen is None or seen[0] != beat:
            seen = (beat, time.monotonic())
        elif time.monotonic() - seen[1] > LOCK_STALE_S:
            progress(f"breaking the index lock of {meta.get('owner')}: no sign of life for "
                     f"{LOCK_STALE_S:.0f} s")
            if _lock_meta(client) == meta:
                with contextlib.suppress(Exception):
                    client.delete_collection(LOCK)
            seen = None
            continue
        if not told:
            progress(f"waiting for another `priorauth index` ({meta.get('owner')}) to finish "
                     "on the Chroma server")
            told = True
        time.sleep(0.5)
    stop = threading.Event()

    def heartbeat() -> None:
        while not stop.wait(LOCK_BEAT_S):
            with contextlib.suppress(Exception):
                lock.modify(metadata={"owner": owner, "beat": time.time()})

    beating = threading.Thread(target=heartbeat, name="index-lock-heartbeat", daemon=True)
    beating.start()
    try:
        yield
    finally:
        stop.set()
        beating.join()
        meta = _lock_meta(client)
        if meta is not None and meta.get("owner") == owner:
            with contextlib.suppress(Exception):
                client.delete_collection(LOCK)


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def build_index(docs: list[PolicyDoc], *, rebuild: bool = False,
                progress: Progress = _quiet) -> IndexReport:
    """Make the active collection hold exactly ``docs``' clause records."""
    started = time.perf_counter()
    model = configured_model()
    with _writer_lock():
        try:
            client = get_client()
        except CorruptIndex:
            # Derived data: the policies are the source, so repairing is rebuilding.
            progress(f"the index at {config.chroma_dir()} is unreadable; recreating it")
            _wipe_embedded()
            client = get_client()
            rebuild = True
        server = config.chroma_server() is not None
        with _server_lock(client, progress) if server else contextlib.nullcontext():
            try:
                return _build(client, docs, model, rebuild, progress, started)
            except PriorAuthError:
                raise
            except Exception as exc:
                if rebuild:
                    raise
                # Something in the old generation could not be read or copied.
                progress(f"the index could not be updated in place ({exc.__class__.__name__});"
                         " re-embedding everything")
                return _build(client, docs, model, True, progress, started)


def _build(client: Any, docs: list[PolicyDoc], model: str, rebuild: bool, progress: Progress,
           started: float) -> IndexReport:
    state = read_state(client)
    identity = model_identity(model)
    old = None
    if state is not None:
        if state.model != model and not rebuild:
            raise PriorAuthError(
                f"the index was built with {state.model} but {model} is configured "
                "(PRIORAUTH_EMBEDDINGS); models are never mixed: run `priorauth index "
                "--rebuild` to re-embed everything with the configured model")
        if state.schema != SCHEMA_VERSION:
            progress(f"index schema {state.schema} is out of date (now {SCHEMA_VERSION}); "
                     "rebuilding")
            rebuild = True
        elif state.model == model and state.embedder != identity and not rebuild:
            progress(f"the index was embedded by another build of {model} "
                     f"({state.embedder or 'not recorded'}); re-embedding everything")
            rebuild = True
        if not rebuild:
            try:
                old = open_collection(client, state)
            except Exception:
                progress("active collection is missing; rebuilding")
                old = None
    records = corpus_records(docs)
    wanted = {r.id: r for r in records}
    fingerprint = library_fingerprint(docs)
    existing: set[str] = set()
    if old is not None:
        existing = set(old.get(include=[])["ids"])
    location = config.describe_location()
    if old is not None and existing == set(wanted):
        if state is not None and state.fingerprint != fingerprint:
            _write_state(client, State(state.active, model, SCHEMA_VERSION, fingerprint,
                                       len(wanted), len(docs), identity))
        return IndexReport(False, 0, 0, len(existing), len(docs), model, location,
                           time.perf_counter() - started)

    keep = [rid for rid in wanted if rid in existing]
    fresh = [wanted[rid] for rid in wanted if rid not in existing]
    removed = len(existing - set(wanted))
    name = f"{PREFIX}{time.strftime('%Y%m%d%H%M%S')}_{uuid.uuid4().hex[:8]}"
    new = client.create_collection(
        name, embedding_function=embedding_function(model),
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"model": model, "embedder": identity, "schema": SCHEMA_VERSION,
                  "fingerprint": fingerprint})
    batch = max(1, min(1000, client.get_max_batch_size()))
    try:
        copied = 0
        for ids in _batches(keep, batch):
            got = old.get(ids=ids, include=["embeddings", "documents", "metadatas"])
            new.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                    metadatas=got["metadatas"])
            copied += len(ids)
        if keep:
            progress(f"kept {copied} unchanged clauses")
        done = 0
        embed_batch = 256
        for chunk in _batches(fresh, embed_batch):
            vectors = encode(model, [r.document for r in chunk])
            for part in _batches(list(range(len(chunk))), batch):
                new.add(ids=[chunk[i].id for i in part],
                        embeddings=[vectors[i] for i in part],
                        documents=[chunk[i].document for i in part],
                        metadatas=[chunk[i].metadata for i in part])
            done += len(chunk)
            progress(f"embedded {done}/{len(fresh)} clauses")
    except BaseException:
        with contextlib.suppress(Exception):
            client.delete_collection(name)
        raise
    _write_state(client, State(name, model, SCHEMA_VERSION, fingerprint, len(wanted), len(docs),
                               identity))
    for collection in client.list_collections():
        cname = collection if isinstance(collection, str) else collection.name
        if cname.startswith(PREFIX) and cname != name:
            with contextlib.suppress(Exception):
                client.delete_collection(cname)
    return IndexReport(True, len(fresh), removed, len(keep), len(docs), model, location,
                       time.perf_counter() - started, rebuilt=rebuild or old is None)
