"""spaCy component ``lagebild_actors``: fills ``doc._.mentions`` and ``doc._.actors``.

The linking itself lives in :mod:`lagebild.actors.linker`; the KB in
:mod:`lagebild.actors.kb`. The linker (a token matcher over ~45k KB surface forms, cached on disk) is built
once per pipeline when the component is created, never per document.

Mentions (``schemas.Mention``, sorted by start) cover whole names ("Donald Trump"); a
role directly before a name is part of the name's mention ("US-Außenminister Marco Rubio"
is one mention of Rubio); role-only phrases ("der US-Präsident" -> "US-Präsident") are
mentions of kind "role"; capitals standing for a government are kind "metonymy";
country adjectives kind "adjective"; demonyms ("die Europäer") kind "demonym".
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..language.role_names import add_role_named_persons
from ..tokens import get_list
from .kb import load_kb
from .linker import ActorLinker


@Language.factory(
    "lagebild_actors",
    assigns=["doc._.mentions", "doc._.actors"],
    default_config={"kb_dir": None, "user_kb": True},
)
def make_actors_component(
    nlp: Language, name: str, kb_dir: Optional[str], user_kb: bool
) -> "ActorsComponent":
    return ActorsComponent(nlp, kb_dir=kb_dir, user_kb=user_kb)


class ActorsComponent:
    """Links actor mentions to the KB at the article's date (``doc._.published``)."""

    def __init__(self, nlp: Language, *, kb_dir: Optional[str] = None, user_kb: bool = True) -> None:
        self.kb = load_kb(kb_dir, include_user=user_kb)
        self.linker = ActorLinker(nlp, self.kb)

    def __call__(self, doc: Doc) -> Doc:
        mentions, actors = self.linker(doc)
        doc._.mentions = mentions
        doc._.actors = actors
        get_list(doc, "actors")
        # names the NER missed after a role ("Politologe Laurenz X", "der Budgetsprecher
        # der Grünen, Bruno X"): the language layer adds them as persons with the role's code
        add_role_named_persons(doc)
        return doc
