import pytest
from django.core import mail
from django.urls import reverse

from abierto.directory.models import MembershipApplication

from .factories import MembershipApplicationFactory

VALID = {
    "full_name": "Jorge Ramírez",
    "email": "jorge@example.org",
    "motivation": "Participo en un colectivo vecinal de Ecatepec desde 2015.",
    "privacy_accepted": "on",
    "municipality": "",
}


@pytest.mark.django_db
def test_the_registration_form_is_public_and_in_spanish(client):
    response = client.get(reverse("directory:application_create"))
    assert response.status_code == 200
    assert "Solicitud de integración" in response.text
    assert 'for="id_privacy_accepted"' in response.text


@pytest.mark.django_db
def test_a_valid_application_is_received(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("directory:application_create"), VALID)
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:application_sent")
    assert MembershipApplication.objects.get().email == "jorge@example.org"
    assert mail.outbox[0].to == ["jorge@example.org"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"full_name": ""}, "Este campo es obligatorio"),
        ({"email": "no-es-correo"}, "correo electrónico válida"),
        ({"motivation": "corto"}, "como mínimo 20 caracteres"),
        ({"motivation": "x" * 3001}, "como máximo 3000 caracteres"),
        ({"privacy_accepted": ""}, "Debe aceptar el aviso de privacidad"),
        ({"municipality": "99999"}, "Seleccione una opción válida"),
        ({"phone": "<script>"}, "Escriba solo números"),
        ({"full_name": "x" * 201}, "como máximo 200 caracteres"),
    ],
)
def test_a_malformed_application_is_refused_with_a_clear_message(client, change, message):
    response = client.post(reverse("directory:application_create"), {**VALID, **change})
    assert response.status_code == 400
    assert message in response.text
    assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
def test_an_oversized_request_is_refused_without_storing_anything(client):
    response = client.post(
        reverse("directory:application_create"), {**VALID, "motivation": "x" * 3_000_000}
    )
    assert response.status_code == 400
    assert "demasiado grande" in response.text
    assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_application_is_refused_with_a_clear_message(client):
    client.post(reverse("directory:application_create"), VALID)
    response = client.post(
        reverse("directory:application_create"), {**VALID, "email": "JORGE@example.org"}
    )
    assert response.status_code == 400
    assert "Ya existe una solicitud" in response.text
    assert MembershipApplication.objects.count() == 1


@pytest.mark.django_db
def test_a_bot_filling_the_honeypot_stores_nothing(client):
    response = client.post(
        reverse("directory:application_create"), {**VALID, "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
def test_the_facilitator_reviews_and_approves(client_as, facilitator):
    application = MembershipApplicationFactory(full_name="Lucía Pérez")
    client = client_as(facilitator)
    listing = client.get(reverse("directory:application_list"))
    assert "Lucía Pérez" in listing.text
    url = application.get_absolute_url()
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "approved", "reason": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"


@pytest.mark.django_db
def test_a_rejection_without_reason_is_refused(client_as, facilitator):
    application = MembershipApplicationFactory()
    response = client_as(facilitator).post(
        application.get_absolute_url(), {"decision": "rejected", "reason": ""}
    )
    assert response.status_code == 400
    assert "Escriba el motivo" in response.text
    application.refresh_from_db()
    assert application.status == "pending"


@pytest.mark.django_db
def test_a_member_cannot_review_applications(client_as, member):
    application = MembershipApplicationFactory()
    client = client_as(member)
    assert client.get(reverse("directory:application_list")).status_code == 403
    response = client.post(application.get_absolute_url(), {"decision": "approved"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == "pending"


@pytest.mark.django_db
def test_the_privacy_notice_says_what_is_stored_and_why(client):
    response = client.get(reverse("directory:privacy"))
    assert response.status_code == 200
    for words in ["Qué datos guardamos", "Para qué los usamos", "ARCO"]:
        assert words in response.text


@pytest.mark.django_db
def test_logins_are_locked_after_repeated_failures(client, member, settings):
    url = reverse("login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "bruno", "password": "equivocada"})
        assert response.status_code == 200
        assert "la contraseña no son correctos" in response.text
    response = client.post(url, {"username": "bruno", "password": "equivocada"})
    assert response.status_code == 429
    response = client.post(
        url, {"username": "bruno", "password": "correct horse battery staple 2022"}
    )
    assert response.status_code == 429
    assert "bloqueado temporalmente" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_member_logs_in_and_sees_the_account(client, member):
    response = client.post(
        reverse("login"), {"username": "bruno", "password": "correct horse battery staple 2022"}
    )
    assert response.status_code == 302
    page = client.get(reverse("directory:account"))
    assert "Integrante del STL" in page.text


@pytest.mark.django_db
def test_the_home_page_links_the_main_sections(client):
    response = client.get("/")
    assert response.status_code == 200
    assert reverse("directory:application_create") in response.text
    policy = {d.strip() for d in response["Content-Security-Policy"].split(";")}
    assert {"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"} <= policy


@pytest.mark.django_db
def test_each_card_of_the_home_page_leads_to_its_part(client):
    import re

    page = client.get("/").text
    card = r'<li class="card card-link">\s*<h3><a href="([^"]+)">([^<]+)</a></h3>'
    assert {name: href for href, name in re.findall(card, page)} == {
        "Sesiones del STL": reverse("forum:session_list"),
        "Foros estatal y municipales": reverse("forum:forum_index"),
        "Plan de Acción Local": reverse("plan:overview"),
        "Carpeta Ciudadana": reverse("folder:landing"),
        "Datos abiertos": reverse("opendata:catalog"),
    }


@pytest.mark.django_db
def test_the_phone_menu_is_a_disclosure_and_the_language_choice_is_in_the_footer(client):
    page = client.get("/").text
    header = page[page.index('<header class="site-header">') : page.index("</header>")]
    footer = page[page.index('<footer class="site-footer">') : page.index("</footer>")]
    assert '<details class="menu-compact">' in header
    assert "<summary>Menú</summary>" in header
    assert header.count('aria-label="Principal"') == 2  # the phone's and the wide screen's
    assert 'name="language"' not in header
    assert '<label for="language">Idioma</label>' in footer
    assert page.count('id="language"') == 1
    assert "<script>" not in page  # no inline script: it works without JavaScript


@pytest.mark.django_db
def test_the_interface_switches_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Open Government in the State of Mexico" in response.text


@pytest.mark.django_db
def test_the_error_summary_does_not_put_a_colon_after_a_period(client):
    page = client.post(reverse("directory:application_create"), {"full_name": "Ana"}).text
    assert "Revise el formulario" in page
    assert ".</a>:" not in page
