"""The plan's public pages: the overview, a commitment, the coverage map and the agenda.

The record: a co-created commitment on the caravans (two milestones weighing 1 and 3, the
first met: 25 %), a proactive one with its only milestone met (100 %), a computed indicator
(municipalities visited, target 125 by September 2023) and a manual one by municipality;
three held caravan visits in two municipalities, a held talk in a third, and upcoming,
online and cancelled activities. Time is frozen on 20 December 2022.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import unescape

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abierto.directory.models import Institution, Municipality
from abierto.directory.tests.factories import InstitutionFactory
from abierto.forum.models import Session
from abierto.forum.tests.factories import SessionFactory
from abierto.plan.models import (
    Activity,
    Commitment,
    Evidence,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressReport,
    ThematicAxis,
)
from abierto.plan.services.reports import EvidenceInput, progress_report_create

from .factories import (
    ActionLineFactory,
    ActionPlanFactory,
    ActivityFactory,
    ActivityKindFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
    caravan_visit,
)

NOW = datetime.datetime(2022, 12, 20, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-6)))
SVG = "{http://www.w3.org/2000/svg}"


@dataclass
class PlanRecord:
    caravans: Commitment
    proactive: Commitment
    sjdh: Institution
    municipalities: Indicator
    talks: Indicator
    report: ProgressReport
    file_evidence: Evidence
    session: Session
    toluca_visit: Activity
    talk: Activity
    upcoming: Activity
    online: Activity
    cancelled: Activity


def build_plan_record():
    plan = ActionPlanFactory(title="Plan de Acción Local de Gobierno Abierto 2020")
    axis = ThematicAxis.objects.create(
        plan=plan, number=1, title="Acceso a la justicia y justicia itinerante"
    )
    sjdh = InstitutionFactory(name="Secretaría de Justicia y Derechos Humanos", acronym="SJDH")
    infoem = InstitutionFactory(name="Instituto de Transparencia del Estado", acronym="Infoem")
    caravans = CommitmentFactory(
        plan=plan,
        axis=axis,
        number=1,
        title="Fortalecer y ampliar las «Caravanas por la Justicia Cotidiana»",
        responsible=sjdh,
        public_problem="Las personas de municipios alejados no acceden a la justicia.",
        objective="Llevar servicios jurídicos gratuitos a los 125 municipios.",
        ogp_access_to_information=True,
        ogp_public_accountability=True,
        end_date=datetime.date(2023, 9, 30),
    )
    caravans.supporting.add(infoem)
    line = ActionLineFactory(commitment=caravans, number=1, title="Caravanas itinerantes")
    MilestoneFactory(action_line=line, number=1, met=True, title="Sumar 26 dependencias")
    MilestoneFactory(
        action_line=line,
        number=2,
        weight=3,
        status=Milestone.Status.IN_PROGRESS,
        due_date=datetime.date(2023, 9, 30),
        title="Visitar los 125 municipios",
    )
    proactive = CommitmentFactory(
        plan=plan,
        kind=Commitment.Kind.PROACTIVE,
        number=1,
        title="Estrategia para fortalecer la cultura de gobierno abierto",
        responsible=infoem,
    )
    MilestoneFactory(
        action_line=ActionLineFactory(commitment=proactive, number=1),
        number=1,
        met=True,
        due_date=datetime.date(2022, 3, 1),
        title="Instalar secretariados técnicos municipales",
    )
    municipalities = IndicatorFactory(
        commitment=caravans,
        code="CC1-MUN",
        name="Municipios visitados por la Caravana",
        unit="municipios",
        source=Indicator.Source.CARAVAN_MUNICIPALITIES,
        target=125,
        target_date=datetime.date(2023, 9, 30),
        order=1,
    )
    talks = IndicatorFactory(
        commitment=caravans,
        code="CC1-PLA",
        name="Pláticas informativas",
        unit="pláticas",
        by_municipality=True,
        order=2,
    )
    toluca = Municipality.objects.get(code="15106")
    naucalpan = Municipality.objects.get(code="15057")
    IndicatorValue.objects.create(
        indicator=talks, date=datetime.date(2022, 5, 1), value=4, municipality=toluca
    )
    IndicatorValue.objects.create(
        indicator=talks, date=datetime.date(2022, 8, 1), value=3, municipality=naucalpan
    )

    toluca_visit = caravan_visit(
        "15106", datetime.date(2022, 3, 1), 500, asesoria_juridica=1200, actas=300
    )
    toluca_visit.place = "Plaza González Arratia"
    toluca_visit.title = "Caravana por la Justicia Cotidiana en Toluca"
    toluca_visit.commitment = caravans
    toluca_visit.save()
    toluca_visit.institutions.add(sjdh)
    caravan_visit("15057", datetime.date(2022, 6, 1), 300, asesoria_juridica=800)
    second = caravan_visit("15106", datetime.date(2022, 9, 1), 200, asesoria_juridica=100)
    second.title = "Segunda visita a Toluca"
    second.save()
    platica = ActivityKindFactory(slug="platica", name="Plática informativa", is_caravan=False)
    talk = ActivityFactory(
        kind=platica,
        title="Plática sobre el derecho de acceso a la información",
        date=datetime.date(2022, 5, 1),
        municipality=Municipality.objects.get(code="15033"),
        place="Casa de Cultura",
    )
    upcoming = ActivityFactory(
        title="Caravana en Acambay",
        date=datetime.date(2023, 1, 20),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(14, 0),
        municipality=Municipality.objects.get(code="15001"),
        place="Plaza principal",
        status=Activity.Status.SCHEDULED,
    )
    online = ActivityFactory(
        kind=ActivityKindFactory(slug="capacitacion", name="Capacitación", is_caravan=False),
        title="Capacitación en mediación, en línea",
        date=datetime.date(2023, 1, 25),
        start_time=datetime.time(17, 0),
        municipality=None,
        status=Activity.Status.SCHEDULED,
    )
    cancelled = ActivityFactory(
        kind=platica,
        title="Plática cancelada en Metepec",
        date=datetime.date(2023, 2, 1),
        municipality=Municipality.objects.get(code="15054"),
        status=Activity.Status.CANCELLED,
    )
    session = SessionFactory(number=15, status=Session.Status.HELD)
    report = progress_report_create(
        actor=None,
        commitment=caravans,
        date=datetime.date(2022, 12, 16),
        text="La segunda caravana ha visitado 43 de los 125 municipios.",
        session=session,
        evidence=[
            EvidenceInput(title="Galería de la caravana", url="https://example.org/galeria"),
            EvidenceInput(
                title="Minuta de la caravana",
                file=SimpleUploadedFile("minuta.pdf", b"%PDF-1.4 minuta", "application/pdf"),
            ),
        ],
    )
    file_evidence = report.evidence.get(title="Minuta de la caravana")
    return PlanRecord(
        caravans=caravans,
        proactive=proactive,
        sjdh=sjdh,
        municipalities=municipalities,
        talks=talks,
        report=report,
        file_evidence=file_evidence,
        session=session,
        toluca_visit=toluca_visit,
        talk=talk,
        upcoming=upcoming,
        online=online,
        cancelled=cancelled,
    )


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def record(db, frozen):
    return build_plan_record()


def svgs(html):
    """Every inline <svg> of a page, parsed."""
    return [
        ET.fromstring(match)
        for match in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
        if 'xmlns="http://www.w3.org/2000/svg"' in match
    ]


def text_of(response):
    return response.content.decode()


# Overview ------------------------------------------------------------------------------------


def test_the_overview_shows_every_commitment_with_its_computed_progress(client, record):
    response = client.get(reverse("plan:overview"))
    assert response.status_code == 200
    html = text_of(response)
    assert "Plan de Acción Local de Gobierno Abierto 2020" in html
    assert "Acceso a la justicia y justicia itinerante" in html
    for commitment in (record.caravans, record.proactive):
        assert reverse("plan:commitment_detail", args=[commitment.public_id]) in html
    assert "Secretaría de Justicia y Derechos Humanos (SJDH)" in html
    assert "Co-creado" in html
    assert "Proactivo" in html
    chart = next(svg for svg in svgs(html) if svg.get("id") == "avance-compromisos")
    assert chart.get("role") == "img"
    bars = [rect for rect in chart.iter(f"{SVG}rect") if rect.get("class") == "chart-bar"]
    assert [bar.get("data-value") for bar in bars] == ["25", "100"]
    assert "CC1 · Fortalecer y ampliar" in chart.find(f"{SVG}desc").text
    assert "25 %" in chart.find(f"{SVG}desc").text


def test_the_overview_counts_coverage_from_the_caravan_visits(client, record):
    html = text_of(client.get(reverse("plan:overview")))
    figures = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "2 de 125 municipios visitados por las caravanas" in figures
    assert "2,400 trámites y servicios otorgados" in figures
    assert "1,000 personas atendidas" in figures
    assert "62.5 % avance promedio de los compromisos" in figures


def test_the_overview_says_so_when_there_is_no_plan_yet(client, db):
    response = client.get(reverse("plan:overview"))
    assert response.status_code == 200
    assert "aún no se publica" in text_of(response)


def test_the_pages_carry_no_inline_style_or_script_nor_repeated_ids(client, record):
    pages = [
        reverse("plan:overview"),
        reverse("plan:commitment_detail", args=[record.caravans.public_id]),
        reverse("plan:coverage"),
        reverse("plan:agenda"),
        reverse("plan:activity_detail", args=[record.toluca_visit.public_id]),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = text_of(response)
        assert " style=" not in html, page
        assert "<style" not in html, page
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), page
        assert "css/plan.css" in html, page
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), page


def test_the_navigation_links_the_plan_and_the_agenda(client, record):
    html = text_of(client.get(reverse("plan:agenda")))
    assert f'href="{reverse("plan:overview")}"' in html
    assert f'<a href="{reverse("plan:agenda")}" aria-current="page">Agenda</a>' in html


# A commitment ----------------------------------------------------------------------------------


def test_a_commitment_shows_its_problem_values_milestones_and_reports(client, record):
    url = reverse("plan:commitment_detail", args=[record.caravans.public_id])
    response = client.get(url)
    assert response.status_code == 200
    html = text_of(response)
    assert "Las personas de municipios alejados no acceden a la justicia." in html
    assert "Llevar servicios jurídicos gratuitos a los 125 municipios." in html
    assert "Acceso a la información" in html
    assert "Rendición de cuentas" in html
    assert "Limitado" in html  # 25 %: the IRM's «limited»
    assert "Instituto de Transparencia del Estado (Infoem)" in html
    assert "Sumar 26 dependencias" in html
    assert "Visitar los 125 municipios" in html
    assert "1 de 2 hitos cumplidos" in html
    # The report names its session and its evidence.
    assert record.session.get_absolute_url() in html
    assert "https://example.org/galeria" in html
    assert reverse("plan:evidence_download", args=[record.file_evidence.public_id]) in html


def test_a_commitment_charts_each_indicator_with_its_target_and_a_table(client, record):
    html = text_of(client.get(reverse("plan:commitment_detail", args=[record.caravans.public_id])))
    charts = {svg.get("id"): svg for svg in svgs(html)}
    municipalities = charts["indicador-1"]
    points = [c.get("data-value") for c in municipalities.iter(f"{SVG}circle")]
    assert points == ["1", "2", "2"]  # Toluca, Naucalpan, Toluca again: still two
    (target,) = [
        line for line in municipalities.iter(f"{SVG}line") if line.get("class") == "chart-target"
    ]
    assert target.get("data-value") == "125"
    assert municipalities.find(f"{SVG}title").text == "Municipios visitados por la Caravana"
    assert municipalities.find(f"{SVG}desc").text == (
        "Municipios por fecha: 01/03/2022: 1; 01/06/2022: 2; 01/09/2022: 2. "
        "Meta: 125 para el 30/09/2023."
    )
    talks = charts["indicador-2"]
    assert [c.get("data-value") for c in talks.iter(f"{SVG}circle")] == ["4", "7"]
    # Each chart has a table of the same values.
    tables = re.findall(r"<table>.*?</table>", html, flags=re.DOTALL)
    assert len(tables) == 2
    assert "1 de marzo de 2022" in tables[0]
    assert '<td class="number">7</td>' in tables[1]
    assert "1.6 % de la meta" in html  # 2 of 125, rounded down


def test_an_unknown_commitment_is_a_404(client, record):
    response = client.get(reverse("plan:commitment_detail", args=["no-existe"]))
    assert response.status_code == 404


def test_evidence_files_download_through_the_view(client, record):
    url = reverse("plan:evidence_download", args=[record.file_evidence.public_id])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minuta"
    assert "attachment" in response["Content-Disposition"]
    link = record.report.evidence.get(title="Galería de la caravana")
    assert client.get(reverse("plan:evidence_download", args=[link.public_id])).status_code == 404
    assert client.get(reverse("plan:evidence_download", args=["nada"])).status_code == 404


def test_a_missing_evidence_file_is_a_404_not_a_500(client, record):
    evidence = record.file_evidence
    evidence.file.storage.delete(evidence.file.name)
    url = reverse("plan:evidence_download", args=[evidence.public_id])
    assert client.get(url).status_code == 404


# Coverage ----------------------------------------------------------------------------------------


def test_the_coverage_map_has_the_125_municipalities_shaded_by_activities(client, record):
    response = client.get(reverse("plan:coverage"))
    assert response.status_code == 200
    html = text_of(response)
    (map_svg,) = [svg for svg in svgs(html) if svg.get("id") == "mapa"]
    assert map_svg.get("role") == "img"
    areas = {
        path.get("data-key"): path
        for path in map_svg.iter(f"{SVG}path")
        if path.get("class") == "map-area"
    }
    assert sorted(areas) == [f"15{n:03d}" for n in range(1, 126)]
    assert areas["15106"].get("data-value") == "2"
    assert areas["15106"].find(f"{SVG}title").text == "Toluca: 2 actividades"
    assert areas["15033"].find(f"{SVG}title").text == "Ecatepec de Morelos: 1 actividad"
    assert areas["15001"].find(f"{SVG}title").text == "Acambay de Ruíz Castañeda: Sin actividades"
    assert areas["15106"].get("fill") != areas["15001"].get("fill")
    desc = map_svg.find(f"{SVG}desc").text
    assert "3 de 125" in desc
    assert "Toluca (2 actividades)" in desc


def test_a_tap_on_a_municipality_leads_to_its_figures_without_hover(client, record):
    html = text_of(client.get(reverse("plan:coverage")))
    (map_svg,) = [svg for svg in svgs(html) if svg.get("id") == "mapa"]
    links = {
        link.get("href"): link.find(f"{SVG}path").get("data-key")
        for link in map_svg.iter(f"{SVG}a")
    }
    assert len(links) == 125
    assert links["#municipio-15106"] == "15106"
    # Each link leads to the table's row of that municipality, whose figures are there.
    assert re.search(r'<tr id="municipio-15106" class="has-activities">\s*<th scope="row">', html)
    assert html.count('<tr id="municipio-') == 125
    # Pointer-only links: the map is one image to assistive technology, the table is the way in.
    assert all(link.get("tabindex") == "-1" for link in map_svg.iter(f"{SVG}a"))
    assert "Al pasar el puntero" not in html
    assert "Toque o haga clic en un municipio" in html
    assert 'id="mapa-detalle" aria-live="polite"' in html
    assert "/static/js/coverage-map.js" in html


def test_the_coverage_table_gives_every_municipality_and_the_totals(client, record):
    html = text_of(client.get(reverse("plan:coverage")))
    (table,) = re.findall(r'<table class="coverage-table">.*?</table>', html, flags=re.DOTALL)
    rows = re.findall(r"<tr[ >].*?</tr>", table.split("<tbody>")[1], flags=re.DOTALL)
    assert len(rows) == 126  # 125 municipalities and the total
    toluca = next(row for row in rows if ">Toluca<" in row)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", toluca)
    assert cells == ["15106", "2", "1,600", "700"]
    total = rows[-1]
    assert "Total estatal" in total
    assert re.findall(r"<td[^>]*>([^<]*)</td>", total) == ["", "4", "2,400", "1,000"]


# Agenda ----------------------------------------------------------------------------------------


def test_the_agenda_shows_upcoming_activities_by_default(client, record):
    response = client.get(reverse("plan:agenda"))
    assert response.status_code == 200
    html = text_of(response)
    assert "Caravana en Acambay" in html
    assert "Capacitación en mediación, en línea" in html
    assert "Plática cancelada en Metepec" in html
    assert "Caravana por la Justicia Cotidiana en Toluca" not in html
    assert "3 actividades" in html
    assert "En línea" in html
    assert "10:00\u201314:00" in html


def test_past_activities_come_newest_first(client, record):
    html = text_of(client.get(reverse("plan:agenda"), {"cuando": "pasadas"}))
    titles = re.findall(r'href="/agenda/[^/]+/">([^<]+)</a>', html)
    assert titles[0] == "Segunda visita a Toluca"  # 1 Sep 2022
    assert titles[-1] == "Caravana por la Justicia Cotidiana en Toluca"  # 1 Mar 2022
    assert "Caravana en Acambay" not in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"municipio": "15106", "cuando": "todas"}, 2),
        ({"tipo": "platica", "cuando": "todas"}, 2),
        ({"desde": "2022-05-01", "hasta": "2022-06-30"}, 2),  # dates alone: every period
        ({"desde": "2023-01-21"}, 2),
        ({"municipio": "15033", "tipo": "platica", "cuando": "todas"}, 1),
    ],
)
def test_the_agenda_filters(client, record, params, expected):
    response = client.get(reverse("plan:agenda"), params)
    assert response.status_code == 200
    count = re.search(r'class="result-count"[^>]*>(\d+) actividad', text_of(response))
    assert count is not None
    assert int(count.group(1)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"municipio": "99999"},
        {"municipio": "15106'; DROP TABLE"},
        {"tipo": "inexistente"},
        {"desde": "2022-13-45"},
        {"hasta": "mañana"},
        {"desde": "2023-02-01", "hasta": "2022-01-01"},
        {"desde": "1500-01-01"},
    ],
)
def test_bad_agenda_filters_are_a_400_in_spanish_never_a_500(client, record, params):
    response = client.get(reverse("plan:agenda"), params)
    assert response.status_code == 400
    html = text_of(response)
    assert "Algunos filtros no son válidos y no se aplicaron" in html
    assert 'class="result-count"' in html  # the page still lists what the other filters give


def test_bad_tabs_and_pages_are_ignored(client, record):
    response = client.get(reverse("plan:agenda"), {"cuando": "ayer", "pagina": "mil"})
    assert response.status_code == 200
    assert "Caravana en Acambay" in text_of(response)


def test_the_agenda_is_paginated(client, record):
    for n in range(25):
        ActivityFactory(date=datetime.date(2023, 3, 1), title=f"Visita {n}")
    first = text_of(client.get(reverse("plan:agenda")))
    assert "Página 1 de 2" in first
    second = text_of(client.get(reverse("plan:agenda"), {"pagina": 2}))
    assert "Página 2 de 2" in second


def test_an_activity_page_gives_its_place_services_and_commitment(client, record):
    url = reverse("plan:activity_detail", args=[record.toluca_visit.public_id])
    html = text_of(client.get(url))
    assert "Caravana por la Justicia Cotidiana en Toluca" in html
    assert "Plaza González Arratia, Toluca" in html
    assert "clave INEGI 15106" in html
    assert "Asesoria Juridica" in html
    assert "1,500" in html  # 1,200 + 300 services
    assert "500" in html  # people served
    assert reverse("plan:commitment_detail", args=[record.caravans.public_id]) in html
    assert "Secretaría de Justicia y Derechos Humanos" in html


def test_a_cancelled_activity_says_so(client, record):
    html = text_of(client.get(reverse("plan:activity_detail", args=[record.cancelled.public_id])))
    assert "Esta actividad se canceló." in html


def test_an_unknown_activity_is_a_404(client, record):
    assert client.get(reverse("plan:activity_detail", args=["nada"])).status_code == 404


def test_the_agenda_links_the_calendar_with_its_filters(client, record):
    html = text_of(client.get(reverse("plan:agenda"), {"municipio": "15106", "cuando": "todas"}))
    assert 'href="/agenda.ics?municipio=15106"' in html
    html = text_of(client.get(reverse("plan:agenda")))
    assert 'href="/agenda.ics"' in html


def test_the_public_pages_need_no_login(client, record):
    for name in ("plan:overview", "plan:coverage", "plan:agenda", "plan:agenda_ics"):
        assert client.get(reverse(name)).status_code == 200, name


def test_only_safe_methods_are_allowed(client, record):
    assert client.post(reverse("plan:agenda")).status_code == 405
    assert client.post(reverse("plan:agenda_ics")).status_code == 405
