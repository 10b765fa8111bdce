"""The pipeline choice (fast | accurate) and the accurate pipeline's decoding.

The choice, its errors and the IOB2 decoding need no torch; the end-to-end checks of the
accurate pipeline run only where the ``[encoder]`` extra is installed (not in the default
CI setup) and skip otherwise.
"""
from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import ModelError
from lagebild.language import MODELS_DIR, accurate

TAGS = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"]


@pytest.fixture(autouse=True)
def _restore_pipeline_env(monkeypatch):
    """--pipeline writes $LAGEBILD_PIPELINE into this process: setenv first, so that
    monkeypatch removes it again after each test (delenv of an absent variable records
    nothing to restore)."""
    monkeypatch.setenv("LAGEBILD_PIPELINE", "fast")


# --------------------------------------------------------------------------- choice
@pytest.mark.parametrize("arg, env, want", [
    (None, None, "fast"), (None, "accurate", "accurate"), ("fast", "accurate", "fast"),
    ("ACCURATE", None, "accurate"), (None, " fast ", "fast"), ("accurate", "fast", "accurate"),
])
def test_pipeline_choice_argument_beats_environment(monkeypatch, arg, env, want):
    if env is None:
        monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    else:
        monkeypatch.setenv("LAGEBILD_PIPELINE", env)
    assert accurate.pipeline_choice(arg) == want


@pytest.mark.parametrize("bad", ["gpu", "fastest", "cnn", "trf"])
def test_unknown_pipeline_is_a_coded_error(monkeypatch, bad):
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    with pytest.raises(ValueError, match=r"\[E171\].*fast, accurate"):
        accurate.pipeline_choice(bad)
    monkeypatch.setenv("LAGEBILD_PIPELINE", bad)
    with pytest.raises(ValueError, match=r"\[E171\]"):
        accurate.pipeline_choice()


@pytest.mark.parametrize("argv", [
    ["analyze", "--pipeline", "turbo", "x.txt"],
    ["ingest", "--pipeline", "turbo", "x.txt"],
    ["eval", "ner", "--pipeline", "turbo"],
    ["eval", "syntax", "--pipeline", "turbo"],
    ["eval", "events", "--pipeline", "turbo"],
    ["eval", "statements", "--pipeline", "turbo"],
    ["eval", "forecasts", "--pipeline", "turbo"],
])
def test_cli_rejects_an_unknown_pipeline(monkeypatch, argv):
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    res = CliRunner().invoke(app, argv)
    assert res.exit_code == 2
    assert "E171" in res.output


def test_accurate_without_the_encoder_extra_is_a_coded_error(monkeypatch, tmp_path):
    import spacy

    (tmp_path / "meta.json").write_text(json.dumps({"ner": {"tags": TAGS}}), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch -> ImportError
    with pytest.raises(ModelError, match=r"\[E170\].*torch"):
        accurate.add_to(spacy.blank("de"), "de", tmp_path)


def test_accurate_without_heads_is_a_coded_error(tmp_path):
    import spacy

    with pytest.raises(ModelError, match=r"\[E172\].*'xx'"):
        accurate.add_to(spacy.blank("de"), "xx", tmp_path / "nothing")


def test_a_language_without_heads_falls_back_to_fast_with_a_warning(monkeypatch):
    from lagebild.language import load_base

    monkeypatch.setattr(accurate, "HEADS_DIR", "e5-not-trained")  # English has heads now
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    with pytest.warns(UserWarning, match=r"\[W170\].*'en' \(ner, tagger, parser\)"):
        nlp = load_base("en", model=str(MODELS_DIR / "en"), pipeline="accurate", fresh=True)
    assert "lagebild_e5" not in nlp.pipe_names and "ner" in nlp.pipe_names


def test_cli_accurate_without_torch_says_so(monkeypatch, tmp_path):
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    monkeypatch.setitem(sys.modules, "torch", None)
    from lagebild.language import _load_base
    from lagebild.pipeline import _load

    _load.cache_clear()
    _load_base.cache_clear()
    if not (MODELS_DIR / "de" / accurate.HEADS_DIR / "meta.json").is_file():
        pytest.skip("no accurate heads shipped for de")
    f = tmp_path / "a.txt"
    f.write_text("Angela Merkel besuchte am Montag Paris.", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", "--pipeline", "accurate", "--lang", "de", str(f)])
    assert res.exit_code == 2, res.output
    assert "E170" in res.output
    _load.cache_clear()
    _load_base.cache_clear()


@pytest.mark.parametrize("meta, missing", [
    (None, ["ner", "tagger", "parser"]),
    ({"ner": {}, "tagger": {}, "parser": {}}, []),
    ({"tagger": {}, "parser": {}}, ["ner"]),  # English: frozen-layer tagger and parser
    ({"ner": {}}, ["tagger", "parser"]),
])
def test_missing_heads_names_what_the_fast_pipeline_keeps(tmp_path, meta, missing):
    if meta is not None:
        (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert accurate.missing_heads(tmp_path) == missing


# --------------------------------------------------------------------------- decoding
def _valid_iob(tags):
    prev = "O"
    for t in tags:
        if t.startswith("I-") and not (prev != "O" and prev[2:] == t[2:]):
            return False
        prev = t
    return True


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.floats(-30, 0), min_size=len(TAGS), max_size=len(TAGS)),
                min_size=0, max_size=25))
