"""Loading the pipeline with the cyclic garbage collector off, and the loaded objects frozen
out of its reach (issue 15: cold start; :func:`lagebild.pipeline._load`)."""
import gc


def test_load_leaves_the_collector_on_and_the_pipeline_frozen():
    from lagebild.pipeline import load

    assert gc.isenabled()
    nlp = load("de")
    assert gc.isenabled()  # switched off only while loading
    assert gc.get_freeze_count() > 0  # the loaded objects are in the permanent generation
    assert "lagebild_events" in nlp.pipe_names


def test_load_keeps_a_disabled_collector_disabled():
    from lagebild.pipeline import _load

    gc.disable()
    try:
        _load.__wrapped__("de", None, "fast")  # a fresh load, not the cached one
        assert not gc.isenabled()
    finally:
        gc.enable()
