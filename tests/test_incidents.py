"""Event deduplication into incidents: compatibility rules, clustering within and across
documents, the store table in each backend, and the jsonl/GDELT exports."""
import csv
import json

import pytest

from lagebild.export_gdelt import GDELT_EVENT_COLUMNS
from lagebild.incidents import (
    ActorInfo, DocMeta, Mention, actors_compatible, cluster, is_backreference, lead_end, outlet,
    places_compatible, refresh_incidents,
)
from lagebild.schemas import Actor, Document, Event
from lagebild.store import Store, export

INFO = {a.id: a for a in [
    ActorInfo("RUS", "GPE", "RUS", "RUS", "Russland"),
    ActorInfo("RUSGOV", "ORG", "RUS", "RUSGOV", "russische Regierung"),
    ActorInfo("RUSMIL", "ORG", "RUS", "RUSMIL", "russisches Militär"),
    ActorInfo("RUSOPP", "GRP", "RUS", "RUSOPP", "russische Opposition"),
    ActorInfo("per:putin", "PER", "RUS", "RUSGOV", "Wladimir Putin"),
    ActorInfo("per:lavrov", "PER", "RUS", "RUSGOV", "Sergej Lawrow"),
    ActorInfo("UKR", "GPE", "UKR", "UKR", "Ukraine"),
    ActorInfo("UKRGOV", "ORG", "UKR", "UKRGOV", "ukrainische Regierung"),
    ActorInfo("loc:kyiv", "LOC", "UKR", "UKR", "Kyiv"),
    ActorInfo("loc:kharkiv", "LOC", "UKR", "UKR", "Kharkiv"),
    ActorInfo("NGA", "GPE", "NGA", "NGA", "Nigeria"),
    ActorInfo("prov:anna_muster", "PER", None, None, "Anna Muster"),
]}


@pytest.mark.parametrize("a,b,expected", [
    ("RUS", "RUS", True),
    ("RUS", "RUSGOV", True),  # a country and its government
    ("RUS", "RUSMIL", True),  # … its military
    ("RUSGOV", "RUSMIL", True),
    ("per:putin", "RUS", True),  # … and its leader
    ("per:putin", "RUSMIL", True),
    ("per:putin", "per:lavrov", False),  # two different people
    ("RUSOPP", "RUSGOV", False),  # the opposition is not the state
    ("RUS", "UKR", False),
    ("RUSGOV", "UKRGOV", False),
    ("loc:kyiv", "UKR", True),  # a city and its country
    ("loc:kyiv", "loc:kharkiv", False),  # two cities
    ("loc:kyiv", "RUS", False),
    ("loc:kyiv", "UKRGOV", False),  # a city is a place, not the government
    ("prov:anna_muster", "prov:anna_muster", True),
    ("prov:anna_muster", "RUS", False),
    (None, "RUS", None),
    ("RUS", None, None),
])
def test_actor_compatibility_grid(a, b, expected):
    assert actors_compatible(a, b, INFO) is expected
    assert actors_compatible(b, a, INFO) is expected  # symmetric


@pytest.mark.parametrize("a,b,expected", [
    (None, "Kyiv", True),
    ("Kyiv", "kyiv", True),
    ("Kyiv", "Ukraine", True),  # a city in its country
    ("Kyiv", "Kharkiv", False),
    ("Kyiv", "Russland", False),
    ("Kyiv", "Atlantis", False),  # unknown names must be equal
])
def test_place_compatibility_grid(a, b, expected):
    places = {"kyiv": INFO["loc:kyiv"], "kharkiv": INFO["loc:kharkiv"], "ukraine": INFO["UKR"], "russland": INFO["RUS"]}
    assert places_compatible(a, b, places) is expected


