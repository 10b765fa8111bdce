"""lagebild keeps PyTorch out of thinc's import (start-up cost) and leaves ``import torch``
working for the accurate pipeline; opt-out and already-imported cases leave thinc alone."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")

HAS_TORCH = importlib.util.find_spec("torch") is not None


def _run(code: str, **env: str) -> str:
    environment = {**os.environ, "PYTHONPATH": SRC, **env}
    environment.pop("LAGEBILD_THINC_TORCH", None)
    environment.update(env)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


CASES = [
    # (case, environment, code run before `import lagebild`, expected "torch imported by import lagebild")
    ("default: thinc without torch", {}, "", False),
    ("opt-out by LAGEBILD_THINC_TORCH=1", {"LAGEBILD_THINC_TORCH": "1"}, "", True),
    ("thinc imported first: left alone", {}, "import thinc.compat", True),
]


@pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed: thinc cannot import it anyway")
@pytest.mark.parametrize("case,env,before,imported", CASES, ids=[c[0] for c in CASES])
def test_import_lagebild_and_torch(case, env, before, imported):
    code = (
        f"{before}\nimport sys, lagebild\n"
        "print('torch' in sys.modules)\n"
        "import torch, thinc.compat\n"  # the accurate pipeline's own import still works
        "print(torch.zeros(2).sum().item() == 0.0)\n"
    )
    first, works = _run(code, **env).splitlines()
    assert first == str(imported), case
    assert works == "True", case


def test_no_op_when_a_torch_model_package_is_installed(monkeypatch):
    import lagebild._startup as startup

    monkeypatch.setattr(startup.importlib.util, "find_spec", lambda name: object())
    monkeypatch.delitem(sys.modules, "thinc", raising=False)
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert startup.keep_torch_out_of_thinc() is False


def test_blocker_refuses_torch_and_its_submodules_only():
    from lagebild._startup import _NoTorch

    finder = _NoTorch()
    for name in ("torch", "torch.utils.dlpack"):
        with pytest.raises(ImportError):
            finder.find_spec(name)
    for name in ("torchgen", "thinc", "numpy"):
        assert finder.find_spec(name) is None


# spaCy's command-line package is deferred (lagebild._startup.defer_spacy_cli)
CLI_CASES = [
    # (case, environment, code after `import lagebild`, expected output)
    ("spacy.cli not run by import lagebild", {},
     "print('weasel' in sys.modules, 'spacy.cli.download' in sys.modules)", "False False"),
    ("opt-out by LAGEBILD_SPACY_CLI=1", {"LAGEBILD_SPACY_CLI": "1"},
     "print('weasel' in sys.modules, 'spacy.cli.download' in sys.modules)", "True True"),
    ("spacy.info() still reports", {}, "import spacy\nprint(sorted(spacy.info())[:2])", "['location', 'pipelines']"),
    ("an attribute of spacy.cli runs the package", {},
     "import spacy.cli\nprint(callable(spacy.cli.download), callable(spacy.cli.info), type(spacy.cli.app).__name__)",
     "True True Typer"),
    ("from spacy.cli import ...", {}, "from spacy.cli import info, download\nprint(callable(info), callable(download))",
     "True True"),
    ("spacy.cli.info.info after the package ran", {},
     "import spacy.cli\nspacy.cli.app\nm = sys.modules['spacy.cli.info']\n"
     "print(m.__file__.endswith('info.py'), callable(m.info), hasattr(m, '_lagebild_deferred'))", "True True False"),
]


@pytest.mark.parametrize("case,env,code,expected", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_spacy_cli_deferred(case, env, code, expected):
    environment = dict(env)
    if "LAGEBILD_SPACY_CLI" not in env:
        environment["LAGEBILD_SPACY_CLI"] = ""
    out = _run(f"import sys, lagebild\n{code}\n", **environment)
    assert out.splitlines()[-1] == expected, case


def test_spacy_cli_left_alone_when_spacy_was_imported_first():
    out = _run("import sys, spacy, lagebild\nprint('weasel' in sys.modules)")
    assert out == "True"


def test_memoized_entry_points_are_the_ones_catalogue_filters():
    # session 31: a registry's entry points are filtered once per group (memoize_entry_points)
    import catalogue

    import lagebild  # noqa: F401 - installs the memo
    from lagebild._startup import memoize_entry_points

    assert memoize_entry_points() is True
    for namespace in (("spacy", "languages"), ("spacy", "factories"), ("lagebild", "readers"), ("spacy", "no-such")):
        registry = catalogue.Registry(namespace, entry_points=True)
        group = registry.entry_point_namespace
        expected = list(catalogue.AVAILABLE_ENTRY_POINTS.select(group=group)) if hasattr(
            catalogue.AVAILABLE_ENTRY_POINTS, "select") else list(catalogue.AVAILABLE_ENTRY_POINTS.get(group, []))
        assert list(registry._get_entry_points()) == expected
        assert list(registry._get_entry_points()) == expected  # the memo answers the same


def test_memoized_entry_points_follow_a_replaced_entry_point_list(monkeypatch):
    import catalogue

    import lagebild  # noqa: F401
    from importlib.metadata import EntryPoint, EntryPoints

    registry = catalogue.Registry(("lagebild_test", "things"), entry_points=True)
    assert list(registry._get_entry_points()) == []
    point = EntryPoint(name="x", value="json:dumps", group=registry.entry_point_namespace)
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", EntryPoints([point]))
    assert [e.name for e in registry._get_entry_points()] == ["x"]
