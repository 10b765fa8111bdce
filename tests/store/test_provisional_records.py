"""A provisional actor's record in the store is the record later documents learn, whatever
the order, the number of workers, or a re-ingest from the store (issues 11, 15).

The corpus is written here (own sentences). Its provisional persons get *weak* codes in
the document that names them first -- a code whose country is the document's, not a word
of the text about the person (``DocState.implicit`` in ``actors/linker.py``): a bare office
in an article filed abroad ("Finanzminister X" under a dateline "Athen"), a person "von der
Polizei" of the country the text is about. The linker does not teach later documents such
a code; a later document that names the person without evidence of its own leaves it
uncoded. The store used to keep the first document's coded record as the actor's record,
so a re-ingest that preloads the store's records (another order, a resumed run) coded the
later documents with the weak code and changed the store, and two fresh runs in another
order stored different actor records.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Sequence

import pytest

from lagebild.batch import ingest_paths
from lagebild.store import Store

# (file name, text): each weak code is given in one document, the later ones name the person bare
WEAK = [
    ("a.txt", "Streit um das Budget. 03.03.2025.\n\nAthen – Finanzminister Lorenz Quirinsky legte am Montag einen "
              "Sparplan vor. Quirinsky sagte, die Schulden müssten sinken."),
    ("b.txt", "Sparplan in der Kritik. 04.03.2025.\n\nLorenz Quirinsky verteidigte am Dienstag seine Pläne. "
              "Die Kritik sei unfair, sagte Quirinsky."),
    ("c.txt", "Sperren auf der Autobahn. 05.03.2025.\n\nGraz – Nach dem Unfall gab es lange Staus. Karla Windegg "
              "von der Polizei sagte, die Straße bleibe bis zum Abend gesperrt."),
    ("d.txt", "Neue Sperren. 06.03.2025.\n\nKarla Windegg sagte am Donnerstag, die Lage sei ernst. Lorenz "
              "Quirinsky kündigte Geld für neue Brücken an."),
    ("e.txt", "Neues Schiff. 07.03.2025.\n\nLinz – Die Reederei Nordwelle plant ein neues Schiff. Der Chef der "
              "Reederei Nordwelle, Hubert Kranzl, sagte, das Schiff koste viel Geld."),
    ("f.txt", "Mehr Aufträge. 08.03.2025.\n\nHubert Kranzl sagte am Samstag, man sei gut ausgelastet. Karla "
              "Windegg warnte vor Glatteis."),
    ("i.txt", "Seen werden wärmer. 08.03.2025.\n\nInnsbruck – Die Seen erwärmen sich schneller als erwartet. "
              "Theresa Lindacher vom Institut für Seenkunde warnte vor Algen."),
    ("j.txt", "Algen im Sommer. 09.03.2025.\n\nTheresa Lindacher sagte am Sonntag, die Fische litten unter der "
              "Hitze. Hubert Kranzl lud zur Taufe des Schiffs."),
]
# the same bare office under two datelines: which document comes first decides nothing
TWO_DATELINES = [
    ("g.txt", "Sparpläne. 10.03.2025.\n\nAthen – Finanzminister Lorenz Hadamovsky legte am Montag einen Plan "
              "vor. Hadamovsky sagte, die Schulden müssten sinken."),
    ("h.txt", "Sparpläne. 11.03.2025.\n\nRom – Finanzminister Lorenz Hadamovsky traf am Dienstag Bankiers. "
              "Hadamovsky sagte, die Zinsen seien zu hoch."),
]
TABLES = ("documents", "actors", "document_actors", "mentions", "events", "statements", "forecasts")
VOLATILE = {"ingested_at", "first_seen"}
ORDER = {"seq", "first_seq", "learnt_seq"}  # where a document or record stands in the ingest order


def write(folder: Path, texts: Sequence[tuple]) -> List[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name, _ in texts]


def snapshot(target: str, drop: set = VOLATILE) -> Dict[str, List[str]]:
    """Every row of every table, sorted, without the columns in ``drop``."""
    with Store(target, read_only=True) as store:
        out = {}
        for table in TABLES:
            rows = store.query(f"SELECT * FROM {table}")
            out[table] = sorted(json.dumps(sorted((k, str(v)) for k, v in r.items() if k not in drop)) for r in rows)
        return out


def differences(a: Dict[str, List[str]], b: Dict[str, List[str]]) -> Dict[str, List[str]]:
    """Rows of ``a`` that ``b`` lacks and the reverse, per table (for a readable failure)."""
    out = {}
    for table in a:
        only = sorted(set(a[table]) ^ set(b[table]))
        if only:
            out[table] = only[:6]
    return out


def codes(target: str) -> Dict[str, tuple]:
    """``{actor id: (country, code)}`` of the provisional actors' stored records."""
    with Store(target, read_only=True) as store:
        return {r["id"]: (r["country"], r["code"]) for r in store.query("SELECT id, country, code FROM actors WHERE provisional")}


