# gunicorn settings for Radiculog (docs/hosting.md). One master per port; nginx
# spreads requests over them. Start: gunicorn -c deploy/gunicorn.conf.py \
#   --bind 127.0.0.1:8001 radiculog.web.wsgi
import os

# Two cores: 2 sync workers per master, 2 masters (docs/hosting.md, bench/README.md).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = 60  # a report PDF on a long log takes a few seconds at most
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then (WeasyPrint keeps caches)
max_requests_jitter = 200
# Only nginx on this host may tell us the client's address and scheme.
forwarded_allow_ips = "127.0.0.1,::1"
# Access log without share tokens or query strings (radiculog.web.accesslog).
logger_class = "radiculog.web.accesslog.RedactingLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# Several masters run side by side; none needs the control socket (one path per user).
control_socket_disable = True


def post_worker_init(worker: object) -> None:
    """Load the clinical knowledge, then move everything loaded so far out of the
    garbage collector's way (gc.freeze): its full collections stop re-scanning Django,
    the templates and the knowledge on every cycle while requests run."""
    import gc

    from radiculog.engine.knowledge import load_knowledge

    load_knowledge()
    gc.freeze()
