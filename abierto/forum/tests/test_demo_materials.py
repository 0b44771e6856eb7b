"""The demo's 15th session carries its calendar proposal and the 14th's draft acta."""

import hashlib
import io

import pytest
from pypdf import PdfReader

from abierto.forum.models import Session, SessionMaterial

pytestmark = pytest.mark.django_db


def test_the_fifteenth_session_carries_its_materials(client):
    from abierto.directory import demo as directory_demo
    from abierto.forum import demo as forum_demo

    for module in (directory_demo, forum_demo):
        module.load(stdout=io.StringIO(), with_logins=False)
    fifteenth = Session.objects.get(number=15)
    draft = SessionMaterial.objects.get(session=fifteenth, kind="draft_minutes")
    assert draft.minutes.session.number == 14
    assert not draft.is_public
    calendar = SessionMaterial.objects.get(session=fifteenth, kind="file")
    assert calendar.agenda_item.number == 8
    assert calendar.is_public
    content = calendar.file.read()
    assert hashlib.sha256(content).hexdigest() == calendar.sha256
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "24 de febrero de 2023" in text
    assert "Décimo Novena Sesión Ordinaria" in text
    page = client.get(fifteenth.get_absolute_url()).content.decode()
    assert calendar.sha256 in page
    assert "Borrador del acta" not in page
