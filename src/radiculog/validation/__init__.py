"""The published validation benchmark (issue 25): vignettes in, docs/validation.md out."""
