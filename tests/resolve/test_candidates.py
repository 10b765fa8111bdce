"""Resolution candidates on hand-built stored documents (no language model involved)."""
from datetime import date

import pytest

from lagebild.resolve.candidates import (
    DEFAULT_HORIZON_DAYS, ActorInfo, actor_match, cameo_match, load, propose, resolution_queue,
)
from lagebild.schemas import Actor, Document, Event, Forecast
from lagebild.store import Store

ACTORS = {
    "RUS": Actor(id="RUS", name="Russia", type="GPE", country="RUS", code="RUS"),
    "RUSGOV": Actor(id="RUSGOV", name="Russian government", type="ORG", country="RUS", code="RUSGOV"),
    "RUSMIL": Actor(id="RUSMIL", name="Russian military", type="ORG", country="RUS", code="RUSMIL"),
    "putin": Actor(id="per:vladimir_putin", name="Vladimir Putin", type="PER", country="RUS", code="RUSGOV"),
    "UKR": Actor(id="UKR", name="Ukraine", type="GPE", country="UKR", code="UKR"),
    "zel": Actor(id="per:volodymyr_zelensky", name="Volodymyr Zelensky", type="PER", country="UKR", code="UKRGOV"),
    "kharkiv": Actor(id="loc:kharkiv", name="Kharkiv", type="LOC", country="UKR", code="UKR"),
    "CHN": Actor(id="CHN", name="China", type="GPE", country="CHN", code="CHN"),
    "TWN": Actor(id="TWN", name="Taiwan", type="GPE", country="TWN", code="TWN"),
    "USA": Actor(id="USA", name="United States", type="GPE", country="USA", code="USA"),
    "DEU": Actor(id="DEU", name="Germany", type="GPE", country="DEU", code="DEU"),
}


def info(key):
    a = ACTORS[key]
    return ActorInfo(a.id, a.name, a.type, a.country, a.code)


@pytest.mark.parametrize("a,b,grade", [
    ("RUS", "RUS", 1.0),
    ("putin", "RUSGOV", 0.9),   # a government and its leader
    ("RUSGOV", "putin", 0.9),
    ("RUS", "RUSGOV", 0.75),    # a country and its government
    ("RUS", "RUSMIL", 0.75),    # … and its military
    ("RUS", "putin", 0.75),     # … and its leader
    ("UKR", "kharkiv", 0.75),   # … and its cities
    ("RUSGOV", "RUSMIL", 0.5),  # two bodies of one country
    ("putin", "RUSMIL", 0.5),
    ("RUS", "UKR", 0.0),
    ("putin", "zel", 0.0),
    ("CHN", "TWN", 0.0),
])
def test_actor_compatibility_grades(a, b, grade):
    got, why = actor_match(info(a), info(b))
    assert got == grade, why
    assert why


@pytest.mark.parametrize("want,found,grade", [
    ("190", "190", 1.0),    # same code
    ("190", "194", 0.75),   # same root (19 fight)
    ("193", "190", 0.75),
    ("163", "162", 0.75),
    ("111", "112", 0.75),
    ("190", "183", 0.5),    # PLOVER ASSAULT both (fight, unconventional violence)
    ("172", "145", 0.25),   # COERCE vs PROTEST: both material conflict
    ("190", "150", 0.25),   # ASSAULT vs MOBILIZE
    ("040", "020", 0.25),   # verbal cooperation
    ("190", "040", 0.0),    # fight vs consult
    ("111", "190", 0.0),    # verbal vs material conflict
])
def test_cameo_compatibility_grades(want, found, grade):
    got, why = cameo_match(want, found)
    assert got == grade, why


def test_cameo_grade_orders_code_root_plover_quad():
    grades = [cameo_match("190", c)[0] for c in ("190", "195", "183", "150", "040")]
    assert grades == sorted(grades, reverse=True) and grades[-1] == 0


def _doc(doc_id, published, actors, events=(), forecasts=(), authors=("Markus Feldmann",)):
    text = " ".join(e.sentence for e in events) or "x"
    return Document(
        id=doc_id, source=f"{doc_id}.txt", language="en", title=doc_id, authors=list(authors),
        published=published, sections=[], captions=[], text=text,
        actors=[ACTORS[a] for a in actors], events=list(events), forecasts=list(forecasts),
    )


def _fc(text, source, cameo, target, *, start=None, end=None, p=0.75, negated=False, condition=None, cond_event=None):
    hz = {"text": "t", "start": start, "end": end} if end else None
    return Forecast(holder="author", text=text, span=(0, len(text)), probability=p, horizon=hz, negated=negated,
                    predicted={"source": source, "cameo": cameo, "target": target}, condition=condition,
                    condition_event=cond_event)


def _ev(source, cameo, target, when, modality="asserted", negated=False, sentence="s."):
    return Event(source=source, target=target, cameo=cameo, modality=modality, negated=negated, date=when, sentence=sentence, span=(0, 2))


