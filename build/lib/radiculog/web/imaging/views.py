"""The paste page: report text in (POST, so it never lands in a URL), reading out."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

import radiculog
from radiculog import imaging
from radiculog.web.imaging import wording
from radiculog.web.selfcheck import session


def _level_rows(report: imaging.ImagingReport, fit: imaging.Concordance | None) -> list[Any]:
    fits = {(f.level, f.finding): f for f in fit.levels} if fit else {}
    rows = []
    for f in report.levels:
        rows.append({
            "entry": f,
            "what": wording.FINDING[f.finding],
            "where": wording.POSITION.get(f.position, ""),
            "side": wording.SIDE.get(f.side, ""),
            "contact": wording.CONTACT.get(f.root_contact, ""),
            "fit": fits.get((f.level, f.finding)),
        })  # fmt: skip
    return rows


def _assessment(request: HttpRequest) -> dict[str, Any] | None:
    if not session.has_state(request):
        return None
    try:
        return radiculog.assess(session.findings_from_session(request)).to_dict()
    except radiculog.FindingsError:
        return None  # an unfinished self-check: read the report without comparing


def _result(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    report = imaging.read_report(data["text"])
    assessment = _assessment(request) if data["compare"] else None
    age = data["age"]
    if age is None and assessment is not None:
        age = session.findings_from_session(request).get("age")
    fit = imaging.compare(report, assessment or {}, age)
    return {
        "report": report,
        "rows": _level_rows(report, fit if assessment else None),
        "others": [(o, wording.FINDING.get(o.finding, o.finding)) for o in report.other_findings],
        "fit": fit if assessment else None,
        "verdict": wording.VERDICT[fit.verdict] if assessment else "",
        "next_step": wording.NEXT_STEP[fit.verdict] if assessment else "",
        "rates": [(r, wording.FINDING.get(r.finding, r.finding)) for r in fit.age_rates],
        "ces": fit.cauda_equina,
        "unread": [
            (sentence, wording.UNREAD_WHY[why])
            for sentence, why in zip(report.unread, report.unread_reasons, strict=True)
        ],
        "example_level": next((f.level.split("-") for f in report.abnormal if f.roots), None),
    }


def paste(request: HttpRequest) -> HttpResponse:
    from radiculog.web.imaging.forms import ReportForm

    form = ReportForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "has_selfcheck": session.has_state(request)}
    if request.method == "POST" and form.is_valid():
        context["result"] = _result(request, form.cleaned_data)
    return render(request, "imaging/paste.html", context)
