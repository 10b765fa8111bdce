"""Fixtures of the event coder tests; helpers live in event_docs.py (importable from here)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))


@pytest.fixture(scope="session")
def coder_de():
    from lagebild.events.coder import EventCoder

    # like coder_en: the hand-built docs use invented actors without CAMEO codes; the rule
    # for events with no coded actor (require_political_actor) is tested on its own
    # (test_unseen_news_s24_de.py)
    return EventCoder("de", require_political_actor=False)


@pytest.fixture(scope="session")
def coder_en():
    from lagebild.events.coder import EventCoder

    # the hand-built docs of these tests use invented actors without CAMEO codes; the
    # coded-actor rule of English is tested on its own (test_coder_mechanisms.py)
    return EventCoder("en", require_coded_actor=False)


@pytest.fixture(scope="session")
def nlp_de():
    """The German pipeline (loaded once for the grid and construction tests)."""
    from lagebild.pipeline import load

    return load("de")
