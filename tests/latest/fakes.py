"""Test doubles shared by the unit tests."""


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called (or `now` is set)."""

    def __init__(self, start=100.0):
        self.now = start

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds
