from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

from azext_streaming.deadline import Backoff, Deadline, retry_after_seconds, sleep_within

from .fakes import FakeClock



def test_deadline_counts_down_on_its_clock():
    clock = FakeClock()
    deadline = Deadline(10, clock=clock)
    assert deadline.remaining() == 10
    clock.sleep(4)
    assert deadline.remaining() == 6 and not deadline.expired()
    clock.sleep(7)
    assert deadline.remaining() == 0 and deadline.expired()


def test_sleep_within_never_sleeps_past_the_deadline():
    clock = FakeClock()
    deadline = Deadline(5, clock=clock)
    assert sleep_within(deadline, 3, clock.sleep) is True
    assert sleep_within(deadline, 3, clock.sleep) is False
    assert clock.now == 105.0


def test_backoff_grows_to_its_cap():
    backoff = Backoff(initial=2, maximum=5, factor=2)
    assert [backoff.next_delay() for _ in range(4)] == [2, 4, 5, 5]


def test_retry_after_in_seconds_date_and_milliseconds():
    assert retry_after_seconds({"Retry-After": "7"}, 1) == 7.0
    assert retry_after_seconds({"retry-after": "-3"}, 1) == 0.0
    assert retry_after_seconds({"x-ms-retry-after-ms": "1500"}, 1) == 1.5
    assert retry_after_seconds({}, 2.5) == 2.5
    assert retry_after_seconds({"Retry-After": "soon"}, 2.5) == 2.5
    when = datetime.now(timezone.utc) + timedelta(seconds=30)
    assert 25 < retry_after_seconds({"Retry-After": format_datetime(when, usegmt=True)}, 1) <= 30
