"""The appointment prep list a person fills in before seeing a clinician.

Plain data with a JSON-friendly round trip, so the web form, the report and
the export all speak the same shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

# Until issue 14 the form was pre-filled with these, so a list saved without touching
# them holds them as if the person had written them; they are dropped on reading.
LEGACY_DEFAULTS: tuple[str, ...] = (
    "What does a first visit include?",
    "How long is the examination?",
    "What is the follow-up plan, and who do I contact if things get worse?",
    "What is the estimated cost, and what will my insurance cover?",
)
# Offered on the form, printed only when the person picks them. Cost questions follow
# the deployment's region (RADICULOG_REGION): no US insurance words elsewhere.
COMMON_QUESTIONS: tuple[str, ...] = (
    "What do you think is causing my leg pain?",
    "Which signs mean I should come back at once?",
    "What is the plan, and when do we review it?",
    "Is a scan needed now, and what would it change?",
)
COST_QUESTIONS: dict[str, tuple[str, ...]] = {
    "uk": (
        "Is physiotherapy available on the NHS here, and how long is the wait?",
        "If I choose private treatment, what will it cost?",
    ),
    "us": (
        "What will this cost, and what will my insurance cover?",
        "Is physiotherapy in my insurer's network?",
    ),
    "eu": ("What will this cost, and what does my health insurance cover?",),
}


def suggested_questions(region: str) -> tuple[str, ...]:
    return COMMON_QUESTIONS + COST_QUESTIONS.get(region, ())


def asks_about_insurance_plan(region: str) -> bool:
    """Copay, deductible and in-network physiotherapy are US insurance terms."""
    return region == "us"


class PrepError(ValueError):
    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(f"{field}: {value!r} is not allowed; expected {allowed}")
        self.field, self.value, self.allowed = field, value, allowed


@dataclass(frozen=True)
class Medication:
    name: str
    dose: str = ""
    helped: str = ""  # what it did, in the person's words


@dataclass(frozen=True)
class WorkDemands:
    sitting_hours: float | None = None  # per working day
    lifting: str = ""
    driving: str = ""
    stairs: str = ""

    def __post_init__(self) -> None:
        if self.sitting_hours is not None and not 0 <= self.sitting_hours <= 24:
            raise PrepError("work.sitting_hours", self.sitting_hours, "0 to 24 hours")


@dataclass(frozen=True)
class Insurance:
    copay: str = ""
    deductible: str = ""
    in_network_physio: bool | None = None  # None: not known yet


@dataclass(frozen=True)
class PrepList:
    imaging_text: str = ""
    medications: tuple[Medication, ...] = ()
    work: WorkDemands = field(default_factory=WorkDemands)
    insurance: Insurance = field(default_factory=Insurance)
    questions: tuple[str, ...] = ()  # only what the person wrote or picked

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["medications"] = [asdict(m) for m in self.medications]
        data["questions"] = list(self.questions)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PrepList:
        unknown = set(data) - {"imaging_text", "medications", "work", "insurance", "questions"}
        if unknown:
            allowed = "imaging_text, medications, work, insurance, questions"
            raise PrepError(sorted(unknown)[0], data[sorted(unknown)[0]], allowed)
        try:
            meds = tuple(Medication(**m) for m in data.get("medications", []))
            work = WorkDemands(**data.get("work", {}))
            insurance = Insurance(**data.get("insurance", {}))
        except TypeError as exc:
            raise PrepError("prep", str(exc), "the fields of the prep list") from exc
        questions = tuple(str(q) for q in data.get("questions", ()))
        if questions[: len(LEGACY_DEFAULTS)] == LEGACY_DEFAULTS:
            questions = questions[len(LEGACY_DEFAULTS) :]
        return cls(str(data.get("imaging_text", "")), meds, work, insurance, questions)

    def is_empty(self) -> bool:
        return self == PrepList()
