"""ProvisionalIndex (the parallel ingest's indexed registry) answers exactly what
relevant_provisional and influencing answer over the whole registry, for any registry,
text, lookups and token sequences, as the registry grows, gets a new record for an id,
or is cleared."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.actors.provisional import (
    ProvisionalIndex,
    clear_provisional,
    influencing,
    provisional_actors,
    provisional_id,
    register_provisional,
    relevant_provisional,
)
from lagebild.schemas import Actor

WORDS = ["Anna", "Berger", "Ölz", "Müller", "AB", "X", "Li", "Wang", "de", "la", "Fuente", "3M", "Öko-Institut", "Ba"]
NAMES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
TEXTS = st.lists(st.sampled_from(WORDS + ["sagte", ".", ",", "die", "Berger-Plan", "Annas"]), max_size=30)


def tokens(name: str):
    return tuple(name.replace("-", " - ").split())


STEP = st.one_of(
    st.tuples(st.just("add"), st.lists(NAMES, min_size=1, max_size=4)),
    st.tuples(st.just("rename"), NAMES),  # a registered id gets a new record
    st.tuples(st.just("clear"), st.none()),
    st.tuples(st.just("ask"), st.tuples(TEXTS, TEXTS, st.lists(NAMES, max_size=3))),
)


@settings(deadline=None, max_examples=150)
@given(st.lists(STEP, min_size=1, max_size=12))
def test_index_equals_the_plain_tests_over_the_whole_registry(steps):
    clear_provisional()
    index = ProvisionalIndex()
    try:
        for kind, arg in steps:
            if kind == "add":
                register_provisional([Actor(id=provisional_id(n), name=n, type="PER", provisional=True) for n in arg])
            elif kind == "rename" and provisional_actors():
                first = provisional_actors()[0]
                register_provisional([Actor(id=first.id, name=arg, type="ORG", provisional=True)])
            elif kind == "clear":
                clear_provisional()
            elif kind == "ask":
                words, other, looked = arg
                text = " ".join(words)
                sequences = [tuple(words), tuple(other)]
                lookups = {provisional_id(n) for n in looked}
                known = provisional_actors()
                assert index.relevant(text) == relevant_provisional(known, text)
                assert index.influencing(lookups, text, tokens, sequences) == influencing(
                    known, lookups, set(), text, tokens, sequences)
                assert index.influencing(lookups, text, None, sequences) == influencing(
                    known, lookups, set(), text, None, sequences)
    finally:
        clear_provisional()


def test_index_finds_a_learnt_name_and_skips_absent_ones():
    clear_provisional()
    try:
        index = ProvisionalIndex()
        register_provisional([Actor(id=provisional_id("Anna Berger"), name="Anna Berger", type="PER", provisional=True)])
        assert [r["name"] for r in index.relevant("Laut Anna Berger ist es so.")] == ["Anna Berger"]
        assert index.relevant("Laut Wang ist es so.") == []
        seq = [("Laut", "Anna", "Berger", "ist")]
        assert [r["name"] for r in index.influencing(set(), "", tokens, seq)] == ["Anna Berger"]
        assert index.influencing(set(), "", tokens, [("Berger", "Anna")]) == []
        register_provisional([Actor(id=provisional_id("Li Wang"), name="Li Wang", type="PER", provisional=True)])
        assert [r["name"] for r in index.relevant("Li Wang und Anna Berger")] == ["Anna Berger", "Li Wang"]
    finally:
        clear_provisional()
