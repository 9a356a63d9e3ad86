"""Where the files tiekartta ships with are found: prompts/ and corpus/ (programme, sample
documents, a sample measures register).

In a checkout, or an editable install, they are the repository's own top-level folders. A
regular install (``pip install .``) copies them as data files to ``<prefix>/share/tiekartta/``
(``[tool.setuptools.data-files]`` in pyproject.toml), where prefix is the virtual environment
or the Python installation; a ``--user`` install puts them under the user base instead.
"""

from __future__ import annotations

import site
import sys
import sysconfig
from pathlib import Path

SHARE = Path("share") / "tiekartta"


def resource_root() -> Path:
    """The first folder holding ``prompts/``: the checkout, else the installed data files."""
    checkout = Path(__file__).resolve().parents[2]
    candidates = (
        checkout,
        Path(sysconfig.get_path("data")) / SHARE,
        Path(sys.prefix) / SHARE,
        Path(site.getuserbase()) / SHARE,
    )
    for candidate in candidates:
        if (candidate / "prompts").is_dir():
            return candidate
    return checkout  # nothing shipped: the settings' paths name the missing files


RESOURCES = resource_root()
PROMPTS_DIR = RESOURCES / "prompts"
PROGRAMME_FILE = RESOURCES / "corpus" / "programme" / "digiohjelma-2024-2026.yaml"
SAMPLE_CORPUS = RESOURCES / "corpus" / "sample"
SAMPLE_REGISTER = RESOURCES / "corpus" / "registers" / "digitiekartta-toimenpiteet-2025.csv"
