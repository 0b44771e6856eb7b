"""Build the synthetic .docx and .pdf actas of the corpus (see SOURCES.md).

They are written by hand to cover formats the real actas gathered lack: an
attendance table, agreements boxed in one-cell tables, a calendar table, a PDF
exported from HTML with an agreements table. People and the municipality of
Santa Lucía del Valle are invented. Run from the repository root:

    .venv/bin/python tests/data/actas/build_synthetic.py
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

STL_PARAGRAPHS_BEFORE_TABLE = [
    "ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL DE GOBIERNO "
    "ABIERTO DEL ESTADO DE MÉXICO",
    "En la ciudad de Toluca de Lerdo, Estado de México, siendo las once horas con cuatro "
    "minutos del día dieciséis de diciembre de dos mil veintidós, se reunieron de manera "
    "virtual, a través de la plataforma Zoom, las personas integrantes del Secretariado "
    "Técnico Local de Gobierno Abierto del Estado de México, previa convocatoria realizada "
    "mediante oficio STL/016/2022 de fecha nueve de diciembre de dos mil veintidós, emitido "
    "por el Facilitador, Mtro. Rodrigo Alcántara Mejía, con el propósito de celebrar la "
    "Décimo Quinta Sesión Ordinaria, conforme a la siguiente lista de asistencia:",
]
STL_ATTENDANCE = [
    ("Nombre", "Cargo", "Sector", "Asistencia"),
    ("Mtro. Rodrigo Alcántara Mejía", "Facilitador", "Academia", "Presente"),
    ("Lic. Ana Laura Benítez Olvera", "Representante titular", "Sociedad Civil", "Presente"),
    ("C. Jorge Iván Sandoval Rivas", "Representante suplente", "Sociedad Civil", "Presente"),
    ("Mtra. Claudia Ivette Reyes Monroy", "Comisionada", "Órgano Garante (Infoem)", "Presente"),
    (
        "Dr. Héctor Manuel Quiroz Campos",
        "Director General de Control y Evaluación, en representación del Secretario de la "
        "Contraloría",
        "Entes Públicos",
        "Presente",
    ),
    ("Lic. Fernanda Gil Arriaga", "Consejera Electoral", "Entes Públicos (IEEM)", "Ausente"),
    ("Mag. Óscar Daniel Peña Villalobos", "Magistrado", "Poder Judicial", "Presente"),
]
STL_AFTER_ATTENDANCE = [
    "Asimismo, asistió como invitado el Lic. Mauricio Trejo Salgado, Subsecretario de Justicia "
    "y Derechos Humanos.",
    "Una vez verificada la asistencia, el Facilitador declaró la existencia de quórum legal para "
    "sesionar y sometió a consideración de los presentes el siguiente:",
    "ORDEN DEL DÍA",
    "I. Lista de asistencia y declaratoria de quórum.",
    "II. Lectura y, en su caso, aprobación del orden del día.",
    "III. Lectura y, en su caso, aprobación del acta de la Décimo Cuarta Sesión Ordinaria.",
    "IV. Presentación de avances del compromiso “Caravanas por la Justicia Cotidiana”, por parte "
    "de la Secretaría de Justicia y Derechos Humanos.",
    "V. Presentación de la Carpeta Ciudadana, por parte del Lic. Mauricio Trejo Salgado, "
    "Subsecretario de Justicia y Derechos Humanos.",
    "VI. Informe del estudio de apertura municipal, por parte del Infoem.",
    "VII. Presentación y, en su caso, aprobación del calendario de sesiones ordinarias 2023.",
    "VIII. Seguimiento de acuerdos.",
    "IX. Asuntos generales.",
    "X. Clausura de la sesión.",
    "DESAHOGO DEL ORDEN DEL DÍA",
    "I. Lista de asistencia y declaratoria de quórum.",
    "El Facilitador informó que se encontraban presentes seis de las siete personas integrantes "
    "con derecho a voto, por lo que declaró la existencia de quórum legal para sesionar.",
    "II. Lectura y, en su caso, aprobación del orden del día.",
    "Sometido a votación, el orden del día fue aprobado por unanimidad de votos, emitiéndose el "
    "siguiente:",
    [
        "ACUERDO STL/XV/1/2022: Se aprueba por unanimidad de votos el orden del día, en sus "
        "términos."
    ],
    "III. Lectura y, en su caso, aprobación del acta de la Décimo Cuarta Sesión Ordinaria.",
    "Al no haber observaciones al proyecto de acta circulado con la convocatoria, se sometió a "
    "votación y se emitió el siguiente:",
    [
        "ACUERDO STL/XV/2/2022: Se aprueba por unanimidad de votos el acta de la Décimo Cuarta "
        "Sesión Ordinaria, celebrada el veintiséis de agosto de dos mil veintidós."
    ],
    "IV. Presentación de avances del compromiso “Caravanas por la Justicia Cotidiana”.",
    "La representante de la Secretaría de Justicia y Derechos Humanos informó que la segunda "
    "caravana ha visitado 43 de los 125 municipios, con más de 113,000 trámites y servicios "
    "entregados y más de 30,000 personas atendidas; la meta es cubrir los 125 municipios a más "
    "tardar en septiembre de 2023.",
    [
        "ACUERDO STL/XV/3/2022: Se tienen por presentados los avances del compromiso "
        "“Caravanas por la Justicia Cotidiana”."
    ],
    "V. Presentación de la Carpeta Ciudadana.",
    "El Lic. Mauricio Trejo Salgado presentó la plataforma, que permite consultar, descargar y "
    "compartir documentos oficiales mediante el carnet jurídico o la CUTS. La Lic. Ana Laura "
    "Benítez Olvera solicitó programar una sesión de sensibilización en materia de protección de "
    "datos personales para la Secretaría de la Contraloría. Por mayoría de votos, con la "
    "abstención del representante de la Secretaría de la Contraloría, se aprobó la propuesta.",
    [
        "ACUERDO STL/XV/4/2022: Se aprueba por mayoría de votos programar una sesión de "
        "sensibilización sobre protección de datos personales dirigida a la Secretaría de la "
        "Contraloría, durante el primer trimestre de 2023."
    ],
    "VI. Informe del estudio de apertura municipal.",
    "La Comisionada Claudia Ivette Reyes Monroy expuso los resultados del estudio, validado con "
    "32 aportaciones ciudadanas de 15 municipios, en las dimensiones de normatividad, "
    "transparencia, tecnologías de la información y rendición de cuentas.",
    "VII. Presentación y, en su caso, aprobación del calendario de sesiones ordinarias 2023.",
    "El Facilitador presentó la propuesta de calendario de sesiones ordinarias para el año 2023, "
    "en los términos siguientes:",
]
STL_CALENDAR = [
    ("Sesión", "Fecha", "Hora"),
    ("Primera Sesión Ordinaria", "24 de febrero de 2023", "11:00 hrs."),
    ("Segunda Sesión Ordinaria", "28 de abril de 2023", "11:00 hrs."),
    ("Tercera Sesión Ordinaria", "30 de junio de 2023", "11:00 hrs."),
    ("Cuarta Sesión Ordinaria", "25 de agosto de 2023", "11:00 hrs."),
]
STL_AFTER_CALENDAR = [
    [
        "ACUERDO STL/XV/5/2022: Se aprueba por unanimidad de votos el calendario de sesiones "
        "ordinarias 2023."
    ],
    "VIII. Seguimiento de acuerdos.",
    "La Secretaría Técnica informó que el acuerdo STL/XIV/3/2022, relativo a la publicación de "
    "la agenda pública de actividades, se encuentra en proceso.",
    "IX. Asuntos generales.",
    "No se registraron asuntos generales.",
    "X. Clausura de la sesión.",
    "No habiendo más asuntos que tratar, se da por concluida la sesión siendo las trece horas con "
    "quince minutos del mismo día de su inicio, firmando al calce quienes en ella intervinieron.",
    "FIRMAS",
]
STL_SIGNATURES = [
    ("Mtro. Rodrigo Alcántara Mejía\nFacilitador", "Lic. Ana Laura Benítez Olvera\nSociedad Civil"),
    (
        "Mtra. Claudia Ivette Reyes Monroy\nComisionada",
        "Lic. Patricia Esquivel Lara\nVo. Bo. Dirección Jurídica",
    ),
]


def build_stl_docx(path: Path) -> None:
    """The STL acta: attendance and calendar tables, agreements in one-cell boxes."""
    from docx import Document

    document = Document()
    for text in STL_PARAGRAPHS_BEFORE_TABLE:
        document.add_paragraph(text)
    _table(document, STL_ATTENDANCE)
    for block in STL_AFTER_ATTENDANCE:
        _block(document, block)
    _table(document, STL_CALENDAR)
    for block in STL_AFTER_CALENDAR:
        _block(document, block)
    _table(document, STL_SIGNATURES)
    document.core_properties.author = "Secretaría Técnica"
    document.save(str(path))


def _block(document: object, block: str | list[str]) -> None:
    if isinstance(block, list):
        box = document.add_table(rows=1, cols=1)  # type: ignore[attr-defined]
        box.style = "Table Grid"
        box.cell(0, 0).text = block[0]
    else:
        document.add_paragraph(block)  # type: ignore[attr-defined]


def _table(document: object, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for row_index, row in enumerate(rows):
        for column, value in enumerate(row):
            table.cell(row_index, column).text = value


TRANSPARENCY_HTML = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><style>
@page { size: letter; margin: 2.5cm; }
body { font-family: serif; font-size: 11pt; line-height: 1.4; text-align: justify; }
h1, h2 { text-align: center; font-size: 12pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #000; padding: 4px; vertical-align: top; }
</style></head><body>
<h1>H. AYUNTAMIENTO CONSTITUCIONAL DE SANTA LUCÍA DEL VALLE</h1>
<h2>ACTA DE LA 3a. SESIÓN EXTRAORDINARIA DEL COMITÉ DE TRANSPARENCIA 2023</h2>
<p>En el municipio de Santa Lucía del Valle, Estado de México, siendo las 11:00 hrs. del día
14 de marzo de 2023, en la Sala de Juntas de la Unidad de Transparencia, ubicada en el primer
piso del Palacio Municipal, se reunieron de manera presencial las personas integrantes del
Comité de Transparencia, previa convocatoria contenida en el oficio UT/045/2023 de fecha 10 de
marzo de 2023, suscrito por la Titular de la Unidad de Transparencia, con la finalidad de
celebrar la Tercera Sesión Extraordinaria, contando con la asistencia de:</p>
<p>1. Lic. Martha Elena Ruiz Cárdenas, Presidenta del Comité y Directora Jurídica;<br>
2. C.P. Arturo Domínguez Salas, Contralor Municipal e integrante del Comité;<br>
3. Mtra. Gabriela Sosa Ibarra, Titular de la Unidad de Transparencia y Secretaria Técnica del
Comité;<br>
4. Ing. Luis Fernando Vega Torres, Titular del Área Coordinadora de Archivos, como invitado.</p>
<p>Verificado el quórum, la Presidenta del Comité declaró abierta la sesión y sometió a
consideración el siguiente orden del día:</p>
<p>1. Lista de asistencia y verificación del quórum.<br>
2. Lectura y aprobación, en su caso, del orden del día.<br>
3. Análisis y, en su caso, confirmación de la clasificación como reservada de la información
solicitada mediante la solicitud de acceso 00123/SLV/IP/2023, a cargo de la Dirección de
Seguridad Pública.<br>
4. Análisis y, en su caso, aprobación de las versiones públicas de las nóminas del primer
bimestre de 2023.<br>
5. Asuntos generales.<br>
6. Clausura.</p>
<p>DESARROLLO DE LA SESIÓN</p>
<p>1. Se verificó la asistencia de tres integrantes con derecho a voto, por lo que existe
quórum legal para sesionar.</p>
<p>2. Puesto a consideración de los integrantes, el orden del día se aprobó por unanimidad.</p>
<p>3. La Dirección de Seguridad Pública expuso que la información solicitada contiene los
horarios y rutas de patrullaje, cuya difusión pondría en riesgo la seguridad de la población.
Después de su análisis, por mayoría de votos se aprobó confirmar la clasificación, con el voto
en contra del Contralor Municipal.</p>
<p>4. La Unidad de Transparencia presentó las versiones públicas de las nóminas, en las que se
testaron el RFC, la CURP y las deducciones personales; se aprueban por unanimidad.</p>
<p>5. No se presentaron asuntos generales.</p>
<p>6. No habiendo otro asunto que tratar, se da por terminada la sesión a las 12:20 hrs. del
mismo día de su inicio.</p>
<p>ACUERDOS</p>
<table>
<tr><th>Acuerdo</th><th>Descripción</th><th>Votación</th></tr>
<tr><td>CT/SE/03/2023-01</td><td>Se aprueba el orden del día.</td><td>Unanimidad</td></tr>
<tr><td>CT/SE/03/2023-02</td><td>Se confirma la clasificación como información reservada de los
horarios y rutas de patrullaje solicitados, por un periodo de tres años.</td><td>Mayoría</td></tr>
<tr><td>CT/SE/03/2023-03</td><td>Se aprueban las versiones públicas de las nóminas del primer
bimestre de 2023.</td><td>Unanimidad</td></tr>
</table>
<p>FIRMAS</p>
<p>Lic. Martha Elena Ruiz Cárdenas, Presidenta del Comité<br>
C.P. Arturo Domínguez Salas, Contralor Municipal<br>
Mtra. Gabriela Sosa Ibarra, Secretaria Técnica</p>
</body></html>
"""


def build_transparency_pdf(path: Path) -> None:
    """The transparency committee acta, printed to PDF as a municipal office would."""
    import weasyprint

    path.write_bytes(weasyprint.HTML(string=TRANSPARENCY_HTML).write_pdf())


if __name__ == "__main__":
    build_stl_docx(HERE / "stl-edomex-15-ordinaria-2022.docx")
    build_transparency_pdf(HERE / "comite-transparencia-santa-lucia-03-extraordinaria-2023.pdf")
