"""A long-lived process keeps its vocabulary bounded with ``LAGEBILD_MEMORY_ZONE=1``:
``analyze_batch`` then runs each batch in a spaCy memory zone
(:func:`lagebild.pipeline.memory_zone`), with the same output as without.

The texts are written here: every batch brings new invented names and words (as a news
stream does), and a provisional actor named in an early batch comes back in later ones
(its ``prov:`` match key must outlive the zone it was added in; spaCy 3.8 raised E109).
"""
from __future__ import annotations

from typing import List

from lagebild.actors.provisional import clear_provisional
from lagebild.ingest import article_from_text
from lagebild.pipeline import analyze_batch, load

_SYL = ("bar", "ken", "lom", "trif", "wen", "dus", "mal", "zor", "pek", "hil")


def _word(n: int) -> str:
    """An invented word, different for every ``n`` ("Barkenlom…")."""
    digits = f"{n:04d}"
    return "".join(_SYL[int(d)] for d in digits).capitalize()


def _batch(k: int) -> List[str]:
    """Four short German reports; the names and compounds are new in every batch ``k``, the
    person "Helmut Trifwenzor" recurs in every batch."""
    out = []
    for j in range(4):
        n = 10 * k + j
        out.append(
            f"Berlin. Der Abgeordnete Karl {_word(n)} hat am Montag den Minister Helmut Trifwenzor "
            f"scharf kritisiert. Die {_word(n + 500)}verhandlungen in {_word(n + 1000)}stadt seien "
            f"gescheitert, sagte {_word(n)}. Trifwenzor wies die Vorwürfe zurück und drohte mit "
            f"Sanktionen gegen die Firma {_word(n + 1500)} AG."
        )
    return out


def _run(batches: int, monkeypatch, zone: str, first: int = 0):
    monkeypatch.setenv("LAGEBILD_MEMORY_ZONE", zone)
    nlp = load("de")
    clear_provisional()
    sizes, records = [], []
    for k in range(first, first + batches):
        arts = [article_from_text(t, source=f"mz:{k}:{j}") for j, t in enumerate(_batch(k))]
        for r in analyze_batch(arts, learn=True):  # a stream that learns, as ingest does
            assert not isinstance(r, Exception), r
            d = r.to_dict()
            d.pop("analyzed_at", None)
            records.append(d)
        sizes.append((sum(1 for _ in nlp.vocab), len(nlp.vocab.strings)))
    clear_provisional()
    return nlp, sizes, records


def test_vocabulary_stays_bounded_over_many_batches(monkeypatch):
    nlp, sizes, _ = _run(12, monkeypatch, "1", first=0)
    lexemes = [s[0] for s in sizes]
    strings = [s[1] for s in sizes]
    # after the first batch (lazily loaded tables) no lexeme stays; the strings that stay
    # are the provisional actors' match keys only (a few per batch at most)
    assert lexemes[-1] == lexemes[1], lexemes
    assert strings[-1] - strings[1] <= 10 * 4 * 3, strings
    prov = [s for s in nlp.vocab.strings if s.startswith("prov:") and "Trifwenzor" in s]
    assert prov, "the recurring person is a provisional actor with a lasting key"
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert getattr(lemmatizer, "_ids", {}) == {}, "id cache emptied when the zone ended"


def test_without_zones_the_vocabulary_grows(monkeypatch):
    """The measure of the test above: the same stream without zones keeps every new word."""
    _, sizes, _ = _run(6, monkeypatch, "0", first=20)
    assert sizes[-1][0] - sizes[1][0] >= 4 * 4 * 4, sizes  # >= 4 new words a text, 4 batches


def test_same_output_with_and_without_zones(monkeypatch):
    # zones first: words the run without zones adds stay in the vocabulary for good
    _, _, with_zones = _run(5, monkeypatch, "1", first=40)
    _, _, without = _run(5, monkeypatch, "0", first=40)
    assert len(without) == len(with_zones) == 20
    for a, b in zip(without, with_zones):
        assert a == b
    # the recurring person is linked in later batches too (the prov: key outlived its zone)
    last = with_zones[-1]
    assert any("Trifwenzor" in str(a) for a in last["actors"])

