"""Bulk uploads: every error with its row and column, nothing saved until all is valid."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from openpyxl import Workbook

from abierto.directory.models import AuditEvent
from abierto.directory.tests.factories import InstitutionFactory
from abierto.plan import selectors, services, uploads
from abierto.plan.models import Activity, IndicatorValue, Milestone, Upload, UploadKind
from abierto.plan.services import PlanError

from .factories import (
    ActivityKindFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
    ServiceTypeFactory,
    caravan_visit,
    clerk_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel("2023-01-10 12:00 -06:00", tick=False):
        yield


@pytest.fixture
def sjdh():
    return InstitutionFactory(acronym="SJDH")


@pytest.fixture
def clerk(agency_clerk, sjdh):
    clerk_of(agency_clerk, sjdh)
    return agency_clerk


@pytest.fixture
def caravans(sjdh):
    ActivityKindFactory()
    ServiceTypeFactory(slug="asesoria_juridica", name="Asesoría jurídica", order=1)
    ServiceTypeFactory(slug="registro_civil", name="Trámites del Registro Civil", order=2)
    return CommitmentFactory(responsible=sjdh, kind="co-created", number=1)


def check(user, kind, text, commitment=None, filename="carga.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return services.upload_check(
        actor=user, kind=kind, data=data, filename=filename, commitment=commitment
    )


# Caravan visits ------------------------------------------------------------------------------

CARAVANS_OK = (
    "fecha,municipio,lugar,personas atendidas,asesoría jurídica,trámites del registro civil\n"
    "2022-11-07,15104,Plaza,120,300,40\n"
    "14/11/2022,Toluca,,80,100,\n"
)


def test_a_valid_caravan_file_is_kept_for_confirmation_and_saves_nothing_yet(clerk, caravans):
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    assert result.ok, result.errors
    assert result.upload.row_count == 2
    assert result.preview[0][2] == "Tlalnepantla de Baz"
    assert not Activity.objects.exists()
    assert AuditEvent.objects.filter(action="upload.checked").count() == 1


def test_confirming_saves_every_visit_and_the_coverage_follows(clerk, caravans):
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    assert services.upload_apply(actor=clerk, upload=result.upload) == 2
    coverage = selectors.coverage()
    assert coverage.municipalities_visited == 2
    assert coverage.services_delivered == 440
    assert coverage.people_served == 200
    visit = Activity.objects.get(municipality__code="15104")
    assert visit.commitment == caravans
    assert visit.status == Activity.Status.HELD
    assert list(visit.institutions.values_list("acronym", flat=True)) == ["SJDH"]
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.APPLIED
    assert AuditEvent.objects.filter(action="activity.created").count() == 2
    assert AuditEvent.objects.filter(action="upload.applied").count() == 1


def test_a_file_with_one_bad_row_saves_nothing_and_lists_every_error(clerk, caravans):
    text = (
        "fecha,municipio,personas atendidas,asesoria juridica\n"
        "2022-11-07,15104,120,300\n"
        "2022-13-01,Narnia,-1,x\n"
        "2030-01-01,15106,5,1\n"
        "2022-11-07,Tlalnepantla de Baz,1,1\n"
    )
    result = check(clerk, UploadKind.CARAVAN_VISITS, text, caravans)
    assert not result.ok
    assert result.upload is None
    assert {(e.row, e.column) for e in result.errors} == {
        (3, "fecha"),
        (3, "municipio"),
        (3, "personas atendidas"),
        (3, "Asesoría jurídica"),
        (4, "fecha"),
        (5, "municipio"),
    }
    assert not Activity.objects.exists()
    assert not Upload.objects.exists()


def test_a_visit_already_recorded_is_an_error_of_its_row(clerk, caravans):
    caravan_visit("15104", datetime.date(2022, 11, 7), 5)
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    assert [(e.row, e.column) for e in result.errors] == [(2, "municipio")]
    assert "Ya hay una visita" in result.errors[0].message


def test_if_the_records_changed_before_confirming_the_whole_upload_is_refused(clerk, caravans):
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    caravan_visit("15106", datetime.date(2022, 11, 14), 5)  # recorded meanwhile
    with pytest.raises(PlanError):
        services.upload_apply(actor=clerk, upload=result.upload)
    assert Activity.objects.count() == 1  # only the one recorded meanwhile
    assert Upload.objects.get().status == Upload.Status.VALIDATED


def test_an_upload_is_confirmed_once_and_only_by_who_uploaded_it(clerk, caravans, facilitator):
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    with pytest.raises(PlanError, match="Solo quien cargó"):
        services.upload_apply(actor=facilitator, upload=result.upload)
    services.upload_apply(actor=clerk, upload=result.upload)
    with pytest.raises(PlanError, match="ya se guardó"):
        services.upload_apply(actor=clerk, upload=result.upload)
    assert Activity.objects.count() == 2


def test_a_checked_upload_expires_after_a_day(clerk, caravans):
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, caravans)
    with time_machine.travel("2023-01-12 12:00 -06:00"), pytest.raises(PlanError, match="caducó"):
        services.upload_apply(actor=clerk, upload=result.upload)


def test_caravans_need_a_commitment_the_clerk_updates(clerk, caravans):
    other = CommitmentFactory()
    result = check(clerk, UploadKind.CARAVAN_VISITS, CARAVANS_OK, other)
    assert [e.message for e in result.errors] == ["Elija un compromiso que usted actualice."]


def test_an_xlsx_file_works_like_a_csv(clerk, caravans):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Fecha", "Municipio", "Personas atendidas", "Asesoría jurídica"])
    sheet.append([datetime.datetime(2022, 11, 7), 15104, 120, 300])  # noqa: DTZ001
    out = io.BytesIO()
    workbook.save(out)
    result = check(clerk, UploadKind.CARAVAN_VISITS, out.getvalue(), caravans, "visitas.xlsx")
    assert result.ok, result.errors
    services.upload_apply(actor=clerk, upload=result.upload)
    assert selectors.coverage().services_delivered == 300


# Milestones ----------------------------------------------------------------------------------


@pytest.fixture
def milestones(sjdh):
    commitment = CommitmentFactory(responsible=sjdh, kind="co-created", number=1)
    first = MilestoneFactory(action_line__commitment=commitment, action_line__number=1, number=1)
    second = MilestoneFactory(action_line=first.action_line, number=2, weight=3)
    foreign = MilestoneFactory(
        action_line__commitment=CommitmentFactory(kind="co-created", number=2),
        action_line__number=1,
        number=1,
    )
    return first, second, foreign


def test_the_milestone_template_brings_the_clerks_own_milestones(clerk, milestones):
    text = uploads.template_csv(UploadKind.MILESTONES, clerk)
    lines = text.splitlines()
    assert lines[0] == "clave,hito,estado,fecha de cumplimiento"
    assert [line.split(",")[0] for line in lines[1:]] == ["CC1-1.1", "CC1-1.2"]


def test_milestone_updates_change_progress_once_confirmed(clerk, milestones):
    first, _second, _foreign = milestones
    text = "clave,estado,fecha de cumplimiento\nCC1-1.1,cumplido,2022-12-01\ncc1-1.2,En proceso,\n"
    result = check(clerk, UploadKind.MILESTONES, text)
    assert result.ok, result.errors
    assert selectors.commitment_progress(first.action_line.commitment) == Decimal("0.0")
    assert services.upload_apply(actor=clerk, upload=result.upload) == 2
    first.refresh_from_db()
    assert (first.status, first.met_on) == ("met", datetime.date(2022, 12, 1))
    assert selectors.commitment_progress(first.action_line.commitment) == Decimal("25.0")


def test_milestone_rows_are_checked_one_by_one(clerk, milestones):
    text = (
        "clave,estado,fecha de cumplimiento\n"
        "CC1-1.1,cumplido,\n"  # met without a date
        "CC1-1.2,pendiente,2022-01-01\n"  # a date without being met
        "CC2-1.1,cumplido,2022-01-01\n"  # someone else's
        "CC1-9.9,cumplido,2022-01-01\n"  # no such milestone
        "hito uno,cumplido,2022-01-01\n"  # not a key
        "CC1-1.1,cumplido,2023-02-01\n"  # repeated and in the future
        "CC1-1.2,terminado,\n"  # unknown status (also repeated)
    )
    result = check(clerk, UploadKind.MILESTONES, text)
    assert {(e.row, e.column) for e in result.errors} == {
        (2, "fecha de cumplimiento"),
        (3, "fecha de cumplimiento"),
        (4, "clave"),
        (5, "clave"),
        (6, "clave"),
        (7, "clave"),
        (7, "fecha de cumplimiento"),
        (8, "clave"),
        (8, "estado"),
    }
    assert not Milestone.objects.filter(status="met").exists()


# Indicator values ----------------------------------------------------------------------------


@pytest.fixture
def indicators(sjdh):
    commitment = CommitmentFactory(responsible=sjdh)
    return {
        "statewide": IndicatorFactory(commitment=commitment, code="CC1-DEP"),
        "local": IndicatorFactory(commitment=commitment, code="CC3-PLA", by_municipality=True),
        "computed": IndicatorFactory(
            commitment=commitment, code="CC1-MUN", source="caravan_people"
        ),
        "foreign": IndicatorFactory(code="CP2-X"),
    }


def test_indicator_values_are_recorded_and_corrected(clerk, indicators):
    text = (
        "indicador;fecha;valor;municipio;nota\n"
        "CC1-DEP;16/12/2022;26;;Reportado en sesión\n"
        "cc3-pla;2022-12-16;1,5;15104;\n"
    )
    result = check(clerk, UploadKind.INDICATOR_VALUES, text)
    assert result.ok, result.errors
    services.upload_apply(actor=clerk, upload=result.upload)
    assert IndicatorValue.objects.get(indicator__code="CC1-DEP").value == Decimal(26)
    assert IndicatorValue.objects.get(indicator__code="CC3-PLA").municipality.code == "15104"

    again = check(
        clerk, UploadKind.INDICATOR_VALUES, "indicador,fecha,valor\nCC1-DEP,2022-12-16,27\n"
    )
    services.upload_apply(actor=clerk, upload=again.upload)
    assert IndicatorValue.objects.get(indicator__code="CC1-DEP").value == Decimal(27)
    assert AuditEvent.objects.filter(action="indicator_value.corrected").count() == 1


def test_indicator_rows_are_checked_against_the_indicator(clerk, indicators):
    text = (
        "indicador,fecha,valor,municipio\n"
        "CC1-DEP,2022-12-16,1,15104\n"  # statewide with a municipality
        "CC3-PLA,2022-12-16,1,\n"  # per municipality without one
        "CC1-MUN,2022-12-16,1,\n"  # computed from the caravans
        "CP2-X,2022-12-16,1,\n"  # someone else's
        "NADA,2022-12-16,1,\n"  # unknown
        "CC1-DEP,2022-12-16,1.234,\n"  # three decimals
        "CC1-DEP,2023-05-01,1,\n"  # future
    )
    result = check(clerk, UploadKind.INDICATOR_VALUES, text)
    assert {(e.row, e.column) for e in result.errors} == {
        (2, "municipio"),
        (3, "municipio"),
        (4, "indicador"),
        (5, "indicador"),
        (6, "indicador"),
        (7, "valor"),
        (8, "fecha"),
    }
    assert not IndicatorValue.objects.exists()


def test_the_indicator_template_lists_the_clerks_statewide_manual_indicators(clerk, indicators):
    lines = uploads.template_csv(UploadKind.INDICATOR_VALUES, clerk).splitlines()
    assert lines[0] == "indicador,fecha,valor,municipio,nota"
    assert lines[1:] == ["CC1-DEP,2023-01-10,,,"]


def test_the_caravan_template_has_a_column_per_service_type(clerk, caravans):
    header = uploads.template_csv(UploadKind.CARAVAN_VISITS, clerk).splitlines()[0]
    assert header == (
        "fecha,municipio,lugar,titulo,personas atendidas,"
        "Asesoría jurídica,Trámites del Registro Civil"
    )
