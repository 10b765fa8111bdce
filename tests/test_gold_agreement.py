"""benchmarks/gold_agreement.py: inter-annotator agreement, on synthetic records of our own
(offsets and labels only, no article text)."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from repo_scripts import load_script

from lagebild import realgold

ROOT = Path(__file__).resolve().parents[1]
ga = load_script("benchmarks/gold_agreement.py")


def test_cohen_kappa_known_values():
    # the textbook 2x2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> p_o 0.7, p_e 0.5, kappa 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert ga.cohen_kappa(pairs) == pytest.approx(0.4)
    assert ga.cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    assert ga.cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)
    assert ga.cohen_kappa([("a", "a"), ("a", "a")]) == 1.0  # one label throughout
    assert ga.cohen_kappa([]) is None


def _ev(start, end, source, target, root, code, modality="asserted"):
    return {"line": 1, "start": start, "end": end, "source": source, "target": target,
            "root": root, "code": code, "modality": modality, "negated": False}


def _st(start, end, speaker, kind):
    return {"line": 1, "start": start, "end": end, "speaker": speaker, "kind": kind,
            "content_span": [start + 2, end - 1], "speaker_span": None}


def _fc(start, end, holder, prob, cond=None):
    return {"line": 1, "start": start, "end": end, "holder": holder, "probability_class": prob,
            "condition_span": cond}


def _neg(start, end, looks_like):
    return {"line": 1, "start": start, "end": end, "looks_like": looks_like, "reason": "x"}


def annotation_a():
    return {
        "events": {1: [_ev(0, 50, "RUSGOV", "UKR", "19", "190"),
                       _ev(0, 50, "UKRMIL", "RUS", "19", "190"),
                       _ev(51, 100, "DEU", "RUS", "11", "111"),
                       _ev(101, 150, ["USA", "USAGOV"], None, ["02", "10"], ["020", "100"])]},
        "statements": {1: [_st(51, 100, "DEUGOV", "direct"), _st(101, 150, "USAGOV", "indirect"),
                           _st(151, 200, "USAGOV", "indirect"), _st(201, 250, "author", "direct")]},
        "forecasts": {1: [_fc(151, 200, "USAGOV", "likely"), _fc(201, 250, "author", None, [210, 220])]},
        "hard_negatives": {1: [_neg(251, 300, "forecast"), _neg(301, 350, "statement")]},
    }


def test_identical_annotations_agree_fully():
    a = annotation_a()
    res = ga.agreement(a, copy.deepcopy(a), [1])
    e, s, f = res["events"], res["statements"], res["forecasts"]
    assert e["B_vs_A"]["recall"] == 1.0 and e["B_vs_A"]["triple_f1"] == 1.0
    assert e["A_vs_B"]["triple_f1"] == 1.0 and e["root_agreement"] == 1.0
    assert s["f1"] == 1.0 and s["speaker_strict"] == 1.0 and s["kind_kappa"] == 1.0
    assert f["f1"] == 1.0 and f["holder_strict"] == 1.0 and f["condition_agreement"] == 1.0
    assert s["hard_negatives_f1"] == 1.0 and f["hard_negatives_f1"] == 1.0


def test_disagreements_are_counted():
    a = annotation_a()
    b = copy.deepcopy(a)
    # events: B misses the Ukrainian attack, gives the criticism another root, and codes the
    # appeal with its second accepted reading (still in A's list) plus an extra event
    b["events"][1] = [_ev(0, 50, "RUSGOV", "UKR", "19", "190"),
                      _ev(51, 100, "DEUGOV", "RUS", "12", "120"),
                      _ev(101, 150, "USAGOV", None, "10", "100"),
                      _ev(151, 200, "USAGOV", "IRN", "13", "130")]
    # statements: one kind differs, one speaker differs, one is missing, one extra
    b["statements"][1] = [_st(51, 100, "DEUGOV", "indirect"), _st(101, 150, "RUSGOV", "indirect"),
                          _st(151, 200, "USAGOV", "indirect"), _st(401, 450, "---", "direct")]
    # forecasts: B drops the author's conditional one and marks that sentence a hard negative
    b["forecasts"][1] = [_fc(151, 200, ["USAGOV", "USA"], "even_chance")]
    b["hard_negatives"][1] = [_neg(201, 250, "forecast"), _neg(301, 350, "statement")]
    res = ga.agreement(a, b, [1])
    e, s, f = res["events"], res["statements"], res["forecasts"]
    ba = e["B_vs_A"]
    assert (e["A"], e["B"]) == (4, 4)
    assert ba["recall"] == pytest.approx(2 / 4)            # RUS attack and the US appeal
    assert ba["root_precision"] == pytest.approx(2 / 3)    # 3 B events in A's event sentences
    assert ba["triple_precision"] == pytest.approx(2 / 4) and ba["triple_recall"] == pytest.approx(2 / 4)
    # A scored against B: A's appeal is coded 020 first, which B (10 only) does not accept
    assert e["A_vs_B"]["recall"] == pytest.approx(1 / 4)
    assert e["B_outside_A_sentences"] == 1 and e["A_outside_B_sentences"] == 0
    assert e["source_pairs"] == 3 and e["root_agreement"] == pytest.approx(2 / 3)
    assert (s["A"], s["B"], s["matched"]) == (4, 4, 3)
    assert s["precision"] == pytest.approx(3 / 4) and s["recall"] == pytest.approx(3 / 4)
    assert s["speaker_strict"] == pytest.approx(2 / 3)
    assert s["kind_agreement"] == pytest.approx(2 / 3)
    # kind pairs (d,i) (i,i) (i,i): p_o 2/3, p_e (1*0 + 2*3)/9 = 2/3 -> kappa 0
    assert s["kind_kappa"] == pytest.approx(0.0)
    assert (f["A"], f["B"], f["matched"]) == (2, 1, 1)
    assert f["recall"] == pytest.approx(0.5) and f["precision"] == 1.0
    assert f["holder_strict"] == 1.0 and f["holder_same_first"] == 1.0 and f["probability_agreement"] == 0.0
    assert s["speaker_same_first"] == pytest.approx(2 / 3)
    # A's forecast at 201-250 lies in B's forecast hard negative
    assert f["A_items_in_B_hard_negatives"] == 1 and f["B_items_in_A_hard_negatives"] == 0
    assert f["hard_negatives_f1"] == 0.0 and s["hard_negatives_f1"] == 1.0
    text = ga.format_table(res)
    assert "EVENTS" in text and "STATEMENTS" in text and "FORECASTS" in text


def test_lenient_speaker_accepts_any_code_of_b():
    a = {"events": {}, "statements": {1: [_st(0, 50, "AUTOPP", "direct")]}, "forecasts": {},
         "hard_negatives": {}}
    b = copy.deepcopy(a)
    b["statements"][1][0]["speaker"] = ["AUTPTY", "AUTOPP"]
    s = ga.agreement(a, b, [1])["statements"]
    assert s["speaker_strict"] == 0.0 and s["speaker_lenient"] == 1.0


def test_forecast_only_article_counts_for_forecasts_alone():
    # article 2 was annotated by B for forecasts only: A's events, statements and statement
    # hard negatives there must not count as B's misses, while its forecasts do count
    a = annotation_a()
    b = copy.deepcopy(a)
    a2 = {"events": [_ev(0, 50, "FRA", "DEU", "04", "040")],
          "statements": [_st(0, 50, "FRAGOV", "direct")],
          "forecasts": [_fc(51, 100, "author", None), _fc(101, 150, "FRAGOV", "unlikely")],
          "hard_negatives": [_neg(151, 200, "forecast"), _neg(201, 250, "statement")]}
    for layer, recs in a2.items():
        a[layer][2] = [dict(r, line=2) for r in recs]
    b["forecasts"][2] = [dict(_fc(51, 100, "author", None), line=2)]
    b["hard_negatives"][2] = [dict(_neg(101, 150, "forecast"), line=2)]
    layers = {1: ga.ALL_LAYERS, 2: frozenset({"forecasts"})}
    res = ga.agreement(a, b, [1, 2], layers)
    assert res["layer_articles"] == {"events": [1], "statements": [1], "forecasts": [1, 2]}
    e, s, f = res["events"], res["statements"], res["forecasts"]
    assert (e["A"], e["B"]) == (4, 4) and e["B_vs_A"]["recall"] == 1.0
    assert (s["A"], s["B"], s["matched"]) == (4, 4, 4) and s["hard_negatives_f1"] == 1.0
    assert (f["A"], f["B"], f["matched"]) == (4, 3, 3)
    assert f["precision"] == 1.0 and f["recall"] == pytest.approx(3 / 4)
    # B marked A's FRAGOV forecast sentence as a hard negative; the forecast HN sets: A 2, B 2, 1 shared
    assert f["A_items_in_B_hard_negatives"] == 1
    assert (f["hard_negatives_A"], f["hard_negatives_B"]) == (2, 2) and f["hard_negatives_f1"] == pytest.approx(0.5)
    # without the layer map the same records count article 2 in every layer
    whole = ga.agreement(a, b, [1, 2])
    assert whole["events"]["A"] == 5 and whole["statements"]["recall"] == pytest.approx(4 / 5)
    assert "forecasts     2 articles: 1 2" in ga.format_table(res)


def test_read_article_layers(tmp_path):
    path = tmp_path / "articles.tsv"
    path.write_text("# line\tlayers\n4\tevents,statements,forecasts\n762\tforecasts\n9\n", encoding="utf-8")
    assert ga.read_article_layers(path) == {4: ga.ALL_LAYERS, 762: frozenset({"forecasts"}), 9: ga.ALL_LAYERS}
    assert ga.read_articles(path) == [4, 762, 9]
    path.write_text("4\tevents,forcasts\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"articles.tsv:1: unknown layer"):
        ga.read_article_layers(path)
    path.write_text("4\tforecasts\n4\tevents\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"articles.tsv:2: article 4 listed twice"):
        ga.read_article_layers(path)


def test_agreement_files_hold_no_article_text():
    folder = ROOT / "benchmarks" / "gold" / "real-de" / "agreement"
    files = sorted(folder.glob("*.jsonl"))
    assert {p.stem for p in files} == {"events", "statements", "forecasts", "hard_negatives"}
    for path in files:
        for raw in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(raw)
            assert rec["split"] == "test"
            for value in rec.values():
                for v in value if isinstance(value, list) else [value]:
                    assert not (isinstance(v, str) and len(v) > 32), (path.name, v)


@pytest.mark.skipif(not realgold.available(), reason="German news corpus not in ../shared/data/news-de")
def test_cli_prints_the_three_tables(capsys):
    assert ga.main([]) == 0
    out = capsys.readouterr().out
    for head in ("EVENTS", "STATEMENTS", "FORECASTS", "Cohen's kappa"):
        assert head in out


def test_rank_articles_by_counts_only(tmp_path):
    (tmp_path / "articles_test.tsv").write_text(
        "# line\tlayers\n5\tevents,statements,forecasts\n7\tevents,forecasts\n9\tforecasts\n11\tevents\n3\tforecasts\n",
        encoding="utf-8")
    fc = [{"line": 7, "split": "test"}] * 2 + [{"line": 9, "split": "test"}] + [{"line": 1, "split": "dev"}] * 5
    hn = ([{"line": 5, "split": "test", "looks_like": "forecast"}] * 3
          + [{"line": 9, "split": "test", "looks_like": "forecast"}]
          + [{"line": 9, "split": "test", "looks_like": "statement"}] * 4
          + [{"line": 11, "split": "test", "looks_like": "forecast"}] * 9)
    (tmp_path / "forecasts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in fc), encoding="utf-8")
    (tmp_path / "hard_negatives.jsonl").write_text("".join(json.dumps(r) + "\n" for r in hn), encoding="utf-8")
    # 5: 0+3, 7: 2+0, 9: 1+1 (statement hard negatives do not count), 3: 0; 11 has no forecast layer
    assert ga.rank_articles(tmp_path, "test", "forecast") == [(5, 0, 3), (7, 2, 0), (9, 1, 1), (3, 0, 0)]
    assert ga.rank_articles(tmp_path, "test", "forecast", exclude=[7]) == [(5, 0, 3), (9, 1, 1), (3, 0, 0)]


# -- real-en (page-keyed records, events only) ------------------------------------------------

P1, P2, P3 = "a" * 64, "b" * 64, "c" * 64


def _pev(page, start, end, source, target, root, code):
    rec = _ev(start, end, source, target, root, code)
    del rec["line"]
    return dict(rec, page=page)


def test_article_key_reads_lines_and_page_hashes(tmp_path):
    assert ga.article_key(" 37 ") == 37 and ga.article_key(P1) == P1
    path = tmp_path / "articles.tsv"
    path.write_text(f"# page\tlayers\n{P1}\tevents\n{P2}\tevents\n", encoding="utf-8")
    assert ga.read_article_layers(path) == {P1: frozenset({"events"}), P2: frozenset({"events"})}


def test_real_en_events_agreement_counts_pages_without_events():
    # P1: both annotators code the same attack; B also codes an extra criticism, and gives the
    # appeal a different target. P2: only A has an event. P3: neither has one (agreement on
    # "no event" counts for the page table).
    a = {P1: [_pev(P1, 0, 50, "RUSMIL", "UKR", "19", "190"),
              _pev(P1, 51, 100, "USAGOV", ["UKRGOV", None], "02", "020")],
         P2: [_pev(P2, 0, 40, "USACOP", "---CRM", "17", "173")]}
    b = {P1: [_pev(P1, 0, 50, ["RUSMIL", "RUS"], "UKRGOV", "19", "190"),
              _pev(P1, 51, 100, "USAGOV", "IGOUNO", "02", "020"),
              _pev(P1, 101, 140, "GBR", "RUS", "11", "111")]}
    res = ga.agreement({"events": a, "statements": {}, "forecasts": {}, "hard_negatives": {}},
                       {"events": b, "statements": {}, "forecasts": {}, "hard_negatives": {}},
                       [P1, P2, P3], {k: frozenset({"events"}) for k in (P1, P2, P3)})
    e = res["events"]
    assert res["layer_articles"]["statements"] == [] and res["layer_articles"]["forecasts"] == []
    assert (e["A"], e["B"]) == (3, 3)
    ba = e["B_vs_A"]
    assert ba["recall"] == pytest.approx(2 / 3)            # the attack and the appeal (source and root)
    assert ba["triple_precision"] == pytest.approx(1 / 3) and ba["triple_recall"] == pytest.approx(1 / 3)
    assert e["B_outside_A_sentences"] == 1 and e["A_outside_B_sentences"] == 1
    # same-root pairs: the attack (source and target agree) and the appeal (target differs)
    assert e["root_pairs"] == 2
    assert e["source_agreement"] == 1.0 and e["target_agreement"] == pytest.approx(0.5)
    pages = e["articles_with_events"]
    assert (pages["articles"], pages["A"], pages["B"], pages["both"], pages["neither"]) == (3, 2, 1, 1, 1)
    assert pages["agreement"] == pytest.approx(2 / 3)
    # labels (A, B): (y, y), (y, n), (n, n): p_o 2/3, p_e (2*1 + 1*2) / 9 = 4/9 -> kappa 0.4
    assert pages["kappa"] == pytest.approx(0.4)
    text = ga.format_table(res)
    assert "EVENTS" in text and "STATEMENTS" not in text and "FORECASTS" not in text
    assert "articles with events A / B" in text and f" {P1[:8]} " in text


def test_resolve_gold_names_and_folders(tmp_path):
    assert ga.resolve_gold("real-de") == (ga.ev.GOLD_ROOT / "real-de", "line")
    assert ga.resolve_gold("real-en") == (ga.ev.GOLD_ROOT / "real-en", "page")
    assert ga.resolve_gold(str(tmp_path)) == (tmp_path, "line")


def test_real_en_agreement_files_hold_no_article_text():
    folder = ROOT / "benchmarks" / "gold" / "real-en" / "agreement"
    pages = ga.read_article_layers(folder / "articles.tsv")
    assert len(pages) == 80 and all(ls == frozenset({"events"}) for ls in pages.values())
    for raw in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        assert rec["page"] in pages and rec["split"] in ("dev", "test")
        for key, value in rec.items():
            if key == "page":
                continue
            for v in value if isinstance(value, list) else [value]:
                assert not (isinstance(v, str) and len(v) > 32), (key, v)


@pytest.mark.skipif(not realgold.en_available(), reason="Article Extraction Benchmark not in ../shared/data/html-aeb")
def test_cli_real_en_prints_the_events_table(capsys):
    assert ga.main(["--gold", "real-en", "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "EVENTS" in out and "articles-with-events agreement" in out and "STATEMENTS" not in out
    assert re.search(r"events +40 articles", out)


def test_malformed_codes_are_counted():
    recs = {P1: [_pev(P1, 0, 50, "RUS", "UKR", ["19", "1"], ["190", "1"]),
                 _pev(P1, 51, 90, "RUS", "UKR", "19", "1900"),
                 _pev(P1, 91, 99, "RUS", "UKR", "19", "19123")]}
    assert ga.malformed_codes(recs, [P1]) == 2
    assert ga.malformed_codes(recs, [P2]) == 0
