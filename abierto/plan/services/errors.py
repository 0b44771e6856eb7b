from django.core.exceptions import ValidationError


class PlanError(ValidationError):
    """A refused operation on the action plan; its Spanish message is shown as it is."""
