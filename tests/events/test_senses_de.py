"""Sense grid (issue 9): own German sentences for each word sense that coded a wrong CAMEO
root on fresh real-news dev articles, with the reading each trigger must keep
(``sense_grid_de.tsv``). Every row must pass: the rows are narrow and each names its kind."""
from __future__ import annotations

from grid_rows import actor_ok, coded_events, read_grid


def row_ok(row, codes):
    """Whether the coded CAMEO ``codes`` of a sentence satisfy the row's want/not columns."""
    want = row["want"].strip()
    banned = {r.strip() for r in (row.get("not") or "").split(",") if r.strip()}
    if any(c[:2] in banned for c in codes):
        return False
    if want == "---":
        return not codes
    if want == "*":
        return True
    if len(want) == 2:
        return any(c[:2] == want for c in codes)
    return want in codes


def triple_failures(nlp, rows):
    """The rows of a (source, target, root) grid whose sentence codes no event with the
    row's source, target and root ("*" = any), each as a printable line naming its kind."""
    failures = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        got = coded_events(doc)
        if not any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and (row["root"] == "*" or c[:2] == row["root"])
                   for s, t, c in got):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['source']}->{row['target']} {row['root']}  got {got}")
    return failures


def test_row_ok_semantics():
    assert row_ok({"want": "---", "not": ""}, [])
    assert not row_ok({"want": "---", "not": ""}, ["040"])
    assert row_ok({"want": "18", "not": "04"}, ["180"])
    assert not row_ok({"want": "18", "not": "04"}, ["180", "040"])
    assert row_ok({"want": "116", "not": ""}, ["116"])
    assert not row_ok({"want": "116", "not": ""}, ["111"])
    assert row_ok({"want": "*", "not": "17"}, ["020"])
    assert not row_ok({"want": "*", "not": "17"}, ["173"])


def want_not_failures(nlp, rows):
    """The rows of a want/not grid (:func:`row_ok`) whose text (one document each) codes
    otherwise, each as a printable line naming its kind."""
    failures = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        codes = [e.cameo for e in doc._.events if e.cameo]
        if not row_ok(row, codes):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['want']} not {row['not'] or '-'}  got {codes}")
    return failures


def assert_want_not_grid(nlp, name: str, label: str, min_rows: int) -> None:  # type: ignore[no-untyped-def]
    """Read the want/not grid ``name`` (at least ``min_rows`` rows), print its pass rate
    under ``label`` and fail with every failing row (each names its kind)."""
    rows = read_grid(name)
    assert len(rows) >= min_rows
    failures = want_not_failures(nlp, rows)
    print(f"{label}: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_sense_grid_de(nlp_de):
    assert_want_not_grid(nlp_de, "sense_grid_de.tsv", "sense grid de", 35)


def test_fresh_mechanism_grid_de(nlp_de):
    rows = read_grid("fresh_grid_de.tsv")
    assert len(rows) >= 15
    failures = []
    for row, doc in zip(rows, nlp_de.pipe(r["text"] for r in rows)):
        got = coded_events(doc)
        if not any(actor_ok(row["source"], s) and actor_ok(row["target"], t) and c[:2] == row["root"] for s, t, c in got):
            failures.append(f"  [{row['kind']}] {row['text']}  want {row['source']}->{row['target']} {row['root']}  got {got}")
    print(f"fresh mechanism grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_reference_mechanism_grid_de(nlp_de):
    """Datelines taken for the subject, judgement speech acts, self-denials and evaluative
    predications (``reference_grid_de.tsv``, session 20): every row must pass."""
    rows = read_grid("reference_grid_de.tsv")
    assert len(rows) >= 15
    failures = triple_failures(nlp_de, rows)
    print(f"reference mechanism grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_evaluative_predication_needs_speaker_and_affirmed_judgement(nlp_de):
    """A copular judgement codes 111 only when a speaker says it and it is not negated;
    a speaker denying their own side's act codes 016 only for their own side."""
    texts = [
        "Die Entscheidung der Regierung in Moskau ist kein Fehler, sagte Präsident Wladimir Putin.",
        "Die Pläne des Innenministers Thomas de Maizière sind verantwortungslos.",
        "Die Lage in Syrien ist gefährlich, sagte Bundeskanzlerin Angela Merkel.",
        "Bundeskanzlerin Angela Merkel sagte, Russland habe die Ukraine nicht angegriffen.",
    ]
    for text, doc in zip(texts, nlp_de.pipe(texts)):
        codes = [e.cameo for e in doc._.events if e.pattern in (None, "evaluative-predication") or e.cameo == "016"]
        assert "111" not in codes and "016" not in codes, (text, codes)


def test_dateline_and_binding_grid_de(nlp_de):
    """Datelines the parser made the root or subject of a lead sentence, and subject
    pronouns beside a fronted object (``mechanisms_s21_grid_de.tsv``, session 21): every row must
    pass; a failing row names its kind."""
    rows = read_grid("mechanisms_s21_grid_de.tsv")
    assert len(rows) >= 15
    failures = triple_failures(nlp_de, rows)
    print(f"dateline/binding grid de: {len(rows) - len(failures)}/{len(rows)}")
    assert not failures, "\n".join(failures)


def test_argument_sense_grid_de(nlp_de):
    """Issue 9, session 25: the root of a verb decided by the class of its subject or object
    (flag ``arg=``), by a sense exclusion that a plain row of the same root must not undo, and
    by the attacker's means and agent -- own sentences, one kind per wrong root of the events
    audit s25-root, each beside the reading the trigger keeps (``argument_sense_grid_de.tsv``)."""
    assert_want_not_grid(nlp_de, "argument_sense_grid_de.tsv", "argument sense grid de", 30)
