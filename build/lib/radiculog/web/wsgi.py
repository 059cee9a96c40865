"""WSGI entry point: `gunicorn radiculog.web.wsgi` (see docs/configuration.md)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radiculog.web.settings")
application = get_wsgi_application()
