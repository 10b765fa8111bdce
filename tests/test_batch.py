import pytest

from lagebild.batch import ingest_paths
from lagebild.store import Store


def _folder(tmp_path, n):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(
            f"Titel {i}. 0{1 + i % 9}.02.2025.\n\nDie Regierung in Berlin kritisierte am Montag die Pläne Nummer {i}.",
            encoding="utf-8",
        )
    return folder


@pytest.mark.parametrize("commit_every", [1, 4, 100])
def test_batch_ctrl_c_keeps_finished_documents(tmp_path, commit_every):
    folder = _folder(tmp_path, 6)
    seen = []

    def on_item(path, result):
        seen.append(result)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with Store(tmp_path / "db.duckdb") as store:
        report = ingest_paths([folder], store, commit_every=commit_every, on_item=on_item)
        assert report.interrupted and not report.ok
        # a batch is committed in one transaction before its documents are reported:
        # Ctrl-C while the 3rd is reported keeps (and counts) that whole batch
        assert store.count() == report.stored == min(6, -(-3 // commit_every) * commit_every)
        assert {d.id for d in seen} <= {r["id"] for r in store.documents()}


def test_batch_same_document_twice_in_one_batch(tmp_path):
    folder = _folder(tmp_path, 2)
    (folder / "copy.txt").write_text((folder / "00.txt").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest_paths([folder], store, commit_every=10)
        assert (report.stored, report.updated) == (2, 1)
        assert store.count() == 2


def test_batch_one_failing_document_does_not_fail_its_batch(tmp_path):
    from spacy.language import Language

    import lagebild
    from lagebild.ingest import article_from_text
    from lagebild.pipeline import analyze_batch

    @Language.component("test_explode_on_boom")
    def explode(doc):
        if "BOOM" in doc.text:
            raise ValueError("exploded")
        return doc

    nlp = lagebild.load("de")
    nlp.add_pipe("test_explode_on_boom", first=True)
    try:
        texts = ["Die Regierung kritisierte Moskau.", "Der Kanzler sagte BOOM.", "Die EU verhängte Sanktionen."]
        results = analyze_batch([article_from_text(t) for t in texts], language="de")
    finally:
        nlp.remove_pipe("test_explode_on_boom")
    assert isinstance(results[1], ValueError)
    assert [r.text for r in (results[0], results[2])] == [texts[0], texts[2]]
