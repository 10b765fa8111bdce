"""A CSV/TSV table of articles given to `ingest`/`analyze` is refused with E049 and the way
in (JSON Lines, or --input-format text). It was read as plain text: the 10kGNAD table
(`label;'text'` rows, the news-de data beside this project) became ONE document of every
article run together, stored without a word."""
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.ingest import IngestFailure, detect_format, read_paths

ROWS = [
    "Inland;'Die Regierung in Wien hat am Montag neue Maßnahmen beschlossen. Der Kanzler sagte, man werde handeln.'",
    "International;'Russland griff die Ukraine erneut an. Selenskyj forderte neue Sanktionen.'",
]


@pytest.mark.parametrize("name,data", [
    ("articles.csv", "\n".join(ROWS).encode()),
    ("articles.tsv", b"title\ttext\nA\tDie EU verh\xc3\xa4ngte Sanktionen.\n"),
    ("articles.CSV", b"a,b\n=cmd|' /C calc'!A0,2\n"),  # a hostile cell: refused before it is read
    ("articles.csv.gz", gzip.compress("\n".join(ROWS).encode())),
])
def test_a_table_is_refused_with_the_way_in(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    assert detect_format(path) == "table"
    (item,) = list(read_paths([path]))
    assert isinstance(item, IngestFailure) and item.reason.startswith("[E049]") and "jsonl" in item.reason


def test_ingest_of_a_folder_stores_the_articles_and_names_the_table(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "table.csv").write_text("\n".join(ROWS), encoding="utf-8")
    (folder / "a.txt").write_text("Die EU verhängte am Montag neue Sanktionen gegen Russland.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "[E049]" in text and "table.csv" in text and "stored 1 new" in text
    listed = CliRunner().invoke(app, ["documents", "--db", db, "-f", "jsonl"])
    assert [json.loads(l)["source"].endswith("a.txt") for l in listed.stdout.splitlines()] == [True]


def test_input_format_text_still_reads_a_table_as_one_text(tmp_path: Path):
    path = tmp_path / "notes.csv"
    path.write_text("\n".join(ROWS), encoding="utf-8")
    (item,) = list(read_paths([path], fmt="text"))
    assert not isinstance(item, IngestFailure) and "Selenskyj" in item.text
