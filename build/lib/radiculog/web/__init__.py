"""The Django layer: a thin client of the engine (radiculog.assess / trend)."""
