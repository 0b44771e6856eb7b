"""load_demo: the pilot's issuers, types and two citizens, one a parent."""

import io

import pytest
from django.core.management import call_command

from abierto.folder import selectors
from abierto.folder.models import Carnet, Citizen, DocumentType, Issuer

PILOT_TYPES = {
    "licencia-conducir",
    "no-antecedentes-penales",
    "acta-nacimiento",
    "acta-matrimonio",
    "acta-divorcio",
}


def load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_demo_loads_the_pilot_and_its_documents_verify(settings, client):
    settings.DEBUG = True
    output = load()
    assert set(DocumentType.objects.values_list("slug", flat=True)) >= PILOT_TYPES
    assert set(Issuer.objects.values_list("slug", flat=True)) == {
        "movilidad",
        "fiscalia",
        "registro-civil",
    }
    registro = Issuer.objects.get(slug="registro-civil")
    assert registro.institution.parent.acronym == "CJEE"
    mother = selectors.citizen_for_cuts("DEMO000001")
    father = selectors.citizen_for_cuts("DEMO000002")
    mothers = selectors.documents_for_citizen(mother)
    birth_certificates = mothers.filter(document_type__slug="acta-nacimiento")
    assert birth_certificates.count() == 2  # her own and her daughter's
    child = next(
        d for d in birth_certificates if selectors.document_relations(mother, d) == ["madre"]
    )
    assert father in {c for c in [father] if child in selectors.documents_for_citizen(c)}
    for document in mothers:
        url = selectors.server_verification_url(document)
        body = client.get(url, HTTP_ACCEPT="application/json")
        assert body.json()["valid"] is True
    assert "código de activación" in output
    assert "carnet CJ" in output
    assert Carnet.objects.filter(status="active").count() == 2


@pytest.mark.django_db
def test_the_demo_loads_twice_without_duplicates_and_hides_secrets_without_logins(settings):
    settings.DEBUG = True
    load()
    counts = (Citizen.objects.count(), selectors.Document.objects.count())
    output = load("--no-logins")
    assert (Citizen.objects.count(), selectors.Document.objects.count()) == counts
    assert "código de activación" not in output
    assert "carnet CJ" not in output


@pytest.mark.django_db
def test_the_demo_licence_renewal_starts_from_the_demo_folder(settings):
    from abierto.folder import services
    from abierto.folder.demo_procedures import LICENCE_RENEWAL
    from abierto.folder.models import Procedure

    settings.DEBUG = True
    load()
    load()  # twice: the procedure is updated, not duplicated
    procedure = Procedure.objects.get(code=LICENCE_RENEWAL)
    assert procedure.issuer.slug == "movilidad"
    mother = selectors.citizen_for_cuts("DEMO000001")
    draft = services.procedure_start(citizen=mother, procedure=procedure)
    assert [entry["document_type"] for entry in draft.evidence] == [
        "acta-nacimiento",
        "licencia-conducir",
    ]
