"""RSS feeds that are cut or garbled: feedparser reads them leniently, so the entries it
returns may be cut or missing. Every entry of such a feed says so ([W158]), an entry left
without text fails with the reason, and no cut position raises."""
from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.ingest import IngestFailure, read_paths

TEXTS = [
    "Russia's foreign minister said on Monday that Moscow would not accept new sanctions.",
    "Chancellor Scholz met President Macron in Paris and promised more air defence to Ukraine.",
    "Putin warned NATO against deploying troops in the Baltic states, the Kremlin said.",
]


def _feed() -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>https://example.org/a{i}</link>"
        f"<pubDate>Mon, 0{i + 1} Dec 2025 10:00:00 GMT</pubDate><description>{html.escape(t)}</description></item>"
        for i, t in enumerate(TEXTS)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'


def _read(tmp_path, text: str, name: str = "feed.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_paths([path]))


def test_a_well_formed_feed_has_no_warning(tmp_path):
    items = _read(tmp_path, _feed())
    assert len(items) == 3 and all(not isinstance(i, IngestFailure) and not i.warnings for i in items)


def test_a_feed_cut_inside_an_entry_says_so(tmp_path):
    feed = _feed()
    cut = feed[: feed.index("<item>", feed.index("<item>") + 1) + 60]  # inside the second entry's title
    items = _read(tmp_path, cut)
    ok = [i for i in items if not isinstance(i, IngestFailure)]
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.title for a in ok] == ["Item 0"] and "[W158]" in ok[0].warnings[0]
    assert len(failed) == 1 and "[E005]" in failed[0].reason and "[W158]" in failed[0].reason


def test_an_undefined_entity_is_reported_but_loses_nothing(tmp_path):
    items = _read(tmp_path, _feed().replace("<title>T</title>", "<title>T &bogus;</title>"))
    assert [i.title for i in items] == ["Item 0", "Item 1", "Item 2"]
    assert all(any(w.startswith("[W158]") for w in i.warnings) for i in items)


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(_feed())))
def test_every_cut_position_gives_entries_or_coded_failures(tmp_path_factory, cut):
    tmp_path = tmp_path_factory.mktemp("cut")
    feed = _feed()
    items = _read(tmp_path, feed[:cut])
    for item in items:
        if isinstance(item, IngestFailure):
            assert item.reason.startswith("[E"), item.reason
        else:
            assert item.text.strip()
            if cut < len(feed):  # a cut feed is never silently taken for a whole one
                assert any(w.startswith("[W158]") for w in item.warnings), (cut, item.warnings)
