import io

import pytest
from django.core.management import call_command

from abierto.circles.models import Cohort, Participant, PublishedFigure

pytestmark = pytest.mark.django_db


def test_the_demo_shows_suppressed_and_shown_figures_linked_from_the_commitment(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second run adds nothing
    assert Cohort.objects.count() == 2
    assert Participant.objects.count() == 19
    assert PublishedFigure.objects.filter(suppressed=True).exists()
    assert PublishedFigure.objects.filter(suppressed=False, value__gte=5).exists()
    page = client.get("/circulos-restaurativos/").content.decode()
    assert "suprimida" in page
    assert "Ficticia" not in page
    cohort = Cohort.objects.get(name="2026-1")
    assert cohort.commitment_public_id
    commitment = client.get(f"/plan/compromisos/{cohort.commitment_public_id}/")
    assert commitment.status_code == 200
    assert "/circulos-restaurativos/" in commitment.content.decode()
