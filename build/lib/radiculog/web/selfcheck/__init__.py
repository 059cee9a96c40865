"""The guided self-check: questions and body map -> findings@1 -> engine -> result."""
