"""govreply installs as the docs say: a wheel built from the clone works on its own.

The tutorial tells users to build a wheel (``pip wheel --no-deps . -w dist``) and install it;
this builds that wheel, installs it into a fresh virtual environment (which borrows this one's
dependencies, so nothing is downloaded) and runs the installed ``govreply`` on the bundled
example, so a file left out of the package data fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_built_wheel_installs_and_runs(tmp_path: Path) -> None:
    """The wheel holds the package data: the installed command parses the bundled example."""
    dist = tmp_path / "dist"
    build = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(ROOT), "-w", str(dist)]
    subprocess.run(
        [sys.executable, "-m", *build],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("govreply-*-py3-none-any.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # the dependencies (and pip) from this environment: its site directories appended by a .pth
    # file, whose own .pth files (this checkout's editable install) are not read
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(site) / "borrowed.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    where = subprocess.run(
        [python, "-c", "import govreply; print(govreply.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where  # the wheel's copy, not this checkout
    done = subprocess.run(
        [env_dir / "bin" / "govreply", "parse"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["letter"]["issuer"] == "赣州市赣县区教育科技体育局"
