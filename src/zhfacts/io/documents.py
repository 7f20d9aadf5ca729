"""Reading documents: detect the encoding, refuse what is not text, never alter the characters.

Offsets everywhere are into the string this module returns, so it decodes and nothing more
(a UTF-8 or UTF-16 byte-order mark is consumed by the codec, as a text editor would).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ZhfactsError

#: Larger inputs are refused rather than exhausting memory; split them first.
MAX_BYTES = 200 * 1024 * 1024


def decode(data: bytes, name: object) -> str:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 (with a BOM, or without one when the text
    holds ASCII, whose NUL bytes mark it), Big5 or GB18030, else raise.

    Which of the legacy encodings (Big5 or GB18030, UTF-16LE or BE) a file is in is decided by
    charset-normalizer, restricted to those candidates: two Chinese encodings can both decode
    the same bytes, and only one of them gives Chinese.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", name)
    if b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        return _strict(data, _detect(data, ("gb18030", "big5"), "gb18030"), name)
    encoding = _detect(data, ("utf_16_le", "utf_16_be"), "")
    try:
        text = data.decode(encoding) if encoding else ""
    except UnicodeDecodeError:
        text = ""
    if not text or _CONTROL.search(text) or not _ASCII.search(text):  # UTF-16's NULs come with ASCII
        raise ZhfactsError(name, "binary file (contains NUL bytes), not text")
    return text


#: Control characters no text document holds (tab, line and page breaks aside).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_ASCII = re.compile(r"[\t\n\r -~]")


def _detect(data: bytes, candidates: tuple[str, ...], default: str) -> str:
    from charset_normalizer import from_bytes  # imported here: only legacy encodings need it

    best = from_bytes(data[:_SAMPLE], cp_isolation=list(candidates)).best()
    return best.encoding if best is not None else default


def _strict(data: bytes, encoding: str, name: object) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("_", "-")
        raise ZhfactsError(name, f"cannot decode as UTF-8, UTF-16, Big5 or GB18030 "
                                 f"({label}: {exc.reason} at byte {exc.start})") from None


#: Bytes of a document the encoding detector looks at.
_SAMPLE = 64 * 1024


def read_stdin(name: str = "<stdin>") -> str:
    """Standard input, under the same size limit as a file."""
    import sys

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ZhfactsError(name, f"too large (over {MAX_BYTES} bytes, the limit); split it first")
    return _with_text(decode(data, name), name)


def _with_text(text: str, name: object) -> str:
    """The text, unless it holds nothing but white space: no claims is no answer for a file
    that is empty because it was cut short or never written."""
    if not text.strip():
        raise ZhfactsError(name, "empty document (no text, only white space)")
    return text


def paragraph_blocks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, text) blocks of at most about ``size`` characters, cut after a paragraph break
    (else a line break), so a huge document is extracted block by block in flat memory."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n\n", pos, end)
            cut = cut + 2 if cut > pos else text.rfind("\n", pos, end) + 1
            end = cut if cut > pos else end
        yield pos, text[pos:end]
        pos = end


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
    return _with_text(decode(data, path), path)
