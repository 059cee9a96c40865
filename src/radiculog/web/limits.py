"""Every limit on what a person or program sends, declared once and enforced at the
edge with one message: the forms, the API and nginx's documented configuration
(deploy/nginx/radiculog.conf, checked by tests/web/test_limits.py) read these.
"""

from __future__ import annotations

from datetime import date

from radiculog.contract.limits import MAX_BYTES

MIB = 1024 * 1024
IMPORT_BYTES = MAX_BYTES  # a log file to import: any export of ours fits
API_BODY_BYTES = 2 * MIB  # one JSON body: a year of entries for POST /trend is about 1 MB
# The largest request body at all: an import plus its multipart wrapping. nginx's
# client_max_body_size is this, so every refusal below it is the app's own page.
REQUEST_BYTES = IMPORT_BYTES + MIB
FORM_FIELDS = 1000  # Django's DATA_UPLOAD_MAX_NUMBER_FIELDS; the largest form has ~60
SHARE_LABEL_CHARS = 100  # reports.ShareLink.label's column
USERNAME_CHARS = 150  # auth.User.username's column (and django-axes' username column)
SIGNUPS_PER_HOUR = 30  # sign-up attempts from one client address (accounts/throttle.py)
# Calendar reminders: any first day a person may mean, and days after it still a date.
REMINDER_FIRST = date(2000, 1, 1)
REMINDER_LAST = date(2099, 12, 31)


def too_large_words(limit: int) -> str:
    """A size limit as a person reads it: '16 MB'."""
    return f"{limit // MIB} MB"
