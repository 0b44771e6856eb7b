"""Query parameters and example ids of the forum's API: a value that does not validate is a
422 from ninja, never a 500.

No ``from __future__ import annotations``: ninja reads these annotations at import time.
"""

from typing import Annotated

from ninja import Query

from ..models import (
    AgreementStatus,
    Session,
)

SESSION_ID = "Xq3v9Lk2Rb7wTz1A"
AGREEMENT_ID = "Pz8mN4kQw2Ls6Vt0"
# Query parameters: a value that does not validate is a 422 from ninja, never a 500.
Year = Annotated[
    int | None, Query(ge=2000, le=2100, description="Año de la sesión.", examples=[2022])
]
SessionKind = Annotated[
    Session.Kind | None, Query(description="Tipo de sesión.", examples=["ordinary"])
]
SessionStatus = Annotated[
    Session.Status | None, Query(description="Estado de la sesión.", examples=["held"])
]
AgreementStatusParam = Annotated[
    AgreementStatus | None, Query(description="Estado del acuerdo.", examples=["pending"])
]
SessionId = Annotated[
    str, Query(max_length=32, description="Id público de la sesión.", examples=[SESSION_ID])
]
ForumSlug = Annotated[
    str,
    Query(
        max_length=40,
        pattern=r"^[a-z0-9-]*$",
        description="Nombre corto del foro (`stl` para el estatal, `stm-toluca`…); ver /foros/.",
        examples=["stl"],
    ),
]
InstitutionId = Annotated[
    str, Query(max_length=32, description="Id público de la institución responsable.")
]
Search = Annotated[
    str,
    Query(
        max_length=200,
        description="Palabras a buscar en el texto o la clave.",
        examples=["Contraloría"],
    ),
]
