"""The share form with selective disclosure: per document, the only data the link reveals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .credentials import disclosable_claims
from .forms import ShareForm, document_label
from .models import Document

SEPARATOR = ":"


class SelectiveShareForm(ShareForm):
    claims = forms.MultipleChoiceField(
        label=_("Revelar solo algunos datos (opcional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Si marca datos de un documento, el enlace muestra solo esos datos, firmados como "
            "SD-JWT VC, p. ej. su nombre y «Mayor de 18 años» sin su fecha de nacimiento. Un "
            "documento sin datos marcados se comparte completo."
        ),
    )

    def __init__(
        self,
        *args: Any,
        documents: QuerySet[Document],
        relations: dict[int, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, documents=documents, relations=relations, **kwargs)
        field = self.fields["claims"]
        assert isinstance(field, forms.MultipleChoiceField)
        listed = list(documents.select_related("document_type"))
        self._groups = [
            (document_label(document, (relations or {}).get(document.pk, ())), document.public_id)
            for document in listed
        ]
        field.choices = [
            (
                label,
                [
                    (f"{document.public_id}{SEPARATOR}{claim.name}", claim.label)
                    for claim in disclosable_claims(document.document_type)
                ],
            )
            for (label, _id), document in zip(self._groups, listed, strict=True)
        ]

    def claim_groups(self) -> list[tuple[str, list[Any]]]:
        """``(document label, its checkboxes)``, to render one fieldset per document."""
        labels = {document_id: label for label, document_id in self._groups}
        groups: dict[str, list[Any]] = {}
        for option in self["claims"]:
            document_id = str(option.data["value"]).partition(SEPARATOR)[0]
            groups.setdefault(document_id, []).append(option)
        return [(labels[document_id], options) for document_id, options in groups.items()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = {document.public_id for document in cleaned.get("documents") or ()}
        disclosures: dict[str, list[str]] = {}
        for value in cleaned.get("claims") or ():
            public_id, _sep, name = value.partition(SEPARATOR)
            disclosures.setdefault(public_id, []).append(name)
        if "documents" in cleaned and set(disclosures) - chosen:
            self.add_error(
                "claims",
                _("Marcó datos de un documento que no eligió compartir: márquelo también."),
            )
        cleaned["disclosures"] = disclosures
        return cleaned
