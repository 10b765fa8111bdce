"""``lagebild kb import`` of a user's own PETRARCH/Phoenix dictionary names the file and line
of each entry it could not read. Before, it printed only "skipped: 2": a bracket left open
(``[NORGOV 250101``), a code in lower case or a name without any code vanished, and the user
had to guess which lines to mend."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.actors import userkb
from lagebild.cli import app

GOOD = "INGRID_SOLBAKK_ [NORGOV 240101-251231]\n+SOLBAKK_\nNORDLYS_SJO_ [NORBUS]\n"

# (construction, the faulty line, what the note says)
BROKEN = [
    ("bracket not closed", "HARALD_QUIST_ [NORGOV 250101", "unbalanced bracket"),
    ("bracket not opened", "TOVE_LIEN_ NORGOV]", "unbalanced bracket"),
    ("lower-case code", "PER_ANDERSEN_ [norgov]", "[norgov] is not a CAMEO code"),
    ("date not a date", "LIV_BERG_ [NORGOV 2401x1-251231]", "[NORGOV 2401x1-251231] is not a CAMEO code"),
    ("no code at all", "EIRIK_DAHL_", "'Eirik Dahl' skipped: no readable [CODE]"),
]


@pytest.mark.parametrize("name,line,says", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_unreadable_entry_is_named_with_file_and_line(tmp_path: Path, name, line, says):
    path = tmp_path / "ours.actors.txt"
    path.write_text("# our actors\n" + GOOD + line + "\n", encoding="utf-8")
    notes: list = []
    counts = userkb.import_petrarch([path], kb_dir=tmp_path / "kb", notes=notes)
    assert counts["actors"] == 2, counts  # the good entries are imported all the same
    assert any(n.startswith(f"{path}:5: ") and says in n for n in notes), notes


def test_good_entries_and_null_codes_give_no_note(tmp_path: Path):
    path = tmp_path / "ours.actors.txt"
    path.write_text(GOOD + "SOME_GROUP_ [---]\n[NAMED_TERROR_GROUP]\n", encoding="utf-8")
    notes: list = []
    userkb.import_petrarch([path], kb_dir=tmp_path / "kb", notes=notes)
    assert [n for n in notes if "skipped" not in n] == []


def test_cli_prints_the_notes(tmp_path: Path):
    path = tmp_path / "ours.actors.txt"
    path.write_text(GOOD + "HARALD_QUIST_ [NORGOV 250101\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["kb", "import", str(path)], env={"LAGEBILD_KB": str(tmp_path / "kb")})
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "ours.actors.txt:4: unbalanced bracket" in flat and "actors: 2" in flat


# (construction, arguments after the id and name, what the refusal names)
REFUSED = [
    ("unknown country", ["-c", "NORX"], "unknown country 'NORX'"),
    ("unknown role key", ["-c", "NOR", "-r", "harbour_master"], "unknown role key 'harbour_master'"),
]


@pytest.mark.parametrize("name,args,says", REFUSED, ids=[r[0] for r in REFUSED])
def test_kb_add_refusal_is_coded_and_printed_as_written(tmp_path: Path, name, args, says):
    """A refused ``kb add`` was a bare sentence without a code, and rich turned the id
    ``per:x`` followed by a colon into an emoji (``per❌``)."""
    res = CliRunner().invoke(app, ["kb", "add", "per:x", "X Y", *args], env={"LAGEBILD_KB": str(tmp_path / "kb")})
    assert res.exit_code == 2
    flat = " ".join(res.output.split())
    assert flat.startswith("[E058]") and "per:x:" in flat and says in flat and "\u274c" not in flat
