import json

import pytest

from lagebild.errors import NotFoundError
from lagebild.schemas import Actor, Document, Event, Forecast, Statement
from lagebild.store import Store, export


def make_doc(doc_id="d1", text="Putin lehnt den Waffenstillstand ab.") -> Document:
    return Document(
        id=doc_id, source="x.txt", language="de", title="T", authors=["A B"], published="2025-04-19",
        sections=[], captions=[], text=text,
        actors=[Actor(id="putin", name="Wladimir Putin", type="PER", country="RUS", role="Präsident", mentions=[(0, 5)])],
        events=[Event(source="putin", target=None, cameo="125", modality="asserted", sentence=text, span=(0, len(text)), issue="den Waffenstillstand")],
        statements=[Statement(speaker="author", kind="indirect", text=text, span=(0, len(text)))],
        forecasts=[Forecast(holder="author", text=text, span=(0, len(text)), probability=0.7, horizon={"text": "bald", "start": "2025-04-19", "end": "2025-05-19"})],
    )


def test_store_save_get_roundtrip(store_target):
    with Store(store_target) as store:
        assert store.save(make_doc()) is True
        doc = store.get("d1")
    assert doc.to_dict() == make_doc().to_dict()


def test_store_resave_replaces_not_duplicates(store_target):
    with Store(store_target) as store:
        store.save(make_doc())
        assert store.save(make_doc()) is False
        for table in ("documents", "events", "statements", "forecasts", "mentions", "document_actors", "actors"):
            assert store.count(table) == 1, table


def test_store_failed_save_rolls_back_and_keeps_old(store_target, monkeypatch):
    with Store(store_target) as store:
        store.save(make_doc())
        bad = make_doc(text="Putin lehnt den Waffenstillstand ab. Neu.")

        def boom(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(store, "_insert_rows", boom)
        with pytest.raises(RuntimeError):
            store.save(bad)
        assert store.get("d1").text == make_doc().text
        assert store.count("events") == 1


def test_store_persists_across_connections(store_target):
    with Store(store_target) as store:
        store.save(make_doc("d1"))
        store.save(make_doc("d2"))
    with Store(store_target, read_only=True) as store:
        assert [r["id"] for r in store.documents()] == ["d1", "d2"]
        assert store.query("SELECT horizon_end FROM forecasts WHERE doc_id = ?", ["d2"])[0]["horizon_end"].isoformat() == "2025-05-19"
        assert store.get("d2").id == "d2"
        with pytest.raises(NotFoundError):
            store.get("d")  # an ambiguous prefix
        assert [r["id"] for r in store.documents(search="WAFFENSTILL")] == ["d1", "d2"]


@pytest.mark.parametrize("fmt,table", [("jsonl", "documents"), ("csv", "events"), ("parquet", "forecasts"), ("csv", "documents"), ("jsonl", "actors")])
def test_store_export(store_target, tmp_path, fmt, table):
    with Store(store_target) as store:
        store.save(make_doc())
        out = tmp_path / f"out.{fmt}"
        assert export(store, out, fmt=fmt, table=table) == 1
    if fmt == "jsonl" and table == "documents":
        assert json.loads(out.read_text())["events"][0]["cameo"] == "125"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 1


def test_store_migrations_recorded_once(store_target):
    Store(store_target).close()
    with Store(store_target) as store:
        from lagebild.store.migrations import MIGRATIONS

        names = [r["name"] for r in store.query("SELECT name FROM _lagebild_migrations ORDER BY name")]
        assert names == sorted(name for name, _ in MIGRATIONS) and names[0] == "001_initial"
