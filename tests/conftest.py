"""Shared fixtures. Data from ../shared is optional: tests that need it skip with a reason."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_cf532f787b11b18a.txt"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """``path`` under ../shared, or skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared data folder beside the repo is absent)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(params=["duckdb", "postgresql"])
def store_target(request, tmp_path: Path):
    """A fresh store location in each backend: a DuckDB file, and a new database on the
    PostgreSQL server named by $LAGEBILD_TEST_PG (.ci/run starts one; skipped without)."""
    if request.param == "duckdb":
        yield str(tmp_path / "test.duckdb")
        return
    admin_url = os.environ.get("LAGEBILD_TEST_PG")
    if not admin_url:
        pytest.skip("set LAGEBILD_TEST_PG to a PostgreSQL URL (scripts/test-postgres.sh starts a server)")
    import psycopg

    name = f"lagebild_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
