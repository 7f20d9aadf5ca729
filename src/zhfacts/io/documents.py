"""Reading documents: detect the encoding, refuse what is not text, never alter the characters.

Offsets everywhere are into the string this module returns, so it decodes and nothing more
(a UTF-8 or UTF-16 byte-order mark is consumed by the codec, as a text editor would).
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import ZhfactsError

#: Larger inputs are refused rather than exhausting memory; split them first.
MAX_BYTES = 200 * 1024 * 1024


def decode(data: bytes, name: object) -> str:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 (with BOM) or GB18030, else raise."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ZhfactsError(name, f"not valid UTF-16 text ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise ZhfactsError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ZhfactsError(name, f"cannot decode as UTF-8, UTF-16 or GB18030 (byte {exc.start})") from None


def read_document(path: Path | str) -> str:
    """The text of one document file, or a ZhfactsError naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ZhfactsError(path, "no such file")
    if path.is_dir():
        raise ZhfactsError(path, "is a directory, expected a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ZhfactsError(path, f"too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise ZhfactsError(path, exc.strerror or str(exc)) from None
    return decode(data, path)
