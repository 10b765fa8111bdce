"""Grids of our own sentences for the statement-side speaker faults found on the real-news
dev half (issue 11): the source of "X zufolge" after a verb, a reporting frame after a
comma ("…, hebt X hervor") that is no content of the verb before it, the speaker of the
Konjunktiv-I sentence after such a frame, and passive expectations that are no statements.

A grid passes when at least 95 % of its sentences come out as expected (the statistical
parser may slip on one sentence of twenty)."""
from __future__ import annotations

import pytest

from lagebild.pipeline import analyze


def _statements(text: str):
    return analyze(text, language="de", published="2016-03-01").statements


def _speakers(text: str):
    return [(s.speaker_text or "") for s in _statements(text)]


ZUFOLGE = [
    ("Spürbar gesunken ist dem Bericht vom Mittwoch zufolge die Zahl der Verkehrstoten.", "dem Bericht vom Mittwoch"),
    ("Stark gesunken ist der Statistik zufolge die Zahl der Einbrüche.", "der Statistik"),
    ("Gestiegen sind dem Ministerium zufolge vor allem die Kosten.", "dem Ministerium"),
    ("Der Zeitung Haaretz zufolge fand das Telefonat im Juni statt.", "Der Zeitung Haaretz"),
    ("Ihm zufolge ist die Lage ernst.", "Ihm"),
]


FRAMES = [
    # (text, expected speakers in order)
    ("Norwegen rechnet nicht in Quartalen, sondern in Jahrzehnten, hebt Weinberg hervor. Der Fonds werde daher die Anteile halten.",
     ["Weinberg", "Weinberg"]),
    ("Die Lage sei ernst, hob der Minister hervor. Man werde bald handeln.", ["der Minister", "der Minister"]),
    ("Die Partei denkt langfristig, betonte der Vorsitzende.", ["der Vorsitzende"]),
]


PASSIVE_EXPECTATIONS = [
    "Am Wochenende werden 5.000 Besucher erwartet, sagte der Veranstalter.",
    "Bis zum Mittag wurden 2.300 Fans erwartet, teilte die Polizei mit.",
    "Für Montag werden neue Regenfälle erwartet, sagte ein Meteorologe.",
]


def test_grid_zufolge_source_starts_after_the_verb():
    failed = [t for t, who in ZUFOLGE if who not in _speakers(t)]
    assert len(failed) <= len(ZUFOLGE) * 0.05, failed


def test_grid_reporting_frame_is_no_content():
    failed = [t for t, who in FRAMES if _speakers(t) != who]
    assert len(failed) <= len(FRAMES) * 0.05, failed


@pytest.mark.parametrize("text", PASSIVE_EXPECTATIONS)
def test_grid_passive_expectation_is_no_statement_of_its_own(text):
    sts = _statements(text)
    assert all(s.verb_class != "expect" for s in sts)
    assert len(sts) == 1 and sts[0].speaker_text


PASSIVE_SPEECH = [
    ("Unterdessen wurde im Innenministerium auf Anfrage betont, dass genug Plätze vorhanden seien.", "Innenministerium"),
    ("Vom Ministerium wurde mitgeteilt, dass die Schulen geschlossen bleiben.", "Ministerium"),
    ("Im Außenministerium wurde betont, dass die Gespräche weitergehen.", "Außenministerium"),
    ("In der Sitzung wurde betont, dass alles gut sei.", ""),  # a meeting is no speaker
]


def test_grid_passive_speech_names_its_institution():
    failed = [t for t, who in PASSIVE_SPEECH if _speakers(t) != [who]]
    assert len(failed) <= len(PASSIVE_SPEECH) * 0.05, failed


def test_grid_attitude_verb_without_content_speaks_the_konjunktiv_after_it():
    text = ("Bildungsministerin Sonja Hammerschmid wünscht sich eine Vergabe der Gelder nach dem Bedarf der Schulen. "
            "Ein solches Modell helfe genau dort, wo es fehle.")
    sts = _statements(text)
    assert len(sts) == 1 and "Hammerschmid" in (sts[0].speaker_text or "")


POSSESSIVE_ATTRIBUTION = [
    ("Premierminister David Cameron warnte vor einem Austritt. Nach seiner Einschätzung würde ein Ausstieg dem Land schaden.",
     "Premierminister David Cameron"),
    ("Die Ministerin äußerte sich am Montag. Nach ihren Worten sei die Lage ernst.", "Die Ministerin"),
    ("Der Experte sprach vor Journalisten. Nach seiner Ansicht ist der Plan gescheitert.", "Der Experte"),
]


def test_grid_possessive_attribution_takes_the_previous_speaker():
    failed = [t for t, who in POSSESSIVE_ATTRIBUTION
              if not any(who in (s.speaker_text or "") and "Nach" in (s.cue or "") for s in _statements(t))]
    assert len(failed) <= len(POSSESSIVE_ATTRIBUTION) * 0.05, failed


def _codes(text: str):
    """(speaker text, speaker's CAMEO code) of each statement, in order."""
    from lagebild.actors.linker import clear_provisional

    clear_provisional()  # each sentence is its own corpus
    doc = analyze(text, language="de", published="2016-03-01")
    code = {a.id: (a.code or a.country or "---") for a in doc.actors}
    return [(s.speaker_text or "", code.get(s.speaker, s.speaker)) for s in doc.statements]


# speaker CODES (issue 11, session 3): the actor a statement's speaker phrase stands for.
SPEAKER_CODES = [
    # a spokesperson, office or lawyer speaks for the actor it depends on
    ("Wien – Ein Sprecher des Innenministeriums sagte, es gebe genug freie Plätze.", "AUTGOV"),
    ("Kiew – Laut einem Sprecher des Verteidigungsministeriums sei die Lage an der Front ruhig.", "UKRMIL"),
    ("Netanyahus Büro erklärte, der Regierungschef habe den jordanischen König am Dienstag getroffen.", "ISRGOV"),
    ("In Beirut erklärte ein Sprecher der Sicherheitsbehörden, der Verdächtige sei gefasst worden.", "LBNGOV"),
    ("Ein Sprecher der Bundesregierung in Berlin sagte, man prüfe den Vorschlag.", "DEUGOV"),
    ("Putins Sprecher erklärte, der Präsident werde nicht reisen.", "RUSGOV"),
    # a source in a "wie"-clause, a compound group noun: the context's country + agent
    ("Philadelphia – Der Angreifer habe gestanden, sagte ein Polizeivertreter am Freitag.", "USACOP"),
    ("In Istanbul wurden zwei Männer festgenommen, wie die Polizei mitteilte.", "TURCOP"),
    ("Stuttgart – Die Kriminalpolizei sagte, dass man eine Sonderkommission gebildet habe.", "DEUCOP"),
    ("Kairo – Die Regierung kündigte Reformen an. Drei Soldaten seien getötet worden, wie die Armee mitteilte.", "EGYMIL"),
    # news outlets: known to the KB, or named with their kind noun
    ("Ankara – Zwei Soldaten seien getötet worden, berichtete die Nachrichtenagentur Ihlas.", "TURMED"),
    ("Der Nachrichtenagentur Anadolu zufolge wird gegen den Politiker ermittelt.", "TURMED"),
    ("Die Bischöfe treffen sich in Mariazell, berichtete Kathpress.", "AUTMED"),
    ("Ankara – Kampfjets bombardierten Stellungen, wie türkische TV-Sender berichteten.", "TURMED"),
    ("London – Die Zentralbank teilte mit, alle sieben Banken hätten den Test bestanden.", "GBRGOV"),
    # a closed compound of a spokesperson noun speaks for its party or body
    ("Bregenz – Niemand will die Kosten allein tragen, vermutet die Integrationssprecherin der SPÖ.", "AUTPTY"),
    ("Berlin – Der Vorschlag sei nicht durchdacht, sagte die Pressesprecherin der Grünen.", "DEUPTY"),
    # an unnamed party member with no person named before speaks for the party
    ("Warschau – Deutschland sei ein starkes Land, sagte der PiS-Vorsitzende am Sonntag.", "POLPTY"),
    ("Berlin – Der Vorschlag sei falsch, sagte ein CDU-Politiker am Sonntag.", "DEUPTY"),
    # a national party tells the document's country ("die Salzburger SPÖ")
    ("Die Salzburger SPÖ stellt sich neu auf. Damit sei der Beschluss umgesetzt, sagt Landtagsklubobmann Walter Steidl.", "AUTLEG"),
    ("Kairo – Die Regierung kündigte Reformen an. Drei Polizisten seien verletzt worden, schrieb die Zeitung.", "EGYMED"),
]


def test_grid_speaker_codes():
    failed = []
    for text, want in SPEAKER_CODES:
        got = [c for _, c in _codes(text)]
        if want not in got[:1]:
            failed.append((text, got))
    assert len(failed) <= len(SPEAKER_CODES) * 0.05, failed


