"""The production server: gunicorn processes sharing Redis, WhiteNoise, logs and metrics.

These start real processes on loopback ports with production settings (DEBUG off), a
migrated SQLite database and collected static files in a temporary directory.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).with_name("gunicorn")
METRICS_TOKEN = "serving-test-metrics-" + uuid.uuid4().hex

# Its site has its own SQLite database in its folder (the database URL is not passed to the
# servers): the PostgreSQL run of CI has nothing to learn from it.
pytestmark = [pytest.mark.slow, pytest.mark.no_database]


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Environment of a production site: migrated database, collected static files."""
    var = tmp_path_factory.mktemp("site")
    keep = ("PATH", "HOME", "LANG", "FOLDER_KEYS_DIR", "FOLDER_MASTER_KEYS", "FOLDER_HMAC_KEY")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="abierto.settings",
        SECRET_KEY="serving-test-" + uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(var),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        METRICS_TOKEN=METRICS_TOKEN,
    )
    for command in (["migrate", "-v", "0"], ["collectstatic", "--no-input", "-v", "0"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    return {"env": env, "var": var}


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback http)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    def __init__(self, site, *, workers, log, **env):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process_env = {
            **site["env"],
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "PROMETHEUS_MULTIPROC_DIR": str(site["var"] / f"prometheus-{self.port}"),
            **env,
        }
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.process_env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log.read_text()
            try:
                if get(self.url + "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not answer /healthz:\n" + log.read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


@pytest.fixture(scope="module")
def servers(site, redis_server, tmp_path_factory):
    """Two app servers, one with two workers, sharing one Redis: a small cluster."""
    logs = tmp_path_factory.mktemp("logs")
    shared = {
        "REDIS_URL": redis_server,
        "CACHE_KEY_PREFIX": "serving-" + uuid.uuid4().hex[:8],
        "API_RATE_ANONYMOUS": "6/m",
    }
    first = Server(site, workers=2, log=logs / "a.log", **shared)
    try:
        second = Server(site, workers=1, log=logs / "b.log", **shared)
    except BaseException:
        first.stop()
        raise
    yield first, second
    first.stop()
    second.stop()


def test_two_app_servers_share_one_rate_limit_budget_through_redis(servers):
    first, second = servers
    statuses = [
        get((first if n % 2 else second).url + "/api/v1/municipalities")[0] for n in range(6)
    ]
    assert statuses == [200] * 6  # three on each server: alone, each would allow six
    for server in servers:
        status, headers, body = get(server.url + "/api/v1/municipalities")
        assert status == 429
        assert int(headers["Retry-After"]) >= 1
        assert "Demasiadas solicitudes" in json.loads(body)["detail"]


def test_hashed_static_files_are_served_compressed_and_cached_for_ever(site, servers):
    first, _second = servers
    manifest = json.loads((site["var"] / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    status, headers, body = get(f"{first.url}/static/{hashed}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]
    import gzip

    assert gzip.decompress(body) == (ROOT / "abierto/static/css/site.css").read_bytes()
    # The page links to the hashed name.
    _status, _headers, home = get(first.url + "/")
    assert f"/static/{hashed}".encode() in home


def test_health_answers_and_the_access_log_is_json_with_the_request_id(servers):
    first, _second = servers
    status, headers, body = get(first.url + "/readyz", **{"X-Request-ID": "lb-check-00000001"})
    assert status == 200, body
    assert json.loads(body)["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert headers["X-Request-ID"] == "lb-check-00000001"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [line for line in first.log.read_text().splitlines() if "lb-check" in line]
        if lines:
            break
        time.sleep(0.1)
    entry = json.loads(lines[0])
    assert entry["request_id"] == "lb-check-00000001"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/readyz", 200)
    assert entry["duration_ms"] >= 0


def test_metrics_add_up_every_worker_of_a_server(servers):
    first, _second = servers
    for _ in range(8):
        assert get(first.url + "/aviso-de-privacidad/")[0] == 200
    assert get(first.url + "/metrics")[0] == 401
    _status, _headers, body = get(first.url + "/metrics", Authorization=f"Bearer {METRICS_TOKEN}")
    counts = [
        sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
        if sample.name == "abierto_request_duration_seconds_count"
        and sample.labels["view"] == "directory:privacy"
    ]
    assert sum(counts) == 8
    # Each worker writes its own file; /metrics adds them up.
    files = os.listdir(first.process_env["PROMETHEUS_MULTIPROC_DIR"])
    assert any(name.startswith("histogram_") for name in files)


def test_the_wsgi_module_imports_every_view_before_the_workers_fork(site):
    """gunicorn's preload_app forks workers from a process that loaded abierto.wsgi: the
    views (WeasyPrint, the API) must already be imported there, not in a first request."""
    code = (
        "import sys, abierto.wsgi; "
        "print(all(m in sys.modules for m in "
        "('abierto.folder.views.documents', 'abierto.api', 'weasyprint')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=site["env"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"
    config = (ROOT / "gunicorn.conf.py").read_text(encoding="utf-8")
    assert "\npreload_app = True\n" in config


@pytest.mark.parametrize(("value", "expected"), [(None, True), ("1", True), ("0", False)])
def test_each_worker_listens_on_its_own_socket_unless_turned_off(
    monkeypatch, tmp_path, value, expected
):
    """SO_REUSEPORT per worker: the kernel spreads new connections over the workers instead of
    the first worker to wake taking a whole burst of keep-alive connections."""
    import runpy

    # Reading the configuration sets this variable when missing: keep it out of this process.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "prometheus"))

    if value is None:
        monkeypatch.delenv("GUNICORN_REUSE_PORT", raising=False)
    else:
        monkeypatch.setenv("GUNICORN_REUSE_PORT", value)
    config = runpy.run_path(str(Path(__file__).resolve().parents[3] / "gunicorn.conf.py"))
    assert config["reuse_port"] is expected
