"""Bytes to text: byte-order marks, UTF-8/16/32, cp1252 and friends, and refusing binaries."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Magic numbers of formats people keep next to their articles; they are never text.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters a Western page legitimately decodes to from cp1252's upper half.
_WESTERN = re.compile(r"[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                      r"\u2039\u203a\u20ac\u2122]")


_MAX_STRAY_BYTES = 64
_ACCENT_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")


class NotText(ValueError):
    """The bytes are not a text article; the message says why, in a few words."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes to text, or raise NotText with the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data[len(bom):], encoding), encoding)
    for magic, what in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise NotText(f"binary file ({what})")
    guessed_utf16 = _bomless_utf16(data)
    if guessed_utf16:
        return _finish(_strict(data, guessed_utf16), guessed_utf16)
    if b"\x00" in data:
        data = _drop_stray_nuls(data)
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _finish(mixed, "utf-8 (with some cp1252 bytes)")
    return _finish(*_decode_legacy(data))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray cp1252 bytes (pasted from elsewhere) reads as both, mixed.

    Only when the file really is UTF-8 elsewhere: it must hold valid multi-byte sequences,
    and the stray bytes must be few.
    """
    parts: list[str] = []
    start = stray = 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            parts.append(data[start:start + error.start].decode("utf-8"))
            bad = data[start + error.start:start + error.end]
            parts.append(bad.decode("cp1252", "replace"))
            stray += len(bad)
            start += error.end
            if stray > _MAX_STRAY_BYTES:
                return None
    text = "".join(parts)
    valid_multibyte = sum(1 for c in text if ord(c) > 127) - stray
    return text if valid_multibyte > 0 and stray <= max(4, valid_multibyte) else None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotText(f"not valid {encoding} (bad bytes at offset {error.start})") from None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its zero high bytes on ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _drop_stray_nuls(data: bytes) -> bytes:
    """A few NULs in a text dump are debris; many mean it is not text at all."""
    if data.count(0) > max(8, len(data) // 100):
        raise NotText("binary file (contains NUL bytes)")
    return data.replace(b"\x00", b"")


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: prefer cp1252 when it reads as Western text, else ask charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_western(text):
        return text, "cp1252"
    from charset_normalizer import from_bytes  # only for the rare non-Western file

    best = from_bytes(data).best()
    if best is None:
        raise NotText("binary file (no text encoding fits)")
    return str(best), best.encoding


def _reads_as_western(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    western = sum(1 for c in non_ascii if _WESTERN.match(c))
    if western < len(non_ascii) or len(non_ascii) >= max(20, len(text) // 10):
        return False
    # Western words put accents between plain letters; "Ïðèâåò" is Cyrillic read wrongly.
    return not _ACCENT_RUN.search(text)


def _finish(text: str, encoding: str) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, min(len(text), 65536) // 50):
        raise NotText("binary file (too many control characters)")
    text = _CONTROL.sub("", text) if controls else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NotText("empty file" if not text else "only whitespace")
    return Decoded(text, encoding)
