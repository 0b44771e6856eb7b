"""The query parameters of the action plan's API, each constrained in the schema itself.

A value the OpenAPI document allows is a value the API answers with a 200: the municipality
pattern admits only the 125 INEGI codes of the State of Mexico (15001 to 15125); a kind of
activity that does not exist, or a period whose start is after its end, matches nothing and
answers an empty list. A value outside the constraints is a 422 from ninja, never a 500.

No ``from __future__ import annotations`` here: ninja reads the ``Annotated`` aliases at
import time.
"""

import datetime
import re
from typing import Annotated

from ninja import Query
from pydantic import BeforeValidator

from .models import Activity, Commitment

COMMITMENT_ID = "Hn4Qe8Lr2Tz6Wb0K"
ACTIVITY_ID = "Cv7Ty3Mw9Pq1Zs5D"
INDICATOR_ID = "Ir5Kd2Xw8Bn3Qm7L"
SITE = "https://gobiernoabierto.example.mx"
# 15001 to 15125, the State of Mexico's municipalities.
INEGI_CODE = r"^15(00[1-9]|0[1-9][0-9]|1[01][0-9]|12[0-5])$"
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

CommitmentKind = Annotated[
    Commitment.Kind | None,
    Query(description="Tipo de compromiso: co-created o proactive.", examples=["co-created"]),
]
CommitmentId = Annotated[
    str,
    Query(max_length=32, description="Id público del compromiso.", examples=[COMMITMENT_ID]),
]
MunicipalityCode = Annotated[
    str | None,
    Query(
        pattern=INEGI_CODE,
        description="Clave INEGI de 5 dígitos del municipio (15001 a 15125).",
        examples=["15106"],
    ),
]
ActivityKindSlug = Annotated[
    str,
    Query(
        max_length=40,
        description="Clave del tipo de actividad, p. ej. caravana o platica.",
        examples=["caravana"],
    ),
]


def _iso_date(value: object) -> object:
    """Only AAAA-MM-DD, the schema's ``format: date``: Pydantic would also read a number of
    seconds since 1970 (``0`` as 1970-01-01), which the schema does not allow."""
    if isinstance(value, str) and not ISO_DATE.match(value):
        raise ValueError("Use una fecha AAAA-MM-DD.")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]

DateFrom = Annotated[
    IsoDate | None,
    Query(description="Desde esta fecha (incluida), AAAA-MM-DD.", examples=["2022-01-01"]),
]
DateTo = Annotated[
    IsoDate | None,
    Query(description="Hasta esta fecha (incluida), AAAA-MM-DD.", examples=["2022-12-31"]),
]
ActivityStatus = Annotated[
    Activity.Status | None,
    Query(description="Estado: scheduled, held o cancelled.", examples=["held"]),
]
