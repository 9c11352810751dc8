#!/usr/bin/env python3
"""Draws Lectern's toolbar icons (a page of text lines, one highlighted) as PNGs, no dependencies.
Run from extension/: python3 ../scripts/make-icons.py"""
import struct
import zlib

BG = (38, 70, 120)
LINE = (250, 250, 245)
MARK = (246, 190, 60)


def shade(x, y):
    """Colour at (x, y) in a 1x1 square, or None for transparent."""
    r = 0.18  # rounded corners
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    rows = [(0.22, 0.78), (0.22, 0.70), (0.22, 0.78), (0.22, 0.56)]
    for i, (x0, x1) in enumerate(rows):
        y0 = 0.22 + i * 0.16
        if y0 <= y <= y0 + 0.09 and x0 <= x <= x1:
            if i == 1 and 0.36 <= x <= 0.62:
                return MARK
            return LINE
    return BG


def png(size):
    ss = 4
    raw = bytearray()
    for py in range(size):
        raw.append(0)
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = ss * ss
            a = acc[3] // n
            if a:
                k = acc[3] / 255
                raw += bytes([int(acc[0] / k), int(acc[1] / k), int(acc[2] / k), a])
            else:
                raw += bytes(4)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


for s in (16, 32, 48, 128):
    with open(f"icons/icon-{s}.png", "wb") as f:
        f.write(png(s))
