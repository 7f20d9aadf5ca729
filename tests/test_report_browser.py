"""The HTML report in a real browser: headless chromium loads it without console errors, the
script runs to the end, every claim is highlighted and listed, its Chinese is drawn with real
glyphs (not the boxes a browser draws when no CJK font is installed), and a screenshot is taken."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from zhfacts.factcheck.load import load_claims
from zhfacts.factcheck.report import build_report, write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None and os.environ.get("ZHFACTS_REQUIRE_BROWSER"):
    raise RuntimeError("chromium is not installed, and ZHFACTS_REQUIRE_BROWSER asks for the browser test")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; CI installs it)")

DOCUMENT = ("科左后旗黄牛产业\n\n"
            "2020年全旗黄牛存栏达80万头，贫困户养牛规模达到6.86万头。"
            "贫困人口发生率从2014年的11%降至2019年的0.04%。\n"
            "全旗共有贫困户500户，其中因病致贫300户、因学致贫150户。<不是标签> & 引号“”\n")


def chromium(page: Path, profile: Path, *action: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run headless chromium on a local page with networking and background services off."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
        "--enable-logging=stderr", "--v=0", "--window-size=1280,1400", *action, page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False, env=env)


def console_messages(stderr: str) -> list[str]:
    """Every console message or uncaught error the page produced (chromium logs them as CONSOLE)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("report")
    doc = folder / "cattle.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    page = folder / "report.html"
    write_html(build_report([str(doc)], year="2020", place="科左后旗"), page)
    claims, _ = load_claims(doc, year="2020", place="科左后旗")
    assert len(claims) >= 5
    return page, len(claims)


def test_console_errors_are_detected(tmp_path):
    """The check below would see a failing script: a page that throws is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>throw new Error('boom')</script>", encoding="utf-8")
    result = chromium(page, tmp_path / "profile", "--dump-dom")
    assert any("Uncaught Error: boom" in line for line in console_messages(result.stderr))


def test_report_loads_without_errors(report, tmp_path):
    page, claims = report
    result = chromium(page, tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = result.stdout
    assert len(re.findall(r'<mark class="claim', dom)) == claims
    assert len(re.findall(r'<tr class="claim-row', dom)) == claims
    # the script ran to its last statement: it fills the row counter
    assert f"{claims} of {claims} rows shown" in dom
    assert "&lt;不是标签&gt; &amp; 引号" in dom


def test_report_screenshot(report, tmp_path):
    page, _ = report
    shot = tmp_path / "report.png"
    result = chromium(page, tmp_path / "profile", f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


#: Drawn in the page's own font: two common characters of the report and a code point no font
#: has, which every browser draws as its "missing glyph" box.
GLYPH_PROBE = """<canvas id="probe" width="64" height="64"></canvas><pre id="glyphs"></pre><script>
(function () {
  var canvas = document.getElementById("probe"), ctx = canvas.getContext("2d");
  var family = getComputedStyle(document.body).fontFamily;
  function pixels(ch) {
    ctx.clearRect(0, 0, 64, 64);
    ctx.font = "48px " + family;
    ctx.fillStyle = "#000";
    ctx.fillText(ch, 4, 52);
    return Array.prototype.join.call(ctx.getImageData(0, 0, 64, 64).data, ",");
  }
  var a = pixels("\u9ec4"), b = pixels("\u725b"), box = pixels(String.fromCodePoint(0x10FFFD));
  document.getElementById("glyphs").textContent = JSON.stringify(
    {distinct: a !== b, not_box: a !== box && b !== box, inked: /[1-9]/.test(a)});
})();
</script>"""


def glyph_check(page: Path, profile: Path, env: dict | None = None) -> dict:
    """Whether the page's font draws Chinese: two characters differ from each other and from the
    missing-glyph box."""
    probe = page.with_name("probe-" + page.name)
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", GLYPH_PROBE + "</body>"), encoding="utf-8")
    result = chromium(probe, profile, "--dump-dom", env=env)
    found = re.search(r'<pre id="glyphs">(.*?)</pre>', result.stdout)
    assert found, result.stderr[-2000:]
    return json.loads(found.group(1))


def test_boxes_are_detected(report, tmp_path):
    """The check below would see boxes: with no fonts at all, chromium draws every character as one."""
    page, _ = report
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                     f'<dir>{tmp_path / "no-fonts"}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    found = glyph_check(page, tmp_path / "profile", env={**os.environ, "FONTCONFIG_FILE": str(empty)})
    assert not (found["distinct"] and found["not_box"])


def test_chinese_renders_with_a_cjk_font(report, tmp_path):
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert listed.strip(), "no CJK font installed (apt-get install fonts-noto-cjk or fonts-wqy-zenhei)"
    page, _ = report
    assert glyph_check(page, tmp_path / "profile") == {"distinct": True, "not_box": True, "inked": True}
