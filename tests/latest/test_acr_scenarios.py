"""Playback scenario tests of the ACR half through the real command table."""

import json
from unittest import mock

from azure.cli.core.azclierror import (InvalidArgumentValueError, RequiredArgumentMissingError,
                                       ResourceNotFoundError, ValidationError)

from azext_streaming._errors import OperationFailedError, PreconditionError

from .make_recordings import APP_CONVERTED, APP_V1, LEGACY, OP_APP, OP_NOTEBOOK, OP_WEB
from .recording_builder import ACCESS_TOKEN, REFRESH_TOKEN, registry_id
from .streaming_test_base import FAKE_AAD_TOKEN, StreamingScenarioTest


def _by_image(result):
    return {entry["image"]: entry for entry in result["images"]}


class ImageCreateScenarioTest(StreamingScenarioTest):

    def test_image_create_converts_new_images_and_skips_streaming_ones(self):
        self.kwargs.update({"converted": APP_CONVERTED})
        result = self.cmd("streaming image create -r myreg -t app:v1 -t jupyter/all-spark-notebook "
                          "-t app@{converted}").get_output_in_json()
        images = _by_image(result)
        self.assertEqual(result["registry"], {"name": "myreg", "loginServer": "myreg.azurecr.io", "sku": "Premium"})
        self.assertEqual([e["image"] for e in result["images"]],
                         ["app:v1", "jupyter/all-spark-notebook:latest", "app@" + APP_CONVERTED])
        self.assertEqual(images["app:v1"]["status"], "Succeeded")
        self.assertEqual(images["app:v1"]["operationId"], OP_APP)
        self.assertEqual(images["app:v1"]["digest"], APP_V1)
        self.assertEqual(images["jupyter/all-spark-notebook:latest"]["status"], "Succeeded")
        self.assertEqual(images["jupyter/all-spark-notebook:latest"]["operationId"], OP_NOTEBOOK)
        self.assertEqual(images["app@" + APP_CONVERTED]["status"], "AlreadyStreaming")
        self.assertIsNone(images["app@" + APP_CONVERTED]["operationId"])
        # One token exchange for the whole command, and no conversion for the converted image.
        self.assertEqual(1, len(self.requests_to("POST", "/oauth2/exchange")))
        self.assertEqual([], self.requests_to("POST", "/_streaming/" + APP_CONVERTED))
        started = self.requests_to("POST", "/_streaming/")
        self.assertEqual(2, len(started))
        self.assertEqual({"conversionFormat": "overlaybd", "conversionVersion": "v1"}, json.loads(started[0].body))
        # Least privilege: reads asked for pull+metadata_read, writes for pull,push; never more.
        scopes = sorted(r.body.decode() if isinstance(r.body, bytes) else r.body
                        for r in self.requests_to("POST", "/oauth2/token"))
        self.assertEqual(4, len(scopes))
        self.assertTrue(all("push" not in s or "pull%2Cpush" in s for s in scopes), scopes)
        self.assert_all_played()

    def test_image_create_reuses_running_conversion_through_503(self):
        with mock.patch("time.sleep") as sleep:
            result = self.cmd("streaming image create -t myreg.azurecr.io/web:2").get_output_in_json()
        self.assertEqual("Succeeded", result["images"][0]["status"])
        self.assertEqual(OP_WEB, result["images"][0]["operationId"])
        self.assertEqual([], self.requests_to("POST", "/_streaming/"))
        self.assertIn(mock.call(7.0), sleep.call_args_list)  # the 503's Retry-After was honoured
        self.assert_all_played()

    def test_image_create_honours_retry_after_on_429(self):
        with mock.patch("time.sleep") as sleep:
            result = self.cmd("streaming image create -r myreg -t app:v1").get_output_in_json()
        self.assertEqual("AlreadyStreaming", result["images"][0]["status"])
        self.assertEqual([mock.call(3.0)], sleep.call_args_list)
        self.assertEqual(2, len(self.requests_to("GET", "/_tags/v1")))
        self.assert_all_played()

    def test_image_create_failed_conversion_exits_1_and_reports_every_image(self):
        out = self.cmd("streaming image create -r myreg -t app:v1 -t legacy:win", expect_failure=True)
        images = _by_image(json.loads(out.output))
        self.assertEqual("Succeeded", images["app:v1"]["status"])
        self.assertEqual("Failed", images["legacy:win"]["status"])
        self.assertEqual(LEGACY, images["legacy:win"]["digest"])
        self.assertIn("UNSUPPORTED_PLATFORM", images["legacy:win"]["details"])
        self.assert_error(OperationFailedError, "legacy:win", "UNSUPPORTED_PLATFORM", "linux/amd64")
        self.assert_all_played()

    def test_image_create_refuses_registry_that_cannot_stream(self):
        self.cmd("streaming image create -r myreg -t app:v1", expect_failure=True)
        self.assert_error(PreconditionError, "Standard", "az acr update -n myreg --sku Premium")
        self.cmd("streaming image create -r myreg -t app:v1", expect_failure=True)
        self.assert_error(PreconditionError, "customer-managed key")
        # Nothing but the two ARM lookups: no token, no data-plane call, no write.
        self.assertEqual(2, len(self.played))
        self.assert_all_played()

    def test_image_create_missing_tag_writes_nothing(self):
        self.cmd("streaming image create -r myreg -t app:v1 -t app:v9", expect_failure=True)
        self.assert_error(ValidationError, "app:v9", "az acr repository show-tags -n myreg --repository app")
        self.assertNotIn("app:v1", str(self.last_error))
        self.assertEqual([], self.requests_to("POST", "/_streaming/"))
        self.assert_all_played()

    def test_image_create_no_wait_returns_operation_ids(self):
        result = self.cmd("streaming image create -r myreg -t app:v1 --no-wait").get_output_in_json()
        self.assertEqual("NotStarted", result["images"][0]["status"])
        self.assertEqual(OP_APP, result["images"][0]["operationId"])
        self.assertEqual([], self.requests_to("GET", "/_operations/"))
        self.assert_all_played()

    def test_unknown_registry_is_reported_with_the_fix(self):
        self.cmd("streaming image create -r nosuchreg -t app:v1", expect_failure=True)
        self.assert_error(ValidationError, "nosuchreg", "az acr list")
        self.assertNotIsInstance(self.last_error, ResourceNotFoundError)  # exit 1, not 3, outside show
        self.cmd("streaming image show -r nosuchreg -t app:v1", expect_failure=True)
        self.assert_error(ResourceNotFoundError, "nosuchreg")
        self.assert_all_played()

    def test_bad_arguments_fail_before_any_request(self):
        self.cmd("streaming image create -r myreg -t App:v1", expect_failure=True)
        self.assert_error(InvalidArgumentValueError, "App:v1", "repo:tag")
        self.cmd("streaming image create -r myreg -t app@sha256:abc", expect_failure=True)
        self.assert_error(InvalidArgumentValueError, "64 lower-case hex")
        self.cmd("streaming image create -t app:v1", expect_failure=True)
        self.assert_error(RequiredArgumentMissingError, "--registry", "az configure --defaults acr=")
        with self.assertRaises(SystemExit) as usage_error:  # argparse-level usage errors exit 2
            self.cmd("streaming image create -r myreg -t app:v1 --timeout 0")
        self.assertEqual(2, usage_error.exception.code)
        self.cmd("streaming repository update -r myreg --repository app", expect_failure=True)
        self.assert_error(RequiredArgumentMissingError, "--enable-streaming")
        self.cmd("streaming operation show -r myreg --repository app", expect_failure=True)
        self.assert_error(RequiredArgumentMissingError, "--id")
        self.assertEqual([], self.played)


