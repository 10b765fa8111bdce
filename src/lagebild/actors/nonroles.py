"""Role nouns used in a sense that names no role (issue 11, session 26).

Three kinds, each read from ``data/kb/linking.yaml`` (keys named below), shared by the actor
linker (``ActorLinker._drop_non_roles``) and the reference resolver
(``lagebild.language.reference``), so that a word the linker drops does not come back as a
group or description:

- a body part (``body_part_roles``, ``personal_possessive``, ``body_part_preps``): English
  "head" after a personal possessive ("her head") or a preposition + "the" ("shot a
  protester in the head"), unless "of" follows ("the head of the police");
- a sport official (``sport_roles``): "Schiedsrichter" (whose head "Richter" is a judge),
  "referee" -- the gold codes sport people as no political actor
  (``benchmarks/gold/real-de/README.md``), the CAMEO codebook has no sport agent;
- an ambiguous rank (``ambiguous_ranks``): "captain" (a team's, a ship's) with no military
  context -- neither a title before a capitalised name ("Captain John Miller") nor a
  military word (a MIL role noun of the KB other than the rank, or a mention coded MIL) in
  the same or the previous sentence.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, FrozenSet, Optional

from spacy.tokens import Doc

#: inflection endings a sport-official stem may carry ("Schiedsrichterin", "-richtern")
_ENDINGS = ("", "s", "n", "en", "in", "innen")


class NonRoles:
    """The non-role readings of one language, built from a KB (:func:`lagebild.actors.kb.load_kb`)."""

    def __init__(self, kb, lang: str) -> None:  # type: ignore[no-untyped-def]
        lk = kb.linking or {}

        def pick(name: str) -> FrozenSet[str]:
            return frozenset(str(w).lower() for w in (lk.get(name, {}) or {}).get(lang, []) or [])

        self.lang = lang
        self.body_parts = pick("body_part_roles")
        self.possessives = pick("personal_possessive")
        self.preps = pick("body_part_preps")
        self.of_words = pick("of")
        self.sport_stems = tuple(sorted(pick("sport_roles"), key=len, reverse=True))
        self.ranks = pick("ambiguous_ranks")
        # forms of the KB's military role nouns ("army", "troops", "soldier", "general")
        self.military_forms = frozenset(
            form.lower() for noun in kb.role_nouns if noun.lang == lang and noun.agent == "MIL"
            and noun.term.lower() not in self.ranks and " " not in noun.term
            for form, _ in noun.forms
        )

    def active(self) -> bool:
        """Whether any rule has words for this language."""
        return bool(self.body_parts or self.sport_stems or self.ranks)

    def sport_official(self, word: str) -> bool:
        """Whether ``word`` ends in a sport-official stem and at most an inflection ending
        ("FIFA-Schiedsrichterin" -> True, "Richter" -> False)."""
        low = word.lower()
        for stem in self.sport_stems:
            at = low.rfind(stem)
            if at >= 0 and low[at + len(stem):] in _ENDINGS:
                return True
        return False

    def body_part(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` of ``doc`` is a body-part noun used as one."""
        if doc[i].lower_ not in self.body_parts:
            return False
        if i + 1 < len(doc) and doc[i + 1].lower_ in self.of_words:
            return False
        prev = doc[i - 1].lower_ if i >= 1 else ""
        prev2 = doc[i - 2].lower_ if i >= 2 else ""
        return prev in self.possessives or (prev == "the" and prev2 in self.preps)

    def rank_without_military(self, doc: Doc, i: int, military_at: Optional[Callable[[int], bool]] = None) -> bool:
        """Whether token ``i`` is an ambiguous rank with no military context;
        ``military_at(j)``: whether token ``j`` belongs to a military mention (the caller's
        own reading, e.g. a KB body coded MIL), besides the KB's military nouns."""
        if doc[i].lower_ not in self.ranks:
            return False
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.pos_ in ("PROPN", ""):
            return False  # "Captain John Miller": the rank as a title
        lo, hi = 0, len(doc)
        if doc.has_annotation("SENT_START"):
            sent = doc[i].sent
            lo, hi = sent.start, sent.end
            if lo > 0:
                lo = doc[lo - 1].sent.start
        for j in range(lo, hi):
            if j == i:
                continue
            if doc[j].lower_ in self.military_forms or (military_at is not None and military_at(j)):
                return False
        return True

    def rules_out(self, doc: Doc, i: int, military_at: Optional[Callable[[int], bool]] = None) -> bool:
        """Whether the role noun at token ``i`` names no role here (any of the three kinds)."""
        return self.body_part(doc, i) or self.sport_official(doc[i].text) \
            or self.rank_without_military(doc, i, military_at)


@lru_cache(maxsize=4)
def non_roles(lang: str) -> NonRoles:
    """The :class:`NonRoles` of ``lang`` from the built-in KB (cached)."""
    from .kb import load_kb

    return NonRoles(load_kb(include_user=False), lang)
