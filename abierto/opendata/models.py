"""The search index and the map of access-to-information platforms."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field


class SearchEntry(models.Model):
    """One searchable public record, copied from its app by ``search.rebuild``.

    On PostgreSQL ``vector`` holds its Spanish tsvector; on SQLite a companion FTS5 table
    (created by the migration) holds its Snowball-stemmed words.
    """

    kind = models.CharField(max_length=20)
    ref = models.CharField(max_length=64)
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True)
    forum = models.CharField(max_length=40, blank=True, db_index=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("entrada del buscador")
        verbose_name_plural = _("índice del buscador")
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector_gin")]
        constraints = [
            models.UniqueConstraint(fields=["kind", "ref"], name="one_search_entry_per_record")
        ]

    def __str__(self) -> str:
        return self.title


class AccessPlatform(TimeStamped):
    """A platform through which people exercise access to information or take part."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Acceso a la información")
        PERSONAL_DATA = "personal_data", _("Protección de datos personales (ARCO)")
        TRANSPARENCY = "transparency", _("Transparencia (obligaciones de oficio)")
        PARTICIPATION = "participation", _("Participación ciudadana")
        OPEN_DATA = "open_data", _("Datos abiertos")

    public_id = public_id_field(_("Identificador aleatorio y estable de la plataforma."))
    name = models.CharField(_("nombre"), max_length=200, help_text=_("Nombre de la plataforma."))
    acronym = models.CharField(
        _("siglas"), max_length=30, blank=True, help_text=_("Siglas con que se conoce.")
    )
    kind = models.CharField(
        _("tipo"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Derecho o uso al que sirve la plataforma."),
    )
    url = models.URLField(_("dirección"), help_text=_("Dirección web de la plataforma."))
    operator = models.ForeignKey(
        "directory.Institution",
        verbose_name=_("institución que la opera"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Institución que opera la plataforma."),
    )
    scope = models.CharField(
        _("ámbito"),
        max_length=20,
        choices=[
            ("state", _("Estatal")),
            ("national", _("Nacional")),
            ("municipal", _("Municipal")),
        ],
        default="state",
        help_text=_("Estatal, nacional o municipal."),
    )
    description = models.TextField(
        _("descripción"), help_text=_("Qué se puede hacer en la plataforma y quién puede usarla.")
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("plataforma de acceso a la información")
        verbose_name_plural = _("plataformas de acceso a la información")

    def __str__(self) -> str:
        return self.name