def test_viterbi_always_returns_a_valid_iob2_sequence(rows):
    ok, start = accurate.allowed_transitions(TAGS)
    logp = np.array(rows, dtype=float).reshape(len(rows), len(TAGS))
    path = accurate.viterbi(logp, ok, start)
    assert len(path) == len(rows)
    assert _valid_iob([TAGS[i] for i in path])


def test_viterbi_repairs_an_inside_tag_after_outside():
    ok, start = accurate.allowed_transitions(TAGS)
    lp = np.log(np.full((3, len(TAGS)), 1e-3))
    # O, I-PER, I-PER would be the argmax; B-PER is close second at position 1
    lp[0, 0] = np.log(0.9)
    lp[1, TAGS.index("I-PER")] = np.log(0.5)
    lp[1, TAGS.index("B-PER")] = np.log(0.4)
    lp[2, TAGS.index("I-PER")] = np.log(0.9)
    assert [TAGS[i] for i in accurate.viterbi(lp, ok, start)] == ["O", "B-PER", "I-PER"]


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["B-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "LOC")]),
    (["O", "O"], []),
    ([], []),
])
def test_spans_of(tags, spans):
    assert accurate.spans_of(tags) == spans


class _Tok:
    bos, eos, pad = 0, 2, 1

    def ids(self, text):
        return [10 + ord(c) for c in text]  # one piece per character


@pytest.mark.parametrize("words", [["ab", "c"], ["\n\n", "a"], ["a", " ", "b"], []])
def test_word_pieces_spans_cover_each_word(words):
    ids, spans = accurate.word_pieces(_Tok(), words)
    assert ids[0] == 0 and ids[-1] == 2
    assert len(spans) == len(words)
    for w, (a, e) in zip(words, spans):
        assert (e - a) == (len(w) if w.strip() else 0)


def test_long_sentences_are_cut_into_windows_that_fit():
    words = ["abcd"] * 300  # 1,200 pieces
    parts = accurate.chunks(words, _Tok(), limit=510)
    assert parts[0][0] == 0 and parts[-1][1] == 300
    assert all(b > a for a, b in parts)
    assert all(sum(len(w) for w in words[a:b]) <= 510 for a, b in parts)
    assert all(parts[i][1] == parts[i + 1][0] for i in range(len(parts) - 1))


# --------------------------------------------------------------------------- tree decoding
def _is_tree_with_one_root(heads):
    n = len(heads) - 1
    if heads[0] != 0 or sum(1 for d in range(1, n + 1) if heads[d] == 0) != (1 if n else 0):
        return False
    for d in range(1, n + 1):
        seen, v = set(), d
        while v != 0:
            if v in seen or not 0 <= heads[v] <= n or heads[v] == v:
                return False
            seen.add(v)
            v = heads[v]
    return True


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 14).flatmap(lambda n: st.lists(
    st.floats(-1e3, 1e3, allow_nan=False), min_size=(n + 1) ** 2, max_size=(n + 1) ** 2)))
