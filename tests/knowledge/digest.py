"""The knowledge files' digest, recorded per knowledge VERSION in knowledge_digests.toml.

A change to any knowledge file changes the digest; the test then fails until VERSION is
bumped and the new version's digest recorded (docs/knowledge.md, step 5). It reads only
the files, so it works on a clean clone with no git history. To record a new version:

    .venv/bin/python -m tests.knowledge.digest

It refuses to change the digest recorded for a version that is already listed.
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from importlib import resources
from pathlib import Path

KNOWLEDGE = Path(str(resources.files("radiculog.knowledge")))
RECORD = Path(__file__).with_name("knowledge_digests.toml")


def knowledge_files() -> list[Path]:
    """Every knowledge file but VERSION itself and the package's Python."""
    return sorted(
        p
        for p in KNOWLEDGE.rglob("*")
        if p.is_file()
        and p.name != "VERSION"
        and p.suffix not in (".py", ".pyc")
        and "__pycache__" not in p.parts
    )


def knowledge_digest() -> str:
    h = hashlib.sha256()
    for path in knowledge_files():
        # Line endings normalised, so a checkout with CRLF gives the same digest.
        text = path.read_bytes().replace(b"\r\n", b"\n")
        h.update(path.relative_to(KNOWLEDGE).as_posix().encode() + b"\0" + text + b"\0")
    return h.hexdigest()


def version() -> str:
    return (KNOWLEDGE / "VERSION").read_text().strip()


def recorded() -> dict[str, str]:
    return tomllib.loads(RECORD.read_text())["digests"]  # type: ignore[no-any-return]


def main() -> int:
    current, digest = version(), knowledge_digest()
    known = recorded()
    if known.get(current) == digest:
        sys.stdout.write(f"{current} is recorded with this digest already.\n")
        return 0
    if current in known:
        sys.stdout.write(f"{current} has another digest: the knowledge changed, bump VERSION.\n")
        return 1
    with RECORD.open("a") as f:
        f.write(f'"{current}" = "{digest}"\n')
    sys.stdout.write(f"recorded {current} = {digest}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
