"""The guided self-check: questions and body map -> findings@1 (or @2) -> engine -> result."""
