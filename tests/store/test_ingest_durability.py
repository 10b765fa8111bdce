"""Re-ingest, resume, crash (kill -9) and concurrent writers, with real processes.

The corpus is written here (own sentences): provisional actors (names the KB does not
know) are learnt in later documents and could link into earlier ones, which is what used
to make a re-ingest change the store.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.batch import ingest_paths
from lagebild.store import Store

TEXTS = [
    "Gespräche in Berlin. 03.02.2025.\n\nDer Außenminister sprach am Montag in Berlin mit Marek Kowalczyk über die Lage in der Ukraine. Kowalczyk sagte, die Lage sei ernst. Die Regierung kritisierte Moskau scharf.",
    "Hilfe aus Warschau. 04.02.2025.\n\nDer polnische Vizeminister Marek Kowalczyk kündigte am Dienstag weitere Hilfe an. Kowalczyk sagte, Polen werde die Ukraine unterstützen. Auch Jorinde Quast von der Stiftung Ostbrücke lobte die Zusage.",
    "Kritik an Moskau. 05.02.2025.\n\nQuast warnte am Mittwoch vor neuen Angriffen. Die Stiftung Ostbrücke, deren Leiterin Jorinde Quast ist, forderte Sanktionen. Kowalczyk und Quast trafen sich in Warschau.",
    "Treffen in Prag. 06.02.2025.\n\nMarek Kowalczyk und Jorinde Quast reisten nach Prag. Dort trafen Kowalczyk und Quast den tschechischen Premier. Quast sagte, man werde die Gespräche fortsetzen.",
]
TABLES = ("documents", "actors", "document_actors", "mentions", "events", "statements", "forecasts")
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "LAGEBILD_LOCK_WAIT": "60"}


def corpus(folder: Path, n: int = len(TEXTS)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = TEXTS[i % len(TEXTS)]
        if i >= len(TEXTS):  # variants: another day, another number
            text = text.replace(".02.2025", f".{3 + i // len(TEXTS):02d}.2025") + f" Es war die {i}. Runde."
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(target: str, *, volatile: bool = True) -> dict:
    """Every row of every table, sorted; volatile=False drops the timestamps."""
    drop = set() if volatile else {"ingested_at", "first_seen"}
    with Store(target, read_only=True) as store:
        out = {}
        for table in TABLES:
            rows = store.query(f"SELECT * FROM {table}")
            out[table] = sorted(repr(sorted((k, str(v)) for k, v in r.items() if k not in drop)) for r in rows)
        return out


def integrity(target: str) -> None:
    """No orphan rows, no duplicates, every stored document complete."""
    with Store(target, read_only=True) as store:
        q = store.query
        for table in ("document_actors", "mentions", "events", "statements", "forecasts"):
            assert q(f"SELECT count(*) AS n FROM {table} t WHERE NOT EXISTS "
                     f"(SELECT 1 FROM documents d WHERE d.id = t.doc_id)")[0]["n"] == 0, f"orphans in {table}"
        assert q("SELECT count(*) AS n FROM (SELECT doc_id, actor_id, start_char, end_char FROM mentions "
                 "GROUP BY doc_id, actor_id, start_char, end_char HAVING count(*) > 1) x")[0]["n"] == 0
        assert q("SELECT count(*) AS n FROM (SELECT id FROM documents GROUP BY id HAVING count(*) > 1) x")[0]["n"] == 0
        for kind, table in (("n_events", "events"), ("n_statements", "statements"), ("n_forecasts", "forecasts"),
                            ("n_actors", "document_actors")):
            bad = q(f"SELECT d.id FROM documents d WHERE d.{kind} <> (SELECT count(*) FROM {table} t WHERE t.doc_id = d.id)")
            assert not bad, f"incomplete {table} for {bad}"
        assert q("SELECT count(*) AS n FROM document_actors da WHERE NOT EXISTS "
                 "(SELECT 1 FROM actors a WHERE a.id = da.actor_id)")[0]["n"] == 0


def test_reingest_unchanged_input_changes_no_table(store_target, tmp_path):
    folder = corpus(tmp_path / "in")
    with Store(store_target) as store:
        first = ingest_paths([folder], store)
    assert first.stored == len(TEXTS) and first.ok
    before = snapshot(store_target)
    assert any("prov:" in row for row in before["actors"])  # the corpus does exercise provisional actors
    files = sorted(folder.iterdir())
    for paths in ([folder], [files[0]], list(reversed(files)), [files[2], files[0], files[3], files[1]]):
        with Store(store_target) as store:
            again = ingest_paths(paths, store)
        assert (again.stored, again.updated, again.unchanged) == (0, 0, len(paths) if paths != [folder] else len(TEXTS)), paths
        assert snapshot(store_target) == before, paths
    integrity(store_target)


def test_old_behaviour_would_change_the_store(tmp_path):
    """The corpus is one where preloading every stored provisional actor (the old rule)
    changes earlier documents: the test above is not vacuous."""
    from lagebild.actors.provisional import clear_provisional, register_provisional
    from lagebild.ingest import read_paths
    from lagebild.pipeline import analyze_batch

    articles = list(read_paths([corpus(tmp_path / "in")]))
    clear_provisional()
    # learn=True: documents teach the later ones their provisional actors, as ingest does
    # (the API's default, learn=False, leaves the registry as it was)
    first = [d.to_dict() for d in analyze_batch(articles, learn=True)]
    register_provisional([])  # the registry now holds everything the corpus taught it
    second = [d.to_dict() for d in analyze_batch(articles, learn=True)]
    clear_provisional()
    assert first != second


class FakeStore:
    def __init__(self, seqs, actors):
        self._seqs, self._actors = seqs, actors

    def stored_seqs(self):
        return dict(self._seqs)

    def provisional_actors(self):
        return [dict(a) for a in self._actors]


def _item(doc_id):
    from lagebild.schemas import Article

    return Article(id=doc_id, text="x", source=doc_id)


def test_replay_registers_exactly_the_actors_stored_before_a_document():
    from lagebild.actors.provisional import clear_provisional, provisional_actors, register_provisional
    from lagebild.batch import _ProvisionalReplay

    actors = [{"id": f"prov:p{i}", "name": f"P{i} Name", "type": "PER", "first_seq": i} for i in (1, 2, 3)]
    replay = _ProvisionalReplay(FakeStore({"a": 1, "b": 2, "c": 3}, actors))
    ids = lambda: sorted(a.id for a in provisional_actors())  # noqa: E731
    # in stored order, one batch: the linker re-learns p1, p2 from a, b; nothing to cut
    assert replay.barrier(_item("a")) is None and replay.barrier(_item("b")) is None
    assert replay.barrier(_item("c")) is None and ids() == []
    register_provisional(actors)  # what the linker learns analysing a, b, c
    replay.batch_done()
    # a new document sees every stored actor
    action = replay.barrier(_item("new"))
    assert action is not None
    action()
    assert ids() == ["prov:p1", "prov:p2", "prov:p3"]
    clear_provisional()
    fresh = _ProvisionalReplay(FakeStore({"a": 1, "b": 2, "c": 3}, actors))
    fresh.barrier(_item("new"))()  # a resumed run: the stored documents were skipped
    assert ids() == ["prov:p1", "prov:p2", "prov:p3"]
    # then an old document again: the registry is rebuilt to what it saw the first time
    action = fresh.barrier(_item("b"))
    action()
    assert ids() == ["prov:p1"]
    clear_provisional()


def _ingest(args, target, **kw):
    # one analysis process: the reproducibility guarantees are those of the one-process path
    return subprocess.Popen([sys.executable, "-m", "lagebild", "ingest", *map(str, args), "--db", str(target), "-q", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, **kw)


def _count(target) -> int:
    try:
        with Store(target, read_only=True, wait=30) as store:
            return store.count()
    except Exception:  # noqa: BLE001 - not created yet
        return 0


# `lagebild ingest` in a child process that reports, on stdout, each transaction of the
# store as it begins ("@@begin") and after its COMMIT returned ("@@committed N": N
# documents in the file then). Only these lines are added; the CLI runs as usual.
REPORTING_INGEST = r"""
import sys
from lagebild.store.db import Store

