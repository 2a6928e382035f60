"""Scenario-test base: azure-cli-testsdk 0.3.0 made to work with azure-cli 2.91 and Python 3.11.

The shims (each replaces one testsdk patch that no longer fits):
1. the long-running-operation delay patch imports msrestazure, which az 2.91 no longer ships;
2. the fake user credential lacks `acquire_token`, which az 2.91's Profile calls;
3. `inspect.getargspec` is gone in Python 3.11, and the testsdk preparers call it.
It also makes vcrpy safe for the extension's threads: playback is serialised, and so is the creation of
connections, because vcrpy builds each stub connection by briefly un-patching the HTTP classes for every
thread (`force_reset`), and a connection another thread opened in that window would be a real one. It keeps
the requests in the order they were played, and the last error a command raised.
"""

import inspect
import os
import threading
import time
from unittest import mock
from urllib.parse import urlparse

from azure.cli.testsdk import ScenarioTest
from azure.cli.testsdk.exceptions import CliExecutionError
from azure.cli.testsdk.patches import (patch_long_run_operation_delay, patch_main_exception_handler,
                                       patch_retrieve_token_for_user)
from azure.cli.testsdk.scenario_tests import mock_in_unit_test

if not hasattr(inspect, "getargspec"):
    def _getargspec(func):
        spec = inspect.getfullargspec(func)
        return spec.args, spec.varargs, spec.varkw, spec.defaults
    inspect.getargspec = _getargspec

FAKE_AAD_TOKEN = "fake-aad-access-token-for-playback"


def _patch_lro_delay(unit_test):
    mock_in_unit_test(unit_test, "azure.cli.core.commands.LongRunningOperation._delay", lambda *a, **k: None)


def _patch_user_credential(unit_test):
    class _FakeUserCredential:
        def __init__(self, *args, **kwargs):
            pass

        def acquire_token(self, scopes, **kwargs):  # pylint: disable=unused-argument
            return {"access_token": FAKE_AAD_TOKEN, "token_type": "Bearer", "expires_in": 3600,
                    "expires_on": int(time.time()) + 3600}

        def get_token(self, *scopes, **kwargs):  # pylint: disable=unused-argument
            from azure.core.credentials import AccessToken
            return AccessToken(FAKE_AAD_TOKEN, int(time.time()) + 3600)

    mock_in_unit_test(unit_test, "azure.cli.core.auth.identity.Identity.get_user_credential",
                      lambda *a, **k: _FakeUserCredential())


class StreamingScenarioTest(ScenarioTest):

    def __init__(self, method_name):
        super().__init__(method_name)
        replaced = (patch_long_run_operation_delay, patch_retrieve_token_for_user, patch_main_exception_handler)
        self.replay_patches = [p for p in self.replay_patches if p not in replaced]
        self.replay_patches += [_patch_lro_delay, _patch_user_credential, self._patch_exception_handler]
        self.played = []
        self.last_error = None

    def setUp(self):
        if self.in_recording:
            raise AssertionError(
                "No recording {}: these tests only play back (there is no Azure here). Add it with "
                "tests/latest/make_recordings.py.".format(os.path.basename(self.recording_file)))
        super().setUp()
        lock = threading.Lock()
        original = type(self.cassette).play_response
        played = self.played

        def play_response(cassette, request):
            with lock:
                response = original(cassette, request)
                played.append(request)
                return response
        patcher = mock.patch.object(type(self.cassette), "play_response", play_response)
        patcher.start()
        self.addCleanup(patcher.stop)
        self._serialise_connection_creation()

    def _serialise_connection_creation(self):
        import urllib3.connectionpool
        import vcr.stubs
        lock = threading.RLock()  # re-entrant: a pool's _new_conn builds the stub connection inside it

        def locked(original):
            def call(*args, **kwargs):
                with lock:
                    return original(*args, **kwargs)
            return call
        targets = [(vcr.stubs.VCRConnection, "__init__"), (urllib3.connectionpool.HTTPConnectionPool, "_new_conn"),
                   (urllib3.connectionpool.HTTPSConnectionPool, "_new_conn")]
        for owner, name in targets:
            patcher = mock.patch.object(owner, name, locked(owner.__dict__[name]))
            patcher.start()
            self.addCleanup(patcher.stop)

    def _patch_exception_handler(self, unit_test):
        def handle(ex, *args, **kwargs):  # pylint: disable=unused-argument
            from vcr.errors import CannotOverwriteExistingCassetteException
            if isinstance(ex, CannotOverwriteExistingCassetteException):
                raise ex
            self.last_error = ex
            raise CliExecutionError(ex)
        mock_in_unit_test(unit_test, "azure.cli.core.util.handle_exception", handle)

    # ---- helpers for assertions ----------------------------------------------------------------------------
    def requests_to(self, method, path_fragment):
        """Played requests whose method matches and whose path contains `path_fragment`."""
        return [r for r in self.played if r.method == method and path_fragment in urlparse(r.uri).path]

    def assert_all_played(self):
        unplayed = [self.cassette.requests[i] for i in range(len(self.cassette.requests))
                    if not self.cassette.play_counts[i]]
        self.assertEqual([], ["{} {}".format(r.method, r.uri) for r in unplayed],
                         "recorded interactions the command never asked for")

    def assert_error(self, error_type, *fragments):
        self.assertIsInstance(self.last_error, error_type, "error was {!r}".format(self.last_error))
        text = "{} {}".format(self.last_error, getattr(self.last_error, "recommendations", ""))
        for fragment in fragments:
            self.assertIn(fragment, text)
