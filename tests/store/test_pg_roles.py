"""A newsroom's PostgreSQL roles: the owner creates the store, a writer role granted only
SELECT/INSERT/UPDATE/DELETE ingests into it, and a role missing a right is told which
GRANT it needs ([E057]). Before, the writer could not open the store at all (PostgreSQL
checks the right to CREATE in the schema even for ``CREATE TABLE IF NOT EXISTS`` on a table
that exists), and every refusal was printed as "InsufficientPrivilege … (this is a bug)"."""
from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import LagebildError
from lagebild.schemas import Actor, Document
from lagebild.store import Store


def _doc(i: int) -> Document:
    text = f"Die Gemeinde Ort{i} eröffnete am Montag eine neue Schule für {i} Kinder."
    return Document(id=f"r{i}", source=f"r{i}.txt", language="de", title=f"Schule {i}", authors=[],
                    published="2025-04-0%d" % (i + 1), sections=[], captions=[], text=text,
                    actors=[Actor(id=f"prov:ort{i}", name=f"Ort{i}", type="GPE", mentions=[(13, 13 + len(f"Ort{i}"))])])


def _as(url: str, role: str, password: str, db: str | None = None) -> str:
    parts = urlsplit(url)
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    path = "/" + db if db else parts.path
    return urlunsplit((parts.scheme, f"{role}:{password}@{host}", path, parts.query, ""))


@pytest.fixture()
def newsroom():
    """(owner URL of a fresh database, a function making a login role on it, the admin URL)."""
    admin = os.environ.get("LAGEBILD_TEST_PG")
    if not admin:
        pytest.skip("set LAGEBILD_TEST_PG to a PostgreSQL URL (scripts/test-postgres.sh starts a server)")
    import psycopg

    name = f"lagebild_roles_{uuid.uuid4().hex[:10]}"
    roles: list = []
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")

    def role(*grants: str) -> str:
        r = f"lb_role_{uuid.uuid4().hex[:10]}"
        roles.append(r)
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f"CREATE ROLE {r} LOGIN PASSWORD 'pw'")
            con.execute(f"GRANT CONNECT ON DATABASE {name} TO {r}")
        with psycopg.connect(_db(admin, name), autocommit=True) as con:
            for g in grants:
                con.execute(g.format(role=r))
        return _as(admin, r, "pw", name)

    yield _db(admin, name), role
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for r in roles:
            con.execute(f"DROP ROLE IF EXISTS {r}")


def _db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def test_writer_role_with_table_grants_ingests(newsroom):
    owner, role = newsroom
    with Store(owner) as store:  # the owner creates the schema
        store.save_many([_doc(0)])
    writer = role("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    with Store(writer) as store:
        store.save_many([_doc(1)])
    with Store(owner, read_only=True) as store:
        assert sorted(r["id"] for r in store.query("SELECT id FROM documents")) == ["r0", "r1"]


def test_role_without_create_on_an_empty_database_is_e057(newsroom):
    _, role = newsroom
    nobody = role("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    with pytest.raises(LagebildError, match=r"^\[E057\].*permission denied for schema public.*GRANT CREATE ON SCHEMA"):
        Store(nobody)


def test_role_without_select_is_e057_in_the_cli(newsroom):
    owner, role = newsroom
    with Store(owner) as store:
        store.save_many([_doc(0)])
    viewer = role()
    res = CliRunner().invoke(app, ["documents", "--db", viewer])
    assert res.exit_code == 2, res.output
    flat = " ".join(res.output.split())
    assert "[E057]" in flat and "permission denied for table documents" in flat and "this is a bug" not in flat
    assert "pw@" not in flat  # the password is never shown


def test_workbench_for_a_role_without_select_is_e057(newsroom):
    owner, role = newsroom
    with Store(owner) as store:
        store.save_many([_doc(0)])
    from lagebild.serve.db import Database

    with pytest.raises(LagebildError, match=r"^\[E057\]"):
        Database(role())
