"""The 72-hour symptom log: quick entries, trend, escalation banner, exports."""
