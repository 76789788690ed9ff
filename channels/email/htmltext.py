"""HTML mail to plain text for routing and quote-cutting (stdlib parser, never raises).

Scripts, styles and the head are dropped; block elements become line breaks and table cells
are kept apart by a space; a web or geo link keeps its address beside its words; quoted
blocks (`blockquote`, Gmail's `gmail_quote`) are rendered with "> " so the quote cutter
recognises them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "object"})
BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "dd",
        "dt",
    }
)
CELL = frozenset({"td", "th"})  # side by side: a space keeps neighbouring cells apart
# A link's address is kept beside its words ("my location <https://maps...>"), as mail
# programs write the plain-text part: in an HTML-only mail it is the only copy of a map link.
LINK_SCHEMES = ("http://", "https://", "geo:")
MAX_LINK = 2000
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"})
# The HTML read for the text (characters). Reading it is done before the 250, with the
# quote cutting that follows: a flat 10 MB HTML mail took ~10 s under load at 2,000,000
# (one listener thread held). A citizen's words come first and run to kilobytes; an
# Outlook reply's markup with its quoted thread to a few hundred. Past this the text ends
# with CUT; the stored raw mail and the sanitised HTML staff read keep everything.
MAX_HTML = 500_000
CUT = "[…]"
# Deeper than this, HTML is not handed to the sanitiser: html5ever's work grows with the
# nesting depth times the tags (100,000 nested divs, 1 MB, took four minutes in nh3.clean).
# Real mail nests tens of levels, a long Outlook thread a few hundred at most.
MAX_HTML_DEPTH = 500
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0
        self.stack: list[tuple[str, bool]] = []
        # open elements per tag: an end tag nothing opened is ignored at once instead of
        # searching the whole stack (100,000 stray end tags under 100,000 divs: quadratic)
        self.open: dict[str, int] = {}
        self.links: list[tuple[str | None, int]] = []  # open <a>: its address, where it began

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag in BLOCK:
                self.out.append("\n")
            return
        if tag == "a":
            href = next((v.strip() for k, v in attrs if k == "href" and v), "")
            keep = href.lower().startswith(LINK_SCHEMES) and len(href) <= MAX_LINK
            self.links.append((href if keep else None, len(self.out)))
        classes = " ".join(v or "" for k, v in attrs if k == "class")
        quoted = tag == "blockquote" or "gmail_quote" in classes or "yahoo_quoted" in classes
        self.stack.append((tag, quoted))
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in SKIP:
            self.skip += 1
        if quoted:
            self.quote += 1
        if tag in BLOCK:
            self.out.append("\n")
        elif tag in CELL and self.out and not self.out[-1].endswith("\n"):
            self.out.append(" ")  # not at a line's start, where a quote's "> " goes

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href, start = self.links.pop()
            if href and not self.skip and href not in "".join(self.out[start:]):
                self.out.append(f" <{href}>")
        if self.open.get(tag):
            self._close(tag)
        if tag in BLOCK:
            self.out.append("\n")

    def _close(self, tag: str) -> None:
        """Close `tag` and everything opened inside it (each element is closed once)."""
        i = len(self.stack) - 1
        while self.stack[i][0] != tag:
            i -= 1
        for name, quoted in self.stack[i:]:
            self.open[name] -= 1
            if name in SKIP:
                self.skip = max(0, self.skip - 1)
            if quoted:
                self.quote = max(0, self.quote - 1)
        del self.stack[i:]

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.quote:
            data = data.replace("\n", "\n> ")
            if not self.out or self.out[-1].endswith("\n"):
                data = "> " + data
        self.out.append(data)


def html_to_text(markup: str) -> str:
    """Readable text from an HTML body."""
    parser = _TextExtractor()
    try:
        parser.feed(markup[:MAX_HTML])
        parser.close()
    except Exception:  # HTMLParser is lenient; this is belt and braces for odd input
        return re.sub(r"<[^>]*>", " ", markup[:MAX_HTML])
    text = "".join(parser.out).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"(?:\n> ?)+\n", "\n> \n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return f"{text}\n\n{CUT}" if len(markup) > MAX_HTML else text


def nests_deeper_than(markup: str, limit: int = MAX_HTML_DEPTH) -> bool:
    """Whether elements open inside each other more than `limit` deep (a linear scan that
    counts unclosed tags as open, so it errs towards "deep")."""
    depth = 0
    for match in TAG.finditer(markup):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in VOID:
            depth += 1
            if depth > limit:
                return True
    return False
