"""The appointment prep list a person fills in before seeing a clinician.

Plain data with a JSON-friendly round trip, so the web form, the report and
the export all speak the same shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_QUESTIONS: tuple[str, ...] = (
    "What does a first visit include?",
    "How long is the examination?",
    "What is the follow-up plan, and who do I contact if things get worse?",
    "What is the estimated cost, and what will my insurance cover?",
)


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
    questions: tuple[str, ...] = DEFAULT_QUESTIONS

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
        questions = tuple(str(q) for q in data.get("questions", DEFAULT_QUESTIONS))
        return cls(str(data.get("imaging_text", "")), meds, work, insurance, questions)

    def is_empty(self) -> bool:
        return self == PrepList()
