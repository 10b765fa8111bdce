"""Fixtures for the actor tests: blank pipelines (tokenizer only) with ``lagebild_actors``,
so the tests depend on the KB and the linker, not on a trained model."""
from __future__ import annotations

from datetime import date
from typing import List, Optional, Tuple

import pytest
import spacy

import lagebild.actors.component  # noqa: F401  (registers the factory)
from lagebild.actors.linker import clear_provisional
from lagebild.tokens import register_extensions

register_extensions()


def _nlp(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_actors", config={"user_kb": False})
    return nlp


@pytest.fixture(scope="session")
def nlp_de():
    return _nlp("de")


@pytest.fixture(scope="session")
def nlp_en():
    return _nlp("en")


@pytest.fixture()
def link(nlp_de, nlp_en):
    """``link(lang, text, "2025-04-19")`` -> the Doc after ``lagebild_actors``."""
    clear_provisional()

    def run(lang: str, text: str, published: Optional[str] = "2025-04-19"):
        nlp = nlp_de if lang == "de" else nlp_en
        doc = nlp.make_doc(text)
        doc._.published = date.fromisoformat(published) if published else None
        return nlp(doc)

    yield run
    clear_provisional()


def pairs(doc) -> List[Tuple[str, str]]:
    """(mention text, actor id) for every mention of ``doc``."""
    return [(m.text, m.actor_id) for m in doc._.mentions]


@pytest.fixture(scope="session")
def nlp_full():
    """The full German pipeline (entity model, parser, linker), loaded once per session."""
    from lagebild.pipeline import load

    return load("de")


def resolve_word(nlp, text: str, published: str, word: str) -> Tuple[str, str]:
    """``(actor id, CAMEO code)`` the full pipeline gives ``word`` in ``text`` at the article
    date ``published`` ("-" for none); ``word`` ending in "," or "." means its last occurrence
    ("Kern," in "Christian Kern ... Kern sagte")."""
    from lagebild.events.realeval import actor_code
    from lagebild.language.reference import resolve_reference

    clear_provisional()
    doc = nlp.make_doc(text)
    doc._.published = date.fromisoformat(published)
    doc = nlp(doc)
    bare = word.rstrip(",.")
    at = text.rindex(bare) if bare != word else text.index(bare)
    actor_id = resolve_reference(doc, at, at + len(bare))
    return actor_id or "-", actor_code(doc._.actors, actor_id) or "-"
