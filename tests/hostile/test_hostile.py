"""The hostile-input corpus (tests/hostile/corpus.py) through ``analyze``, ``ingest`` into
DuckDB and ``ingest`` into PostgreSQL ($LAGEBILD_TEST_PG): for every case a coded error
or a handled result, the good neighbours stored, and (slow subset) memory under 2 GiB.

One run per backend analyses the whole corpus folder as ONE batch, so an input that
crashed the batch fails every case after it, as a user would see it.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from repo_scripts import load_script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


corpus = load_script("tests/hostile/corpus.py", "lagebild_hostile_corpus")
FAST = [c for c in corpus.CASES if not c.slow]
SLOW = [c for c in corpus.CASES if c.slow]
LIMIT_MIB = 2048


def test_corpus_has_at_least_80_hostile_inputs():
    hostile = [c for c in corpus.CASES if c.kind != "good"]
    assert len(hostile) >= 80
    assert {c.kind for c in hostile} >= {"crash", "silent", "huge"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile") / "corpus"
    cases = corpus.build(out, slow=False, symlinks=hasattr(os, "symlink"))
    return out, cases


def _ingest(out: Path, cases, db: str):  # type: ignore[no-untyped-def]
    from lagebild.batch import ingest_paths
    from lagebild.ingest.readers import IngestFailure
    from lagebild.store import Store

    seen = []
    with Store(db) as store:
        report = ingest_paths([out], store, on_item=lambda _p, r: seen.append(r))
        docs = [r for r in seen if not isinstance(r, IngestFailure)]
        stored = {d.id: store.has(d.id) for d in docs}
        roundtrip = {}
        for d in docs:
            if stored[d.id]:
                back = store.get(d.id)
                roundtrip[d.id] = (back.text == d.text, back.title == d.title, back.authors == d.authors)
    failures = [(f.source, f.reason) for f in report.failures]
    groups = corpus.by_case(out, cases, [d.to_dict() for d in docs], failures)
    return {"groups": groups, "stored": stored, "roundtrip": roundtrip, "report": report}


@pytest.fixture(scope="module")
def duckdb_run(built, tmp_path_factory):
    out, cases = built
    return _ingest(out, cases, str(tmp_path_factory.mktemp("hostile-db") / "h.duckdb"))


@pytest.fixture(scope="module")
def postgres_run(built):
    admin_url = os.environ.get("LAGEBILD_TEST_PG")
    if not admin_url:
        pytest.skip("set LAGEBILD_TEST_PG to a PostgreSQL URL (scripts/test-postgres.sh starts a server)")
    import psycopg

    name = f"lagebild_hostile_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    try:
        out, cases = built
        yield _ingest(out, cases, admin_url.rsplit("/", 1)[0] + "/" + name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_CODE = re.compile(r"\[[EW]\d{3}\].*$")


def _cli_env() -> dict:
    env = dict(os.environ, COLUMNS="100000", LINES="1000", NO_COLOR="1", TERM="dumb")
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


@pytest.fixture(scope="module")
def analyze_run(built):
    out, cases = built
    exe = Path(sys.executable).parent / "lagebild"
    proc = subprocess.run(
        [str(exe), "analyze", str(out), "--format", "jsonl"], capture_output=True, env=_cli_env(), timeout=1800
    )
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    docs = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    failures = []
    for line in stderr.splitlines():
        m = _CODE.search(line)
        owner = next((c.name for c in cases if f"{os.sep}{c.name}{os.sep}" in line), None)
        if m and owner:
            failures.append((str(out / owner) + os.sep, m.group(0)))
    return {"groups": corpus.by_case(out, cases, docs, failures), "rc": proc.returncode, "stderr": stderr}


def test_analyze_batch_survives(analyze_run):
    assert analyze_run["rc"] in (0, 1), analyze_run["stderr"][-3000:]
    assert "Traceback" not in analyze_run["stderr"], analyze_run["stderr"][-3000:]


@pytest.mark.parametrize("case", FAST, ids=[c.name for c in FAST])
def test_hostile_analyze(case, built, analyze_run):
    if case.name not in analyze_run["groups"]:
        pytest.skip("case not built here (no symbolic links)")
    assert not corpus.verdict(case, analyze_run["groups"][case.name])


def _check_store_run(case, run) -> None:  # type: ignore[no-untyped-def]
    if case.name not in run["groups"]:
        pytest.skip("case not built here (no symbolic links)")
    got = run["groups"][case.name]
    assert not corpus.verdict(case, got)
    for doc in got["docs"]:
        assert run["stored"][doc["id"]], f"{doc['id']} not stored"
        assert run["roundtrip"][doc["id"]] == (True, True, True), "stored text/title/authors differ"


@pytest.mark.parametrize("case", FAST, ids=[c.name for c in FAST])
def test_hostile_ingest_duckdb(case, duckdb_run):
    _check_store_run(case, duckdb_run)


@pytest.mark.parametrize("case", FAST, ids=[c.name for c in FAST])
def test_hostile_ingest_postgres(case, postgres_run):
    _check_store_run(case, postgres_run)


# ------------------------------------------------------------------- huge inputs (slow)
memory = load_script("benchmarks/memory.py")


@pytest.mark.slow
@pytest.mark.parametrize("case", SLOW, ids=[c.name for c in SLOW])
def test_hostile_huge_memory(case, tmp_path):
    """Each huge input alone through ``lagebild analyze``: handled as the case says and
    the peak RSS of the whole process tree at most 2 GiB."""
    d = tmp_path / case.name
    d.mkdir()
    case.write(d)
    docs, failures, peak = _analyze_measured(tmp_path)
    assert peak <= LIMIT_MIB, f"peak {peak:.0f} MiB"
    got = corpus.by_case(tmp_path, [case], docs, failures)[case.name]
    assert not corpus.verdict(case, got)


def _analyze_measured(folder: Path):  # type: ignore[no-untyped-def]
    import tempfile
    import time

    exe = Path(sys.executable).parent / "lagebild"
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        proc = subprocess.Popen([str(exe), "analyze", str(folder), "--format", "jsonl"], stdout=so, stderr=se, env=_cli_env())
        peak = 0
        while proc.poll() is None:
            peak = max(peak, memory._tree_rss_kib(proc.pid))
            time.sleep(0.05)
        so.seek(0)
        se.seek(0)
        docs = [json.loads(line) for line in so.read().decode().splitlines() if line.strip()]
        stderr = se.read().decode("utf-8", errors="replace")
    assert proc.returncode in (0, 1), stderr[-2000:]
    failures = []
    for line in stderr.splitlines():
        m = _CODE.search(line)
        if m:
            failures.append((str(next(folder.iterdir())) + os.sep, m.group(0)))
    return docs, failures, peak / 1024