def test_mst_always_decodes_a_tree_with_one_root(values):
    n = int(round(len(values) ** 0.5)) - 1
    scores = np.array(values, dtype=float).reshape(n + 1, n + 1)
    heads = accurate.mst(scores)
    assert len(heads) == n + 1
    assert _is_tree_with_one_root(heads)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(
    st.floats(-20, 20, allow_nan=False), min_size=(n + 1) ** 2, max_size=(n + 1) ** 2)))
def test_mst_finds_the_best_single_root_tree(values):
    import itertools

    n = int(round(len(values) ** 0.5)) - 1
    scores = np.array(values, dtype=float).reshape(n + 1, n + 1)

    def total(h):
        return sum(scores[d, h[d]] for d in range(1, n + 1))

    trees = [(0,) + hs for hs in itertools.product(range(n + 1), repeat=n)]
    best = max(total(h) for h in trees if _is_tree_with_one_root(h))
    assert total(accurate.mst(scores)) == pytest.approx(best, abs=1e-6)


def test_mst_allows_non_projective_trees_and_breaks_cycles():
    # 1 <-> 2 prefer each other (a cycle), 3 prefers 1 across 2; ROOT is best for 2
    s = np.full((4, 4), -10.0)
    s[1, 2], s[2, 1], s[3, 1], s[2, 0], s[1, 0] = 5.0, 5.0, 4.0, 3.0, 1.0
    assert accurate.mst(s) == [0, 2, 0, 1]


# label constraints: 4 labels, group A = {1, 2} (two subject labels), group B = {3}
_GROUPS = [[1, 2], [3]]


def test_constrain_labels_two_words_leaving_one_group_do_not_share_the_next():
    # three dependents of ROOT want label 3 (group B); word 3 keeps it, words 1 and 2 both
    # prefer label 1 (group A) next: only the first gets it, the second falls to label 0
    # (a case hypothesis found: both used to take label 1)
    scores = np.array([[0, 0, 0, 0, 0],
                       [-1, 0.5, 0, 1, -5],
                       [-1, 0.5, 0, 1, -5],
                       [-1, 0, 0, 2, -5]], dtype=float)
    assert accurate.constrain_labels(scores, [0, 0, 0, 0], _GROUPS) == [0, 1, 0, 3]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 7).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, n), min_size=n, max_size=n),
    st.lists(st.floats(-50, 50, allow_nan=False), min_size=(n + 1) * 5, max_size=(n + 1) * 5))))
def test_constrain_labels_gives_no_head_two_dependents_of_one_group(case):
    head_list, values = case
    heads = [0] + head_list
    scores = np.array(values, dtype=float).reshape(len(heads), 5)
    labels = accurate.constrain_labels(scores, heads, _GROUPS)
    assert len(labels) == len(heads)
    for g in _GROUPS:
        for h in set(heads[1:]):
            assert sum(1 for d in range(1, len(heads)) if heads[d] == h and labels[d] in g) <= 1
    # a word outside every conflict keeps its best label
    for d in range(1, len(heads)):
        best = int(scores[d].argmax())
        rivals = [e for e in range(1, len(heads)) if e != d and heads[e] == heads[d]
                  and any(best in g and int(scores[e].argmax()) in g for g in _GROUPS)]
        if not rivals and not any(best in g for g in _GROUPS):
            assert labels[d] == best


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.lists(
    st.floats(-20, 20, allow_nan=False), min_size=(n + 1) * 3, max_size=(n + 1) * 3)))
def test_constrain_labels_is_optimal_for_one_group(values):
    import itertools

    scores = np.array(values, dtype=float).reshape(-1, 3)
    n = scores.shape[0] - 1
    heads = [0] + [0] * n  # every word under one head: at most one may take label 1
    labels = accurate.constrain_labels(scores, heads, [[1]])
    total = sum(scores[d, labels[d]] for d in range(1, n + 1))
    best = max(sum(scores[d, a[d - 1]] for d in range(1, n + 1))
               for a in itertools.product(range(3), repeat=n) if list(a).count(1) <= 1)
    assert total == pytest.approx(best, abs=1e-6)


