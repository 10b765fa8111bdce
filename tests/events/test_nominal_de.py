"""Nominal events, support verbs and evaluative speech acts (issue 9): own German sentences
(``nominal_grid_de.tsv``) for event nouns realised by a support verb
(``support_verbs_de.tsv``), negated support constructions, evaluations in a predicative
complement (pattern flag ``predicative``) and report sources with a postposition ("der Nato
zufolge"). Every row must pass; a failing row names its kind."""
from __future__ import annotations

from pathlib import Path

import pytest
from grid_rows import actor_ok, coded_events, read_grid

HERE = Path(__file__).parent


def row_ok(row, got):
    """``got``: (source code, target code, CAMEO code, negated) per event. Root ``--``: no
    event may be coded."""
    if row["root"] == "--":
        return not got
    neg = row["negated"]
    return any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and c[:2] == row["root"]
               and (neg == "*" or n == (neg == "true")) for s, t, c, n in got)


def test_row_ok_semantics():
    row = {"source": "RUS", "target": "+", "root": "19", "negated": "false"}
    assert row_ok(row, [("RUS", "UKR", "190", False)])
    assert not row_ok(row, [("RUS", "UKR", "190", True)])
    assert not row_ok(row, [("RUS", None, "190", False)])
    assert not row_ok(row, [("UKR", "RUS", "190", False)])
    assert row_ok({"source": "*", "target": "*", "root": "--", "negated": "*"}, [])
    assert not row_ok({"source": "*", "target": "*", "root": "--", "negated": "*"}, [("RUS", None, "111", False)])


def test_nominal_grid_de(nlp_de):
    rows = read_grid("nominal_grid_de.tsv")
    assert len(rows) >= 40
    kinds = {r["kind"] for r in rows}
    assert {"support-agent", "support-patient", "support-negation", "predicative-negative", "postposition-source"} <= kinds
    failures = []
    for row, doc in zip(rows, nlp_de.pipe(r["text"] for r in rows)):
        got = coded_events(doc, negation=True)
        if not row_ok(row, got):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['source']}->{row['target']} {row['root']} "
                            f"neg={row['negated']}  got {got}")
    print(f"nominal grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_support_verbs_loaded_and_validated(tmp_path, monkeypatch):
    from lagebild.datafiles import DataFileError
    from lagebild.events import lexicon as lx

    verbs = lx.load_support_verbs("de")
    assert ("obj", "agent") in verbs["fortsetzen"]
    assert ("prep:zu", "agent") in verbs["bekennen"]
    assert ("obj", "patient") in verbs["ernten"]
    assert lx.load_support_verbs("xx") == {}
    bad = tmp_path / "events"
    bad.mkdir()
    (bad / "support_verbs_de.tsv").write_text("verb\tslot\trole\tnote\nüben\tobj\tdoer\t\n", encoding="utf-8")
    monkeypatch.setattr(lx, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(DataFileError) as err:
        lx.load_support_verbs("de")
    assert "support_verbs_de.tsv" in str(err.value) and "2" in str(err.value)


def test_predicative_flag_parsed_and_validated():
    from lagebild.events.patterns import _validate as row_problem
    from lagebild.events.patterns import make_pattern

    p = make_pattern("bezeichnen", "111", words="fehler|affront", flags="predicative")
    assert p.predicative and not make_pattern("bezeichnen", "111", words="fehler").predicative
    assert row_problem({"trigger": "bezeichnen", "code": "111", "flags": "predicativ"}, root="11") is not None
    assert row_problem({"trigger": "bezeichnen", "code": "111", "flags": "predicative"}, root="11") is None


def test_derived_nominal_patterns_are_current_and_load():
    """patterns_de_nominal.tsv is what scripts/derive_nominal_patterns.py derives from the
    verb lexicon now (a verb row changed without regenerating fails here), and it loads
    as a second tier behind the hand-written nouns."""
    from repo_scripts import load_script

    from lagebild.datafiles import data_path
    from lagebild.events.patterns import load_patterns

    mod = load_script("scripts/derive_nominal_patterns.py")
    rows = mod.derive()
    committed = [line.split("\t") for line in data_path("events", "patterns_de_nominal.tsv").read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")][1:]
    assert [(r["trigger"], r["code"], r["target"]) for r in rows] == [(c[0], c[1], c[3]) for c in committed]
    assert len(rows) >= 30
    assert all(r["trigger"].lower() not in mod.NOT_EVENTS for r in rows)
    # -ung nouns, or nouns of the other nominalisation patterns of their verb (session 21)
    assert all(r["trigger"].endswith("ung") or r["trigger"].lower() in mod.nominalise_other(r["note"].split()[0]) for r in rows)
    assert mod.nominalise_other("evakuieren")[0] == "evakuation" and "spende" in mod.nominalise_other("spenden")
    index = load_patterns("de")
    verh = index.get("verhöhnung")
    assert verh and verh[0].tier == 1 and verh[0].nominal and verh[0].code == "111"
    assert not index.get("regierung"), "an institution noun must not be an event trigger"
    assert mod.nominalise("bombardieren") == ["bombardierung"] and mod.nominalise("verhandeln")[0] == "verhandlung"