# speaker MENTIONS (issue 11, session 3)
SPEAKER_MENTIONS = [
    # a report noun without an author of its own points back to the source named last
    ("Denver – Der Verdächtige habe geschwiegen, sagte ein Polizeivertreter. Die Beamtin wurde den Angaben zufolge leicht verletzt.",
     ["ein Polizeivertreter", "den Angaben"], ["USACOP", "USACOP"]),
    ("Berlin – Die Zahl der Angriffe sei gestiegen, berichtete die Zeitung Tagesspiegel. Dem Bericht zufolge wurden 900 Taten gezählt.",
     ["die Zeitung Tagesspiegel", "Dem Bericht"], ["DEUMED", "DEUMED"]),
    # a report noun with its author: the author
    ("Wien – Laut einer Studie des Verkehrsministeriums steige der Verkehr weiter.", None, ["AUTGOV"]),
    # a bare fronted word the parser took for a subject is not the speaker
    ("Wien – Kritisch äußerte sich der SPÖ-Chef dazu, dass der Koalitionspartner eigene Pläne vorgestellt habe.", ["der SPÖ-Chef"], None),
    ("Moskau – Skeptisch äußerte sich der Außenminister dazu, dass die Gespräche stockten.", ["der Außenminister"], None),
]


def test_grid_speaker_mentions():
    failed = []
    for text, want_text, want_code in SPEAKER_MENTIONS:
        got = _codes(text)
        if want_text is not None and [t for t, _ in got] != want_text:
            failed.append((text, got))
        elif want_code is not None and [c for _, c in got] != want_code:
            failed.append((text, got))
    assert len(failed) <= len(SPEAKER_MENTIONS) * 0.05, failed


def test_interview_first_answer_with_full_name_is_a_turn():
    text = ("Die Parteichefin über die Wahl. STANDARD: Kommende Woche steht Ihre Wiederwahl an. "
            "Ab welchem Ergebnis gehen Sie? Eva Maierhofer: Bei meiner ersten Wahl haben mir alle gratuliert. "
            "STANDARD: Zerstört das nicht die Glaubwürdigkeit? Maierhofer: Ihre Ankündigung war unnötig. "
            "STANDARD: Warum? Maierhofer: Wir haben verloren.")
    by_text = {s.text: (s.speaker_text or "") for s in _statements(text)}
    first = [who for said, who in by_text.items() if said.startswith("Bei meiner ersten Wahl")]
    assert first == ["Eva Maierhofer"], by_text


# direct speech after a colon without quotation marks (the corpus dropped most of them)
COLON_QUOTES = [
    # (text, speaker text of the statement that holds the words after the colon, or None)
    ("Wien – Das teilte Landeshauptmann Anton Gruber mit. Zur Haltung seines Landes sagte Gruber hingegen: Wir haben bei diesem Streit nicht mitgemacht.",
     "Wir haben bei diesem Streit nicht mitgemacht", "Gruber"),
    ("Lustenau – Bürgermeister Kurt Fischer sieht finanzielle Gründe für die späte Sanierung: Wir haben keine freien Mittel im Budget.",
     "Wir haben keine freien Mittel im Budget", "Bürgermeister Kurt Fischer"),
    ("Graz – Die Landesrätin Anna Berger sieht den Bund in der Pflicht: Wir können das allein nicht stemmen.",
     "Wir können das allein nicht stemmen", "Anna Berger"),
    # no person before the colon, or no first person after it: the author's own words
    ("Die Bilanz des Tages: Wir zählten am Abend dreißig Verletzte.", "Wir zählten", None),
    ("Innenminister Karl Huber reiste nach Graz. Das Ergebnis: Die Grenze bleibt offen.", "Die Grenze bleibt offen", None),
]


def test_grid_colon_quotes():
    failed = []
    for text, said, who in COLON_QUOTES:
        hits = [s for s in _statements(text) if said in s.text]
        if who is None and hits:
            failed.append((text, [(s.speaker_text, s.text) for s in hits]))
        if who is not None and not any(who in (s.speaker_text or "") and s.kind == "direct" for s in hits):
            failed.append((text, [(s.speaker_text, s.kind, s.text) for s in _statements(text)]))
    assert len(failed) <= len(COLON_QUOTES) * 0.05, failed


SOURCE_ADVERBS = [
    # (text, said, speaker text or None)
    ("Ankara – Der Nachrichtenagentur Anadolu zufolge wird gegen den Parteichef ermittelt. Das Verfahren wurde demnach am Donnerstag eingeleitet.",
     "Das Verfahren wurde demnach", "Der Nachrichtenagentur Anadolu"),
    ("Wien – Die Kosten seien gestiegen, sagte ein Sprecher des Finanzministeriums. Demzufolge werden heuer zwei Milliarden Euro fällig.",
     "Demzufolge werden heuer", "ein Sprecher des Finanzministeriums"),
    ("Berlin – Jeder Dritte will das alte Handy behalten, erklärte der Verband Bitkom. Vor allem Ältere gehen demnach so vor.",
     "Vor allem Ältere gehen demnach", "der Verband Bitkom"),
    # no statement before: "demnach" is the author's inference
    ("Die Lage ist ernst. Demnach muss die Regierung rasch handeln.", "Demnach muss", None),
]


def test_grid_source_adverb_continues_the_last_source():
    failed = []
    for text, said, who in SOURCE_ADVERBS:
        hits = [s for s in _statements(text) if said in s.text]
        if (who is None) != (not hits) or (who is not None and not any(who in (s.speaker_text or "") for s in hits)):
            failed.append((text, [(s.speaker_text, s.text) for s in _statements(text)]))
    assert len(failed) <= len(SOURCE_ADVERBS) * 0.05, failed


# ---------------------------------------------------------------- issue 11, session 18
# (kinds found on the fresh dev batch 879…1016, sentences of our own)

# a headline kicker before a colon opens no interview: its words are no speaker's turn
KICKERS = [
    "Massenflucht: Rotes Kreuz warnt vor Krise. Kampala – Mehr als 200.000 Menschen leben in Lagern, sagt ein Helfer.",
    "Hintergrund: Die Regierung plant eine Reform. Wien – Das Gesetz komme im Herbst, sagte der Minister.",
    "Ukraine: Russland greift an. Kiew – Die Lage sei ernst, sagte der Präsident.",
    "Syrien: Waffenruhe hält. Damaskus – Die Waffenruhe halte, teilte das Militär mit.",
    "Analyse: Warum die Wahl knapp wird. Berlin – Die Umfragen seien eng, sagte ein Forscher.",
    "Zahlen: Mehr Arbeitslose im Winter. Wien – Die Zahl sei gestiegen, teilte das AMS mit.",
]


@pytest.mark.parametrize("text", KICKERS)
def test_headline_kicker_is_no_interview(text):
    assert not [s for s in _statements(text) if s.verb_class == "turn"]


def test_interview_labels_still_alternate_after_the_kicker_rule():
    text = ("Die Ministerin im Gespräch.\n\nZEITUNG: Wie geht es weiter?\n\nBerger: Wir werden die Reform bald beschließen."
            "\n\nZEITUNG: Und die Opposition?\n\nBerger: Die wird zustimmen.")
    turns = [s for s in _statements(text) if s.verb_class == "turn"]
    assert [s.speaker_text for s in turns] == ["ZEITUNG", "Berger", "ZEITUNG", "Berger"]


# the interviewee takes the role the headline names (the label gives only the name)
INTERVIEW_HEADLINES = [
    ("Die Grünen-Chefin über die Wahl in Wien.", "Eva Lindentaler", "Lindentaler", "AUTPTY"),
    ("Der SPÖ-Chef über Reformen in Wien.", "Hannes Krautgartner", "Krautgartner", "AUTPTY"),
    ("Der Politologe über die Landtagswahl in Linz.", "Laurenz Obermoser", "Obermoser", "AUTEDU"),
    ("Die Historikerin über das Gedenkjahr in Wien.", "Gudrun Pfeifenberger", "Pfeifenberger", "AUTEDU"),
    ("Der CDU-Politiker über die Koalition in Berlin.", "Jens Ackermeyer", "Ackermeyer", "DEUPTY"),
]


@pytest.mark.parametrize("headline,full,surname,code", INTERVIEW_HEADLINES)
def test_interviewee_takes_the_headline_role(headline, full, surname, code):
    text = (f"{headline}\n\nSTANDARD: Wie geht es weiter?\n\n{full}: Wir werden sehen, was kommt."
            f"\n\nSTANDARD: Und dann?\n\n{surname}: Dann entscheiden die Wähler.")
    got = [(who, c) for who, c in _codes(text) if who in (full, surname)]
    assert got and all(c == code for _, c in got), got


def test_interviewer_keeps_the_outlet_code():
    text = ("Der Politologe über die Wahl in Wien.\n\nSTANDARD: Wie geht es weiter?\n\nLaurenz Obermoser: Das ist offen."
            "\n\nSTANDARD: Warum?\n\nObermoser: Weil alles offen ist.")
    assert {c for who, c in _codes(text) if who == "STANDARD"} == {"AUTMED"}


