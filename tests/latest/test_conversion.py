"""Conversion planning and polling, with a fake registry client and a fake clock."""

from azext_streaming._errors import AcrResponseError
from azext_streaming.conversion import Conversions, ImageState, describe_failure, failure_code
from azext_streaming.deadline import Deadline
from azext_streaming.image_ref import parse_image

from .fakes import FakeClock



class FakeClient:
    def __init__(self, operations):
        self.operations = {k: list(v) for k, v in operations.items()}
        self.polls = []

    def get_operation(self, repository, operation_id):
        self.polls.append(operation_id)
        answer = self.operations[operation_id].pop(0) if len(self.operations[operation_id]) > 1 \
            else self.operations[operation_id][0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def running(ref, op):
    return ImageState(ref=parse_image(ref), digest="sha256:" + "a" * 64, status="Running", operation_id=op)


def test_wait_polls_until_every_conversion_is_final():
    clock = FakeClock()
    client = FakeClient({"1": [{"status": "Running"}, {"status": "Succeeded"}],
                         "2": [{"status": "Running"}, {"status": "Running"},
                               {"status": "Failed", "details": "UNSUPPORTED_MEDIATYPE: helm chart"}]})
    states = [running("a:1", "1"), running("b:1", "2")]
    pending = Conversions(client, sleep=clock.sleep).wait(states, Deadline(600, clock=clock))
    assert pending == []
    assert [s.status for s in states] == ["Succeeded", "Failed"]
    assert states[1].details == "UNSUPPORTED_MEDIATYPE: helm chart"
    assert client.polls.count("1") == 2  # a finished image is not polled again


def test_wait_stops_at_the_deadline_and_returns_what_still_runs():
    clock = FakeClock()
    client = FakeClient({"1": [{"status": "Running", "progress": "5%"}]})
    states = [running("a:1", "1")]
    pending = Conversions(client, sleep=clock.sleep).wait(states, Deadline(60, clock=clock))
    assert pending == states and states[0].status == "Running" and states[0].progress == "5%"
    assert clock.now == 100.0 + 60.0
    # Back-off: the gaps grow (2, 3, 4.5, ...) rather than hammering the registry.
    assert len(client.polls) < 15


def test_transient_poll_errors_keep_waiting_and_others_fail_the_image():
    clock = FakeClock()
    client = FakeClient({"1": [AcrResponseError("busy", status_code=503), {"status": "Succeeded"}],
                         "2": [AcrResponseError("gone", status_code=404, error_code="OPERATION_UNKNOWN")]})
    states = [running("a:1", "1"), running("b:1", "2")]
    Conversions(client, sleep=clock.sleep).wait(states, Deadline(600, clock=clock))
    assert states[0].status == "Succeeded"
    assert states[1].status == "Failed" and states[1].details == "OPERATION_UNKNOWN: gone"


def test_failure_details_are_read_from_any_documented_shape():
    assert describe_failure({"details": "UNSUPPORTED_PLATFORM: windows"}) == "UNSUPPORTED_PLATFORM: windows"
    assert describe_failure({"details": {"code": "IMAGE_NOT_RUNNABLE", "message": "no entrypoint"}}) == \
        "IMAGE_NOT_RUNNABLE: no entrypoint"
    assert describe_failure({"details": [{"code": "UNKNOWN_ERROR"}]}) == "UNKNOWN_ERROR"
    assert describe_failure({"errors": [{"code": "RESOURCE_NOT_FOUND", "message": "x"}]}) == "RESOURCE_NOT_FOUND: x"
    assert describe_failure({}) is None
    assert failure_code("conversion failed: NO_SUPPORTED_PLATFORM_FOUND") == "NO_SUPPORTED_PLATFORM_FOUND"
    assert failure_code("WEIRD_NEW_CODE: text") == "WEIRD_NEW_CODE"
