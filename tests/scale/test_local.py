"""Parallel ingest on one machine: worker processes, input order, isolation of bad
documents and of crashing workers, Ctrl-C, kill -9."""
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lagebild.actors.provisional import freeze_provisional
from lagebild.batch import analyze_items
from lagebild.ingest.readers import IngestFailure, iter_items
from lagebild.scale.local import CHUNK, analyze_parallel, choose_workers, count_documents, ingest_parallel
from lagebild.store import Store

REPO = Path(__file__).resolve().parents[2]

SENTENCES = [
    "Die Regierung in Berlin kritisierte am Montag die Pläne Moskaus.",
    "Russland hat am Dienstag die Ukraine angegriffen.",
    "Frankreich und Deutschland vereinbarten in Paris eine engere Zusammenarbeit.",
    "Die EU verhängte neue Sanktionen gegen den Iran.",
    "US-Präsident Trump drohte China mit höheren Zöllen.",
]


def _corpus(folder: Path, n: int, *, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"Meldung {i}. 0{1 + i % 9}.04.2025.\n\n{SENTENCES[i % len(SENTENCES)]} Das teilte die Agentur {i} mit.",
            encoding="utf-8",
        )
    if bad:
        (folder / "005_empty.txt").write_text("", encoding="utf-8")
        (folder / "007_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def _key(result):
    return ("fail", result.source) if isinstance(result, IngestFailure) else ("doc", result.to_dict())


def test_parallel_results_equal_in_process_results_in_input_order(tmp_path):
    folder = _corpus(tmp_path / "in", 3 * CHUNK)
    with freeze_provisional():
        expected = [(str(p), _key(r)) for p, r in analyze_items(iter_items([folder]))]
    got = [(str(p), _key(r)) for p, r in analyze_parallel(iter_items([folder]), workers=2)]
    assert got == expected
    assert sum(1 for _, (kind, _) in got if kind == "fail") == 2  # empty and binary: isolated


CRASHY = textwrap.dedent('''
    import os
    from spacy.language import Language

    @Language.component("test_crashy")
    def crashy(doc):
        if "BOOM" in doc.text:
            raise ValueError("exploded")
        if "CRASH" in doc.text:
            os._exit(3)  # a segfault or the OOM killer, as the parent sees it
        return doc

    def setup():
        import lagebild
        nlp = lagebild.load("de")
        if "test_crashy" not in nlp.pipe_names:
            nlp.add_pipe("test_crashy", first=True)
''')


@pytest.mark.slow
def test_parallel_isolates_raising_documents_and_dying_workers(tmp_path, monkeypatch):
    (tmp_path / "crashy_setup.py").write_text(CRASHY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # spawned workers get the parent's sys.path
    folder = _corpus(tmp_path / "in", 12, bad=False)
    (folder / "003.txt").write_text("Meldung. 01.04.2025.\n\nDie Regierung sagte BOOM.", encoding="utf-8")
    (folder / "009.txt").write_text("Meldung. 01.04.2025.\n\nDie Regierung sagte CRASH.", encoding="utf-8")
    results = list(analyze_parallel(iter_items([folder]), workers=2, language="de", setup="crashy_setup:setup"))
    names = [Path(str(p)).name for p, _ in results]
    assert names == sorted(names)  # input order
    failed = {Path(str(p)).name: r.reason for p, r in results if isinstance(r, IngestFailure)}
    assert set(failed) == {"003.txt", "009.txt"}
    assert "exploded" in failed["003.txt"] and "worker process died" in failed["009.txt"]
    assert sum(1 for _, r in results if not isinstance(r, IngestFailure)) == 10


NAMES = ["Vitaly Portnikov", "Irmgard Griss", "Martha Oberndorfer", "Reinhold Kofler"]


def _name_corpus(folder: Path, n: int) -> Path:
    """Documents that introduce made-up people (provisional actors) and mention them again
    later, so that what one document teaches the linker changes later documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        surname = name.split()[-1]
        text = (f"Meldung {i}. 0{1 + i % 9}.04.2025.\n\n{name} kritisierte am Montag die Regierung in Berlin. "
                if i < len(NAMES) else f"Meldung {i}. 0{1 + i % 9}.04.2025.\n\nAuch {name} traf sich in Wien mit {surname}s Beratern. ")
        (folder / f"{i:03d}.txt").write_text(text + SENTENCES[i % len(SENTENCES)], encoding="utf-8")
    return folder


def _dump(store):
    return (
        [(r["seq"], r["id"], r["data"]) for r in store.query("SELECT seq, id, data FROM documents ORDER BY seq")],
        store.query("SELECT * EXCLUDE (first_seen) FROM actors ORDER BY id"),
        store.query("SELECT * FROM events ORDER BY doc_id, idx"),
    )


def _one_process(folder: Path, db: Path):
    from lagebild.batch import ingest_paths

    with Store(db) as one:
        ingest_paths([folder], one)
        return _dump(one)


PIDS = textwrap.dedent('''
    import os
    from pathlib import Path

    def setup():
        (Path(os.environ["LAGEBILD_TEST_PIDS"]) / str(os.getpid())).touch()
''')


def test_parallel_ingest_stores_exactly_what_one_process_stores(tmp_path, monkeypatch):
    """Provisional actors learnt from earlier documents reach later ones in both paths
    alike: documents sent ahead with an outdated registry are analysed again -- in the
    pool's own worker processes (no extra process, no extra pipeline load)."""
    (tmp_path / "pid_setup.py").write_text(PIDS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    pids = tmp_path / "pids"
    pids.mkdir()
    monkeypatch.setenv("LAGEBILD_TEST_PIDS", str(pids))
    folder = _name_corpus(tmp_path / "in", 2 * CHUNK)
    expected = _one_process(folder, tmp_path / "one.duckdb")
    assert any(a["id"] == "prov:vitaly_portnikov" for a in expected[1])
    with Store(tmp_path / "two.duckdb") as two:
        report = ingest_parallel([folder], two, workers=2, chunk=2, setup="pid_setup:setup")
        assert report.ok and report.stored == 2 * CHUNK
        assert report.redone > 0  # the names learnt from the first documents reach later ones
        assert _dump(two) == expected
    assert len(list(pids.iterdir())) == 2  # the two workers analysed everything, again included


@pytest.mark.slow
def test_parallel_reingest_and_resume_change_nothing(tmp_path):
    folder = _name_corpus(tmp_path / "in", 3 * CHUNK)
    expected = _one_process(folder, tmp_path / "one.duckdb")
    with Store(tmp_path / "two.duckdb") as two:
        ingest_parallel([folder], two, workers=2)
        assert _dump(two) == expected
        again = ingest_parallel([folder], two, workers=2)
        assert (again.stored, again.updated, again.unchanged) == (0, 0, 3 * CHUNK)
        assert _dump(two) == expected
        resumed = ingest_parallel([folder], two, workers=2, resume=True)
        assert resumed.skipped == 3 * CHUNK and _dump(two) == expected


def test_parallel_ctrl_c_commits_what_was_analysed(tmp_path):
    folder = _corpus(tmp_path / "in", 2 * CHUNK, bad=False)
    seen = []

    def on_item(path, result):
        seen.append(result)
        if len(seen) == 5:
            raise KeyboardInterrupt

    with Store(tmp_path / "db.duckdb") as store:
        report = ingest_parallel([folder], store, workers=2, commit_every=2, on_item=on_item)
        assert report.interrupted
        # the first document is committed alone, then every commit_every together, each
        # batch before it is reported: batches 1 | 2 3 | 4 5, so Ctrl-C while the 5th is
        # reported keeps its batch and nothing after it
        assert store.count() == 5 == report.stored
        assert {d.id for d in seen} <= {r["id"] for r in store.documents()}


def test_workers_that_cannot_start_are_an_error_not_a_loop(tmp_path):
    folder = _corpus(tmp_path / "in", 3, bad=False)
    with pytest.raises(RuntimeError, match="in a row"):
        list(analyze_parallel(iter_items([folder]), workers=1, setup="no_such_module_xyz:setup"))


def test_choose_and_count(tmp_path):
    folder = _corpus(tmp_path / "in", 3, bad=False)
    (folder / "x.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    files = sorted(folder.iterdir())
    assert count_documents(files) == 5
    assert choose_workers(3, 1) == 3  # asked for
    assert choose_workers(0, 5) == 1  # too few documents to pay for worker start-up
    assert choose_workers(0, None) >= 1


def _running(pid: str) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.slow  # three pools and a restart: ~1-2 min on 2 cores
def test_exact_ingest_isolates_a_crashing_document(tmp_path, monkeypatch):
    """A document that kills its worker breaks the pool; the pool is started again and
    that chunk analysed one document at a time, alone in the pool, where it kills a
    worker again: only it fails, and every other document is stored as one process
    stores it."""
    (tmp_path / "crashy_setup.py").write_text(CRASHY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    folder = _name_corpus(tmp_path / "in", 2 * CHUNK)
    expected = _one_process(folder, tmp_path / "one.duckdb")
    (folder / "00a_crash.txt").write_text("Meldung. 01.04.2025.\n\nDie Regierung sagte CRASH.", encoding="utf-8")
    with Store(tmp_path / "two.duckdb") as two:
        report = ingest_parallel([folder], two, workers=2, setup="crashy_setup:setup")
        assert [Path(f.source).name for f in report.failures] == ["00a_crash.txt"]
        assert "worker process died" in report.failures[0].reason
        assert report.stored == 2 * CHUNK and _dump(two) == expected


class _FakePool:
    """Stands in for the worker pool of ExactParallelIngest: ``refuses`` -- submit raises
    BrokenProcessPool (the executor already knows a worker died); ``fails`` -- submit is
    accepted and the future then fails with it (the death is noticed after the submit);
    ``crashes_on`` -- a document text that kills the worker it is sent to."""

    def __init__(self, refuses=False, fails=False, crashes_on=None, broken_flag=False):
        self.refuses, self.fails, self.crashes_on = refuses, fails, crashes_on
        if broken_flag:
            self._broken = "A child process terminated abruptly"
        self.sent = []

    def submit(self, fn, articles, registry, with_tokens=False):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        if self.refuses:
            raise BrokenProcessPool("A child process terminated abruptly")
        self.sent.append([a.text for a in articles])
        future = Future()
        if self.fails or any(self.crashes_on and self.crashes_on in a.text for a in articles):
            future.set_exception(BrokenProcessPool("A child process terminated abruptly"))
        else:
            future.set_result([("analysed: " + a.text, [], [], [], "de") for a in articles])
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


# (the pool's state when a document must be analysed again alone, whose pool it is)
BROKEN_POOL_GRID = [
    ("a chunk sent ahead died; the pool refuses new work", dict(refuses=True), True),
    ("a chunk sent ahead died; the pool takes the document, then fails it", dict(fails=True), True),
    ("an idle worker died; the executor marked itself broken", dict(fails=True, broken_flag=True), False),
]


@pytest.mark.parametrize("construction,state,dead_chunk", BROKEN_POOL_GRID, ids=[c for c, _, _ in BROKEN_POOL_GRID])
def test_exact_ingest_does_not_blame_a_document_sent_into_a_broken_pool(construction, state, dead_chunk):
    """The race of the slow crash test, made deterministic: a document analysed again
    alone (:meth:`ExactParallelIngest._single`) while the pool is already broken by
    another document is analysed in a fresh pool, not reported as "worker process died"."""
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from lagebild.ingest import article_from_string
    from lagebild.scale.local import ExactParallelIngest, _ExactTask

    engine = ExactParallelIngest(workers=2)
    fresh = []
    engine._pool = lambda workers=0: fresh.append(_FakePool()) or fresh[-1]
    engine._executor = _FakePool(**state)
    engine._failed_starts = 0
    dead = _ExactTask([(None, article_from_string(SENTENCES[1] + " CRASH"))], sent=True, future=Future())
    dead.future.set_exception(BrokenProcessPool("A child process terminated abruptly"))
    engine._pending = deque([dead] if dead_chunk else [])
    item = article_from_string(SENTENCES[0])
    result = engine._single(item, [])
    assert result[0] == "analysed: " + item.text
    assert len(fresh) == 1 and fresh[0].sent == [[item.text]]
    assert dead.sent is not dead_chunk  # a dead chunk goes to the fresh pool again when its turn comes


def test_exact_ingest_still_blames_the_document_that_kills_a_healthy_pool_alone():
    from collections import deque

    from lagebild.ingest import article_from_string
    from lagebild.scale.local import ExactParallelIngest, _WorkerDied

    engine = ExactParallelIngest(workers=2)
    engine._pool = lambda workers=0: _FakePool(crashes_on="CRASH")
    engine._executor = _FakePool(crashes_on="CRASH")
    engine._failed_starts = 0
    engine._pending = deque()
    with pytest.raises(_WorkerDied, match="worker process died"):
        engine._single(article_from_string(SENTENCES[0] + " CRASH"), [])
    assert engine._single(article_from_string(SENTENCES[0]), [])[0] == "analysed: " + SENTENCES[0]


@pytest.mark.slow
def test_kill_9_loses_nothing_committed_and_workers_exit(tmp_path):
    folder = _corpus(tmp_path / "in", 120, bad=False)
    db = tmp_path / "db.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-m", "lagebild", "ingest", str(folder), "--db", str(db), "--workers", "2", "-q"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        # the database cannot be read while the writer holds it: wait until its files have
        # grown well past the empty schema (a commit of 32 documents is ~100 KB and more)
        deadline = time.time() + 300
        wal = Path(str(db) + ".wal")

        def size() -> int:
            return sum(p.stat().st_size for p in (db, wal) if p.exists())

        baseline = None
        while time.time() < deadline and proc.poll() is None:
            if baseline is None and size() > 0:
                time.sleep(1)
                baseline = size()
            elif baseline is not None and size() > baseline + 100_000:
                break
            time.sleep(0.5)
        assert proc.poll() is None, "ingest finished before it could be killed"
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    # workers notice their parent is gone (a zombie waiting for a reaper has exited)
    deadline = time.time() + 20
    while time.time() < deadline and any(_running(c) for c in children):
        time.sleep(0.5)
    assert not [c for c in children if _running(c)]
    with Store(db) as store:
        n = store.count()
        assert 0 < n < 120
        # every stored document is whole: its event rows are all there
        for row in store.query("SELECT id, n_events FROM documents"):
            assert store.query("SELECT count(*) AS n FROM events WHERE doc_id = ?", [row["id"]])[0]["n"] == row["n_events"]


def test_ingest_parallel_commits_the_first_result_alone_and_releases_the_file(tmp_path):
    """The first result is stored and readable when it is reported; later documents are
    stored in batches of ``commit_every`` (issue 15: time to the first result)."""
    folder = _corpus(tmp_path / "in", 2 * CHUNK + 3, bad=False)
    db = tmp_path / "s.duckdb"
    seen = []

    def on_item(path, result):
        if not seen:  # another process sees exactly the first document
            code = f"from lagebild.store import Store\nwith Store({str(db)!r}, read_only=True) as s: print(s.count())"
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
            assert out.returncode == 0, out.stderr[-2000:]
            seen.append(int(out.stdout.strip()))
        else:
            seen.append(None)

    with Store(db) as store:
        report = ingest_parallel([folder], store, workers=2, commit_every=8, on_item=on_item)
        assert store.count() == 2 * CHUNK + 3 == report.stored
    assert seen[0] == 1 and len(seen) == 2 * CHUNK + 3


def test_exact_worker_reads_the_token_texts_from_the_analysed_docs(monkeypatch):
    """The token texts a worker reports (for the exact path's provisional-actor test) come
    from the Docs it analysed, not a second tokenisation: they equal the tokenizer's
    output on each text, window by window for a long text, and the Documents equal
    those of a plain ``analyze_batch``."""
    from lagebild import pipeline
    from lagebild.ingest import article_from_string
    from lagebild.scale.local import _analyze_exact

    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 400)  # make the last article long
    texts = [SENTENCES[0], SENTENCES[1] + "\n\n" + SENTENCES[2],
             "\n\n".join(s + " " + s for s in SENTENCES * 2)]

    def articles():
        return [article_from_string(t, source=f"t{i}", published="2025-04-01") for i, t in enumerate(texts)]

    got = _analyze_exact(articles(), [])
    tokenizer = pipeline.load("de").tokenizer
    for (doc, _, _, sequences, lang), text in zip(got, texts):
        parts = [text[a:b] for a, b in pipeline.windows(text)] if len(text) > 400 else [text]
        assert lang == "de" and sequences == [tuple(t.text for t in tokenizer(p)) for p in parts]
    assert len(got[2][3]) > 1  # analysed in windows
    expected = pipeline.analyze_batch(articles(), language=None)
    assert [r[0].to_dict() for r in got] == [d.to_dict() for d in expected]


def test_analyze_batch_hands_each_analysed_doc_to_on_doc(monkeypatch):
    from lagebild import pipeline
    from lagebild.ingest import article_from_string

    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 200)
    texts = [SENTENCES[0], "\n\n".join(SENTENCES * 2), SENTENCES[3]]
    seen = []
    results = pipeline.analyze_batch([article_from_string(t) for t in texts], language="de",
                                     on_doc=lambda i, doc: seen.append((i, doc.text)))
    assert [i for i, _ in seen].count(1) == len(pipeline.windows(texts[1]))
    assert sorted(i for i, _ in seen if i != 1) == [0, 2]
    assert "".join(t for i, t in seen if i == 1) == texts[1]
    assert all(not isinstance(r, Exception) for r in results)


TOKENIZER_GRID = [
    # (construction, text): token texts of the rules-only tokenizer must equal the full load's
    ("plain name", "Vitaly Portnikov"),
    ("hyphenated compound", "CDU-Generalsekretär Paul Ziemiak"),
    ("abbreviation with period", "Dr. h.c. Hans-Peter Müller jun."),
    ("genitive s and apostrophe", "Merkels Sprecher Steffen Seibert's"),
    ("brackets and party", "Werner Faymann (SPÖ)"),
    ("ordinal and date", "am 3. Oktober 2015 in St. Pölten"),
    ("special case contraction", "zum Treffen ins Kanzleramt, z.B. beim G7-Gipfel"),
    ("quotes and dashes", "„Wir schaffen das“ – sagte sie."),
    ("URL and e-mail", "siehe https://example.org/a?b=1 oder info@example.org"),
    ("numbers with units", "rund 750 Euro, 3,5 % und 10.000 Menschen"),
    ("non-latin letters", "Recep Tayyip Erdoğan traf Владимир Путин"),
]


@pytest.fixture(scope="module")
def two_tokenizers():
    """(the German pipeline's tokenizer loaded with its vocabulary, the rules-only one)."""
    import spacy

    from lagebild.language import MODELS_DIR
    from lagebild.scale.local import _rules_tokenizer

    path = MODELS_DIR / "de"
    if not (path / "config.cfg").is_file():
        pytest.skip("no German pipeline")
    names = list(spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"])
    return spacy.load(path, exclude=names).tokenizer, _rules_tokenizer(path)


@pytest.mark.parametrize("construction,text", TOKENIZER_GRID, ids=[c for c, _ in TOKENIZER_GRID])
def test_rules_only_tokenizer_gives_the_pipelines_token_texts(two_tokenizers, construction, text):
    full, rules = two_tokenizers
    assert [t.text for t in rules(text)] == [t.text for t in full(text)], construction


LANGUAGE_GRID = [
    # (construction, text): analysed after the parent detected its language, the document
    # equals the one analysed with detection in analyze_batch (language, warnings, records)
    ("German article", "Meldung 1. 01.04.2025.\n\n" + SENTENCES[1] + " Das teilte die Agentur mit."),
    ("English article", "Russia attacked Ukraine on Tuesday. The government in Berlin criticised the plans."),
    ("unsure one-liner (W007)", "Selenskyj traf Macron."),
    ("unsupported language (W007 en)", "Le gouvernement français a critiqué lundi les projets de Moscou à Paris."),
    ("language given by the reader", None),
]


@pytest.mark.parametrize("construction,text", LANGUAGE_GRID, ids=[c for c, _ in LANGUAGE_GRID])
def test_languages_detected_in_the_parent_give_the_same_documents(construction, text):
    from lagebild.ingest import article_from_string
    from lagebild.pipeline import analyze_batch
    from lagebild.scale.local import _detect_languages

    def article():
        a = article_from_string(text or SENTENCES[2], source="t", published="2025-04-01")
        if text is None:
            a.language = "de"
        return a

    sent = article()
    _detect_languages([sent], None)
    assert sent.language, construction
    forced = article()
    _detect_languages([forced], "de")  # a forced language: the parent leaves it to the worker
    assert forced.language == (None if text is not None else "de") and forced.warnings == article().warnings
    (expected,) = analyze_batch([article()])
    (got,) = analyze_batch([sent])
    assert got.to_dict() == expected.to_dict(), construction
