"""A database that goes away during a request gives a 503 page in Spanish, not a stack trace."""

import pytest
from django.db.backends.utils import CursorWrapper
from django.db.utils import InterfaceError, OperationalError


@pytest.fixture
def database_gone(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise self.error_class("server closed the connection unexpectedly")

    def install(error_class):
        monkeypatch.setattr(CursorWrapper, "error_class", error_class, raising=False)
        monkeypatch.setattr(CursorWrapper, "execute", refuse)
        monkeypatch.setattr(CursorWrapper, "executemany", refuse)

    return install


@pytest.mark.django_db
@pytest.mark.parametrize("error_class", [OperationalError, InterfaceError])
def test_a_database_error_in_a_view_answers_503_with_a_page(client, database_gone, error_class):
    database_gone(error_class)
    response = client.get("/sesiones/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "no está disponible" in body
    assert "Traceback" not in body
    assert "server closed" not in body


def test_other_errors_are_not_turned_into_503(rf):
    from abierto.middleware import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/"), ValueError("a bug")) is None
