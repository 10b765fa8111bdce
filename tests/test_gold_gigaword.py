"""The ``gigaword`` events gold (issue 9): real news sentences of PETRARCH's GigaWord
sample, offsets, labels and hashes only, scored by the real-en scorer."""
from __future__ import annotations

import pytest

from lagebild import realgold
from lagebild.events import realeval as ev

needs_gw = pytest.mark.skipif(not realgold.gigaword_available(),
                              reason="../shared/data/petrarch2/GigaWord.sample.PETR.xml is not present")


def test_gigaword_articles_are_dev_only():
    assert len(ev.annotated_articles("gigaword", "dev")) == 29
    assert ev.annotated_articles("gigaword", "test") == []
    with pytest.raises(ValueError):
        ev.select_articles("gigaword", "dev", ["AFP0808020625_4", "NO_SUCH_ID"])


@needs_gw
def test_gigaword_sentences_and_hashes():
    sents = realgold._gigaword()
    assert "GOLD_9" in sents and "GOLD_9#2" in sents and sents["GOLD_9"] != sents["GOLD_9#2"]
    assert all("\n" not in t and "  " not in t for t in sents.values())
    recs = ev.load("gigaword", "events", "dev")  # verifies every hash against the file
    assert len(recs) == 53 and {r["sid"] for r in recs} <= set(ev.annotated_articles("gigaword", "dev"))


@needs_gw
def test_gigaword_scoring_with_a_fake_coder():
    recs = ev.load("gigaword", "events", "dev")
    first = recs[0]

    def predict(gold, key):
        if key != first["sid"]:
            return []
        src = first["source"][0] if isinstance(first["source"], list) else first["source"]
        tgt = first["target"][0] if isinstance(first["target"], list) else first["target"]
        root = first["root"][0] if isinstance(first["root"], list) else first["root"]
        return [ev.PredEvent(start=first["start"], end=first["end"], source=src, target=tgt, code=root + "0")]

    r = ev.evaluate("gigaword", "dev", predict=predict)
    assert r["articles"] == 29 and r["gold"] == 53 and r["predicted"] == 1
    assert r["triple_precision"] == 1.0 and r["triple_recall"] == pytest.approx(1 / 53)


@needs_gw
def test_gigaword_dates():
    """Every sentence of the sample is dated (its ``date`` attribute, ISO), keyed as the
    sentences are; the scorer analyses each at that date (realeval.GOLD_DATE)."""
    dates = realgold._gigaword_dates()
    assert set(dates) == set(realgold._gigaword())
    assert realgold.gigaword_date("AFP0808020625_4") == "2008-08-04"
    assert all(d is None or (len(d) == 10 and d[4] == d[7] == "-") for d in dates.values())
    assert ev.GOLD_DATE["gigaword"] is realgold.gigaword_date and "real-en" not in ev.GOLD_DATE
    with pytest.raises(KeyError):
        realgold.gigaword_date("NO_SUCH_ID")
