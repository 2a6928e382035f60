"""Turning artifact streaming on or off for AKS node pools: read, plan, write with If-Match, wait.

Pools are written at the same time. When AKS cannot run another operation on the cluster yet it answers
409, which is waited out (within the deadline) rather than reported as a failure.
"""

from dataclasses import dataclass, field
from typing import Optional

from knack.log import get_logger

from ._constants import AKS_MGMT_API_VERSION
from ._errors import PreconditionError, not_found, with_fix
from .arm import error_parts, raise_for_status
from .concurrency import map_concurrently
from .deadline import Backoff, retry_after_seconds, sleep_within
from .nodepool_rules import assess, pool_properties, streaming_enabled, summary

logger = get_logger(__name__)

ENABLED, ALREADY_ENABLED = "Enabled", "AlreadyEnabled"
DISABLED, ALREADY_DISABLED = "Disabled", "AlreadyDisabled"
UPDATING, SKIPPED, FAILED = "Updating", "Skipped", "Failed"
BUSY_STATES = ("Updating", "Upgrading", "Creating", "Scaling", "Deleting")
_BUSY_CODES = ("OperationNotAllowed", "AnotherOperationInProgress", "OperationPreempted")
_MAX_PRECONDITION_RETRIES = 3


@dataclass
class PoolChange:
    pool: dict
    status: Optional[str] = None
    reason: Optional[str] = None
    operation_url: Optional[str] = None
    warnings: list = field(default_factory=list)

    @property
    def name(self):
        return self.pool.get("name")

    def to_dict(self):
        return summary(self.pool, self.status, self.reason)


