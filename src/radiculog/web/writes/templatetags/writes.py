"""`{% write_key %}`: the hidden field that makes a form's write happen once."""

from __future__ import annotations

import secrets

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from radiculog.web.writes.once import FIELD

register = template.Library()


@register.simple_tag
def write_key() -> SafeString:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, secrets.token_hex(16))
