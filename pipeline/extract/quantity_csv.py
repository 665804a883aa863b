"""A spreadsheet saved as CSV, read as a table.

`Rank,Port,Port code,Value` over `1,Laredo,2304,"131,418.6"`: two or more lines in a row
with the same number (three or more) of separating commas are a CSV table. The text is
read with each separating comma as a tab and each double quote as a space, so the offsets
stay the same and a number in a field is a number in a cell of the table reader
(`quantity_tables`). A row whose every comma groups thousands ('Sep 2025 28,412 44,608')
is no CSV.
"""

from __future__ import annotations

import re

_CSV_SEPARATOR = re.compile(r'"(?:[^"\n]|"")*"|(,)')


def _csv_separators(line: str) -> list[int]:
    return [m.start(1) for m in _CSV_SEPARATOR.finditer(line) if m.group(1)]


_THOUSANDS_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")


def _csv_fields(line: str) -> int:
    """How many separating commas a line has if it reads as a CSV row, else 0: no runs of
    spaces, tabs or pipes (an aligned table's '41,500   40,000' is not CSV), and its commas
    not followed by a space (prose's are)."""
    commas = line.count(",")
    if commas < 3 or "\t" in line or "|" in line or "  " in line:
        return 0
    if 2 * line.count(", ") > commas:
        return 0  # prose, at a glance: most of its commas are followed by a space
    if " " in line and len(_THOUSANDS_COMMA.findall(line)) + line.count(", ") >= commas:
        # 'Sep 2025 28,412 44,608 -16,196', 'San Ysidro, CA -- 1,395,027': every comma
        # groups thousands or is prose's
        return 0
    separators = _csv_separators(line)
    spaced = sum(1 for at in separators if line[at + 1 : at + 2] == " ")
    return len(separators) if len(separators) >= 3 and 4 * spaced <= len(separators) else 0


def csv_as_tabs(text: str) -> str:
    """The text with its CSV tables written as tab-separated rows: each separating comma a
    tab and each double quote a space, so the offsets stay the same and a number in a field
    is a number in a cell. A CSV table is two or more lines in a row with the same number
    (three or more) of separating commas."""
    if text.count(",") < 6:
        return text
    lines = text.split("\n")
    counts = [_csv_fields(line) for line in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and counts[j] >= 3 and counts[j] == counts[i]:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                chars = list(lines[k].replace('"', " "))
                for at in _csv_separators(lines[k]):
                    chars[at] = "\t"
                out[k] = "".join(chars)
        i = max(j, i + 1)
    return "\n".join(out)
