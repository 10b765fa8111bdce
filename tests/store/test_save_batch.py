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

    def refuse(self, doc, data, text=None):
        if doc.id == "d2":
            raise RuntimeError("refused")
        return original(self, doc, data, text)

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


# JSON values as Document.to_dict gives them: string keys, any text (including lone
# surrogates and non-ASCII), ints, floats (also inf and nan), bools, None, nested lists
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_the_stored_json_text_is_the_text_of_the_parsed_value(value):
    # Store._contract keeps json.dumps(to_dict()) as the documents.data text instead of
    # dumping json.loads of it again: the two texts must be equal for every value
    from lagebild.store.db import _contract

    class Doc:
        def to_dict(self):
            return {"value": value}

    text, data = _contract(Doc())  # type: ignore[arg-type]
    assert text == json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data or data != data  # nan != nan


def test_an_unchanged_document_is_found_unchanged_by_its_text_and_by_its_value(tmp_path):
    from lagebild.store.db import _same_json

    def make(i, text):
        return Document(id=f"d{i}", source="s", language="de", title="T", authors=[], published=None,
                        sections=[], captions=[], text=text)

    doc = make(1, "Text über Äpfel")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.save_document(doc) == "new"
        stored = store.query("SELECT data FROM documents")[0]["data"]
        text = json.dumps(doc.to_dict(), ensure_ascii=False)
        assert stored == text  # the text stored is the contract's text
        assert store.save_document(doc) == "unchanged"
        assert store.save_documents([doc, make(2, "x")]) == ["unchanged", "new"]
        # stored text that differs only in layout is still the same JSON value
        assert _same_json(store.backend, json.dumps(json.loads(text), indent=1), text, json.loads(text))
        assert not _same_json(store.backend, stored.replace("Äpfel", "Birnen"), text, json.loads(text))


_small_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lists=st.fixed_dictionaries({
        key: st.lists(st.dictionaries(st.text(max_size=3), _small_values, max_size=3), max_size=2)
        for key in ("actors", "events", "statements", "forecasts")
    }),
    other=_small_values,
)
def test_the_record_texts_kept_by_the_contract_are_the_dumps_of_the_parsed_records(lists, other):
    # session 31: _contract joins the document's text from the dumps of its records and
    # keeps those texts for the actors/events/statements/forecasts rows (no second dump)
    from lagebild.store.db import _contract

    value = {"id": "d", "actors": lists["actors"], "other": other, "events": lists["events"],
             "statements": lists["statements"], "forecasts": lists["forecasts"]}

    class Doc:
        def to_dict(self):
            return value

    text, data = _contract(Doc())  # type: ignore[arg-type]
    assert text == json.dumps(value, ensure_ascii=False)
    assert json.loads(text) == data or data != data  # nan != nan
    for key in ("actors", "events", "statements", "forecasts"):
        assert data.pieces[key] == [json.dumps(r, ensure_ascii=False) for r in data[key]]


def test_rows_without_kept_texts_dump_the_records_themselves():
    # a caller that passes a plain parsed dict (no kept texts) gets the same rows
    from lagebild.store.db import _contract

    doc = Document(id="d1", source="s", language="de", title="T", authors=[], published=None, sections=[],
                   captions=[], text="Scholz traf Macron.",
                   actors=[Actor(id="Q1", name="Scholz", type="PER", mentions=[(0, 6)])],
                   statements=[Statement(speaker="Q1", kind="direct", text="traf", span=(7, 11))])
    text, data = _contract(doc)
    store = Store(":memory:")
    assert store._rows(doc, data, text) == store._rows(doc, json.loads(text), text)
    store.close()
