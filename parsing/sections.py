"""Which part of a paste is the job itself.

Job boards wrap a posting in their own material: market medians, "similar jobs", interview tips, the
skills of a whole category. None of it describes this job, so extractors only read the job's part.
"""

from __future__ import annotations

import re

# Headings and phrases that open a board's own material after the posting.
_AGGREGATOR_MARKERS_RE = re.compile(
    r"""^(?:
        salary\s+context | compensation\s+benchmarks? | salary\s+(?:insights|data|benchmarks?|trends)
      | market\s+(?:context|data|insights|overview) | role\s+details | similar\s+(?:jobs|roles|positions)
      | related\s+(?:jobs|roles|searches) | people\s+also\s+(?:viewed|searched)
      | more\s+jobs\s+(?:like|at|from)
      | jobs\s+like\s+this | career\s+path | what\s+to\s+expect\s+in\s+(?:the\s+)?interviews?
      | interview\s+(?:tips|questions) | location\s+context | frequently\s+asked\s+questions
      | (?:the\s+)?\w+\s+(?:job\s+market|hiring)\s+(?:today|overview) | \w+\s+hiring\s+overview
      | get\s+(?:weekly|daily)\s+.{0,40}(?:alerts|intelligence|newsletter)
      | view\s+full\s+.{0,60}\s+salary\s+data | report\s+this\s+job | apply\s+now\s+and\s+.{0,20}similar
    )\b""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# Sentences only a board writes about its own data set.
_DATASET_SENTENCE_RE = re.compile(
    r"\b(?:in\s+our\s+dataset|roles\s+we(?:'re|\s+are)\s+tracking|positions\s+with\s+disclosed|"
    r"across\s+\d[\d,]*\s+(?:roles|positions|postings|jobs))\b",
    re.IGNORECASE,
)
_MIN_JOB_CHARS = 400


def job_text(text: str) -> str:
    """The posting without a job board's trailing material (market figures, tips, similar jobs)."""
    cut = len(text)
    for marker in _AGGREGATOR_MARKERS_RE.finditer(text):
        if marker.start() >= _MIN_JOB_CHARS:
            cut = marker.start()
            break
    dataset = _DATASET_SENTENCE_RE.search(text, 0, cut)
    if dataset and dataset.start() >= _MIN_JOB_CHARS:
        line_start = text.rfind("\n", 0, dataset.start()) + 1
        cut = min(cut, line_start)
    return text[:cut].rstrip()
