"""Other explanations are offered on their patterns, and only then."""

from __future__ import annotations

import radiculog
from tests.conftest import findings


def ids(doc: dict[str, object]) -> set[str]:
    return {e.id for e in radiculog.assess(doc).other_explanations}


def test_peroneal_pattern_needs_normal_hip_abduction() -> None:
    base = {
        "sensory": [{"region": "dorsum_foot", "side": "right", "repeatable": True}],
    }
    weak_foot = {"test": "toe_lift", "left": 10, "right": 3}
    normal_hip = {"test": "hip_abduction", "left": 10, "right": 10}
    weak_hip = {"test": "hip_abduction", "left": 10, "right": 3}
    assert "peroneal_nerve" in ids(findings(function=[weak_foot, normal_hip], **base))
    assert "peroneal_nerve" not in ids(findings(function=[weak_foot, weak_hip], **base))
    assert "peroneal_nerve" not in ids(findings(function=[weak_foot], **base))


def test_hip_joint_for_groin_and_front_thigh_pain_above_the_knee() -> None:
    pain = [{"region": "groin", "side": "left"}, {"region": "anterior_thigh", "side": "left"}]
    assert "hip_joint" in ids(findings(pain=pain))
    below = [*pain, {"region": "medial_shin", "side": "left"}]
    assert "hip_joint" not in ids(findings(pain=below))


def test_buttock_only_and_piriformis() -> None:
    doc = findings(
        answers={"worse_with_cough_sneeze_sitting": True},
        pain=[{"region": "buttock", "side": "left"}, {"region": "low_back", "side": "left"}],
    )
    assert {"sacroiliac_or_buttock", "piriformis"} <= ids(doc)


def test_circulation_is_asked_in_findings_v2() -> None:
    doc = findings(answers={"leg_pain_walking_eased_standing": True})
    doc["schema"] = "radiculog/findings@2"
    assert "circulation" in ids(doc)
    doc["schema"] = "radiculog/findings@1"
    try:
        radiculog.assess(doc)
    except radiculog.FindingsError as exc:
        assert "answers.leg_pain_walking_eased_standing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a findings@1 document must not carry findings@2 questions")


def test_a_classic_radicular_picture_offers_none() -> None:
    doc = findings(
        answers={"pain_below_knee": True, "numbness_repeatable": True},
        pain=[{"region": "lateral_leg", "side": "left"}],
        sensory=[{"region": "dorsum_foot", "side": "left", "repeatable": True}],
    )
    assert ids(doc) == set()


def test_reassuring_explanations_never_sit_beside_a_warning_sign() -> None:
    pain = [{"region": "low_back", "side": "left"}, {"region": "buttock", "side": "left"}]
    assert "sacroiliac_or_buttock" in ids(findings(pain=pain))
    feverish = findings(answers={"fever": True, "severe_unrelenting_pain": True}, pain=pain)
    assert ids(feverish) == set()  # contract example 06's picture


def test_hip_tendon_for_outer_thigh_pain_above_the_knee() -> None:
    # Issue 26 (Grimaldi 2017): outer hip and thigh pain, or a weak side-lying lift with
    # buttock pain, with nothing below the knee.
    outer = [{"region": "lateral_thigh", "side": "right"}]
    assert "hip_tendon" in ids(findings(pain=outer))
    assert "hip_tendon" not in ids(findings(pain=[*outer, {"region": "calf", "side": "right"}]))
    weak = {"test": "hip_abduction", "left": 10, "right": 3}
    buttock = [{"region": "buttock", "side": "right"}]
    assert "hip_tendon" in ids(findings(pain=buttock, function=[weak]))


def test_femoral_nerve_for_front_thigh_pain_with_weak_knee_straightening() -> None:
    # Issue 26 (Dyck 2002): a femoral-nerve or plexus cause (diabetic amyotrophy).
    thigh = [{"region": "anterior_thigh", "side": "left"}]
    weak = {"test": "step_down", "left": "weaker", "right": "normal"}
    assert "femoral_nerve_or_plexus" in ids(findings(pain=thigh, function=[weak]))
    assert "femoral_nerve_or_plexus" not in ids(findings(pain=thigh))
