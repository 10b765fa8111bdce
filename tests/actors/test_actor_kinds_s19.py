"""Actor kinds of issue 9, session 19 (German actors on real news). The coded sentences are
rows of ``grid_codes.tsv`` (kinds feminine, body-suffix, candidate); this module checks the
data and mechanisms behind them over the whole lexicon, not sentence by sentence."""
from __future__ import annotations

from lagebild.actors.kb import load_kb
from lagebild.datafiles import data_path, iter_tsv

# person role nouns that have no feminine form of their own in German news use: a
# separate feminine row exists (Obmann/Obfrau, Landeshauptmann -> Landeshauptfrau in
# ``forms``), the office is held by men only (Papst, Kardinal, Erzbischof, Imam), the noun
# is neuter (Staatsoberhaupt) or the feminine is not used ("Premier": "Premierministerin")
NO_FEMININE = {"Obmann", "Obfrau", "Landeshauptmann", "Bezirkshauptmann", "Klubobmann", "Papst", "Kardinal", "Erzbischof",
               "Imam", "Staatsoberhaupt", "Stadtoberhaupt", "Premier"}


def test_every_german_person_role_has_a_feminine_form():
    """A person role noun (agents.tsv person=y, compound_roles.tsv heads with person=y)
    inflects to its feminine ("Kommissarin", "Gouverneurin", "Staatsanwältin"): the
    inflection class of a person noun must have the -in/-innen suffixes, or the row lists
    the feminine among its forms. Adjectival nouns ("Abgeordnete") inflect alike for both."""
    kb = load_kb(include_user=False)
    missing = []
    for noun in kb.role_nouns:
        if noun.lang != "de" or not noun.person or noun.term in NO_FEMININE:
            continue
        forms = [f for f, _ in noun.forms]
        if f"{noun.term}e" in forms and f"{noun.term}em" in forms:
            continue  # adjectival noun (class adj): "Beauftragte", "Gesandte"
        if not any(f.endswith("in") and not noun.term.endswith("in") for f in forms):
            missing.append(noun.term)
    heads = {h.term for h in kb.compound_heads["de"] if h.person}
    fem_heads = {h.term for h in kb.compound_heads["de"] if h.person and h.form.endswith("in")}
    for term in sorted(heads - fem_heads - NO_FEMININE):
        rows = [r for r in iter_tsv(data_path("kb", "compound_roles.tsv"), required=("lang", "part", "form"))
                if r["part"] == "head" and r["form"] == term]
        if rows and rows[0].get("infl") != "adj":
            missing.append(term)
    assert not missing, f"person role nouns without a feminine form: {sorted(set(missing))}"


def test_feminine_compound_heads_are_read(nlp_de):
    linker = nlp_de.get_pipe("lagebild_actors").linker
    for word, agent, person in (("Wettbewerbskommissarin", "GOV", True), ("Oberstaatsanwältin", "JUD", True),
                                ("Gewerkschaftsfunktionärin", "LAB", False), ("Armeekommandeurin", "MIL", True)):
        got = linker.compound_role(word)
        assert got is not None and got[0].agent == agent, (word, got)
        assert got[0].person is person and not got[2], word


def test_bodies_named_by_their_kind(nlp_de):
    """A body's compound name says what kind of body it is (compound_roles.tsv heads): a
    commission or an office governs, a court judges, a committee legislates; a generic
    head (Rat, Amt, Vertretung, Vereinigung, Verband) needs a sector word, in the modifier
    or as the whole word ("Betriebsrat")."""
    linker = nlp_de.get_pipe("lagebild_actors").linker
    for word, agent, plural in (("Pensionskommission", "GOV", False), ("Militärgerichte", "JUD", True),
                                ("Verfassungsgerichtshof", "JUD", False), ("Untersuchungsausschüsse", "LEG", True),
                                ("Generalstaatsanwaltschaft", "JUD", False), ("Gemeinderäte", "GOV", True),
                                ("Betriebsrat", "LAB", False), ("Schülervertretung", "EDU", False),
                                ("Richtervereinigung", "JUD", False), ("Arbeitgeberverbands", "BUS", False),
                                ("Landesamt", "GOV", False)):
        got = linker.compound_role(word)
        assert got is not None and got[0].agent == agent and got[2] is plural, (word, got)
        assert not got[0].person, word
    for word in ("Aufsichtsrat", "Verrat", "Insgesamt", "Tennisverband", "Ehrenamt", "Fahrgemeinschaft",
                 "Präsidentschaftskandidat"):
        assert linker.compound_role(word) is None, word


def _run_dated(nlp, text, published):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {a.id: a.code for a in doc._.actors}


def test_a_dated_article_codes_persons_by_the_office_of_its_day(nlp_de):
    """KB persons carry the code of the office they held on the article's date; the real-de
    gold (10kGNAD has no article dates) is analysed at the corpus's middle date."""
    from datetime import date

    from lagebild import realgold
    from lagebild.events import realeval

    assert date(2015, 6, 1) <= realgold.NEWS_DE_PUBLISHED <= date(2016, 5, 31)
    assert realeval.GOLD_UNDATED_ON["real-de"] == realgold.NEWS_DE_PUBLISHED
    text = "Kiew – Poroschenko kritisierte Putin. Obama forderte Zurückhaltung."
    then = _run_dated(nlp_de, text, realgold.NEWS_DE_PUBLISHED)
    assert then["per:petro_poroshenko"] == "UKRGOV" and then["per:barack_obama"] == "USAGOV"
    later = _run_dated(nlp_de, text, date(2024, 6, 1))
    assert later["per:petro_poroshenko"] == "UKROPP" and later["per:barack_obama"] == "USAELI"


def test_an_undated_archive_reads_offices_at_its_era(nlp_de, monkeypatch):
    """``$LAGEBILD_UNDATED_DATE``: the KB's offices of an undated article are read at that
    date (the article itself stays undated); a bad value is a clear error."""
    import pytest

    from lagebild.actors.linker import UNDATED_ENV, undated_on
    from lagebild.errors import BadInputError

    text = "Kiew – Poroschenko kritisierte Putin."
    monkeypatch.setenv(UNDATED_ENV, "2015-12-01")
    assert _run_dated(nlp_de, text, None)["per:petro_poroshenko"] == "UKRGOV"
    monkeypatch.delenv(UNDATED_ENV)
    assert undated_on() is None
    monkeypatch.setenv(UNDATED_ENV, "Dezember 2015")
    with pytest.raises(BadInputError, match=UNDATED_ENV):
        undated_on()


def test_person_gender_from_role_nouns_and_articles():
    """language.reference.person_gender reads a person's gender from the role nouns and
    articles of its mentions (a feminine role ends in -in); a bare name says nothing but
    its given name (session 30: ``given_name_gender_de.tsv``; "Karl" a man, "Kim" either)."""
    from lagebild.language.reference import person_gender
    from lagebild.pipeline import load

    nlp = load("de")
    doc = nlp("Wien – Innenministerin Petra Kaltenbrunner traf den Abgeordneten Otto Wimmer. "
              "Auch Karl Gruber war dabei. Der Vorsitzende Franz Pichler und Präsident Max Auer sprachen. "
              "Kim Brandl kam später.")
    ids = {m.text.split()[-1]: m.actor_id for m in doc._.mentions}
    assert person_gender(doc, ids["Kaltenbrunner"]) == "f"
    assert person_gender(doc, ids["Auer"]) == "m"
    assert person_gender(doc, ids["Gruber"]) == "m"
    assert person_gender(doc, ids["Brandl"]) == "*"
