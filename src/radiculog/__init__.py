"""Radiculog: sciatica triage and nerve-root picture from a findings document.

The public library API lives here; the command line, the JSON API and the web
pages are thin clients of it.
"""

from __future__ import annotations

__version__ = "0.1.0"
