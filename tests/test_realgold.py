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
def test_no_committed_label_names_an_unlisted_article():
    """``annotation_lines.tsv`` says "annotate only these": every record of every labelled
    file under ``benchmarks/gold/real-de`` (gold, agreement, any later round) and every line
    of its article lists must name a listed news-de line."""
    from pathlib import Path

    allowed = {ln for ln, _, _ in realgold.annotation_lines()}
    root = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "real-de"
    named = {}
    for path in sorted(root.rglob("*.jsonl")):
        for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if row.strip() and "line" in json.loads(row):
                named.setdefault(int(json.loads(row)["line"]), f"{path.relative_to(root)}:{i}")
    for path in sorted(root.rglob("*.tsv")):
        for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            first = row.split("\t", 1)[0].strip()
            if first.isdigit():
                named.setdefault(int(first), f"{path.relative_to(root)}:{i}")
    assert len(named) >= 100, "the gold files were not found"
    outside = {ln: where for ln, where in named.items() if ln not in allowed}
    assert not outside, f"labels name news-de lines annotation_lines.tsv does not list: {sorted(outside.items())[:5]}"
