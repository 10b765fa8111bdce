"""English actor and event kinds (issue 9): title abbreviations ("Sen. X"), a place's
bodies ("Texas lawmakers", "the Chicago Police Department"), ministries and departments
expanded from PETRARCH's Phoenix substitution sets, and a titled person in a text that names
no country ("---LEG"). Own sentences in ``actor_kinds_grid_en.tsv``; a failing row names its
kind."""
from __future__ import annotations

import pytest

from grid_rows import actor_ok, coded_events, read_grid

ROWS = read_grid("actor_kinds_grid_en.tsv")
SUPPORT_ROWS = read_grid("support_grid_en.tsv")
EVALUATIVE_ROWS = read_grid("evaluative_grid_en.tsv")
SPEECH_ROWS = read_grid("speech_acts_grid_en.tsv")


@pytest.fixture(scope="module")
def nlp_en():  # type: ignore[no-untyped-def]
    from lagebild.pipeline import load

    return load("en")


def _failures(nlp, rows):  # type: ignore[no-untyped-def]
    fails = []
    for row in rows:
        events = coded_events(nlp(row["text"]))
        if row["root"] == "--":  # no event with that source ("*": no event at all)
            ok = not any(actor_ok(row["source"], s) for s, _, _ in events)
        else:
            ok = any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and (c or "").startswith(row["root"])
                     for s, t, c in events)
        if not ok:
            fails.append(f"{row['kind']}: {row['text']} -> {events}")
    return fails


def test_actor_kinds_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    fails = _failures(nlp_en, ROWS)
    assert not fails, "\n".join(fails)


def test_support_verbs_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """English support verbs (support_verbs_en.tsv): "faced criticism from X" codes X ->
    subject; "paid a visit to X", "launched an attack on X" code subject -> X."""
    fails = _failures(nlp_en, SUPPORT_ROWS)
    assert not fails, "\n".join(fails)


def test_evaluative_speech_acts_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """A negative judgement in the predicative complement ("called the sanctions illegal",
    "calling it a provocation") is a 111 criticism; a positive one or the object alone is not."""
    fails = _failures(nlp_en, EVALUATIVE_ROWS)
    assert not fails, "\n".join(fails)


def test_speech_acts_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Speech acts with speaker -> addressee (active, by-passive, reported) and the content
    of an object-control verb done by the addressee ("called on Iran to release …")."""
    fails = _failures(nlp_en, SPEECH_ROWS)
    assert not fails, "\n".join(fails)


DOMESTIC_ROWS = read_grid("domestic_grid_en.tsv")


def test_domestic_actors_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Persons and bodies of US domestic news the KB lacks, coded from the text (session 20):
    person roles with no holder, multi-word roles, Phoenix state bodies, named persons coded
    by legal events or an apposition, and PETRARCH's legal verbs."""
    fails = _failures(nlp_en, DOMESTIC_ROWS)
    assert not fails, "\n".join(fails)


THING_ROWS = read_grid("things_grid_en.tsv")


def test_uncoded_things_are_no_targets_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """An organisation or place without a CAMEO code is no event's target (own sentences in
    ``things_grid_en.tsv``); where a source is named, its event is still coded."""
    fails = []
    for row in THING_ROWS:
        doc = nlp_en(row["text"])
        codes = {a.id: a.code or a.country for a in doc._.actors}
        events = [(codes.get(e.source), e.target, e.target_text) for e in doc._.events if e.cameo]
        bad = [ev for ev in events if ev[1] is not None and not codes.get(ev[1])
               and row["thing"] in (ev[2] or "")]
        kept = row["source"] == "-" or any(s == row["source"] for s, _, _ in events)
        if bad or not kept:
            fails.append(f"{row['kind']}: {row['text']} -> {events}")
    assert not fails, "\n".join(fails)


PROXY_TIME_ROWS = read_grid("proxy_time_grid_en.tsv")


def test_proxy_time_participle_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 22 kinds: a spokesperson/office/lawyer subject is the actor it speaks for; a
    time phrase fills no target slot; "opened fire on X" is force; a fronted participle
    clause takes the main clause's subject; "left for X" is a visit."""
    fails = _failures(nlp_en, PROXY_TIME_ROWS)
    assert not fails, "\n".join(fails)


JUDGEMENT_VALENCE_ROWS = read_grid("judgement_valence_grid_en.tsv")


