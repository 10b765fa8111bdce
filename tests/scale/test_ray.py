"""The Ray Data engine: the same records as the local path, Parquet loaded into a store."""
import json
from pathlib import Path

import pytest

from lagebild.actors.provisional import freeze_provisional
from lagebild.batch import analyze_items
from lagebild.ingest.readers import IngestFailure, iter_items
from lagebild.scale.parquet import iter_parquet, load_parquet
from lagebild.scale.ray_engine import PARQUET_COLUMNS, Analyzer, input_names, parse_file
from lagebild.store import Store

TEXTS = [
    "Russland hat am Dienstag die Ukraine angegriffen. Kiew sprach von schweren Schäden.",
    "Die EU verhängte neue Sanktionen gegen den Iran. Teheran kritisierte den Schritt.",
    "Frankreich und Deutschland vereinbarten in Paris eine engere Zusammenarbeit.",
]


def _inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(TEXTS):
        (folder / f"{i:02d}.txt").write_text(f"Meldung {i}. 0{i + 1}.04.2025.\n\n{t}", encoding="utf-8")
    (folder / "10_empty.txt").write_text("", encoding="utf-8")
    (folder / "20_batch.jsonl").write_text(
        json.dumps({"text": "US-Präsident Trump drohte China mit Zöllen.", "published": "2025-04-02", "url": "https://x.example/a"})
        + "\n{not json\n"
        + json.dumps({"text": "Die Bundesregierung lobte die Einigung.", "published": "2025-04-03"}) + "\n",
        encoding="utf-8",
    )
    return folder


def _local(folder: Path):
    with freeze_provisional():
        return [r for _, r in analyze_items(iter_items([folder]))]


def _as_sets(results):
    docs = sorted(json.dumps(r.to_dict(), sort_keys=True, ensure_ascii=False) for r in results if not isinstance(r, IngestFailure))
    fails = sorted(r.source for r in results if isinstance(r, IngestFailure))
    return docs, fails


def _ray_without_ray(folder: Path, out: Path):
    """The engine's own functions, chained as Ray chains them, in this process."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for f in input_names([folder]):
        rows.extend(parse_file({"path": f, "bytes": Path(f).read_bytes()}))
    batch = {k: [r[k] for r in rows] for k in ("path", "article", "error")}
    table = pa.table(Analyzer()(batch))
    assert tuple(table.column_names) == PARQUET_COLUMNS
    out.mkdir()
    pq.write_table(table, out / "part-0.parquet")


def test_ray_functions_give_the_local_records_and_load_into_a_store(tmp_path, store_target):
    folder = _inputs(tmp_path / "in")
    _ray_without_ray(folder, tmp_path / "out")
    assert _as_sets(list(iter_parquet(tmp_path / "out"))) == _as_sets(_local(folder))
    with Store(store_target) as store:
        report = load_parquet(tmp_path / "out", store)
        assert (report.stored, len(report.failures)) == (5, 2)
        assert store.count() == 5
        again = load_parquet(tmp_path / "out", store)  # re-loading: same records, nothing written
        assert (again.stored, again.updated, again.unchanged, store.count()) == (0, 0, 5, 5)


def test_load_parquet_isolates_each_bad_record(tmp_path, monkeypatch):
    """An unreadable record and a document the database refuses are reported alone; the
    documents after them are stored (the same per-document isolation as ingest)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = _inputs(tmp_path / "in")
    _ray_without_ray(folder, tmp_path / "out")
    table = pq.read_table(tmp_path / "out" / "part-0.parquet")
    rows = table.to_pylist()
    ok = [i for i, r in enumerate(rows) if r["ok"]]
    rows[ok[0]]["document"] = '{"id": "broken", "text": '  # truncated JSON
    refused_id = json.loads(rows[ok[1]]["document"])["id"]
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), tmp_path / "out" / "part-0.parquet")
    with Store(tmp_path / "db.duckdb") as store:
        real = store.save_document

        def refuse(doc):
            if doc.id == refused_id:
                raise ValueError("refused by the database")
            return real(doc)

        monkeypatch.setattr(store, "save_document", refuse)
        report = load_parquet(tmp_path / "out", store)
        reasons = [f.reason for f in report.failures]
        assert report.stored == 3 and store.count() == 3
        assert any("unreadable record" in r and "row" in r for r in reasons)
        assert any("E043" in r and "refused by the database" in r for r in reasons)
        assert len(report.failures) == 4  # the two failed analyses + the two bad records


# slow (a local Ray cluster of two actors, each loading the pipeline): the default suite keeps
# the same records check on the engine's own functions chained in this process
# (test_ray_functions_give_the_local_records_and_load_into_a_store) and one real local Ray run
# end to end (test_ray_quiet.py::test_ingest_on_ray_with_quiet_prints_only_lagebild_lines)
@pytest.mark.slow
def test_ray_on_a_local_ray_equals_the_local_path(tmp_path, monkeypatch):
    ray = pytest.importorskip("ray", reason="Ray is the optional extra [ray] (make setup installs it)")
    from lagebild.scale.ray_engine import run_ray

    _inputs(tmp_path / "in")
    monkeypatch.chdir(tmp_path)  # a relative input, as users type it: the same sources
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=256 * 1024 * 1024)
    try:
        report = run_ray(["in"], tmp_path / "out", workers=2)
    finally:
        ray.shutdown()
    assert report.files == 5
    assert _as_sets(list(iter_parquet(tmp_path / "out"))) == _as_sets(_local(Path("in")))


@pytest.mark.parametrize("given", ["in", "in/", "./in", "in/00.txt", "ABS"])
def test_ray_sources_are_the_paths_the_local_path_stores(tmp_path, monkeypatch, given):
    """Ray reads absolute paths (every node must find them), but a document's source is
    the path as the user gave it, as the local path stores it: before, a relative input
    was stored with its absolute path by Ray, so a later local ingest of the same files
    reported every document 'updated'."""
    _inputs(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    given = str(tmp_path / "in") if given == "ABS" else given
    names = input_names([given])
    assert all(Path(p).is_absolute() for p in names)
    rows = []
    for f in names:
        rows.extend(parse_file({"path": f, "bytes": Path(f).read_bytes()}, names=names))
    local = [(str(path), item.source) for path, item in iter_items([given])]
    ray_side = []
    for r in rows:
        if r["article"] is not None:
            ray_side.append((r["path"], json.loads(r["article"])["source"]))
        else:
            ray_side.append((r["path"].split(":")[0], r["path"]))
    assert ray_side == local


def test_ray_out_reports_failed_documents_and_exits_1(tmp_path, monkeypatch):
    """`ingest --engine ray --out DIR` used to say only how many files it wrote and exit 0,
    while the Parquet held rows with ok=false: each failure is now named with its reason,
    counted in the summary, and the exit code is 1, as on the local path."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.scale import ray_engine

    folder = _inputs(tmp_path / "in")
    (folder / "[bold]odd.txt").write_bytes(b"\x00\x01\x02" * 40)  # binary, and a name with rich markup

    def fake_run_ray(paths, out, **kwargs):
        _ray_without_ray(folder, Path(out))
        return ray_engine.RayReport(out=str(out), files=6, seconds=0.1)

    monkeypatch.setattr(ray_engine, "run_ray", fake_run_ray)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--engine", "ray", "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert "3 failed" in out
    assert "10_empty.txt: [E001]" in out and "20_batch.jsonl:2: [E008]" in out and "[bold]odd.txt: [E002]" in out
    assert "load-parquet" in out
