"""Export → re-import, as an analyst moves documents between stores: JSON Lines of
documents go back in through `ingest` with the same ids and records; the Parquet table of
`export` is refused by `load-parquet` with E047 BEFORE a database is created (it was a
raw ArrowInvalid "this is a bug" and an empty file), and `ingest` of a Parquet file names
`load-parquet` (E048; it said "looks binary")."""
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _records(db: str) -> dict:
    with Store(db, read_only=True) as store:
        return {
            "documents": sorted((r["id"], r["title"], str(r["published"]), r["language"]) for r in store.query(
                "SELECT id, title, published, language FROM documents")),
            "events": sorted((r["doc_id"], r["idx"], r["cameo"], r["source"], r["target"]) for r in store.query(
                "SELECT doc_id, idx, cameo, source, target FROM events")),
            "statements": store.query("SELECT count(*) AS n FROM statements")[0]["n"],
            "forecasts": store.query("SELECT count(*) AS n FROM forecasts")[0]["n"],
        }


def test_jsonl_export_ingests_back_to_the_same_store(tmp_path):
    runner = CliRunner()
    a, b = str(tmp_path / "a.duckdb"), str(tmp_path / "b.duckdb")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", a, "-q"]).exit_code == 0
    out = tmp_path / "docs.jsonl"
    assert runner.invoke(app, ["export", str(out), "--db", a]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(out), "--db", b, "-q"])
    assert result.exit_code == 0, result.output
    first, second = _records(a), _records(b)
    assert first == second and first["events"]


def test_exported_parquet_is_refused_by_load_parquet_before_a_database_exists(tmp_path):
    runner = CliRunner()
    a = str(tmp_path / "a.duckdb")
    assert runner.invoke(app, ["ingest", str(EXAMPLES / "en_summit.txt"), "--db", a, "-q"]).exit_code == 0
    table = tmp_path / "docs.parquet"
    assert runner.invoke(app, ["export", str(table), "--format", "parquet", "--db", a]).exit_code == 0
    (tmp_path / "notparquet.parquet").write_text("plain text", encoding="utf-8")
    for path in (table, tmp_path / "notparquet.parquet"):
        target = tmp_path / "new.duckdb"
        result = runner.invoke(app, ["load-parquet", str(path), "--db", str(target)])
        text = " ".join(result.output.split())
        assert result.exit_code == 2 and "[E047]" in text and "this is a bug" not in text, text
        assert "lagebild ingest docs.jsonl" in text
        assert not target.exists()


def test_ingest_of_a_parquet_file_names_load_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    for name in ("t.parquet", "renamed.bin"):
        path = tmp_path / name
        pq.write_table(pa.table({"x": [1]}), path)
        result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "p.duckdb"), "-q"])
        text = " ".join(result.output.split())
        assert result.exit_code == 1 and "[E048]" in text and "load-parquet" in text and "E002" not in text


def test_csv_list_cells_are_json_arrays_in_every_backend(tmp_path, store_target):
    """authors, warnings and event_ids in CSV read back with json.loads, the same from DuckDB
    and PostgreSQL (DuckDB wrote `[Krisher, Tom, AP]`, quoting only some elements, and
    PostgreSQL `Krisher, Tom; AP`: neither said how many authors there were)."""
    import csv
    import json

    from lagebild.csvsafe import restore

    authors = ["Krisher, Tom", "O'Neil \"Jr.\"", "=HYPERLINK(\"http://x\")", "Anna Berger"]
    record = {"text": "Die Regierung in Moskau lehnte den Vorschlag der Ukraine ab. Russland kritisierte die EU.",
              "title": "Moskau lehnt ab", "authors": authors, "published": "2016-02-30"}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(src), "--db", store_target, "-q"])
    assert result.exit_code == 0, result.output
    docs, incidents = tmp_path / "docs.csv", tmp_path / "incidents.csv"
    for out, table in ((docs, "documents"), (incidents, "incidents")):
        result = runner.invoke(app, ["export", str(out), "--format", "csv", "--table", table, "--db", store_target])
        assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(docs.open(newline="", encoding="utf-8")))
    assert json.loads(restore(row["authors"])) == authors
    warnings = json.loads(restore(row["warnings"]))
    assert len(warnings) == 1 and warnings[0].startswith("[W002]")
    rows = list(csv.DictReader(incidents.open(newline="", encoding="utf-8")))
    assert rows and all(json.loads(r["event_ids"]) and all(":e" in e for e in json.loads(r["event_ids"])) for r in rows)


def test_an_unreachable_store_leaves_an_earlier_export_alone(tmp_path, monkeypatch):
    """`export OUT --db postgresql://…` on a server that does not answer overwrote OUT with
    an empty file before it failed (the read-only store connected only when first read)."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "docs.jsonl"
    out.write_text('{"id": "earlier"}\n', encoding="utf-8")
    for table in ("documents", "events"):
        result = CliRunner().invoke(app, ["export", str(out), "--table", table, "--db",
                                          "postgresql://analyst@127.0.0.1:1/news"])
        assert result.exit_code == 2 and "[E015]" in result.output, result.output
        assert out.read_text(encoding="utf-8") == '{"id": "earlier"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl"]
