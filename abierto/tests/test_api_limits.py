import pytest
from django.core.cache import cache


@pytest.mark.django_db
def test_anonymous_clients_get_a_clear_429_past_their_budget(client, settings):
    cache.clear()
    settings.API_RATE_ANONYMOUS = "3/m"
    for _ in range(3):
        assert client.get("/api/v1/municipalities").status_code == 200
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Demasiadas solicitudes" in response.json()["detail"]
    # Another client (another address) still has its own budget.
    assert client.get("/api/v1/municipalities", REMOTE_ADDR="10.0.0.2").status_code == 200
    cache.clear()
