"""training/distill.py: silver text for distilling the accurate German NER (issues 10, 15).

Only the words of open-licence sets are read, never GermEval (evaluation / the teacher's
training data), never SmartData test, never news-de. Tests that read ../shared skip when
it is absent; none loads the encoder.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "training"))

import distill  # noqa: E402
import functions  # noqa: E402

needs_data = pytest.mark.skipif(not SHARED_DATA.is_dir(),
                                reason=f"needs {SHARED_DATA} (../shared beside the repo)")


@pytest.fixture(scope="module")
def nlp():
    return functions.fix_tokenizer(spacy.blank("de"))


@pytest.mark.parametrize("text, expected", [
    ("Die Ministerin reiste nach Wien. Dort traf sie Vertreter der OSZE.",
     [["Die", "Ministerin", "reiste", "nach", "Wien", "."], ["Dort", "traf", "sie", "Vertreter", "der", "OSZE", "."]]),
    ("Stau auf der A9\nUnfall bei Ingolstadt!", [["Stau", "auf", "der", "A9"], ["Unfall", "bei", "Ingolstadt", "!"]]),
    ("Wer kommt? Niemand.", [["Wer", "kommt", "?"], ["Niemand", "."]]),
    ("Am 18. April 2025. Danach nichts", [["Am", "18.", "April", "2025", "."], ["Danach", "nichts"]]),
    ("Dr. Anna Berger kam z.B. mit Prof. Lang. Gut so.",
     [["Dr.", "Anna", "Berger", "kam", "z.B.", "mit", "Prof.", "Lang", "."], ["Gut", "so", "."]]),
    ("Warum?! Deshalb...", [["Warum", "?", "!"], ["Deshalb", "..."]]),
    ("\n\n  \n", []),
    ("", []),
])
def test_split_sentences(nlp, text, expected):
    assert distill.split_sentences(nlp(text)) == expected


def test_split_sentences_cuts_long_runs(nlp):
    words = " ".join(["Haltestelle"] * (2 * distill.MAX_SENT_WORDS + 5))
    sents = distill.split_sentences(nlp(words))
    assert [len(s) for s in sents] == [distill.MAX_SENT_WORDS, distill.MAX_SENT_WORDS, 5]


def test_train_command_sets_the_student_shape():
    for shape, (width, depth) in distill.SHAPES.items():
        cmd = distill.train_command(shape, 1234)
        if shape in distill.WARM:  # B's trained NER (or its cut copy) as the start, half the learn rate
            assert cmd[cmd.index("train") + 1].endswith("ner_warm.cfg")
            start = distill.pruned_directory(shape) if shape in distill.PRUNED else distill.MODEL
            assert cmd[cmd.index("--paths.ner_source") + 1] == str(start)
            assert cmd[cmd.index("--paths.train") + 1].endswith("de_ner_distill_train.spacy")
            assert cmd[cmd.index("--training.max_steps") + 1] == "1234"
            rate = distill.GENTLE_LEARN_RATE if shape in distill.GENTLE else distill.WARM_LEARN_RATE
            assert cmd[cmd.index("--training.optimizer.learn_rate") + 1] == rate
            if shape in distill.GENTLE:  # batches of 1,000 words from the first step
                assert cmd[cmd.index("--training.batcher.size.start") + 1] == distill.GENTLE_BATCH_WORDS
            else:
                assert "--training.batcher.size.start" not in cmd
            continue
        assert cmd[cmd.index("--ner-corpus") + 1] == "de_ner_distill"
        assert f"components.ner.model.tok2vec.encode.width={width}" in cmd
        assert f"components.ner.model.tok2vec.encode.depth={depth}" in cmd
        assert cmd[cmd.index("--max-steps") + 1] == "1234"
        assert cmd[cmd.index("--suffix") + 1] == f"_{shape}"


def test_unknown_source_is_refused(nlp):
    with pytest.raises(SystemExit, match="unknown silver source"):
        next(distill.silver_texts("germeval", nlp))


@needs_data
@pytest.mark.parametrize("source", distill.SILVER_SOURCES)
def test_silver_sources_give_small_groups_of_words(nlp, source):
    groups = []
    for g in distill.silver_texts(source, nlp):
        groups.append(g)
        if len(groups) == 30:
            break
    assert len(groups) == 30
    for g in groups:
        assert 1 <= len(g) <= distill.SENTS_PER_DOC
        assert all(s and all(isinstance(w, str) and w.strip() for w in s) for s in g)


def test_sentence_key_ignores_tokenisation():
    assert distill.sentence_key(["Stau", "auf", "der", "A9", "."]) == distill.sentence_key(["Stau", "auf", "der", "A9."])
    assert distill.sentence_key(["Die", "Bahn"]) != distill.sentence_key(["Die", "Bahn", "streikt"])


@needs_data
@pytest.mark.slow  # reads every source to its end (~1 min)
def test_silver_text_is_never_evaluation_text(nlp):
    """No silver sentence repeats a sentence of GermEval (held-out 10 % or train part) or of
    SmartData test (the sets lagebild evaluates the German NER on) -- MobIE shares text with
    SmartData test, so this needs the filter."""
    from lagebild.language.evaluate import germeval_sentences, smartdata_documents

    held = {distill.sentence_key(w) for w, _ in germeval_sentences()}
    for d in smartdata_documents(SHARED_DATA / "ner-de" / "smartdata" / "test.json.gz"):
        held.update(distill.sentence_key(s) for s in distill.split_sentences(nlp.make_doc(d["text"])))
    held = {k for k in held if len(k) >= distill.MIN_KEY_CHARS}
    n = 0
    for source in distill.SILVER_SOURCES:
        for g in distill.silver_texts(source, nlp):
            for s in g:
                n += 1
                assert distill.sentence_key(s) not in held, (source, " ".join(s[:8]))
    assert n > 10_000


@pytest.fixture(scope="module")
def shipped():
    if not (distill.MODEL / "ner").is_dir():
        pytest.skip("no shipped German pipeline")
    return spacy.load(distill.MODEL, exclude=["lemmatizer"])


def _cnn_params(nlp):
    """The trained weights of each residual CNN layer of the ner's own tok2vec, in order."""
    parent, stack = distill._ner_cnn_stack(nlp.get_pipe("ner").model)
    blocks = list(stack.layers) if stack.layers[0].name.startswith("residual(") else [stack]
    return [[n.get_param(p).copy() for n in b.walk() for p in n.param_names if n.has_param(p)] for b in blocks]


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_prune_keeps_the_first_layers_and_reloads(shipped, tmp_path, depth):
    """A cut NER keeps the embedding, the first ``depth`` CNN layers and the transition model
    of B byte for byte, and spacy.load reads the written pipeline back with that depth."""
    import numpy

    full = _cnn_params(shipped)
    nlp = spacy.load(distill.MODEL, exclude=["lemmatizer"])
    embed_before = [n.get_param("E").copy() for n in nlp.get_pipe("ner").model.walk() if n.name == "hashembed"]
    distill.prune_ner(nlp, depth)
    nlp.to_disk(tmp_path / "cut")
    back = spacy.load(tmp_path / "cut")
    assert back.config["components"]["ner"]["model"]["tok2vec"]["encode"]["depth"] == depth
    kept = _cnn_params(back)
    assert len(kept) == depth
    for a, b in zip(kept, full[:depth]):
        assert all(numpy.array_equal(x, y) for x, y in zip(a, b))
    embed_after = [n.get_param("E") for n in back.get_pipe("ner").model.walk() if n.name == "hashembed"]
    assert all(numpy.array_equal(x, y) for x, y in zip(embed_after, embed_before))
    doc = back("Die Kanzlerin Angela Merkel traf in Paris Vertreter der Vereinten Nationen.")
    assert all(e.label_ in {"PER", "LOC", "ORG", "MISC"} for e in doc.ents)


@pytest.mark.parametrize("depth", [0, 4, 5])
def test_prune_refuses_depths_it_cannot_cut_to(shipped, depth):
    nlp = spacy.load(distill.MODEL, exclude=["lemmatizer"])
    with pytest.raises(ValueError, match="CNN layers"):
        distill.prune_ner(nlp, depth)


def test_prune_refuses_a_ner_without_its_own_cnn():
    nlp = spacy.blank("de")
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                                          "hidden_width": 8, "maxout_pieces": 2, "use_upper": True, "nO": None,
                                          "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 16}}})
    with pytest.raises(ValueError, match="residual CNN stack"):
        distill.prune_ner(nlp, 1)
