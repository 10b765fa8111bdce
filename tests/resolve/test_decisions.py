"""Analysts' decisions: recorded with who/when/evidence, reversible with history kept, on
DuckDB and PostgreSQL; scorecards read only decisions."""
import json

import pytest
from stores import filled

from lagebild.errors import LagebildError, NotFoundError
from lagebild.resolve import current, history, record, scorecards, undo
from lagebild.schemas import Actor, Document, Event, Forecast
from lagebild.store import Store, export


def _doc(doc_id, published, authors, forecasts=(), events=()):
    return Document(
        id=doc_id, source=f"{doc_id}.txt", language="en", title=doc_id, authors=authors, published=published,
        sections=[], captions=[], text="Russia will attack. Russia attacked.",
        actors=[Actor(id="RUS", name="Russia", type="GPE", country="RUS"), Actor(id="UKR", name="Ukraine", type="GPE", country="UKR"),
                Actor(id="per:kaja_kallas", name="Kaja Kallas", type="PER", country="EST")],
        forecasts=list(forecasts), events=list(events),
    )


def _fc(p, holder="author"):
    return Forecast(holder=holder, text=f"p={p}", span=(0, 5), probability=p,
                    predicted={"source": "RUS", "cameo": "190", "target": "UKR"})


def _fill(st) -> None:  # type: ignore[no-untyped-def]
    st.save(_doc("a1", "2024-01-05", ["Markus Feldmann"], [_fc(0.75), _fc(0.4), _fc(0.93), _fc(0.7, "per:kaja_kallas")]))
    st.save(_doc("a2", "2024-02-05", ["Anna Berger"], [_fc(0.25), _fc(0.8)]))
    st.save(_doc("a3", "2024-02-06", [], [_fc(0.6)]))  # no named author
    st.save(_doc("n1", "2024-05-01", [], events=[Event(source="RUS", target="UKR", cameo="190", date="2024-04-30", span=(20, 36))]))


@pytest.fixture()
def store(store_target):
    """The four documents in a store of this test's own (DuckDB: a copy of one built per session)."""
    with Store(filled(store_target, "decisions", _fill)) as st:
        yield st


def test_record_undo_history_and_status(store):
    row = record(store, "a1:f0", "true", evidence=["n1:e0", "n1"], note="agency report", by="ed")
    assert row["decided_by"] == "ed" and row["seq"] == 1
    assert row["evidence"] == [{"event_id": "n1:e0", "document_id": "n1"}, {"event_id": None, "document_id": "n1"}]
    assert store.query("SELECT status FROM forecasts WHERE doc_id = 'a1' AND idx = 0")[0]["status"] == "resolved"
    record(store, "a1:f0", "partly", by="chief")
    assert current(store)["a1:f0"]["outcome"] == "partly"
    undone = undo(store, "a1:f0", by="chief")
    assert undone["outcome"] == "partly" and undone["undone_by"] == "chief"
    assert current(store)["a1:f0"]["outcome"] == "true"  # the earlier decision is current again
    undo(store, "a1:f0", by="chief")
    assert "a1:f0" not in current(store)
    assert store.query("SELECT status FROM forecasts WHERE doc_id = 'a1' AND idx = 0")[0]["status"] == "open"
    rows = history(store, "a1:f0")
    assert [(r["seq"], r["outcome"], r["undone_by"]) for r in rows] == [(1, "true", "chief"), (2, "partly", "chief")]
    assert rows[0]["note"] == "agency report" and rows[0]["forecast"]["probability"] == 0.75
    with pytest.raises(NotFoundError, match="E134"):
        undo(store, "a1:f0")


def test_bad_decisions_are_refused(store):
    with pytest.raises(LagebildError, match="E133"):
        record(store, "a1:f0", "maybe")
    with pytest.raises(LagebildError, match="E130"):
        record(store, "a1", "true")
    with pytest.raises(NotFoundError, match="E131"):
        record(store, "a1:f9", "true")
    with pytest.raises(NotFoundError, match="E132"):
        record(store, "a1:f0", "true", evidence=["n1:e5"])
    with pytest.raises(NotFoundError, match="E132"):
        record(store, "a1:f0", "true", evidence=["zzzz"])
    assert history(store) == []


