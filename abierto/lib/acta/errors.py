"""The one error of the acta reader."""


class ActaReadError(Exception):
    """The file cannot be read as an acta; ``str(error)`` is a Spanish message for people."""
