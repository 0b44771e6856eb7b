"""The coverage table's caption wraps to the screen, outside the sideways-scrolling box."""

import pytest


@pytest.mark.django_db
def test_the_coverage_caption_sits_outside_the_scrolling_box(client):
    page = client.get("/plan/cobertura/").text
    visible = page.index('<p class="table-caption" id="cifras-leyenda" aria-hidden="true">Los 125')
    box = page.index('<div class="table-scroll"', page.index('id="tabla-titulo"'))
    assert visible < box
    assert "<caption>Los 125" not in page  # a caption is as wide as its table
    assert '<caption class="visually-hidden">Los 125 municipios, por clave INEGI' in page
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="cifras-leyenda">'
        in page
    )
