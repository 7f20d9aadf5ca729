#!/usr/bin/env bash
# Extract the six outside texts and compare with their labels; prints one line of counts per text
# and leaves the row-by-row comparison in the working directory it names.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp "$here"/*.txt "$here"/expected.csv "$here"/compare.py "$work"/
cd "$work"
zhfacts extract t1_bulletin.txt --year 2023 --place 安平县 -o t1_out.csv
zhfacts extract t2_poverty.txt --year 2020 --place 七百弄乡 -o t2_out.csv
zhfacts extract t3_gwr.txt --year 2021 --place 湖南省 -o t3_out.csv
zhfacts extract t4_energy.txt --year 2022 --place 酒泉市 -o t4_out.csv
zhfacts extract t5_social.txt --year 2021 --place 岳西县 -o t5_out.csv
zhfacts extract t6_messy.txt --year 2021 --place 紫云县 -o t6_out.csv
python "$work/compare.py"
echo "row-by-row comparison: $work/comparison.csv"