# a person introduced by a role and then named by surname keeps the role's code
ROLE_THEN_SURNAME = [
    ("Wien – Viele wählen rechts, sagt Politologe Laurenz Obermoser. Die Lage sei offen, sagte Obermoser.", "Obermoser", "AUTEDU"),
    ("Wien – Ganz anders beurteilt das der Sozialsprecher der Grünen, Bruno Roßhaupt. Das sei falsch, so Roßhaupt.", "Roßhaupt", "AUTPTY"),
    ("Wien – Das sei ein Fehler, sagte die Vorsitzende der Sozialdemokraten im Bezirk, Gabi Lechthaler. Lechthaler betonte, dass sie bleibe.", "Lechthaler", "AUTPTY"),
    ("Kampala – Hunderte warten an der Grenze, so die stellvertretende Leiterin des UNHCR in Kenia, Sakura Atsumoto. Das sei ein großes Problem, betont Atsumoto.", "Atsumoto", "IGOUNOREFHCR"),
    ("Wien – Ablehnung kam vom Präsidenten des Österreichischen Rechtsanwaltskammertags (ÖRAK), Rupert Wohlgemuth. Das sei falsch, so Wohlgemuth.", "Wohlgemuth", "AUTJUD"),
    ("Graz – Wir helfen, sagt die Stadträtin Elke Mürzhofer. Das sei nötig, so Mürzhofer.", "Mürzhofer", "AUTGOV"),
    # a double-barrelled surname the tagger calls a noun
    ("Wien – Viele wählen rechts, sagt Politologe Laurenz Ennser-Pichler. Die Lage sei offen, sagte Ennser-Pichler.", "Ennser-Pichler", "AUTEDU"),
    ("Linz – Das sei zu wenig, sagt Soziologin Maria Huber-Lechner. Es brauche mehr, so Huber-Lechner.", "Huber-Lechner", "AUTEDU"),
    # unfamiliar names the NER may label LOC or ORG: after a person's role they are persons
    ("Amman – Die Lager sind voll, so der Sprecher des UNHCR in Jordanien, Kenji Watanabe. Das sei ein großes Problem, betont Watanabe.", "Watanabe", "IGOUNOREFHCR"),
    ("Wien – Anders sieht das die Bildungssprecherin der Grünen, Sigrid Maurer-Tobolka. Das sei falsch, so Maurer-Tobolka.", "Maurer-Tobolka", "AUTPTY"),
]


def test_grid_role_then_surname():
    failed = []
    for text, surname, code in ROLE_THEN_SURNAME:
        got = [c for who, c in _codes(text) if who == surname]
        if got != [code]:
            failed.append((text, _codes(text)))
    assert len(failed) <= len(ROLE_THEN_SURNAME) * 0.05, failed


# a document a body wrote speaks for it ("laut einem Gutachten der X", "laut Anfragebeantwortung")
DOCUMENTS = [
    ("Wien – Laut einem Bericht der Budgetkommission muss der Bund mehr beisteuern.", "AUTGOV"),
    ("Wien – Laut der Anfragebeantwortung des Innenministeriums wurden zwölf Anträge gestellt.", "AUTGOV"),
    ("Wien – Laut einer Aussendung der Arbeiterkammer sind die Löhne gestiegen.", "AUTLAB"),
    ("Wien – Laut dem Entwurf des Finanzministeriums sollen die Länder sparen.", "AUTGOV"),
    ("Wien – Laut einer Prognose des Wifo wächst die Wirtschaft um zwei Prozent.", "AUTEDU"),
]


def test_grid_documents_speak_for_their_author():
    failed = [(t, _codes(t)) for t, code in DOCUMENTS if [c for _, c in _codes(t)] != [code]]
    assert len(failed) <= len(DOCUMENTS) * 0.05, failed


# a first-person sentence right after a named speaker's statement continues it (the corpus
# dropped the quotation marks); without such a statement before it, it is the author's voice
FIRST_PERSON_AFTER = [
    ("Kampala – John Kibangu floh 2006 nach Uganda. Sein Vater sei ermordet worden, sagt er. Ich wurde gefoltert und verschleppt.", "Ich wurde gefoltert", "er"),
    ("Wien – Die Lage sei ernst, sagte der Minister. Wir dürfen nicht abwarten, bis es Tote gibt.", "Wir dürfen nicht", "der Minister"),
    ("Graz – Das Budget sei knapp, sagte die Stadträtin Elke Mürzhofer. Ich werde trotzdem um jeden Euro kämpfen.", "Ich werde trotzdem", "die Stadträtin Elke Mürzhofer"),
    ("Berlin – Die Reform sei zu spät gekommen, sagte der Gewerkschafter. Uns fehlt die Zeit.", "Uns fehlt", "der Gewerkschafter"),
    ("Linz – Die Partei stehe hinter ihm, betonte Reinhold Entmayer. Mein Platz ist in der Regierung.", "Mein Platz", "Reinhold Entmayer"),
]
FIRST_PERSON_AUTHOR = [
    "Wien – Wir haben lange über diesen Text nachgedacht. Ich glaube, er ist wichtig.",
    "Wien – Die Lage sei ernst, sagte der Minister.\n\nWir fragen uns, warum niemand handelt.",
    "Wien – Der Minister reiste nach Graz. Wir berichten morgen mehr.",
]


def test_grid_first_person_after_a_statement_continues_it():
    failed = []
    for text, said, who in FIRST_PERSON_AFTER:
        sts = _statements(text)
        first = next((s for s in sts if s.span[0] <= text.index(said) < s.span[1] and s.text.startswith(said)), None)
        before = [s for s in sts if s.span[1] <= text.index(said)]
        if first is None or not before or first.speaker != before[-1].speaker or first.kind != "direct":
            failed.append((text, [(s.speaker_text, s.speaker, s.text) for s in sts]))
    assert len(failed) <= len(FIRST_PERSON_AFTER) * 0.05, failed


@pytest.mark.parametrize("text", FIRST_PERSON_AUTHOR)
def test_first_person_without_a_statement_before_is_the_author(text):
    assert all(s.speaker == "author" or s.speaker_text for s in _statements(text)), [
        (s.speaker, s.text) for s in _statements(text)]


# an impersonal "heißt es" names its source in a preposition ("seitens", "aus", "von", "bei");
# "In dem Brief heißt es" names a text, no speaker
IMPERSONAL_SOURCES = [
    ("Graz – Das werde noch geprüft, heißt es seitens der SPÖ.", "der SPÖ"),
    ("Wien – Man prüfe den Fall, hieß es aus dem Innenministerium.", "dem Innenministerium"),
    ("Berlin – Es gebe keine Pläne, hieß es bei der Bundesregierung.", "der Bundesregierung"),
    ("Wien – Es gebe keine Einigung, hieß es vonseiten der Polizei.", "der Polizei"),
    ("Graz – Aus dem Büro des Bürgermeisters heißt es: Wir werden sie wählen.", "dem Büro des Bürgermeisters"),
    ("Wien – Von der Gewerkschaft hieß es, man sei enttäuscht.", "der Gewerkschaft"),
]


def test_grid_impersonal_report_source():
    failed = [(t, _speakers(t)) for t, who in IMPERSONAL_SOURCES if who not in _speakers(t)]
    assert len(failed) <= len(IMPERSONAL_SOURCES) * 0.05, failed


def test_text_quoted_with_heisst_es_names_no_speaker():
    text = "Maria Huber schrieb einen Brief. In dem Brief heißt es, die Schule sei geschlossen."
    assert [s.speaker for s in _statements(text) if s.cue == "heißt"] == ["unknown"]


# a listed Konjunktiv-I form the tagger takes for another word ("brauche/ADJA", "komme/PROPN")
# still makes the clause reported content of the speech verb after it (own sentences)
KJ1_MISTAGGED = [
    ("Das Land brauche mehr Geld, betonte die Ministerin.", "die Ministerin"),
    ("Die Stadt brauche neue Wohnungen, sagte der Bürgermeister.", "der Bürgermeister"),
    ("Die Partei plane keine Koalition, erklärte der Generalsekretär.", "der Generalsekretär"),
    ("Der Konzern verfüge über genug Reserven, sagte der Sprecher.", "der Sprecher"),
    ("Die Regierung lehne den Vorschlag ab, sagte die Sprecherin.", "die Sprecherin"),
    ("Der Plan gehe zu weit, sagte sie.", "sie"),
]


def test_grid_konjunktiv1_mistagged():
    failed = []
    for text, speaker in KJ1_MISTAGGED:
        got = [w for w, _ in _codes(text)]
        if got != [speaker]:
            failed.append((text, got))
    assert len(failed) <= 1, failed


