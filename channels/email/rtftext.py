"""RTF -> plain text in one linear pass: the body of an Outlook mail that only sent RTF.

Written here rather than taken from `striprtf`: its hyperlink regex backtracks without
bound (a 33 kB line of unclosed `{\\field{\\*\\fldinst{HYPERLINK "` groups took 11.7 s),
and this runs on whatever a stranger mails us. One tokenizer, each token read once; groups
that are not body text (font and colour tables, pictures, `{\\*...}` destinations) skipped.
Arabic comes either as `\\'hh` bytes in the document's code page (`\\ansicpg1256`, or a
font's `\\fcharset178`) or as `\\uN` escapes; both are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_RTF_CHARS = 2_000_000
TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
    re.S,
)
# Groups that hold no body text.
SKIPPED = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer",
        "headerl", "headerr", "footerl", "footerr", "listtable", "listoverridetable",
        "rsidtbl", "generator", "xmlnstbl", "themedata", "datastore", "latentstyles", "fldinst",
    }
)  # fmt: skip
BREAKS = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": "\t"}
SYMBOLS = {"tab": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022"}
SYMBOLS |= {"lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c"}
SYMBOLS |= {"rdblquote": "\u201d", "~": "\u00a0", "-": "", "_": "\u2011"}
# \fcharset numbers -> Windows code pages (RTF 1.9.1 spec, \fcharset). 0 (ANSI) and 1
# (default) are left to the document's \ansicpg.
CHARSET_CODEPAGE = {
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
    186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250",
}  # fmt: skip


@dataclass
class _Group:
    skip: bool = False
    font: str | None = None
    uc: int = 1


def rtf_to_text(rtf: str) -> str:
    """The visible text of an RTF document; bytes it cannot decode become U+FFFD."""
    rtf = rtf[:MAX_RTF_CHARS]
    reader = _Reader(_font_codepages(rtf))
    for match in TOKEN.finditer(rtf):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if reader.pending and hexbyte is None:
            reader.decode_pending()
        if brace is not None:
            reader.brace(brace)
        elif word is not None:
            reader.control_word(word, arg)
        elif symbol is not None:
            reader.control_symbol(symbol)
        elif hexbyte is not None:
            reader.hex_byte(hexbyte)
        elif text is not None:
            reader.text(text)
    reader.decode_pending()
    return re.sub(r"[ \t]+\n", "\n", "".join(reader.out)).strip()


@dataclass
class _Reader:
    """One pass over a document, a token at a time (`rtf_to_text`): what a token means
    depends on what came before it (the group it is in, the code page, a `\\uN` whose
    fallback characters follow), so that state is kept here between tokens."""

    fonts: dict[str, str]  # font number -> code page (`_font_codepages`)
    codepage: str = "cp1252"  # the document's, until `\\ansicpg` says otherwise
    group: _Group = field(default_factory=_Group)
    stack: list[_Group] = field(default_factory=list)  # the groups `group` is inside
    out: list[str] = field(default_factory=list)
    # \'hh bytes not yet decoded: a multi-byte code page needs a character's bytes together.
    pending: bytearray = field(default_factory=bytearray)
    skip_chars: int = 0  # fallback characters still to drop after a \uN

    def decode_pending(self) -> None:
        """The waiting bytes, decoded in the current font's code page (else the document's)."""
        if self.pending:
            self.out.append(
                _decode(self.pending, self.fonts.get(self.group.font or "", self.codepage))
            )
            self.pending.clear()

    def brace(self, brace: str) -> None:
        """A group opens (inheriting its parent's skipping, font and \\uc) or closes (the
        parent's come back; an unbalanced `}` leaves the defaults rather than failing on a
        stranger's malformed document). Either ends a `\\uN`'s fallback."""
        if brace == "{":
            self.stack.append(self.group)
            self.group = _Group(self.group.skip, self.group.font, self.group.uc)
        else:
            self.group = self.stack.pop() if self.stack else _Group()
        self.skip_chars = 0

    def control_word(self, word: str, arg: str | None) -> None:
        """A `\\word`: the settings are read even in a skipped group (a font table sets no
        text, but `\\ansicpg` and `\\f` matter); text (`\\uN`, a break, a symbol) only
        outside one. Any control word ends a `\\uN`'s fallback."""
        self.skip_chars = 0
        group = self.group
        if word == "ansicpg" and arg and arg.isdigit():
            self.codepage = f"cp{arg}"
        elif word in SKIPPED:
            group.skip = True
        elif word == "f":
            group.font = arg
        elif word == "uc" and arg and arg.isdigit():
            group.uc = min(int(arg), 10)
        elif group.skip:
            return
        elif word == "u" and arg:
            self.out.append(chr(int(arg) % 0x10000))
            self.skip_chars = group.uc  # the characters that follow stand in for it
        elif word in BREAKS or word in SYMBOLS:
            self.out.append(BREAKS.get(word) or SYMBOLS[word])

    def control_symbol(self, symbol: str) -> None:
        """A `\\` and one character: `\\*` marks an optional destination a reader may skip;
        an escaped brace or backslash, or a symbol such as `\\~`, is text."""
        if symbol == "*":
            self.group.skip = True
        elif not self.group.skip and symbol in "\\{}":
            self.out.append(symbol)
        elif not self.group.skip and symbol in SYMBOLS:
            self.out.append(SYMBOLS[symbol])

    def hex_byte(self, hexbyte: str) -> None:
        """A `\\'hh` byte: a `\\uN`'s fallback is dropped, else it waits to be decoded."""
        if self.skip_chars:
            self.skip_chars -= 1
        elif not self.group.skip:
            self.pending.append(int(hexbyte, 16))

    def text(self, text: str) -> None:
        """Plain text, less a `\\uN`'s fallback characters at its start."""
        if self.group.skip:
            return
        dropped = min(self.skip_chars, len(text))
        self.skip_chars -= dropped
        self.out.append(text[dropped:])


def _font_codepages(rtf: str) -> dict[str, str]:
    """Font number -> code page, from the font table's `\\fN ... \\fcharsetM` entries."""
    start = rtf.find("\\fonttbl")
    table = rtf[start : start + 20_000] if start >= 0 else ""
    found = re.findall(r"\\f(\d{1,5})[^{}]{0,200}?\\fcharset(\d{1,3})", table)
    return {font: CHARSET_CODEPAGE[int(cs)] for font, cs in found if int(cs) in CHARSET_CODEPAGE}


def _decode(data: bytearray, codepage: str) -> str:
    try:
        return bytes(data).decode(codepage, "replace")
    except LookupError:
        return bytes(data).decode("cp1252", "replace")
