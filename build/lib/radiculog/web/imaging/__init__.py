"""Paste page for a scan report: read it level by level and compare it with the self-check."""
