"""Place names that several places share (actors/homonyms.py): "City, Region" pairs, cue
words of sub-national offices and the document's other places decide the reading.
Sentences are our own; blank pipelines (no parser, no NER)."""
from __future__ import annotations

import pytest

from .conftest import pairs

GEORGIA_US, GEORGIA = "loc:georgia", "GEO"


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # cue word of a sub-national office or unit
        ("en", "The governor of Georgia signed the bill.", [("governor of Georgia", "USAGOV")]),
        ("en", "Lawmakers in the state of Georgia voted.", [("Georgia", GEORGIA_US)]),
        ("de", "Der Gouverneur von Georgia unterzeichnete das Gesetz.", [("Gouverneur von Georgia", "USAGOV")]),
        ("de", "Im US-Bundesstaat Georgia wurde gewählt.", [("Georgia", GEORGIA_US)]),
        # context: other places of the document vote for their country
        ("en", "Storms hit Atlanta. Georgia asked for help.", [("Atlanta", "loc:atlanta"), ("Georgia", GEORGIA_US)]),
        ("en", "Protests filled Tbilisi. Georgia recalled its envoy.", [("Tbilisi", "GEOGOV"), ("Georgia", GEORGIA), ("envoy", "GEOGOV")]),
        ("en", "Georgia recalled its envoy to Moscow.", [("Georgia", GEORGIA), ("envoy", "GEOGOV"), ("Moscow", "loc:moscow")]),
        # no evidence either way: the country (the gazetteer's first reading)
        ("en", "Georgia recalled its envoy.", [("Georgia", GEORGIA), ("envoy", "GEOGOV")]),
        # City, Region of another country: a town in that region, never the capital's government
        ("en", "The mayor of Paris, Texas, met reporters.", [("mayor of Paris, Texas", "USAGOV")]),
        ("en", "Paris, Texas, held a vote.", [("Paris, Texas", "loc:texas")]),
        ("en", "Officials in Moscow, Idaho, closed the campus.", [("Moscow, Idaho", "loc:idaho")]),
        ("de", "Der Bürgermeister von Paris, Texas, sprach.", [("Bürgermeister von Paris, Texas", "USAGOV")]),
        # ... but a city and its own country or region stay as they are
        ("en", "Paris, France, held a vote.", [("Paris", "FRAGOV"), ("France", "FRA")]),
        ("en", "The mayor of Atlanta, Georgia, spoke.", [("mayor of Atlanta", "USAGOV"), ("Georgia", GEORGIA_US)]),
        # an office of a town is its country's agent, not a national office holder
        ("de", "Der Bürgermeister von Charkiw warnte.", [("Bürgermeister von Charkiw", "UKRGOV")]),
        ("en", "The mayor of Munich warned.", [("mayor of Munich", "DEUGOV")]),
    ],
)
def test_place_homonyms(link, lang, text, expected):
    assert pairs(link(lang, text, "2024-10-03")) == expected
