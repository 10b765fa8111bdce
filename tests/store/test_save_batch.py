"""Store.save_documents (one transaction, one INSERT per table for a batch) stores exactly
what Store.save_document stores document after document: outcomes, seq numbers, actor
rows (KB fields, first_seq, what a provisional actor was first stored with) and every
child table -- for any batch: repeated documents, replaced and unchanged documents,
actors that are provisional in one document and from the KB in another."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.batch import BatchReport, save_results
from lagebild.ingest.readers import IngestFailure
from lagebild.schemas import Actor, Document, Event, Forecast, Statement
from lagebild.store import Store

TABLES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id",
    "actors": "SELECT * EXCLUDE (first_seen) FROM actors ORDER BY id",
    "document_actors": "SELECT * FROM document_actors ORDER BY ALL",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "events": "SELECT * FROM events ORDER BY ALL",
    "statements": "SELECT * FROM statements ORDER BY ALL",
    "forecasts": "SELECT * FROM forecasts ORDER BY ALL",
}


def dump(store):
    return {t: [json.dumps(r, sort_keys=True, default=str) for r in store.query(sql)] for t, sql in TABLES.items()}


actors = st.builds(
    lambda i, name, prov, wd, role, n: Actor(
        id=f"A{i}", name=name, type="ORG", country="DEU" if i % 2 else None, role=role,
        code=f"C{i}", mentions=[(k, k + 3) for k in range(n)], provisional=prov, wikidata=wd,
    ),
    st.integers(0, 5), st.sampled_from(["Rat", "Regierung", "Ministerium"]), st.booleans(),
    st.sampled_from([None, "Q1", "Q2"]), st.sampled_from([None, "Chef", "Sprecher"]), st.integers(0, 3),
)
documents = st.builds(
    lambda i, v, acts, n_ev, n_st, n_fc: Document(
        id=f"d{i}", source=f"s{i}", language="de", title=f"Titel {i}", authors=["X"] * (v % 2),
        published="2025-02-0%d" % (1 + v % 3) if v else None, sections=[], captions=[],
        text=f"Text {i} Version {v} " + "abcdefghij" * 3,
        actors=list({a.id: a for a in acts}.values()),
        events=[Event(source=acts[0].id if acts else None, target=None, cameo="042", quad_class=1,
                      goldstein=1.9, date="2025-02", sentence="S", span=(k, k + 1), confidence=0.5)
                for k in range(n_ev)],
        statements=[Statement(speaker="author", kind="direct", text="t", span=(k, k + 1)) for k in range(n_st)],
        forecasts=[Forecast(holder="author", text="f", span=(k, k + 2), probability=0.5) for k in range(n_fc)],
    ),
    st.integers(0, 6), st.integers(0, 2), st.lists(actors, max_size=4),
    st.integers(0, 2), st.integers(0, 2), st.integers(0, 2),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(documents, max_size=4), batch=st.lists(documents, min_size=2, max_size=8),
       failures=st.lists(st.integers(0, 8), max_size=2))
def test_a_batch_stores_what_one_by_one_stores(before, batch, failures):
    results = list(batch)
    for k in sorted(failures, reverse=True):
        results.insert(min(k, len(results)), IngestFailure(f"bad{k}", "unreadable"))
    with Store(":memory:") as one, Store(":memory:") as many:
        for store in (one, many):
            for doc in before:
                store.save_document(doc)
        expected = [one.save_document(d) if not isinstance(d, IngestFailure) else "failed" for d in results]
        report = BatchReport()
        saved = save_results(many, results, report)
        assert [outcome for _, outcome in saved] == expected
        assert [r for r, _ in saved] == results
        assert (report.stored, report.updated, report.unchanged, len(report.failures)) == (
            expected.count("new"), expected.count("updated"), expected.count("unchanged"), expected.count("failed"))
        assert dump(many) == dump(one)


def test_a_refused_batch_is_stored_one_by_one_and_only_the_refused_document_fails(monkeypatch):
    docs = [Document(id=f"d{i}", source="s", language="de", title="T", authors=[], published=None,
                     sections=[], captions=[], text=f"text {i}") for i in range(4)]
    original = Store._rows

    def refuse(self, doc, data):
        if doc.id == "d2":
            raise RuntimeError("refused")
        return original(self, doc, data)

    monkeypatch.setattr(Store, "_rows", refuse)
    with Store(":memory:") as store:
        report = BatchReport()
        saved = save_results(store, docs, report)
        assert [outcome for _, outcome in saved] == ["new", "new", "failed", "new"]
        assert isinstance(saved[2][0], IngestFailure) and "[E043]" in saved[2][0].reason
        assert report.stored == 3 and store.count() == 3 and not store.has("d2")


def test_release_due_waits_for_ten_times_the_last_release(tmp_path, monkeypatch):
    import lagebild.store.db as db

    now = [1000.0]
    monkeypatch.setattr(db.time, "monotonic", lambda: now[0])
    with Store(tmp_path / "x.duckdb") as store:
        store.release()
        assert not store.release_due()  # nothing open: nothing to release
        store.count()
        now[0] += 0.5
        assert not store.release_due()
        now[0] += 0.6
        assert store.release_due() and store._backend is None
        store._close_seconds = 0.3  # a large store: releasing costs 0.3 s
        store.count()
        now[0] += 2.9
        assert not store.release_due()
        now[0] += 0.2
        assert store.release_due()
        store._close_seconds = 60.0  # never longer than half the readers' lock wait
        monkeypatch.setenv("LAGEBILD_LOCK_WAIT", "10")
        store.count()
        now[0] += 5.0
        assert store.release_due()
