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
from dataclasses import dataclass

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
    codepage = "cp1252"
    fonts = _font_codepages(rtf)
    stack: list[_Group] = []
    group = _Group()
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (a multi-byte code page needs that)
    skip_chars = 0  # fallback characters still to drop after a \uN
    for match in TOKEN.finditer(rtf):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if pending and hexbyte is None:
            out.append(_decode(pending, fonts.get(group.font or "", codepage)))
            pending.clear()
        if brace == "{":
            stack.append(group)
            group = _Group(group.skip, group.font, group.uc)
            skip_chars = 0
        elif brace == "}":
            group = stack.pop() if stack else _Group()
            skip_chars = 0
        elif word is not None:
            skip_chars = 0
            if word == "ansicpg" and arg and arg.isdigit():
                codepage = f"cp{arg}"
            elif word in SKIPPED:
                group.skip = True
            elif word == "f":
                group.font = arg
            elif word == "uc" and arg and arg.isdigit():
                group.uc = min(int(arg), 10)
            elif group.skip:
                continue
            elif word == "u" and arg:
                out.append(chr(int(arg) % 0x10000))
                skip_chars = group.uc
            elif word in BREAKS or word in SYMBOLS:
                out.append(BREAKS.get(word) or SYMBOLS[word])
        elif symbol is not None:
            if symbol == "*":
                group.skip = True  # an optional destination a reader may ignore
            elif not group.skip and symbol in "\\{}":
                out.append(symbol)
            elif not group.skip and symbol in SYMBOLS:
                out.append(SYMBOLS[symbol])
        elif hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
            elif not group.skip:
                pending.append(int(hexbyte, 16))
        elif text is not None and not group.skip:
            dropped = min(skip_chars, len(text))
            skip_chars -= dropped
            out.append(text[dropped:])
    if pending:
        out.append(_decode(pending, fonts.get(group.font or "", codepage)))
    return re.sub(r"[ \t]+\n", "\n", "".join(out)).strip()


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
