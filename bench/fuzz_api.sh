#!/usr/bin/env bash
# Fuzz the JSON API with schemathesis over loopback (issue 11): a real server on a
# fresh SQLite database (or DATABASE_URL's PostgreSQL), a signed-in session, every
# phase (examples, coverage, fuzzing, stateful). Exits non-zero on any failure.
#   bench/fuzz_api.sh [MAX_EXAMPLES]        (default 60 per operation)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap
data=$(mktemp -d)
port=${RADICULOG_FUZZ_PORT:-8765}
export RADICULOG_DATA_DIR=$data RADICULOG_DEBUG=false
.venv/bin/python manage.py migrate -v0
session=$(.venv/bin/python manage.py shell -v0 -c "
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
user, _ = User.objects.get_or_create(username='fuzz')
s = SessionStore()
s[SESSION_KEY], s[BACKEND_SESSION_KEY] = str(user.pk), 'django.contrib.auth.backends.ModelBackend'
s[HASH_SESSION_KEY] = user.get_session_auth_hash()
s.create()
print(s.session_key)" | tail -1)
.venv/bin/python manage.py runserver --noreload "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
csrf=abcdefghijklmnopqrstuvwxyzABCDEF
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --wait-for-schema 30 --workers 1 --seed 11 --max-examples "${1:-60}" \
  --generation-allow-x00 true \
  -H "Cookie: sessionid=$session; csrftoken=$csrf" -H "X-CSRFToken: $csrf" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,use_after_free,ensure_resource_availability