def doc_codes(target: str) -> Dict[tuple, tuple]:
    """``{(document source file, actor id): code}`` of every provisional actor in every document."""
    with Store(target, read_only=True) as store:
        out = {}
        for d in store.iter_documents():
            for a in d.actors:
                if a.provisional:
                    out[(Path(d.source or "").name, a.id)] = a.code
        return out


@pytest.fixture()
def weak_store(store_target, tmp_path):
    files = write(tmp_path / "in", WEAK)
    with Store(store_target) as store:
        report = ingest_paths(files, store)
    assert report.stored == len(WEAK) and report.ok
    return store_target, files


def test_the_corpus_has_weak_codes_that_later_documents_do_not_learn(weak_store):
    """Not vacuous: the first document of each person codes it weakly, a later one that
    names the person bare leaves it uncoded."""
    target, _ = weak_store
    got = doc_codes(target)
    assert got[("a.txt", "prov:lorenz_quirinsky")] == "GRCGOV", got
    assert got[("c.txt", "prov:karla_windegg")] == "AUTCOP", got
    assert got[("b.txt", "prov:lorenz_quirinsky")] is None, got
    assert got[("d.txt", "prov:karla_windegg")] is None, got
    assert got[("i.txt", "prov:theresa_lindacher")] == "AUTEDU", got  # a body the KB lacks, by its sector word
    assert got[("j.txt", "prov:theresa_lindacher")] is None, got


@pytest.mark.parametrize("order", ["reversed", "shuffled", "one at a time"])
def test_reingest_in_another_order_changes_no_table(weak_store, order):
    target, files = weak_store
    before = snapshot(target)
    runs = {"reversed": [list(reversed(files))], "shuffled": [[files[i] for i in (3, 7, 0, 5, 1, 6, 4, 2)]],
            "one at a time": [[f] for f in reversed(files)]}[order]
    for paths in runs:
        with Store(target) as store:
            again = ingest_paths(paths, store)
        assert (again.stored, again.updated, again.unchanged) == (0, 0, len(paths)), (order, paths, doc_codes(target))
    assert snapshot(target) == before, differences(snapshot(target), before)


def test_the_store_keeps_the_learnt_record_and_the_document_its_coded_one(weak_store):
    """The actor's row is what later documents learn (no weak code); the document's row
    in ``document_actors`` keeps the code it was analysed with."""
    target, _ = weak_store
    stored = codes(target)
    for actor_id in ("prov:lorenz_quirinsky", "prov:karla_windegg"):
        assert stored[actor_id] == (None, None), stored
    with Store(target, read_only=True) as store:
        rows = store.query("SELECT d.source, da.actor_id, da.country, da.code FROM document_actors da "
                           "JOIN documents d ON d.id = da.doc_id WHERE da.actor_id = 'prov:lorenz_quirinsky'")
        per_doc = {Path(r["source"]).name: (r["country"], r["code"]) for r in rows}
        assert per_doc["a.txt"] == ("GRC", "GRCGOV") and per_doc["b.txt"] == (None, None), per_doc
        learnt = {a["id"]: a for a in store.provisional_actors()}
    assert learnt["prov:lorenz_quirinsky"]["code"] is None and learnt["prov:lorenz_quirinsky"]["role"] == "Finanzminister"


def test_two_fresh_orders_store_the_same_tables(store_target, tmp_path):
    """Which dateline comes first does not decide the actor's stored record: two fresh
    stores of the same documents in two orders are equal but for the ingest order."""
    files = write(tmp_path / "in", TWO_DATELINES)
    if store_target.startswith("postgresql"):
        pytest.skip("one backend suffices: the order of the documents, not the database, is compared")
    targets = [store_target, str(tmp_path / "second.duckdb")]
    for target, paths in zip(targets, (files, list(reversed(files)))):
        with Store(target) as store:
            assert ingest_paths(paths, store).stored == 2
    first, second = (snapshot(t, VOLATILE | ORDER) for t in targets)
    assert first == second, differences(first, second)
    assert doc_codes(targets[0])[("g.txt", "prov:lorenz_hadamovsky")] == "GRCGOV"
    assert doc_codes(targets[0])[("h.txt", "prov:lorenz_hadamovsky")] == "ITAGOV"


@pytest.mark.slow
def test_two_workers_store_what_one_process_stores(weak_store, tmp_path):
    """Parallel ingest (2 worker processes) of the same files into a fresh DuckDB store,
    then re-ingested in reverse order: every table equals the one-process store's."""
    from lagebild.scale.local import ingest_parallel

    target, files = weak_store
    two = str(tmp_path / "two.duckdb")
    with Store(two) as store:
        assert ingest_parallel(files, store, workers=2, chunk=2).stored == len(files)
    with Store(two) as store:
        again = ingest_parallel(list(reversed(files)), store, workers=2, chunk=2)
    assert (again.stored, again.updated) == (0, 0)
    one, other = snapshot(target), snapshot(two)
    assert one == other, differences(one, other)


