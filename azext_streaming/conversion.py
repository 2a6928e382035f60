"""Streaming conversions of images: inspect, start (idempotently) and wait, many images at a time.

Reads come first for every image, so a missing tag stops the command before any conversion starts.
An image that already has a streaming artifact is skipped and a conversion already under way is reused.
"""

from dataclasses import dataclass, field
from typing import Optional

from ._constants import (IN_PROGRESS_STATUSES, MAX_CONCURRENCY, STATUS_ALREADY_STREAMING, STATUS_FAILED,
                         STATUS_NOT_STARTED, STATUS_SUCCEEDED)
from ._errors import AcrResponseError
from .concurrency import map_concurrently
from .deadline import Backoff, sleep_within
from .image_ref import ImageRef

KNOWN_FAILURE_CODES = ("UNSUPPORTED_PLATFORM", "NO_SUPPORTED_PLATFORM_FOUND", "UNSUPPORTED_MEDIATYPE",
                       "UNSUPPORTED_ARTIFACT_TYPE", "IMAGE_NOT_RUNNABLE", "RESOURCE_NOT_FOUND", "UNKNOWN_ERROR")
_NOT_FOUND_CODES = ("TAG_UNKNOWN", "NAME_UNKNOWN", "MANIFEST_UNKNOWN", "NOT_FOUND")


@dataclass
class ImageState:
    """What is known of one image; `to_dict` gives the documented result entry."""
    ref: ImageRef
    digest: Optional[str] = None
    found: bool = True
    streaming_artifacts: list = field(default_factory=list)
    status: str = STATUS_NOT_STARTED
    operation_id: Optional[str] = None
    progress: Optional[str] = None
    details: Optional[str] = None

    @property
    def streamable(self):
        return self.status in (STATUS_SUCCEEDED, STATUS_ALREADY_STREAMING)

    @property
    def in_progress(self):
        return self.status in IN_PROGRESS_STATUSES and self.operation_id is not None

    def apply_operation(self, operation):
        operation = operation or {}
        self.operation_id = operation.get("id") or self.operation_id
        self.status = operation.get("status") or self.status
        self.progress = operation.get("progress") or self.progress
        ended_badly = self.status not in IN_PROGRESS_STATUSES and self.status != STATUS_SUCCEEDED
        self.details = describe_failure(operation) if ended_badly else None

    def to_dict(self):
        return {"image": str(self.ref), "repository": self.ref.repository, "digest": self.digest,
                "status": self.status, "operationId": self.operation_id, "details": self.details}


def describe_failure(operation):
    """`CODE: message` from an operation's `details` or `errors`, whatever shape the service used."""
    details = operation.get("details")
    errors = operation.get("errors")
    if isinstance(details, dict):
        return _join(details.get("code"), details.get("message"))
    if isinstance(details, list) and details:
        first = details[0]
        return _join(first.get("code"), first.get("message")) if isinstance(first, dict) else str(first)
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return _join(errors[0].get("code"), errors[0].get("message"))
    if details:
        return str(details)
    return None


def _join(code, message):
    return ": ".join(part for part in (code, message) if part) or None


def failure_code(details):
    """The service's failure code inside a details string, e.g. UNSUPPORTED_PLATFORM."""
    text = details or ""
    for code in KNOWN_FAILURE_CODES:
        if code in text:
            return code
    return text.split(":", 1)[0].strip() or None


class Conversions:
    """Runs the per-image steps for one registry client, `MAX_CONCURRENCY` images at a time."""

    def __init__(self, client, sleep=None, max_workers=MAX_CONCURRENCY):
        self.client = client
        self._sleep = sleep
        self._max_workers = max_workers

    def map(self, func, items):
        return map_concurrently(func, items, self._max_workers)

    # ---- reads -----------------------------------------------------------------------------------------
    def inspect(self, refs, for_create=False):
        """Digest, streaming artifacts and last conversion of every image (reads only)."""
        return self.map(lambda ref: self._inspect_one(ref, for_create), refs)

    def inspect_digests(self, states):
        """Streaming state of images whose digest is already known (e.g. from a tag listing)."""
        return self.map(lambda state: self._streaming_state(state, for_create=False), states)

    def _inspect_one(self, ref, for_create):
        state = ImageState(ref=ref, digest=ref.digest)
        if self._resolve(state):
            self._streaming_state(state, for_create)
        return state

    def _resolve(self, state):
        """Check the image exists and learn its digest; False when it does not exist."""
        ref = state.ref
        try:
            if ref.digest:
                self.client.get_manifest_metadata(ref.repository, ref.digest)
            else:
                state.digest = self.client.get_tag(ref.repository, ref.tag).get("digest")
        except AcrResponseError as ex:
            if ex.status_code == 404 or ex.error_code in _NOT_FOUND_CODES:
                state.found = False
                state.details = ex.service_message
                return False
            raise
        return True

    def _streaming_state(self, state, for_create):
        ref = state.ref
        state.streaming_artifacts = [m.get("digest") for m in
                                     self.client.list_streaming_referrers(ref.repository, state.digest)]
        if state.streaming_artifacts:
            state.status = STATUS_ALREADY_STREAMING if for_create else STATUS_SUCCEEDED
            return state
        last = self.client.get_last_conversion(ref.repository, state.digest)
        if last:
            state.apply_operation(last)
            # The referrer listing can lag a conversion that has just succeeded: trust the operation.
            if state.status == STATUS_SUCCEEDED and for_create:
                state.status = STATUS_ALREADY_STREAMING
        return state

    # ---- writes ----------------------------------------------------------------------------------------
    def start(self, states):
        """Start a conversion for every image that is neither streaming nor converting."""
        to_start = [s for s in states if s.found and not s.streamable and not s.in_progress]
        self.map(self._start_one, to_start)
        return to_start

    def _start_one(self, state):
        state.status, state.details = STATUS_NOT_STARTED, None
        try:
            operation = self.client.start_conversion(state.ref.repository, state.digest)
        except AcrResponseError as ex:
            if ex.status_code != 409:
                raise
            # Someone started one between our read and our write: reuse it.
            operation = self.client.get_last_conversion(state.ref.repository, state.digest)
        state.apply_operation(operation)

    # ---- waiting ---------------------------------------------------------------------------------------
    def wait(self, states, deadline, progress=None):
        """Poll until every conversion is final or the deadline passes; returns those still running."""
        backoff = Backoff(initial=2.0, maximum=15.0)
        pending = [s for s in states if s.in_progress]
        while pending:
            self.map(self._poll_one, pending)
            if progress is not None:
                progress.show({str(s.ref): _label(s) for s in states})
            pending = [s for s in pending if s.in_progress]
            if not pending or not sleep_within(deadline, backoff.next_delay(), self._sleep):
                break
        return pending

    def _poll_one(self, state):
        try:
            state.apply_operation(self.client.get_operation(state.ref.repository, state.operation_id))
        except AcrResponseError as ex:
            if ex.status_code is not None and (ex.status_code == 429 or ex.status_code >= 500):
                return  # still transient after the client's own retries: try again next round
            state.status = STATUS_FAILED
            state.details = _join(ex.error_code, ex.service_message)


def _label(state):
    if state.status in IN_PROGRESS_STATUSES and state.progress:
        return "{} {}".format(state.status, state.progress)
    return state.status
