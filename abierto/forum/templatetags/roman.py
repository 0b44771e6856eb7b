from django import template

from abierto.lib.roman import to_roman

register = template.Library()


@register.filter(name="roman")
def roman(value: object) -> str:
    """``{{ 15|roman }}`` → ``XV``; anything that is not 1 to 3999 is shown as it is."""
    try:
        return to_roman(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return str(value)
