"""Deadlines, back-off and Retry-After: the timing rules every wait and retry in the extension follows."""

import email.utils
import time


class Deadline:
    """A point in time after which waiting stops. The clock is injectable so tests can drive it."""

    def __init__(self, seconds, clock=time.monotonic):
        self._clock = clock
        self.seconds = seconds
        self._end = clock() + seconds

    def remaining(self):
        return max(0.0, self._end - self._clock())

    def expired(self):
        return self.remaining() <= 0


class Backoff:
    """Exponential back-off between `initial` and `maximum` seconds."""

    def __init__(self, initial=2.0, maximum=15.0, factor=1.5):
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self._next = initial

    def next_delay(self):
        delay = self._next
        self._next = min(self.maximum, self._next * self.factor)
        return delay


def retry_after_seconds(headers, default):
    """Seconds the server asked us to wait (`Retry-After` as seconds or HTTP date), else `default`."""
    value = None
    for key in ("Retry-After", "retry-after", "x-ms-retry-after-ms"):
        if headers and headers.get(key) is not None:
            value = headers.get(key)
            if key == "x-ms-retry-after-ms":
                try:
                    return max(0.0, float(value) / 1000.0)
                except ValueError:
                    return default
            break
    if value is None:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when is None:
        return default
    return max(0.0, when.timestamp() - time.time())


def sleep_within(deadline, seconds, sleep=None):
    """Sleep `seconds`, but never past the deadline. Returns False once the deadline has been reached."""
    if deadline is not None:
        seconds = min(seconds, deadline.remaining())
    if seconds > 0:
        # time.sleep is looked up at call time so that test patches of it apply.
        (sleep or time.sleep)(seconds)
    return deadline is None or not deadline.expired()
