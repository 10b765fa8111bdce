"""Shared fixtures. Data from ../shared is optional: tests that need it skip with a reason."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pytest
import spacy
from hypothesis import settings
from spacy.tokens import Doc

from lagebild import tokens  # noqa: F401  (registers the Doc._ attributes)
from lagebild.schemas import Actor, Mention

# CI runs the property tests on a fixed seed so that a run can be reproduced exactly
# (HYPOTHESIS_PROFILE=ci, set by .ci/run); local runs keep drawing fresh examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_cf532f787b11b18a.txt"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """``path`` under ../shared, or skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared data folder beside the repo is absent)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _own_corpus():
    """Each test is its own corpus: provisional actors learnt from documents that earlier
    tests analysed in this process are forgotten first, so that a test's result does not
    depend on which tests ran before it (the pipelines themselves are cached per process)."""
    from lagebild.actors.provisional import clear_provisional

    clear_provisional()
    yield


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(params=["duckdb", "postgresql"])
def store_target(request, tmp_path: Path):
    """A fresh store location in each backend: a DuckDB file, and a new database on the
    PostgreSQL server named by $LAGEBILD_TEST_PG (.ci/run starts one; skipped without)."""
    if request.param == "duckdb":
        yield str(tmp_path / "test.duckdb")
        return
    admin_url = os.environ.get("LAGEBILD_TEST_PG")
    if not admin_url:
        pytest.skip("set LAGEBILD_TEST_PG to a PostgreSQL URL (scripts/test-postgres.sh starts a server)")
    import psycopg

    name = f"lagebild_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# -- hand-built Docs (spaCy's own testing style): tests do not depend on model quality --

_VOCABS = {}
_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", "“", "«", "”", "'s", "n't", "’"}
_NO_SPACE_AFTER = {"„", "»", "“", "\n\n"}


def build_doc(
    lang: str,
    words: Sequence[str],
    *,
    heads: Optional[Sequence[int]] = None,
    deps: Optional[Sequence[str]] = None,
    pos: Optional[Sequence[str]] = None,
    morphs: Optional[Sequence[str]] = None,
    lemmas: Optional[Sequence[str]] = None,
    sent_starts: Optional[Sequence[int]] = None,
    actors: Sequence[Tuple[str, str, str, Optional[str], Sequence[str]]] = (),
) -> Doc:
    """A Doc from ``words``; ``actors``: (id, type, country, name, [surface strings])
    whose occurrences in the text become mentions."""
    if lang not in _VOCABS:
        _VOCABS[lang] = spacy.blank(lang).vocab
    words = list(words)
    spaces: List[bool] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(bool(nxt) and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER and not nxt.startswith("\n") and not w.endswith("\n"))
    if sent_starts is None:
        sent_starts = [1 if i == 0 else 0 for i in range(len(words))]
        for i in range(1, len(words)):
            if words[i - 1] in {".", "?", "!"}:
                sent_starts[i] = 1
    kwargs = dict(words=words, spaces=spaces, sent_starts=list(sent_starts))
    if heads is not None:
        kwargs["heads"] = list(heads)
        kwargs["deps"] = list(deps)
        kwargs.pop("sent_starts")
    if pos is not None:
        kwargs["pos"] = list(pos)
    if morphs is not None:
        kwargs["morphs"] = list(morphs)
    if lemmas is not None:
        kwargs["lemmas"] = list(lemmas)
    doc = Doc(_VOCABS[lang], **kwargs)
    return attach_actors(doc, actors)


def attach_actors(doc: Doc, actors: Sequence[Tuple[str, str, str, Optional[str], Sequence[str]]] = ()) -> Doc:
    mentions, acts = [], []
    for actor_id, typ, country, name, surfaces in actors:
        acts.append(Actor(id=actor_id, name=name or actor_id, type=typ, country=country))
        for surface in surfaces:
            start = 0
            while True:
                k = doc.text.find(surface, start)
                if k == -1:
                    break
                mentions.append(Mention(actor_id=actor_id, start=k, end=k + len(surface), text=surface))
                start = k + len(surface)
    doc._.actors = acts
    doc._.mentions = sorted(mentions, key=lambda m: m.start)
    return doc


_NLPS = {}


def raw_doc(lang: str, text: str, actors=(), published=None) -> Doc:
    """``text`` through a blank tokenizer + sentencizer (the no-model fallback)."""
    if lang not in _NLPS:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        _NLPS[lang] = nlp
    doc = attach_actors(_NLPS[lang](text), actors)
    doc._.published = published
    return doc


@pytest.fixture
def make_doc():
    return build_doc


@pytest.fixture
def make_raw():
    return raw_doc
