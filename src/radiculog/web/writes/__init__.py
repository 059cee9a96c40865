"""Writes a person can repeat or race: idempotency keys for forms and the API, and
optimistic concurrency (a version each form carries) for records edited in place."""
