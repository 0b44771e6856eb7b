"""The language switch names each language as the project does, in that language."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_switch_shows_the_projects_own_language_names(client, language):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).text
    assert '<option value="es-mx" lang="es-mx"' in page
    assert ">Español (México)</option>" in page
    assert ">English</option>" in page
    assert "Mexico</option>" not in page  # Django's built-in «Español de Mexico»
    assert "Inglés" not in page
