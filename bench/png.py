"""A tiny raster canvas written as PNG with zlib and struct only.

matplotlib is not a dependency of the project, and the chart needs lines, boxes and
upper-case labels; a 5x7 bitmap font (the HD44780 LCD glyphs) covers the labels.
"""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from pathlib import Path

Color = tuple[int, int, int]

_GLYPHS: dict[str, tuple[int, ...]] = {
    "0": (0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E),
    "1": (0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "2": (0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F),
    "3": (0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
    "4": (0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02),
    "5": (0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
    "6": (0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E),
    "7": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
    "8": (0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E),
    "9": (0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
    "A": (0x0E, 0x11, 0x11, 0x11, 0x1F, 0x11, 0x11),
    "B": (0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
    "C": (0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E),
    "D": (0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C),
    "E": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F),
    "F": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
    "G": (0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F),
    "H": (0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "I": (0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "J": (0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
    "K": (0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11),
    "L": (0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
    "M": (0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11),
    "N": (0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
    "O": (0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "P": (0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
    "Q": (0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D),
    "R": (0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
    "S": (0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E),
    "T": (0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
    "U": (0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "V": (0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
    "W": (0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A),
    "X": (0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
    "Y": (0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04),
    "Z": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
    " ": (0, 0, 0, 0, 0, 0, 0),
    ".": (0, 0, 0, 0, 0, 0x0C, 0x0C),
    ",": (0, 0, 0, 0, 0x0C, 0x04, 0x08),
    "-": (0, 0, 0, 0x1F, 0, 0, 0),
    "/": (0, 0x01, 0x02, 0x04, 0x08, 0x10, 0),
    "%": (0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03),
    "(": (0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02),
    ")": (0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08),
    ":": (0, 0x0C, 0x0C, 0, 0x0C, 0x0C, 0),
    "=": (0, 0, 0x1F, 0, 0x1F, 0, 0),
    "+": (0, 0x04, 0x04, 0x1F, 0x04, 0x04, 0),
    "<": (0x02, 0x04, 0x08, 0x10, 0x08, 0x04, 0x02),
    ">": (0x08, 0x04, 0x02, 0x01, 0x02, 0x04, 0x08),
}


class Canvas:
    def __init__(self, width: int, height: int, background: Color = (255, 255, 255)) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def dot(self, x: int, y: int, color: Color) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            i = 3 * (y * self.width + x)
            self.pixels[i : i + 3] = bytes(color)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        for y in range(max(0, min(y0, y1)), min(self.height, max(y0, y1) + 1)):
            for x in range(max(0, min(x0, x1)), min(self.width, max(x0, x1) + 1)):
                self.dot(x, y, color)

    def line(
        self, x0: float, y0: float, x1: float, y1: float, color: Color, width: int = 1,
        dash: int = 0,
    ) -> None:  # fmt: skip
        steps = int(max(abs(x1 - x0), abs(y1 - y0), 1))
        for s in range(steps + 1):
            if dash and (s // dash) % 2:
                continue
            x = round(x0 + (x1 - x0) * s / steps)
            y = round(y0 + (y1 - y0) * s / steps)
            half = width // 2
            for dx in range(-half, width - half):
                for dy in range(-half, width - half):
                    self.dot(x + dx, y + dy, color)

    def text(self, x: int, y: int, text: str, color: Color = (0, 0, 0), scale: int = 1) -> int:
        """Draw upper-cased `text` with its top left at (x, y); returns the end x."""
        for char in text.upper():
            rows = _GLYPHS.get(char, _GLYPHS[" "])
            for r, bits in enumerate(rows):
                for c in range(5):
                    if bits & (0x10 >> c):
                        self.rect(
                            x + c * scale, y + r * scale, x + c * scale + scale - 1,
                            y + r * scale + scale - 1, color,
                        )  # fmt: skip
            x += 6 * scale
        return x

    def text_width(self, text: str, scale: int = 1) -> int:
        return 6 * scale * len(text)

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.pixels[3 * y * self.width : 3 * (y + 1) * self.width])
            for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )

    def save(self, path: Path) -> None:
        path.write_bytes(self.png())


class LogAxes:
    """A log-log (or log-y) plotting area inside a canvas."""

    def __init__(
        self, canvas: Canvas, box: tuple[int, int, int, int], x_range: tuple[float, float],
        y_range: tuple[float, float], log_x: bool = True,
    ) -> None:  # fmt: skip
        self.canvas, self.box = canvas, box
        self.log_x = log_x
        self.x_lo, self.x_hi = (math.log10(v) if log_x else v for v in x_range)
        self.y_lo, self.y_hi = (math.log10(v) for v in y_range)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        left, top, right, bottom = self.box
        fx = ((math.log10(x) if self.log_x else x) - self.x_lo) / (self.x_hi - self.x_lo)
        fy = (math.log10(max(y, 1e-12)) - self.y_lo) / (self.y_hi - self.y_lo)
        return left + fx * (right - left), bottom - fy * (bottom - top)

    def frame(self, title: str, x_ticks: list[tuple[float, str]], y_label: str) -> None:
        left, top, right, bottom = self.box
        grey, black = (215, 215, 215), (40, 40, 40)
        for decade in range(math.floor(self.y_lo), math.ceil(self.y_hi) + 1):
            value = 10.0**decade
            if self.y_lo <= decade <= self.y_hi:
                _, y = self.xy(10**self.x_lo if self.log_x else self.x_lo, value)
                self.canvas.line(left, y, right, y, grey)
                label = f"{value:g}"
                self.canvas.text(left - self.canvas.text_width(label) - 4, round(y) - 3, label)
        for value, label in x_ticks:
            x, _ = self.xy(value, 10**self.y_lo)
            self.canvas.line(x, top, x, bottom, grey)
            self.canvas.text(round(x) - self.canvas.text_width(label) // 2, bottom + 6, label)
        self.canvas.line(left, bottom, right, bottom, black)
        self.canvas.line(left, top, left, bottom, black)
        self.canvas.text(left, top - 36, title, black, scale=2)
        self.canvas.text(left, top - 14, y_label, (90, 90, 90))

    def series(
        self, points: list[tuple[float, float]], color: Color, width: int = 2, dash: int = 0,
        markers: bool = True,
    ) -> None:  # fmt: skip
        coords = [self.xy(x, y) for x, y in points if y > 0]
        for (x0, y0), (x1, y1) in itertools.pairwise(coords):
            self.canvas.line(x0, y0, x1, y1, color, width, dash)
        for x, y in coords if markers else []:
            self.canvas.rect(round(x) - 2, round(y) - 2, round(x) + 2, round(y) + 2, color)
