"""Playback scenario tests of `az streaming nodepool` through the real command table."""

import json

from azext_streaming._errors import OperationFailedError, PreconditionError

from .streaming_test_base import StreamingScenarioTest


def _pools(result):
    return {pool["name"]: pool for pool in result["nodepools"]}


class NodepoolScenarioTest(StreamingScenarioTest):

    def setUp(self):
        super().setUp()
        self.kwargs.update({"rg": "clitest.rg000001", "cluster": "mycluster"})

    def test_nodepool_enable_writes_only_the_pool_that_is_off(self):
        result = self.cmd("streaming nodepool enable -g {rg} -c {cluster} --nodepool-names np1 np2").get_output_in_json()
        pools = _pools(result)
        self.assertEqual("Enabled", pools["np1"]["status"])
        self.assertTrue(pools["np1"]["artifactStreamingEnabled"])
        self.assertEqual("AlreadyEnabled", pools["np2"]["status"])
        puts = [r for r in self.played if r.method == "PUT"]
        self.assertEqual(1, len(puts))
        self.assertIn("/agentPools/np1", puts[0].uri)
        self.assertEqual("etag-np1-7", puts[0].headers.get("If-Match"))
        body = json.loads(puts[0].body)
        self.assertEqual({"enabled": True}, body["properties"]["artifactStreamingProfile"])
        self.assertNotIn("provisioningState", body["properties"])  # read-only fields are not sent back
        self.assertNotIn("eTag", body["properties"])
        self.assert_all_played()

    def test_nodepool_enable_refuses_a_named_windows_pool(self):
        self.cmd("streaming nodepool enable -g {rg} -c {cluster} --nodepool-names np1 win1", expect_failure=True)
        self.assert_error(PreconditionError, "win1", "only Linux node pools can stream")
        self.assertEqual([], [r for r in self.played if r.method != "GET"])
        self.assert_all_played()

    def test_nodepool_enable_all_skips_windows_and_waits_out_409(self):
        result = self.cmd("streaming nodepool enable -g {rg} -c {cluster} --all-nodepools").get_output_in_json()
        pools = _pools(result)
        self.assertEqual("Enabled", pools["np1"]["status"])
        self.assertEqual("Skipped", pools["win1"]["status"])
        self.assertIn("Linux", pools["win1"]["reason"])
        self.assertEqual(2, len([r for r in self.played if r.method == "PUT"]))
        self.assert_all_played()

    def test_nodepool_enable_reports_a_failed_operation_and_finishes_the_others(self):
        out = self.cmd("streaming nodepool enable -g {rg} -c {cluster} --nodepool-names np1 np3", expect_failure=True)
        result = json.loads(out.output)
        pools = _pools(result)
        self.assertEqual("Failed", pools["np1"]["status"])
        self.assertIn("ArtifactStreamingNotSupported", pools["np1"]["reason"])
        self.assertEqual("Enabled", pools["np3"]["status"])
        self.assertTrue(any("ARM64" in w for w in result["warnings"]))  # np3 is a D4pds_v5 (ARM64) pool
        self.assert_error(OperationFailedError, "np1", "ArtifactStreamingNotSupported")
        self.assert_all_played()

    def test_nodepool_list_and_disable(self):
        rows = self.cmd("streaming nodepool list -g {rg} -c {cluster}").get_output_in_json()
        by_name = {row["name"]: row for row in rows}
        self.assertEqual(["np1", "np2", "np3", "win1"], [row["name"] for row in rows])
        self.assertTrue(by_name["np2"]["artifactStreamingEnabled"])
        self.assertEqual("arm64", by_name["np3"]["architecture"])
        self.assertFalse(by_name["win1"]["eligible"])
        self.assertTrue(by_name["np1"]["eligible"])
        result = self.cmd("streaming nodepool disable -g {rg} -c {cluster} --nodepool-names np2 np1 --yes")\
            .get_output_in_json()
        pools = _pools(result)
        self.assertEqual("Disabled", pools["np2"]["status"])
        self.assertEqual("AlreadyDisabled", pools["np1"]["status"])
        self.assertEqual(1, len([r for r in self.played if r.method == "PUT"]))
        self.assert_all_played()
