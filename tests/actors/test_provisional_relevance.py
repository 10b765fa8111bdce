"""Which provisional actors can influence a document's analysis (parallel ingest uses
this to know when a document analysed ahead must be analysed again)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.actors.build import slug
from lagebild.actors.provisional import (
    Learning, clear_provisional, influencing, learn_provisional, provisional_id, record_learning,
    register_provisional, relevant_provisional,
)
from lagebild.schemas import Actor


def _actor(name: str, type_: str = "PER") -> Actor:
    return Actor(id=provisional_id(name), name=name, type=type_, provisional=True)


TEXT = "Wie Vitaly Portnikov am Montag sagte, habe die Ukraine Merkels Plan abgelehnt."


def test_relevant_keeps_names_in_the_text_and_drops_others():
    actors = [_actor("Vitaly Portnikov"), _actor("Irmgard Griss"), _actor("Merkel"), _actor("Co", "ORG")]
    got = [r["id"] for r in relevant_provisional(actors, TEXT)]
    # "Merkels" holds "Merkel" (a genitive); the folded text has no "griss" and no "co"
    assert got == ["prov:vitaly_portnikov", "prov:merkel"]


@given(st.text(min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 30))
def test_every_span_of_the_text_is_relevant_to_it(text, start, length):
    """Whatever span of the text the linker turns into a name or an id (plain, or less a
    genitive s), the actor of that name/id is kept: the test never drops a relevant one."""
    span = text[start:start + length]
    if not span.strip():
        return
    actors = [Actor(id="prov:" + slug(span), name=span, type="PER", provisional=True),
              Actor(id="prov:" + slug(span[:-1]), name="anything else", type="PER", provisional=True)]
    assert len(relevant_provisional(actors, text)) == 2


def test_influencing_uses_lookups_and_tokens():
    actors = [_actor("Vitaly Portnikov"), _actor("Irmgard Griss"), _actor("Co", "ORG")]
    tokens = lambda name: tuple(name.split())  # noqa: E731
    orths = set(TEXT.replace(",", " ,").replace(".", " .").split())
    got = [r["id"] for r in influencing(actors, {"prov:irmgard_griss"}, orths, TEXT, tokens)]
    assert got == ["prov:vitaly_portnikov", "prov:irmgard_griss"]  # by name tokens, by lookup
    # without a tokenizer: the (coarser) text test for names
    assert [r["id"] for r in influencing(actors, set(), orths, TEXT, None)] == ["prov:vitaly_portnikov"]


def test_learning_is_recorded_per_document_and_filtered_by_the_registry():
    clear_provisional()
    register_provisional([_actor("Irmgard Griss")])
    key_a, key_b = object(), object()
    with record_learning() as rec:
        assert isinstance(rec, Learning)
        assert learn_provisional([_actor("Irmgard Griss"), _actor("Vitaly Portnikov")], key=key_a) == 1
        learn_provisional([], key=key_b)
    assert [r["id"] for r in rec.calls[id(key_a)][0]] == ["prov:irmgard_griss", "prov:vitaly_portnikov"]
    assert "prov:vitaly_portnikov" in rec.lookups[id(key_a)]  # the filter looked it up
    assert id(key_b) not in rec.calls and rec.lookups[id(key_b)] == set()
    clear_provisional()


def test_influencing_with_token_sequences_needs_the_name_contiguous():
    """The phrase matcher finds a registered name only where its tokens stand together:
    with the Doc's token sequence, a name whose tokens are all in the text but apart
    ("Ukraine ... Plan") cannot have changed the analysis; one that stands together can."""
    actors = [_actor("Vitaly Portnikov"), _actor("Ukraine Plan"), _actor("Plan abgelehnt")]
    tokens = lambda name: tuple(name.split())  # noqa: E731
    seq = tuple(TEXT.replace(",", " ,").replace(".", " .").split())
    orths = set(seq)
    scattered = [r["id"] for r in influencing(actors, set(), orths, TEXT, tokens)]
    assert scattered == ["prov:vitaly_portnikov", "prov:ukraine_plan", "prov:plan_abgelehnt"]
    exact = [r["id"] for r in influencing(actors, set(), set(), TEXT, tokens, [seq])]
    assert exact == ["prov:vitaly_portnikov", "prov:plan_abgelehnt"]
    # windows of a long text are separate sequences: a name across a window cut is not found
    cut = [seq[: seq.index("Portnikov")], seq[seq.index("Portnikov"):]]
    assert [r["id"] for r in influencing(actors[:1], set(), set(), TEXT, tokens, cut)] == []
    # a looked-up id counts whatever the tokens
    assert [r["id"] for r in influencing(actors[1:2], {"prov:ukraine_plan"}, set(), TEXT, tokens, [seq])] == [
        "prov:ukraine_plan"]


_WORDS = st.sampled_from(["Max", "Muster", "Frau", "sagte", ",", ".", "Max-Muster", "\n\n", "der"])


@settings(deadline=None)  # the first example loads spaCy
@given(st.lists(_WORDS, max_size=30), st.lists(_WORDS, min_size=1, max_size=4), st.integers(1, 3))
def test_contiguous_test_equals_the_phrase_matcher(words, name, windows):
    """For any token sequence (split into windows, each its own Doc) and any name: the
    name counts as occurring exactly when spaCy's PhraseMatcher on ORTH finds it."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    nlp = spacy.blank("de")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("name", [Doc(nlp.vocab, words=name)])
    size = max(1, -(-len(words) // windows))
    sequences = [tuple(words[i:i + size]) for i in range(0, len(words), size)] or [()]
    found = any(matcher(Doc(nlp.vocab, words=list(seq))) for seq in sequences if seq)
    actor = {"id": "prov:x", "name": " ".join(name), "type": "PER"}
    got = influencing([actor], set(), set(), "", lambda _: tuple(name), sequences)
    assert bool(got) == found


@given(st.text(alphabet="abcxyz 0129Äé-", max_size=80), st.lists(st.text(alphabet="abcxyz 0129Äé-", min_size=1, max_size=12), max_size=6))
def test_relevance_prefilter_changes_nothing(text, names):
    """The trigram prefilter of relevant_provisional only skips a text scan whose answer
    is no: the result equals the plain substring test for every actor."""
    from lagebild.actors.provisional import _fold, _parts

    actors = [{"id": provisional_id(n), "name": n, "type": "PER"} for n in names]
    folded = _fold(text)
    expected = [a["id"] for a in actors if any(
        all(p in folded for p in parts) for parts in _parts(a["id"], a["name"]))]
    assert [r["id"] for r in relevant_provisional(actors, text)] == expected
