"""The appointment report (HTML and PDF), the prep list and clinician share links."""
