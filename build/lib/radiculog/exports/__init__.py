"""Exports of a symptom log: HL7 FHIR R4 Bundle, CSV and calendar reminders,
plus reading a log@1 document back in.  Plain Python; the web layer serves them."""

from __future__ import annotations
