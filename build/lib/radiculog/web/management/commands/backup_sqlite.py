"""An online backup of the SQLite database: SQLite's backup API copies a consistent
snapshot while the site keeps running (a plain `cp` of a WAL database can catch it
half-written). PostgreSQL sites use pg_dump instead (docs/hosting.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Copy the SQLite database to DEST while the site runs (online backup)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path, help="the backup file to write (must not exist)")

    def handle(self, *args: Any, dest: Path, **options: Any) -> None:
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            raise CommandError("the database is not SQLite; use pg_dump (docs/hosting.md)")
        if dest.exists():
            raise CommandError(f"{dest} exists already; choose a new file name")
        source = sqlite3.connect(f"file:{database['NAME']}?mode=ro", uri=True)
        target = sqlite3.connect(dest)
        try:
            with target:
                source.backup(target)
            check = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            source.close()
            target.close()
        if check != "ok":
            raise CommandError(f"the copy in {dest} failed its integrity check: {check}")
        self.stdout.write(f"backed up to {dest} ({dest.stat().st_size} bytes, integrity ok)")
