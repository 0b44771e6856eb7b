"""A field's help text is inside the element its aria-describedby names, lists included."""

import re

from django.template.loader import render_to_string

from abierto.folder.forms import ActivationSecretsForm


def test_the_password_rules_are_inside_the_described_by_element():
    html = render_to_string("includes/field.html", {"field": ActivationSecretsForm()["password1"]})
    described_by = re.search(r'<input [^>]*aria-describedby="([^"]+)"', html)[1]
    # A <div>: a <p> cannot hold the rules' <ul>, and a browser closes it before the list.
    match = re.search(rf'<div class="help" id="{described_by}">(.*?)</div>', html, re.DOTALL)
    assert match is not None
    rules = match[1]
    assert rules.startswith("<ul>")
    assert "al menos 12 caracteres" in rules
    assert rules.count("<li>") >= 4
    assert "<p" not in rules