def test_a_store_of_the_previous_schema_opens_and_upgrades(store_target, monkeypatch):
    """A store written before migration 006: its provisional records stay preloadable
    (``learnt_seq`` = ``first_seq``), each document's codes are read into the new
    ``document_actors`` columns, and new documents are stored with learnt records."""
    import lagebild.store.migrations as migrations
    from lagebild.schemas import Actor, Document

    old = [m for m in migrations.MIGRATIONS if m[0] != "006_learnt_records"]
    monkeypatch.setattr(migrations, "MIGRATIONS", old)
    with Store(store_target) as store:
        be = store.backend
        be.execute("INSERT INTO documents (id, source, language, text, data, seq) VALUES ('d1', 'x', 'de', 't', '{}', 1)")
        be.execute("INSERT INTO actors (id, name, type, country, code, provisional, data, first_seq) VALUES "
                   "('prov:ida_senft', 'Ida Senft', 'PER', 'GRC', 'GRCGOV', TRUE, "
                   "'{\"id\": \"prov:ida_senft\", \"name\": \"Ida Senft\", \"type\": \"PER\", \"code\": \"GRCGOV\"}', 1)")
        be.execute("INSERT INTO document_actors VALUES ('d1', 'prov:ida_senft', NULL, 1, "
                   "'{\"id\": \"prov:ida_senft\", \"country\": \"GRC\", \"code\": \"GRCGOV\"}')")
    monkeypatch.undo()
    with Store(store_target) as store:
        names = [r["name"] for r in store.query("SELECT name FROM _lagebild_migrations")]
        assert "006_learnt_records" in names
        assert [(a["id"], a["code"], a["first_seq"]) for a in store.provisional_actors()] == [("prov:ida_senft", "GRCGOV", 1)]
        assert store.query("SELECT country, code FROM document_actors") == [{"country": "GRC", "code": "GRCGOV"}]
        doc = Document(id="d2", source="y", language="de", title=None, authors=[], published=None, sections=[],
                       captions=[], text="Jonas Pirker sprach.",
                       actors=[Actor(id="prov:jonas_pirker", name="Jonas Pirker", type="PER", country="AUT",
                                     code="AUTGOV", provisional=True, mentions=[(0, 12)])],
                       learnt_actors=[{"id": "prov:jonas_pirker", "name": "Jonas Pirker", "type": "PER", "country": None,
                                       "role": None, "code": None, "wikidata": None}])
        assert store.save_document(doc) == "new"
        rows = store.query("SELECT id, code, learnt_seq FROM actors ORDER BY id")
        assert rows == [{"id": "prov:ida_senft", "code": "GRCGOV", "learnt_seq": 1},
                        {"id": "prov:jonas_pirker", "code": None, "learnt_seq": 2}], rows
        assert store.query("SELECT code FROM document_actors WHERE doc_id = 'd2'") == [{"code": "AUTGOV"}]


def _doc(doc_id: str, code: str, learnt: dict = None):  # type: ignore[assignment]
    from lagebild.schemas import Actor, Document

    actor = Actor(id="prov:jonas_pirker", name="Jonas Pirker", type="PER", country=code[:3], code=code,
                  role=f"Rolle {doc_id}", provisional=True, mentions=[(0, 12)])
    return Document(id=doc_id, source=doc_id, language="de", title=None, authors=[], published=None, sections=[],
                    captions=[], text="Jonas Pirker sprach " + doc_id, actors=[actor],
                    learnt_actors=[{"id": actor.id, "name": actor.name, "type": "PER", "country": None,
                                    "role": f"Rolle {doc_id}", "code": None, "wikidata": None, **(learnt or {})}]
                    if learnt is not None else [])


@pytest.mark.parametrize("batch", [False, True])
def test_the_first_learnt_record_replaces_one_no_document_taught(store_target, batch):
    """An actor a later stage added (no learnt record: not preloaded) takes the record of
    the first document that teaches it, with that document's ``seq``; a later teaching
    document changes nothing. One transaction per document and one for the batch agree."""
    docs = [_doc("d1", "AUTGOV"), _doc("d2", "DEUGOV", {}), _doc("d3", "ITAGOV", {"code": "ITAGOV"})]
    with Store(store_target) as store:
        store.save_documents(docs) if batch else [store.save_document(d) for d in docs]
        rows = store.query("SELECT country, code, first_seq, learnt_seq, data FROM actors")
        assert [{k: v for k, v in r.items() if k != "data"} for r in rows] == [
            {"country": None, "code": None, "first_seq": 1, "learnt_seq": 2}], rows
        assert store.backend.load_json(rows[0]["data"])["role"] == "Rolle d2"
        assert [a["first_seq"] for a in store.provisional_actors()] == [2]
        codes = {r["doc_id"]: r["code"] for r in store.query("SELECT doc_id, code FROM document_actors")}
        assert codes == {"d1": "AUTGOV", "d2": "DEUGOV", "d3": "ITAGOV"}
    with Store(store_target) as store:
        store.save_document(_doc("d0", "AUTGOV"))  # not taught: listed nowhere
        assert [a["first_seq"] for a in store.provisional_actors()] == [2]
