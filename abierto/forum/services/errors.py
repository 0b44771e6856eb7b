from django.core.exceptions import ValidationError


class ForumError(ValidationError):
    """A refused forum operation; its message is shown to the facilitator as it is."""