@pytest.fixture()
def store(store_target):
    with Store(store_target) as st:
        st.save(_doc("fc", "2024-03-01", ["RUS", "UKR", "putin", "zel", "CHN", "TWN", "USA", "DEU"], forecasts=[
            _fc("Russia will attack Ukraine in the summer", "RUS", "190", "UKR", start="2024-06-01", end="2024-08-31"),
            _fc("Putin will not meet Zelensky this year", "per:vladimir_putin", "040", "per:volodymyr_zelensky",
                start="2024-01-01", end="2024-12-31", negated=True, p=0.8),
            _fc("If China attacks Taiwan, the US will impose sanctions on China", "USA", "163", "CHN",
                condition="If China attacks Taiwan", cond_event={"source": "CHN", "cameo": "190", "target": "TWN"}),
            _fc("If Russia attacks Ukraine, Germany will send tanks", "DEU", "072", "UKR",
                condition="If Russia attacks Ukraine", cond_event={"source": "RUS", "cameo": "190", "target": "UKR"}),
            _fc("Germany will send tanks", "DEU", "072", "UKR"),  # no horizon: the default one
        ]))
        st.save(_doc("n1", "2024-04-10", ["RUSMIL", "UKR"], [_ev("RUSMIL", "190", "UKR", "2024-04-09")]))  # before the horizon
        st.save(_doc("n2", "2024-07-10", ["RUSMIL", "UKR", "kharkiv"], [
            _ev("RUSMIL", "190", "UKR", "2024-07-09"), _ev("RUSMIL", "194", "loc:kharkiv", "2024-07-08"),
            _ev("RUS", "190", "UKR", "2024-07-09", modality="threatened"),  # not a fact
            _ev("RUS", "190", "UKR", "2024-07-09", negated=True),
        ]))
        st.save(_doc("n3", "2024-09-05", ["putin", "zel"], [_ev("per:volodymyr_zelensky", "040", "per:vladimir_putin", "2024-09-04")]))
        st.save(_doc("n4", "2025-02-01", ["DEU", "UKR"], [_ev("DEU", "072", "UKR", "2025-01-30")]))
        st.save(_doc("n5", "2025-06-01", ["DEU", "UKR"], [_ev("DEU", "072", "UKR", "2025-05-30")]))  # after the default horizon
        yield st


def _by_text(items, start):
    return next(i for i in items if i["text"].startswith(start))


def test_candidates_inside_horizon_ranked_with_reasons(store):
    items = resolution_queue(store, date(2025, 12, 31))
    summer = _by_text(items, "Russia will attack")
    ids = [c["event_id"] for c in summer["candidates"]]
    assert ids == ["n2:e0", "n2:e1"]  # not the April attack, not the threat, not the negated one
    best = summer["candidates"][0]
    assert 0 < best["score"] <= 1 and best["score"] > summer["candidates"][1]["score"]
    assert any("same CAMEO code 190" in r for r in best["reasons"])
    assert any("Russian military belongs to Russia" in r for r in best["reasons"])
    assert summer["proposal"]["outcome"] == "true" and summer["status"] == "due"


def test_negated_forecast_resolved_by_absence_or_counter_evidence(store):
    items = resolution_queue(store, date(2025, 12, 31))
    meet = _by_text(items, "Putin will not meet")
    assert [c["event_id"] for c in meet["candidates"]] == ["n3:e0"]  # a meeting is symmetric: roles swapped
    assert any("roles swapped" in r for r in meet["candidates"][0]["reasons"])
    assert meet["proposal"]["outcome"] == "false"
    # without the meeting: proposed true once the horizon is over
    store.delete("n3")
    meet = _by_text(resolution_queue(store, date(2025, 12, 31)), "Putin will not meet")
    assert meet["candidates"] == [] and meet["proposal"]["outcome"] == "true"
    assert _by_text(resolution_queue(store, date(2024, 11, 1), include_open=True), "Putin will not meet")["proposal"] is None


def test_condition_not_met_gets_no_proposal(store):
    items = resolution_queue(store, date(2025, 12, 31))
    taiwan = _by_text(items, "If China attacks Taiwan")
    assert taiwan["status"] == "condition not met"
    assert taiwan["candidates"] == [] and taiwan["proposal"] is None and taiwan["condition_evidence"] == []


def test_condition_that_held_opens_the_forecast(store):
    items = resolution_queue(store, date(2025, 12, 31))
    tanks = _by_text(items, "If Russia attacks Ukraine")
    assert tanks["condition_evidence"][0]["event_id"] in ("n1:e0", "n2:e0")
    assert [c["event_id"] for c in tanks["candidates"]] == ["n4:e0"]  # within the default horizon
    assert tanks["horizon"]["default"] is True


def test_default_horizon(store):
    ev = load(store)
    fc = next(f for f in ev.forecasts if f.text == "Germany will send tanks")
    item = propose(ev, fc, date(2026, 1, 1))
    assert item["horizon"]["end"] == "2025-03-01" and DEFAULT_HORIZON_DAYS == 365
    assert [c["event_id"] for c in item["candidates"]] == ["n4:e0"]  # not n5 (after the horizon)
    assert any("default horizon" in r for r in item["candidates"][0]["reasons"])


def test_as_of_hides_later_evidence(store):
    items = resolution_queue(store, date(2024, 7, 1), include_open=True)
    summer = _by_text(items, "Russia will attack")
    assert summer["candidates"] == [] and summer["status"] == "open" and summer["proposal"] is None