@pytest.mark.parametrize("text,trigger,lang,expected", [
    ("Die Entführung der Schüler löste Entsetzen aus.", "Entführung", "de", True),
    ("Nach der Entführung vom Dienstag kündigte die Regierung eine Suche an.", "Entführung", "de", True),
    ("Nach dem Angriff verurteilte Berlin Moskau.", "Angriff", "de", True),
    ("Beim Angriff starben zwölf Menschen.", "Angriff", "de", True),
    ("Dieser Anschlag war der schwerste seit Jahren.", "Anschlag", "de", True),
    ("Bewaffnete haben mehr als 40 Schüler entführt.", "entführt", "de", False),  # the verb itself
    ("Russland griff die Ukraine an.", "griff", "de", False),
    ("Ein Angriff auf Kiew wurde gemeldet.", "Angriff", "de", False),  # indefinite: a new event
    ("The attack killed twelve people.", "attack", "en", True),
    ("After this abduction, the government acted.", "abduction", "en", True),
    ("Russia attacked Ukraine on Tuesday.", "attacked", "en", False),
    ("An attack was reported.", "attack", "en", False),
])
def test_backreference_grid(text, trigger, lang, expected):
    start = text.index(trigger)
    assert is_backreference(text, (start, start + len(trigger)), lang) is expected


def m(doc, idx, src, tgt, cameo, quad, *, date=None, start=None, nominal=False, modality="asserted", negated=False, location=None):
    return Mention(doc, idx, src, tgt, cameo, quad, None, None, modality, negated, date, location,
                   start if start is not None else idx * 50, nominal=nominal)


DOCS = {f"d{i}": DocMeta(f"d{i}", "2025-04-16", f"outlet{i}.de") for i in range(10)}


def test_within_document_repeated_mentions_and_backreferences_are_one_incident():
    # field case 13: "Bewaffnete haben am Dienstag … Schüler entführt. Die Entführung der Schüler …
    # Nach der Entführung vom Dienstag … Die Entführer verschleppten die Kinder …"
    mentions = [
        m("d1", 0, None, "NGA", "181", 4, date="2025-04-15"),
        m("d1", 1, None, None, "181", 4, nominal=True),
        m("d1", 2, None, None, "181", 4, date="2025-04-15", nominal=True),
        m("d1", 3, None, "NGA", "181", 4),
        m("d1", 4, "NGAGOV", None, "043", 1),  # the government announced a search: another event
    ]
    incidents = cluster(mentions, DOCS, INFO)
    assert sorted(len(i.mentions) for i in incidents) == [1, 4]
    abduction = next(i for i in incidents if i.root == "18")
    assert abduction.day == "2025-04-15" and abduction.target == "NGA"


def test_within_document_nominal_backreference_joins_a_root_of_the_same_quad_class():
    incidents = cluster([
        m("d1", 0, "RUS", "UKR", "195", 4, date="2025-04-15"),  # bombarded
        m("d1", 1, None, None, "190", 4, nominal=True),  # "der Angriff"
        m("d1", 2, "DEUGOV", "RUS", "111", 3),  # Berlin criticised Moscow: not the attack
    ], DOCS, INFO)
    assert sorted(len(i.mentions) for i in incidents) == [1, 2]


def test_within_document_different_targets_dates_or_modalities_stay_apart():
    incidents = cluster([
        m("d1", 0, "RUS", "loc:kyiv", "190", 4, date="2025-04-15"),
        m("d1", 1, "RUS", "loc:kharkiv", "190", 4, date="2025-04-15"),  # another city
        m("d1", 2, "RUS", "loc:kyiv", "190", 4, date="2025-04-14"),  # the day before
        m("d1", 3, "RUS", "loc:kyiv", "190", 4, modality="threatened"),  # a threat, not the attack
        m("d1", 4, "RUS", "loc:kyiv", "190", 4, negated=True),
    ], DOCS, INFO)
    assert len(incidents) == 5


