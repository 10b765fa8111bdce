"""`lagebild VERB --help` read cold by a new user: what it promises must be true."""
from typer.testing import CliRunner

from lagebild.cli import app


def _help(*verb: str) -> str:
    result = CliRunner().invoke(app, [*verb, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_ingest_help_says_what_a_changed_text_does():
    text = _help("ingest")
    assert "replaces" not in text  # a changed text is a NEW document (W160), nothing is replaced
    assert "W160" in text


def test_export_help_names_the_csv_quoting():
    assert "formula" in _help("export")


def test_serve_port_has_help_and_refuses_zero(tmp_path):
    assert "TCP port to listen on" in _help("serve")
    db = tmp_path / "x.duckdb"
    db.write_bytes(b"")
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "0"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "--port" in result.output and "greater than or equal to 1" in result.output, result.output


def test_forecast_ids_are_never_broken_on_an_80_column_terminal(tmp_path):
    """`lagebild forecasts` on 80 columns folded the id "0279591dc43 / 07909:f0" over two
    lines, which cannot be copied into `lagebild resolve ID`; `resolve` listed them alike."""
    from lagebild.schemas import Document, Forecast
    from lagebild.store import Store

    db = str(tmp_path / "f.duckdb")
    text = "Die Regierung wird die Steuern im kommenden Jahr wahrscheinlich deutlich erhöhen, sagte der Minister."
    fc = Forecast(holder="author", text=text, span=(0, len(text)), probability=0.7,
                  horizon={"text": "im kommenden Jahr", "start": "2000-01-01", "end": "2000-12-31"})
    doc = Document(id="0279591dc4307909", source="a.txt", language="de", title="Steuern", authors=[],
                   published="1999-06-01", sections=[], captions=[], text=text, forecasts=[fc])
    with Store(db) as store:
        store.save(doc)
    for args in (["forecasts"], ["resolve", "--as-of", "2001-01-01"], ["resolve", "--history"]):
        result = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        if args[-1] != "--history":
            assert "0279591dc4307909:f0" in result.output, (args, result.output)
