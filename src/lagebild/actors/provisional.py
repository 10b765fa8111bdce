"""Provisional actors: people and organisations a model found that the KB does not know.

They get the id ``prov:<normalised name>`` and live in a process-wide registry, so that a
name seen in one document keeps its id in the next ones. The store persists them (actors
with ``provisional=True``); ingest/analyze can preload them with
``register_provisional(store.provisional_actors())``.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Dict, Iterable, Iterator, List

from ..schemas import Actor
from .build import slug

_registry: Dict[str, Actor] = {}
_registry_lock = threading.Lock()
_registry_version = [0]  # bumped by clear_provisional(): linkers then start over
_order: List[str] = []  # ids in the order they were registered (linkers sync incrementally)
_frozen = [False]  # True: documents do not teach later documents new provisional actors


def provisional_id(name: str) -> str:
    """``"Vitaly Portnikov"`` -> ``"prov:vitaly_portnikov"``."""
    return "prov:" + slug(name)


def register_provisional(actors: Iterable[Actor | dict]) -> int:
    """Make provisional actors (e.g. loaded from the store) known to every linker: their
    names are matched in later documents and they keep their id. Returns how many were new."""
    added = 0
    with _registry_lock:
        for actor in actors:
            if isinstance(actor, dict):
                actor = Actor.from_dict(actor)
            if not actor.id or not actor.name:
                continue
            if actor.id not in _registry:
                added += 1
                _order.append(actor.id)
            _registry[actor.id] = Actor(
                id=actor.id, name=actor.name, type=actor.type, country=actor.country,
                role=actor.role, code=actor.code, provisional=True, wikidata=actor.wikidata,
            )
    return added


def learn_provisional(actors: Iterable[Actor]) -> int:
    """What the linker calls with the provisional actors a document introduced: registered
    for the following documents, unless :func:`freeze_provisional` is in force."""
    if _frozen[0]:
        return 0
    return register_provisional(actors)


@contextmanager
def freeze_provisional() -> Iterator[None]:
    """Within the block, each document sees the provisional actors registered before it
    (e.g. preloaded from the store) but none that another document of the block found.

    Parallel ingest runs its workers frozen so that a document's analysis does not depend
    on which worker analysed which earlier documents: results are the same for any number
    of workers and for the Ray engine. The store still keeps every provisional actor,
    and the next run preloads them.
    """
    before = _frozen[0]
    _frozen[0] = True
    try:
        yield
    finally:
        _frozen[0] = before


def provisional_actors() -> List[Actor]:
    """Every provisional actor known in this process."""
    with _registry_lock:
        return list(_registry.values())


def registered_since(index: int) -> List[Actor]:
    """Provisional actors registered after the first ``index`` ones."""
    with _registry_lock:
        return [_registry[i] for i in _order[index:]]


def clear_provisional() -> None:
    """Forget every provisional actor (tests; a new corpus)."""
    with _registry_lock:
        _registry.clear()
        _order.clear()
        _registry_version[0] += 1
