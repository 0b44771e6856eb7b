"""Settings for abierto, read from the environment (the larger subjects in ``abierto.conf``).

SQLite under ``var/`` is the zero-setup default so that one can check out the code, install
and run; PostgreSQL is chosen with ``DATABASE_URL``. Any secret may also be given as a file
path in ``<NAME>_FILE`` (Docker/Kubernetes secrets), which wins over ``<NAME>``.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from abierto.conf.env import BASE_DIR, DEBUG, VAR_DIR, env, env_bool, env_int, env_list

# The larger subjects live in abierto.conf, one module each, every name in them a setting.
from abierto.conf.folder import *  # noqa: F403
from abierto.conf.logs import *  # noqa: F403
from abierto.conf.mail import *  # noqa: F403
from abierto.conf.security import *  # noqa: F403

# Known harmless, silenced so that a terminal shows what matters: WeasyPrint's notice that a
# future version will need HarfBuzz-Subset (it only makes the PDFs' fonts smaller), and
# setuptools' notices about its own deprecated APIs (pkg_resources, distutils), which come from
# third-party packages, never from this code.
warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required")
warnings.filterwarnings("ignore", message=r"pkg_resources is deprecated")
warnings.filterwarnings("ignore", message=r"Setuptools is replacing distutils")
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"pkg_resources(\..*)?$")

# Commands that only read the code never sign anything, so they run without the key (CI and
# hooks check migrations on machines that hold no production secret).
KEYLESS_COMMANDS = frozenset(
    {"makemigrations", "showmigrations", "makemessages", "compilemessages"}
)


def _management_command() -> str:
    if len(sys.argv) > 1 and Path(sys.argv[0]).name == "manage.py":
        return sys.argv[1]
    return ""


SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "dev-only-insecure-key-never-used-when-debug-is-off"
    elif _management_command() in KEYLESS_COMMANDS:
        SECRET_KEY = f"unused-by-{_management_command()}-" + "x" * 40
    else:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) is required unless DEBUG=1.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves its Swagger UI assets from our static files, not from a CDN
    "axes",
    "csp",
    # Before django_tasks_db: its `db_worker` command is ops' own, which also reclaims the jobs
    # of killed workers (abierto/ops/management/commands/db_worker.py).
    "abierto.ops",
    "django_tasks",
    "django_tasks_db",
    "abierto.directory",
    "abierto.forum",
    "abierto.plan",
    "abierto.folder",
    "abierto.circles",
    "abierto.opendata",
]

MIDDLEWARE = [
    # First: every log line and metric of a request, health checks included, sees these.
    "abierto.ops.middleware.RequestIdMiddleware",
    "abierto.ops.middleware.MetricsMiddleware",
    "abierto.ops.middleware.HealthCheckMiddleware",
    "abierto.middleware.DatabaseUnavailableMiddleware",  # a 503 page when the database is gone
    # /v/<token> for machines (JSON): answered here, without the middleware below that a
    # verification does not need (sessions, users, CSRF, language...).
    "abierto.folder.middleware.MachineVerificationMiddleware",
    # Anonymous visitors' public pages from the cache; what it replays carries the headers the
    # middleware below added when the page was rendered (security, CSP, language).
    "abierto.ops.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "abierto.directory.idle.StaffIdleMiddleware",  # staff sessions end when idle (ASVS 3.3.2)
    # After it: a staff session that skipped the second factor is logged out (ASVS 2.2.2).
    "abierto.directory.factor_login.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that it sees the outcome of authentication in the views.
    "axes.middleware.AxesMiddleware",
    # Before any view; here the 400 page has the request's user and language.
    "abierto.middleware.NulCharacterMiddleware",  # PostgreSQL refuses NUL in any text
]

ROOT_URLCONF = "abierto.urls"
WSGI_APPLICATION = "abierto.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "abierto" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "abierto.directory.context_processors.roles",
            ],
            "string_if_invalid": env("TEMPLATE_STRING_IF_INVALID", ""),
        },
    }
]

# Database ------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'abierto.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open like PostgreSQL's (one per thread): opening one, with the pragmas below, cost
    # 2 ms, more than the rest of a verification.
    # IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait (busy_timeout)
    # instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails a request (and /readyz) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DB_CONNECT_TIMEOUT", 5
    )
    # Behind PgBouncer in transaction mode: DB_DISABLE_SERVER_SIDE_CURSORS=1 (docs/deploy.md).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DB_DISABLE_SERVER_SIDE_CURSORS")
# The verification's query prepared once per PostgreSQL connection (folder/selectors/
# verification_query.py); off by default behind a pooler in transaction mode.
DB_PREPARED_VERIFICATION = env_bool(
    "DB_PREPARED_VERIFICATION", not env_bool("DB_DISABLE_SERVER_SIDE_CURSORS")
)
# A read replica takes the anonymous reads (public pages, open data, the API): see
# abierto/ops/db_router.py. Writes, signed-in people and workers always use the primary.
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL")
REPLICA_STICKY_SECONDS = env_int("REPLICA_STICKY_SECONDS", 10)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["abierto.ops.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("abierto.ops.middleware.HealthCheckMiddleware") + 1,
        "abierto.ops.middleware.ReplicaReadsMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and background tasks -------------------------------------------------------
# Redis (REDIS_URL) is the cache every app server shares: API rate limits, and the login
# lockout with AXES_STORE=cache. Without it, a per-process memory cache keeps `make run`
# zero-setup (and rate limits are then counted per process).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "abierto"),
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_TIMEOUT", 2),
                "socket_timeout": env_int("REDIS_TIMEOUT", 2),
                "health_check_interval": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The public pages rendered for anonymous visitors (abierto/ops/page_cache.py), kept for
# PAGE_CACHE_SECONDS (0 turns the cache off). Every gunicorn worker must see the same entries
# and, above all, the same version token that a write bumps: a per-process memory cache would
# let another worker serve a page from before the write. So Redis when there is one (every
# app server shares it), else files under VAR_DIR, which the workers of one machine share.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
if REDIS_URL:
    CACHES["pages"] = {
        **CACHES["default"],
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "abierto") + "-pages",
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 5000)},
    }
# Without Redis the version token that a write bumps lives in this file, mapped into the
# memory of every worker: a cache hit reads it without a system call (page_cache/version.py).
PAGE_CACHE_VERSION_FILE = None if REDIS_URL else str(VAR_DIR / "cache" / "page-version")
SESSION_BACKEND = env("SESSION_BACKEND", "db")
SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
if SESSION_BACKEND not in SESSION_ENGINES:
    raise ImproperlyConfigured(f"SESSION_BACKEND={SESSION_BACKEND!r}: use db, cache or cached_db.")
if SESSION_BACKEND == "cache" and not REDIS_URL and not DEBUG:
    raise ImproperlyConfigured("SESSION_BACKEND=cache needs REDIS_URL: app servers must share it.")
SESSION_ENGINE = SESSION_ENGINES[SESSION_BACKEND]

# Background work (django-tasks, the backport of Django 6's task framework): stored in the
# database and run by `manage.py db_worker`; TASKS_BACKEND=immediate runs them in the request.
TASKS_BACKEND = env("TASKS_BACKEND", "immediate" if DEBUG else "database")
if TASKS_BACKEND not in {"database", "immediate"}:
    raise ImproperlyConfigured(f"TASKS_BACKEND={TASKS_BACKEND!r}: use database or immediate.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "mail", "documents"],
    }
}
# A running job holds a lease that its worker renews; past it, the worker is taken for dead
# and the job is resumed (when it can be) or failed (abierto/ops/background.py).
JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", 120)

# Accounts ------------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "abierto.directory.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},  # ASVS 2.1.1
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "abierto.directory.passwords.MaximumLengthValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "abierto.directory.lockout.NetworkLockoutBackend",  # password spraying from one network
    # Django's ModelBackend, except that the demo logins cannot be used without DEBUG.
    "abierto.directory.backends.AccountBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "directory:account"
LOGOUT_REDIRECT_URL = "home"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures of one network (IPv4 /24, IPv6 /64) across usernames, in the cache
# (abierto/directory/lockout.py): past this, the network waits out the cool-off.
AXES_NETWORK_FAILURE_LIMIT = env_int("AXES_NETWORK_FAILURE_LIMIT", 20)
AXES_RESET_ON_SUCCESS = True
# The folder's logins (abierto/folder/lockout.py) count failures per CUTS and network: past
# AXES_FAILURE_LIMIT, that network waits this many seconds before its next try, doubled after
# each further failure up to the cool-off, instead of a lock that a stranger could trigger.
FOLDER_LOGIN_DELAY_SECONDS = env_int("FOLDER_LOGIN_DELAY_SECONDS", 30)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The client's address as the API's throttles see it: behind NUM_PROXIES trusted proxies, the
# one they forwarded (else every failure would count against the proxy's own address).
AXES_CLIENT_IP_CALLABLE = "abierto.directory.ratelimit.client_ip"
# The lockout counts failures in the shared database by default, so every app server sees
# them; AXES_STORE=cache counts them in Redis instead (needs REDIS_URL).
AXES_STORE = env("AXES_STORE", "database")
if AXES_STORE == "cache":
    if not REDIS_URL and not DEBUG:
        raise ImproperlyConfigured("AXES_STORE=cache needs REDIS_URL: app servers must share it.")
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
elif AXES_STORE != "database":
    raise ImproperlyConfigured(f"AXES_STORE={AXES_STORE!r}: use database or cache.")

# Internationalisation ------------------------------------------------------------------------
LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", "Español (México)"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "abierto" / "locale"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True

# Static and media ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "abierto" / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads and generated files go through Django's storage API: the local disk by default, or
# S3-compatible object storage (AWS, MinIO, Ceph…) with STORAGE_BACKEND=s3. Files are never
# public: every download goes through a view that checks who asks.
STORAGE_BACKEND = env("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "s3":
    _s3_options: dict[str, object] = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        "location": env("AWS_LOCATION"),
        "default_acl": None,  # the bucket's policy decides, and it stays private
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": 300,
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE") or None,
    }
    if env("AWS_ACCESS_KEY_ID"):  # otherwise boto3's chain: instance role, ~/.aws, …
        _s3_options["access_key"] = env("AWS_ACCESS_KEY_ID")
        _s3_options["secret_key"] = env("AWS_SECRET_ACCESS_KEY")
    if not _s3_options["bucket_name"]:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME.")
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
elif STORAGE_BACKEND == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"STORAGE_BACKEND={STORAGE_BACKEND!r}: use filesystem or s3.")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Reading an uploaded acta (abierto/lib/acta/sandbox.py): at most this many PDF pages, of which
# this many scanned (OCR, ~4 s a page), in a child process stopped after ACTA_READ_SECONDS and
# limited to ACTA_READ_MEMORY_MB of address space. Past any of them the upload is refused.
ACTA_MAX_PAGES = env_int("ACTA_MAX_PAGES", 300)
ACTA_MAX_OCR_PAGES = env_int("ACTA_MAX_OCR_PAGES", 50)
ACTA_READ_SECONDS = env_int("ACTA_READ_SECONDS", 300)
ACTA_READ_MEMORY_MB = env_int("ACTA_READ_MEMORY_MB", 1536)

# Security ------------------------------------------------------------------------------------
if env_bool("BEHIND_TLS_PROXY"):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


# abierto -------------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
API_RATE_ANONYMOUS = env("API_RATE_ANONYMOUS", "120/m")
API_RATE_AUTHENTICATED = env("API_RATE_AUTHENTICATED", "1200/m")
NINJA_NUM_PROXIES = env_int("NUM_PROXIES", 0)  # trusted proxies in front, for client IPs
# /metrics asks for "Authorization: Bearer <METRICS_TOKEN>" when it is set. Without a token
# it answers only with METRICS_PUBLIC=1 (the default with DEBUG), for a network where nobody
# but the monitoring reaches the app servers; otherwise it is a 404.
METRICS_TOKEN = env("METRICS_TOKEN")
METRICS_PUBLIC = env_bool("METRICS_PUBLIC", DEBUG)
# Public forms without a login (abierto/directory/ratelimit.py): "<count>/<s|m|h|d>". Past
# the budget a password reset answers as usual but sends nothing; a registration is a 429.
RATE_PASSWORD_RESET_IP = env("RATE_PASSWORD_RESET_IP", "10/h")
RATE_PASSWORD_RESET_EMAIL = env("RATE_PASSWORD_RESET_EMAIL", "3/h")
RATE_APPLICATION_IP = env("RATE_APPLICATION_IP", "10/h")
# Demo logins are printed by load_demo only while DEBUG is on.
DEMO_PASSWORD = env("DEMO_PASSWORD", "abierto-demo-2022")

# Restorative circles (abierto/circles, docs/circles.md): the participants' records of a cohort
# are deleted this many days after the cohort ends (`manage.py circles_retention`, daily).
CIRCLES_RETENTION_DAYS = env_int("CIRCLES_RETENTION_DAYS", 730)
