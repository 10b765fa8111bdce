"""lagebild events: CAMEO/PLOVER event coding with modality (component ``lagebild_events``).

- :mod:`.coder` — the dependency-based coder; :mod:`.modality` — modality and negation
- :mod:`.patterns` — pattern files; :mod:`.cameo` — the CAMEO ontology and PLOVER crosswalk
- :mod:`.petrarch` — PETRARCH dictionary readers and the unit-test evaluation
"""
