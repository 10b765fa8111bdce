"""The analysis limit per document (pipeline.MAX_CHARS, $LAGEBILD_MAX_CHARS): a text
longer than it is stored whole, analysed up to the limit (cut at a paragraph, line or
sentence end), marked partial with W162. Before it, a 1.25 MB one-line text cost minutes
of CPU (3.5 CPU s per 1,000 short sentences) and nothing said so."""
from __future__ import annotations

import json

import pytest

import lagebild.pipeline as pipeline
from lagebild.ingest import article_from_string

SENTENCE = "Russland droht der Ukraine mit neuen Angriffen. "


@pytest.mark.parametrize(
    "construction,text,limit,end",
    [
        ("short text: not cut", "Ein Satz. Noch einer.", 100, 21),
        ("exactly the limit: not cut", "x" * 100, 100, 100),
        ("no limit (None)", "Satz. " * 100, None, 600),
        ("cut after a paragraph break", "a" * 60 + "\n\n" + "b" * 60, 100, 62),
        ("paragraph break before a later line break", "a" * 55 + "\n\n" + "b" * 10 + "\n" + "c" * 60, 100, 57),
        ("cut after a line break", "a" * 70 + "\n" + "b" * 60, 100, 71),
        ("cut after a sentence end", "Satz eins ist hier. " * 3 + "x" * 100, 100, 60),
        ("cut after a space in a run-on line", "wort " * 30, 100, 100),
        ("run-on without spaces: cut hard", "x" * 300, 100, 100),
        ("a break in the first half only is not used", "a" * 10 + "\n\n" + "b" * 200, 100, 100),
    ],
)
def test_analysed_end_grid(construction, text, limit, end, monkeypatch):
    monkeypatch.delenv("LAGEBILD_MAX_CHARS", raising=False)
    monkeypatch.setattr(pipeline, "MAX_CHARS", 0)  # limit=None below means: no limit at all
    assert pipeline.analysed_end(text, limit) == end, construction


@pytest.mark.parametrize(
    "env,expected",
    [(None, 200_000), ("5000", 5000), ("5_000", 5000), (" 7000 ", 7000), ("0", None), ("-1", None), ("", 200_000)],
)
def test_analysis_limit_from_the_environment(env, expected, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHARS", 200_000)
    if env is None:
        monkeypatch.delenv("LAGEBILD_MAX_CHARS", raising=False)
    else:
        monkeypatch.setenv("LAGEBILD_MAX_CHARS", env)
    assert pipeline.analysis_limit() == expected


@pytest.mark.parametrize("env", ["zehn", "1e5", "10k"])
def test_analysis_limit_refuses_what_is_not_a_number(env, monkeypatch):
    monkeypatch.setenv("LAGEBILD_MAX_CHARS", env)
    from lagebild.errors import LagebildError

    with pytest.raises(LagebildError, match=r"^\[E052\]"):
        pipeline.analysis_limit()


def _records_end(doc) -> int:
    ends = [m[1] for a in doc.actors for m in a.mentions]
    ends += [e.span[1] for e in doc.events] + [s.span[1] for s in doc.statements]
    ends += [f.span[1] for f in doc.forecasts] + [s[1] for s in doc.sentences]
    return max(ends)


@pytest.mark.parametrize("window", [100_000, 700], ids=["one-doc", "windows"])
def test_a_text_over_the_limit_is_stored_whole_analysed_in_part_and_partial(window, monkeypatch):
    monkeypatch.delenv("LAGEBILD_MAX_CHARS", raising=False)
    monkeypatch.setattr(pipeline, "MAX_CHARS", 2000)
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", window)
    text = "Lange Meldung. Anna Beispiel. 14.03.2025.\n\n" + SENTENCE * 150
    article = article_from_string(text)
    doc = pipeline.analyze_article(article, language="de")
    assert doc.text == article.text and len(doc.text) > 6000  # nothing stored is lost
    assert doc.partial
    w162 = [w for w in doc.warnings if w.startswith("[W162]")]
    assert len(w162) == 1 and f"{len(doc.text)} characters" in w162[0]
    end = pipeline.analysed_end(doc.text, 2000)
    assert f"first {end} characters" in w162[0]
    assert 1000 < _records_end(doc) <= end  # analysed up to the cut, not beyond
    assert doc.events and all(e.span[1] <= end for e in doc.events)
    assert doc.to_dict()["partial"] is True
    # analysing the same article again does not repeat the warning
    again = pipeline.analyze_article(article, language="de")
    assert sum(w.startswith("[W162]") for w in again.warnings) == 1


def test_a_text_under_the_limit_is_analysed_whole(monkeypatch):
    monkeypatch.delenv("LAGEBILD_MAX_CHARS", raising=False)
    monkeypatch.setattr(pipeline, "MAX_CHARS", 100_000)
    text = "Lange Meldung. Anna Beispiel. 14.03.2025.\n\n" + SENTENCE * 150
    doc = pipeline.analyze_article(article_from_string(text), language="de")
    assert not doc.partial and not any(w.startswith("[W162]") for w in doc.warnings)
    assert _records_end(doc) > len(doc.text) - len(SENTENCE)


def test_ingest_names_the_partial_document_with_w162(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from lagebild.cli import app

    monkeypatch.setenv("LAGEBILD_MAX_CHARS", "1500")
    (tmp_path / "long.txt").write_text("Lange Meldung. Anna Beispiel. 14.03.2025.\n\n" + SENTENCE * 100, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Kurze Meldung. Anna Beispiel. 14.03.2025.\n\n" + SENTENCE, encoding="utf-8")
    db = tmp_path / "n.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"),
                                   "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "[W162]" in res.output and "long.txt" in res.output
    out = tmp_path / "docs.jsonl"
    res = CliRunner().invoke(app, ["export", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    docs = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in out.read_text().splitlines()}
    assert docs["long.txt"]["partial"] and not docs["short.txt"]["partial"]
    assert len(docs["long.txt"]["text"]) > 3000


@pytest.mark.parametrize("verb", ["ingest", "analyze"])
def test_a_bad_limit_is_a_coded_usage_error(verb, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from lagebild.cli import app

    monkeypatch.setenv("LAGEBILD_MAX_CHARS", "viel")
    (tmp_path / "a.txt").write_text("Kurze Meldung. Anna Beispiel. 14.03.2025.\n\n" + SENTENCE, encoding="utf-8")
    args = [verb, str(tmp_path / "a.txt")] + (["--db", str(tmp_path / "n.duckdb")] if verb == "ingest" else [])
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2 and "[E052]" in res.output and "bug" not in res.output, res.output
    assert not (tmp_path / "n.duckdb").exists()