class ClusterPools:
    def __init__(self, arm, resource_group, cluster_name, sleep=None):
        self.arm = arm
        self.resource_group = resource_group
        self.cluster_name = cluster_name
        self._sleep = sleep

    @property
    def cluster_path(self):
        return "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerService/managedClusters/{}".format(
            self.arm.subscription_id, self.resource_group, self.cluster_name)

    def pool_path(self, name):
        return "{}/agentPools/{}".format(self.cluster_path, name)

    def _cluster_not_found(self, for_show):
        return not_found("Cluster '{}' was not found in resource group '{}'.".format(
            self.cluster_name, self.resource_group), "List your clusters with: az aks list -o table", for_show)

    def get_cluster(self, for_show=False):
        return self.arm.get(self.cluster_path, AKS_MGMT_API_VERSION, not_found=self._cluster_not_found(for_show))

    def list(self, for_show=False):
        payload = self.arm.get(self.cluster_path + "/agentPools", AKS_MGMT_API_VERSION,
                               not_found=self._cluster_not_found(for_show))
        return (payload or {}).get("value") or []

    def get(self, name):
        return self.arm.get(self.pool_path(name), AKS_MGMT_API_VERSION)

    # ---- planning (reads only) -------------------------------------------------------------------------
    def select(self, pools, names, all_pools, enable):
        """Decide what happens to each pool, without raising: (changes, names not found, refused changes).
        A Windows pool is refused when named for enabling, and Skipped under --all-nodepools."""
        by_name = {p.get("name"): p for p in pools}
        missing = [] if all_pools else [n for n in dict.fromkeys(names) if n not in by_name]
        targets = list(pools) if all_pools else [by_name[n] for n in dict.fromkeys(names) if n in by_name]
        changes, refused = [], []
        for pool in targets:
            change = PoolChange(pool=pool)
            eligible, reason, warnings = assess(pool)
            if enable and not eligible:
                change.status, change.reason = SKIPPED, reason
                if not all_pools:
                    refused.append(change)
            elif streaming_enabled(pool) == enable:
                change.status = ALREADY_ENABLED if enable else ALREADY_DISABLED
            if enable and eligible:
                change.warnings = warnings
            changes.append(change)
        return changes, missing, refused

    def missing_pools_error(self, missing):
        return with_fix(PreconditionError("Node pool(s) not found in cluster {}: {}.".format(
            self.cluster_name, ", ".join(missing))),
            "List the pools with: az aks nodepool list -g {} --cluster-name {} -o table".format(
                self.resource_group, self.cluster_name))

    @staticmethod
    def refused_pools_error(refused):
        return with_fix(PreconditionError("Cannot enable artifact streaming on: {}.".format(
            "; ".join("{} ({})".format(c.name, c.reason) for c in refused))),
            "Name only Linux pools with --nodepool-names, or use --all-nodepools to skip Windows pools.")

    def plan(self, pools, names, all_pools, enable):
        """`select`, raising before any write when a named pool is missing or cannot stream."""
        changes, missing, refused = self.select(pools, names, all_pools, enable)
        if missing:
            raise self.missing_pools_error(missing)
        if refused:
            raise self.refused_pools_error(refused)
        return changes

    def apply(self, changes, enable, deadline, progress=None, skip_wait=False):
        """Write every pool that needs it and wait for all of them, the pools at the same time. Where AKS
        cannot run two operations at once it answers 409, which `start` waits out within the deadline."""
        todo = [c for c in changes if c.status is None]
        map_concurrently(lambda change: self.start(change, enable, deadline), todo)
        if progress is not None:
            progress.show({c.name: c.status or "Pending" for c in changes})
        if not skip_wait:
            map_concurrently(lambda change: self.wait(change, enable, deadline), [c for c in todo if c.status == UPDATING])
            if progress is not None:
                progress.show({c.name: c.status for c in changes})
        return changes

    # ---- writes ----------------------------------------------------------------------------------------
    def start(self, change, enable, deadline):
        """PUT the pool back with the profile set, guarded by the eTag it was read with."""
        from azure.mgmt.containerservice.models import AgentPool, AgentPoolArtifactStreamingProfile
        backoff = Backoff(initial=5.0, maximum=30.0)
        pool = change.pool
        precondition_retries = 0
        while True:
            model = AgentPool(pool)
            model.artifact_streaming_profile = AgentPoolArtifactStreamingProfile(enabled=enable)
            etag = pool_properties(pool).get("eTag") or pool.get("etag")
            headers = {"If-Match": etag} if etag else {}
            status, response_headers, payload = self.arm.send(
                "PUT", self.pool_path(change.name), AKS_MGMT_API_VERSION,
                body=model.as_dict(exclude_readonly=True), headers=headers)
            code, message = error_parts(payload)
            if status == 409 and (code in _BUSY_CODES or "in progress" in (message or "").lower()):
                logger.info("Cluster %s is busy (%s); retrying pool %s", self.cluster_name, code, change.name)
                if not sleep_within(deadline, retry_after_seconds(response_headers, backoff.next_delay()),
                                    self._sleep):
                    change.status, change.reason = FAILED, "Timed out waiting for another operation: {}".format(
                        message)
                    return change
                continue
            if status == 412 and precondition_retries < _MAX_PRECONDITION_RETRIES:
                # The pool changed since we read it: read it again and re-apply only our one field.
                precondition_retries += 1
                pool = change.pool = self.get(change.name)
                continue
            if status >= 400:
                change.status, change.reason = FAILED, "{}: {}".format(code or status, message)
                return change
            change.pool = payload or pool
            change.operation_url = response_headers.get("Azure-AsyncOperation")
            change.status = UPDATING
            return change

    def wait(self, change, enable, deadline):
        """Poll the pool's async operation until it ends or the deadline passes, then read the pool."""
        backoff = Backoff(initial=5.0, maximum=30.0)
        while change.operation_url:
            status, headers, payload = self.arm.send("GET", change.operation_url)
            raise_for_status(status, payload, "polling the update of node pool " + change.name)
            state = (payload or {}).get("status")
            if state in ("Succeeded", "Failed", "Canceled"):
                if state != "Succeeded":
                    code, message = error_parts(payload)
                    change.status, change.reason = FAILED, "{}: {}".format(code or state, message)
                    return change
                break
            if not sleep_within(deadline, retry_after_seconds(headers, backoff.next_delay()), self._sleep):
                return change  # still Updating
        change.pool = self.get(change.name)
        done = streaming_enabled(change.pool) == enable
        change.status = (ENABLED if enable else DISABLED) if done else FAILED
        if not done:
            change.reason = "The update finished but artifactStreamingProfile.enabled is not {}.".format(
                str(enable).lower())
        return change

    def wait_until_idle(self, names, all_pools, deadline, current=None):
        """Re-read the pools until none of them is busy or the deadline passes: (pools, busy pools).
        `current`, pools the caller has just read, saves the first read."""
        backoff = Backoff(initial=5.0, maximum=30.0)
        wanted = set(names or [])
        while True:
            if current is None:
                current = [p for p in self.list() if all_pools or p.get("name") in wanted]
            busy = [p for p in current if is_busy(p)]
            if not busy or not sleep_within(deadline, backoff.next_delay(), self._sleep):
                return current, busy
            current = None

def is_busy(pool):
    return pool_properties(pool).get("provisioningState") in BUSY_STATES

