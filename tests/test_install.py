"""A regular install outside the checkout works on its shipped data: `pip install` of the built
wheel into a fresh virtual environment, then `tiekartta demo --no-serve` from another folder.

Fast and offline: the wheel is built without build isolation and installed without
dependencies; the fresh environment sees the dependencies of the running one through a .pth
line (a plain path entry: the running environment's editable install of this checkout is not
activated there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _source_copy(target: Path) -> Path:
    """The checkout's files (tracked or new, not ignored): builds never write into the repo."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_an_installed_package_runs_the_demo_on_its_shipped_data(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to list the checkout's files")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and "TIEKARTTA" not in k}
    source = _source_copy(tmp_path / "source")
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip"]
    _run(
        [*pip, "wheel", "-q", "--no-index", "--no-deps", "--no-build-isolation", "-w", str(wheels)]
        + [str(source)],
        tmp_path,
        env,
    )
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            tmp_path,
            env,
        ).strip()
    )
    (purelib / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    wheel = next(wheels.glob("tiekartta-*.whl"))
    _run(
        [*pip, "--python", str(python), "install", "-q", "--no-index", "--no-deps", str(wheel)],
        tmp_path,
        env,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [
            str(python),
            "-c",
            "import rag, rag.core.resources as r; print(rag.__file__); print(r.RESOURCES)",
        ],
        elsewhere,
        env,
    ).splitlines()
    assert Path(where[0]).is_relative_to(purelib)  # the installed copy, not the checkout
    assert Path(where[1]) == venv / "share" / "tiekartta"
    shipped = {p.relative_to(venv / "share" / "tiekartta") for p in Path(where[1]).rglob("*.*")}
    for folder in ("prompts", "corpus/programme", "corpus/sample", "corpus/registers"):
        files = {p.relative_to(REPO) for p in (REPO / folder).rglob("*.*")}
        assert files and files <= shipped, f"{folder}: not shipped {sorted(files - shipped)}"

    out = _run([str(venv / "bin" / "tiekartta"), "demo", "--no-serve"], elsewhere, env)
    assert "failed 0" in out and "tiekartta ask" in out, out
    assert (elsewhere / ".tiekartta").is_dir()  # the data directory is where it was run