# a third-person Konjunktiv I derived from the verb's infinitive ("komme" < "kommen") that
# the tagger took for another word (PROPN, ADV) or for an indicative (own sentences)
KJ1_DERIVED = [
    ("Die Reform komme zu spät, sagte der Minister.", ["der Minister"]),
    ("Das Gesetz komme viel zu spät, kritisierte die Opposition.", ["die Opposition"]),
    ("Die Zahl steige weiter, warnte der Forscher.", ["der Forscher"]),
    ("Es fehle an allem, betonte die Hilfsorganisation.", ["die Hilfsorganisation"]),
    ("Der Bürgermeister sagte, die Lage sei ruhig. Es fehle an allem, betonte die Caritas.",
     ["Der Bürgermeister", "die Caritas"]),
    ("Der Minister lobte die Polizei. Es mangle an Personal, sagte die Gewerkschaft.", ["die Gewerkschaft"]),
    ("Die Ministerin sprach von Fortschritten. Es gebe keine Alternative, betonte der Kanzler.", ["der Kanzler"]),
    ("Der Kanzler sagte, man sei bereit. Es gehe um die Zukunft, erklärte der Vizekanzler.",
     ["Der Kanzler", "der Vizekanzler"]),
]


def test_grid_konjunktiv1_derived_forms():
    failed = []
    for text, speakers in KJ1_DERIVED:
        got = [w for w, _ in _codes(text)]
        if got != speakers:
            failed.append((text, got))
    assert len(failed) <= 1, failed


# first person after the verb is indicative, no Konjunktiv I: "Darauf lege ich Wert."
FIRST_PERSON_INVERTED = [
    "Wien – Nicht das Land, sondern der Bund zahlt das, auf diesen Unterschied lege ich Wert.",
    "Wien – Dazu benutze ich sämtliche Unterlagen, die im Archiv liegen.",
    "Wien – Morgen fahre ich nach Graz und treffe dort Freunde.",
]


@pytest.mark.parametrize("text", FIRST_PERSON_INVERTED)
def test_inverted_first_person_is_no_reported_speech(text):
    assert _statements(text) == []


# "X sagte:" | "Content." — the splitter cut at the colon; the next sentence is X's even
# when the subject names no known actor (own sentences)
COLON_SPLIT = [
    ("Der Minister sagte: Die Lage ist ernst.", "Der Minister", "Lage"),
    ("Die Sprecherin erklärte am Montag: Der Fall wird geprüft.", "Die Sprecherin", "Fall"),
    ("Der Vorsitzende betonte: Die Partei steht geschlossen hinter ihm.", "Der Vorsitzende", "Partei"),
    ("Das ist neu. Der Minister sagte:\n„Die Lage ist ernst.“", "Der Minister", "Lage"),
]


def test_grid_colon_split_gives_the_next_sentence_to_the_speaker():
    failed = []
    for text, speaker, word in COLON_SPLIT:
        got = [(s.speaker_text, s.text) for s in _statements(text)]
        if not any(w == speaker and word in t for w, t in got):
            failed.append((text, got))
    assert len(failed) <= 1, failed


# a Konjunktiv I embedded under a main clause whose verb is no speech verb of the lexicon:
# the main clause's named subject speaks, not the speaker of the sentence before (own sentences)
KJ1_GOVERNED = [
    ("Wien – Die Polizei meldete drei Festnahmen. Bürgermeister Michael Häupl hatte der FPÖ vorgeworfen, sie hetze gegen Flüchtlinge.",
     "Bürgermeister Michael Häupl"),
    ("Wien – Der Kanzler sagte, die Lage sei ernst. Die Grünen warfen der Regierung vor, sie verschleppe die Reform.", "Grünen"),
    ("Wien – Der Kanzler sagte, die Lage sei ernst. Finanzminister Hans Jörg Schelling stellte es so dar, dass die Reform nichts koste.",
     "Finanzminister Hans Jörg Schelling"),
    ("Wien – Der Kanzler sagte, die Lage sei ernst. Die Grünen zeigten sich überzeugt, die Reform scheitere.", "Die Grünen"),
]


def test_grid_embedded_konjunktiv1_takes_the_main_subject():
    failed = []
    for text, speaker in KJ1_GOVERNED:
        got = [w for w, _ in _codes(text)]
        if not got or speaker not in got[-1]:
            failed.append((text, got))
    assert len(failed) <= 1, failed


# a closing frame whose verb the tagger took for an adjective, and reporting verbs added to
# the lexicon from their conjugation (own sentences)
CLOSING_FRAMES = [
    ("Kilis – Eine Schule am Stadtrand sei beschädigt worden, sagten Sicherheitskräfte am Dienstag.", "Sicherheitskräfte"),
    ("Kilis – Das Militär habe Ziele angegriffen, meldete der Sender.", "der Sender"),
    ("Wien – Die Kosten seien zu hoch, bemängelte der Rechnungshof.", "der Rechnungshof"),
    ("Wien – Das Gesetz sei verfassungswidrig, monierte die Opposition.", "die Opposition"),
    ("Wien – Die Regierung habe versagt, konstatierte der Politologe.", "der Politologe"),
    ("Wien – Der Minister stellte klar, dass es keine Steuererhöhung gebe.", "Der Minister"),
    ("Wien – Die Ministerin verwies darauf, dass die Mittel gestiegen seien.", "Die Ministerin"),
]


def test_grid_closing_frames_and_added_reporting_verbs():
    failed = []
    for text, speaker in CLOSING_FRAMES:
        got = [w for w, _ in _codes(text)]
        if got != [speaker]:
            failed.append((text, got))
    assert len(failed) <= 1, failed


# verbs added to the lexicon stay no statements without a content argument
NO_CONTENT = [
    "Wien – Die Polizei meldete drei Tote.",
    "Wien – Der Minister verwies auf den Bericht.",
    "Wien – Die Lage stellt eine Gefahr dar.",
    "Wien – Die Regierung hält an dem Plan fest.",
    "Wien – Der Sprecher kommentierte das Urteil nicht.",
]


@pytest.mark.parametrize("text", NO_CONTENT)
def test_added_verbs_without_content_are_no_statements(text):
    assert _statements(text) == []


# the addressee after a pronoun subject is no part of the speaker ("sagte er der Bild-Zeitung")
ADDRESSEE_AFTER_PRONOUN = [
    ("Berlin – Ob mit Zoll oder ohne: Darüber können nur die Briten selbst entscheiden, sagte er der Bild-Zeitung.", "er"),
    ("Wien – Ob mit oder ohne Reform: Das Budget hält, sagte sie der Zeitung Kurier.", "sie"),
    ("Wien – Mit oder ohne Koalition: Die Lage ist ernst, sagte er dem Sender ORF.", "er"),
    ("Berlin – Die Griechen müssen selbst entscheiden, sagte er der Bild-Zeitung.", "er"),
]


def test_grid_addressee_after_a_pronoun_subject():
    failed = []
    for text, speaker in ADDRESSEE_AFTER_PRONOUN:
        got = [w for w, _ in _codes(text)]
        if got != [speaker]:
            failed.append((text, got))
    assert not failed, failed


# first person after a colon speaks for the person named before it (own sentences)
FIRST_PERSON_AFTER_COLON = [
    ("Wien – Für die Wahl zeigte sich Norbert Hofmann zuversichtlich: Ich glaube, dass wir deutlich gewinnen werden.", "Norbert Hofmann"),
    ("Wien – Die Ministerin Maria Berger blieb gelassen: Ich hoffe, dass der Streit bald endet.", "Ministerin Maria Berger"),
    ("Graz – Bürgermeister Siegfried Nagl gab sich kämpferisch: Ich erwarte, dass das Land zahlt.", "Bürgermeister Siegfried Nagl"),
]


def test_grid_first_person_after_a_colon_is_the_named_person():
    failed = []
    for text, speaker in FIRST_PERSON_AFTER_COLON:
        got = [w for w, _ in _codes(text)]
        if not got or speaker not in got[0]:
            failed.append((text, got))
    assert len(failed) <= 1, failed


def test_first_person_without_a_colon_frame_stays_the_author():
    assert [c for _, c in _codes("Wien – Ich glaube, dass wir gewinnen werden.")] == ["author"]


