"""English metrics are phrases of the text: their English name is the phrase itself."""
from __future__ import annotations

from ...codes import GlossSource


def metric_english(metric: str) -> tuple[str, str]:
    """(English, source) for a metric: the metric as written, from the text."""
    return (metric, GlossSource.TEXT.value) if metric else ("", "")
