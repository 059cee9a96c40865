"""Everything the appointment report shows, gathered from a log in one place,
so the HTML page, the PDF and the share link show the same thing."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import timezone

from radiculog.summary.first_page import first_page
from radiculog.summary.labels import test_heading
from radiculog.summary.prep import PrepList
from radiculog.summary.sentences import clinician_sentences
from radiculog.summary.series import function_series, parse_at
from radiculog.web.reports.models import Prep
from radiculog.web.symptomlog import assessing, questionnaire, trendview
from radiculog.web.symptomlog.models import Log, ReadLog
from radiculog.web.symptomlog.seen import seen_times, with_seen

HISTORY_STEPS = 6  # the first change and the latest ones, so the report stays 2 pages


def triage_history(read: ReadLog) -> dict[str, Any]:
    """Each change of an entry's own tier, with when it happened: the first and the
    latest in full, the ones between summed up by tier, so a log that wobbles for a
    year still fits the page and no urgent spell between is hidden. Every entry counts,
    an unreadable one too (its tier was worked out when it was saved)."""
    entries = read.entries
    if read.unreadable:
        entries = sorted([*entries, *read.unreadable], key=lambda e: (e.at, e.pk or 0))
    steps: list[dict[str, Any]] = []
    for at, tier in ((e.at, e.tier) for e in entries):
        if tier and (not steps or steps[-1]["tier"] != tier):
            steps.append({"at": at, "tier": tier, "count": 1})
        elif steps and tier:
            steps[-1]["count"] += 1
    between = steps[1 : -(HISTORY_STEPS - 1)] if len(steps) > HISTORY_STEPS else []
    if between:
        steps = [steps[0], *steps[-(HISTORY_STEPS - 1) :]]
    counts = Counter[str]()
    for step in between:
        counts[step["tier"]] += step["count"]
    ranks = {tier: rank for rank, tier in enumerate(("emergency", "urgent", "soon", "watchful"))}
    return {
        "steps": steps,
        "between": len(between),
        "between_tiers": sorted(counts.items(), key=lambda item: ranks.get(item[0], 9)),
    }


def ranked(texts: list[str]) -> list[tuple[str, int]]:
    """Free-text triggers or easers, most often written first."""
    cleaned = [t.strip().rstrip(".") for t in texts if t and t.strip()]
    counts = Counter(t.lower() for t in cleaned)
    first_spelling = {t.lower(): t for t in reversed(cleaned)}
    return [(first_spelling[key], n) for key, n in counts.most_common(8)]


TABLE_ROWS = 8  # first entry plus the latest ones; the charts show every entry


def function_table(doc: dict[str, Any]) -> dict[str, Any]:
    """Strength tests per entry: the first row and the latest, so the table fits a page."""
    tests = list(function_series(doc))
    rows: list[dict[str, Any]] = []
    for entry in doc["entries"]:
        values = {f["test"]: f for f in entry["findings"].get("function", [])}
        cells = [
            (values.get(t, {}).get("left", "—"), values.get(t, {}).get("right", "—")) for t in tests
        ]
        if any(values.get(t) for t in tests):
            rows.append({"at": parse_at(entry["at"]), "cells": cells})
    left_out = max(0, len(rows) - TABLE_ROWS)
    if left_out:
        rows = [rows[0], *rows[-(TABLE_ROWS - 1) :]]
    return {"headings": [test_heading(t) for t in tests], "rows": rows, "left_out": left_out}


def prep_of(log: Log) -> PrepList:
    prep = Prep.objects.filter(log=log).first()
    return PrepList.from_dict(prep.data) if prep and prep.data else PrepList()


def build_report(log: Log) -> dict[str, Any]:
    # The clinician-seen records are read by three parts below: one query for them all.
    prefetch_related_objects([log], "clinician_seen")
    read = log.read()
    # log@2 with the clinician-seen records: the same tier as the log page, and the
    # first page names the visit beside each warning sign it released.
    doc = with_seen(log, read.doc)
    assessment = assessing.assessment_of(read, seen_times(log))
    trend = (assessment or {}).get("trend")
    entries = doc["entries"]
    first = first_page(doc, assessment, questionnaire.scores(log))
    trend_lines = set(first.trend if first else ())
    prep = prep_of(log)
    return {
        "log": log,
        "generated": timezone.now(),
        "entry_count": len(entries),
        "unreadable": read.unreadable,
        "assessment": assessment,
        "escalation": assessing.escalation(assessment, read.parsed[-1].at if read.parsed else None),
        "sentences": [s for s in clinician_sentences(doc, trend) if s not in trend_lines],
        "first": first,
        "history": triage_history(read),
        "table": function_table(doc),
        "charts": trendview.charts(doc),
        "maps": trendview.body_maps(doc),
        "direction": trendview.direction(assessment),
        "triggers": ranked([str(e.get("triggers", "")) for e in entries]),
        "easers": ranked([str(e.get("easers", "")) for e in entries]),
        "prep": prep,
        "imaging": imaging_section(prep, assessment, entries[-1]["findings"] if entries else {}),
    }


def imaging_section(
    prep: PrepList, assessment: dict[str, Any] | None, latest: dict[str, Any]
) -> dict[str, Any] | None:
    """The MRI reader's level-by-level reading of the pasted report, compared
    with what the log's assessment leans to."""
    text = prep.imaging_text.strip()
    if not text:
        return None
    from radiculog import imaging

    report = imaging.read_report(text)
    fit = None
    if assessment is not None:
        fit = imaging.compare(report, assessment, latest.get("age"))
    return {"text": text, **imaging.render_report_section(report, fit)}