def test_across_documents_five_reports_of_one_incident():
    reports = [("RUS", "UKR"), ("RUSMIL", "UKR"), ("RUSGOV", "loc:kyiv"), ("per:putin", "UKR"), ("RUSMIL", "UKRGOV")]
    cameos = ["190", "190", "195", "193", "190"]
    mentions = [m(f"d{i}", 0, s, t, c, 4, date="2025-04-15") for i, ((s, t), c) in enumerate(zip(reports, cameos))]
    incidents = cluster(mentions, DOCS, INFO)
    assert len(incidents) == 1
    assert {x.doc_id for x in incidents[0].mentions} == {f"d{i}" for i in range(5)}


@pytest.mark.parametrize("other,why", [
    (m("d2", 0, "RUS", "UKR", "190", 4, date="2025-04-14"), "another day"),
    (m("d2", 0, "RUS", "GEO", "190", 4, date="2025-04-15"), "another target country"),
    (m("d2", 0, "RUSOPP", "UKR", "190", 4, date="2025-04-15"), "the opposition, not the state"),
    (m("d2", 0, "RUS", "UKR", "111", 3, date="2025-04-15"), "another root"),
    (m("d2", 0, None, None, "190", 4, date="2025-04-15"), "nothing in common but the code"),
    (m("d2", 0, "RUS", "UKR", "190", 4, date="2025-04-15", location="Moskau"), "another place"),
])
def test_across_documents_incompatible_reports_stay_apart(other, why):
    first = m("d1", 0, "RUS", "UKR", "190", 4, date="2025-04-15", location="Kyiv")
    places = {"kyiv": INFO["loc:kyiv"], "moskau": ActorInfo("loc:moscow", "LOC", "RUS", "RUS", "Moskau")}
    assert len(cluster([first, other], DOCS, INFO, places)) == 2, why


@pytest.mark.parametrize("a,b,target,merged", [
    ("RUSGOV", "RUSMIL", None, False),  # two organs of one state and nothing else in common
    ("RUSGOV", "RUSMIL", "UKR", True),  # … with the same target
    ("RUS", "RUSMIL", None, True),  # a country and its organ
    ("per:putin", "RUSGOV", None, True),  # the same CAMEO code
    ("RUSGOV", "RUSGOV", None, True),
])
def test_across_documents_one_side_must_match_positively(a, b, target, merged):
    """Same day, same root: two reports merge only with positive evidence on one side. The
    police of a country arresting someone and a court of that country banning a strike on
    the same day are two incidents (found on unseen news by the new-user trial)."""
    mentions = [m("d1", 0, a, target, "190", 4, date="2025-04-15"), m("d2", 0, b, target, "190", 4, date="2025-04-15")]
    assert (len(cluster(mentions, DOCS, INFO)) == 1) is merged


def test_clustering_does_not_depend_on_input_order():
    mentions = [m(f"d{i}", j, s, "UKR", "190", 4, date="2025-04-15", nominal=(j == 1))
                for i, s in enumerate(["RUS", "RUSMIL", None, "RUSGOV"]) for j in range(2)]
    mentions.append(m("d5", 0, "FRA", "DEU", "111", 3, date="2025-04-15"))
    one = {i.id: sorted(x.event_id for x in i.mentions) for i in cluster(mentions, DOCS, INFO)}
    two = {i.id: sorted(x.event_id for x in i.mentions) for i in cluster(list(reversed(mentions)), DOCS, INFO)}
    assert one == two and len(one) == 2


def test_outlet_and_lead():
    assert outlet("https://www.spiegel.de/politik/a.html", [], "d") == "spiegel.de"
    assert outlet(None, ["Lena Probst"], "d") == "author:lena probst"
    assert outlet(None, [], "d") == "doc:d"
    text = "Kurz.\n\n" + "Erster Absatz mit genug Text. " * 5 + "\n\nZweiter Absatz."
    assert text[:lead_end(text)].rstrip().endswith("genug Text.")


# -- the store and the exports ------------------------------------------------------------

