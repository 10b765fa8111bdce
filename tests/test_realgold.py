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


@needs_corpus
@pytest.mark.parametrize("field,value", [
    ("root", ["1", "17"]), ("root", "175"), ("root", 17), ("root", ["17", None]),
    ("code", ["175", "1"]), ("code", "17a"), ("code", "12345"), ("code", ["100", ""]),
])
def test_load_gold_rejects_a_malformed_cameo_root_or_code(tmp_path, field, value):
    """A root has 2 digits, a code 2-4; anything else (the stray "1" of session 20's real-en
    records) names the file and line instead of silently matching nothing."""
    line, split, _ = realgold.annotation_lines()[0]
    text = realgold.article(line)
    good = {"line": line, "split": split, "start": 0, "end": 20, "sha": realgold.sentence_hash(text[:20]),
            "root": ["17", "18"], "code": ["175", "17", "1823"]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(dict(good, **{field: value})) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        realgold.load_gold(path)
    assert err.value.line == 2 and field in str(err.value)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert realgold.load_gold(path)[0]["code"] == ["175", "17", "1823"]


@pytest.mark.skipif(not (realgold.available() and realgold.en_available()), reason="../shared corpora not present")
def test_shipped_event_gold_has_only_cameo_shaped_roots_and_codes():
    from pathlib import Path

    gold = Path(__file__).resolve().parent.parent / "benchmarks" / "gold"
    assert realgold.load_gold(gold / "real-de" / "events.jsonl", verify=False)
    assert realgold.load_gold_en(gold / "real-en" / "events.jsonl", verify=False)


@needs_corpus
def test_load_audit_checks_every_records_hash(tmp_path):
    line = next(iter(realgold.iter_articles()))[0]
    raw = realgold.article(line)
    good = {"audit": "x", "line": line, "start": 0, "end": 20, "sha": realgold.sentence_hash(raw[0:20])}
    path = tmp_path / "audit.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(dict(good, end=21)) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"audit\.jsonl:2: sentence hash does not match"):
        realgold.load_audit(path)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert realgold.load_audit(path) == [good]


@needs_corpus
def test_unseen_lines_leave_out_gold_and_earlier_rounds_in_a_seeded_order(tmp_path):
    import random

    gold = {ln for ln, _, _ in realgold.annotation_lines()}
    rng = random.Random(7)
    pool = realgold.unseen_lines(rng, None)
    assert pool and not gold & set(pool) and len(set(pool)) == len(pool)
    assert all(realgold.article(ln).strip() for ln in pool[:50])
    # the same seed gives the same order and leaves the generator in the same state
    again = random.Random(7)
    assert realgold.unseen_lines(again, tmp_path / "absent.jsonl") == pool
    assert again.random() == rng.random()
    earlier = tmp_path / "round.jsonl"
    earlier.write_text(json.dumps({"line": pool[0]}) + "\n" + json.dumps({"line": pool[3]}) + "\n", encoding="utf-8")
    fresh = realgold.unseen_lines(random.Random(7), earlier)
    assert pool[0] not in fresh and pool[3] not in fresh and len(fresh) == len(pool) - 2
