"""Unit tests of the AcrPull rules: which identity, which roles count, what a grant sends."""

import pytest
from azure.cli.core.azclierror import ForbiddenError

from azext_streaming.acr_pull import (ALREADY_GRANTED, GRANTED, MISSING, NOT_CHECKED, AcrPullAccess,
                                      kubelet_object_id)

REG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/" \
         "Microsoft.ContainerRegistry/registries/myreg"
CLUSTER = {"properties": {"identityProfile": {"kubeletidentity": {"objectId": "oid-1"}}}}


def assignment(role_guid):
    return {"properties": {"roleDefinitionId": "/subscriptions/x/providers/Microsoft.Authorization/"
                                               "roleDefinitions/" + role_guid.upper()}}


class FakeArm:
    subscription_id = "the-current-subscription"  # not the registry's

    def __init__(self, assignments=(), put_status=201, put_payload=None):
        self.assignments = list(assignments)
        self.put_status, self.put_payload = put_status, put_payload
        self.gets, self.puts = [], []

    def get(self, path, api_version, params=None):
        self.gets.append((path, params))
        return {"value": self.assignments}

    def send(self, method, path, api_version, body=None):
        self.puts.append((path, body))
        return self.put_status, {}, self.put_payload


def test_kubelet_identity_is_read_from_the_identity_profile():
    assert kubelet_object_id(CLUSTER) == "oid-1"
    assert kubelet_object_id({"properties": {"servicePrincipalProfile": {"clientId": "c"}}}) is None
    assert kubelet_object_id(None) is None


@pytest.mark.parametrize("role_guid,role", [("7f951dda-4ed3-4680-a7ca-43fe172d538d", "AcrPull"),
                                            ("8311e382-0749-4cb8-b61a-304f252e45ec", "AcrPush"),
                                            ("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor")])
def test_roles_that_include_pull_count_as_granted(role_guid, role):
    state = AcrPullAccess(FakeArm([assignment(role_guid)])).check(CLUSTER, REG_ID)
    assert (state.status, state.role) == (ALREADY_GRANTED, role)


def test_an_unrelated_role_leaves_the_grant_missing_and_the_filter_names_the_identity():
    arm = FakeArm([assignment("43d0d8ad-25c7-4714-9337-8ba259a9fe05")])
    state = AcrPullAccess(arm).check(CLUSTER, REG_ID)
    assert state.status == MISSING
    path, params = arm.gets[0]
    assert path == REG_ID + "/providers/Microsoft.Authorization/roleAssignments"
    assert params == {"$filter": "atScope() and assignedTo('oid-1')"}


def test_a_service_principal_cluster_is_not_checked_and_nothing_is_read():
    arm = FakeArm()
    assert AcrPullAccess(arm).check({"properties": {}}, REG_ID).status == NOT_CHECKED
    assert arm.gets == []


def test_grant_names_the_role_in_the_registry_subscription():
    arm = FakeArm()
    access = AcrPullAccess(arm)
    state = access.grant(access.check(CLUSTER, REG_ID), REG_ID)
    assert state.status == GRANTED
    path, body = arm.puts[0]
    assert path.startswith(REG_ID + "/providers/Microsoft.Authorization/roleAssignments/")
    assert body["properties"]["roleDefinitionId"].startswith("/subscriptions/00000000-0000-0000-0000-000000000000/")
    assert body["properties"]["principalId"] == "oid-1"


def test_grant_writes_nothing_when_already_granted():
    arm = FakeArm([assignment("7f951dda-4ed3-4680-a7ca-43fe172d538d")])
    access = AcrPullAccess(arm)
    assert access.grant(access.check(CLUSTER, REG_ID), REG_ID).status == ALREADY_GRANTED
    assert arm.puts == []


def test_forbidden_grant_says_which_role_is_needed():
    arm = FakeArm(put_status=403, put_payload={"error": {"code": "AuthorizationFailed", "message": "no"}})
    access = AcrPullAccess(arm)
    with pytest.raises(ForbiddenError) as raised:
        access.grant(access.check(CLUSTER, REG_ID), REG_ID)
    assert "Role Based Access Control Administrator" in str(raised.value.recommendations)