def _report(i: int, source: Actor, target: Actor, cameo: str, url: str) -> Document:
    text = f"Bericht {i}: {source.name} griff am Dienstag {target.name} an. Weitere Einzelheiten folgten."
    s, t = text.index(source.name), text.index(target.name)
    src = Actor(**{**source.to_dict(), "mentions": [(s, s + len(source.name))]})
    tgt = Actor(**{**target.to_dict(), "mentions": [(t, t + len(target.name))]})
    trig = text.index("griff")
    return Document(
        id=f"doc{i}", source=f"r{i}.txt", language="de", title=f"Bericht {i}", authors=[], published="2025-04-16",
        sections=[], captions=[], text=text, url=url, actors=[src, tgt],
        events=[Event(source=src.id, target=tgt.id, cameo=cameo, quad_class=4, goldstein=-10.0, date="2025-04-15",
                      sentence=text, span=(0, len(text)), trigger="griff", trigger_span=(trig, trig + 5))],
    )


RUS = Actor(id="RUS", name="Russland", type="GPE", country="RUS", code="RUS")
RUSMIL = Actor(id="RUSMIL", name="russisches Militär", type="ORG", country="RUS", code="RUSMIL")
UKR = Actor(id="UKR", name="die Ukraine", type="GPE", country="UKR", code="UKR")
KYIV = Actor(id="loc:kyiv", name="Kiew", type="LOC", country="UKR", code="UKR")


