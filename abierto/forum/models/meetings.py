from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Person, TimeStamped, public_id_field
from abierto.lib.spanish import ordinal_to_words

from .body import Forum, Seat


class Session(TimeStamped):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinaria")
        EXTRAORDINARY = "extraordinary", _("Extraordinaria")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", _("Presencial")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Híbrida")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Programada")
        CONVENED = "convened", _("Convocada")
        HELD = "held", _("Celebrada")
        MINUTES_APPROVED = "minutes_approved", _("Acta aprobada")
        CANCELLED = "cancelled", _("Cancelada")

    public_id = public_id_field(_("Identificador aleatorio y estable de la sesión."))
    forum = models.ForeignKey(
        Forum, verbose_name=_("foro"), on_delete=models.PROTECT, related_name="sessions"
    )
    kind = models.CharField(
        _("tipo"),
        max_length=15,
        choices=Kind.choices,
        default=Kind.ORDINARY,
        help_text=_("Ordinaria o extraordinaria."),
    )
    number = models.PositiveSmallIntegerField(
        _("número"), help_text=_("Número de la sesión dentro de su tipo, p. ej. 15.")
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha de la sesión."))
    start_time = models.TimeField(
        _("hora de inicio"),
        null=True,
        blank=True,
        help_text=_("Hora de inicio: la programada y, una vez celebrada, la real."),
    )
    end_time = models.TimeField(
        _("hora de término"), null=True, blank=True, help_text=_("Hora de clausura.")
    )
    modality = models.CharField(
        _("modalidad"),
        max_length=10,
        choices=Modality.choices,
        default=Modality.IN_PERSON,
        help_text=_("Presencial, virtual o híbrida."),
    )
    place = models.CharField(
        _("lugar"), max_length=250, blank=True, help_text=_("Sede o plataforma de la sesión.")
    )
    meeting_url = models.URLField(
        _("enlace de la reunión"),
        blank=True,
        help_text=_("Enlace para conectarse, en sesiones virtuales o híbridas (no se publica)."),
    )
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=_("Programada, convocada, celebrada, acta aprobada o cancelada."),
    )
    roll_call_at = models.DateTimeField(
        _("pase de lista"),
        null=True,
        blank=True,
        help_text=_("Cuándo se registró la lista de asistencia; vacío si no consta."),
    )
    recording_url = models.URLField(
        _("grabación"),
        max_length=500,
        blank=True,
        help_text=_("Página pública con la grabación de la sesión, p. ej. un video."),
    )
    ical_sequence = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Versión del evento de calendario (SEQUENCE).")
    )
    calendar_agreement = models.ForeignKey(
        "forum.Agreement",
        verbose_name=_("acuerdo de calendario"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scheduled_sessions",
        help_text=_("Acuerdo que aprobó la sesión en el calendario anual."),
    )

    class Meta:
        ordering = ["-date", "-number"]
        verbose_name = _("sesión")
        verbose_name_plural = _("sesiones")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "kind", "number"], name="one_session_per_forum_kind_and_number"
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="session_number_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["forum", "date"]),
            models.Index(fields=["status", "date"]),
            # The public list, newest first, read in index order (LIMIT without a sort).
            models.Index(fields=["-date", "-number"], name="session_newest_first"),
            # A forum's list, newest first, among the sessions of every forum.
            models.Index(fields=["forum", "-date", "-number"], name="session_forum_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("forum:session_detail", args=[self.public_id])

    @property
    def convocation_or_none(self) -> Convocation | None:
        """The convocation, or None before the session is convened (no exception)."""
        try:
            return self.convocation
        except Convocation.DoesNotExist:
            return None

    @property
    def title(self) -> str:
        """The session's name as actas write it: «Décimo Quinta Sesión Ordinaria»."""
        kind = "Ordinaria" if self.kind == self.Kind.ORDINARY else "Extraordinaria"
        return f"{ordinal_to_words(self.number)} Sesión {kind}"


class Convocation(TimeStamped):
    """The official letter that convenes a session, numbered per forum and year."""

    session = models.OneToOneField(
        Session, verbose_name=_("sesión"), on_delete=models.PROTECT, related_name="convocation"
    )
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("año"))
    sequence = models.PositiveSmallIntegerField(_("consecutivo"))
    reference = models.CharField(
        _("número de oficio"),
        max_length=40,
        unique=True,
        help_text=_("Referencia del oficio de convocatoria, p. ej. STL/016/2022."),
    )
    date = models.DateField(_("fecha del oficio"), help_text=_("Fecha del oficio."))
    body = models.TextField(_("texto"), blank=True, help_text=_("Texto del oficio."))
    letter = models.FileField(_("oficio (PDF)"), upload_to="convocatorias/%Y/", blank=True)
    sent_at = models.DateTimeField(_("enviada"), null=True, blank=True)
    recipients = models.PositiveSmallIntegerField(_("destinatarios"), default=0)

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("convocatoria")
        verbose_name_plural = _("convocatorias")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "year", "sequence"], name="one_convocation_number_per_forum_year"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class AgendaItem(TimeStamped):
    class Kind(models.TextChoices):
        INFORMATIVE = "informative", _("Informativo")
        DECISIVE = "decisive", _("Para acuerdo")

    session = models.ForeignKey(
        Session, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="agenda"
    )
    number = models.PositiveSmallIntegerField(
        _("número"), help_text=_("Orden del punto en el orden del día (se muestra en romanos).")
    )
    title = models.CharField(
        _("título"), max_length=500, help_text=_("El punto tal como se anuncia.")
    )
    kind = models.CharField(
        _("tipo"),
        max_length=12,
        choices=Kind.choices,
        default=Kind.INFORMATIVE,
        help_text=_("Informativo (presentación) o para acuerdo (se vota)."),
    )
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("presenta (integrante)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Integrante que presenta el punto."),
    )
    presenter_name = models.CharField(
        _("presenta (invitado)"),
        max_length=250,
        blank=True,
        help_text=_("Nombre y cargo de quien presenta, si es una persona invitada."),
    )
    narrative = models.TextField(
        _("desarrollo"),
        blank=True,
        help_text=_("Lo que se expuso y dijo en el punto, para el acta."),
    )
    started_at = models.TimeField(
        _("hora de inicio del punto"),
        null=True,
        blank=True,
        help_text=_("Cuándo empezó a tratarse el punto (la marca la facilitación en vivo)."),
    )

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("punto del orden del día")
        verbose_name_plural = _("orden del día")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"], name="one_agenda_number_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def presenter_display(self) -> str:
        if self.presenter_id:
            return str(self.presenter)
        return self.presenter_name


