"""The subscription's `Microsoft.ContainerService/ArtifactStreamingPreview` flag and the provider re-registration.

A registered feature only reaches the resource provider once the provider is registered again, so
`register` does both: register the feature, wait until it is Registered, then re-register the provider.
The stable AKS api-version this extension pins does not need the flag; it matters for preview api-versions.
"""

from ._constants import FEATURES_API_VERSION, PROVIDERS_API_VERSION
from .arm import raise_for_status
from .deadline import Backoff, sleep_within

NAMESPACE = "Microsoft.ContainerService"
FEATURE = "ArtifactStreamingPreview"
REGISTERED, REGISTERING, NOT_REGISTERED = "Registered", "Registering", "NotRegistered"


class FeatureFlag:
    def __init__(self, arm, sleep=None):
        self.arm = arm
        self._sleep = sleep

    @property
    def _feature_path(self):
        return "/subscriptions/{}/providers/Microsoft.Features/providers/{}/features/{}".format(
            self.arm.subscription_id, NAMESPACE, FEATURE)

    @property
    def _provider_path(self):
        return "/subscriptions/{}/providers/{}".format(self.arm.subscription_id, NAMESPACE)

    def feature_state(self):
        payload = self.arm.get(self._feature_path, FEATURES_API_VERSION) or {}
        return (payload.get("properties") or {}).get("state") or NOT_REGISTERED

    def provider_state(self):
        payload = self.arm.get(self._provider_path, PROVIDERS_API_VERSION) or {}
        return payload.get("registrationState") or NOT_REGISTERED

    def register_feature(self):
        payload = self._post(self._feature_path + "/register", FEATURES_API_VERSION)
        return (payload.get("properties") or {}).get("state") or REGISTERING

    def register_provider(self):
        return self._post(self._provider_path + "/register", PROVIDERS_API_VERSION).get("registrationState") \
            or REGISTERING

    def _post(self, path, api_version):
        status, _, payload = self.arm.send("POST", path, api_version)
        raise_for_status(status, payload, "registering " + path.rsplit("/providers/", 1)[-1])
        return payload or {}

    def wait_for(self, read, deadline, progress=None, label=FEATURE):
        """Poll `read` until it answers Registered or the deadline passes; returns the last state."""
        backoff = Backoff(initial=10.0, maximum=60.0)
        while True:
            state = read()
            if progress is not None:
                progress.show({label: state})
            if state == REGISTERED or not sleep_within(deadline, backoff.next_delay(), self._sleep):
                return state
