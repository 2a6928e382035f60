"""Playback scenario tests of `az streaming acr-pull` and `az streaming feature`."""

import json
from unittest import mock

from azure.cli.core.azclierror import ForbiddenError

from azext_streaming._errors import PreconditionError

from .streaming_test_base import StreamingScenarioTest

KUBELET = "11111111-2222-3333-4444-555555555555"
ACR_PULL_DEFINITION = ("/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/"
                       "roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d")


class AcrPullScenarioTest(StreamingScenarioTest):

    def setUp(self):
        super().setUp()
        self.kwargs.update({"rg": "clitest.rg000001", "cluster": "mycluster"})
        patcher = mock.patch("azext_streaming.acr_pull.new_assignment_name",
                             side_effect=lambda: str(self.create_guid()))
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_acr_pull_missing_then_granted(self):
        result = self.cmd("streaming acr-pull grant -r myreg -g {rg} -c {cluster}").get_output_in_json()
        self.assertEqual("Granted", result["status"])
        self.assertEqual(KUBELET, result["principalId"])
        puts = self.requests_to("PUT", "/roleAssignments/")
        self.assertEqual(1, len(puts))
        self.assertIn("/registries/myreg/providers/Microsoft.Authorization/roleAssignments/88888888-", puts[0].uri)
        self.assertEqual({"roleDefinitionId": ACR_PULL_DEFINITION, "principalId": KUBELET,
                          "principalType": "ServicePrincipal"}, json.loads(puts[0].body)["properties"])
        self.assertEqual([], [r for r in self.played if r.method == "PUT" and "/roleAssignments/" not in r.uri])  # no cluster PUT
        shown = self.cmd("streaming acr-pull show -r myreg -g {rg} -c {cluster}").get_output_in_json()
        self.assertEqual(("AlreadyGranted", "AcrPull"), (shown["status"], shown["role"]))
        self.assert_all_played()

    def test_acr_pull_assignment_already_exists(self):
        # The list can lag behind a fresh assignment; the PUT's 409 RoleAssignmentExists is success.
        result = self.cmd("streaming acr-pull grant -r myreg -g {rg} -c {cluster}").get_output_in_json()
        self.assertEqual("AlreadyGranted", result["status"])
        # An AcrPush grant inherited from the subscription already allows pulls: nothing is written.
        again = self.cmd("streaming acr-pull grant -r myreg -g {rg} -c {cluster}").get_output_in_json()
        self.assertEqual(("AlreadyGranted", "AcrPush"), (again["status"], again["role"]))
        self.assertEqual(1, len([r for r in self.played if r.method == "PUT"]))
        self.assert_all_played()

    def test_acr_pull_grant_forbidden_names_the_role_needed(self):
        self.cmd("streaming acr-pull grant -r myreg -g {rg} -c {cluster}", expect_failure=True)
        self.assert_error(ForbiddenError, "AuthorizationFailed", "User Access Administrator",
                          "az role assignment create --assignee-object-id " + KUBELET)
        self.assert_all_played()

    def test_acr_pull_service_principal_cluster_not_checked(self):
        shown = self.cmd("streaming acr-pull show -r myreg -g {rg} -c {cluster}").get_output_in_json()
        self.assertEqual("NotChecked", shown["status"])
        self.assertIn("service principal", shown["reason"])
        self.cmd("streaming acr-pull grant -r myreg -g {rg} -c {cluster}", expect_failure=True)
        self.assert_error(PreconditionError, "service principal", "--attach-acr myreg")
        self.assertEqual([], [r for r in self.played if r.method != "GET"])
        self.assert_all_played()


class FeatureScenarioTest(StreamingScenarioTest):

    def test_feature_register_waits_until_registered(self):
        result = self.cmd("streaming feature register --wait").get_output_in_json()
        self.assertEqual(("Registered", "Registered"), (result["state"], result["providerRegistrationState"]))
        posts = [r.uri.split("?")[0].rsplit("/providers/", 1)[-1] for r in self.played if r.method == "POST"]
        self.assertEqual(["Microsoft.ContainerService/features/ArtifactStreamingPreview/register",
                          "Microsoft.ContainerService/register"], posts)  # feature first, provider after
        shown = self.cmd("streaming feature show").get_output_in_json()
        self.assertEqual("Microsoft.ContainerService/ArtifactStreamingPreview", shown["name"])
        self.assertEqual("Registered", shown["state"])
        again = self.cmd("streaming feature register --wait").get_output_in_json()
        self.assertEqual("Registered", again["state"])
        self.assertEqual(1, len(self.requests_to("POST", "/features/ArtifactStreamingPreview/register")))
        self.assert_all_played()

    def test_feature_register_without_wait_returns_registering(self):
        result = self.cmd("streaming feature register").get_output_in_json()
        self.assertEqual("Registering", result["state"])
        self.assertEqual([], self.requests_to("POST", "/providers/Microsoft.ContainerService/register"))
        self.assert_all_played()
