"""`radiculog explain ROOT`: what a nerve root supplies and the one check for it."""

from __future__ import annotations

import textwrap
import tomllib
from importlib import resources

from radiculog.engine.knowledge import load_knowledge


def explain_root(root: str) -> str:
    k = load_knowledge()
    text = resources.files("radiculog.knowledge").joinpath("roots.toml").read_text("utf-8")
    info = tomllib.loads(text)["roots"][root]
    check = next((t for t in k.home_tests.values() if root in t.daily_for), None)
    lines = [
        f"{root} nerve root",
        f"  Where it comes out: {info['level']}.",
        f"  Skin it usually supplies: {info['skin']}.",
        f"  Muscles it mainly works: {info['muscles']}.",
        f"  Reflex a clinician may test: {info['reflex']}.",
        "",
        textwrap.fill(k.overlap["text"], 76),
    ]
    if check:
        lines += ["", f"The one daily check for {root}: {check.name}"]
        lines += [
            textwrap.fill(step, 76, initial_indent="  - ", subsequent_indent="    ")
            for step in check.how
        ]
        lines.append(f"  Safety: {check.safety}")
        lines.append(f"  Watch for: {check.watch_for}.")
    cited = [*info["sources"], *(check.sources if check else ())]
    lines += ["", "Sources:"]
    lines += [f"  [{sid}] {k.sources[sid].citation()}" for sid in dict.fromkeys(cited)]
    return "\n".join(lines) + "\n"
