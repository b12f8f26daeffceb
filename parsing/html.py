"""HTML pages to text, and the schema.org JobPosting they may carry as JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|body|head|div|p|br|li|ul|span|h[1-6]|script|table|section|article)\b",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})


def looks_like_html(text: str) -> bool:
    sample = text[:4096]
    return len(_HTML_SNIFF_RE.findall(sample)) >= 2


@dataclass(frozen=True)
class HtmlPage:
    text: str
    job_posting: dict[str, Any] | None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self._skip_depth = 0
        self._in_json_ld = False
        self._json_buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(k == "type" and v and "ld+json" in v.lower() for k, v in attrs):
            self._in_json_ld = True
            self._json_buffer = []
            return
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if self._in_json_ld and tag == "script":
            self.json_ld.append("".join(self._json_buffer))
            self._in_json_ld = False
            return
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self._json_buffer.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    return parse_html(markup).text


def _iter_objects(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for key in ("@graph", "itemListElement", "mainEntity"):
            if key in node:
                yield from _iter_objects(node[key])
    elif isinstance(node, list):
        for item in node:
            yield from _iter_objects(item)


def _is_job_posting(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() == "jobposting" for k in kinds)


def find_job_posting(blocks: list[str]) -> dict[str, Any] | None:
    for block in blocks:
        try:
            data = json.loads(block.strip())
        except (ValueError, RecursionError):
            continue
        for obj in _iter_objects(data):
            if _is_job_posting(obj):
                return obj
    return None


def parse_html(markup: str) -> HtmlPage:
    extractor = _TextExtractor()
    try:
        extractor.feed(markup)
        extractor.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read so far
        pass
    text = re.sub(r"[ \t]+", " ", "".join(extractor.parts))
    text = re.sub(r" *\n *", "\n", text)
    return HtmlPage(text=text, job_posting=find_job_posting(extractor.json_ld))
