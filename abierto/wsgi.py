import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abierto.settings")

application = get_wsgi_application()

# Import every view now (WeasyPrint, the API schema...), not in the first request a worker
# serves: that took over a second. With gunicorn's preload_app the workers fork from this
# warmed process, so a recycled worker (max_requests) answers at once too.
get_resolver().url_patterns  # noqa: B018 -- evaluated for its imports
