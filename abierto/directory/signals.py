"""Signals the directory sends to whoever listens (``abierto.ops`` among them)."""

from django.dispatch import Signal

# After the commit of a write that recorded an audit row: ``app_label`` is the app of the
# record changed. The public pages' cache starts a new version on it (abierto/ops/page_cache.py).
records_changed = Signal()
