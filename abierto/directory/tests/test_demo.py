import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from abierto.directory.demo import DEMO_LOGINS, DEMO_TOTP_SECRET
from abierto.directory.demo_accounts import DEMO_USERNAMES, demo_accounts
from abierto.directory.models import Institution, Municipality, Person
from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.lib import totp

CODE_URL = "/cuenta/entrar/codigo/"


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_twice_duplicates_nothing(settings):
    settings.DEBUG = True
    load_demo()
    counts = (Institution.objects.count(), Person.objects.count(), get_user_model().objects.count())
    load_demo()
    assert (
        Institution.objects.count(),
        Person.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert Municipality.objects.count() == 125


@pytest.mark.django_db
def test_load_demo_brings_the_real_stl(settings):
    settings.DEBUG = True
    output = load_demo()
    acronyms = set(Institution.objects.values_list("acronym", flat=True))
    assert {"Infoem", "SECOGEM", "IEEM", "PJEdomex", "SJDH", "Tlalnepantla"} <= acronyms
    assert Institution.objects.get(acronym="Tlalnepantla").municipality.code == "15104"
    # The eight present at the 15th session, the guest who presented, and the two holders
    # who were represented (the Secretario de la Contraloría, the Magistrado Presidente).
    # Besides them, the placeholder holders of the two illustrative municipal forums' seats.
    placeholders = Person.objects.filter(name__endswith="(persona de ejemplo)")
    assert Person.objects.exclude(pk__in=placeholders).count() == 11
    assert placeholders.count() == 8
    assert not Person.objects.filter(name__icontains="por confirmar").exists()
    president = Person.objects.get(name="José Martínez Vilchis")
    assert president.institution.acronym == "Infoem"
    assert "facilitacion" in output


@pytest.mark.django_db
def test_demo_logins_hold_their_roles(settings, client):
    settings.DEBUG = True
    load_demo()
    users = get_user_model().objects
    assert user_has_role(users.get(username="facilitacion"), Role.FACILITATOR)
    assert user_has_role(users.get(username="integrante"), Role.MEMBER)
    assert user_has_role(users.get(username="dependencia"), Role.AGENCY_CLERK)
    assert user_has_role(users.get(username="ciudadania"), Role.CITIZEN)

    # The member login holds a seat: a session convened now shows on its own page.
    import datetime

    from django.utils import timezone

    from abierto.forum import services
    from abierto.forum.models import Forum

    member = users.get(username="integrante")
    assert member.person.public_role == "Representante titular de la Sociedad Civil"
    facilitator = users.get(username="facilitacion")
    session = services.session_create(
        actor=facilitator,
        forum=Forum.objects.get(acronym="STL"),
        number=30,
        date=timezone.localdate() + datetime.timedelta(days=30),
        start_time=datetime.time(11, 0),
    )
    services.session_convene(actor=facilitator, session=session)
    client.force_login(member)
    page = client.get("/gestion/mis-sesiones/").text
    assert session.title in page


@pytest.mark.django_db
def test_demo_logins_are_refused_outside_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        load_demo()
    assert not get_user_model().objects.exists()
    load_demo("--no-logins")
    assert not get_user_model().objects.exists()
    assert Person.objects.filter(name="Enrique Serrano Arenas").exists()


@pytest.mark.django_db
def test_load_demo_ends_with_the_links_and_the_logins_at_the_site_url(settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8001"
    output = load_demo()
    block = output[output.rindex("abierto: ") :]
    assert block.startswith("abierto: http://127.0.0.1:8001/")
    assert "http://127.0.0.1:8001/sesiones/" in block
    assert "http://127.0.0.1:8001/carpeta/" in block
    assert "contraseña: abierto-demo-2022" in block
    for username in ("facilitacion", "integrante", "dependencia", "ciudadania"):
        assert f"usuario: {username}" in block
    # How to open the demo folders (CUTS, password, current code) is in the closing block
    # too, after everything else.
    assert "entrar: CUTS DEMO000001, contraseña abierto-demo-2022, código " in block
    assert ":8000" not in block
    assert len(output.splitlines()) < 80  # no e-mail is printed whole


@pytest.mark.django_db
def test_load_demo_without_logins_still_ends_with_the_links(settings):
    settings.DEBUG = False
    output = load_demo("--no-logins")
    block = output[output.rindex("abierto: ") :]
    assert "/plan/" in block
    assert "Cuentas de demostración" not in block


DEMO_REFUSAL = "cuentas de demostración"


def _login(client, url, username, password="abierto-demo-2022"):  # noqa: S107 - the demo one
    return client.post(url, {"username": username, "password": password})


def _demo_code() -> str:
    return totp.totp(totp.decode_secret(DEMO_TOTP_SECRET))


@pytest.mark.django_db
def test_without_debug_demo_accounts_cannot_log_in_with_a_clear_message(settings, client):
    settings.DEBUG = True
    load_demo()
    settings.DEBUG = False
    response = _login(client, "/cuenta/entrar/", "facilitacion")
    assert response.status_code == 200
    assert DEMO_REFUSAL in response.text
    assert "_auth_user_id" not in client.session
    # The admin's own login form is the site's two-step login, which refuses as above.
    response = _login(client, "/admin/login/", "facilitacion")
    assert response["Location"].startswith("/cuenta/entrar/")
    assert "_auth_user_id" not in client.session
    # With DEBUG the same account logs in (with the demo's second factor), and an account of
    # one's own always does.
    settings.DEBUG = True
    assert _login(client, "/cuenta/entrar/", "facilitacion")["Location"] == CODE_URL
    assert client.post(CODE_URL, {"code": _demo_code()}).status_code == 302
    assert "_auth_user_id" in client.session
    settings.DEBUG = False
    client.logout()
    get_user_model().objects.create_user(username="real", password="una-clave-propia-larga")
    assert _login(client, "/cuenta/entrar/", "real", "una-clave-propia-larga").status_code == 302


@pytest.mark.django_db
def test_a_demo_session_opened_with_debug_ends_without_it(settings, client):
    settings.DEBUG = True
    load_demo()
    assert _login(client, "/cuenta/entrar/", "facilitacion").status_code == 302
    assert client.post(CODE_URL, {"code": _demo_code(), "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    settings.DEBUG = False
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_load_demo_enrols_the_demo_staff_and_demo_totp_prints_their_code(settings):
    from abierto.directory.models import StaffSecondFactor

    settings.DEBUG = True
    output = load_demo()
    assert DEMO_TOTP_SECRET in output
    enrolled = StaffSecondFactor.objects.filter(confirmed_at__isnull=False)
    assert sorted(enrolled.values_list("user__username", flat=True)) == [
        "dependencia",
        "facilitacion",
        "mediacion",
    ]
    load_demo()  # a second load keeps the same factors
    assert StaffSecondFactor.objects.count() == 3
    out = io.StringIO()
    call_command("demo_totp", "facilitacion", stdout=out)
    assert out.getvalue().strip() == _demo_code()
    with pytest.raises(CommandError, match="demostración"):
        call_command("demo_totp", "alguien")
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("demo_totp", "facilitacion")


@pytest.mark.django_db
def test_check_deploy_fails_while_demo_accounts_exist(settings):
    from django.core.checks import Error, run_checks

    def demo_errors():
        return [
            message
            for message in run_checks(include_deployment_checks=True)
            if message.id == "directory.E001"
        ]

    # A user who registers with an address at the demo domain is not a demo account.
    get_user_model().objects.create_user(
        username="alguien@demo.invalid", email="alguien@demo.invalid"
    )
    assert demo_errors() == []
    settings.DEBUG = True
    load_demo()
    settings.DEBUG = False
    errors = demo_errors()
    assert len(errors) == 1
    assert isinstance(errors[0], Error)
    assert "facilitacion" in errors[0].msg
    demo_accounts().delete()
    assert demo_errors() == []


def test_the_demo_accounts_known_to_the_guard_are_the_ones_load_demo_creates():
    assert tuple(username for username, *_rest in DEMO_LOGINS) == DEMO_USERNAMES
