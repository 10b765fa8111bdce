"""`lagebild serve` end to end: the CLI starts uvicorn on localhost, answers, and stops."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _outside_address():
    """This machine's non-loopback IPv4 address (no packet is sent), or None."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") or ip == "0.0.0.0" else ip


def test_cli_serve_end_to_end(duckdb_store):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lagebild", "serve", "--db", duckdb_store, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=2", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.time() < deadline, "server did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()["items"]) == 2
        assert r.json()["next"]
        # bound to localhost only: this machine's other address does not answer
        ip = _outside_address()
        if ip:
            try:
                httpx.get(f"http://{ip}:{port}/", timeout=2)
                raise AssertionError(f"the server answered on {ip}")
            except httpx.TransportError:
                pass
        html = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "read-only" in html.text
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "http://127.0.0.1:" in out and "Traceback" not in out


def test_cli_serve_on_a_port_in_use_is_a_coded_error(duckdb_store):
    """A second workbench on a taken port: uvicorn logged the error and the command exited
    0 with nothing serving; now [E051] names the port, exit 2, before the store is opened."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", duckdb_store, "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert "[E051]" in result.output and f"127.0.0.1:{port}" in result.output and "--port" in result.output
