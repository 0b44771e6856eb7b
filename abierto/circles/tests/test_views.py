import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from abierto.circles import figures, services
from abierto.circles.models import AccessEvent, Circle, Participant, Phase
from abierto.directory.tests.logins import login_verified

from .helpers import START, cohort, instrument, mediation_staff, participant, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    staff = mediation_staff()
    group = cohort(staff)
    adult = participant(staff, group, name="Persona Ficticia Adulta")
    minor = participant(staff, group, name="Persona Ficticia Menor", accept=False)
    tool = instrument()
    services.application_record(
        actor=staff, participant=adult, instrument=tool, date=START, scores={1: 2, 2: 3, 3: 2}
    )
    services.application_record(
        actor=staff,
        participant=adult,
        instrument=tool,
        date=START + datetime.timedelta(days=40),
        scores={1: 4, 2: 4, 3: 5},
    )
    services.circle_record(
        actor=staff, cohort=group, kind=Circle.Kind.EMPATHY, date=START, attendees=[adult]
    )
    return {"staff": staff, "cohort": group, "adult": adult, "minor": minor}


def individual_urls(world):
    group, adult = world["cohort"], world["adult"]
    return [
        "/gestion/circulos/",
        f"/gestion/circulos/generacion/{group.public_id}/",
        f"/gestion/circulos/generacion/{group.public_id}/accesos/",
        f"/gestion/circulos/participante/{adult.public_id}/",
        f"/gestion/circulos/participante/{adult.public_id}/documento/consent/",
        f"/gestion/circulos/participante/{world['minor'].public_id}/",
    ]


def test_anonymous_visitors_are_sent_to_the_login_on_every_individual_url(client, world):
    for url in individual_urls(world):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/cuenta/entrar/"), url
    assert not AccessEvent.objects.exists()


@pytest.mark.parametrize("who", ["agency_clerk", "facilitator", "outsider", "other_staff", "admin"])
def test_everyone_but_the_assigned_staff_is_refused_every_individual_url(who, world, request):
    if who == "other_staff":
        user = mediation_staff("otra-mediadora")
    elif who == "admin":
        user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    else:
        user = request.getfixturevalue(who)
    client = login_verified(Client(), user)
    urls = individual_urls(world)
    if who == "other_staff":
        urls = urls[1:]  # their own (empty) list of cohorts is theirs to see
    for url in urls:
        assert client.get(url).status_code == 403, (who, url)
    for url in urls[1:]:
        assert client.post(url, {"action": "withdraw"}).status_code in (403, 405), (who, url)
    assert not AccessEvent.objects.exists()
    assert Participant.objects.filter(status=Participant.Status.ACTIVE).count() == 2


def test_the_assigned_staff_reads_the_follow_up_table_and_each_read_is_logged(world):
    client = login_verified(Client(), world["staff"])
    adult = world["adult"]
    response = client.get(f"/gestion/circulos/participante/{adult.public_id}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Persona Ficticia Adulta" in page
    assert "<svg" in page
    assert 'role="img"' in page
    assert "Círculo de empatía" in page
    event = AccessEvent.objects.get()
    assert (event.user, event.participant, event.action) == (
        world["staff"],
        adult,
        AccessEvent.Action.VIEW,
    )
    document = client.get(f"/gestion/circulos/participante/{adult.public_id}/documento/consent/")
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF")
    assert AccessEvent.objects.count() == 2
    log = client.get(f"/gestion/circulos/generacion/{world['cohort'].public_id}/accesos/")
    assert adult.pseudonym in log.content.decode()
    assert "Descarga del documento de aceptación" in log.content.decode()


def test_the_cohort_list_shows_pseudonyms_not_names(world):
    client = login_verified(Client(), world["staff"])
    page = client.get(f"/gestion/circulos/generacion/{world['cohort'].public_id}/").content
    assert world["adult"].pseudonym.encode() in page
    assert b"Ficticia" not in page


def test_a_withdrawn_participant_shows_only_the_withdrawal(world):
    client = login_verified(Client(), world["staff"])
    adult = world["adult"]
    url = f"/gestion/circulos/participante/{adult.public_id}/"
    response = client.post(
        url, {"action": "withdraw", "withdraw-withdrawn_on": "2026-03-01", "withdraw-confirm": "on"}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Retiró su consentimiento" in page
    assert "Persona Ficticia Adulta" not in page
    assert "<svg" not in page
    assert client.get(url + "documento/consent/").status_code == 404
    refused = client.post(
        url, {"action": "phase", "phase-phase": "empathy", "phase-date": "2026-03-02"}
    )
    assert refused.status_code == 400
    assert not adult.milestones.filter(phase=Phase.EMPATHY).exists()


def test_a_minor_accepted_without_the_guardians_consent_gets_a_spanish_message(world):
    client = login_verified(Client(), world["staff"])
    minor = world["minor"]
    from abierto.circles import sealing

    # Make the person a minor at the date of acceptance.
    minor.identity_sealed = sealing.seal_identity(
        minor.public_id, sealing.Identity("Persona Ficticia Menor", datetime.date(2009, 5, 1))
    )
    minor.save()
    response = client.post(
        f"/gestion/circulos/participante/{minor.public_id}/",
        {"action": "accept", "accept-accepted_on": "2026-02-10", "accept-document": pdf()},
    )
    assert response.status_code == 400
    assert "menor de edad" in response.content.decode()
    minor.refresh_from_db()
    assert minor.accepted_on is None


def test_bad_dates_get_a_form_error_not_a_500(world):
    client = login_verified(Client(), world["staff"])
    response = client.post(
        f"/gestion/circulos/generacion/{world['cohort'].public_id}/",
        {"action": "select", "select-name": "X", "select-birth_date": "2030-01-01",
         "select-selected_on": "nope"},
    )  # fmt: skip
    assert response.status_code == 400


def test_the_public_page_and_the_dataset_show_only_suppressed_aggregates(client, world):
    figures.figures_publish(actor=world["staff"])
    page = client.get("/circulos-restaurativos/").content.decode()
    assert "suprimida" in page
    assert world["adult"].pseudonym not in page
    csv = b"".join(client.get("/datos/circulos-restaurativos.csv").streaming_content).decode()
    assert "cohort,measure,category,value,suppressed,published_at" in csv
    assert "Ficticia" not in csv
    assert world["adult"].pseudonym not in csv
    assert client.get("/datos/circulos-restaurativos/datapackage.json").status_code == 200


def test_the_public_page_speaks_english_too(client, world):
    figures.figures_publish(actor=world["staff"])
    page = client.get("/circulos-restaurativos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Restorative circles: aggregate progress" in page
    assert "suppressed" in page
