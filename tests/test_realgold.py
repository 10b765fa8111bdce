"""The real-text gold loader: validation by file and line, and hash checks against the corpus."""
import json

import pytest

from lagebild import realgold
from lagebild.errors import DataFileError

needs_corpus = pytest.mark.skipif(not realgold.available(), reason="../shared/data/news-de not present")


def test_sentence_hash_ignores_whitespace_and_normalisation():
    assert realgold.sentence_hash("Er  sagte\n es.") == realgold.sentence_hash("Er sagte es.")
    assert realgold.sentence_hash("Cafe\u0301") == realgold.sentence_hash("Caf\u00e9")
    assert realgold.sentence_hash("a") != realgold.sentence_hash("b")


@needs_corpus
def test_load_gold_checks_split_and_hash(tmp_path):
    line, split, _ = realgold.annotation_lines()[0]
    text = realgold.article(line)
    good = {"line": line, "split": split, "start": 0, "end": 20, "sha": realgold.sentence_hash(text[:20])}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert realgold.load_gold(path)[0]["_line"] == 1
    assert realgold.load_gold(path, split="dev" if split == "test" else "test") == []
    bad_hash = dict(good, sha="0" * 16)
    wrong_split = dict(good, split="dev" if split == "test" else "test")
    for rec in (bad_hash, wrong_split):
        path.write_text(json.dumps(good) + "\n" + json.dumps(rec) + "\n", encoding="utf-8")
        with pytest.raises(DataFileError) as err:
            realgold.load_gold(path)
        assert err.value.line == 2
