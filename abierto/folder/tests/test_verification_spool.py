"""Public verifications reach the holder's log through the spool (services/
verification_spool.py): chained once, at the time they happened, before the holder reads."""

import datetime
import importlib
import os
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.test import Client

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, VerificationSpoolMark

from .citizen_helpers import active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db
# The module, not the function of the same name that services re-exports.
verification_spool = importlib.import_module("abierto.folder.services.verification_spool")


def verify(token, ip="198.51.100.7", accept="application/json"):
    return Client().get(f"/v/{token}", REMOTE_ADDR=ip, HTTP_ACCEPT=accept)


def verifications(document=None):
    events = AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY)
    return events.filter(document=document) if document is not None else events


def test_a_verification_waits_in_the_spool_and_is_chained_once(issuer, birth_type):
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    assert verify(token).json()["valid"] is True
    assert verify(token, ip="203.0.113.9").status_code == 200
    assert not verifications().exists()  # nothing chained in the request
    assert services.verification_spool_drain() == 2
    assert services.verification_spool_drain() == 0  # the offset moved with the events
    assert set(verifications(document).values_list("ip_prefix", flat=True)) == {
        "198.51.100.0/24",
        "203.0.113.0/24",
    }
    assert services.audit_chain_check() == []


def test_the_html_page_spools_too(issuer, birth_type):
    document = issue(issuer, birth_type)
    response = verify(selectors.document_token(document), accept="text/html")
    assert response.status_code == 200
    assert "Content-Language" in response  # the whole chain of middleware
    assert services.verification_spool_drain() == 1


def test_the_event_keeps_the_time_of_the_verification_and_coalesces_by_it(
    issuer, birth_type, monkeypatch
):
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    an_hour_ago = time.time() - 3600
    monkeypatch.setattr(verification_spool.time, "time", lambda: an_hour_ago)
    verify(token)
    monkeypatch.setattr(verification_spool.time, "time", lambda: an_hour_ago + 60)
    verify(token)  # the same network a minute later: one verification
    monkeypatch.setattr(verification_spool.time, "time", lambda: an_hour_ago + 1800)
    verify(token)  # half an hour later: another
    assert services.verification_spool_drain() == 2
    times = sorted(verifications(document).values_list("created_at", flat=True))
    expected = datetime.datetime.fromtimestamp(an_hour_ago, tz=datetime.UTC)
    assert abs(times[0] - expected) < datetime.timedelta(seconds=1)
    assert abs(times[1] - expected - datetime.timedelta(minutes=30)) < datetime.timedelta(seconds=1)
    assert services.audit_chain_check() == []


def test_the_holder_sees_every_verification_when_reading_their_log(issuer, birth_type):
    holder = active_citizen("TITULAR001")
    document = issue(issuer, birth_type, cuts="TITULAR001")
    verify(selectors.document_token(document))
    page = folder_login(Client(), holder.citizen).get("/carpeta/accesos/")
    assert page.status_code == 200
    assert verifications(document).count() == 1
    assert next(event.action for event in page.context["page"]) == AccessEvent.Action.VERIFY


def test_the_command_drains_the_spool(issuer, birth_type):
    document = issue(issuer, birth_type)
    verify(selectors.document_token(document))
    call_command("folder_drain_verifications")
    assert verifications(document).count() == 1


def test_a_file_is_removed_once_drained_and_its_writer_gone(issuer, birth_type, verify_spool):
    document = issue(issuer, birth_type)
    verify(selectors.document_token(document))
    services.verification_spool_drain()
    assert len(list(verify_spool.glob("*.spool"))) == 1  # its writer, this process, lives
    writer = verification_spool._current_writer()
    verification_spool._writer = None
    writer.close()  # as at the process's end, however it ended
    services.verification_spool_drain()
    assert list(verify_spool.glob("*.spool")) == []
    assert not VerificationSpoolMark.objects.exists()
    assert verifications(document).count() == 1


def test_verifications_of_documents_no_longer_stored_are_skipped(issuer, birth_type):
    document = issue(issuer, birth_type)
    verification_spool._current_writer().append(b"999999\tgone\tabc\t198.51.100.0/24\t1.0\n")
    verify(selectors.document_token(document))
    assert services.verification_spool_drain() == 1
    assert services.audit_chain_check() == []


# The machines' path: answered before the middleware a verification does not need --------


def test_a_machine_is_answered_with_the_security_headers_of_the_whole_chain(
    issuer, birth_type, settings
):
    token = selectors.document_token(issue(issuer, birth_type))
    fast = verify(token)
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "MachineVerification" not in m]
    slow = verify(token)
    assert fast.json() == slow.json()
    assert "Content-Language" not in fast  # LocaleMiddleware did not run
    for header in (
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Cache-Control",
        "X-Robots-Tag",
        "Content-Length",
    ):
        assert fast[header] == slow[header], header
    assert "frame-ancestors 'none'" in fast["Content-Security-Policy"]
    assert fast["Content-Type"] == "application/json"


