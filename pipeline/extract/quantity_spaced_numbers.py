"""Numbers whose groups of thousands an aligned table separates with plain spaces.

`Juárez      41      98.4      1 024.3      1 512 450`: SI style and many Mexican
government tables print thousands apart with a space. In prose, or in a table whose columns
a conversion collapsed to single spaces, `1 024.3` could as well be two cells, and is left
alone; in a cell that runs of two or more spaces bound on both sides, it can only be one
number. Such a cell's spaces are read as narrow no-break spaces, which the candidate pattern
takes between groups of thousands: the text keeps its length and offsets, and the quote is
printed as the source prints it.
"""

from __future__ import annotations

import re

# a cell: after a line start or two spaces, before two spaces or the line's end
_SPACED_CELL = re.compile(
    r"(?:(?<=\n)|(?<=[ \t]{2})|(?<=\t))[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?"
    r"(?=[ \t]{2}|\t|\r?\n|\Z)"
)


def spaced_thousands_as_narrow(text: str) -> str:
    """The text with the spaces inside a table cell's spaced number made narrow no-break
    spaces; same length and offsets."""
    if "  " not in text:
        return text
    cells = list(_SPACED_CELL.finditer(text))
    if not cells:
        return text
    chars = list(text)
    for cell in cells:
        for i in range(cell.start(), cell.end()):
            if chars[i] == " ":
                chars[i] = "\u202f"
    return "".join(chars)
