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
