"""Calibration of the nerve-root model on published and teaching cases (issues 12, 26).

Prints, over tests/engine/calibration/cases.json: leaning accuracy (strict, and counting
an adjacent-root leaning that contains the confirmed root), the share of root cases with
the confirmed root in the top two, the Brier score, one-root-against-the-rest AUC for L4,
L5 and S1 next to Iversen 2013's clinician anchors, and every case's result. Then, over
the messy pictures of messy.json (issue 26), for the cases used in tuning and for the
held-out ones apart: leaning accuracy on the cases that demand a root, the acceptable
rate, overconfidence (a wrong root above the case's cap), the top-two rate, the Brier
score over the roots and "not a root", and reliability by confidence label.
Run:  .venv/bin/python bench/bench_roots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.engine.calibration.messy import Outcome, outcomes, summary
from tests.engine.calibration.score import score

IVERSEN_AUC = {"L4": 0.95, "L5": 0.67, "S1": 0.66}


def main() -> None:
    s = score()
    print(f"cases: {len(s.results)} ({len(s.roots)} root, {len(s.not_roots)} not a root)")
    print(f"leaning accuracy, strict:            {s.leaning_accuracy():.0%}")
    print(f"leaning accuracy, pairs allowed:     {s.leaning_accuracy_with_pairs():.0%}")
    print(f"confirmed root in the top two:       {s.top_two():.0%}")
    print(f"Brier score (5 roots, 0 is perfect): {s.brier():.3f}")
    for root, anchor in IVERSEN_AUC.items():
        auc = s.auc(root)
        shown = "n/a" if auc is None else f"{auc:.2f}"
        print(f"AUC {root}: {shown}  (Iversen 2013 clinicians: {anchor:.2f})")
    print(f"not-a-root pictures given a leaning or more than low confidence: "
          f"{s.confident_on_not_roots() or 'none'}")  # fmt: skip
    print(f"high confidence and wrong: {s.high_confidence_wrong() or 'none'}")
    print()
    for r in s.results:
        top = ", ".join(f"{root} {r.probabilities[root]:.0%}" for root in r.ranked[:3])
        lean = r.leaning or ("/".join(r.pair) if r.pair else "-")
        truth = "/".join(r.truth) or "none"
        mark = "ok" if r.leaning_right_or_pair else "--"
        print(f"{mark} {r.id:32} truth {truth:5} lean {lean:5} {r.confidence:8} {r.gate:8} {top}")
    messy()


def _messy_part(title: str, results: list[Outcome]) -> None:
    s = summary(results)
    roots = len(results) - s["mimics"]
    print(f"\n{title}: {s['cases']} cases ({roots} root, {s['mimics']} not a root)")
    print(f"leaning right on those that demand a root: {s['leaning_right_roots']:.0%}")
    print(f"acceptable:                                {s['acceptable']:.0%}")
    print(f"overconfident (wrong root above the cap):  {s['overconfident'] or 'none'}")
    print(f"highest root probability on a mimic:       {s['max_root_on_mimics']:.0%}")
    print(f"truth in the top two (not a root counts):  {s['top_two']:.0%}")
    print(f"Brier score (roots and not a root):        {s['brier']:.3f}")
    for label, (n, mean, right) in s["reliability"].items():
        shown = f"mean {mean:.0%}, right {right:.0%}" if n else "-"
        print(f"  {label:8} named {n:2}: {shown}")
    for r in results:
        top = sorted(r.probabilities, key=lambda k: -r.probabilities[k])[:3]
        shares = ", ".join(f"{k} {r.probabilities[k]:.0%}" for k in top)
        named = r.leaning or ("/".join(r.pair) if r.pair else "-")
        mark = "ok" if r.acceptable else "--"
        truth = "/".join(r.truth) or "none"
        print(f"{mark} {r.id:38} truth {truth:5} named {named:5} {r.confidence:8} {shares}")


def messy() -> None:
    results = outcomes()
    _messy_part("messy pictures used in tuning", [r for r in results if not r.held_out])
    _messy_part("messy pictures held out", [r for r in results if r.held_out])


if __name__ == "__main__":
    main()
