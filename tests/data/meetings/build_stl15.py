# ruff: noqa: E501, DTZ001 - the speeches are data; wall-clock times of the meeting
"""Writes the participants report and the transcript of the STL's 15th ordinary session
(16 Dec 2022, on Zoom, 11:04 to 12:40) from its acta (``/work/shared/data/actas/`` and
``abierto/forum/data/acta-stl-15-ordinaria-2022-12-16.txt``): the people present as the acta
names them, and in each agenda item the speakers the acta narrates, in their words condensed
(the acta's third person turned back into speech). Run: ``python build_stl15.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = datetime.datetime(2022, 12, 16, 11, 4)
END = datetime.datetime(2022, 12, 16, 12, 40)

# Display name on the call, e-mail, join and leave (minutes from 11:04; several rows for a
# person who reconnected), as each would appear in Zoom.
CONNECTIONS = [
    ("Horacio Rodríguez Jiménez (Host)", "facilitacion.stl@example.org", -6, 96),
    ("Carlos de la Peña", "carlos.delapena@example.org", -2, 96),
    ("Enrique Serrano", "enrique.serrano@example.org", -1, 41),
    ("Enrique Serrano", "enrique.serrano@example.org", 42, 96),
    ("Mtro. José Martínez Vilchis", "presidencia@infoem.example.org", 0, 96),
    ("Luis Gustavo Parra Noriega", "gustavo.parra@infoem.example.org", -3, 95),
    ("Lic. Marco Becerril Garcés", "prevencion@secogem.example.org", 1, 96),
    ("Lilibeth Álvarez Rodríguez", "transparencia@ieem.example.org", 2, 96),
    ("Edgar Marín", "transparencia@pjedomex.example.org", 0, 96),
    ("Iván Barrera Pineda", "subsecretaria.justicia@example.org", 12, 45),
    ("+52 722 000 0000", "", 30, 35),
    ("Relatoría STL", "relatoria.stl@example.org", -5, 96),
]

# (item, minute it starts, [(speaker as shown on the call, words)]).
ITEMS = [
    (1, 0, [
        ("Horacio Rodríguez Jiménez", "Muy buenos días a todas y a todos, siendo las once horas con cuatro minutos damos inicio a la Décimo Quinta Sesión Ordinaria. Procedo al pase de lista para la verificación del quórum legal."),
        ("Horacio Rodríguez Jiménez", "Con la presencia de la mayoría de los integrantes del Secretariado Técnico Local, confirmo que existe quórum para el desarrollo de la sesión."),
    ]),
    (2, 3, [
        ("Horacio Rodríguez Jiménez", "Pasamos al segundo punto del orden del día, la lectura y, en su caso, aprobación del orden del día. ¿Existe algún comentario o modificación, además del punto en Asuntos Generales que solicitó el Representante Titular de Sociedad Civil?"),
        ("Carlos de la Peña", "Ninguna otra, gracias, solo el punto que pedimos en Asuntos Generales."),
        ("Horacio Rodríguez Jiménez", "Sin otro comentario, procedo a recabar la votación correspondiente. Quienes estén a favor sírvanse manifestarlo."),
        ("Carlos de la Peña", "A favor."),
        ("Mtro. José Martínez Vilchis", "A favor."),
        ("Lic. Marco Becerril Garcés", "A favor."),
        ("Edgar Marín", "A favor."),
        ("Horacio Rodríguez Jiménez", "Se aprueba por unanimidad de votos el orden del día, en sus términos."),
    ]),
    (3, 6, [
        ("Horacio Rodríguez Jiménez", "Pasamos al punto número tres del orden del día, la aprobación del acta de la Décimo Cuarta Sesión Ordinaria del 8 de noviembre de 2022, que se les remitió en días pasados por medios electrónicos. Les solicito sus comentarios o su aprobación en los términos propuestos; quienes estén a favor sírvanse manifestarlo."),
        ("Carlos de la Peña", "A favor."),
        ("Mtro. José Martínez Vilchis", "A favor."),
        ("Lic. Marco Becerril Garcés", "A favor."),
        ("Edgar Marín", "A favor."),
        ("Horacio Rodríguez Jiménez", "Se aprueba por unanimidad de votos el acta de la Décimo Cuarta Sesión Ordinaria."),
    ]),
    (4, 9, [
        ("Horacio Rodríguez Jiménez", "Cuarto punto del orden del día: otorgo la palabra al Comisionado Presidente del Infoem, José Martínez Vilchis."),
        ("Mtro. José Martínez Vilchis", "Muchas gracias, bienvenidos todos. Felicito a todos por el trabajo realizado durante el año y los resultados que se han tenido, y reconozco en especial al Comisionado Gustavo Parra por promover estos temas."),
        ("Mtro. José Martínez Vilchis", "En la Sexta Sesión Ordinaria del Comité Coordinador del Sistema Anticorrupción se aprobó el Modelo de Gestión de Riesgos de Corrupción para el Sector Público, que el próximo año se iniciará con mucha intensidad; destaco el esfuerzo del Poder Judicial en estos trabajos."),
        ("Mtro. José Martínez Vilchis", "Los exhorto a continuar con el dinamismo en este ejercicio, para empujar los temas del buen gobierno y el gobierno abierto."),
        ("Horacio Rodríguez Jiménez", "Agradezco mucho la intervención, Comisionado Presidente."),
    ]),
    (5, 16, [
        ("Horacio Rodríguez Jiménez", "Para el desahogo del quinto punto del orden del día cedo la palabra a Iván Barrera Pineda, Subsecretario de Justicia, para la presentación de avances del Plan de Acción Local en el marco de la OGP."),
        ("Iván Barrera Pineda", "Gracias. El 29 de septiembre de 2020 el Estado de México presentó su Carta Intención para formar parte de la Alianza para el Gobierno Abierto; de la consulta ciudadana surgieron seis compromisos cocreados y, de las mesas del Secretariado, tres compromisos proactivos."),
        ("Iván Barrera Pineda", "La segunda caravana por la Justicia Cotidiana ha recorrido 43 municipios con más de 113,000 trámites y servicios; el carnet jurídico, la mediación, la Ley de Justicia Cotidiana, la plataforma de datos con el Infoem y las alianzas con 83 municipios siguen avanzando."),
        ("Enrique Serrano", "Fue un informe amplio. Solicito que se cuente con una agenda pública de las actividades de la Secretaría, para que la sociedad civil pueda acompañarlas."),
        ("Iván Barrera Pineda", "Tomamos la palabra: en 2023 buscaremos una plataforma para compartir documentos e información, con la Secretaría de Justicia como aliada de la Sociedad Civil."),
        ("Mtro. José Martínez Vilchis", "En las caravanas hemos visto los servicios del carnet jurídico. ¿La carpeta ciudadana es una ampliación de esos servicios? Le pido abundar en el compromiso."),
        ("Iván Barrera Pineda", "Las reformas publicadas el 10 de marzo permiten que el Estado de México cuente con una carpeta ciudadana; hay pruebas piloto con seis documentos, como la licencia electrónica y las actas de nacimiento."),
        ("Mtro. José Martínez Vilchis", "El Instituto está listo para acompañar estos servicios; hay que velar por la protección de datos personales para que no sea un obstáculo."),
        ("Luis Gustavo Parra Noriega", "Reitero la disposición del Instituto con herramientas preventivas de la ley de datos, como la evaluación de impacto o una auditoría voluntaria, y destaco el trabajo de la Secretaría de Justicia con la OGP."),
        ("Horacio Rodríguez Jiménez", "Gracias. Al ser un punto de carácter informativo, proseguimos con el desarrollo de la sesión."),
    ]),
    (6, 45, [
        ("Horacio Rodríguez Jiménez", "Pasamos al sexto punto del orden del día, los avances del Compromiso Proactivo del Poder Judicial, que presenta José Edgar Marín Pérez en representación del Magistrado Presidente."),
        ("Edgar Marín", "El compromiso se desarrolla a través del Centro Estatal de Mediación, Conciliación y Justicia Restaurativa, con los Círculos Restaurativos para jóvenes en acogimiento residencial; el 21 de octubre hubo un acercamiento con organizaciones de la sociedad civil en Toluca."),
        ("Carlos de la Peña", "Agradezco al Poder Judicial el mecanismo de colaboración con la sociedad civil y pido que las organizaciones que intervienen se incorporen al Secretariado, cuya convocatoria está abierta."),
        ("Luis Gustavo Parra Noriega", "Reconozco el trabajo del Poder Judicial con el liderazgo del Doctor Ricardo Sodi, la Consejera Fabiola Aparicio y su Titular de Transparencia Edgar Marín, y me sumo al acompañamiento de estos jóvenes."),
        ("Edgar Marín", "Agradezco ambos comentarios; compartiré la invitación con el Magistrado Sergio Arturo Valls para que puedan acompañar el siguiente Círculo Restaurativo."),
        ("Horacio Rodríguez Jiménez", "Agradezco las intervenciones."),
    ]),
    (7, 60, [
        ("Horacio Rodríguez Jiménez", "Damos paso al séptimo punto del orden del día: cedo la palabra al Comisionado Luis Gustavo Parra Noriega para los avances del Compromiso Proactivo del Infoem."),
        ("Luis Gustavo Parra Noriega", "En el estudio de apertura gubernamental recibimos 32 aportaciones de ciudadanos de 15 municipios, el 12% del total; los Consejos de Participación Ciudadana son el espacio más visible de incidencia, y promoveremos la instalación de Secretariados Técnicos Locales."),
        ("Enrique Serrano", "Felicito al Infoem por su micrositio del Compromiso Proactivo, con insumos descargables para que cada ciudadano saque sus conclusiones."),
        ("Mtro. José Martínez Vilchis", "No debemos bajar la guardia aunque los resultados de participación parezcan desalentadores; se abren nuevas formas de acercamiento con los municipios."),
        ("Carlos de la Peña", "Me sumo al reconocimiento del micrositio; como Sociedad Civil hemos sido omisos y nos comprometemos a difundir estos programas para ir más allá del 12%."),
        ("Luis Gustavo Parra Noriega", "Hay que fortalecer la vinculación con los Comités de Participación Ciudadana municipales y con las universidades. Gracias por los comentarios."),
        ("Lic. Marco Becerril Garcés", "Me sumo a la felicitación. El compromiso de la Contraloría se vincula con la integridad pública de los municipios; retomo el acuerdo de una sesión de sensibilización también para el Poder Legislativo y la Secretaría Ejecutiva del Sistema Anticorrupción."),
        ("Luis Gustavo Parra Noriega", "Reitero nuestro apoyo para llevar a cabo la jornada de sensibilización que solicita la Secretaría de la Contraloría."),
        ("Horacio Rodríguez Jiménez", "Agradezco las intervenciones."),
    ]),
    (8, 80, [
        ("Horacio Rodríguez Jiménez", "Octavo punto del orden del día: el calendario de sesiones 2023. Las fechas propuestas son el 24 de febrero, el 28 de abril, el 30 de junio y el 25 de agosto. ¿Algún comentario? Sin intervenciones, solicito su votación; quienes estén a favor sírvanse manifestarlo."),
        ("Carlos de la Peña", "A favor."),
        ("Mtro. José Martínez Vilchis", "A favor."),
        ("Lic. Marco Becerril Garcés", "A favor."),
        ("Edgar Marín", "A favor."),
        ("Horacio Rodríguez Jiménez", "Se aprueba por unanimidad el calendario de sesiones del Secretariado Técnico Local para 2023."),
    ]),
    (9, 86, [
        ("Horacio Rodríguez Jiménez", "Pasamos al punto número nueve, seguimiento de acuerdos: tenemos un acuerdo pendiente sobre el compromiso de la Secretaría de la Contraloría. ¿Alguien desea intervenir?"),
        ("Lic. Marco Becerril Garcés", "Tomamos nota del ofrecimiento del comisionado Luis Gustavo Parra Noriega y les mandaremos una propuesta de fechas para la sensibilización."),
        ("Horacio Rodríguez Jiménez", "Gracias. Sin más comentarios, proseguimos."),
    ]),
    (10, 89, [
        ("Horacio Rodríguez Jiménez", "Décimo punto del orden del día, Asuntos Generales: tiene la palabra la Sociedad Civil."),
        ("Carlos de la Peña", "Dos mil veintidós fue un gran año: trabajamos de la mano del compromiso de la Secretaría de Justicia, y cualquier ciudadano puede registrarse de manera permanente en el Secretariado. Necesitamos un mecanismo para que los compromisos no cambien con cada trienio o sexenio."),
        ("Enrique Serrano", "Coincido plenamente; en breve nos reuniremos para elaborar el Plan de Trabajo 2023, e invito a sumarse a las Declaratorias Conjuntas para instalar Secretariados Técnicos Municipales."),
        ("Horacio Rodríguez Jiménez", "Agradezco a los participantes."),
    ]),
    (11, 94, [
        ("Horacio Rodríguez Jiménez", "Pasamos al punto once, clausura. No habiendo más puntos que tratar, siendo las doce horas con cuarenta minutos del 16 de diciembre de 2022, doy por terminada la Décimo Quinta Sesión Ordinaria. Muchas gracias."),
    ]),
]  # fmt: skip

ZOOM_TIME = "%m/%d/%Y %I:%M:%S %p"


def participants_csv() -> str:
    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        f"852 1612 2022,Décimo Quinta Sesión Ordinaria del STL,{START:{ZOOM_TIME}},"
        f"{END:{ZOOM_TIME}},facilitacion.stl@example.org,96,{len(CONNECTIONS)}",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
    ]
    for name, email, join, leave in CONNECTIONS:
        joined = START + datetime.timedelta(minutes=join, seconds=17)
        left = START + datetime.timedelta(minutes=leave)
        minutes = int((left - joined).total_seconds() // 60) + 1
        guest = "No" if email.endswith(".org") and "example" in email else "Yes"
        lines.append(f'"{name}",{email},{joined:{ZOOM_TIME}},{left:{ZOOM_TIME}},{minutes},{guest}')
    return "\r\n".join(lines) + "\r\n"


def stamp(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{int(seconds * 1000) % 1000:03d}"


def transcript_vtt() -> str:
    out = ["WEBVTT", ""]
    number = 0
    ends = [start for _item, start, _turns in ITEMS[1:]] + [96]
    for (_item, start, turns), end in zip(ITEMS, ends, strict=True):
        span = (end - start) * 60 / len(turns)
        for index, (speaker, words) in enumerate(turns):
            begin = start * 60 + index * span
            sentences = [
                s.strip() for s in words.replace("? ", "?|").replace(". ", ".|").split("|")
            ]
            step = span / len(sentences)
            for k, sentence in enumerate(sentences):
                number += 1
                out += [
                    str(number),
                    f"{stamp(begin + k * step + 0.5)} --> {stamp(begin + (k + 1) * step)}",
                    f"{speaker}: {sentence}",
                    "",
                ]
    return "\n".join(out)


if __name__ == "__main__":
    (HERE / "stl-15-ordinaria-2022-12-16.participants.csv").write_text(
        participants_csv(), encoding="utf-8"
    )
    (HERE / "stl-15-ordinaria-2022-12-16.transcript.vtt").write_text(
        transcript_vtt(), encoding="utf-8"
    )