_in_transaction = Store._in_transaction


def _reported(self, write):
    print("@@begin", flush=True)
    result = _in_transaction(self, write)
    n = self.backend.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"@@committed {n}", flush=True)
    return result


Store._in_transaction = _reported
from lagebild.cli import main

sys.argv = ["lagebild", *sys.argv[1:]]
main()
"""


def _reporting_ingest(args, target, workers):
    return subprocess.Popen([sys.executable, "-c", REPORTING_INGEST, "ingest", *map(str, args), "--db", str(target), "-q",
                             "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)


def _children(pid: int) -> list:
    pids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("workers,kills", [(1, 1), (1, 3), (2, 2)])
def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path, workers, kills):
    """kill -9 while a batch is written (after its BEGIN) or while the next is analysed
    (after a COMMIT), each time after the run's first commit, then --resume: every document whose commit was reported is in the
    file, no document is half stored, worker processes exit, and the final store equals
    an uninterrupted run's. The kill is timed by the writer's own reports, not by a
    clock: a reader cannot see the file while the writer holds it."""
    n = 40  # several batches (16 documents, or the first one alone with workers)
    folder = corpus(tmp_path / "in", n)
    reference = tmp_path / "reference.duckdb"
    proc = _ingest([folder], reference)
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    target = tmp_path / "killed.duckdb"
    rng = random.Random(kills)
    killed_mid_run = killed_in_transaction = 0
    for k in range(kills):
        if _count(target) >= n:
            break
        inside = k % 2 == 0  # alternately inside a transaction and between two
        proc = _reporting_ingest([folder, "--resume"], target, workers)
        committed, commits = _count(target), 0
        for line in proc.stdout:  # a kill after this run's first commit: it has stored something
            if line.startswith("@@committed"):
                committed, commits = int(line.split()[1]), commits + 1
                if not inside:
                    break
            elif line.startswith("@@begin") and inside and commits:
                break
        else:  # the run ended before the moment came (its last batch): not killed
            assert proc.wait(timeout=600) == 0, proc.stderr.read()
            break
        time.sleep(rng.uniform(0, 0.005) if inside else rng.uniform(0, 0.5))
        workers_before = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored = _count(target)
        assert stored >= committed, f"{committed} documents were committed, {stored} are stored"
        integrity(target)
        killed_mid_run += stored < n
        killed_in_transaction += inside and stored == committed  # the open batch was rolled back
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers_before) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers_before), "worker processes outlived the killed parent"
    assert killed_mid_run, "every kill landed after the last document was stored"
    assert killed_in_transaction, "no kill landed inside a transaction"
    proc = _ingest([folder, "--resume"], target)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert "skipped (already stored)" in out
    integrity(target)
    assert snapshot(str(target), volatile=False) == snapshot(str(reference), volatile=False)


def test_duckdb_locked_by_a_writer_is_one_clear_line(tmp_path):
    db = tmp_path / "x.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; con = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        env = {**ENV, "LAGEBILD_LOCK_WAIT": "0.5"}
        for args in (["documents"], ["ingest", str(corpus(tmp_path / "in", 1))]):
            proc = subprocess.run([sys.executable, "-m", "lagebild", *args, "--db", str(db)],
                                  capture_output=True, text=True, env=env, timeout=300)
            assert proc.returncode == 2, (args, proc.stderr)
            assert "Traceback" not in proc.stderr and "[E041]" in proc.stderr and "locked by another process" in proc.stderr
            assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_duckdb_read_and_second_ingest_during_an_ingest(tmp_path):
    """lagebild's writer holds the file only while committing: reads and a second ingest
    of the same files get in between, and the result is the same as one ingest."""
    folder = corpus(tmp_path / "in", 16)
    db = tmp_path / "x.duckdb"
    first = _ingest([folder], db)
    while _count(db) == 0 and first.poll() is None:
        time.sleep(0.05)
    second = _ingest([folder], db)
    reads = 0
    while first.poll() is None or second.poll() is None:
        proc = subprocess.run([sys.executable, "-m", "lagebild", "documents", "--db", str(db), "--format", "jsonl", "-n", "0"],
                              capture_output=True, text=True, env=ENV, timeout=300)
        assert proc.returncode == 0, proc.stderr
        reads += 1
    for proc in (first, second):
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert reads >= 1
    assert _count(db) == 16
    integrity(str(db))


def test_postgresql_three_concurrent_ingests_of_the_same_files(tmp_path, store_target):
    if not store_target.startswith("postgresql://"):
        pytest.skip("the PostgreSQL variant (DuckDB admits one writer at a time: see the test above)")
    folder = corpus(tmp_path / "in", 4)
    procs = [_ingest([folder], store_target) for _ in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "failed" not in err.lower(), err
    assert _count(store_target) == 4
    integrity(store_target)


def test_a_failing_save_is_reported_and_the_batch_goes_on(store_target, tmp_path, monkeypatch):
    folder = corpus(tmp_path / "in")
    rows, insert = Store._rows, Store._insert_rows
    victim = {}

    def spy(self, doc, data, text=None):
        if "Warschau" in (doc.title or ""):
            victim["id"] = doc.id
        return rows(self, doc, data, text)

    def flaky(self, table, table_rows, **kw):
        insert(self, table, table_rows, **kw)  # rows written, then the commit never comes
        if table != "actors" and any(r[0] == victim.get("id") for r in table_rows):
            raise RuntimeError("disk full")

    # both the batch write and, after it failed, the one-by-one writes fail on the victim
    monkeypatch.setattr(Store, "_rows", spy)
    monkeypatch.setattr(Store, "_insert_rows", flaky)
    with Store(store_target) as store:
        report = ingest_paths([folder], store)
    assert report.stored == len(TEXTS) - 1 and len(report.failures) == 1
    assert report.failures[0].reason.startswith("[E043]") and "disk full" in report.failures[0].reason
    with Store(store_target, read_only=True) as store:
        assert not store.has(victim["id"])
    integrity(store_target)


def test_database_refusing_a_document_rolls_back_only_it(store_target):
    """A real refusal: PostgreSQL text cannot hold NUL (DuckDB can)."""
    from lagebild.schemas import Document

    with Store(store_target) as store:
        bad = Document(id="nul", source="x", language="de", title="T", authors=[], published=None,
                       sections=[], captions=[], text="a\x00b")
        good = Document(id="ok", source="y", language="de", title="T", authors=[], published=None,
                        sections=[], captions=[], text="fine")
        if store.backend.name == "postgresql":
            with pytest.raises(Exception):
                store.save_document(bad)
            assert not store.has("nul")
        assert store.save_document(good) == "new" and store.has("ok")
