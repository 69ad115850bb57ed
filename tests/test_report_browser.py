"""The report rendered by a real browser: headless Chromium draws the charts of the corpus.

Skipped where no Chromium is installed, unless GOVREPLY_BROWSER=required (``nox -s browser``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import browser
from govreply.report._svg import PALETTE

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium() -> str:
    """The Chromium to render with; the test is skipped (or fails, if required) without one."""
    found = browser.chromium()
    if found is None:
        if os.environ.get("GOVREPLY_BROWSER") == "required":
            pytest.fail("no Chromium: apt-get install chromium fonts-noto-cjk")
        pytest.skip("no Chromium on this machine (nox -s browser needs one)")
    return found


def _count(rows: list[bytes], color: str) -> int:
    pixel = bytes.fromhex(color.removeprefix("#"))
    return sum(1 for row in rows for x in range(0, len(row), 3) if row[x : x + 3] == pixel)


def test_chromium_draws_the_corpus_report(chromium: str, tmp_path: Path) -> None:
    """The page renders: the first screen shows bars in the chart colours, on white."""
    page = browser.corpus_report(tmp_path)
    shot = tmp_path / "report.png"
    browser.screenshot(page, shot, width=800, height=1600)
    width, height, rows = browser.pixels(shot)
    assert (width, height) == (800, 1600)
    white = _count(rows, "#ffffff")
    assert white > width * height // 2  # a page, not an error screen
    assert _count(rows, PALETTE[0]) > 2000  # the bars of the class mix and the calendar
    assert _count(rows, PALETTE[1]) > 500  # their second category
