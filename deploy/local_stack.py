"""The production stack on this machine's loopback: PostgreSQL, N gunicorn masters
and Debian's nginx with TLS (a self-signed certificate), configured from the same
files a server uses (deploy/radiculog.env, deploy/gunicorn.conf.py,
deploy/nginx/radiculog.conf). Run by scripts/deploy-local; tests/deploy drives it.

It stays in the foreground; Ctrl-C (or SIGTERM) stops everything it started.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
PY = Path(sys.executable)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # /usr/sbin may be off a user's PATH


def read_env_file(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value.strip()
    return pairs


def ensure_database(url: str) -> None:
    """Create the database named in `url` when it does not exist yet."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    name = info["dbname"]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def self_signed(tls: Path) -> None:
    if (tls / "fullchain.pem").exists():
        return
    tls.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem")],
        check=True, capture_output=True,
    )  # fmt: skip


def app_env(args: argparse.Namespace, base: Path) -> dict[str, str]:
    env = {**os.environ, **read_env_file(DEPLOY / "radiculog.env")}
    key = base / "secret_key"
    if not key.exists():
        key.write_text(secrets.token_urlsafe(50))
        key.chmod(0o600)
    origins = [f"https://{host}:{args.https_port}" for host in ("localhost", "127.0.0.1")]
    env.update(
        RADICULOG_ALLOWED_HOSTS="localhost,127.0.0.1",
        RADICULOG_CSRF_TRUSTED_ORIGINS=",".join(origins),
        RADICULOG_SECRET_KEY_FILE=str(key),
        RADICULOG_DATA_DIR=str(base / "data"),
        DATABASE_URL=args.database_url,
        WEB_CONCURRENCY=str(args.workers),
    )
    if args.database_url == "sqlite":  # one file in DIR/data, shared by every process
        del env["DATABASE_URL"]
    for name in ("RADICULOG_TEST_DB", "RADICULOG_DEBUG", "RADICULOG_SECRET_KEY"):
        env.pop(name, None)
    return env


def nginx_conf(args: argparse.Namespace, base: Path, ports: list[int]) -> Path:
    """deploy/nginx/radiculog.conf with loopback ports and paths, inside a main config."""
    site = (DEPLOY / "nginx" / "radiculog.conf").read_text()
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in ports)
    site = re.sub(r"(upstream radiculog_app \{\n)(?:    server .*\n)+", rf"\1{servers}", site)
    site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{args.http_port};")
    site = site.replace("listen 443 ssl", f"listen 127.0.0.1:{args.https_port} ssl")
    site = site.replace("server_name radiculog.example.org;", "server_name localhost 127.0.0.1;")
    site = site.replace("/etc/radiculog/tls", str(base / "tls"))
    site = site.replace("/var/log/nginx/radiculog.access.log", str(base / "log" / "nginx.log"))
    site = site.replace("/var/lib/radiculog/static/", f"{base / 'data' / 'static'}/")
    if args.static_by_app:  # WhiteNoise answers instead (bench/bench_static.py)
        site = re.sub(r"    location /static/ \{.*?\n    \}\n\n", "", site, flags=re.S)
    (base / "nginx-site.conf").write_text(site)
    run = base / "run"
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = f"""{user}worker_processes {args.nginx_workers};
pid {run}/nginx.pid;
error_log {base}/log/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {base}/nginx-site.conf;
}}
"""
    path = base / "nginx.conf"
    path.write_text(main)
    return path


def wait_ready(url: str, cafile: Path | None, deadline: float) -> None:
    context = ssl.create_default_context(cafile=str(cafile)) if cafile else None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, context=context, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the stack did not answer {url} in time; see the logs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/deploy-local", description=__doc__)
    parser.add_argument("--dir", type=Path, default=REPO / "var" / "local-stack")
    parser.add_argument("--apps", type=int, default=2, help="gunicorn masters (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="workers per master")
    parser.add_argument("--first-app-port", type=int, default=8001)
    parser.add_argument("--https-port", type=int, default=8443)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--nginx-workers", type=int, default=1)
    parser.add_argument(
        "--static-by-app", action="store_true", help="WhiteNoise serves /static/, not nginx"
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/radiculog_local",
        help="a PostgreSQL URL (the database is made if missing), or `sqlite`",
    )
    args = parser.parse_args(argv)
    base = args.dir.resolve()
    for sub in ("log", "run", "data"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    self_signed(base / "tls")
    env = app_env(args, base)
    if args.database_url != "sqlite":
        ensure_database(args.database_url)
    manage = [str(PY), str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    ports = [args.first_app_port + n for n in range(args.apps)]
    children = []
    for n, port in enumerate(ports):
        app = {**env, "GUNICORN_ACCESS_LOG": str(base / "log" / f"app-{n + 1}.log"),
               "GUNICORN_ERROR_LOG": str(base / "log" / f"app-{n + 1}-error.log")}  # fmt: skip
        children.append(subprocess.Popen(
            [str(PY.parent / "gunicorn"), "-c", str(DEPLOY / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}", "radiculog.web.wsgi"],
            env=app, cwd=REPO,
        ))  # fmt: skip
    conf = nginx_conf(args, base, ports)
    subprocess.run([NGINX, "-t", "-q", "-c", str(conf)], check=True)
    children.append(subprocess.Popen([NGINX, "-c", str(conf)]))

    def stop(*_: object) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            child.wait(timeout=30)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        # Every app first, directly: a probe through nginx while one master is still
        # booting would mark it failed (max_fails) and send everyone to the other.
        deadline = time.monotonic() + 120
        for port in ports:
            wait_ready(f"http://127.0.0.1:{port}/healthz", None, deadline)
        url = f"https://localhost:{args.https_port}/healthz"
        wait_ready(url, base / "tls" / "fullchain.pem", time.monotonic() + 60)
        print(f"ready: https://localhost:{args.https_port}/ (apps on {ports})", flush=True)
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        print("a process of the stack stopped; stopping the rest", file=sys.stderr)
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
    return 1


if __name__ == "__main__":
    sys.exit(main())
