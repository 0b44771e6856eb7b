"""Machine endpoints at the root: ``/healthz``, ``/readyz``, ``/metrics``.

``HealthCheckMiddleware`` answers the first two before any host check; the routes are here
too so that they resolve and can be reversed.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.metrics, name="metrics"),
]
