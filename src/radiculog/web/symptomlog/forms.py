"""The quick entry: body map, one function test per side, pain, sleep, walking,
triggers and easers, and a short "anything new?" safety check.

Everything starts from the previous entry, so on most days a person only
changes what changed.  Safety answers carry over; a warning sign ticked here
becomes a yes, and "none of these" must be chosen explicitly (unanswered is
never read as no).

The findings@2 warning questions are split by how they change (so the form stays
short for a person in pain on a phone): what can start between two entries (pain
getting worse, toes catching, a small fall) joins the "anything new?" list asked
at every entry; the background that does not change from day to day (long-term
steroids, osteoporosis) is asked once, in a folded "about you" part opened while
unanswered, and carried forward from the previous entry (or the self-check that
began the log) like every other answer. Its "not sure" stays unanswered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radiculog.engine.knowledge import load_knowledge
from radiculog.summary.measures import MAX_PAINKILLERS
from radiculog.web.selfcheck import bodymap
from radiculog.web.symptomlog.models import SLEEP_CHOICES

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

# Warning signs that can appear between two entries; asked at every entry.
NEW_FLAGS = (
    "bladder_change",
    "bowel_change",
    "saddle_numbness",
    "both_legs",
    "weakness_worsening_rapidly",
    "foot_drop_new",
    "weakness_progressive",
    "fever",
    "severe_unrelenting_pain",
    "repeated_falls",
    # findings@2 (issue 9): can start between entries, so asked at every entry too.
    "pain_getting_worse",
    "toes_catching",
    "minor_fall",
    # findings@2 (issue 18): signs that can start between entries.
    "leg_cold_pale",
    "sudden_severe_pain",
    "feeling_faint",
    "spinal_wound_problem",
    "hands_numb_or_clumsy",
    "walking_unsteady",
    "clonus",
    "night_sweats",
    "chest_pain",
    "upper_back_pain",
    "back_lump_or_shape_change",
)
# findings@2 background: asked once, then carried forward (and can be changed).
BACKGROUND = (
    "long_term_steroids",
    "osteoporosis",
    # issue 18: what makes a sign mean more (a bleed, a birth, a recent procedure)
    "anticoagulant_or_bleeding_disorder",
    "pregnant_or_recent_birth",
    "spinal_procedure_recent",
)
BACKGROUND_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))]
SCHEMA_1, SCHEMA_2 = "radiculog/findings@1", "radiculog/findings@2"
SIDES = ("left", "right")
WHEN_ERRORS = {
    "when_time": _("Give a time that has already passed: earlier today, or yesterday."),
    "when_day": _("An entry can go back to yesterday, no further."),
    "warning": _(
        "You recorded that a clinician saw you after this time, so a warning sign "
        "dated before it would count as already seen. Put it in an entry for now: "
        "choose “Now”."
    ),
}


# The words of a question asked about a check done earlier (today or yesterday): an
# entry dated yesterday does not ask about pain "right now". The page shows one or
# the other by the time chosen (CSS :has(), so it works without JavaScript).
THEN_LABELS = {
    "leg_pain": _("Leg pain at the time of that check, 0 (none) to 10 (worst imaginable)"),
    "back_pain": _("Back pain at the time of that check, 0 (none) to 10 (worst imaginable)"),
    "sleep": _("The night before that check"),
}


def spot_choices() -> list[tuple[str, str]]:
    """Every body-map key ("left:calf", "saddle"), as the self-check's map names them."""
    return [(key, key) for key in bodymap.ALL_KEYS]


def test_choices() -> list[tuple[str, str]]:
    return [(t.id, t.name) for t in load_knowledge().home_tests.values()]


def flag_choices() -> list[tuple[str, str]]:
    questions = load_knowledge().questions
    return [(q, questions[q].short.capitalize()) for q in NEW_FLAGS if q in questions]


def _scale(label: StrOrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=[(n, str(n)) for n in range(11)], coerce=int, widget=forms.RadioSelect
    )


