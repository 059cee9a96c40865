from __future__ import annotations

import json
from typing import Any

import pytest

from radiculog.exports.log_json import (
    LogImportError,
    entries_to_log,
    read_log,
    read_log_document,
)


def test_a_log_reads_back_oldest_first(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(2, triggers="sitting"), make_entry(0, easers="walking"))
    entries = read_log(json.dumps(log))
    assert [e.at.hour for e in entries] == [8, 8]
    assert [e.triggers for e in entries] == ["", "sitting"]
    assert entries[0].easers == "walking"


def test_entries_write_back_as_the_same_log(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(0, triggers="sitting"), make_entry(1))
    entries = read_log(json.dumps(log))
    again = entries_to_log([e.__dict__ for e in entries])
    assert [e["findings"] for e in again["entries"]] == [e["findings"] for e in log["entries"]]
    assert again["entries"][0]["triggers"] == "sitting"


def test_a_log2_document_brings_its_clinician_seen_records_back(
    make_entry: Any, make_log: Any
) -> None:
    log = make_log(make_entry(0))
    doc = {**log, "schema": "radiculog/log@2"}
    doc["clinician_seen"] = [
        {"at": "2026-11-23T10:00:00+00:00", "note": "GP"},
        {"at": "2026-11-22T09:00:00Z"},
    ]
    read = read_log_document(json.dumps(doc))
    assert [(s.at.isoformat(), s.note) for s in read.seen] == [
        ("2026-11-22T09:00:00+00:00", ""),
        ("2026-11-23T10:00:00+00:00", "GP"),
    ]
    assert read.entries == read_log(json.dumps(log))
    assert read_log_document(json.dumps(log)).seen == []


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"schema": "radiculog/log@3", "entries": []}, "schema"),
        ({"schema": "radiculog/log@1", "entries": [], "clinician_seen": []}, "clinician_seen"),
        ({"schema": "radiculog/log@2", "entries": [], "clinician_seen": "x"}, "clinician_seen"),
        (
            {"schema": "radiculog/log@2", "entries": [], "clinician_seen": [{"at": "monday"}]},
            "clinician_seen[0].at",
        ),
        (
            {
                "schema": "radiculog/log@2",
                "entries": [],
                "clinician_seen": [{"at": "2026-11-21T08:00Z", "who": "GP"}],
            },
            "clinician_seen[0].who",
        ),
        (
            {"schema": "radiculog/log@1", "entries": [{"at": "yesterday", "findings": {}}]},
            "entries[0].at",
        ),
        (
            {
                "schema": "radiculog/log@1",
                "entries": [{"at": "2026-11-21T08:00:00", "findings": {}}],
            },
            "entries[0].at",
        ),
        (
            {"schema": "radiculog/log@1", "entries": [{"at": "2026-11-21T08:00:00Z"}]},
            "entries[0].findings",
        ),
        (
            {
                "schema": "radiculog/log@1",
                "entries": [{"at": "2026-11-21T08:00Z", "findings": {}, "mood": 1}],
            },
            "entries[0].mood",
        ),
    ],
)
def test_bad_logs_name_the_field(doc: dict[str, Any], path: str) -> None:
    with pytest.raises(LogImportError) as info:
        read_log(json.dumps(doc))
    assert info.value.path == path
    assert str(info.value).startswith(path + ":")


def test_findings_errors_come_back_with_the_entry_path(make_entry: Any, make_log: Any) -> None:
    class FieldError:
        path, value, message = "answers.bladder_chang", True, "unknown question"

    class Bad(ValueError):
        errors = [FieldError()]

    def check(findings: object) -> None:
        raise Bad("bad findings")

    with pytest.raises(LogImportError) as info:
        read_log(json.dumps(make_log(make_entry(0))), check)
    assert info.value.path == "entries[0].findings.answers.bladder_chang"


def test_not_json_is_a_clear_error() -> None:
    with pytest.raises(LogImportError, match="not valid JSON"):
        read_log(b"\xff{")
