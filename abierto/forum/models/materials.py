"""What a session carries besides its convocation: materials per item, the draft under review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution, TimeStamped, public_id_field

from .meetings import AgendaItem, Session
from .minutes import Minutes


class SessionMaterial(TimeStamped):
    """A file or a link an agenda item presents, sent with the convocation.

    A material with no agenda item belongs to the session as a whole (the previous
    session's draft acta, sent with the convocation for the members' observations).
    """

    class Kind(models.TextChoices):
        FILE = "file", _("Archivo")
        LINK = "link", _("Enlace")
        DRAFT_MINUTES = "draft_minutes", _("Borrador de acta")

    public_id = public_id_field(_("Identificador aleatorio y estable del material."))
    session = models.ForeignKey(
        Session,
        verbose_name=_("sesión"),
        on_delete=models.PROTECT,
        related_name="materials",
        help_text=_("Sesión a la que acompaña el material."),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("punto del orden del día"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
        help_text=_("Punto que presenta el material; vacío si es de la sesión entera."),
    )
    kind = models.CharField(
        _("tipo"),
        max_length=15,
        choices=Kind.choices,
        help_text=_("Archivo, enlace o borrador del acta de la sesión anterior."),
    )
    title = models.CharField(
        _("título"),
        max_length=250,
        help_text=_("Qué es el material, p. ej. «Propuesta de calendario»."),
    )
    provider = models.ForeignKey(
        Institution,
        verbose_name=_("institución que lo aporta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Institución que aporta el material; vacío si lo aporta la facilitación."),
    )
    provider_name = models.CharField(
        _("quién lo aporta"),
        max_length=250,
        help_text=_("Quién aporta el material, como se muestra."),
    )
    is_public = models.BooleanField(
        _("público"),
        default=False,
        help_text=_("Si se publica con el registro de la sesión una vez celebrada."),
    )
    file = models.FileField(
        _("archivo"), upload_to="sesiones/materiales/%Y/", blank=True, help_text=_("El archivo.")
    )
    file_name = models.CharField(
        _("nombre del archivo"), max_length=255, blank=True, help_text=_("Nombre del archivo.")
    )
    file_type = models.CharField(
        _("formato"), max_length=10, blank=True, help_text=_("Formato, según su contenido.")
    )
    file_size = models.PositiveBigIntegerField(
        _("tamaño"), default=0, help_text=_("Tamaño del archivo en bytes.")
    )
    sha256 = models.CharField(
        _("SHA-256"),
        max_length=64,
        blank=True,
        help_text=_("Huella SHA-256 del archivo, para comprobar que es el mismo."),
    )
    url = models.URLField(
        _("enlace"), max_length=500, blank=True, help_text=_("Dirección del material enlazado.")
    )
    minutes = models.ForeignKey(
        Minutes,
        verbose_name=_("acta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sent_with",
        help_text=_("Borrador de acta que se envió con la convocatoria."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["session", "agenda_item__number", "id"]
        verbose_name = _("material de sesión")
        verbose_name_plural = _("materiales de sesión")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="file")
                    & ~models.Q(file="")
                    & models.Q(url="")
                    & ~models.Q(sha256="")
                )
                | (models.Q(kind="link") & models.Q(file="") & ~models.Q(url=""))
                | (models.Q(kind="draft_minutes") & models.Q(minutes__isnull=False)),
                name="material_is_a_file_a_link_or_a_draft",
            ),
            models.UniqueConstraint(
                fields=["session", "minutes"],
                condition=models.Q(minutes__isnull=False),
                name="a_draft_is_sent_once_per_session",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MinutesObservation(TimeStamped):
    """A member's observation on a draft acta, for one paragraph or for the whole text."""

    class Status(models.TextChoices):
        OPEN = "open", _("Pendiente")
        ACCEPTED = "accepted", _("Aceptada")
        ANSWERED = "answered", _("Respondida")

    minutes = models.ForeignKey(
        Minutes,
        verbose_name=_("acta"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    paragraph_id = models.CharField(
        _("párrafo"),
        max_length=16,
        blank=True,
        help_text=_("Identificador estable del párrafo observado; vacío si es sobre toda el acta."),
    )
    paragraph_text = models.TextField(
        _("texto del párrafo"), blank=True, help_text=_("El párrafo tal como se observó.")
    )
    text = models.TextField(_("observación"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author_name = models.CharField(_("nombre de quien observa"), max_length=250)
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    answer = models.TextField(_("respuesta"), blank=True)
    attended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atendida por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    attended_at = models.DateTimeField(_("atendida"), null=True, blank=True)

    class Meta:
        ordering = ["minutes", "created_at", "id"]
        verbose_name = _("observación al acta")
        verbose_name_plural = _("observaciones al acta")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="open")
                | (models.Q(attended_by__isnull=False) & models.Q(attended_at__isnull=False)),
                name="attended_observations_say_by_whom",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="answered") | ~models.Q(answer=""),
                name="answered_observations_have_an_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"