class EntryForm(forms.Form):
    pain_spots = forms.MultipleChoiceField(
        label=_("Where it hurts"), required=False, widget=forms.CheckboxSelectMultiple
    )
    feeling_spots = forms.MultipleChoiceField(
        label=_("Where feeling is changed"), required=False, widget=forms.CheckboxSelectMultiple
    )
    feeling_kind = forms.ChoiceField(
        label=_("The changed feeling is"),
        choices=[("tingling", _("Tingling, pins and needles")), ("numb", _("Numb"))],
        initial="tingling",
        widget=forms.RadioSelect,
    )
    test = forms.ChoiceField(label=_("Which test you did"))
    left = forms.IntegerField(
        label=_("Left: clean repetitions"), min_value=0, max_value=200, required=False
    )
    right = forms.IntegerField(
        label=_("Right: clean repetitions"), min_value=0, max_value=200, required=False
    )
    when_day = forms.ChoiceField(
        label=_("When was this check?"),
        choices=[("now", _("Now")), ("today", _("Earlier today")), ("yesterday", _("Yesterday"))],
        initial="now",
        widget=forms.RadioSelect,
    )
    when_time = forms.TimeField(
        label=_("At what time? (only for earlier today or yesterday)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    leg_pain = _scale(_("Leg pain right now, 0 (none) to 10 (worst imaginable)"))
    back_pain = _scale(_("Back pain right now, 0 (none) to 10 (worst imaginable)"))
    painkillers = forms.IntegerField(
        label=_("Painkillers taken “as needed” since your last entry (number of doses)"),
        min_value=0,
        max_value=MAX_PAINKILLERS,
        required=False,
    )
    sleep = forms.ChoiceField(
        label=_("Last night"), choices=SLEEP_CHOICES, widget=forms.RadioSelect
    )
    walk_minutes = forms.IntegerField(
        label=_("How many minutes could you walk before you had to stop?"),
        min_value=0,
        max_value=1440,
        required=False,
    )
    triggers = forms.CharField(
        label=_("What brought it on or made it worse?"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    easers = forms.CharField(
        label=_("What eased it?"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    new_flags = forms.MultipleChoiceField(
        label=_("Since your last entry, has any of these started?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    none_new = forms.BooleanField(label=_("None of these has started"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spots = spot_choices()
        self.fields["pain_spots"].choices = spots  # type: ignore[attr-defined]
        self.fields["feeling_spots"].choices = spots  # type: ignore[attr-defined]
        self.fields["test"].choices = test_choices()  # type: ignore[attr-defined]
        self.fields["new_flags"].choices = flag_choices()  # type: ignore[attr-defined]
        questions = load_knowledge().questions
        for name in BACKGROUND:  # the knowledge file's own wording
            self.fields[name] = forms.ChoiceField(
                label=questions[name].text,
                choices=BACKGROUND_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
        for name, words in THEN_LABELS.items():  # shown instead when the check was earlier
            self.fields[name].then_label = words  # type: ignore[attr-defined]

    def background_fields(self) -> list[forms.BoundField]:
        """The "about you" questions, in BACKGROUND's order, for the template."""
        return [self[name] for name in BACKGROUND]

    def background_unanswered(self) -> bool:
        """Whether the "about you" part opens: a background question not yet answered."""
        return any(self[name].value() not in ("yes", "no") for name in BACKGROUND)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_flags") and data.get("none_new"):
            self.add_error("none_new", _("You ticked a warning sign and also “none of these”."))
        elif not data.get("new_flags") and not data.get("none_new"):
            self.add_error(
                "none_new", _("Tick any warning sign that has started, or tick “none of these”.")
            )
        return data


def initial_from(previous: dict[str, Any] | None, test: str | None) -> dict[str, Any]:
    """Form defaults from the previous entry's findings (the body map and the
    background answers carry over)."""
    if not previous:
        return {"test": test or "toe_lift", "feeling_kind": "tingling"}
    function = previous.get("function") or [{}]
    sensory = previous.get("sensory", [])
    answers = previous.get("answers", {})
    background = {q: "yes" if answers[q] else "no" for q in BACKGROUND if q in answers}
    return {
        **background,
        "pain_spots": [_spot(p) for p in previous.get("pain", [])],
        "feeling_spots": [_spot(s) for s in sensory],
        "feeling_kind": sensory[0].get("kind", "tingling") if sensory else "tingling",
        "test": function[0].get("test") or test or "toe_lift",
    }


def _spot(item: dict[str, Any]) -> str:
    return f"{item['side']}:{item['region']}" if item.get("side") else item["region"]


def findings_from(data: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
    """A findings@1 document from the cleaned form and the previous findings."""
    previous = previous or {}
    answers = dict(previous.get("answers", {}))
    for flag in NEW_FLAGS:
        if flag in data["new_flags"]:
            answers[flag] = True
        elif data["none_new"]:
            answers[flag] = answers.get(flag, False)
    for question in BACKGROUND:
        choice = data.get(question) or ""  # left out: the previous answer stands
        if choice in ("yes", "no"):
            answers[question] = choice == "yes"
        elif choice == "unsure":
            answers.pop(question, None)  # "not sure" is unanswered, never no
    findings: dict[str, Any] = {"schema": schema_for(answers), "answers": answers}
    for key in ("age", "days_since_onset"):
        if key in previous:
            findings[key] = previous[key]
    findings["pain"] = [_region(s) for s in data["pain_spots"]]
    kind = data["feeling_kind"]
    before = {(_spot(s), s.get("kind")) for s in previous.get("sensory", [])}
    findings["sensory"] = [
        {**_region(s), "kind": kind, "repeatable": (s, kind) in before}
        for s in data["feeling_spots"]
    ]  # the same spot changed the same way at two checks
    sides = {side: data[side] for side in SIDES if data.get(side) is not None}
    if sides:
        findings["function"] = [{"test": data["test"], **sides}]
    return findings


def schema_for(answers: dict[str, bool]) -> str:
    """findings@2 when an answer needs it (also one carried over from a findings@2
    self-check), findings@1 otherwise, so findings@1 readers keep working."""
    questions = load_knowledge().questions
    return SCHEMA_2 if any(questions[q].since > 1 for q in answers if q in questions) else SCHEMA_1


def _region(spot: str) -> dict[str, str]:
    side, _, region = spot.partition(":")
    return {"region": region, "side": side} if region else {"region": side}