@pytest.mark.parametrize("how", ["save", "save_documents"])
def test_reingest_keeps_decisions_and_status(store, how):
    """A re-analysed document gets new forecast rows; the store keeps their status from the
    decisions in the same write (``lagebild resolve``'s listing used to repair it, a write)."""
    record(store, "a1:f1", "false")
    record(store, "a1:f2", "true")
    undo(store, "a1:f2")
    doc = _doc("a1", "2024-01-05", ["Markus Feldmann"], [_fc(0.76), _fc(0.4), _fc(0.93), _fc(0.7, "per:kaja_kallas")])  # re-analysed: changed
    outcome = store.save_document(doc) if how == "save" else store.save_documents([doc])[0]
    assert outcome == "updated"
    assert current(store)["a1:f1"]["outcome"] == "false"
    status = {r["idx"]: r["status"] for r in store.query("SELECT idx, status FROM forecasts WHERE doc_id = 'a1'")}
    assert status == {0: "open", 1: "resolved", 2: "open", 3: "open"}


def test_scorecards_per_holder_from_decisions_only(store):
    for fid, outcome in [("a1:f0", "true"), ("a1:f1", "false"), ("a1:f2", "void"), ("a1:f3", "true"),
                         ("a2:f0", "false"), ("a2:f1", "partly"), ("a3:f0", "true")]:
        record(store, fid, outcome)
    cards = {c["holder"]: c for c in scorecards(store)}
    assert set(cards) == {"Markus Feldmann", "Anna Berger", "Kaja Kallas", "unnamed author (a3.txt)"}
    fm = cards["Markus Feldmann"]
    assert (fm["forecasts"], fm["resolved"], fm["hits"], fm["misses"], fm["void"], fm["partly"]) == (3, 3, 1, 1, 1, 0)
    assert fm["hit_rate"] == 0.5
    assert fm["brier"] == pytest.approx(((0.75 - 1) ** 2 + 0.4**2) / 2)
    ab = cards["Anna Berger"]
    assert (ab["resolved"], ab["hits"], ab["partly"], ab["scored"]) == (2, 0, 1, 1)
    assert ab["brier"] == pytest.approx(0.25**2) and ab["hit_rate"] == 0.0
    assert cards["Kaja Kallas"]["holder_id"] == "per:kaja_kallas"
    assert [c["holder"] for c in scorecards(store, holder="berger")] == ["Anna Berger"]
    assert [c["holder"] for c in scorecards(store, holder="per:kaja_kallas")] == ["Kaja Kallas"]
    from datetime import date
    assert {c["holder"] for c in scorecards(store, since=date(2024, 2, 1))} == {"Anna Berger", "unnamed author (a3.txt)"}


def test_resolutions_are_exported(store, tmp_path):
    record(store, "a1:f0", "true", evidence=["n1:e0"], note="ok", by="ed")
    n = export(store, tmp_path / "r.jsonl", fmt="jsonl", table="resolutions")
    rows = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert n == 1 and rows[0]["evidence"] == [{"event_id": "n1:e0", "document_id": "n1"}] and rows[0]["decided_by"] == "ed"
    assert export(store, tmp_path / "r.parquet", fmt="parquet", table="resolutions") == 1


def test_read_only_store_without_the_table(tmp_path):
    from lagebild.store.backends import DuckDBBackend
    from lagebild.store.migrations import MIGRATIONS, migrate

    path = str(tmp_path / "old.duckdb")
    be = DuckDBBackend(path)
    import lagebild.store.migrations as m
    saved = list(m.MIGRATIONS)
    m.MIGRATIONS[:] = [x for x in saved if x[0] == "001_initial"]
    try:
        migrate(be)
    finally:
        m.MIGRATIONS[:] = saved
    be.close()
    with Store(path, read_only=True) as st:  # an old store: scorecards without decisions
        assert scorecards(st) == [] and current(st) == {}
    assert "002_resolutions" in [name for name, _ in MIGRATIONS]