# Issue 11 (session 20): a sentence whose main verb is a verbal act (a CAMEO verbal
# cooperation/conflict trigger of data/events/patterns_de*) or a judgement verb
# (a lemma with a `predicative` row there) with a named subject and no content of its own makes that
# subject the speaker of the Konjunktiv-I sentence after it -- a new named subject starts a
# new report. Old code: 18 of 22 wrong.
VERBAL_ACT_ANCHORS = [
    ("Der Innenminister wies die Vorwürfe am Montag zurück. Die Polizei habe korrekt gehandelt.", "Innenminister"),
    ("Gewerkschaftschef Peter Huber kritisierte den Entwurf scharf. Er gehe an den Problemen der Beschäftigten vorbei.", "Huber"),
    ("Die Grünen begrüßten die Einigung. Sie sei ein wichtiger Schritt für den Klimaschutz.", "Grünen"),
    ("Bürgermeisterin Anna Berger nannte den Beschluss einen Fehler. Die Stadt verliere damit ihre wichtigste Einnahmequelle.", "Berger"),
    ("Der Bauernverband lehnte den Vorschlag ab. Er belaste vor allem kleine Betriebe.", "Bauernverband"),
    ("Ministerpräsidentin Maria Keller forderte mehr Geld vom Bund. Die Länder könnten die Kosten nicht allein tragen.", "Keller"),
    ("Der Bauernverband bezeichnete die Pläne als realitätsfern. Jeder dritte Hof sei sonst bedroht.", "Bauernverband"),
    ("Überzogen findet die Ärztekammer die neuen Auflagen. Sie seien zu bürokratisch.", "Ärztekammer"),
    ("Der Minister hält die Sorgen für unbegründet. Die Versorgung sei gesichert.", "Minister"),
    ("Stadträtin Julia Frank sieht das anders. Der Standort sei ungeeignet.", "Frank"),
    ("Die Ärztekammer lobte die Reform. Sie entlaste die Hausärzte spürbar.", "Ärztekammer"),
    ("Der Bürgermeister bedauerte die Entscheidung des Landes. Man habe bis zuletzt verhandelt.", "Bürgermeister"),
    ("Die Umweltschützer verurteilten die Rodung des Waldes. Der Wald sei unersetzlich.", "Umweltschützer"),
    ("Der Kanzler sagte, die Lage sei stabil. Oppositionsführerin Eva Roth kritisierte die Regierung. Sie habe die Risiken unterschätzt.", "Roth"),
    ("Die Lehrergewerkschaft sprach sich gegen die Reform aus. Sie bringe den Schulen nur neue Bürokratie.", "Lehrergewerkschaft"),
    ("Außenminister Jan Novak verurteilte den Angriff auf das Konsulat. Man müsse die Täter finden und bestrafen.", "Novak"),
    ("Der Wirtschaftsbund warnte vor höheren Steuern. Die Betriebe seien schon jetzt stark belastet.", "Wirtschaftsbund"),
    ("Die Landesregierung wies die Kritik des Rechnungshofs zurück. Alle Ausgaben seien ordnungsgemäß verbucht worden.", "Landesregierung"),
    ("Kritisch sieht die Arbeiterkammer den Entwurf. Die Hauptlast trage der Mittelstand.", "Arbeiterkammer"),
    ("Der Sozialminister Karl Weiß hielt die Zahlen für geschönt. Die Zahl der Armen sei in Wahrheit gestiegen.", "Weiß"),
    # a fronted object the parser calls the subject, the pronoun after the verb judges
    ("Die Botschafterin Maria Stein sprach in Wien. Die Entscheidung für das Referendum hält sie für richtig. Man habe die Stimmung nicht ignorieren können.", "sie"),
    ("Ministerin Eva Lang äußerte sich am Montag in Brüssel. Den Kompromiss nannte sie einen Erfolg. Jeder Staat habe nachgegeben.", "sie"),
]


def _last_speaker_after_first_sentence(text: str) -> str:
    cut = text.index(". ")
    later = [s for s in _statements(text) if s.span[0] > cut]
    return later[-1].speaker_text or "" if later else ""


def test_grid_verbal_act_subject_speaks_the_konjunktiv1_after_it():
    failed = [t for t, who in VERBAL_ACT_ANCHORS if who not in _last_speaker_after_first_sentence(t)]
    assert len(failed) <= len(VERBAL_ACT_ANCHORS) * 0.05, failed


@pytest.mark.parametrize("text", [
    "Die Grünen begrüßten die Einigung.",
    "Der Innenminister wies die Vorwürfe am Montag zurück.",
    # (a judgement with a predicative, "Überzogen findet die Ärztekammer die neuen
    # Auflagen", is a statement since session 21: JUDGEMENT_STATEMENTS below)
])
def test_verbal_act_alone_is_no_statement(text):
    assert _statements(text) == []


def test_verbal_act_triggers_are_derived_from_the_cameo_patterns():
    from lagebild.statements.extract import verbal_act_triggers

    t = verbal_act_triggers("de")
    assert t["zurückweisen"] == () and t["kritisieren"] == () and t["finden"] == ()
    assert "unterstützen" not in t  # 05 or 07 (aid): not only a verbal act
    assert "treffen" not in t and "angreifen" not in t


# Issue 11 (session 21): ONE source for the German judgement verbs. The event patterns'
# `predicative` rows (the object-predicative class, 051/111) are the judgement verbs that make
# a subject a speaker; data/de/judgement_verbs.txt (a second, diverging list) is gone. Verbs
# the old list lacked (einstufen, charakterisieren, titulieren, abtun, abstempeln …) now
# anchor too; "sich für/gegen X aussprechen", a stance that codes no event, is a `---` row
# flagged `judgement` (the flag the predicative rows imply).
def test_judgement_verbs_come_from_the_predicative_patterns_only():
    from lagebild.datafiles import data_path
    from lagebild.events.patterns import load_patterns
    from lagebild.statements.extract import verbal_act_triggers

    assert not data_path("de", "judgement_verbs.txt").is_file()
    t = verbal_act_triggers("de")
    index = load_patterns("de")
    predicative = {tr for tr in index.triggers() if any(p.predicative and not p.nominal for p in index.get(tr))}
    assert len(predicative) >= 25
    assert all(t.get(tr) == () for tr in predicative)
    assert all(p.judgement for tr in predicative for p in index.get(tr) if p.predicative)
    assert any(frozenset({"sich"}) == ws for ws in t["aussprechen"])
    assert "unterstützen" not in t and "treffen" not in t


JUDGEMENT_ANCHORS = [
    ("Der Verfassungsschutz stufte die Gruppe als extremistisch ein. Sie plane Anschläge.", "Verfassungsschutz"),
    ("Die Opposition charakterisierte das Gesetz als Angriff auf die Presse. Es schränke die Berichterstattung ein.", "Opposition"),
    ("Der Bürgermeister tat die Vorwürfe als Wahlkampf ab. Die Stadt habe korrekt gehandelt.", "Bürgermeister"),
    ("Die Gewerkschaft titulierte den Konzernchef als Totengräber. Er vernichte tausende Stellen.", "Gewerkschaft"),
    ("Der Rechnungshof beschrieb die Lage als dramatisch. Die Schulden seien stark gestiegen.", "Rechnungshof"),
    ("Die Ärztekammer stempelte die Reform als Sparpaket ab. Die Patienten müssten länger warten.", "Ärztekammer"),
    ("Die Ministerin qualifizierte die Kritik als haltlos. Das Geld sei ordnungsgemäß verwendet worden.", "Ministerin"),
    ("Der Bauernverband sprach sich für das Abkommen aus. Es öffne neue Märkte.", "Bauernverband"),
    ("Die Richtervereinigung sprach sich gegen die Novelle aus. Sie verletze Grundrechte.", "Richtervereinigung"),
    ("Der Landeshauptmann stellte die Maßnahme als alternativlos dar. Das Budget lasse nichts anderes zu.", "Landeshauptmann"),
]


def test_grid_judgement_verb_subject_speaks_the_konjunktiv1_after_it():
    failed = [(t, _last_speaker_after_first_sentence(t)) for t, who in JUDGEMENT_ANCHORS
              if who not in _last_speaker_after_first_sentence(t)]
    assert len(failed) <= 1, failed


# Issue 11 (session 20): a fronted object or dative ("Den Vorwurf …", "Dem Sender …",
# "Seinem Nachfolger …") that the parser calls the subject: a determiner that is never
# nominative rules it out, and the noun phrase after the verb speaks. Old code: 8 of 12 wrong.
OBLIQUE_FRONTED = [
    ("Dem Sender ORF sagte die Ministerin, die Reform komme im Herbst.", "Ministerin"),
    ("Den Journalisten erklärte der Bürgermeister, der Bau beginne im Mai.", "Bürgermeister"),
    ("Einem Reporter der Zeitung sagte der Trainer, er bleibe im Verein.", "Trainer"),
    ("Den Vorwurf der Untätigkeit wies die Landesrätin zurück. Man habe sofort gehandelt.", "Landesrätin"),
    ("Diesen Schritt kritisierte die Opposition scharf. Er komme viel zu spät.", "Opposition"),
    ("Den Bericht bestätigte ein Sprecher des Ministeriums am Abend. Die Zahlen seien korrekt.", "Sprecher"),
    ("Dem Parlament teilte der Kanzler mit, die Regierung werde zurücktreten.", "Kanzler"),
    ("Einen Rücktritt lehnte der Parteichef ab. Er sei gewählt und bleibe im Amt.", "Parteichef"),
    ("Seinem Nachfolger warf der frühere Bürgermeister vor, er habe die Stadt verschuldet.", "Bürgermeister"),
    ("Den Kritikern entgegnete die Ministerin, das Gesetz sei längst überfällig.", "Ministerin"),
    ("Dem Rundfunk sagte der Gewerkschaftschef, die Löhne müssten steigen.", "Gewerkschaftschef"),
    ("Den Plan der Regierung lobte der Bauernverband. Er bringe den Betrieben Sicherheit.", "Bauernverband"),
]


