"""Benchmark the imaging reader: per-field precision and recall, cauda equina recall, reports/s.

Scores the sets in tests/imaging/corpus: the sentences and whole reports the reader was written
against (tuning), held-out reports written afterwards (heldout/), public reports used in
development (public/) and, only with --blind, the public reports kept out of development
(public-blind/): scored last, never tuned on. A field is scored as labelled items:
`level` = (case, level); `finding` = (case, level, finding); the other fields = (case, level,
finding, value), one item per root for `roots`. Precision = right items / items the reader
gave; recall = right items / items the corpus expects. Cauda equina recall = flagged / cases
whose key says the report carries the warning; false alarms = flagged cases whose key does not.
Issue 21 adds: `level->root` = (case, level, root) for every root a non-normal entry names,
whatever the finding (with F1), also counted with the roots of sentences shown as not read;
for the public sets, the warning flagged with its roots, false alarms among the calm reports
and disease read at a level the key calls normal; for the blind set, figures by kind of source
(the `kind` each issue 21 report names) and precision/recall of (case, level) per finding type.

Speed is CPU time (time.process_time) over every whole report, repeated for --seconds.
Run:  .venv/bin/python bench/bench_imaging.py [--seconds 2] [--blind] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from radiculog.imaging import read_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "imaging" / "corpus"
FIELDS = ("level", "finding", "position", "side", "roots", "root_contact")
Case = tuple[str, str, list[dict[str, Any]], bool | None]  # id, text, levels, cauda equina
KINDS: dict[str, str] = {}  # case id -> kind of source (public reports of issue 21 name one)
Reader = Callable[[str], dict[str, Any]]


def _folder(folder: Path) -> list[Case]:
    cases = []
    for txt in sorted(folder.glob("*.txt")):
        doc = json.loads(txt.with_suffix(".json").read_text("utf-8"))
        cases.append((txt.stem, txt.read_text("utf-8"), doc["levels"], doc["cauda_equina_risk"]))
        KINDS[txt.stem] = doc.get("kind", "issue 13 sources").split(" (")[0]
    return cases


def load(blind: bool = False) -> dict[str, list[Case]]:
    sentences = json.loads((CORPUS / "sentences.json").read_text("utf-8"))
    sets: dict[str, list[Case]] = {
        "sentences": [(c["id"], c["text"], c["expect"], c["cauda_equina_risk"]) for c in sentences]
    }
    sets["reports"] = _folder(CORPUS / "reports")
    sets["held-out"] = _folder(CORPUS / "heldout")
    sets["public"] = _folder(CORPUS / "public")
    if blind:
        every = _folder(CORPUS / "public-blind")
        sets["public blind"] = every
        # issue 21's blind reports come from kinds of source no other set draws on
        sets["public blind, issue 21 sources"] = [c for c in every if c[0].startswith("r")]
    return sets


def items(case: str, levels: list[dict[str, Any]], field: str) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for e in levels:
        if field == "level":
            out.add((case, e["level"]))
        elif field == "finding":
            out.add((case, e["level"], e["finding"]))
        elif field == "roots":
            out |= {(case, e["level"], e["finding"], r) for r in e["roots"]}
            if not e["roots"]:
                out.add((case, e["level"], e["finding"], "-"))
        else:
            out.add((case, e["level"], e["finding"], e[field]))
    return out


def level_roots(case: str, levels: list[dict[str, Any]]) -> set[tuple[str, ...]]:
    """(case, level, root) for every root a non-normal entry names: which root, at which level."""
    return {(case, e["level"], r) for e in levels if e["finding"] != "normal" for r in e["roots"]}


def not_read_roots(case: str, doc: dict[str, Any]) -> set[tuple[str, ...]]:
    """(case, level, root) of sentences listed as not read, with the level and root they name."""
    out: set[tuple[str, ...]] = set()
    for u in doc.get("unread_reasons", []):
        out |= {(case, lv, r) for lv in u.get("levels", []) for r in u.get("roots", [])}
    return out


def f1(gold: set[Any], got: set[Any]) -> tuple[float, float, float]:
    right = len(gold & got)
    p = right / len(got) if got else 1.0
    r = right / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def safety(cases: list[Case], read: Reader) -> dict[str, Any]:
    """Cauda equina flagged with its roots, false alarms among calm reports, and disease read at
    a level the report calls normal (the key's normal levels)."""
    out = {"carried": 0, "with_roots": 0, "calm": 0, "false_alarms": 0, "normal_diseased": 0}
    for _cid, text, expected, expect_ces in cases:
        doc = read(text)
        if expect_ces:
            out["carried"] += 1
            keyed = any(e["finding"] != "normal" for e in expected)
            out["with_roots"] += doc["cauda_equina_risk"] and (
                bool(doc.get("cauda_equina_roots")) or not keyed
            )
        else:
            out["calm"] += 1
            out["false_alarms"] += bool(doc["cauda_equina_risk"])
        normal = {e["level"] for e in expected if e["finding"] == "normal"}
        out["normal_diseased"] += sum(
            e["level"] in normal for e in doc["levels"] if e["finding"] != "normal"
        )
    return out


def by_group(cases: list[Case], read: Reader, group: Callable[[Case], str]) -> dict[str, Any]:
    """Level->root and finding P/R/F1 for each group of cases (kind of source)."""
    gold: dict[str, tuple[set[Any], set[Any]]] = {}
    got: dict[str, tuple[set[Any], set[Any]]] = {}
    for c in cases:
        doc, g = read(c[1]), group(c)
        gold.setdefault(g, (set(), set()))
        got.setdefault(g, (set(), set()))
        gold[g][0].update(level_roots(c[0], c[2]))
        got[g][0].update(level_roots(c[0], doc["levels"]))
        gold[g][1].update(items(c[0], c[2], "finding"))
        got[g][1].update(items(c[0], doc["levels"], "finding"))
    n = {g: sum(group(c) == g for c in cases) for g in gold}
    return {g: (n[g], f1(gold[g][0], got[g][0]), f1(gold[g][1], got[g][1])) for g in sorted(gold)}


def per_finding(cases: list[Case], read: Reader) -> dict[str, tuple[float, float, int]]:
    """Precision and recall of (case, level) for each finding type."""
    gold: dict[str, set[Any]] = {}
    got: dict[str, set[Any]] = {}
    for cid, text, expected, _ in cases:
        for e in expected:
            gold.setdefault(e["finding"], set()).add((cid, e["level"]))
        for e in read(text)["levels"]:
            got.setdefault(e["finding"], set()).add((cid, e["level"]))
    out = {}
    for f in sorted(set(gold) | set(got)):
        p, r, _ = f1(gold.get(f, set()), got.get(f, set()))
        out[f] = (p, r, len(gold.get(f, set())))
    return out


def score(cases: list[Case], read: Reader) -> dict[str, Any]:
    """Per-field (precision, recall), the cauda equina counts and the wrong items."""
    gold: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    got: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    misses: list[str] = []
    ces = {"carried": 0, "flagged": 0, "false_alarms": 0, "right": 0}
    roots_gold: set[tuple[str, ...]] = set()
    roots_got: set[tuple[str, ...]] = set()
    roots_unread: set[tuple[str, ...]] = set()
    for cid, text, expected, expect_ces in cases:
        doc = read(text)
        roots_gold |= level_roots(cid, expected)
        roots_got |= level_roots(cid, doc["levels"])
        roots_unread |= not_read_roots(cid, doc) - level_roots(cid, doc["levels"])
        flag = bool(doc["cauda_equina_risk"])
        ces["right"] += flag is expect_ces
        ces["carried"] += bool(expect_ces)
        ces["flagged"] += flag and bool(expect_ces)
        ces["false_alarms"] += flag and not expect_ces
        if flag is not expect_ces:
            misses.append(f"{cid} cauda_equina_risk={flag}")
        for f in FIELDS:
            gold[f] |= items(cid, expected, f)
            got[f] |= items(cid, doc["levels"], f)
        for f in ("finding", "position", "side", "roots", "root_contact"):
            wrong = items(cid, doc["levels"], f) ^ items(cid, expected, f)
            misses += sorted(f"{f}: " + " ".join(w) for w in wrong)
    fields = {}
    for f in FIELDS:
        right = len(gold[f] & got[f])
        fields[f] = (
            right / len(got[f]) if got[f] else 1.0,
            right / len(gold[f]) if gold[f] else 1.0,
        )
    level_root = f1(roots_gold, roots_got)
    shown = f1(roots_gold, roots_got | roots_unread)  # counting "not read: L4-L5, the L5 root"
    return {"fields": fields, "ces": ces, "misses": list(dict.fromkeys(misses)), "n": len(cases),
            "level_root": level_root, "level_root_shown": shown}  # fmt: skip


def speed(texts: list[str], seconds: float, read: Reader) -> tuple[float, float]:
    chars = sum(len(t) for t in texts)
    n = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for t in texts:
            read(t)
        n += len(texts)
    elapsed = time.process_time() - start
    return n / elapsed, chars * (n / len(texts)) / elapsed


ADVERSARIAL = {  # about 50,000 characters each: the API's and the page's upper limit
    "one noun repeated": "narrowing " * 5000,
    "a list of levels": ", ".join(["L4-5"] * 8000) + ": normal",
    "one long clause": "L4-5 left protrusion compressing the L5 root and " * 1000,
    "many sentences": "L4-5: Left paracentral protrusion. " * 1400,
    "history then findings": "HISTORY: back pain. " + "Mild bulge at L4-5. " * 2500,
}


def worst_case() -> None:
    for name, text in ADVERSARIAL.items():
        start = time.process_time()
        read_report(text[:50_000])
        print(f"  {name:<22} {time.process_time() - start:6.3f} s")


def report(name: str, cases: list[Case], result: dict[str, Any], show_misses: bool) -> None:
    entries = sum(len(c[2]) for c in cases)
    print(f"\n{name}: {len(cases)} cases, {entries} expected (level, finding) entries")
    print(f"  {'field':<13} precision  recall")
    for f, (p, r) in result["fields"].items():
        print(f"  {f:<13} {p:9.1%} {r:7.1%}")
    p, r, f = result["level_root"]
    print(f"  level->root   {p:9.1%} {r:7.1%}   F1 {f:.2f}")
    p, r, f = result["level_root_shown"]
    print(f"  (with roots shown as not read: {p:.1%} / {r:.1%}, F1 {f:.2f})")
    c = result["ces"]
    recall = f"{c['flagged']}/{c['carried']}" if c["carried"] else "n/a (none carried)"
    print(f"  cauda equina: recall {recall}, false alarms {c['false_alarms']}, "
          f"flag right in {c['right'] / len(cases):.0%} of cases")  # fmt: skip
    if "safety" in result:
        s = result["safety"]
        print(f"  cauda equina flagged with its roots {s['with_roots']}/{s['carried']}; "
              f"false alarms {s['false_alarms']} in {s['calm']} calm reports; "
              f"disease at a level the report calls normal: {s['normal_diseased']}")  # fmt: skip
    for g, (n, lr, fd) in result.get("groups", {}).items():
        print(f"    {g:<44} {n:>2}  level->root P/R {lr[0]:.0%}/{lr[1]:.0%} F1 {lr[2]:.2f}"
              f"  finding P/R {fd[0]:.0%}/{fd[1]:.0%}")  # fmt: skip
    for f, (p, r, n) in result.get("per_finding", {}).items():
        print(f"    {f:<26} P {p:6.1%}  R {r:6.1%}  ({n} keyed)")
    if show_misses and result["misses"]:
        print("  wrong items (expected ^ read):", *result["misses"], sep="\n    ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--blind", action="store_true", help="also score public-blind/ (last)")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong item")
    args = parser.parse_args()
    sets = load(blind=args.blind)

    def read(text: str) -> dict[str, Any]:
        return read_report(text).to_dict()

    for name, cases in sets.items():
        result = score(cases, read)
        if name.startswith("public"):
            result["safety"] = safety(cases, read)
        if name.startswith("public blind"):
            result["groups"] = by_group(cases, read, lambda c: KINDS.get(c[0], "?"))
            result["per_finding"] = per_finding(cases, read)
        report(name, cases, result, args.show_misses)
    whole = [cs for name, cs in sets.items() if name != "sentences" and "issue 21" not in name]
    texts = [c[1] for cs in whole for c in cs]
    per_s, chars_s = speed(texts, args.seconds, read)
    print(f"\nspeed: {per_s:,.0f} reports/s ({chars_s / 1000:,.0f} k characters/s), "
          f"{len(texts)} whole reports, CPU time")  # fmt: skip
    print("worst cases, 50,000 characters:")
    worst_case()
    return 0


if __name__ == "__main__":
    sys.exit(main())