def test_json_output_carries_the_stable_record_ids():
    doc = _doc("a1", "2024-01-05", ["Markus Feldmann"], [_fc(0.75), _fc(0.4)],
               [Event(source="RUS", target="UKR", cameo="190", span=(0, 5))])
    data = doc.to_dict()
    assert [f["id"] for f in data["forecasts"]] == ["a1:f0", "a1:f1"]
    assert [e["id"] for e in data["events"]] == ["a1:e0"]
    assert Document.from_dict(data).to_dict() == data  # the ids are derived, not stored twice


def test_cli_decide_list_and_score_on_both_backends(store, tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    target = store.path
    store.close()  # the CLI opens the database itself (DuckDB: one process, one mode)

    def invoke(*args):
        return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)

    listed = invoke("resolve", "--db", target, "--as-of", "2026-01-01", "--format", "json", "--all")
    assert listed.exit_code == 0, listed.output
    items = {i["forecast_id"]: i for i in json.loads(listed.stdout)}
    assert items["a1:f0"]["candidates"][0]["event_id"] == "n1:e0" and items["a1:f0"]["holder"] == "Markus Feldmann"
    assert invoke("resolve", "a1:f0", "-o", "true", "-e", "n1:e0", "--db", target, "--by", "ed").exit_code == 0
    assert invoke("resolve", "a2:f0", "-o", "false", "--db", target, "--by", "ed").exit_code == 0
    cards = {c["holder"]: c for c in json.loads(invoke("score", "--db", target, "-f", "json").stdout)}
    assert cards["Markus Feldmann"]["hits"] == 1 and cards["Anna Berger"]["brier"] == pytest.approx(0.0625)
    left = json.loads(invoke("resolve", "--db", target, "--as-of", "2026-01-01", "--format", "json", "--all").stdout)
    assert "a1:f0" not in {i["forecast_id"] for i in left}
    assert invoke("resolve", "a1:f0", "--undo", "--db", target).exit_code == 0
    assert invoke("resolve", "--history", "--db", target, "-f", "json").exit_code == 0


def test_unlinked_holders_are_never_one_scorecard(store_target):
    """Holders the linker could not resolve ("unknown" with their wording, a pronoun, a turn
    label) are kept apart per document and wording: they used to share one card, named
    after whichever came first, which then carried every unlinked holder's decisions."""
    with Store(store_target) as st:
        def fc(p, holder, text):
            return Forecast(holder=holder, holder_text=text, text=f"p={p}", span=(0, 5), probability=p)

        st.save(_doc("u1", "2024-01-05", ["Markus Feldmann"], [fc(0.8, "unknown", "es"), fc(0.6, "unknown", "Experten"),
                                                             fc(0.7, "unknown", "Experten")]))
        st.save(_doc("u2", "2024-01-06", [], [fc(0.9, "unknown", "Experten"), fc(0.3, "Kushnar", "Kushnar")]))
        record(st, "u1:f1", "true")
        record(st, "u2:f0", "false")
        cards = {c["holder"]: c for c in scorecards(st)}
        assert set(cards) == {"es (unlinked; u1.txt)", "Experten (unlinked; u1.txt)", "Experten (unlinked; u2.txt)",
                              "Kushnar (unlinked; u2.txt)"}
        assert (cards["Experten (unlinked; u1.txt)"]["forecasts"], cards["Experten (unlinked; u1.txt)"]["hits"]) == (2, 1)
        assert (cards["Experten (unlinked; u2.txt)"]["forecasts"], cards["Experten (unlinked; u2.txt)"]["misses"]) == (1, 1)
        assert cards["es (unlinked; u1.txt)"]["resolved"] == 0
        assert len({c["holder_id"] for c in cards.values()}) == 4
        assert [c["holder"] for c in scorecards(st, holder="experten")] == ["Experten (unlinked; u1.txt)",
                                                                           "Experten (unlinked; u2.txt)"]


