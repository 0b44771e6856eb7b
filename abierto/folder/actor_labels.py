"""Who acted, in the access log: stored in Spanish, shown in the reader's language.

The label is part of each event's hash in the chain, so it is written once, in Spanish,
whatever the language of the request that caused it (``stored``), and translated only when
it is shown (``shown``): a label this module does not recognise is shown as stored.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import Relation

HOLDER = gettext_noop("La persona titular")
HOLDER_WITH_CARNET = gettext_noop("La persona titular, con su carnet y PIN")
HOLDER_WITH_CUTS = gettext_noop("La persona titular, con CUTS, contraseña y código")
PUBLIC_VERIFICATION = gettext_noop("Verificación pública con el código QR")
ISSUER = gettext_noop("Emisor: %(issuer)s")
SHARE = gettext_noop("Enlace compartido: %(recipient)s")
RELATIVE = gettext_noop("%(relation)s, desde su Carpeta")
BULK = gettext_noop("%(who)s (emisión masiva %(file)s)")
# "<who> (<channel>)": how a document was reached or an issuer acted.
CHANNELS = {
    "PDF": gettext_noop("%(who)s (PDF)"),
    "original firmado": gettext_noop("%(who)s (original firmado)"),
    "API": gettext_noop("%(who)s (API)"),
    "línea de comandos": gettext_noop("%(who)s (línea de comandos)"),
    "datos de demostración": gettext_noop("%(who)s (datos de demostración)"),
    # Selective disclosure: only chosen claims left, as an SD-JWT VC (credentials.py).
    "SD-JWT VC": gettext_noop("%(who)s (SD-JWT VC)"),
}
_FIXED = (HOLDER, HOLDER_WITH_CARNET, HOLDER_WITH_CUTS, PUBLIC_VERIFICATION)
_CHANNEL = re.compile(r"^(?P<who>.+) \((?P<channel>" + "|".join(CHANNELS) + r")\)$")
_BULK = re.compile(r"^(?P<who>.+) \(emisión masiva (?P<file>.*)\)$")
_ISSUER = re.compile(r"^Emisor: (?P<issuer>.+)$")
_SHARE = re.compile(r"^Enlace compartido: (?P<recipient>.+)$")
_RELATIVE = re.compile(r"^(?P<relation>[^,]+), desde su Carpeta$")


def stored(label: str, **params: Any) -> str:
    """A label as the log stores it: the Spanish text, never the request's language."""
    return label % params if params else label


def channel(who: str, name: str) -> str:
    """``who`` acting through ``name`` (a key of ``CHANNELS``), as stored."""
    return CHANNELS[name] % {"who": who}


def shown(label: str) -> str:
    """The stored ``label`` in the active language."""
    if label in _FIXED:
        return _(label)
    if match := _CHANNEL.match(label):
        return _(CHANNELS[match["channel"]]) % {"who": shown(match["who"])}
    if match := _BULK.match(label):
        return _(BULK) % {"who": shown(match["who"]), "file": match["file"]}
    if match := _ISSUER.match(label):
        return _(ISSUER) % {"issuer": match["issuer"]}
    if match := _SHARE.match(label):
        return _(SHARE) % {"recipient": match["recipient"]}
    if match := _RELATIVE.match(label):
        relation = _relation(match["relation"])
        if relation is not None:
            return _(RELATIVE) % {"relation": relation.label}
    return label


def _relation(spanish_label: str) -> Relation | None:
    with translation.override("es-mx"):
        for relation in Relation:
            if str(relation.label) == spanish_label:
                return relation
    return None
