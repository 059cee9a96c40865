"""A share link as a SMART Health Link (HL7 SMART Health Cards and Links IG).

The `shlink:/` payload is base64url JSON with the manifest `url`, the 32-byte
`key` (base64url, 43 characters), `exp` (seconds since 1970) and a `label`. A
receiving app POSTs `{"recipient": ...}` to the manifest url and gets the FHIR
Bundle as a JWE (compact, `alg` "dir", `enc` "A256GCM", `cty`
"application/fhir+json"), which it decrypts with the key from the link.

The key is derived from the share token (HMAC-SHA256), so, as with the share
link itself, the server stores neither: only the token's digest is kept. The
server can compute the key while answering a manifest request whose url carries
the token; the IG's stronger property (a server that never sees the key) would
need the bundle encrypted once when the link is made and frozen, while a
Radiculog share link shows the log as it is when opened.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from joserfc import jwe
from joserfc.jwk import OctKey

PREFIX = "shlink:/"
CONTENT_TYPE = "application/fhir+json"
LABEL = "Radiculog symptom log"  # at most 80 characters (IG)
_PROTECTED = {"alg": "dir", "enc": "A256GCM", "cty": CONTENT_TYPE}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def link_key(token: str) -> bytes:
    """The link's 256-bit encryption key, from its share token."""
    return hmac.new(
        token.encode("utf-8"), b"radiculog smart health link key", hashlib.sha256
    ).digest()


def shlink(manifest_url: str, key: bytes, expires: datetime, label: str = LABEL) -> str:
    payload = {
        "url": manifest_url,
        "key": _b64(key),
        "exp": int(expires.timestamp()),
        "label": label,
    }
    return PREFIX + _b64(json.dumps(payload, separators=(",", ":")).encode("utf-8"))


def read_shlink(link: str) -> dict[str, Any]:
    """The payload of a `shlink:/` link, or of a viewer url ending `#shlink:/...`."""
    text = link.split("#", 1)[-1]
    if not text.startswith(PREFIX):
        raise ValueError("not a SMART Health Link (no shlink:/ payload)")
    payload: dict[str, Any] = json.loads(_unb64(text.removeprefix(PREFIX)))
    return payload


def encrypt(bundle: Mapping[str, Any], key: bytes) -> str:
    plaintext = json.dumps(bundle, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return jwe.encrypt_compact(_PROTECTED, plaintext, OctKey.import_key(key))


def decrypt(token: str, key_b64: str) -> dict[str, Any]:
    """What a receiving app does with a file of the manifest."""
    result = jwe.decrypt_compact(token, OctKey.import_key(_unb64(key_b64)))
    document: dict[str, Any] = json.loads(result.plaintext or b"null")
    return document


def manifest(bundle: Mapping[str, Any], key: bytes) -> dict[str, Any]:
    return {"files": [{"contentType": CONTENT_TYPE, "embedded": encrypt(bundle, key)}]}
