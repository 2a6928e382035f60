"""The committed recordings are exactly what make_recordings.py builds, and carry no secrets."""

import os
import re

import pytest

from . import make_recordings

NAMES = sorted(make_recordings.build_all())


@pytest.mark.parametrize("name", NAMES)
def test_recording_matches_its_builder(name):
    path = os.path.join(make_recordings.RECORDINGS, name + ".yaml")
    with open(path, encoding="utf-8") as f:
        committed = f.read()
    assert committed == make_recordings.build_all()[name].to_yaml(), \
        "recordings/{}.yaml is stale: run python tests/latest/make_recordings.py".format(name)


def test_every_recording_has_a_test_and_no_secret():
    files = sorted(f[:-5] for f in os.listdir(make_recordings.RECORDINGS) if f.endswith(".yaml"))
    assert files == NAMES
    for name in files:
        with open(os.path.join(make_recordings.RECORDINGS, name + ".yaml"), encoding="utf-8") as f:
            text = f.read()
        assert not re.search(r"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.", text), name
        subscriptions = set(re.findall(r"/subscriptions/([0-9a-f-]{36})", text))
        assert subscriptions <= {"00000000-0000-0000-0000-000000000000"}, name
