"""Benchmark: what bounded concurrency buys, and what memory a large run takes. Prints figures; asserts nothing.

    .venv/bin/python tests/benchmark.py

Each fake service call sleeps a fixed latency, so the figures compare the wall time of a command's phases
with the time the same calls would take one after another. Back-off sleeps between polls are skipped
(they measure the service, not the extension).
"""

import hashlib
import os
import sys
import threading
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from azext_streaming.conversion import Conversions  # noqa: E402
from azext_streaming.deadline import Deadline  # noqa: E402
from azext_streaming.image_ref import parse_image  # noqa: E402
from azext_streaming.nodepools import ClusterPools  # noqa: E402

LATENCY = 0.02


class CountingLatency:
    def __init__(self, latency):
        self.latency = latency
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            self.calls += 1
        if self.latency:
            time.sleep(self.latency)


class FakeRegistry:
    """ACR data plane: every image unconverted; each conversion is Running once, then Succeeded."""

    def __init__(self, latency):
        self.wait = CountingLatency(latency)
        self._polls = {}

    def get_tag(self, repository, tag):
        self.wait()
        return {"digest": "sha256:" + hashlib.sha256((repository + ":" + tag).encode()).hexdigest()}

    def list_streaming_referrers(self, repository, digest):
        self.wait()
        return []

    def get_last_conversion(self, repository, digest):
        self.wait()
        return None

    def start_conversion(self, repository, digest):
        self.wait()
        return {"id": "op-" + digest[-12:], "status": "NotStarted"}

    def get_operation(self, repository, operation_id):
        self.wait()
        seen = self._polls[operation_id] = self._polls.get(operation_id, 0) + 1
        return {"id": operation_id, "status": "Running" if seen == 1 else "Succeeded", "progress": "50%"}


class FakeArm:
    """AKS agent pools: each PUT is accepted at once and its operation succeeds on the first poll."""
    subscription_id = "00000000-0000-0000-0000-000000000000"

    def __init__(self, latency, pool_count):
        self.wait = CountingLatency(latency)
        self.pools = {"np{}".format(i): {"name": "np{}".format(i), "properties": {
            "osType": "Linux", "osSKU": "Ubuntu", "vmSize": "Standard_D4s_v5", "eTag": "e"}}
            for i in range(pool_count)}

    def send(self, method, path, api_version=None, body=None, headers=None, params=None):
        self.wait()
        name = path.rsplit("/", 1)[-1]
        if method == "PUT":
            self.pools[name]["properties"]["artifactStreamingProfile"] = {"enabled": True}
            return 200, {"Azure-AsyncOperation": "https://management.azure.com/op/" + name}, self.pools[name]
        return 200, {}, {"status": "Succeeded"}

    def get(self, path, api_version, not_found=None, params=None):
        self.wait()
        if path.endswith("/agentPools"):
            return {"value": list(self.pools.values())}
        return self.pools[path.rsplit("/", 1)[-1]]


def images(count):
    return [parse_image("team/app{}:v{}".format(i, i % 7)) for i in range(count)]


def convert(count, latency):
    registry = FakeRegistry(latency)
    conversions = Conversions(registry, sleep=lambda _: None)
    started = time.perf_counter()
    states = conversions.inspect(images(count), for_create=True)
    conversions.start(states)
    conversions.wait(states, Deadline(3600))
    elapsed = time.perf_counter() - started
    assert all(s.status == "Succeeded" for s in states)
    return elapsed, registry.wait.calls


def enable_pools(count, latency):
    arm = FakeArm(latency, count)
    pools = ClusterPools(arm, "rg", "cluster", sleep=lambda _: None)
    changes = pools.plan(pools.list(), [], True, True)
    calls_before, started = arm.wait.calls, time.perf_counter()
    pools.apply(changes, True, Deadline(3600))
    elapsed = time.perf_counter() - started
    assert all(c.status == "Enabled" for c in changes)
    return elapsed, arm.wait.calls - calls_before


def peak_memory_of_conversions(count):
    tracemalloc.start()
    convert(count, 0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main():
    print("latency per fake service call: {:.0f} ms".format(LATENCY * 1000))
    enable_pools(1, 0)  # warm-up: the first pool write imports the containerservice models
    for count in (1, 8, 40):
        elapsed, calls = convert(count, LATENCY)
        print("convert {:>3} images: {:>3} calls, {:6.2f} s wall, {:6.2f} s if sequential ({:.1f}x)".format(
            count, calls, elapsed, calls * LATENCY, calls * LATENCY / elapsed))
    for count in (1, 4):
        elapsed, calls = enable_pools(count, LATENCY)
        print("enable {:>2} node pools: {:>3} calls, {:6.2f} s wall, {:6.2f} s if sequential ({:.1f}x)".format(
            count, calls, elapsed, calls * LATENCY, calls * LATENCY / elapsed))
    for count in (100, 1000):
        print("peak Python memory converting {:>4} images: {:.1f} MiB".format(
            count, peak_memory_of_conversions(count) / 1024 ** 2))


if __name__ == "__main__":
    main()
