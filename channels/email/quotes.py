"""Cut quoted earlier messages and signatures from a reply, keeping only what is new.

Mail clients quote in a few recognisable ways: an attribution line ("On ... wrote:",
"في ... كتب:"), a separator ("-----Original Message-----", "-----الرسالة الأصلية-----"),
Outlook's header block ("From: / Sent: / To: / Subject:" or "من: / تاريخ الإرسال: / إلى: /
الموضوع:"), and "> " prefixes. Cutting is conservative: if nothing new would remain, the
text is returned whole, because losing a citizen's words is worse than showing a quote.
"""

from __future__ import annotations

import re

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

ATTRIBUTION = [
    re.compile(r"^\s*On\b.{0,300}\bwrote\s*:\s*$", re.I | re.S),
    re.compile(r"^\s*Le\b.{0,300}\ba écrit\s*:\s*$", re.I | re.S),
    re.compile(r"^\s*Am\b.{0,300}\bschrieb\b.{0,100}:\s*$", re.I | re.S),
    re.compile(r"^\s*(?:في|بتاريخ|يوم)\s.{0,300}(?:كتب|كتبت|كتبَ)\s*.{0,60}:\s*$", re.S),
    # Gmail's Arabic interface: "في <date> تمت كتابة ما يلي بواسطة <name> <<address>>:"
    # ("the following was written by"); older clients: "بتاريخ <date>، جاء من <name> ...:".
    re.compile(
        r"^\s*(?:في|بتاريخ|يوم)\s.{0,300}(?:تمت كتابة ما يلي بواسطة|جاء من)\s.{0,200}:\s*$", re.S
    ),
    re.compile(r"^\s*.{0,200}<[^>\s]+@[^>\s]+>\s*(?:wrote|كتب|كتبت)\s*:\s*$", re.I | re.S),
    # Android/Gmail in Russian: '02.04.2012 14:20 пользователь "a@b" <a@b> написал:'
    re.compile(r"^\s*\d.{0,300}\b(?:написал|написала|пишет)\s*:\s*$", re.I | re.S),
]
SEPARATOR = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Reply Message|الرسالة الأصلية|الرسالة الاصلية)\s*-{2,}"
    r"|_{20,}|-{20,})\s*$",
    re.I,
)
FORWARD = re.compile(
    r"^\s*-{2,}\s*(?:Forwarded message|Forwarded Message|رسالة مُعاد توجيهها|رسالة معاد توجيهها"
    r"|الرسالة المحولة)\s*-{2,}\s*$",
    re.I,
)
# Outlook header block fields, English and Arabic (Outlook's Arabic UI).
HEADER_FROM = re.compile(r"^\s*\*?(?:From|من|المرسل)\s*\*?\s*:\s*\S", re.I)
HEADER_OTHER = re.compile(
    r"^\s*\*?(?:Sent|Date|To|Cc|Subject|تاريخ الإرسال|أرسل|ارسل|أُرسل|التاريخ|إلى|الى|نسخة"
    r"|الموضوع)\s*\*?\s*:",
    re.I,
)
SIGNATURE = re.compile(r"^-- ?$")
WORD = re.compile(r"[^\W_]")  # a letter or digit
DEVICE_SIGNATURE = re.compile(
    r"^\s*(?:Sent from my \w+.*|Sent from (?:Mail|Outlook) for .*|Get Outlook for .*"
    r"|Sent from Yahoo Mail.*|أرسلت من (?:جهاز|الـ|ال)?\s*\S+.*|مرسل من .*|تم الإرسال من .*)\s*$",
    re.I,
)


def cut_quoted(text: str) -> str:
    """The new part of a reply: quotes, attributions and signatures removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _cut_at_quote_start(lines)
    kept = [line for line in cut if not line.lstrip().startswith(">")]
    kept = _cut_signature(kept)
    result = "\n".join(kept).strip()
    if not WORD.search(result):  # a separator line alone is nothing new
        result = ""
    if not result:
        unquoted = [
            ln
            for i, ln in enumerate(lines)
            if not ln.lstrip().startswith(">") and not _is_attribution(lines, i)
        ]
        return "\n".join(unquoted).strip() or text.strip()
    return result


def _plain(line: str) -> str:
    return BIDI_MARKS.sub("", line).strip()


def _cut_at_quote_start(lines: list[str]) -> list[str]:
    for i, raw in enumerate(lines):
        line = _plain(raw)
        if not line or FORWARD.match(line):
            if FORWARD.match(line):
                return lines  # a forward's content is what the citizen wants us to read
            continue
        if SEPARATOR.match(line) and _has_text_before(lines, i):
            return lines[:i]
        if _is_attribution(lines, i):
            return lines[:i]
        if HEADER_FROM.match(line) and _header_block_follows(lines, i):
            return lines[:i]
    return lines


def _has_text_before(lines: list[str], index: int) -> bool:
    return any(_plain(ln) and not ln.lstrip().startswith(">") for ln in lines[:index])


def _is_attribution(lines: list[str], index: int) -> bool:
    line = _plain(lines[index])
    if any(p.match(line) for p in ATTRIBUTION):
        return True
    if index + 1 >= len(lines) or len(line) > 300:
        return False
    following = _plain(lines[index + 1])
    if any(p.match(following) for p in ATTRIBUTION):
        return False
    joined = line + " " + following  # clients wrap long attributions onto a second line
    return any(p.match(joined) for p in ATTRIBUTION)


def _header_block_follows(lines: list[str], index: int) -> bool:
    fields = 0
    for ln in lines[index + 1 : index + 8]:
        plain = _plain(ln)
        if not plain:
            continue
        if HEADER_OTHER.match(plain):
            fields += 1
    return fields >= 2


def _cut_signature(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if SIGNATURE.match(line) and i > 0:
            return lines[:i]
    return [ln for ln in lines if not DEVICE_SIGNATURE.match(_plain(ln))]
