"""``training/e5_heads.py --resume``: a parser run goes on from its checkpoint (issue 10).

Synthetic trees on random word vectors (no corpus, no encoder); skipped without torch."""
from __future__ import annotations

import random

import numpy as np
import pytest
from repo_scripts import load_script

torch = pytest.importorskip("torch")
e5 = load_script("training/e5_heads.py")
SHAPE = {"hidden": 8, "layers": 1, "arc": 6, "rel": 4}


def _data(n_sent: int = 24, seed: int = 0):
    """Chains: word 1 is the root, every later word hangs on the one before it."""
    rng = random.Random(seed)
    data, feats = [], []
    for i in range(n_sent):
        n = rng.randint(2, 5)
        heads = [0] + list(range(1, n))
        deps = ["ROOT"] + ["obj" if k % 2 else "nsubj" for k in range(1, n)]
        data.append(([f"w{i}_{k}" for k in range(n)], heads, deps, "dev" if i % 4 == 0 else "train"))
        feats.append(np.random.default_rng(i).standard_normal((n, 12)).astype(np.float16))
    return data, feats


def test_resume_numbers_epochs_after_the_checkpoint_and_saves_the_optimizer(tmp_path):
    data, feats = _data()
    ck = tmp_path / "parser.pt"
    e5.train_parser(feats, data, 2, checkpoint=ck, shape=SHAPE, batch_size=4, source="base+e5")
    first = torch.load(ck, weights_only=False)
    assert "opt" in first and 1 <= first["meta"]["parser"]["epochs"] <= 2
    head, meta = e5.train_parser(feats, data, 2, checkpoint=tmp_path / "more.pt", shape=SHAPE,
                                 batch_size=4, source="base+e5", resume=first)
    assert first["meta"]["parser"]["epochs"] <= meta["parser"]["epochs"] <= first["meta"]["parser"]["epochs"] + 2
    assert meta["parser"]["dev_las"] >= first["meta"]["parser"]["dev_las"]  # kept only if better
    if not (tmp_path / "more.pt").is_file():  # no better epoch: the checkpoint's weights come back
        for k, v in head.state_dict().items():
            assert torch.equal(v, first["state"][k])


@pytest.mark.parametrize("change", ["labels", "input", "shape"])
def test_resume_refuses_a_checkpoint_of_another_parser(tmp_path, change):
    data, feats = _data()
    ck = tmp_path / "parser.pt"
    e5.train_parser(feats, data, 1, checkpoint=ck, shape=SHAPE, batch_size=4, source="base+e5")
    saved = torch.load(ck, weights_only=False)
    shape, source = dict(SHAPE), "base+e5"
    if change == "labels":
        data = [(w, h, [d if d != "obj" else "iobj" for d in ds], s) for w, h, ds, s in data]
    elif change == "input":
        source = "base+ner"
    else:
        shape["hidden"] = 10
    with pytest.raises(ValueError, match="resume: checkpoint parser"):
        e5.train_parser(feats, data, 1, shape=shape, batch_size=4, source=source, resume=saved)
