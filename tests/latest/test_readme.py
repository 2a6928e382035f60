"""The README's Quick start names the wheel that setup.py builds and the test command CI runs."""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        return f.read()


def test_quick_start_wheel_matches_the_version():
    version = re.search(r'^VERSION = "([^"]+)"', _read("setup.py"), re.M).group(1)
    assert "dist/streaming-{}-py3-none-any.whl".format(version) in _read("README.rst")
    assert version in _read("HISTORY.rst")


def test_ci_runs_the_readme_test_command_last():
    command = ".venv/bin/python -m pytest tests -q"
    assert command in _read("README.rst")
    assert _read(os.path.join(".ci", "run")).rstrip().splitlines()[-1] == command
