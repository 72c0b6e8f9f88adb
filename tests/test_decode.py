"""Bytes to text: encodings people's archives really hold, and refusing what is not text."""

from __future__ import annotations

import codecs
import random

import pytest

from broadsheet.core.decode import NotText, decode
from conftest import REFERENCE

WESTERN = (
    "Café owners say “prices are rising”\n"
    "\n"
    "The £5 sandwich is back — and it’s naïve to think otherwise, said Zoë.\n"
)
CYRILLIC = (
    "Лукашенко приказал армии защищать границы\n"
    "\n"
    "Президент Белоруссии Александр Лукашенко заявил в субботу, что армия будет "
    "защищать западные границы страны. Протесты продолжаются уже две недели.\n"
)
PLAIN = "Harbour reopens after storm\n\nBoats returned to the quay on Sunday morning.\n"


def test_utf8_is_read_as_utf8() -> None:
    decoded = decode(WESTERN.encode("utf-8"))
    assert decoded.text == WESTERN
    assert decoded.encoding == "utf-8"


def test_utf8_bom_is_dropped() -> None:
    decoded = decode(codecs.BOM_UTF8 + WESTERN.encode("utf-8"))
    assert decoded.text == WESTERN
    assert not decoded.text.startswith("\ufeff")


def test_the_reference_article_decodes_unchanged() -> None:
    data = REFERENCE.read_bytes()
    assert decode(data).text == data.decode("utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + WESTERN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + WESTERN.encode("utf-16-be"), "utf-16-be"),
        (WESTERN.encode("utf-16-le"), "utf-16-le"),
        (WESTERN.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["le-bom", "be-bom", "le-no-bom", "be-no-bom"],
)
def test_utf16_with_and_without_bom(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == WESTERN
    assert decoded.encoding == encoding


def test_utf16_bom_is_not_left_in_the_text() -> None:
    assert decode(WESTERN.encode("utf-16")).text == WESTERN


def test_cp1252_curly_quotes_pound_and_accents() -> None:
    decoded = decode(WESTERN.encode("cp1252"))
    assert decoded.text == WESTERN
    assert decoded.encoding == "cp1252"
    assert "“prices are rising”" in decoded.text
    assert "£5" in decoded.text
    assert "Café" in decoded.text


def test_cp1252_euro_and_trademark() -> None:
    text = "Prices in euros\n\nA ticket costs €12 at the Harbour™ box office… they said.\n"
    assert decode(text.encode("cp1252")).text == text


@pytest.mark.parametrize(
    "text",
    [CYRILLIC, "Лукашенко приказал армии защищать границы\n"],
    ids=["article", "headline"],
)
def test_cyrillic_cp1251_comes_out_right(text: str) -> None:
    data = text.encode("cp1251")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = decode(data)
    assert decoded.text == text


def test_cyrillic_utf8_is_not_mistaken_for_a_legacy_encoding() -> None:
    assert decode(CYRILLIC.encode("utf-8")).text == CYRILLIC


def test_utf8_with_one_stray_cp1252_byte_keeps_its_utf8_characters() -> None:
    # A page saved as UTF-8 with one apostrophe pasted in from a Windows editor.
    data = WESTERN.encode("utf-8") + b"It\x92s the stray byte.\n"
    text = decode(data).text
    assert text.startswith(WESTERN), text[:80]
    assert "stray byte." in text


def test_stray_nuls_in_text_are_dropped() -> None:
    data = PLAIN.encode("utf-8")
    data = data[:10] + b"\x00" + data[10:30] + b"\x00\x00" + data[30:] + b"\x00"
    decoded = decode(data)
    assert decoded.text == PLAIN
    assert "\x00" not in decoded.text


def test_stray_control_characters_are_dropped() -> None:
    data = PLAIN.replace("Boats", "Bo\x07ats").encode("utf-8")
    assert decode(data).text == PLAIN


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml", "zip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
    ],
    ids=["png", "zip", "pdf", "jpeg", "gzip"],
)
def test_binary_formats_are_refused_by_name(data: bytes, what: str) -> None:
    with pytest.raises(NotText, match=what) as caught:
        decode(data)
    assert "binary" in str(caught.value)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("size", [64, 1024, 16384])
def test_random_bytes_are_refused(seed: int, size: int) -> None:
    data = random.Random(seed).randbytes(size)
    with pytest.raises(NotText, match="binary"):
        decode(data)


def test_many_nuls_mean_binary() -> None:
    with pytest.raises(NotText, match="NUL"):
        decode(b"header\x00\x00\x00\x00" * 200)


def test_many_control_characters_mean_binary() -> None:
    with pytest.raises(NotText, match="control"):
        decode(bytes(range(1, 9)) * 100)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"   \n\t\r\n  \n", "whitespace"),
        ("  \n\n".encode("utf-16"), "whitespace"),
        (b"\r\n\r\n\r\n", "whitespace"),
    ],
    ids=["empty", "bom-only", "spaces", "utf16-spaces", "crlf-only"],
)
def test_empty_and_whitespace_only_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_not_text_is_a_value_error_with_a_message() -> None:
    with pytest.raises(ValueError, match=r"\w+"):
        decode(b"")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Title\r\n\r\nFirst line\r\nsecond line\r\n", "Title\n\nFirst line\nsecond line\n"),
        (b"Title\r\rFirst line\rsecond line\r", "Title\n\nFirst line\nsecond line\n"),
        (b"Title\r\n\rFirst\nsecond\r", "Title\n\nFirst\nsecond\n"),
    ],
    ids=["crlf", "lone-cr", "mixed"],
)
def test_line_endings_are_normalised(data: bytes, expected: str) -> None:
    text = decode(data).text
    assert text == expected
    assert "\r" not in text


def test_crlf_in_utf16_is_normalised() -> None:
    text = decode(PLAIN.replace("\n", "\r\n").encode("utf-16")).text
    assert text == PLAIN
