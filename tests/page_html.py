"""The tags of an HTML page, in document order (stdlib parser, no dependency)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Tag:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedPage:
    tags: list[Tag]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}))


def parse_html(text: str) -> ParsedPage:
    collector = _Collector()
    collector.feed(text)
    return ParsedPage(collector.tags)
