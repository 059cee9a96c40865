"""The clinical safety case kept as data (issue 25).

docs/clinical-safety/hazards.toml is the hazard log; `python -m radiculog.safety`
writes hazard-log.md and safety-case.md from it. `python -m radiculog.safety
convert` reads hazard-log.md back into hazards.toml, so rows written straight into
the Markdown (as branches did before this) are taken in by running both.
"""
