from django.urls import path, re_path

from . import feeds, views

app_name = "opendata"

urlpatterns = [
    path("datos/", views.catalog, name="catalog"),
    path("buscar/", views.search_page, name="search"),
    path("feeds/acuerdos.atom", feeds.AgreementsFeed(), name="feed_agreements"),
    path("feeds/actas.atom", feeds.MinutesFeed(), name="feed_minutes"),
    path("feeds/materiales.atom", feeds.MaterialsFeed(), name="feed_materials"),
    path("feeds/actividades.atom", feeds.ActivitiesFeed(), name="feed_activities"),
    path("datos/catalogo.jsonld", views.catalog_jsonld, name="catalog_jsonld"),
    path("datos/plataformas/", views.access_platforms_page, name="platforms"),
    re_path(r"^datos/(?P<slug>[a-z0-9-]+)\.(?P<fmt>csv|json)$", views.download, name="download"),
    path("datos/<slug:slug>/", views.dataset_page, name="dataset"),
    path("datos/<slug:slug>/datapackage.json", views.datapackage_json, name="datapackage"),
]
