"""German compound role nouns (kb/compound_roles.tsv) and the role codes of persons, on
blank pipelines (no model): the linker alone."""
from __future__ import annotations

import pytest

from lagebild.actors.kb import KB, _inflections, _load_compounds, load_kb, KB_DIR
from lagebild.errors import DataFileError


@pytest.fixture(scope="module")
def linker(nlp_de):
    return nlp_de.get_pipe("lagebild_actors").linker


@pytest.mark.parametrize("word,agent,target,plural", [
    ("Bundesjustizminister", "GOV", None, False),
    ("Gesundheitsministerin", "GOV", None, False),
    ("Polizeisprecherin", "COP", None, False),
    ("Landespolizeidirektor", "COP", None, False),
    ("Armeechef", "MIL", None, False),
    ("Gewerkschaftschef", "LAB", None, False),
    ("Parteichefin", "PTY", None, False),
    ("Fraktionsvorsitzende", "LEG", None, False),
    ("Lehrergewerkschafter", "LAB", None, False),
    ("Wirtschaftskammer-Präsident", "BUS", None, False),
    ("SPÖ-Kampagnenleiter", "GOV", "org:spo", False),
    ("Bundestagsabgeordneten", "LEG", None, False),
    ("Fallschirmsoldaten", "MIL", None, False),
])
def test_compound_role_reads_modifier_and_head(linker, word, agent, target, plural):
    noun, got_target, got_plural = linker.compound_role(word)
    assert (noun.agent, got_target) == (agent, target)
    if plural:
        assert got_plural


@pytest.mark.parametrize("word", [
    "Küchenchef",  # a generic head with a modifier that names no sector
    "VÖZ-Präsident",  # an unknown prefix and a generic head (OERAK is in organisations_at.tsv now)
    "Minister",  # no modifier
    "Zusammenarbeit",  # no head
    "Kaminkehrer",
])
def test_compound_role_none(linker, word):
    assert linker.compound_role(word) is None


@pytest.mark.parametrize("text,name,code", [
    ("In Wien sagte Innenministerin Julia Hollerbach, man werde handeln.", "Julia Hollerbach", "AUTGOV"),
    ("Der Polizeisprecher Michael Gruber sagte in Wien, es sei ruhig.", "Michael Gruber", "AUTCOP"),
    ("Der CDU-Abgeordnete Klaus Merkle kritisierte die Pläne.", "Klaus Merkle", "DEULEG"),
    ("Der Bürgermeister Michael Hörbinger (SPÖ) warb in Wien um Stimmen.", "Michael Hörbinger", "AUTGOV"),
    ("In Wien kritisierte Markus Huber (ÖVP) die Pläne.", "Markus Huber", "AUTPTY"),
    ("Anna Berger will in Österreich als Sozialministerin Furore machen.", "Anna Berger", "AUTGOV"),
])
def test_role_codes_of_provisional_persons(link, text, name, code):
    doc = link("de", text)
    [actor] = [a for a in doc._.actors if a.name == name]
    assert actor.provisional and actor.code == code


def test_kb_person_takes_a_role_the_kb_never_gave_him(link):
    doc = link("de", "Bundesjustizminister Heiko Maas hat den Anschlag verurteilt.", "2016-01-15")
    [maas] = [a for a in doc._.actors if a.id == "per:heiko_maas"]
    assert maas.code == "DEUGOV"


def test_former_office_is_not_relearned_at_a_known_date(link):
    # Trump held the presidency before 2023 and again from 2025: "Präsident Trump" in 2023
    # does not make him the US government
    doc = link("de", "Präsident Donald Trump sprach in Florida.", "2023-04-19")
    [trump] = [a for a in doc._.actors if a.id == "per:donald_trump"]
    assert trump.code != "USAGOV"


def test_role_takes_only_a_country_named_before_it(link):
    doc = link("en", "The ambassador hopes that the British will decide pragmatically.")
    assert all(m.text != "ambassador" for m in doc._.mentions)
    doc = link("de", "Die türkische Regierung kritisierte die PKK. Der Polizeichef sagte, es sei ruhig.")
    assert ("Polizeichef", "TURCOP") in [(m.text, m.actor_id) for m in doc._.mentions]


def test_compound_file_errors_name_file_and_line(tmp_path):
    kb = load_kb(include_user=False)
    bad = tmp_path / "compound_roles.tsv"
    bad.write_text("lang\tpart\tform\tinfl\tagent\tperson\tgeneric\n"
                   "de\thead\tMinister\ter\tGOV\ty\tn\n"
                   "de\tmod\tpolizei\t-\tXXX\t\t\n", encoding="utf-8")
    fresh = KB(agents=kb.agents)
    with pytest.raises(DataFileError) as err:
        _load_compounds(fresh, bad, _inflections(KB_DIR / "inflection.tsv"))
    assert "compound_roles.tsv" in str(err.value) and "3" in str(err.value) and "XXX" in str(err.value)
