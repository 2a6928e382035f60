"""Playback scenario tests of the one-step commands: enable, check, show, disable, wait."""

import json
from unittest import mock
from urllib.parse import urlparse

from azure.cli.core.azclierror import ResourceNotFoundError

from azext_streaming._errors import OperationFailedError, PreconditionError

from .make_recordings import APP_V1, NOTEBOOK, OP_APP
from .streaming_test_base import StreamingScenarioTest

NB = "jupyter/all-spark-notebook"


def _by(result, key, name_key):
    return {entry[name_key]: entry for entry in result[key]}


class OneStepScenarioTest(StreamingScenarioTest):

    def setUp(self):
        super().setUp()
        self.kwargs.update({"rg": "clitest.rg000001", "cluster": "mycluster", "digest": APP_V1})
        patcher = mock.patch("azext_streaming.acr_pull.new_assignment_name",
                             side_effect=lambda: str(self.create_guid()))
        patcher.start()
        self.addCleanup(patcher.stop)

    def writes(self):
        """Requests that change something (the ACR token endpoints are POSTs but change nothing)."""
        return [r for r in self.played if r.method != "GET" and "/oauth2/" not in urlparse(r.uri).path]

    # ---- enable ------------------------------------------------------------------------------------------
    def test_enable_happy_path_then_rerun_changes_nothing(self):
        command = ("streaming enable -r myreg -t {nb}:latest -t app@{digest} -t app:v2 "
                   "-g {rg} -c {cluster} --nodepool-names np1 np2")
        self.kwargs["nb"] = NB
        result = self.cmd(command).get_output_in_json()
        self.assertTrue(result["ready"])
        images = _by(result, "images", "image")
        self.assertEqual("Succeeded", images[NB + ":latest"]["status"])
        self.assertEqual("Succeeded", images["app@" + APP_V1]["status"])
        self.assertEqual(OP_APP, images["app@" + APP_V1]["operationId"])
        self.assertEqual("AlreadyStreaming", images["app:v2"]["status"])
        pools = _by(result, "nodepools", "name")
        self.assertEqual(("Enabled", "AlreadyEnabled"), (pools["np1"]["status"], pools["np2"]["status"]))
        self.assertEqual("AlreadyGranted", result["acrPull"]["status"])
        self.assertEqual({"name": "myreg", "loginServer": "myreg.azurecr.io", "sku": "Premium"}, result["registry"])
        # Each unconverted image converted exactly once, the pool that was off written exactly once, nothing else.
        starts = sorted(urlparse(r.uri).path for r in self.writes() if r.method == "POST")
        self.assertEqual(sorted(["/acr/v1/{}/_streaming/{}".format(NB, NOTEBOOK), "/acr/v1/app/_streaming/" + APP_V1]),
                         starts)
        puts = [r for r in self.writes() if r.method == "PUT"]
        self.assertEqual(["/agentPools/np1"], [urlparse(r.uri).path[-len("/agentPools/np1"):] for r in puts])
        self.assertEqual(3, len(self.writes()))
        self.assertEqual(1, len(self.requests_to("POST", "/oauth2/exchange")))  # one exchange for the registry
        # The order that makes streaming work: no pool write before the last conversion poll.
        last_poll = max(i for i, r in enumerate(self.played) if "/_operations/" in r.uri)
        first_pool_write = min(i for i, r in enumerate(self.played) if r.method == "PUT" and "/agentPools/" in r.uri)
        self.assertLess(last_poll, first_pool_write)

        before = len(self.played)
        again = self.cmd(command).get_output_in_json()
        self.assertTrue(again["ready"])
        self.assertEqual({"AlreadyStreaming"}, {i["status"] for i in again["images"]})
        self.assertEqual({"AlreadyEnabled"}, {p["status"] for p in again["nodepools"]})
        self.assertEqual([], [r for r in self.played[before:] if r.method != "GET" and "/oauth2/" not in r.uri])
        self.assert_all_played()

    def test_enable_refuses_standard_registry_and_windows_pool_before_any_write(self):
        self.cmd("streaming enable -r myreg -t app:v1 -g {rg} -c {cluster} --nodepool-names np1 win1",
                 expect_failure=True)
        self.assert_error(PreconditionError, "RegistryNotPremium", "NodepoolWindows", "nothing was changed",
                          "az acr update -n myreg --sku Premium", "only Linux node pools can stream")
        self.assertEqual([], self.writes())
        self.assert_all_played()

    def test_enable_one_conversion_failed_still_enables_pools_and_grants_acr_pull(self):
        out = self.cmd("streaming enable -r myreg -t app:v1 -t legacy:win -g {rg} -c {cluster} "
                       "--nodepool-names np1 np2 --attach-acr", expect_failure=True)
        result = json.loads(out.output)
        self.assertFalse(result["ready"])
        images = _by(result, "images", "image")
        self.assertEqual("Succeeded", images["app:v1"]["status"])
        self.assertEqual("Failed", images["legacy:win"]["status"])
        self.assertIn("UNSUPPORTED_PLATFORM", images["legacy:win"]["details"])
        self.assertEqual("Enabled", _by(result, "nodepools", "name")["np1"]["status"])
        self.assertEqual("Granted", result["acrPull"]["status"])
        self.assertEqual(1, len(self.requests_to("PUT", "/roleAssignments/")))
        self.assert_error(OperationFailedError, "legacy:win", "UNSUPPORTED_PLATFORM")
        self.assert_all_played()

    def test_enable_registry_only_with_auto_conversion(self):
        result = self.cmd("streaming enable -r myreg -t app:v1 --repository app").get_output_in_json()
        self.assertTrue(result["ready"])
        self.assertEqual("Succeeded", result["images"][0]["status"])
        self.assertEqual([{"repository": "app", "convertPushedImages": True}], result["repositories"])
        self.assertEqual(([], "NotChecked"), (result["nodepools"], result["acrPull"]["status"]))
        self.assertEqual(2, len(self.writes()))  # one conversion, one repository setting
        self.assert_all_played()

    def test_enable_cluster_only_skips_windows_pools(self):
        result = self.cmd("streaming enable -g {rg} -c {cluster} --all-nodepools").get_output_in_json()
        self.assertTrue(result["ready"])  # a skipped Windows pool does not hold readiness back
        pools = _by(result, "nodepools", "name")
        self.assertEqual(("Enabled", "AlreadyEnabled", "Skipped"),
                         (pools["np1"]["status"], pools["np2"]["status"], pools["win1"]["status"]))
        self.assertTrue(any("win1" in w for w in result["warnings"]))
        self.assertIsNone(result["registry"])
        self.assertEqual(1, len(self.writes()))
        self.assert_all_played()

    def test_enable_no_wait_starts_everything_and_returns_ids(self):
        result = self.cmd("streaming enable -r myreg -t app:v1 -g {rg} -c {cluster} --nodepool-names np1 np2 "
                          "--no-wait").get_output_in_json()
        self.assertFalse(result["ready"])
        self.assertEqual(OP_APP, result["images"][0]["operationId"])
        self.assertEqual("Updating", _by(result, "nodepools", "name")["np1"]["status"])
        self.assertTrue(any("never stream" in w for w in result["warnings"]))
        self.assertEqual([], self.requests_to("GET", "/_operations/"))  # returned without polling
        self.assert_all_played()

    # ---- check -------------------------------------------------------------------------------------------
    def test_check_registry_only_reads_manifests(self):
        out = self.cmd("streaming check -r myreg -t app:v1 -t legacy:win --repository app", expect_failure=True)
        result = json.loads(out.output)
        self.assertFalse(result["ready"])
        found = {(f["code"], f["severity"]) for f in result["findings"]}
        self.assertEqual({("ImagePlatformUnsupported", "error"), ("ImageTooLarge", "warning"),
                          ("ImageNotConverted", "info"), ("RepositoryAutoConvertOff", "info")}, found)
        platform = next(f for f in result["findings"] if f["code"] == "ImagePlatformUnsupported")
        self.assertIn("legacy:win", platform["message"])
        self.assertIn("windows/amd64", platform["message"])
        self.assertIn("--platform linux/amd64", platform["fix"])
        too_large = next(f for f in result["findings"] if f["code"] == "ImageTooLarge")
        self.assertIn("app:v1", too_large["message"])
        self.assertTrue(all(f["fix"] for f in result["findings"]))
        self.assertEqual([], self.writes())
        self.assert_error(PreconditionError, "ImagePlatformUnsupported")
        self.assert_all_played()

    def test_check_reports_missing_registry_and_cluster_together(self):
        out = self.cmd("streaming check -r myreg -t app:v1 -g {rg} -c {cluster}", expect_failure=True)
        result = json.loads(out.output)
        self.assertEqual([("RegistryNotFound", "error"), ("ClusterNotFound", "error")],
                         [(f["code"], f["severity"]) for f in result["findings"]])
        self.assertTrue(all(f["fix"] for f in result["findings"]))
        self.assert_all_played()

    def test_check_cluster_only(self):
        result = self.cmd("streaming check -g {rg} -c {cluster}").get_output_in_json()
        self.assertTrue(result["ready"])
        found = [(f["code"], f["severity"]) for f in result["findings"]]
        self.assertIn(("NodepoolStreamingOff", "info"), found)
        self.assertIn(("NodepoolArm64", "warning"), found)
        self.assertIn(("NodepoolWindows", "warning"), found)  # every pool was checked: Windows is skipped
        self.assertIn(("FeatureNotRegistered", "info"), found)
        off = sorted(f["fix"] for f in result["findings"] if f["code"] == "NodepoolStreamingOff")
        self.assertEqual(["az streaming nodepool enable -g clitest.rg000001 -c mycluster --nodepool-names np1",
                          "az streaming nodepool enable -g clitest.rg000001 -c mycluster --nodepool-names np3"], off)
        self.assertEqual([], self.writes())
        self.assert_all_played()

    def test_check_standard_registry_and_windows_pool_exits_1(self):
        out = self.cmd("streaming check -r myreg -g {rg} -c {cluster} --nodepool-names np1 win1",
                       expect_failure=True)
        result = json.loads(out.output)
        errors = {f["code"]: f for f in result["findings"] if f["severity"] == "error"}
        self.assertEqual({"RegistryNotPremium", "NodepoolWindows", "AcrPullMissing"}, set(errors))
        self.assertEqual("az acr update -n myreg --sku Premium", errors["RegistryNotPremium"]["fix"])
        self.assertTrue(errors["NodepoolWindows"]["fix"])
        self.assertEqual("az streaming acr-pull grant -r myreg -g clitest.rg000001 -c mycluster",
                         errors["AcrPullMissing"]["fix"])
        self.assertEqual([], self.writes())
        self.assert_all_played()

    # ---- show, disable, wait -------------------------------------------------------------------------------
    def test_show_reports_state_and_exits_3_for_missing_cluster(self):
        result = self.cmd("streaming show -r myreg -t app:v1 -g {rg} -c {cluster}").get_output_in_json()
        self.assertFalse(result["ready"])
        self.assertEqual("Running", result["images"][0]["status"])
        pools = _by(result, "nodepools", "name")
        self.assertEqual(("Disabled", "Enabled", "Skipped"),
                         (pools["np1"]["status"], pools["np2"]["status"], pools["win1"]["status"]))
        self.assertEqual("AlreadyGranted", result["acrPull"]["status"])
        with self.assertRaises(Exception):
            self.cmd("streaming show -g {rg} -c {cluster}")
        self.assert_error(ResourceNotFoundError, "ClusterNotFound", "mycluster")
        self.assertEqual([], self.writes())
        self.assert_all_played()

    def test_disable_turns_off_pools_and_auto_conversion(self):
        result = self.cmd("streaming disable -r myreg --repository app -g {rg} -c {cluster} "
                          "--nodepool-names np1 np2 --yes").get_output_in_json()
        pools = _by(result, "nodepools", "name")
        self.assertEqual(("Disabled", "AlreadyDisabled"), (pools["np1"]["status"], pools["np2"]["status"]))
        self.assertEqual([{"repository": "app", "convertPushedImages": False}], result["repositories"])
        self.assertFalse(result["ready"])  # ready means streaming works; after disable it does not
        self.assertEqual(2, len(self.writes()))
        self.assertEqual([], self.requests_to("DELETE", "/"))  # streaming artifacts are kept
        self.assert_all_played()

    def test_wait_follows_conversion_and_pool_to_the_end(self):
        result = self.cmd("streaming wait -r myreg -t app:v1 -g {rg} -c {cluster} --nodepool-names np1")\
            .get_output_in_json()
        self.assertTrue(result["ready"])
        self.assertEqual("Succeeded", result["images"][0]["status"])
        self.assertEqual("Enabled", result["nodepools"][0]["status"])
        self.assertEqual([], self.writes())
        self.assert_all_played()
