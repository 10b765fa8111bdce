"""German event recall kinds found by the events audit round s26-recall on unseen news and
the dev-A miss list (issue 9, session 26), each with a grid of own sentences
(``recall_s26_grid_de.tsv``; a failing row names its kind):

* ``negated-approval``: a negated approval is a criticism (CAMEO 111) -- "hält X nicht für
  sinnvoll", "nannte X nicht akzeptabel" (predicative rows flagged ``negative`` with the sense
  class ``negiert_urteil``) and a speaker's copular "X sei nicht verhältnismäßig"
  (``EventCoder._evaluative_predications``); verbs of opinion raise the negation ("hält X
  nicht für sinnvoll"), verbs of saying need it inside the complement ("bezeichnete X als
  nicht zumutbar"); ``negated-approval-guard``: an approval that is not negated, or a negated
  one about no actor, codes nothing, and "bezeichnete X nicht als richtig" stays a negated
  praise;
* ``disparaging-remark``: "hatte sich abschätzig über X geäußert" (class ``herabsetzend``);
  ``disparaging-name``: "bezeichnete X als Lügner", "hält X für unentschuldbar", "X sei
  verlogen, sagte Y" (class ``schmähung``, predicative rows and the copular judgement);
* ``support-begin-with``: "begann mit Luftangriffen auf X" (support verbs beginnen, starten,
  anfangen with slot ``prep:mit``, role ``agent``); ``support-agent-more``: "vertritt die
  Forderung nach X" (support verb vertreten);
* ``thrown-projectile``: "warfen Steine auf die Polizei" (werfen, schleudern + a projectile:
  180; an explosive: 183); ``thrown-projectile-guard``: a ball, a glance code nothing;
* ``fronted-middle-subject``: a verb-second clause with a fronted adverbial whose subject the
  parse missed or took from an accusative of time ("Vergangene Woche hatte sich Orbán …
  geäußert"): the first bare actor phrase after the finite verb is the subject
  (``EventCoder._mittelfeld_subject``); ``fronted-middle-subject-guard``: clauses whose
  subject the parse found keep it."""
from __future__ import annotations

from grid_rows import check_root_grid, coded_events, read_grid


def test_recall_s26_grid_de(nlp_de):
    rows = read_grid("recall_s26_grid_de.tsv")
    assert len(rows) >= 38
    assert {r["kind"] for r in rows} == {"negated-approval", "negated-approval-guard", "disparaging-remark",
                                          "support-begin-with", "support-agent-more", "thrown-projectile",
                                          "thrown-projectile-guard", "fronted-middle-subject",
                                          "fronted-middle-subject-guard", "disparaging-name", "disparaging-name-guard"}
    check_root_grid("recall s26 grid de", rows, nlp_de.pipe(r["text"] for r in rows), coded_events, floor=1.0)


def test_negated_approval_is_not_negated_de(nlp_de):
    """The negation belongs to the judgement: "hält X nicht für sinnvoll" is an asserted,
    not a negated, criticism."""
    doc = nlp_de("Die Türkei hält die Kritik der Bundesregierung nicht für angemessen.")
    got = coded_events(doc, negation=True)
    assert any(code[:2] == "11" and not neg for _s, _t, code, neg in got), got


def test_negated_approval_words_are_data_de():
    from lagebild.events.patterns import load_sense_classes

    classes = load_sense_classes("de")
    assert {"akzeptabel", "sinnvoll", "verhältnismäßig"} <= classes["negiert_urteil"]
    assert {"abschätzig", "herablassend"} <= classes["herabsetzend"]
    # an approval word is no negative judgement by itself
    assert not classes["negiert_urteil"] & classes["negativ_urteil"]