class ImageReadScenarioTest(StreamingScenarioTest):

    def test_image_wait_renews_token_after_401(self):
        result = self.cmd("streaming image wait -r myreg -t app:v1").get_output_in_json()
        self.assertEqual("Succeeded", result["images"][0]["status"])
        self.assertEqual(1, len(self.requests_to("POST", "/oauth2/exchange")))
        self.assertEqual(2, len(self.requests_to("POST", "/oauth2/token")))
        self.assert_all_played()

    def test_image_show_by_registry_id_and_digest(self):
        self.kwargs.update({"id": registry_id("myreg"), "digest": APP_CONVERTED})
        with self.assertLogs(level="DEBUG") as logs:
            self.cmd("streaming image show -r {id} -t app@{digest} --debug", checks=[
                self.check("status", "Succeeded"),
                self.check("digest", APP_CONVERTED),
                self.check("length(streamingArtifacts)", 1),
            ])
        text = "\n".join(logs.output)
        self.assertIn("/acr/v1/app/_manifests/", text)  # the debug log did capture the requests
        for secret in (FAKE_AAD_TOKEN, REFRESH_TOKEN, ACCESS_TOKEN):
            self.assertNotIn(secret, text)
        self.assert_all_played()

    def test_image_show_missing_image_exits_3(self):
        self.cmd("streaming image show -r myreg -t jupyter/all-spark-notebook:nope", expect_failure=True)
        self.assert_error(ResourceNotFoundError, "jupyter/all-spark-notebook:nope", "show-tags")
        self.assert_all_played()

    def test_image_list_pages_tags_and_shows_streaming_state(self):
        rows = self.cmd("streaming image list -r myreg --repository app").get_output_in_json()
        self.assertEqual(["v1", "v2", "latest"], [r["tag"] for r in rows])
        self.assertEqual([False, True, True], [r["streaming"] for r in rows])
        self.assertEqual("Running", rows[0]["status"])
        self.assertEqual(APP_V1, rows[0]["digest"])
        self.assert_all_played()


class OperationAndRepositoryScenarioTest(StreamingScenarioTest):

    def test_operation_show_by_id_and_cancel_by_image(self):
        self.kwargs.update({"op": OP_APP})
        self.cmd("streaming operation show -r myreg --repository app --id {op}", checks=[
            self.check("status", "Running"), self.check("progress", "40%"), self.check("repository", "app")])
        self.cmd("streaming operation cancel -r myreg -t app:v1 --yes", checks=[
            self.check("status", "Canceled"), self.check("id", OP_APP)])
        self.assertEqual(1, len(self.requests_to("POST", "/_operations/{}:cancel".format(OP_APP))))
        self.assert_all_played()

    def test_repository_update_is_idempotent(self):
        self.cmd("streaming repository show -r myreg --repository team/app",
                 checks=[self.check("convertPushedImages", False)])
        self.cmd("streaming repository update -r myreg --repository team/app --enable-streaming true",
                 checks=[self.check("convertPushedImages", True)])
        body = json.loads(self.requests_to("POST", "/acr/v1/team/app/_streaming")[0].body)
        self.assertEqual({"convertPushedImages": True, "conversionFormat": "overlaybd", "conversionVersion": "v1"},
                         body)
        self.cmd("streaming repository update -r myreg --repository team/app --enable-streaming true",
                 checks=[self.check("convertPushedImages", True)])
        self.assertEqual(1, len(self.requests_to("POST", "/_streaming")))
        self.assert_all_played()
