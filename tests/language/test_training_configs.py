"""The session-19 training configs of a German pipeline whose NER listens to the shared
tok2vec (training/configs/nershared.cfg, joint.cfg): they build against the shipped
pipeline, and the NER is wired to the pipeline's tok2vec instead of running its own.
Skips without the shipped German model."""
from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.language import MODELS_DIR  # noqa: E402

CONFIGS = Path(__file__).resolve().parents[2] / "training" / "configs"


def _build(name: str):
    base = MODELS_DIR / "de"
    if not (base / "config.cfg").is_file():
        pytest.skip(f"no shipped model at {base}")
    config = spacy.util.load_config(CONFIGS / f"{name}.cfg", overrides={
        "paths.base": str(base), "paths.vectors": str(base), "paths.train": "", "paths.dev": ""})
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@pytest.mark.parametrize("name", ["nershared", "joint"])
def test_ner_listens_to_the_shared_tok2vec(name):
    nlp = _build(name)
    assert "ner" in nlp.get_pipe("tok2vec").listening_components
    # no second embedding table inside the NER (the cost that is cut)
    embeds = [n.name for n in nlp.get_pipe("ner").model.walk() if n.name.startswith("hashembed")]
    assert embeds == []
    # the sourced tok2vec carries the shipped weights
    shipped = spacy.load(MODELS_DIR / "de").get_pipe("tok2vec").model
    assert nlp.get_pipe("tok2vec").model.to_bytes() == shipped.to_bytes()


def test_nershared_freezes_the_tok2vec():
    config = spacy.util.load_config(CONFIGS / "nershared.cfg")
    assert config["training"]["frozen_components"] == ["tok2vec"]
    assert config["training"]["annotating_components"] == ["tok2vec"]


def test_ner_warm_starts_from_the_shipped_ner():
    """configs/ner_warm.cfg (distillation candidate d3): the NER is the shipped one, weights
    included, before training continues; its tok2vec stays its own (inline)."""
    base = MODELS_DIR / "de"
    if not (base / "config.cfg").is_file():
        pytest.skip(f"no shipped model at {base}")
    config = spacy.util.load_config(CONFIGS / "ner_warm.cfg", overrides={
        "paths.ner_source": str(base), "paths.vectors": str(base), "paths.train": "", "paths.dev": ""})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["ner"]
    shipped = spacy.load(base).get_pipe("ner")
    assert nlp.get_pipe("ner").model.to_bytes() == shipped.model.to_bytes()
    assert set(nlp.get_pipe("ner").labels) == set(shipped.labels)