def test_the_machines_path_still_refuses_what_the_chain_refuses(issuer, birth_type, settings):
    token = selectors.document_token(issue(issuer, birth_type))
    assert Client().get(f"/v/{token}%00", HTTP_ACCEPT="application/json").status_code == 400
    refused = Client().get(f"/v/{token}", HTTP_ACCEPT="application/json", HTTP_HOST="evil.test")
    assert refused.status_code == 400
    settings.SECURE_SSL_REDIRECT = True
    assert verify(token).status_code == 301
    assert not verifications().exists()
    assert services.verification_spool_drain() == 0


def test_the_machines_path_keeps_the_budget_of_the_network(issuer, birth_type, settings):
    settings.RATE_FOLDER_VERIFY_NETWORK = "2/m"
    token = selectors.document_token(issue(issuer, birth_type))
    assert [verify(token, ip="192.0.2.1").status_code for _ in range(3)] == [200, 200, 429]


# A kill -9 after answering loses nothing -------------------------------------------------

VERIFIER = """
import sys
from django.test import Client
from abierto.folder import selectors
from abierto.folder.tests.factories import DocumentTypeFactory, IssuerFactory, issue
issuer = IssuerFactory()
kind = DocumentTypeFactory(issuers=[issuer])
documents = [issue(issuer, kind, cuts=f"KILL{{n:06d}}") for n in range({count})]
for n, document in enumerate(documents):
    answer = Client().get(
        "/v/" + selectors.document_token(document),
        REMOTE_ADDR=f"198.51.{{n}}.7",
        HTTP_ACCEPT="application/json",
        HTTP_HOST="localhost",
    )
    assert answer.json()["valid"] is True, answer.content
print("answered", flush=True)
import time
time.sleep(600)
"""

CHECK = """
from abierto.folder import services
from abierto.folder.models import AccessEvent
print(AccessEvent.objects.filter(action="verify").count(), services.audit_chain_check())
"""


@pytest.mark.slow
@pytest.mark.django_db(databases=[])
def test_a_kill_9_of_the_server_after_answering_loses_no_verification(tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "abierto.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FOLDER_VERIFY_SPOOL_DIR": str(tmp_path / "spool"),
        # No fsync before the kill: what the process wrote is the kernel's already.
        "FOLDER_VERIFY_SPOOL_FSYNC_SECONDS": "3600",
        "PYTHONPATH": root,
    }

    def manage(*args, timeout=180):
        done = subprocess.run(
            [sys.executable, os.path.join(root, "manage.py"), *args],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    manage("migrate", "--no-input", "-v", "0")
    count = 12
    server = subprocess.Popen(
        [sys.executable, os.path.join(root, "manage.py"), "shell", "--no-imports", "-c",
         VERIFIER.format(count=count)],
        env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = server.stdout.readline()
        assert line.strip() == "answered", server.stderr.read()[-3000:]
        server.kill()  # SIGKILL: no atexit, no flush, no fsync
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == -9
    assert manage("shell", "--no-imports", "-c", CHECK).split()[0] == "0"  # all in the spool
    manage("folder_drain_verifications")
    assert manage("shell", "--no-imports", "-c", CHECK).strip() == f"{count} []"
    assert list((tmp_path / "spool").glob("*.spool")) == []  # drained, writer gone: removed


def test_the_batch_coalesces_against_what_is_logged_as_one_query_a_chunk_did(
    issuer, birth_type, monkeypatch
):
    """The whole batch is checked against the log at once (in chunks of documents): each
    verification is dropped when its network was logged for that document within the ten
    minutes before it, or after it (a spool drained late), and kept otherwise."""
    access = importlib.import_module("abierto.folder.services.access")
    monkeypatch.setattr(access, "COALESCE_IDS_PER_QUERY", 2)
    documents = [issue(issuer, birth_type) for _ in range(5)]
    start = time.time() - 7200

    def at(minutes, document, ip="198.51.100.7"):
        monkeypatch.setattr(verification_spool.time, "time", lambda: start + minutes * 60)
        verify(selectors.document_token(document), ip=ip)

    at(0, documents[0])
    at(30, documents[1])
    assert services.verification_spool_drain() == 2  # now logged: 0' and 30'
    at(5, documents[0])  # 5' after the logged one: dropped
    at(11, documents[0])  # 11' after it: kept
    at(12, documents[0])  # 1' after the one kept in this batch: dropped
    at(25, documents[1])  # 5' before a logged one (drained late): dropped
    at(25, documents[1], ip="203.0.113.9")  # another network: kept
    for document in documents[2:]:
        at(40, document)
        at(41, document)  # dropped
    assert services.verification_spool_drain() == 2 + 3
    minutes = {
        (event.document_id, event.ip_prefix, round((event.created_at.timestamp() - start) / 60))
        for event in verifications()
    }
    net, other = "198.51.100.0/24", "203.0.113.0/24"
    assert minutes == {
        (documents[0].pk, net, 0),
        (documents[0].pk, net, 11),
        (documents[1].pk, net, 30),
        (documents[1].pk, other, 25),
        *((document.pk, net, 40) for document in documents[2:]),
    }
    assert services.audit_chain_check() == []
