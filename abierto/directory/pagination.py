"""The API's list pagination: ninja's limit/offset, with the offset bounded.

An unbounded offset lets a client ask for row 10^20, which the database cannot even
represent (SQLite answers "datatype mismatch", a 500); past this bound the answer is a 422.
"""

from ninja import Field, Schema
from ninja.conf import settings
from ninja.pagination import LimitOffsetPagination

MAX_OFFSET = 10_000_000


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            settings.PAGINATION_PER_PAGE,
            ge=1,
            le=settings.PAGINATION_MAX_LIMIT,
            description="Cuántos registros devolver.",
        )
        offset: int = Field(
            0, ge=0, le=MAX_OFFSET, description="Cuántos registros saltar desde el inicio."
        )
