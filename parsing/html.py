"""HTML pages to text, and the schema.org JobPosting they may carry as JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|body|head|div|p|br|li|ul|span|h[1-6]|script|table|section|article)\b",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_VOID_TAGS = frozenset({"br", "hr"})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
# Characters libxml2 refuses in a document (NUL and other C0 controls): read as spaces.
_XML_UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def looks_like_html(text: str) -> bool:
    sample = text[:4096]
    return len(_HTML_SNIFF_RE.findall(sample)) >= 2


@dataclass(frozen=True)
class HtmlPage:
    text: str
    job_posting: dict[str, Any] | None


class _TextExtractor:
    """Receives libxml2's parse events (lxml's parser target interface) and keeps the readable text and
    the JSON-LD blocks. libxml2 reads markup in one pass, so crafted input (thousands of unclosed
    ``<a `` tags) costs linear time, where the standard library's parser rescans the rest of the
    document for every unfinished tag."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self._skip_depth = 0
        self._in_json_ld = False
        self._json_buffer: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if not isinstance(tag, str):  # comments and processing instructions
            return
        tag = tag.lower()
        if tag == "script" and "ld+json" in (attrs.get("type") or "").lower():
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

    def end(self, tag: str) -> None:
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if self._in_json_ld and tag == "script":
            self.json_ld.append("".join(self._json_buffer))
            self._in_json_ld = False
            return
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in _BLOCK_TAGS and tag not in _VOID_TAGS:  # a void tag's newline came with its start
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if self._in_json_ld:
            self._json_buffer.append(data)
        elif not self._skip_depth:
            self.parts.append(data)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


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
    # recover: malformed markup keeps what can be read; huge_tree: no libxml2 depth or size refusal
    # within the posting size limit; no_network: an entity or DTD never fetches anything.
    parser = etree.HTMLParser(target=extractor, recover=True, huge_tree=True, no_network=True)
    try:
        parser.feed(_XML_UNSAFE_RE.sub(" ", markup) or " ")
        parser.close()
    except etree.LxmlError:  # unreadable markup: keep what was read so far
        pass
    text = re.sub(r"[ \t]+", " ", "".join(extractor.parts))
    text = re.sub(r" *\n *", "\n", text)
    return HtmlPage(text=text, job_posting=find_job_posting(extractor.json_ld))