class Attendance(models.Model):
    """One person present at a session: for a seat (holder, alternate, delegate) or as a guest.

    A seat with nobody present is absent; the roll call stores only who was there.
    """

    class Capacity(models.TextChoices):
        HOLDER = "holder", _("Titular")
        ALTERNATE = "alternate", _("Suplente")
        DELEGATE = "delegate", _("En representación")
        GUEST = "guest", _("Invitado")

    session = models.ForeignKey(
        Session, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="attendance"
    )
    seat = models.ForeignKey(
        Seat,
        verbose_name=_("asiento"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Asiento por el que asiste; vacío para personas invitadas."),
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("persona"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    name = models.CharField(_("nombre"), max_length=250, help_text=_("Nombre de quien asiste."))
    role = models.CharField(
        _("cargo"), max_length=250, blank=True, help_text=_("Cargo con el que asiste.")
    )
    capacity = models.CharField(
        _("calidad"),
        max_length=10,
        choices=Capacity.choices,
        help_text=_("Titular, suplente, en representación o invitado."),
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "seat__order", "id"]
        verbose_name = _("asistencia")
        verbose_name_plural = _("lista de asistencia")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity="guest", seat__isnull=True)
                | (~models.Q(capacity="guest") & models.Q(seat__isnull=False)),
                name="attendance_seat_unless_guest",
            ),
            models.UniqueConstraint(
                fields=["session", "seat", "capacity"],
                condition=models.Q(capacity__in=["holder", "alternate"]),
                name="holder_and_alternate_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=models.Q(person__isnull=False),
                name="a_person_attends_once_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_capacity_display()})"
