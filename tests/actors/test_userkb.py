"""The user KB: add (validated, rolled back on error), import of PETRARCH/Phoenix
dictionaries, and the ``lagebild kb`` CLI."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from lagebild.actors import userkb
from lagebild.actors.kb import load_kb
from lagebild.cli import app

from ..conftest import SHARED, need_shared

PHOENIX_SAMPLE = """\
# a comment
RURITANIA_  [RUS]
+RURITANIEN_

JOHN_QUINCY_EXAMPLE_  # CountryInfo.txt
+J._Q._EXAMPLE_
+PRESIDENT_JOHN_EXAMPLE_
\t[RUSELI 700101-991231]
\t[RUSGOV 991231-20080507]
\t[RUSELI]
ZARVOK_FRONT_ [RUSREB] # kkl 21 Mar 13 (a group: "Acme Front" is ordinary words, which kb import leaves out)
"""

AGENTS_SAMPLE = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
DAIRY!PERSON! [~AGR]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
GOVERNMENT_OFFICIAL [~GOV]
"""


@pytest.mark.parametrize(
    "spec,expected",
    [
        ("RUSGOV 991231-080507", ("RUSGOV", date(1999, 12, 31), date(2008, 5, 7))),
        ("USAGOV 20170120-20210120", ("USAGOV", date(2017, 1, 20), date(2021, 1, 20))),
        ("IGOUNO >070101", ("IGOUNO", date(2007, 1, 1), None)),
        ("RUSELI", ("RUSELI", None, None)),
        ("~GOV", ("GOV", None, None)),
        ("KORGOVBUS 2004017-20061201", None),
    ],
)
def test_userkb_parse_code(spec, expected):
    assert userkb.parse_code(spec) == expected


def test_userkb_add_actor_is_linked(tmp_path: Path):
    actor = userkb.add_actor(
        "per:jane_roe", "Jane Roe", country="FRA", aliases=["J. Roe"], roles=["foreign_minister"],
        start="2026-01-10", office_code="FRAGOV", kb_dir=tmp_path,
    )
    assert actor.offices[0].start == date(2026, 1, 10)
    nlp = spacy.blank("en")
    nlp.add_pipe("lagebild_actors", config={"kb_dir": str(tmp_path)})
    doc = nlp.make_doc("The French foreign minister met Roe.")
    doc._.published = date(2026, 3, 1)
    doc = nlp(doc)
    assert [(m.text, m.actor_id) for m in doc._.mentions] == [
        ("French foreign minister", "per:jane_roe"), ("Roe", "per:jane_roe")]


@pytest.mark.parametrize(
    "kwargs,problem",
    [
        ({"type": "ALIEN"}, "type"),
        ({"country": "XXX"}, "unknown country"),
        ({"roles": ["kaiser"]}, "unknown role key"),
        ({"roles": ["president"], "start": "2026-31-01"}, "ISO date"),
    ],
)
def test_userkb_add_rejects_invalid_entries(tmp_path: Path, kwargs, problem):
    with pytest.raises(userkb.KBEntryError, match=problem):
        userkb.add_actor("per:x", "X Y", kb_dir=tmp_path, **kwargs)
    assert not (tmp_path / "actors.tsv").exists()


def test_userkb_import_phoenix_sample(tmp_path: Path):
    actors = tmp_path / "Sample.actors.txt"
    actors.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    agents = tmp_path / "Sample.agents.txt"
    agents.write_text(AGENTS_SAMPLE, encoding="utf-8")
    kb_dir = tmp_path / "kb"
    counts = userkb.import_petrarch([actors, agents], kb_dir=kb_dir)
    assert counts["actors"] == 2 and counts["aliases"] == 2 and counts["agents"] == 6
    kb = load_kb(kb_dir)
    person = kb.get("phx:john_quincy_example")
    assert person.type == "PER" and person.country == "RUS"
    assert "John Example" in person.names["*"]  # "PRESIDENT_" is stripped, the linker adds roles
    assert person.office_at(date(2005, 1, 1)).code == "RUSGOV"
    assert "Ruritanien" in kb.get("RUS").names["en"]
    assert any(n.term == "dairywomen" for n in kb.role_nouns)


def test_userkb_import_full_phoenix_dictionaries(tmp_path: Path):
    base = need_shared(SHARED / "data" / "petrarch2")
    files = [base / f for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")]
    counts = userkb.import_petrarch(files, kb_dir=tmp_path)
    assert counts["actors"] > 20000 and counts["agents"] > 2000
    kb = load_kb(tmp_path)
    assert kb.get("per:vladimir_putin").priority > kb.get("phx:vladimir_putin").priority


def test_cli_kb_show_search_add_import(tmp_path: Path):
    runner = CliRunner()
    env = {"LAGEBILD_KB": str(tmp_path)}
    res = runner.invoke(app, ["kb", "show", "per:donald_trump", "--on", "2019-06-01"], env=env)
    assert res.exit_code == 0 and "US President" in res.output
    res = runner.invoke(app, ["kb", "search", "Medwedew", "--json"], env=env)
    assert res.exit_code == 0 and "per:dmitry_medvedev" in res.output
    res = runner.invoke(app, ["kb", "add", "per:max_muster", "Max Muster", "-c", "DEU", "-r", "defence_minister",
                              "--start", "2026-02-01", "--office-code", "DEUGOV"], env=env)
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["kb", "show", "per:max_muster", "--on", "2026-03-01", "--json"], env=env)
    assert res.exit_code == 0 and "Defence Minister" in res.output
    res = runner.invoke(app, ["kb", "add", "per:bad", "Bad", "-c", "XXX"], env=env)
    assert res.exit_code == 2
    sample = tmp_path / "x.actors.txt"
    sample.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    res = runner.invoke(app, ["kb", "import", str(sample), "--kb-dir", str(tmp_path)])
    assert res.exit_code == 0 and "actors: 2" in res.output
    res = runner.invoke(app, ["kb", "show", "nobody-at-all"], env=env)
    assert res.exit_code == 1


def test_cli_eval_actors_blank_json():
    res = CliRunner().invoke(app, ["eval", "actors", "--lang", "en", "--blank", "--json"])
    assert res.exit_code == 0, res.output
    import json

    scores = json.loads(res.output)
    assert scores["en"]["gold"] >= 100 and scores["en"]["precision"] > 0.9 and scores["en"]["recall"] > 0.9
