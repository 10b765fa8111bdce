"""Speaker-code kinds of sessions 25 and 26 (issue 11), on sentences we wrote
(``speaker_grid_s25.tsv``, ``speaker_grid_s26.tsv``), one test per row so that a failing row
names its grid line and construction. Session 25:

- ``document``: a document an actor issued ("laut Erlass", "laut Entwurf", "heißt es im
  Antrag", "In der Aussendung hieß es") speaks for the body the text named with a document
  before ("ein Rundschreiben des Bildungsministeriums", "Die SPÖ hat eine Aussendung
  verschickt"): report nouns of ``data/language/proxy_nouns.tsv``, the document
  prepositions of ``data/de/document_prepositions.txt``; a dateline is no author ("Wien –
  Die SPÖ …" is the SPÖ's), a "gegen" phrase is the target, not the author ("Anklage gegen
  den Mann"), and "laut Entwurf eine Bilanz" ends the source before the new noun phrase;
- ``document-none``: a text that is no issued document ("Im Lied heißt es", "In dem Brief
  heißt es") still names no speaker;
- ``path``: a country named on a path ("Aus Slowenien kämen …", "von Slowenien nach
  Österreich") is no mark of where the police reporting it belong
  (:func:`lagebild.language.reference.path_object`);
- ``group-noun``: group nouns of ``data/language/reference.tsv`` in the forms a source takes
  ("den Einsatzkräften zufolge", "so die Exekutive", the Austrian word for the police), and
  a "laut" source that ends at its noun ("laut den Einsatzkräften laufend");
- ``dateline``: a generic state body speaking in the first sentence ("Wien – Die Preise
  würden steigen, wie das Ministerium mitteilte") is of the dateline's country: the
  dateline is where the report was filed, not part of what was said, so the country is not
  one "named only in the reported content" (which still leaves "Viele Diplomaten sagten,
  Moskau werde …" uncoded).

Session 26 (``speaker_grid_s26.tsv``):

- ``body-noun``: a definite noun naming a body ("Die Bank erklärte", "teilte der Konzern
  mit", "eine Sprecherin der Organisation", "nach Angaben des Konzerns") is the body of
  that sector the paragraph named before (``data/de/body_nouns.tsv``);
- ``body-noun-none``: an indefinite one ("Eine Bank erklärte"), or one whose sector no body
  named before has ("der Konzern" after Greenpeace), refers to nobody;
- ``spokesperson``: a bare spokesperson ("…, sagte ein Sprecher", no body, name or
  possessive of its own; ``data/de/spokesperson_nouns.txt``) speaks for the subject of the
  sentence before when it is a body, a group or a coded person, else for the organisation
  named there -- not for the government of the dateline's country; ``spokesperson-none``:
  one with a body of its own ("ein Sprecher der Polizei") keeps it;
- ``group-named-before``: a definite group noun with no country of its own ("der
  Chefunterhändler der Regierung" in a report filed in Havana) is the group of the same head
  noun the sentence before named with its country ("der kolumbianischen Regierung"), not the
  dateline's; ``group-named-before-none``: one with its own country keeps it;
- ``speaker-noun``: "Wahlkampfleiter(in)" is a party role (``kb/compound_roles.tsv``);
- ``kb-s26``: the bodies of the session-26 blocks of the KB;
- ``genitive-es``: a one-word organisation name in its "-es" genitive ("des
  Samariterbundes", "des Handelsverbandes"; ``data/kb/genitive_es_heads.txt``).

Session 27 (``speaker_grid_s27.tsv``; its header names each kind's data): counted people
("Tausende Syrer" are Syrian civilians, not the Syrian state), a group noun declined like an
adjective in apposition after a name ("Miriam X, Abgeordnete der Grünen"), a general
secretary named without the body (a party's, when the KB or a bracketed party says so),
diplomats of no country of their own (not the dateline's), the presidential office of the
dateline's or seat's country, bare plural "Berichten" (the media of unknown country), and a
person named with "von der Polizei" (that body of the text's country), and a lone "Name:"
headline label (its sentence only, not a turn over the whole article), and a "-professor"
compound (an academic whatever its field).

Session 28 (``speaker_grid_s28.tsv``; its header names each kind's code and data): a person
named in apposition after a role phrase with a body, a role noun with an agent of its own
for a body the KB lacks ("Chefredakteur von X TV, Name"), copular role statements ("Heute
ist er EU-Kommissar"), a person described by a role in the next sentence, courts and police
"in" a place, the German foreign office by its own name, refugees and civilians "aus" a
country, a person named after a singular demonym (a civilian of that country), and a
report noun with no author after a news outlet ("… vom Sender X übertragen. Dem Bericht
zufolge …"), and a surname the entity model tagged only once carrying the role given where
it stands untagged ("X, die Sozialministerin, …"), and an organisation's name of several
words hyphenated before a role head ("Bank-Austria-Ökonom").

Session 29 (``speaker_grid_s29.tsv``; its header names each kind's code and data): a body the
KB does not know named by a country adjective and a head noun that says its sector ("der
norwegische Energieversorger" -> NORBUS, "das lettische Zentrum für Sicherheitsforschung" ->
LVAEDU); a surname alone that the KB knows as another person's, after the text named its own
namesake in full; "Mandatar(in)"; a "Politiker(in)" with no office as a party politician; a
firm whose name ends with a legal form ("AG", "GmbH"); a person "vom Institut für X" or with a
body in brackets ("(Universität Graz)") speaks for that body; "Studienautor(in)" is an academic;
a person with no role who fled or comes "aus" a place is a refugee or civilian of its country;
a name after a body noun that says its sector ("der Baukonzern X") is that body.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.datafiles import iter_tsv
from lagebild.events.realeval import actor_code

GRIDS = {name: Path(__file__).with_name(f"speaker_grid_{name}.tsv") for name in ("s25", "s26", "s27", "s28", "s29")}
ROWS = [dict(row, grid=name) for name, path in GRIDS.items()
        for row in iter_tsv(path, required=("kind", "text", "content", "code"))]
KINDS = {"s25": {"document", "document-none", "path", "group-noun", "dateline"},
         "s26": {"body-noun", "body-noun-none", "spokesperson", "spokesperson-none", "genitive-es", "kb-s26",
                 "group-named-before", "group-named-before-none", "speaker-noun"},
         "s27": {"counted-people", "counted-people-none", "apposition-group-noun", "general-secretary",
                 "general-secretary-none", "placeless-group", "placeless-group-none", "presidential-office",
                 "media-reports", "media-reports-none", "member-of-group", "headline-turn", "professor-compound"},
         "s28": {"apposed-name", "own-agent-role", "own-agent-role-none", "copular-role", "copular-role-none",
                 "described-next", "described-next-none", "seated-agent", "kb-s28", "origin-agent",
                 "demonym-person", "demonym-person-none", "report-outlet", "report-outlet-none", "surname-once",
                 "org-name-prefix", "org-name-prefix-none"},
         "s29": {"adjective-body", "adjective-body-none", "namesake-surname", "namesake-surname-none",
                 "namesake-surname-role", "mandatar",
                 "politician-party", "politician-party-none", "legal-form", "person-of-body", "bracket-body",
                 "study-author", "origin-verb", "origin-verb-none", "named-body"}}


def _speaker_code(text: str, content: str) -> str:
    from lagebild.actors.linker import clear_provisional
    from lagebild.pipeline import analyze

    clear_provisional()  # each row is its own corpus
    text = text.replace("\\n", "\n")  # a grid row writes a line break as \n
    doc = analyze(text, language="de", source="derStandard.at", published="2016-06-01")
    at = doc.text.index(content)
    for s in doc.statements:
        if s.span[0] <= at < s.span[1]:
            return actor_code(doc.actors, s.speaker) or "-"
    return f"no statement holds {content!r}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['grid']}:{r['kind']}:{r['_line']}" for r in ROWS])
def test_row(row):
    got = _speaker_code(row["text"], row["content"])
    grid = GRIDS[row["grid"]].name
    if row["code"] == "none":  # the content is nobody's statement (the author's text)
        got = "none" if got.startswith("no statement holds") else got
    assert got == row["code"], f"[{row['kind']}] {grid}:{row['_line']}: got {got}, want {row['code']} -- {row['text']}"


@pytest.mark.parametrize("grid", sorted(GRIDS))
def test_kinds_have_rows(grid):
    rows = [r for r in ROWS if r["grid"] == grid]
    assert {r["kind"] for r in rows} == KINDS[grid]
    for kind in KINDS[grid]:
        if not kind.endswith("-none"):
            assert sum(r["kind"] == kind for r in rows) >= (5 if grid == "s25" else 2), kind
