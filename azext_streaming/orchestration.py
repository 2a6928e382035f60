"""The one-step commands: read everything, stop on every blocking problem at once, then write in order.

Order matters for streaming: node pools are turned on only once every conversion has reached a final state,
because a pod that pulls an image before its conversion has succeeded caches the plain image on that node
and never streams it there. One deadline covers the whole command.
"""

from azure.cli.core.azclierror import ResourceNotFoundError
from knack.log import get_logger

from ._constants import STATUS_CANCELED, STATUS_FAILED
from ._errors import OperationFailedError, PreconditionError, WaitTimeoutError, defer_error
from .acr_pull import MISSING, NOT_CHECKED, AcrPullAccess
from .conversion import Conversions
from .deadline import Deadline
from .findings import ERROR, WARNING, blocking
from .nodepool_rules import streaming_enabled
from .nodepools import DISABLED, ENABLED, FAILED, SKIPPED, UPDATING, is_busy
from .progress import Progress
from .survey import CHECK, DISABLE, ENABLE, SHOW, WAIT, take_survey

logger = get_logger(__name__)

NOT_STARTED = "NotStarted"
NOT_FOUND_CODES = frozenset({"RegistryNotFound", "ImageNotFound", "ClusterNotFound", "NodepoolNotFound"})
NO_WAIT_WARNING = ("The work continues in the background. Pods scheduled before the conversions succeed pull the "
                   "plain image, cache it on their node and never stream it: run 'az streaming wait' before you "
                   "deploy.")


def _stop_on(findings, verb, error_type=PreconditionError):
    if not findings:
        return
    error = error_type("Cannot {}; nothing was changed. {} problem{} found:\n{}".format(
        verb, len(findings), "" if len(findings) == 1 else "s",
        "\n".join("  [{}] {}".format(f.code, f.message) for f in findings)))
    for finding in findings:
        if finding.fix:
            error.set_recommendation("{}: {}".format(finding.code, finding.fix))
    raise error


# ---- results ---------------------------------------------------------------------------------------------
def _ready(survey):
    images_ok = all(s.streamable for s in survey.images)
    pools_ok = all(streaming_enabled(c.pool) and c.status not in (FAILED, UPDATING, NOT_STARTED)
                   for c in survey.changes if c.status != SKIPPED)
    return images_ok and pools_ok


def _current_status(change):
    """The status of a pool as it is now (show, wait): Skipped stays, else Updating, Enabled or Disabled."""
    if change.status != SKIPPED:
        change.status = UPDATING if is_busy(change.pool) else (ENABLED if streaming_enabled(change.pool)
                                                               else DISABLED)


def _set_auto_conversion(survey, enabled):
    """Switch auto-conversion for each --repository not already in the wanted state."""
    for repository in survey.repositories:
        if repository["convertPushedImages"] != enabled:
            answer = survey.client.set_repository_streaming(repository["repository"], enabled) or {}
            repository["convertPushedImages"] = bool(answer.get("convertPushedImages", enabled))


def _not_streaming(survey):
    names = [str(s.ref) for s in survey.images if not s.streamable]
    return names + ["node pool {}".format(c.name) for c in survey.changes
                    if c.status != SKIPPED and not streaming_enabled(c.pool)]


def build_result(survey, warnings):
    return {"ready": _ready(survey),
            "registry": survey.registry.summary() if survey.registry is not None else None,
            "images": [s.to_dict() for s in survey.images],
            "repositories": list(survey.repositories),
            "nodepools": [c.to_dict() for c in survey.changes],
            "acrPull": survey.acr_pull.to_dict(),
            "warnings": list(warnings)}


RETRY_FIX = "Run the same command again: it skips what is done and reuses running conversions."


def outcome_error(survey, skip_wait, timeout, require_ready=False):
    """The one error a command exits 1 with after printing its result, or None. With `require_ready`, a
    result that is not ready for any other reason (say, an image whose conversion never got an id) fails too."""
    failed = ["{} {}{}".format(s.ref, s.status, " ({})".format(s.details) if s.details else "")
              for s in survey.images if s.status in (STATUS_FAILED, STATUS_CANCELED)]
    failed += ["node pool {} ({})".format(c.name, c.reason) for c in survey.changes if c.status == FAILED]
    if failed:
        error = OperationFailedError("Not everything succeeded: {}.".format("; ".join(failed)))
        error.set_recommendation(RETRY_FIX)
        return error
    if skip_wait:
        return None
    late = [str(s.ref) for s in survey.images if s.in_progress]
    late += ["node pool {}".format(c.name) for c in survey.changes if c.status in (UPDATING, NOT_STARTED)]
    if late:
        error = WaitTimeoutError("Not finished after {} s: {}.".format(timeout, ", ".join(late)))
        error.set_recommendation(RETRY_FIX)
        return error
    if require_ready and not _ready(survey):
        error = OperationFailedError("Not streaming yet: {}.".format(", ".join(_not_streaming(survey))))
        error.set_recommendation(RETRY_FIX)
        return error
    return None


def _warn(warnings, message):
    """Warnings go to stderr as they arise and into the result's `warnings`."""
    logger.warning(message)
    warnings.append(message)


