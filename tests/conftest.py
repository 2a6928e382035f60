"""Test session set-up. It must run before azure.cli.core is imported, because the CLI reads
AZURE_CONFIG_DIR and AZURE_EXTENSION_DIR once, at import time."""

import os
import re
import shutil
import sys
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if "AZURE_TEST_RUN_LIVE" in os.environ:
    # true deletes the recordings and an empty value is an error: this suite only ever plays back.
    pytest.exit("Unset AZURE_TEST_RUN_LIVE: these tests run in playback only and live mode deletes the "
                "recordings.", returncode=2)
assert "azure.cli.core" not in sys.modules, "tests/conftest.py must run before azure.cli.core is imported"


def _version():
    with open(os.path.join(ROOT, "setup.py"), encoding="utf-8") as f:
        return re.search(r'^VERSION = "([^"]+)"', f.read(), re.M).group(1)


def _make_extension_dir(base):
    """An extension folder that makes the CLI load this source tree as the extension `streaming`:
    a link to the package plus the minimal wheel metadata the CLI's discovery reads."""
    ext = os.path.join(base, "extensions", "streaming")
    os.makedirs(ext)
    os.symlink(os.path.join(ROOT, "azext_streaming"), os.path.join(ext, "azext_streaming"))
    info = os.path.join(ext, "streaming-{}.dist-info".format(_version()))
    os.makedirs(info)
    with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as f:
        f.write("Metadata-Version: 2.1\nName: streaming\nVersion: {}\n".format(_version()))
    return os.path.dirname(ext)


_TMP = tempfile.mkdtemp(prefix="streaming-tests-")
os.environ["AZURE_CONFIG_DIR"] = os.path.join(_TMP, "config")
os.environ["AZURE_EXTENSION_DIR"] = _make_extension_dir(_TMP)
os.environ["AZURE_CORE_COLLECT_TELEMETRY"] = "false"
os.environ.pop("AZURE_EXTENSION_DEV_SOURCES", None)


def pytest_sessionfinish(session, exitstatus):  # pylint: disable=unused-argument
    shutil.rmtree(_TMP, ignore_errors=True)
