"""Unit tests of the feature-flag wait: it stops at Registered or at the deadline, never later."""

from azext_streaming.deadline import Deadline
from azext_streaming.feature import FeatureFlag

from .fakes import FakeClock


def test_wait_stops_when_registered():
    clock = FakeClock()
    answers = iter(["Registering", "Registering", "Registered"])
    state = FeatureFlag(arm=None, sleep=clock.sleep).wait_for(lambda: next(answers), Deadline(600, clock))
    assert state == "Registered"


def test_wait_gives_up_at_the_deadline():
    clock = FakeClock()
    reads = []

    def read():
        reads.append(clock())
        return "Registering"
    state = FeatureFlag(arm=None, sleep=clock.sleep).wait_for(read, Deadline(120, clock))
    assert state == "Registering"
    assert clock() - 100 == 120  # slept exactly up to the deadline, not past it
    assert len(reads) >= 3