# ---- az streaming enable ---------------------------------------------------------------------------------
def enable(cmd, target, timeout, skip_wait):
    deadline = Deadline(timeout)
    survey = take_survey(cmd, target, ENABLE)
    _stop_on(blocking(survey.findings), "enable artifact streaming")
    warnings = []
    for finding in survey.findings:
        if finding.severity == WARNING:
            _warn(warnings, finding.message)
    progress = Progress(cmd.cli_ctx)
    conversions = Conversions(survey.client) if survey.client is not None else None
    if survey.images:
        conversions.start(survey.images)
    _set_auto_conversion(survey, True)
    for warning in _settle_acr_pull(survey):
        _warn(warnings, warning)
    if skip_wait:
        if any(s.in_progress for s in survey.images) or any(c.status is None for c in survey.changes):
            _warn(warnings, NO_WAIT_WARNING)
        if survey.pools is not None:
            survey.pools.apply(survey.changes, True, deadline, skip_wait=True)
    else:
        running = conversions.wait(survey.images, deadline, progress) if survey.images else []
        if running:
            for change in survey.changes:
                if change.status is None:
                    change.status = NOT_STARTED
                    change.reason = "Not enabled: conversions were still running at the deadline."
        elif survey.pools is not None:
            survey.pools.apply(survey.changes, True, deadline, progress)
    progress.end()
    result = build_result(survey, warnings)
    error = outcome_error(survey, skip_wait, timeout, require_ready=not skip_wait)
    if error is not None:
        defer_error(cmd, error)
    return result


def _settle_acr_pull(survey):
    """Grant AcrPull with --attach-acr; otherwise a missing grant is a warning. Returns warnings."""
    target, state = survey.target, survey.acr_pull
    if state.status == MISSING and target.attach_acr:
        survey.acr_pull = AcrPullAccess(survey.pools.arm).grant(state, survey.registry.id)
        return []
    if state.status == MISSING:
        return ["The kubelet identity of cluster {} cannot pull from registry {}. Grant it with --attach-acr or "
                "'az streaming acr-pull grant -r {} -g {} -c {}'.".format(
                    target.cluster_name, survey.registry.name, survey.registry.name, target.resource_group,
                    target.cluster_name)]
    if state.status == NOT_CHECKED and state.reason and target.attach_acr:
        return ["AcrPull was not granted: {}".format(state.reason)]
    return []


# ---- az streaming check / show ---------------------------------------------------------------------------
def check(cmd, target):
    survey = take_survey(cmd, target, CHECK)
    errors = [f for f in survey.findings if f.severity == ERROR]
    result = {"ready": not errors, "findings": [f.to_dict() for f in survey.findings]}
    if errors:
        error = PreconditionError("{} blocking problem{}: {}.".format(
            len(errors), "" if len(errors) == 1 else "s", ", ".join(f.code for f in errors)))
        error.set_recommendation("Each finding's 'fix' is the command that mends it.")
        defer_error(cmd, error)
    return result


def show(cmd, target):
    survey = take_survey(cmd, target, SHOW)
    _stop_on([f for f in survey.findings if f.code in NOT_FOUND_CODES], "show the streaming state",
             ResourceNotFoundError)
    for change in survey.changes:
        _current_status(change)
    return build_result(survey, [f.message for f in survey.findings if f.severity == WARNING])


# ---- az streaming disable --------------------------------------------------------------------------------
def disable(cmd, target, timeout, skip_wait):
    deadline = Deadline(timeout)
    survey = take_survey(cmd, target, DISABLE)
    _stop_on(blocking(survey.findings), "disable artifact streaming")
    _set_auto_conversion(survey, False)
    progress = Progress(cmd.cli_ctx)
    if survey.pools is not None:
        survey.pools.apply(survey.changes, False, deadline, progress, skip_wait)
    progress.end()
    result = build_result(survey, [])
    error = outcome_error(survey, skip_wait, timeout)
    if error is not None:
        defer_error(cmd, error)
    return result


# ---- az streaming wait -----------------------------------------------------------------------------------
def wait(cmd, target, timeout):
    deadline = Deadline(timeout)
    survey = take_survey(cmd, target, WAIT)
    _stop_on([f for f in survey.findings if f.code in NOT_FOUND_CODES], "wait")
    progress = Progress(cmd.cli_ctx)
    if survey.images:
        Conversions(survey.client).wait(survey.images, deadline, progress)
    if survey.pools is not None and survey.changes:
        # The survey has just read the pools: start from that read rather than repeat it.
        current, _ = survey.pools.wait_until_idle([c.name for c in survey.changes], False, deadline,
                                                  current=[c.pool for c in survey.changes])
        by_name = {p.get("name"): p for p in current}
        for change in survey.changes:
            change.pool = by_name.get(change.name, change.pool)
            _current_status(change)
    progress.end()
    result = build_result(survey, [])
    error = outcome_error(survey, False, timeout)
    if error is None and not result["ready"]:
        error = PreconditionError("Nothing is running that would make these stream: {}.".format(
            ", ".join(_not_streaming(survey))))
        error.set_recommendation("Start it with 'az streaming enable' and the same arguments.")
    if error is not None:
        defer_error(cmd, error)
    return result
