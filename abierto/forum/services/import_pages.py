"""The scanned pages kept beside an import under review, and their removal.

A page's image goes with its row however the row goes (the import saved or discarded here,
or the import deleted in the admin, which cascades): ``page_image_delete`` is connected to
``post_delete`` in ``apps.py`` and removes the file once the transaction commits.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..models import ActaImport, ActaImportPage


def acta_import_pages_drop(acta_import: ActaImport) -> int:
    """Delete the scanned pages of an import; their images go after commit."""
    deleted, _ = ActaImportPage.objects.filter(acta_import=acta_import).delete()
    return deleted


def page_image_delete(sender: type[ActaImportPage], instance: ActaImportPage, **_: Any) -> None:
    name = instance.image.name
    if name:
        storage = instance.image.storage
        transaction.on_commit(lambda: storage.delete(name))
