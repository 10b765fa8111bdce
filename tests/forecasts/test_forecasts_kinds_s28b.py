"""Grids of our own sentences for the Konjunktiv-II consequence in reported speech (issue 11,
session 28, second wave): the largest recall kind of the rounds ``s27-wholeb`` and
``s28-whole`` (an audit round on unlisted news-de articles, withdrawn in session 29) and of the dev-A misses. A speaker
says what would happen; the Konjunktiv II ("würde", "wäre", "hätte") is a forecast only when
something makes it a consequence: a condition and an outcome that can still come. Each grid
fails on main's code; guard rows must stay as they are.

* ``nominal-condition-kii``: "Bei einem Scheitern der Gespräche wäre die Stadt
  zahlungsunfähig", "Ohne Einigung würden …": "bei/ohne" + an indefinite event noun
  (``kii_event_nouns`` of forecast_words.tsv) is the condition of the Konjunktiv II in its
  comma stretch. An occasion ("Bei einem Treffen sagte er, …"), a definite noun ("bei der
  Sitzung"), a perfect ("wäre … geworden", "wäre … gegangen": a counterfactual past) and a
  first-person consequence (an intention) stay out.
* ``hypothetical-event-subject``: "…, eine Schließung des Kanals würde die Frachtraten
  verdoppeln", "…, dass ein Exportverbot kaum verkraftbar wäre", "ein Staatsbankrott hätte
  dramatische Auswirkungen": an indefinite event noun opening the clause is an implicit
  condition (if it came), so a bare "würde" after a speech verb is its consequence and not
  the Konjunktiv-I stand-in of reported speech ("sie würde das nicht kommentieren"). A
  predicate that judges the option ("Ein Rücktritt wäre ein Fehler", "wäre richtig"), a thing
  that is no event ("ein Kommentar") and the speaker's own comment stay out.
* ``stative-outcome-present-condition``: "Falls der Damm bricht, wären drei Dörfer
  überflutet" — under a condition in the present indicative, "wäre" + participle is the state
  that would follow, not the counterfactual past ("wäre … gewesen"). A Konjunktiv-II
  condition ("wenn … gestellt hätte"), "worden" and "geworden" stay counterfactual.

Each grid runs the real pipeline; a grid passes when every sentence comes out as expected."""
from __future__ import annotations

import pytest

from kinds_checks import failures, none, one

NOMINAL_CONDITION_KII = [
    ("Bei einem Scheitern der Gespräche wäre die Stadt zahlungsunfähig, sagte der Kämmerer Otto Brandl.",
     one("der Kämmerer Otto Brandl")),
    ("Bei einem Zahlungsausfall wären die Gläubiger die großen Verlierer, sagte die Analystin Mira Sommer.",
     one("die Analystin Mira Sommer")),
    ("Ohne Einigung würden die Lieferketten im Herbst reißen, sagte der Spediteur Tobias Grund.", one()),
    # a perfect: what would have happened
    ("Bei einem Sieg wäre die Partei stärkste Kraft geworden, sagte der Wahlforscher Udo Kern.", none),
    ("Ohne eine Einigung wäre die Firma damals pleite gegangen, sagte die Chefin Rita Lorenz.", none),
    ("Bei einer Niederlage im Stichentscheid wäre der Verein abgestiegen, meinte der Präsident Ulrich Fels.", none),
    # the speaker's own conditional intention
    ("Bei einem Scheitern würde ich zurücktreten, sagte der Parteichef Bernd Ulm.", none),
    # an occasion and a definite noun are no condition
    ("Bei einem Treffen in Graz sagte die Ministerin, sie würde das Thema ansprechen.", none),
    ("Bei einer Sitzung am Dienstag wäre der Vorschlag beinahe abgelehnt worden.", none),
    ("Bei einem Streik wäre das Werk geschlossen worden, sagte der Betriebsrat Emil Sauer.", none),
]

HYPOTHETICAL_EVENT_SUBJECT = [
    ("Die Reederin Ilse Born sagte, eine Schließung des Kanals würde die Frachtraten verdoppeln.",
     one("Die Reederin Ilse Born")),
    ("Die Gewerkschaft erklärte, eine Erhöhung der Mieten würde Tausende Familien in die Armut treiben.",
     one("Die Gewerkschaft")),
    ("Die Bäuerin Lena Stock erklärte, dass ein Exportverbot für die Höfe kaum verkraftbar wäre.",
     one("Die Bäuerin Lena Stock")),
    ("Der Volkswirt Hannes Ebner sagte, ein Staatsbankrott hätte dramatische Auswirkungen auf die Sparer.",
     one("Der Volkswirt Hannes Ebner")),
    ("Eine Pleite des Konzerns hätte verheerende Folgen für die Region, warnte der Landrat Peter Schulz.",
     one("der Landrat Peter Schulz")),
    # a judgement of the option, a thing that is no event, the speaker's own comment
    ("Ein Rücktritt wäre ein Fehler, sagte die Abgeordnete Vera Pohl.", none),
    ("Der Abgeordnete Jens Rau meinte, ein Verbot wäre richtig.", none),
    ("Der Sprecher sagte, ein Kommentar dazu wäre verfrüht.", none),
    ("Die Sprecherin Nina Groß sagte, sie würde einen Rücktritt nicht kommentieren.", none),
    ("Er sagte, er würde das nicht kommentieren.", none),
    ("Die Ministerin sagte, ein Rücktritt käme für sie nicht in Frage.", none),
]

STATIVE_OUTCOME_PRESENT_CONDITION = [
    ("Falls der Damm bricht, wären drei Dörfer überflutet, sagte der Bürgermeister Franz Huber.",
     one("der Bürgermeister Franz Huber")),
    ("Wenn der Pegel weiter steigt, wäre die Altstadt abgeschnitten, sagte die Einsatzleiterin Gerda Lanz.",
     one("die Einsatzleiterin Gerda Lanz")),
    ("Der Streit der Parteien wäre laut der Ministerin Ida Ruf rasch beendet, wenn es zu einer Einigung "
     "über die Steuern komme.", one()),
    # a Konjunktiv-II condition, a perfect: counterfactual
    ("Wenn die Firma den Antrag gestellt hätte, wären die Mittel längst ausgezahlt, sagte der Berater Kai Wendt.", none),
    ("Wenn die Firma rechtzeitig gehandelt hätte, wäre der Schaden kleiner gewesen, sagte die Anwältin Eva Berg.", none),
    ("Ohne die Spenden wäre das Heim geschlossen worden, sagte die Leiterin Doris Frank.", none),
]


@pytest.mark.parametrize(
    "name, cases",
    [
        ("nominal-condition-kii", NOMINAL_CONDITION_KII),
        ("hypothetical-event-subject", HYPOTHETICAL_EVENT_SUBJECT),
        ("stative-outcome-present-condition", STATIVE_OUTCOME_PRESENT_CONDITION),
    ],
)
def test_grid_kind_s28b(name, cases):
    failed = failures(cases)
    assert not failed, f"{name}: {failed}"
