"""How bodies and raw texts are kept: zstd frames, and zlib still read for older rows.

Libraries before version 3 hold zlib streams; new rows are zstd, which packs as small and
takes a third of the time (the import compresses every body and raw text). A stored value
says which it is by its first bytes, so one library may hold both.
"""

from __future__ import annotations

import threading
import zlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zstandard

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_LEVEL = 1  # higher levels cost more time for under 1% of the size on news text
# Compressor objects are reused (building one costs a third of a small body's compression)
# but are not safe to share between threads.
_local = threading.local()


def _zstandard() -> ModuleType:
    # Imported on first use, not with the library: opening a window needs no body until
    # after its first paint, and the import costs 6 ms.
    import zstandard

    return zstandard


def _body_packer() -> zstandard.ZstdCompressor:
    packer = getattr(_local, "packer", None)
    if packer is None:
        packer = _local.packer = _zstandard().ZstdCompressor(level=_LEVEL)
    return packer


def _unpacker() -> zstandard.ZstdDecompressor:
    unpacker = getattr(_local, "unpacker", None)
    if unpacker is None:
        unpacker = _local.unpacker = _zstandard().ZstdDecompressor()
    return unpacker


def pack_body(body: str) -> bytes:
    """A body as stored."""
    return _body_packer().compress(body.encode("utf-8"))


def inflate(body_z: bytes | None) -> str:
    """A stored body as text (zstd, or zlib in rows from before version 3).

    Raises ValueError when the bytes are damaged.
    """
    if not body_z:
        return ""
    try:
        if body_z.startswith(_ZSTD_MAGIC):
            return _unpacker().decompress(body_z).decode("utf-8")
        return zlib.decompress(body_z).decode("utf-8")
    except (zlib.error, _zstandard().ZstdError) as error:
        raise ValueError(f"damaged compressed text ({error})") from error


def _raw_dictionary(title: str, summary: str | None, author: str | None,
                    credit: str | None, body: str) -> bytes:
    # The raw text is mostly these fields again: given them as a dictionary, the compressor
    # stores little more than the page furniture (8% of the raw size instead of 53%).
    return "\n".join((title, summary or "", author or "", credit or "", body)).encode("utf-8")


def pack_raw(raw: str, title: str, summary: str | None, author: str | None,
             credit: str | None, body: str) -> bytes:
    """The raw text as stored: what it adds to the parsed fields it was read into."""
    zstd = _zstandard()
    fields = zstd.ZstdCompressionDict(_raw_dictionary(title, summary, author, credit, body),
                                      dict_type=zstd.DICT_TYPE_RAWCONTENT)
    return zstd.ZstdCompressor(level=_LEVEL, dict_data=fields).compress(raw.encode("utf-8"))


def unpack_raw(raw_z: bytes, title: str, summary: str | None, author: str | None,
               credit: str | None, body: str) -> str:
    """The raw text back from ``pack_raw`` (or the zlib form of rows before version 3)."""
    fields = _raw_dictionary(title, summary, author, credit, body)
    if raw_z.startswith(_ZSTD_MAGIC):
        zstd = _zstandard()
        dictionary = zstd.ZstdCompressionDict(fields, dict_type=zstd.DICT_TYPE_RAWCONTENT)
        return zstd.ZstdDecompressor(dict_data=dictionary).decompress(raw_z).decode("utf-8")
    unpacker = zlib.decompressobj(zdict=fields)
    return (unpacker.decompress(raw_z) + unpacker.flush()).decode("utf-8")