def test_store_incidents_and_exports(store_target, tmp_path):
    hosts = ["tagesschau.de", "spiegel.de", "zeit.de", "faz.net", "taz.de"]
    docs = [_report(i, [RUS, RUSMIL][i % 2], [UKR, KYIV][i % 2], ["190", "195"][i % 2], f"https://www.{h}/{i}")
            for i, h in enumerate(hosts)]
    with Store(store_target) as store:
        store.save_many(docs)
        assert refresh_incidents(store) == 1
        assert refresh_incidents(store) == 1  # recomputed, not appended
        (row,) = store.query("SELECT * FROM incidents")
        assert (row["num_mentions"], row["num_documents"], row["num_sources"]) == (5, 5, 5)
        assert str(row["date"])[:10] == "2025-04-15" and str(row["first_seen"])[:10] == "2025-04-16"
        assert sorted(row["event_ids"]) == [f"doc{i}:e0" for i in range(5)]  # the stable event ids
        n = export(store, tmp_path / "inc.jsonl", fmt="jsonl", table="incidents")
        g = export(store, tmp_path / "gdelt.tsv", fmt="gdelt")
    assert n == g == 1
    (rec,) = [json.loads(line) for line in (tmp_path / "inc.jsonl").read_text(encoding="utf-8").splitlines()]
    for key in ("id", "source", "target", "cameo", "root", "date", "location", "num_mentions", "num_documents",
                "num_sources", "first_seen", "last_seen", "event_ids"):
        assert key in rec, key
    assert rec["root"] == "19" and rec["num_documents"] == 5
    with (tmp_path / "gdelt.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 1 and len(rows[0]) == len(GDELT_EVENT_COLUMNS) == 61
    cell = dict(zip(GDELT_EVENT_COLUMNS, rows[0]))
    assert cell["SQLDATE"] == "20250415" and cell["MonthYear"] == "202504" and cell["Year"] == "2025"
    assert (cell["NumMentions"], cell["NumSources"], cell["NumArticles"]) == ("5", "5", "5")
    assert cell["EventRootCode"] == "19" and cell["QuadClass"] == "4" and cell["IsRootEvent"] == "1"
    assert cell["Actor1CountryCode"] == "RUS" and cell["Actor2CountryCode"] == "UKR"
    assert cell["DATEADDED"] == "20250416000000" and cell["SOURCEURL"].startswith("https://")


def test_gdelt_sourceurl_is_the_first_report(store_target, tmp_path):
    """SOURCEURL names the article that reported the incident first (earliest publication,
    then earliest stored), not the one whose id sorts first; DATEADDED is that first day."""
    days = ["2025-04-18", "2025-04-16", "2025-04-17", None]
    docs = []
    for i, (day, host) in enumerate(zip(days, ["a.de", "b.de", "c.de", "d.de"])):
        d = _report(i, RUS, UKR, "190", f"https://www.{host}/{i}")
        d.published = day
        docs.append(d)
    with Store(store_target) as store:
        store.save_many(docs)
        refresh_incidents(store)
        export(store, tmp_path / "g.tsv", fmt="gdelt")
    with (tmp_path / "g.tsv").open(encoding="utf-8") as fh:
        (row,) = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    cell = dict(zip(GDELT_EVENT_COLUMNS, row))
    assert cell["SOURCEURL"] == "https://www.b.de/1"  # doc0 sorts first but was published last
    assert cell["DATEADDED"] == "20250416000000"


@pytest.mark.parametrize("modality, negated, written", [
    ("asserted", False, True), ("reported", False, True),
    ("predicted", False, False), ("threatened", False, False), ("hypothetical", False, False),
    ("conditional", False, False), ("demanded", False, False), ("asserted", True, False),
])
def test_gdelt_writes_only_what_took_place(tmp_path, modality, negated, written):
    """GDELT's table has no modality or negation column: a predicted, threatened or negated
    attack written there reads as an attack that happened (a predicted one even with its
    future date). Such incidents are left out and counted on stderr; the incidents table
    keeps them."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    fact = _report(0, RUS, UKR, "190", "https://www.a.de/0")
    other = _report(1, RUSMIL, KYIV, "195", "https://www.b.de/1")
    other.events[0].modality, other.events[0].negated = modality, negated
    other.events[0].date = "2030-05-01"
    other.published = "2025-04-16"
    db = tmp_path / "m.duckdb"
    with Store(str(db)) as store:
        store.save_many([fact, other])
    out = tmp_path / "g.tsv"
    result = CliRunner().invoke(app, ["export", str(out), "--format", "gdelt", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [r.split("\t") for r in out.read_text(encoding="utf-8").splitlines()]
    dates = sorted(dict(zip(GDELT_EVENT_COLUMNS, r))["SQLDATE"] for r in rows)
    assert ("20300501" in dates) == written and "20250415" in dates
    text = " ".join(result.output.split())
    assert ("left out 1 incidents" in text) == (not written)
    if not written:
        assert ("negated 1" if negated else f"{modality} 1") in text
    inc = tmp_path / "i.jsonl"
    assert CliRunner().invoke(app, ["export", str(inc), "--table", "incidents", "--db", str(db)]).exit_code == 0
    assert len(inc.read_text(encoding="utf-8").splitlines()) == 2  # the incidents table keeps both


def test_cli_five_articles_of_one_incident(tmp_path):
    """End to end with the real pipeline: five outlets report one attack in their own
    words (plus one unrelated report) -> one incident of five documents."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    texts = [
        "Russland hat am Dienstag die Ukraine mit Raketen angegriffen. Nach Angaben aus Kiew wurden Wohnhäuser getroffen.",
        "Das russische Militär griff am Dienstag die Ukraine an. Betroffen waren vor allem Wohngebiete.",
        "Moskau hat am Dienstag die Ukraine angegriffen. Die Regierung in Kiew sprach von schweren Schäden.",
        "Russische Truppen haben am Dienstag die Ukraine angegriffen. Zwölf Menschen wurden verletzt.",
        "Die russische Armee hat am Dienstag die Ukraine attackiert. Beobachter sprachen von einer Eskalation.",
    ]
    hosts = ["tagesschau.de", "spiegel.de", "zeit.de", "faz.net", "sueddeutsche.de"]
    lines = [{"url": f"https://www.{h}/{i}", "published": "2025-04-16", "title": "Angriff", "text": t}
             for i, (h, t) in enumerate(zip(hosts, texts))]
    lines.append({"url": "https://www.taz.de/x", "published": "2025-04-16", "title": "Kritik",
                  "text": "Frankreich hat am Dienstag Deutschland kritisiert. Paris warf Berlin Untätigkeit vor."})
    src = tmp_path / "reports.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db), "-q"], catch_exceptions=False).exit_code == 0
    out = tmp_path / "incidents.jsonl"
    result = runner.invoke(app, ["export", str(out), "--table", "incidents", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    incidents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    attacks = [i for i in incidents if i["root"] == "19"]
    assert len(attacks) == 1, incidents
    assert (attacks[0]["num_documents"], attacks[0]["num_sources"]) == (5, 5)
    assert not any(i["root"] == "19" for i in incidents if i is not attacks[0])
    gdelt = tmp_path / "events.tsv"
    assert runner.invoke(app, ["export", str(gdelt), "--format", "gdelt", "--db", str(db)]).exit_code == 0
    rows = [r.split("\t") for r in gdelt.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(incidents) and all(len(r) == 61 for r in rows)
    # --table incidents is the same export; any other table is refused, not silently ignored
    same = tmp_path / "same.tsv"
    args = ["export", str(same), "--format", "gdelt", "--table", "incidents", "--db", str(db)]
    assert runner.invoke(app, args).exit_code == 0 and same.read_text(encoding="utf-8") == gdelt.read_text(encoding="utf-8")
    refused = runner.invoke(app, ["export", str(tmp_path / "no.tsv"), "--format", "gdelt", "--table", "events", "--db", str(db)])
    assert refused.exit_code != 0 and "E046" in refused.output and not (tmp_path / "no.tsv").exists()


from hypothesis import given, strategies as st  # noqa: E402


@given(st.text(max_size=200), st.integers(-5, 250), st.integers(-5, 250), st.sampled_from(["de", "en", None, "xx"]))
def test_backreference_never_raises_on_any_text_or_span(text, a, b, lang):
    assert is_backreference(text, (a, b), lang) in (True, False)


@given(st.one_of(st.none(), st.text(max_size=100), st.integers(), st.floats(allow_nan=False)))
def test_gdelt_cells_never_break_the_tsv(value):
    from lagebild.export_gdelt import _clean

    cell = _clean(value)
    assert "\t" not in cell and "\n" not in cell and "\r" not in cell


# (construction, document basis of d1 and d2, stated dates, merged into one incident?)
INGEST_DAY_GRID = [
    ("both published that day", ("published", "published"), (None, None), True),
    ("both undated: only the ingest day", ("ingested", "ingested"), (None, None), False),
    ("one published, one undated", ("published", "ingested"), (None, None), False),
    ("undated but the text states the day", ("ingested", "ingested"), ("2025-04-16", "2025-04-16"), True),
    ("undated, one text states the day", ("ingested", "published"), ("2025-04-16", None), True),
]


@pytest.mark.parametrize("name,basis,stated,merged", INGEST_DAY_GRID, ids=[g[0] for g in INGEST_DAY_GRID])
def test_ingest_day_alone_never_merges_documents(name, basis, stated, merged):
    """An undated document's events get the day it was ingested (GDELT's SQLDATE is never
    empty), but that day says nothing about when they happened: every undated article of
    one ingest has it. Such clusters stay alone across documents; before, a batch of
    undated articles from many months made one incident of one actor's repeated criticism."""
    docs = {f"d{i}": DocMeta(f"d{i}", "2025-04-16", f"outlet{i}.de", basis=b) for i, b in enumerate(basis, start=1)}
    mentions = [m(f"d{i}", 0, "RUS", "UKR", "190", 4, date=d) for i, d in enumerate(stated, start=1)]
    incidents = cluster(mentions, docs, INFO)
    assert len(incidents) == (1 if merged else 2), name
    assert all(i.day == "2025-04-16" for i in incidents)