def test_grid_fronted_oblique_noun_phrase_is_no_speaker():
    failed = []
    for text, who in OBLIQUE_FRONTED:
        sts = _statements(text)
        if not sts or who not in (sts[-1].speaker_text or "") or "," in (sts[-1].speaker_text or ""):
            failed.append((text, [s.speaker_text for s in sts]))
    assert len(failed) <= len(OBLIQUE_FRONTED) * 0.05, failed


# Issue 11 (session 20): a report noun with no author of its own ("Der Statistik zufolge",
# "Dem Bericht zufolge") is the report the text introduced before with its author (same
# noun first, else any report noun; an author in a genitive/"von" phrase or the subject
# that published it); "Seiner Meinung nach" (the postposition) is the possessive's
# antecedent; "nach Schätzungen/Erkenntnissen/Darstellung/Berechnungen/Aussagen der X" is an
# attribution to X. Old code: 11 of 12 wrong.
REPORT_SOURCES = [
    # (text, sentence index of the statement, words of which one must be in speaker text or id)
    ("Das zeigt eine Auswertung des Bundeskriminalamts. Der Statistik zufolge sank die Zahl der Einbrüche leicht.", 1, "bka"),
    ("Die Zeitung berief sich auf eine Studie der Universität Wien. Der Studie zufolge leben dort 3000 Menschen in Armut.", 1, "universit"),
    ("Nach einem Bericht der New York Times hat das Militär die Angriffe verstärkt. Dem Bericht zufolge wurden dabei Dutzende Zivilisten getötet.", 1, "york"),
    ("Die Umfrage des Instituts Forsa ergab ein knappes Rennen. Der Umfrage zufolge liegen beide Parteien gleichauf.", 1, "forsa"),
    ("Der Rechnungshof legte am Montag einen Bericht vor. Dem Bericht zufolge wurden Millionen verschwendet.", 1, "rechnungshof"),
    ("Der Ökonom Hans Sinn sprach mit der Zeitung. Seiner Meinung nach sei der Austritt der beste Weg.", 1, "sinn"),
    ("Die Ministerin Petra Lang besuchte das Lager. Ihrer Einschätzung nach ist die Lage dort dramatisch.", 1, "lang"),
    ("Seitdem seien nach Schätzungen der Küstenwache mehr als 15.000 Flüchtlinge auf das Festland gekommen.", 0, "küstenwache"),
    ("Nach Erkenntnissen der Ermittler war der Täter allein unterwegs.", 0, "ermittler"),
    ("Nach Darstellung der Polizei hatten die Demonstranten Steine geworfen.", 0, "polizei"),
    ("Nach Berechnungen des Wirtschaftsforschungsinstituts wächst die Wirtschaft um zwei Prozent.", 0, "wirtschaftsforschungsinstitut"),
    ("Nach Aussagen von Zeugen fielen mehrere Schüsse.", 0, "zeugen"),
]


def test_grid_report_nouns_and_evidential_sources():
    failed = []
    for text, k, who in REPORT_SOURCES:
        starts = [0] + [i + 2 for i in range(len(text)) if text[i : i + 2] == ". "]
        sts = [s for s in _statements(text) if s.span[0] >= starts[k] - 1]
        said = ((sts[0].speaker_text or "") + " " + str(sts[0].speaker)).lower() if sts else ""
        if who not in said:
            failed.append((text, [(s.speaker_text, s.speaker) for s in sts]))
    assert len(failed) <= len(REPORT_SOURCES) * 0.05, failed


@pytest.mark.parametrize("text", [
    "Nach der Erklärung des Ministers kam es zu Protesten.",  # temporal "nach": no source
    "Dem Bericht zufolge wurden Millionen verschwendet.",  # no author anywhere: no actor
])
def test_report_source_limits(text):
    sts = _statements(text)
    if "Erklärung" in text:
        assert sts == []
    else:
        assert [s.speaker for s in sts] == ["unknown"]


# Issue 11 (session 20): a colon after a verbal act or judgement of a named subject frames
# the clause after it as that subject's words, in one sentence or split at the colon;
# a dateline ("Wien – …") the parser made the subject hands it to its apposition; an
# anaphoric "das" parsed as a second subject names no one. Old code: 9 of 12 wrong.
COLON_FRAMES = [
    ("Genauso sieht das die Obfrau des Verbands, Martina Koss: Die Statistik darf nicht alles erklären.", "Koss"),
    ("Wien – Die Opposition kritisierte: Die Regierung hat die Krise verschlafen.", "Opposition"),
    ("Anders sieht das die Gewerkschaft: Die Beschäftigten zahlen die Rechnung.", "Gewerkschaft"),
    ("Der Kanzler sagte, die Gespräche seien gescheitert. Der Außenminister widersprach: Von einem Abbruch der Gespräche kann keine Rede sein.", "Außenminister"),
    ("Die Bürgermeisterin Eva Hahn lobte die Helfer: Ohne sie wäre die Stadt im Chaos versunken.", "Hahn"),
    ("Berlin – Die Grünen forderten: Die Regierung muss sofort handeln.", "Grünen"),
    ("Kritisch äußerte sich der Verband: Die Reform kommt viel zu spät.", "Verband"),
    ("Die Ärztekammer warnte: Die Wartezeiten werden noch länger.", "Ärztekammer"),
    ("Paris – Präsident Emmanuel Macron verurteilte den Anschlag: Frankreich lässt sich nicht einschüchtern.", "Macron"),
    ("Der Betriebsrat bedauerte die Entscheidung: Hunderte Arbeitsplätze gehen verloren.", "Betriebsrat"),
    ("Die Ministerin wies die Kritik zurück: Das Gesetz schützt die Mieter besser als je zuvor.", "Ministerin"),
    ("Der Verband begrüßte den Beschluss: Endlich bekommen die Gemeinden Planungssicherheit.", "Verband"),
]


def test_grid_colon_after_a_verbal_act_is_the_subjects_words():
    failed = []
    for text, who in COLON_FRAMES:
        colon = text.rindex(":")
        sts = [s for s in _statements(text) if s.span[1] > colon]
        if not sts or who not in (sts[-1].speaker_text or ""):
            failed.append((text, [(s.speaker_text, s.speaker) for s in sts]))
    assert len(failed) <= len(COLON_FRAMES) * 0.05, failed


@pytest.mark.parametrize("text", [
    "Das Ergebnis ist klar: Die Partei hat verloren.",  # no verbal act before the colon
    "Die Regierung beschloss drei Maßnahmen: höhere Steuern, weniger Ausgaben und neue Schulden.",
])
def test_colon_without_a_verbal_act_is_no_statement(text):
    assert _statements(text) == []


# Issue 11 (session 20): a closing frame "…, erklärte der Naturschutzbund" takes the
# subject after the verb even when the parser hangs a noun of the content on the verb as a
# second subject. Old code: 1 of 8 wrong (the parse of the real sentence differs).
CLOSING_FRAME_SUBJECT_AFTER = [
    ("Die Abwehr des Kraftwerks und die Rettung der Auen seien nur zwei Beispiele dafür, erklärte der Naturschutzbund in seiner Stellungnahme.", "Naturschutzbund"),
    ("Die Kosten und die Risiken seien die größten Probleme, sagte die Ministerin am Montag.", "Ministerin"),
    ("Der Ausbau der Bahn sei das wichtigste Projekt der Region, betonte der Landeshauptmann.", "Landeshauptmann"),
    ("Steuern und Abgaben seien zu hoch, kritisierte der Wirtschaftsbund.", "Wirtschaftsbund"),
    ("Die Zahl der Anträge sei stark gestiegen, teilte das Ministerium mit.", "Ministerium"),
    ("Die Schulen bleiben vorerst geschlossen, sagte ein Sprecher der Stadt.", "Sprecher"),
    ("Mehr Personal sei die einzige Lösung, erklärte die Gewerkschaft der Polizei.", "Gewerkschaft"),
    ("Die Mieten in der Stadt seien ein großes Problem, sagte der Bürgermeister.", "Bürgermeister"),
]

# the addressee after the speaker is no part of it: a dative ("dem Sender ORF") after any
# subject, an outlet ("der Bild-Zeitung", "der Nachrichtenagentur dpa"; KB agent nouns
# with agent MED or a mention coded …MED) after a description. Old code: 6 of 8 wrong.
ADDRESSEE_OUTLETS = [
    ("Die Lage ist ernst, sagte Angela Merkel der Zeitung Welt am Sonntag.", "Merkel"),
    ("Wir werden nicht nachgeben, sagte der Kanzler der Bild-Zeitung.", "Kanzler"),
    ("Der Vizepräsident des EU-Parlaments, Martin Schulz, hat einen Hilfsfonds vorgeschlagen. Dafür gebe es Mittel in Brüssel, sagte der SPD-Politiker dem Magazin Spiegel.", "SPD-Politiker"),
    ("Das Land brauche mehr Geld, sagte Finanzminister Hans Meier dem Sender ORF.", "Meier"),
    ("Das Ziel sei erreicht, sagte die Ministerin der Nachrichtenagentur dpa.", "Ministerin"),
    ("Die Gespräche gehen weiter, sagte Außenminister Frank-Walter Steinmeier dem Deutschlandfunk.", "Steinmeier"),
    ("Er habe nichts zu verbergen, sagte der Angeklagte dem Magazin Spiegel.", "Angeklagte"),
    ("Die Preise steigen weiter, sagte der Ökonom einem Reporter der Zeitung.", "Ökonom"),
]
OUTLET_WORDS = ("Zeitung", "Presse", "Sender", "Nachrichtenagentur", "Deutschlandfunk", "Magazin", "Reporter")


