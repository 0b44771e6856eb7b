"""Settings by subject, imported by name into ``abierto.settings`` (the settings module that
DJANGO_SETTINGS_MODULE names everywhere).
"""