def test_redeciding_says_what_it_replaces_and_stale_decisions_are_refused(store):
    first = record(store, "a1:f0", "false", by="ana")
    assert first["replaces"] is None and first["seq"] == 1
    second = record(store, "a1:f0", "true", by="ben")
    assert second["replaces"] == {"seq": 1, "outcome": "false", "decided_by": "ana"}
    # an analyst who saw decision 1 (or none) and decides now is refused, nothing written
    for seen in (0, 1):
        with pytest.raises(LagebildError, match=r"E136.*decision 2 \(true by ben\)"):
            record(store, "a1:f0", "void", expect=seen)
    with pytest.raises(LagebildError, match="E136"):
        undo(store, "a1:f0", expect=1)
    assert [r["seq"] for r in history(store, "a1:f0")] == [1, 2]
    assert record(store, "a1:f0", "partly", expect=2)["seq"] == 3
    assert undo(store, "a1:f0", expect=3)["seq"] == 3
    assert current(store)["a1:f0"]["outcome"] == "true"
    undo(store, "a1:f0", expect=2)
    undo(store, "a1:f0", expect=1)
    with pytest.raises(LagebildError, match=r"E136.*none \(undone\)"):
        undo(store, "a1:f0", expect=1)
    assert record(store, "a1:f0", "true", expect=0)["seq"] == 4


def _decide_in_process(args):
    target, outcome, by = args
    with Store(target) as st:
        return record(st, "a1:f0", outcome, by=by)["seq"]


def test_concurrent_deciders_get_distinct_numbers(store_target):
    """Several analysts deciding the same forecast at once (PostgreSQL: CLI and workbench
    side by side) number their decisions one after the other; the count-then-insert used to
    give two decisions the same number, and "current" was then a coin toss."""
    import multiprocessing

    with Store(store_target) as st:
        st.save(_doc("a1", "2024-01-05", ["Markus Feldmann"], [_fc(0.75)]))
        backend = st.backend.name
    if backend != "postgresql":  # DuckDB: one writing process at a time; in order here
        seqs = [_decide_in_process((store_target, "true", f"a{i}")) for i in range(3)]
    else:
        with multiprocessing.get_context("spawn").Pool(4) as pool:
            seqs = pool.map(_decide_in_process, [(store_target, "true" if i % 2 else "false", f"a{i}") for i in range(8)])
    assert sorted(seqs) == list(range(1, len(seqs) + 1))
    with Store(store_target) as st:
        assert sorted(r["seq"] for r in history(st, "a1:f0")) == sorted(seqs)


def test_cli_shows_a_decided_forecast_as_resolved(store, tmp_path):
    """`lagebild resolve ID` on a decided forecast used to title it "1 forecasts awaiting a
    decision" with status "due"; it now shows the current decision as its status."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    target = store.path
    store.close()
    run = CliRunner().invoke
    assert run(app, ["resolve", "a1:f0", "-o", "false", "--by", "ana", "--db", target]).exit_code == 0
    again = run(app, ["resolve", "a1:f0", "-o", "true", "--by", "ben", "--db", target])
    assert "replaces decision 1 (false by ana)" in " ".join(again.output.split())
    item = json.loads(run(app, ["resolve", "a1:f0", "--db", target, "-f", "json", "--as-of", "2026-01-01"]).stdout)
    assert item["status"] == "resolved" and item["proposal_status"] == "due" and item["decision"]["seq"] == 2
    shown = " ".join(run(app, ["resolve", "a1:f0", "--db", target, "--as-of", "2026-01-01"]).output.split())
    assert "forecast a1:f0 in" in shown and "awaiting" not in shown  # the table's cells fold with the width
    fresh = json.loads(run(app, ["resolve", "a2:f0", "--db", target, "-f", "json", "--as-of", "2026-01-01"]).stdout)
    assert fresh["status"] == fresh["proposal_status"] and fresh["decision"] is None


@pytest.mark.parametrize("end, outcome, warned", [
    ("2999-12-31", "false", True),    # the horizon is not over: it can still come true
    ("2999-12-31", "true", False),    # it happened early: nothing premature
    ("2999-12-31", "void", False),
    ("2024-03-31", "false", False),   # the horizon is over
    (None, "false", False),           # no horizon: a year after publication (2024-01-05), over
])
def test_cli_warns_on_a_miss_decided_before_the_horizon_ends(store_target, end, outcome, warned):
    """`resolve ID -o false` on a forecast whose horizon has not ended was stored without a
    word, and the scorecards counted a miss the future could still turn into a hit. The
    decision is still stored (the analyst may know better: the actor died), with W135 on
    stderr and in the JSON."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    fc = Forecast(holder="author", text="Russia will attack", span=(0, 5), probability=0.7,
                  horizon={"text": "by then", "start": "2024-01-05", "end": end} if end else None)
    with Store(store_target) as st:
        st.save(_doc("h1", "2024-01-05", ["Markus Feldmann"], [fc]))
    run = CliRunner().invoke
    shown = run(app, ["resolve", "h1:f0", "-o", outcome, "--by", "ana", "--db", store_target])
    assert shown.exit_code == 0, shown.output
    assert ("[W135]" in shown.output) == warned
    if warned:
        assert "2999-12-31" in shown.output and "h1:f0 --undo" in " ".join(shown.output.split())
    as_json = run(app, ["resolve", "h1:f0", "-o", outcome, "--by", "ben", "--db", store_target, "-f", "json"])
    row = json.loads(as_json.stdout.strip().splitlines()[-1])
    assert row["outcome"] == outcome and bool(row.get("warnings")) == warned
    with Store(store_target) as st:
        assert current(st)["h1:f0"]["outcome"] == outcome  # stored either way