def test_parser_head_shapes():
    torch = pytest.importorskip("torch")
    meta = {"parser": {"n_in": 12, "labels": ["ROOT", "nsubj", "obj"], "hidden": 8, "layers": 2,
                       "arc": 6, "rel": 4}}
    head = accurate.build_heads({"hidden_size": 384}, meta)["parser"].eval()
    words = torch.randn(3, 5, 12)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 0, 0, 0, 0]])
    arcs, rd, rh = head(words, mask)
    assert arcs.shape == (3, 6, 6) and rd.shape == rh.shape == (3, 6, 5)
    assert torch.isinf(arcs[1, :, 4:]).all() and torch.isfinite(arcs[1, :, :4]).all()
    labels = head.labels(rd, rh, torch.zeros(3, 6, dtype=torch.long))
    assert labels.shape == (3, 6, 3)
    model = accurate.AccurateModel.__new__(accurate.AccurateModel)
    model._torch, model.meta, model.heads = torch, meta, {"parser": head}
    with torch.inference_mode():
        trees = model.parse(words, [[0, 1, 2, 3, 4], [0, 2], []])
    heads, deps = trees[0]
    assert _is_tree_with_one_root([0] + [0 if h == w else h + 1 for w, h in enumerate(heads)])
    assert deps.count("ROOT") == 1 and set(deps) <= {"ROOT", "nsubj", "obj"}
    assert trees[1][0][1] == -1 and trees[1][1][1] == ""  # position 1 not parsed
    assert sorted(trees[1][0][w] for w in (0, 2)) in ([0, 2], [2, 2], [0, 0])
    assert trees[2] == ([], [])


def test_accurate_parser_without_the_encoder_extra_is_a_coded_error(monkeypatch, tmp_path):
    import spacy

    meta = {"parser": {"n_in": 768, "labels": ["ROOT"], "hidden": 8, "layers": 1, "arc": 4, "rel": 4}}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(ModelError, match=r"\[E170\].*torch"):
        accurate.add_to(spacy.blank("de"), "de", tmp_path)


# --------------------------------------------------------------------------- end to end
def _accurate_available(lang: str) -> bool:
    try:
        accurate.require_torch()
    except ModelError:
        return False
    return (MODELS_DIR / lang / accurate.HEADS_DIR / "meta.json").is_file()


@pytest.mark.skipif(not _accurate_available("de"), reason="needs the [encoder] extra and shipped de heads")
@pytest.mark.parametrize("text, ents", [
    ("Angela Merkel traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron.",
     {("Angela Merkel", "PER"), ("Berlin", "LOC"), ("Emmanuel Macron", "PER")}),
    ("Die Bundeswehr und die NATO üben in Litauen.", {("Bundeswehr", "ORG"), ("NATO", "ORG"), ("Litauen", "LOC")}),
])
def test_accurate_german_entities(text, ents):
    from lagebild.language import load_base

    nlp = load_base("de", pipeline="accurate")
    assert "lagebild_e5" in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp(text)
    assert {(e.text, e.label_) for e in doc.ents} >= ents


@pytest.mark.skipif(not _accurate_available("de"), reason="needs the [encoder] extra and shipped de heads")
def test_accurate_api_and_fast_are_different_objects():
    from lagebild.pipeline import analyze, load

    assert load("de", pipeline="accurate") is not load("de", pipeline="fast")
    doc = analyze("Kreml-Sprecher Dmitri Peskow kritisierte am Dienstag die Regierung in Kiew.",
                  language="de", pipeline="accurate")
    assert doc.model.endswith("accurate")


def _parser_shipped() -> bool:
    if not _accurate_available("de"):
        return False
    meta = json.loads((MODELS_DIR / "de" / accurate.HEADS_DIR / "meta.json").read_text(encoding="utf-8"))
    return "parser" in meta


