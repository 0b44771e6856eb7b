"""Production settings for cache, sessions, lockout, tasks, storage and a read replica."""

import json

import pytest

from abierto.tests.test_settings import run

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'cache': settings.CACHES['default']['BACKEND'], "
    "'cache_location': settings.CACHES['default'].get('LOCATION'), "
    "'session': settings.SESSION_ENGINE, 'tasks': settings.TASKS['default']['BACKEND'], "
    "'axes': getattr(settings, 'AXES_HANDLER', 'database'), "
    "'storage': settings.STORAGES['default'], 'databases': sorted(settings.DATABASES), "
    "'routers': settings.DATABASE_ROUTERS, 'middleware': settings.MIDDLEWARE, "
    "'connect_timeout': settings.DATABASES['default'].get('OPTIONS', {}).get('connect_timeout'),"
    "'replica_test': settings.DATABASES.get('replica', {}).get('TEST')}))"
)
PRODUCTION = {"SECRET_KEY": "p" * 60, "ALLOWED_HOSTS": "stl.example.org"}


def probe(**env):
    result = run(PROBE, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(**env):
    result = run(PROBE, **PRODUCTION, **env)
    assert result.returncode != 0
    return result.stderr


@pytest.mark.slow
def test_without_redis_each_process_has_a_memory_cache_and_database_backed_parts():
    values = probe()
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["session"] == "django.contrib.sessions.backends.db"
    assert values["axes"].endswith("AxesDatabaseHandler")
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert values["databases"] == ["default"]
    assert "abierto.ops.middleware.ReplicaReadsMiddleware" not in values["middleware"]


@pytest.mark.slow
def test_redis_url_shares_cache_sessions_and_lockout_between_servers():
    values = probe(REDIS_URL="redis://cache.internal:6379/1", SESSION_BACKEND="cache",
                   AXES_STORE="cache")  # fmt: skip
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/1"
    assert values["session"] == "django.contrib.sessions.backends.cache"
    assert values["axes"] == "axes.handlers.cache.AxesCacheHandler"


@pytest.mark.slow
def test_shared_state_in_a_per_process_cache_is_refused():
    assert "SESSION_BACKEND=cache needs REDIS_URL" in refused(SESSION_BACKEND="cache")
    assert "AXES_STORE=cache needs REDIS_URL" in refused(AXES_STORE="cache")
    assert "TASKS_BACKEND='celery'" in refused(TASKS_BACKEND="celery")


@pytest.mark.slow
def test_object_storage_is_configured_from_the_environment():
    values = probe(
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME="carpeta",
        AWS_S3_ENDPOINT_URL="https://minio.internal:9000",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY_FILE="/dev/null",
    )
    storage = values["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "carpeta"
    assert options["endpoint_url"] == "https://minio.internal:9000"
    assert options["access_key"] == "AKIAEXAMPLE"
    assert options["default_acl"] is None
    assert options["file_overwrite"] is False
    assert "AWS_STORAGE_BUCKET_NAME" in refused(STORAGE_BACKEND="s3")


@pytest.mark.slow
def test_a_replica_url_adds_the_replica_and_its_router():
    values = probe(
        DATABASE_URL="postgres://stl@db-primary.internal/abierto",
        DATABASE_REPLICA_URL="postgres://stl@db-replica.internal/abierto",
    )
    assert values["databases"] == ["default", "replica"]
    assert values["routers"] == ["abierto.ops.db_router.PrimaryReplicaRouter"]
    assert values["replica_test"]["MIRROR"] == "default"
    assert values["connect_timeout"] == 5
    middleware = values["middleware"]
    assert middleware.index("abierto.ops.middleware.ReplicaReadsMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