def test_cli_as_of_dates_a_miss_for_the_horizon_check(store_target):
    """`--as-of` with `--outcome` used to be ignored without a word; it now names the day the
    decision judges, so a miss recorded as of a day after the horizon is not premature."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    fc = Forecast(holder="author", text="Russia will attack", span=(0, 5), probability=0.7,
                  horizon={"text": "by 2998", "start": "2024-01-05", "end": "2998-12-31"})
    with Store(store_target) as st:
        st.save(_doc("h2", "2024-01-05", ["Markus Feldmann"], [fc]))
    run = CliRunner().invoke
    late = run(app, ["resolve", "h2:f0", "-o", "false", "--as-of", "2999-01-01", "--db", store_target])
    assert late.exit_code == 0 and "[W135]" not in late.output
    early = run(app, ["resolve", "h2:f0", "-o", "false", "--as-of", "2998-06-01", "--db", store_target])
    assert early.exit_code == 0 and "[W135]" in early.output and "2998-06-01" in early.output
    bad = run(app, ["resolve", "h2:f0", "-o", "false", "--as-of", "soon", "--db", store_target])
    assert bad.exit_code != 0 and "ISO date" in bad.output
    with Store(store_target) as st:  # the refused call wrote nothing: decision 2 is current
        assert [r["seq"] for r in history(st) if r["forecast_id"] == "h2:f0"] == [1, 2]


@pytest.mark.parametrize("given", ["maybe", "TRUE", "yes", "1", "teilweise", ""])
def test_cli_unknown_outcome_is_coded_e133(store, given):
    """``resolve --outcome X`` with X outside true/false/partly/void is [E133] naming the
    accepted values (exit 2), not typer's usage error; nothing is written."""
    from typer.testing import CliRunner

    from lagebild.cli import app
    target = store.path
    store.close()
    shown = CliRunner().invoke(app, ["resolve", "a1:f0", "-o", given, "--by", "ana", "--db", target])
    text = " ".join(shown.output.split())
    assert shown.exit_code == 2, shown.output
    assert "[E133]" in text and "true, false, partly, void" in text and "Usage:" not in text
    with Store(target) as st:
        assert "a1:f0" not in current(st)


@pytest.mark.parametrize("given", ["true", "false", "partly", "void"])
def test_cli_accepted_outcomes_still_decide(store, given):
    from typer.testing import CliRunner

    from lagebild.cli import app
    target = store.path
    store.close()
    shown = CliRunner().invoke(app, ["resolve", "a1:f0", "-o", given, "--by", "ana", "--db", target])
    assert shown.exit_code == 0, shown.output
    with Store(target) as st:
        assert current(st)["a1:f0"]["outcome"] == given