# our own sentences: the kinds the CNN parse gets wrong (two bare names, perfect tense,
# passive, a speech verb with a reported clause); (dependent, relation, head) as UD labels
# without subtypes ("*": any relation; GSD writes reported clauses as ccomp or parataxis)
@pytest.mark.skipif(not _parser_shipped(), reason="needs the [encoder] extra and the shipped de parser head")
@pytest.mark.parametrize("text, arcs", [
    # two bare names, subject first: one subject per head (accurate.constrain_labels)
    ("Poroschenko kritisierte Selenskyj.",
     {("Poroschenko", "nsubj", "kritisierte"), ("Selenskyj", "obj", "kritisierte")}),
    ("Orban kritisierte Merkel.", {("Orban", "nsubj", "kritisierte"), ("Merkel", "obj", "kritisierte")}),
    ("Putin empfing Erdogan in Moskau.", {("Putin", "nsubj", "empfing"), ("Erdogan", "obj", "empfing")}),
    ("Tsipras lobte Juncker am Freitag.", {("Tsipras", "nsubj", "lobte"), ("Juncker", "obj", "lobte")}),
    ("Kurz traf Lawrow in Wien.", {("Kurz", "nsubj", "traf"), ("Lawrow", "obj", "traf")}),
    ("Merkel hat Macron in Paris getroffen.",
     {("Merkel", "nsubj", "getroffen"), ("Macron", "obj", "getroffen"), ("hat", "aux", "getroffen")}),
    ("Die Regierung hat die Sanktionen gegen Russland verlängert.",
     {("Regierung", "nsubj", "verlängert"), ("Sanktionen", "obj", "verlängert"), ("hat", "aux", "verlängert")}),
    ("Der Minister wurde am Montag in Berlin empfangen.",
     {("Minister", "nsubj", "empfangen"), ("wurde", "aux", "empfangen")}),
    ("Die Polizei nahm am Abend drei Demonstranten fest.",
     {("Polizei", "nsubj", "nahm"), ("Demonstranten", "obj", "nahm"), ("fest", "compound", "nahm")}),
    ("Der Sprecher sagte, die Verhandlungen seien gescheitert.",
     {("Sprecher", "nsubj", "sagte"), ("gescheitert", "*", "sagte"), ("seien", "*", "gescheitert")}),
    pytest.param("Der Sprecher sagte, die Verhandlungen seien gescheitert.",
                 {("Verhandlungen", "nsubj", "gescheitert")},
                 marks=pytest.mark.xfail(strict=True, reason="session 23 parser: the subject of a "
                                         "copular reported clause is labelled obj")),
])
def test_accurate_german_parse_of_own_sentences(text, arcs):
    from lagebild.language import load_base

    nlp = load_base("de", pipeline="accurate")
    doc = nlp(text)
    sents = list(doc.sents)
    assert len(sents) == 1
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 1
    for t in doc:  # a tree: every token reaches the root
        seen, v = set(), t
        while v.head.i != v.i:
            assert v.i not in seen
            seen.add(v.i)
            v = v.head
    got = {(t.text, t.dep_, t.head.text) for t in doc}
    got |= {(t.text, "*", t.head.text) for t in doc}
    assert arcs <= got, sorted(got)


@pytest.mark.skipif(not _parser_shipped(), reason="needs the [encoder] extra and the shipped de parser head")
def test_accurate_parse_keeps_sentence_boundaries_and_whitespace():
    from lagebild.language import load_base

    fast = load_base("de", pipeline="fast")
    nlp = load_base("de", pipeline="accurate")
    text = "Peskow widersprach am Dienstag.\n\nDie Gespräche in Minsk gehen weiter.  Kiew schweigt."
    want = [(s.start, s.end) for s in fast(text).sents]
    doc = nlp(text)
    assert [(s.start, s.end) for s in doc.sents] == want
    for t in doc:
        if t.is_space:
            assert t.dep_ == "dep" and not t.head.is_space


def test_committed_accurate_model_files_stay_under_100_mb():
    files = [p for p in MODELS_DIR.glob(f"*/{accurate.HEADS_DIR}/*") if p.is_file()]
    if not files:
        pytest.skip("no accurate heads shipped")
    assert sum(p.stat().st_size for p in files) <= 100 * 1000 * 1000
