"""Plain-Python pieces of the appointment report: the daily measures kept in a
log entry, per-entry series for charts, clinician-ready sentences and the prep list.

No Django here: the web layer and the exports call these with log@1 documents.
"""

from __future__ import annotations

from radiculog.summary.measures import DailyMeasures, measures_of
from radiculog.summary.prep import PrepList
from radiculog.summary.sentences import clinician_sentences

__all__ = ["DailyMeasures", "PrepList", "clinician_sentences", "measures_of"]
