"""AcrPull for a cluster's kubelet identity: read the identity, look for a grant, add one on request.

Without pull rights on the registry the nodes cannot fetch the streaming artifact and pods fall back to a
normal pull (or fail), so the grant is part of enabling streaming. It is made with one role-assignment PUT at
the registry scope, never with a managed-cluster PUT (which `az aks update --attach-acr` sends and which
rewrites the whole cluster).
"""

import uuid
from dataclasses import dataclass
from typing import Optional

from azure.cli.core.azclierror import ForbiddenError

from ._constants import AUTHORIZATION_API_VERSION
from ._errors import with_fix
from .arm import error_parts, raise_for_status

GRANTED, ALREADY_GRANTED, MISSING, NOT_CHECKED = "Granted", "AlreadyGranted", "Missing", "NotChecked"

ACR_PULL_ROLE_ID = "7f951dda-4ed3-4680-a7ca-43fe172d538d"
# Built-in roles that include image pull on a registry (ACR's "roles and permissions" table). Any of
# them, assigned at the registry or above, already lets the nodes pull; adding AcrPull would change nothing.
PULL_ROLES = {
    ACR_PULL_ROLE_ID: "AcrPull",
    "8311e382-0749-4cb8-b61a-304f252e45ec": "AcrPush",
    "acdd72a7-3385-48ef-bd42-f606fba81ae7": "Reader",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
}
_GRANTING_ROLES = "Owner, User Access Administrator or Role Based Access Control Administrator"


def new_assignment_name():
    """Role assignments are named by a new GUID (a module function so playback tests can fix it)."""
    return str(uuid.uuid4())


@dataclass
class AcrPullState:
    status: str
    principal_id: Optional[str] = None
    role: Optional[str] = None
    reason: Optional[str] = None

    def to_dict(self):
        return {"status": self.status, "principalId": self.principal_id, "role": self.role, "reason": self.reason}


def kubelet_object_id(cluster):
    """The object id of the kubelet identity, or None for a cluster that pulls with a service principal."""
    identity = ((cluster or {}).get("properties") or {}).get("identityProfile") or {}
    return (identity.get("kubeletidentity") or {}).get("objectId")


def _role_guid(assignment):
    role_definition = ((assignment or {}).get("properties") or {}).get("roleDefinitionId") or ""
    return role_definition.rstrip("/").rsplit("/", 1)[-1].lower()


class AcrPullAccess:
    def __init__(self, arm):
        self.arm = arm

    def _assignments_path(self, registry_id):
        return "{}/providers/Microsoft.Authorization/roleAssignments".format(registry_id.rstrip("/"))

    def check(self, cluster, registry_id):
        """Reads only. Looks at assignments at the registry scope and above (atScope) held by the identity
        directly or through its groups (assignedTo)."""
        principal_id = kubelet_object_id(cluster)
        if not principal_id:
            return AcrPullState(NOT_CHECKED, reason="The cluster has no kubelet managed identity (it pulls with a "
                                                    "service principal); check its access with 'az aks check-acr'.")
        payload = self.arm.get(self._assignments_path(registry_id), AUTHORIZATION_API_VERSION, params={
            "$filter": "atScope() and assignedTo('{}')".format(principal_id)}) or {}
        for assignment in payload.get("value") or []:
            role = PULL_ROLES.get(_role_guid(assignment))
            if role:
                return AcrPullState(ALREADY_GRANTED, principal_id, role)
        return AcrPullState(MISSING, principal_id, reason="The kubelet identity cannot pull from the registry.")

    def grant(self, state, registry_id):
        """Adds AcrPull at the registry scope when `state` (from `check`) says it is missing."""
        if state.status != MISSING:
            return state
        # The role definition is named in the registry's subscription, which may not be the current one.
        subscription_id = registry_id.strip("/").split("/")[1]
        role_definition_id = "/subscriptions/{}/providers/Microsoft.Authorization/roleDefinitions/{}".format(
            subscription_id, ACR_PULL_ROLE_ID)
        body = {"properties": {"roleDefinitionId": role_definition_id, "principalId": state.principal_id,
                               "principalType": "ServicePrincipal"}}
        path = "{}/{}".format(self._assignments_path(registry_id), new_assignment_name())
        status, _, payload = self.arm.send("PUT", path, AUTHORIZATION_API_VERSION, body=body)
        code, message = error_parts(payload)
        if status == 409 and code == "RoleAssignmentExists":
            return AcrPullState(ALREADY_GRANTED, state.principal_id, "AcrPull")
        if status == 403:
            raise with_fix(ForbiddenError("Not allowed to grant AcrPull on the registry: {} ({}).".format(
                message or "forbidden", code or status)),
                "Granting a role needs {} on the registry. Ask someone who has it to run: az role assignment "
                "create --assignee-object-id {} --assignee-principal-type ServicePrincipal --role AcrPull "
                "--scope {}".format(_GRANTING_ROLES, state.principal_id, registry_id))
        raise_for_status(status, payload, "granting AcrPull")
        return AcrPullState(GRANTED, state.principal_id, "AcrPull")
