import pytest
from django.db import IntegrityError

from abierto.directory.models import Institution, Municipality


@pytest.mark.django_db
def test_the_125_municipalities_are_loaded_with_inegi_codes():
    codes = list(Municipality.objects.values_list("code", flat=True))
    assert codes == [f"15{n:03d}" for n in range(1, 126)]
    assert Municipality.objects.get(code="15106").name == "Toluca"
    assert Municipality.objects.get(code="15104").name == "Tlalnepantla de Baz"
    assert Municipality.objects.get(code="15001").municipality_key == "001"


@pytest.mark.django_db
def test_a_municipality_code_outside_the_state_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Municipality.objects.create(code="09001", name="Fuera del estado")


@pytest.mark.django_db
def test_a_municipal_institution_must_name_its_municipality():
    with pytest.raises(IntegrityError):
        Institution.objects.create(name="Ayuntamiento sin municipio", kind="municipality")


@pytest.mark.django_db
def test_the_role_groups_exist():
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {"facilitator", "member", "agency-clerk", "citizen"} <= names