def test_grid_closing_frame_subject_after_the_verb():
    failed = []
    for text, who in CLOSING_FRAME_SUBJECT_AFTER:
        sts = _statements(text)
        said = sts[-1].speaker_text or "" if sts else ""
        if who not in said or len(said) > 40:
            failed.append((text, said))
    assert len(failed) <= len(CLOSING_FRAME_SUBJECT_AFTER) * 0.05, failed


def test_grid_outlet_addressee_is_no_part_of_the_speaker():
    failed = []
    for text, who in ADDRESSEE_OUTLETS:
        sts = _statements(text)
        said = sts[-1].speaker_text or "" if sts else ""
        if who not in said or any(w in said for w in OUTLET_WORDS):
            failed.append((text, said))
    assert len(failed) <= len(ADDRESSEE_OUTLETS) * 0.05, failed


# Issue 11 (session 20): pronoun and description speakers. A pronoun subject is the
# pronoun, not the content the parser hung on it ("Sie sagte, die Gespräche …"); a pronoun
# after a sentence whose subject is a generic group ("Die Polizei nahm … fest. Sie teilte
# mit") is that group when it agrees in gender and no named actor stands between; "Der
# Sprecher" is the spokesman introduced before with whom he speaks for. Rows the old code
# already got right guard gender agreement and role descriptions. Old code: 3 of 11 wrong.
PRONOUNS_AND_DESCRIPTIONS = [
    ("Kanzlerin Angela Merkel traf am Montag den französischen Präsidenten Emmanuel Macron. Er sagte, die Gespräche seien gut verlaufen.", "macron"),
    ("Kanzlerin Angela Merkel traf am Montag den französischen Präsidenten Emmanuel Macron. Sie sagte, die Gespräche seien gut verlaufen.", "merkel"),
    ("Familienministerin Sophie Karmasin stellte am Montag den Bericht vor. Die Ministerin betonte, die Zahl der Kinder steige.", "karmasin"),
    ("Der frühere Bundespräsident Heinz Fischer besuchte die Schule. Der 77-Jährige sagte, Bildung sei der Schlüssel.", "fischer"),
    ("Ein Sprecher des Innenministeriums bestätigte den Vorfall. Der Sprecher fügte hinzu, die Ermittlungen liefen.", "gov"),
    ("Wladimir Putin empfing Recep Tayyip Erdoğan in Moskau. Der russische Präsident sagte, beide Länder wollten kooperieren.", "putin"),
    ("Wladimir Putin empfing Recep Tayyip Erdoğan in Moskau. Der türkische Präsident sagte, beide Länder wollten kooperieren.", "erdo"),
    ("Angela Merkel sprach mit François Hollande. Der Franzose erklärte, Europa müsse zusammenstehen.", "fra"),
    ("Die Polizei nahm drei Männer fest. Sie teilte mit, die Verdächtigen seien polizeibekannt.", "cop"),
    ("Der ÖVP-Chef Reinhold Mitterlehner traf den Kanzler Werner Faymann. Der Vizekanzler sagte, die Koalition halte.", "mitterlehner"),
    ("Hillary Clinton und Donald Trump lieferten sich ein Duell. Die Demokratin sagte, Trump sei ungeeignet.", "clinton"),
]


def test_grid_pronoun_and_description_speakers():
    failed = []
    for text, who in PRONOUNS_AND_DESCRIPTIONS:
        doc = analyze(text, language="de", published="2016-03-01")
        later = [s for s in doc.statements if s.span[0] > text.index(". ")]
        names = " ".join(f"{a.name} {a.code}" for a in doc.actors if later and a.id == later[-1].speaker)
        said = f"{later[-1].speaker} {names}".lower() if later else ""
        if who not in said:
            failed.append((text, [(s.speaker_text, s.speaker) for s in later]))
    assert len(failed) <= len(PRONOUNS_AND_DESCRIPTIONS) * 0.05, failed


def test_pronoun_after_a_group_needs_agreement():
    # "Er" cannot be "die Polizei" (feminine): no group speaker from the sentence before
    doc = analyze("Die Polizei nahm drei Männer fest. Er teilte mit, die Verdächtigen seien polizeibekannt.",
                  language="de", published="2016-03-01")
    assert all(not str(s.speaker).endswith("COP") for s in doc.statements)


# Issue 11 (session 20): the German reporting parenthesis with any verb -- a main clause,
# a comma, a verb-first clause with its subject after the verb that ends the sentence
# ("…, spielte der Kammerpräsident den Ball zurück", "…, zeigte sich der Bürgermeister
# kämpferisch"): the clause before the comma is the subject's statement. Old code: 4 of 4
# wrong. A verb-first condition or a subordinate clause before the comma, a fronted phrase
# with no verb of its own, or a subject that names no one is no frame.
INVERTED_FRAMES = [
    ("Die Steuern steigen nicht, beruhigte der Finanzminister die Unternehmer.", "Finanzminister"),
    ("Eine Frist hat noch nie geholfen, spielte der Kammerpräsident den Ball an die Regierung zurück.", "Kammerpräsident"),
    ("Wir sind bereit, zeigte sich der Bürgermeister kämpferisch.", "Bürgermeister"),
    ("Das werde man nicht hinnehmen, gab sich die Gewerkschaft entschlossen.", "Gewerkschaft"),
]
NOT_FRAMES = [
    "Wird das Gesetz beschlossen, steigen die Preise.",
    "Wenn es regnet, bleiben die Kinder zu Hause.",
    "Kommt es zu keiner Einigung, droht ein Streik.",
    "Je länger der Streik dauert, desto größer wird der Schaden.",
    "Als die Polizei eintraf, flohen die Täter.",
    "Nachdem die Bombe explodiert war, brach Panik aus.",
    "Die Täter flohen, verfolgt von der Polizei.",
    "Die Regierung trat zurück, Neuwahlen sind geplant.",
    "Kaum war der Minister gelandet, begannen die Proteste.",
    "Ob die Reform kommt, entscheidet das Parlament.",
    "Was die Regierung plant, bleibt unklar.",
]


def test_grid_inverted_frame_with_any_verb():
    failed = []
    for text, who in INVERTED_FRAMES:
        sts = _statements(text)
        if len(sts) != 1 or who not in (sts[0].speaker_text or ""):
            failed.append((text, [(s.speaker_text, s.text) for s in sts]))
    assert len(failed) <= len(INVERTED_FRAMES) * 0.05, failed


@pytest.mark.parametrize("text", NOT_FRAMES)
def test_comma_and_inverted_main_clause_is_no_frame(text):
    assert _statements(text) == []


# Issue 11 (session 20): the sentence after a quote names its speaker with an anaphoric
# manner phrase and any verb ("Mit diesen Worten beruhigte …", "So kommentierte …").
# Old code: 2 of 4 wrong (the rows with "Diese Einschätzung äußerte" and a speech verb
# guard the older rule).
QUOTE_THEN_SPEAKER = [
    ("„Wir werden die Steuern nicht erhöhen.“ Mit diesen Worten beruhigte der Finanzminister die Wirtschaft.", "Finanzminister"),
    ("„Das ist ein schwarzer Tag für die Demokratie.“ So kommentierte die Oppositionschefin Eva Roth das Urteil.", "Roth"),
    ("„Die Krise ist noch lange nicht vorbei.“ Diese Einschätzung äußerte der Ökonom Peter Bauer am Montag.", "Bauer"),
    ("„Wir geben nicht auf.“ Mit dieser Botschaft trat die Parteichefin vor die Presse.", "Parteichefin"),
]


def test_grid_quote_then_manner_phrase_names_the_speaker():
    failed = []
    for text, who in QUOTE_THEN_SPEAKER:
        sts = _statements(text)
        if not sts or who not in (sts[0].speaker_text or ""):
            failed.append((text, [(s.speaker_text, s.text) for s in sts]))
    assert len(failed) <= len(QUOTE_THEN_SPEAKER) * 0.05, failed


def test_manner_phrase_without_a_speaker_names_none():
    sts = _statements("„Die Lage ist ernst.“ So bleibt die Lage in der Stadt angespannt.")
    assert all("Lage" not in (s.speaker_text or "") for s in sts)


