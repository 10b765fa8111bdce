"""The shipped linguistic pipelines (src/lagebild/models/<lang>) and their evaluation.

Model tests skip when a model directory is absent; evaluation tests skip when ../shared
(beside the repository root) is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.language import MODELS_DIR, load_base  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


def _model(lang: str):
    if not (MODELS_DIR / lang / "config.cfg").is_file():
        pytest.skip(f"no shipped model at {MODELS_DIR / lang} (train it: python training/train.py {lang})")
    return spacy.load(MODELS_DIR / lang)


@pytest.fixture(scope="module")
def de():
    return _model("de")


@pytest.fixture(scope="module")
def en():
    return _model("en")


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


# --------------------------------------------------------------------------- loading
@pytest.mark.parametrize("lang", ["de", "en"])
def test_model_loads_with_plain_spacy(lang):
    nlp = _model(lang)
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) >= {"PER", "LOC", "ORG"}
    # lemma tables are inside the model directory (no spacy-lookups-data at run time)
    assert nlp.get_pipe("lemmatizer").lookups.tables
    assert nlp.meta.get("license")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_model_size_is_small(lang):
    _model(lang)
    # the CNN (fast) pipeline; the accurate pipeline's heads in <lang>/e5/ have their own cap
    # (100 MB, issue 10: tests/language/test_accurate.py)
    size = sum(f.stat().st_size for f in (MODELS_DIR / lang).rglob("*")
               if f.is_file() and "e5" not in f.relative_to(MODELS_DIR / lang).parts[:1])
    assert size < 60_000_000


def test_load_base_with_model_path(tmp_path):
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    path = tmp_path / "tiny_de"
    nlp.to_disk(path)
    loaded = load_base("de", model=str(path))
    assert loaded.pipe_names == ["sentencizer"]
    assert len(list(loaded("Erster Satz. Zweiter Satz.").sents)) == 2


# --------------------------------------------------------------------------- German sentences
def test_de_header_line(de):
    sents = _sents(de, "Der lange Winter. Marta Kowalczyk. 03.02.2026.")
    assert sents == ["Der lange Winter.", "Marta Kowalczyk.", "03.02.2026."]


def test_de_header_line_with_no_break_space_and_newlines(de):
    text = "Der lange Winter. Marta Kowalczyk.\u00a003.02.2026.\n\n\nDie Kanzlerin im Bundestag."
    assert _sents(de, text) == [
        "Der lange Winter.", "Marta Kowalczyk.", "03.02.2026.", "Die Kanzlerin im Bundestag."]


def test_de_ordinal_date_does_not_end_sentence(de):
    text = "Das Treffen fand am 18. April 2025 in Paris statt. Danach reiste er ab."
    assert _sents(de, text) == [
        "Das Treffen fand am 18. April 2025 in Paris statt.", "Danach reiste er ab."]


def test_de_year_ends_sentence(de):
    text = "Der Krieg begann im Jahr 2022. Seitdem hat sich viel verändert."
    assert _sents(de, text) == ["Der Krieg begann im Jahr 2022.", "Seitdem hat sich viel verändert."]


def test_de_abbreviations(de):
    text = "Dr. Müller traf u.a. Vertreter der EU, z.B. aus Frankreich. Das Treffen war kurz."
    assert _sents(de, text) == [
        "Dr. Müller traf u.a. Vertreter der EU, z.B. aus Frankreich.", "Das Treffen war kurz."]


def test_de_quotes(de):
    text = "Er sagte: „Wir werden das nicht akzeptieren.“ Dann verließ er den Saal."
    sents = _sents(de, text)
    assert len(sents) == 2
    assert sents[0].endswith("“")
    text = "»Das ist gefährlich«, sagte der Minister. Die Regierung schwieg."
    assert _sents(de, text) == ["»Das ist gefährlich«, sagte der Minister.", "Die Regierung schwieg."]


def test_de_paragraph_break_ends_sentence(de):
    text = "Macrons Dilemma\n\nWieso hat sich die Lage derart gewandelt? Keiner kann es sagen."
    assert _sents(de, text) == [
        "Macrons Dilemma", "Wieso hat sich die Lage derart gewandelt?", "Keiner kann es sagen."]


def test_de_tokens_and_morph(de):
    doc = de("Er sagte, die Regierung habe das Abkommen unterzeichnet.")
    assert [t.text for t in doc][:3] == ["Er", "sagte", ","]
    habe = doc[5]
    assert habe.text == "habe"
    assert habe.pos_ in ("AUX", "VERB")
    assert "Sub" in habe.morph.get("Mood")  # Konjunktiv I (reported speech)
    assert doc[1].lemma_ == "sagen"


def test_de_entities(de):
    doc = de("Der russische Präsident Wladimir Putin traf Donald Trump in Moskau.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Donald Trump", "PER") in ents
    assert any(e.label_ == "PER" and "Putin" in e.text for e in doc.ents)
    assert ("Moskau", "LOC") in ents


# --------------------------------------------------------------------------- English
def test_en_sentences(en):
    text = "Mr. Smith met the U.S. president on Jan. 5 in Washington. They discussed Ukraine."
    assert _sents(en, text) == [
        "Mr. Smith met the U.S. president on Jan. 5 in Washington.", "They discussed Ukraine."]


def test_en_paragraph_break_ends_sentence(en):
    text = "Analysis\n\nThe talks failed. Nobody was surprised."
    assert _sents(en, text) == ["Analysis", "The talks failed.", "Nobody was surprised."]


def test_en_entities(en):
    doc = en("President Joe Biden met Emmanuel Macron in Paris on Tuesday.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joe Biden", "PER") in ents
    assert ("Paris", "LOC") in ents


def test_en_lemmas_and_pos(en):
    doc = en("The ministers were meeting in London.")
    assert [t.lemma_ for t in doc][1:4] == ["minister", "be", "meet"]
    assert doc[1].pos_ == "NOUN"


# --------------------------------------------------------------------------- evaluation
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"needs {SHARED_DATA} (../shared beside the repo)")
def test_held_out_splits_are_deterministic():
    from lagebild.language.evaluate import gold_docs

    vocab = spacy.blank("de").vocab
    name, docs = gold_docs("ner", "de", vocab)
    assert "every 10th" in name
    assert sum(len(d.ents) for d in docs) == 496
    name, docs = gold_docs("syntax", "de", vocab)
    assert name == "UD_German-GSD dev"
    assert sum(len(list(d.sents)) for d in docs) == 799


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"needs {SHARED_DATA} (../shared beside the repo)")
def test_evaluate_returns_scores():
    _model("de")
    from lagebild.language.evaluate import evaluate

    res = evaluate("ner", "de", speed_runs=1)
    assert 0.0 < res["f1"] <= 1.0
    assert {"PER", "LOC", "ORG"} <= set(res["per_label"])
    assert res["words_per_second"] > 0


SEED = REPO.parent / "shared" / "seed" / "000_cf532f787b11b18a.txt"


@pytest.mark.skipif(not SEED.is_file(), reason=f"needs {SEED} (../shared beside the repo)")
def test_de_seed_entities_come_from_the_model(de):
    """Most names in the seed article are found by the statistical NER alone (the actor
    gazetteer adds the rest). Threshold, not an exact list: the model is statistical."""
    doc = de(SEED.read_text(encoding="utf-8"))
    ents = [e.text for e in doc.ents]
    names = ["Donald Trump", "Marco Rubio", "Steve Witkoff", "Keith Kellogg", "Putin",
             "Zelensky", "Medwedew", "Xi Jinping", "Kirill Dmitriev", "Biden", "Paris",
             "Kyiv", "Moskau", "Kanada", "Grönland", "UN-Generalversammlung"]
    found = [n for n in names if any(n in e for e in ents)]
    assert len(found) >= 10, found
    # no entity should swallow a paragraph break
    assert not any("\n\n" in e for e in ents)