def test_judgement_valence_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """A negative judgement from VADER's rated adjectives (senses_en.tsv negative_valence) in
    the predicative complement of call/describe/label/term and of the stance verbs
    regard/consider/view/deem is a 111 criticism; a positive one, or no complement, is none."""
    fails = _failures(nlp_en, JUDGEMENT_VALENCE_ROWS)
    assert not fails, "\n".join(fails)


COMMENT_REFUSAL_ROWS = read_grid("comment_refusal_grid_en.tsv")


def test_comment_refusal_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """"X declined to comment" codes no event (neither 011 without an addressee actor nor the
    rejection 120); "declined the invitation" stays a rejection."""
    fails = _failures(nlp_en, COMMENT_REFUSAL_ROWS)
    assert not fails, "\n".join(fails)


AID_RECIPIENT_ROWS = read_grid("aid_recipient_grid_en.tsv")


def test_aid_recipient_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Provide aid (07) needs a recipient (syntax.yaml dyadic_roots): "helped to plan the
    operation" is no aid event; aid to a named recipient stays 07."""
    fails = _failures(nlp_en, AID_RECIPIENT_ROWS)
    assert not fails, "\n".join(fails)


WELCOME_ROWS = read_grid("welcome_grid_en.tsv")


def test_welcome_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """"welcomed the decision" is praise (051); "welcomed his counterpart / the delegation"
    is hosting (043), as in CAMEO.2.0.txt's WELCOME rows."""
    fails = _failures(nlp_en, WELCOME_ROWS)
    assert not fails, "\n".join(fails)


REPORTED_CONJUNCT_ROWS = read_grid("reported_conjunct_grid_en.tsv")


def test_reported_conjunct_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """A finite verb coordinated with a reported clause whose subject is no actor takes the
    speaker as subject ("Turkey said the vote was illegal and urged Greece to …")."""
    fails = _failures(nlp_en, REPORTED_CONJUNCT_ROWS)
    assert not fails, "\n".join(fails)


AGENTIVE_ROWS = read_grid("agentive_grid_en.tsv")


def test_cooperation_needs_an_agent_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: an agentless passive of roots 02-08 (syntax.yaml ``agentive_roots``:
    "was allowed to enter", "will be allotted", "were invited to talks") is no event; an
    agentless killing or stabbing, and a by-agent passive of any root, still is."""
    fails = _failures(nlp_en, AGENTIVE_ROWS)
    assert not fails, "\n".join(fails)


CLAIM_ROWS = read_grid("claim_grid_en.tsv")


def test_claimant_is_author_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: "X claimed responsibility for the attack / for attacking …" codes the act
    with X as its source (syntax.yaml ``claim_nouns``, ``claim_verbs``)."""
    fails = _failures(nlp_en, CLAIM_ROWS)
    assert not fails, "\n".join(fails)


EVENT_NOUN_ROWS = read_grid("event_nouns_grid_en.tsv")


def test_event_nouns_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: CAMEO's event nouns (kidnapping, siege, embargo, shelling, crackdown …)
    code their author (possessive, adjective of origin, by-phrase) -> patient."""
    fails = _failures(nlp_en, EVENT_NOUN_ROWS)
    assert not fails, "\n".join(fails)


COPULA_PASSIVE_ROWS = read_grid("copula_passive_grid_en.tsv")


def test_copula_passive_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: a past participle whose "be" the parser labels a copula is passive: the
    by-agent acts on the subject."""
    fails = _failures(nlp_en, COPULA_PASSIVE_ROWS)
    assert not fails, "\n".join(fails)


FINITE_ACL_ROWS = read_grid("finite_acl_grid_en.tsv")


def test_finite_acl_conjunct_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: "troops crossed into Iraq and attacked …" parsed with "crossed" as a
    reduced relative: a finite conjunct shows it finite, and the conjunct keeps the subject."""
    fails = _failures(nlp_en, FINITE_ACL_ROWS)
    assert not fails, "\n".join(fails)


OWNERS_ROWS = read_grid("coordinated_owners_grid_en.tsv")


def test_coordinated_owners_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: "the foreign ministers of Russia and China met" codes RUSGOV <-> CHNGOV."""
    fails = _failures(nlp_en, OWNERS_ROWS)
    assert not fails, "\n".join(fails)


LEAVE_ROWS = read_grid("leave_actor_grid_en.tsv")


def test_leaving_needs_an_actor_grid_en(nlp_en) -> None:  # type: ignore[no-untyped-def]
    """Session 24: "left NATO" is a 166 cut in relations; "leaving political advantage on
    the table" is none (``requires=actor``)."""
    fails = _failures(nlp_en, LEAVE_ROWS)
    assert not fails, "\n".join(fails)