# Issue 11 (session 21): a fronted condition is not what a speech verb after it reports.
# "Sollte X scheitern, droht …" / "Falls …, warnt …": the verb is the main clause's own
# finite verb; a content that holds its own speech verb, or that is only the condition, is
# no statement. A condition followed by its main clause before "…, sagte X" stays content.
# Old code: 6 of 8 fronted conditions taken as statements.
FRONTED_CONDITIONS = [
    "Sollte der Vertrag scheitern, droht der Region eine neue Krise.",
    "Sollten die Gespräche scheitern, warnt die Opposition vor einem Streik.",
    "Wenn die Regierung nicht handelt, drohen hohe Strafen.",
    "Falls die Verhandlungen scheitern, droht ein Handelskrieg.",
    "Sofern das Parlament zustimmt, kündigt die Regierung neue Hilfen an.",
    "Wenn die Zinsen steigen, erwarten Ökonomen eine Rezession.",
    "Sollte die Koalition zerbrechen, drohen dem Land Neuwahlen im Frühjahr.",
    "Kommt es zu keiner Einigung, warnt die Gewerkschaft vor einem Streik.",
]
CONDITIONAL_CONTENT = [
    ("Wenn Putin nicht verhandle, werde er Sanktionen verhängen, sagte Trump.", "Trump"),
    ("Falls die Regierung zurücktrete, seien Neuwahlen nötig, erklärte der Präsident.", "Präsident"),
    ("Wenn nötig, werde man die Truppen verstärken, betonte der Verteidigungsminister.", "Verteidigungsminister"),
    ("Sollte Russland angreifen, werde die Nato reagieren, sagte der Generalsekretär.", "Generalsekretär"),
]


def test_grid_fronted_condition_is_no_statement():
    said = [(t, [s.text for s in _statements(t)]) for t in FRONTED_CONDITIONS]
    assert [x for x in said if x[1]] == []


def test_grid_condition_with_its_main_clause_stays_content():
    failed = [(t, [(s.speaker_text, s.text) for s in _statements(t)]) for t, who in CONDITIONAL_CONTENT
              if not any(who in (s.speaker_text or "") and s.text.split()[0] in ("Wenn", "Falls", "Sollte")
                         for s in _statements(t))]
    assert failed == []


# Issue 11 (session 21): the German reporting parenthesis "<content>, VERB SUBJECT …." with a
# long subject (role, title, full name, a genitive body) or an object after it; the parser
# may call the subject an object (the noun of the clause before taken as its subject) and tag
# the verb-first finite verb an adjective. Old code: 3 of 8 gave no speaker (or the whole
# sentence as content); now 1 (a longer-tail rule for "…, kritisierte die Präsidentin der
# Ärztekammer Maria Huber am Montag" was tried and dropped: it cost one statement on dev-B).
LONG_PARENTHESES = [
    ("Das sei ein Fehler, wies Finanzminister Hans Jörg Schelling die Kritik der Opposition zurück.", "Schelling"),
    ("Das sei ein Fehler, wies Finanzminister Schelling die Kritik zurück.", "Schelling"),
    ("Die Reform komme zu spät, kritisierte die Präsidentin der Ärztekammer Maria Huber am Montag.", "Präsidentin"),
    ("Die Zahlen seien geschönt, warf Oppositionsführerin Eva Roth der Landesregierung am Dienstag vor.", "Roth"),
    ("Die Vorwürfe seien haltlos, wies die Landesregierung die Kritik des Rechnungshofs zurück.", "Landesregierung"),
    ("Man habe korrekt gehandelt, verteidigte Polizeichef Gerhard Pürstl den Einsatz am Abend.", "Pürstl"),
    ("Das Gesetz sei verfassungswidrig, lehnte die Opposition den Entwurf im Parlament ab.", "Opposition"),
    ("Die Einigung sei ein Erfolg, lobte Bundeskanzler Werner Faymann die Sozialpartner am Mittwoch.", "Faymann"),
]


def test_grid_reporting_parenthesis_with_a_long_subject():
    failed = []
    for text, who in LONG_PARENTHESES:
        sts = _statements(text)
        content = text.split(",")[0]
        if not any(who in (s.speaker_text or "") and s.text == content for s in sts):
            failed.append((text, [(s.speaker_text, s.text) for s in sts]))
    assert len(failed) <= 1, failed


# Issue 11 (session 21): "…, und sie forderte mehr Geld": a comma, a conjunction or a subject,
# then the verb is a coordinated main clause, not a reporting frame "…, sagte X" (German puts
# the frame's verb right after the comma). Old code: 1 of 5 taken as a statement.
COORDINATED_NOT_FRAMES = [
    "Die Preise steigen, und der Minister warnte die Bürger.",
    "Die Regierung tagte am Montag, und die Opposition kritisierte den Plan.",
    "Der Streik dauert an, aber die Gewerkschaft forderte neue Gespräche.",
    "Das Parlament stimmte zu, und der Kanzler lobte die Einigung.",
    "Die Polizei kam spät, doch die Anrainer beklagten den Lärm.",
]


def test_grid_coordinated_main_clause_is_no_frame():
    said = [(t, [(s.speaker_text, s.text) for s in _statements(t)]) for t in COORDINATED_NOT_FRAMES]
    assert [x for x in said if x[1]] == []


# Issue 11 (session 21, a fault left open last session): "<preterite indicative clause>, sagte
# ein Sprecher …" -- the tagger may take a rare preterite for an adjective or adverb
# ("entgleiste/ADJ", "starben/ADV"), and the clause was no content. Our own sentences; old
# code: 2 of 8 gave no statement.
SPOKESPERSON_PRETERITE = [
    "Der Zug entgleiste kurz nach Mitternacht, sagte eine Sprecherin der Bahn.",
    "Drei Menschen starben bei dem Brand, sagte ein Sprecher der Feuerwehr am Sonntag.",
    "Die Soldaten zogen sich in der Nacht zurück, teilte ein Armeesprecher mit.",
    "Das Feuer brach gegen drei Uhr aus, sagte ein Sprecher der Polizei.",
    "Der Fahrer blieb unverletzt, sagte eine Sprecherin der Polizei.",
    "Die Angreifer flohen zu Fuß, sagte ein Sprecher des Innenministeriums.",
    "Die Maschine landete sicher in Wien, teilte ein Sprecher der Fluglinie mit.",
    "Zwei Beamte wurden leicht verletzt, sagte ein Polizeisprecher am Abend.",
]


def test_grid_spokesperson_after_preterite_content():
    failed = []
    for text in SPOKESPERSON_PRETERITE:
        content = text.split(",")[0]
        if not any(s.text == content and "precher" in (s.speaker_text or "") for s in _statements(text)):
            failed.append((text, [(s.speaker_text, s.text) for s in _statements(text)]))
    assert len(failed) <= 1, failed


# Issue 11 (session 21): a judgement with an object-predicative verb (the event patterns'
# `predicative` rows: finden, halten für, bezeichnen als, einstufen, sehen …) and a predicative
# complement is the subject's indirect statement -- the real-news gold records an attributed
# opinion as a statement. Without a predicative (no "als"/"für"/adjective) it is none. Our own
# sentences; old code: no statement for any of them.
JUDGEMENT_STATEMENTS = [
    ("Überzogen findet die Ärztekammer die neuen Auflagen.", "Ärztekammer"),
    ("Der Bauernverband bezeichnete die Pläne als realitätsfern.", "Bauernverband"),
    ("Die Opposition sieht die Lage kritisch.", "Opposition"),
    ("Die Regierung stufte die Gruppe als Terrororganisation ein.", "Regierung"),
    ("Die Rektorin Eva Berger sprach in Wien. Einen offenen Unizugang hält sie für unrealistisch.", "sie"),
    ("Der Rechnungshof beurteilt die Reform als gescheitert.", "Rechnungshof"),
    ("Die Gewerkschaft wertete das Angebot als Provokation.", "Gewerkschaft"),
    ("Bürgermeister Klaus Luger hält die Kritik für ungerechtfertigt.", "Luger"),
    ("Die Gewerkschaft sieht die Reform eher als Sparpaket.", "Gewerkschaft"),
]
NO_JUDGEMENT_STATEMENTS = [
    "Der Minister hält eine Rede im Parlament.",
    "Die Polizei fand die Leiche im Wald.",
    "Die Firma hält an ihren Plänen fest.",
    "Die Forscher fanden eine neue Art im Regenwald.",
    "Die Delegation sah sich das Werk in Linz an.",
    "Namen wollte der Sprecher nicht nennen.",  # a fronted object, no predicative
    "Die Analystin sieht keinen Anlass zur Panik, nur weil die Umsätze langsamer als geplant wachsen.",
    "Die Opposition kritisierte den Haushalt scharf.",  # a speech act's manner adverb
]


def test_grid_judgement_with_a_predicative_is_a_statement():
    failed = []
    for text, who in JUDGEMENT_STATEMENTS:
        last = text.split(". ")[-1]
        if not any(who in (s.speaker_text or "") and s.text.strip(" .") in last and s.kind == "indirect"
                   for s in _statements(text)):
            failed.append((text, [(s.speaker_text, s.text) for s in _statements(text)]))
    assert len(failed) <= 1, failed


def test_grid_judgement_verb_without_a_predicative_is_no_statement():
    assert [(t, [s.text for s in _statements(t)]) for t in NO_JUDGEMENT_STATEMENTS if _statements(t)] == []
