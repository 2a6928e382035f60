"""Builds playback recordings in the documented Azure wire shapes (../shared/docs/azure-api-notes.md).

There is no Azure here, so recordings are written from the documented shapes rather than captured; building
them in code keeps every recording consistent and lets a test check that the committed files are current.
Only placeholders appear: the zero subscription, `clitest.rg000001`, and tokens that are plainly fake.
"""

import json

import yaml

SUB = "00000000-0000-0000-0000-000000000000"
RG = "clitest.rg000001"
ARM = "https://management.azure.com"
ACR_MGMT_API = "2023-07-01"
AKS_API = "2026-03-01"
LOGIN = "myreg.azurecr.io"
STREAMING_TYPE = "application/vnd.azure.artifact.streaming.v1"
REFRESH_TOKEN = "acr-refresh-token-placeholder"
ACCESS_TOKEN = "acr-access-token-placeholder"

_REASONS = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 401: "Unauthorized",
            403: "Forbidden", 404: "Not Found", 409: "Conflict", 429: "Too Many Requests",
            500: "Internal Server Error", 503: "Service Unavailable"}


def digest(seed):
    """A well-formed, obviously made-up digest: sha256 followed by `seed` repeated to 64 hex digits."""
    return "sha256:" + (seed * 64)[:64]


def registry_id(name):
    return "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerRegistry/registries/{}".format(
        SUB, RG, name)


def registry_body(name="myreg", sku="Premium", cmk=False):
    return {"id": registry_id(name), "name": name, "type": "Microsoft.ContainerRegistry/registries",
            "location": "eastus", "sku": {"name": sku, "tier": sku},
            "properties": {"loginServer": "{}.azurecr.io".format(name), "provisioningState": "Succeeded",
                           "adminUserEnabled": False,
                           "encryption": {"status": "enabled" if cmk else "disabled"}}}


class Recording:
    def __init__(self):
        self.interactions = []

    def add(self, method, url, status=200, body=None, headers=None, request_body=None):
        response_headers = {"content-type": ["application/json; charset=utf-8"]}
        for key, value in (headers or {}).items():
            response_headers[key.lower()] = [str(value)]
        text = body if isinstance(body, str) or body is None else json.dumps(body)
        self.interactions.append({
            "request": {"body": request_body, "headers": {}, "method": method, "uri": url},
            "response": {"body": {"string": text or ""}, "headers": response_headers,
                         "status": {"code": status, "message": _REASONS.get(status, "")}},
        })
        return self

    def to_yaml(self):
        return yaml.safe_dump({"interactions": self.interactions, "version": 1}, sort_keys=False, width=120)

    # ---- ARM: registries ---------------------------------------------------------------------------------
    def registry_list(self, *registries):
        url = "{}/subscriptions/{}/providers/Microsoft.ContainerRegistry/registries?api-version={}".format(
            ARM, SUB, ACR_MGMT_API)
        return self.add("GET", url, body={"value": list(registries)})

    # ---- ACR data plane -----------------------------------------------------------------------------------
    def acr(self, method, path, status=200, body=None, headers=None, login=LOGIN, request_body=None):
        return self.add(method, "https://{}{}".format(login, path), status, body, headers, request_body)

    def exchange(self, login=LOGIN):
        return self.acr("POST", "/oauth2/exchange", body={"refresh_token": REFRESH_TOKEN}, login=login)

    def token(self, count=1, login=LOGIN):
        for _ in range(count):
            self.acr("POST", "/oauth2/token", body={"access_token": ACCESS_TOKEN}, login=login)
        return self

    def tag(self, repo, tag, dgst, status=200, headers=None):
        if status != 200:
            return self.acr("GET", "/acr/v1/{}/_tags/{}".format(repo, tag), status, headers=headers,
                            body=acr_error("TAG_UNKNOWN", "the specified tag does not exist"))
        return self.acr("GET", "/acr/v1/{}/_tags/{}".format(repo, tag), headers=headers, body={
            "registry": LOGIN, "imageName": repo,
            "tag": {"name": tag, "digest": dgst, "createdTime": "2026-11-30T10:00:00Z",
                    "lastUpdateTime": "2026-11-30T10:00:00Z", "signed": False}})

    def tags(self, repo, entries, next_link=None, query=""):
        headers = {"Link": '<{}>; rel="next"'.format(next_link)} if next_link else None
        return self.acr("GET", "/acr/v1/{}/_tags{}".format(repo, query), headers=headers, body={
            "registry": LOGIN, "imageName": repo,
            "tags": [{"name": t, "digest": d, "createdTime": "2026-11-30T10:00:00Z",
                      "lastUpdateTime": "2026-11-30T10:00:00Z", "signed": False} for t, d in entries]})

    def manifest_metadata(self, repo, dgst, status=200):
        if status != 200:
            return self.acr("GET", "/acr/v1/{}/_manifests/{}".format(repo, dgst), status,
                            body=acr_error("MANIFEST_UNKNOWN", "manifest unknown"))
        return self.acr("GET", "/acr/v1/{}/_manifests/{}".format(repo, dgst), body={
            "registry": LOGIN, "imageName": repo,
            "manifest": {"digest": dgst, "imageSize": 52428800, "architecture": "amd64", "os": "linux",
                         "mediaType": "application/vnd.oci.image.manifest.v1+json"}})

    def referrers(self, repo, dgst, streaming_digests=()):
        manifests = [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": d, "size": 1200,
                      "artifactType": STREAMING_TYPE,
                      "annotations": {"streaming.format": "overlaybd", "streaming.platform.os": "linux",
                                      "streaming.platform.arch": "amd64", "streaming.version": "v1"}}
                     for d in streaming_digests]
        return self.acr("GET", "/v2/{}/referrers/{}?artifactType={}".format(repo, dgst, STREAMING_TYPE),
                        headers={"content-type": "application/vnd.oci.image.index.v1+json"},
                        body={"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                              "manifests": manifests})

    def last_conversion(self, repo, dgst, operation_id=None, status=None):
        path = "/acr/v1/{}/_streaming/{}".format(repo, dgst)
        if operation_id is None:
            return self.acr("GET", path, 404, body=acr_error("OPERATION_UNKNOWN",
                                                             "The specified operation does not exist"))
        return self.acr("GET", path, body={"id": operation_id, "status": status})

    def start_conversion(self, repo, dgst, operation_id):
        return self.acr("POST", "/acr/v1/{}/_streaming/{}".format(repo, dgst), 202,
                        body={"id": operation_id, "status": "NotStarted"},
                        headers={"operation-location": "/acr/v1/{}/_operations/{}".format(repo, operation_id)},
                        request_body='{"conversionFormat": "overlaybd", "conversionVersion": "v1"}')

    def operation(self, repo, dgst, operation_id, status, progress=None, details=None, http_status=200,
                  headers=None):
        path = "/acr/v1/{}/_operations/{}".format(repo, operation_id)
        if http_status != 200:
            return self.acr("GET", path, http_status, headers=headers,
                            body=acr_error("SERVICE_UNAVAILABLE", "try again later") if http_status >= 500
                            else acr_error("UNAUTHORIZED", "authentication required"))
        return self.acr("GET", path, body={
            "name": "ArtifactStreamingConversion", "resource": "{}@{}".format(repo, dgst), "id": operation_id,
            "status": status, "startTime": "2026-12-01T09:00:00Z",
            "progress": progress or ("100%" if status == "Succeeded" else "0%"), "details": details})

    def cancel(self, repo, dgst, operation_id):
        return self.acr("POST", "/acr/v1/{}/_operations/{}:cancel".format(repo, operation_id), body={
            "name": "ArtifactStreamingConversion", "resource": "{}@{}".format(repo, dgst), "id": operation_id,
            "status": "Canceled", "startTime": "2026-12-01T09:00:00Z", "progress": "40%", "details": None})

    def repo_streaming(self, repo, enabled):
        return self.acr("GET", "/acr/v1/{}/_streaming".format(repo), body={"convertPushedImages": enabled})

    def set_repo_streaming(self, repo, enabled):
        return self.acr("POST", "/acr/v1/{}/_streaming".format(repo), 202, body={
            "convertPushedImages": enabled, "conversionFormat": "overlaybd", "conversionVersion": "v1",
            "status": "Succeeded", "id": "5c1d7b0e-0000-4000-8000-00000000000a"})


def acr_error(code, message):
    return {"errors": [{"code": code, "message": message, "detail": None}]}


# ---- AKS ---------------------------------------------------------------------------------------------------
CLUSTER = "mycluster"


def cluster_path(cluster=CLUSTER):
    return "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerService/managedClusters/{}".format(
        SUB, RG, cluster)


def pool_body(name, os_type="Linux", os_sku="Ubuntu", vm_size="Standard_D4s_v5", enabled=None, etag=None,
              state="Succeeded", mode="User"):
    properties = {"count": 3, "vmSize": vm_size, "osType": os_type, "osSKU": os_sku, "mode": mode,
                  "provisioningState": state, "orchestratorVersion": "1.33.2", "type": "VirtualMachineScaleSets",
                  "eTag": etag or "etag-{}-1".format(name)}
    if enabled is not None:
        properties["artifactStreamingProfile"] = {"enabled": enabled}
    return {"id": cluster_path() + "/agentPools/" + name, "name": name,
            "type": "Microsoft.ContainerService/managedClusters/agentPools", "properties": properties}


def async_operation_url(operation_id):
    return "{}/subscriptions/{}/providers/Microsoft.ContainerService/locations/eastus/operations/{}" \
           "?api-version=2016-03-30".format(ARM, SUB, operation_id)


def _aks(self, method, path, status=200, body=None, headers=None):
    return self.add(method, "{}{}?api-version={}".format(ARM, path, AKS_API), status, body, headers)


def _pools_list(self, *pools):
    return self.aks("GET", cluster_path() + "/agentPools", body={"value": list(pools)})


def _pool_get(self, pool):
    return self.aks("GET", cluster_path() + "/agentPools/" + pool["name"], body=pool)


def _pool_put(self, pool, operation_id=None, status=200, error=None):
    path = cluster_path() + "/agentPools/" + pool["name"]
    if error:
        return self.aks("PUT", path, status, body={"error": {"code": error[0], "message": error[1]}})
    updating = json.loads(json.dumps(pool))
    updating["properties"]["provisioningState"] = "Updating"
    return self.aks("PUT", path, status, body=updating,
                    headers={"Azure-AsyncOperation": async_operation_url(operation_id)})


def _async_status(self, operation_id, status, error=None):
    body = {"name": operation_id, "status": status, "startTime": "2026-12-01T09:00:00Z"}
    if error:
        body["error"] = {"code": error[0], "message": error[1]}
    return self.add("GET", async_operation_url(operation_id), body=body)


Recording.aks = _aks
Recording.pools_list = _pools_list
Recording.pool_get = _pool_get
Recording.pool_put = _pool_put
Recording.async_status = _async_status


def cluster_body(kubelet_object_id="11111111-2222-3333-4444-555555555555"):
    properties = {"provisioningState": "Succeeded", "kubernetesVersion": "1.33.2", "dnsPrefix": CLUSTER}
    if kubelet_object_id:
        properties["identityProfile"] = {"kubeletidentity": {
            "resourceId": "/subscriptions/{}/resourceGroups/MC_{}/providers/Microsoft.ManagedIdentity/"
                          "userAssignedIdentities/{}-agentpool".format(SUB, RG, CLUSTER),
            "clientId": "66666666-7777-8888-9999-000000000000", "objectId": kubelet_object_id}}
    else:
        properties["servicePrincipalProfile"] = {"clientId": "66666666-7777-8888-9999-000000000000"}
    return {"id": cluster_path(), "name": CLUSTER, "type": "Microsoft.ContainerService/ManagedClusters",
            "location": "eastus", "properties": properties}


def _cluster_get(self, body=None, status=200):
    if status == 404:
        return self.aks("GET", cluster_path(), 404, body={"error": {
            "code": "ResourceNotFound", "message": "The Resource 'Microsoft.ContainerService/managedClusters/"
                                                   "{}' was not found.".format(CLUSTER)}})
    return self.aks("GET", cluster_path(), body=body or cluster_body())


Recording.cluster_get = _cluster_get

# ---- Authorization: role assignments -------------------------------------------------------------------------
AUTH_API = "2022-04-01"
ACR_PULL_ROLE = "7f951dda-4ed3-4680-a7ca-43fe172d538d"


def role_assignment(scope, role_guid, principal_id, name="aaaaaaaa-0000-4000-8000-000000000001"):
    return {"id": "{}/providers/Microsoft.Authorization/roleAssignments/{}".format(scope, name), "name": name,
            "type": "Microsoft.Authorization/roleAssignments",
            "properties": {"roleDefinitionId": "/subscriptions/{}/providers/Microsoft.Authorization/"
                                               "roleDefinitions/{}".format(SUB, role_guid),
                           "principalId": principal_id, "principalType": "ServicePrincipal", "scope": scope}}


def _role_assignments(self, scope, principal_id, assignments=()):
    url = "{}{}/providers/Microsoft.Authorization/roleAssignments?$filter=atScope() and assignedTo('{}')" \
          "&api-version={}".format(ARM, scope, principal_id, AUTH_API)
    return self.add("GET", url, body={"value": list(assignments)})


def _role_assignment_put(self, scope, name, principal_id, status=201, error=None):
    url = "{}{}/providers/Microsoft.Authorization/roleAssignments/{}?api-version={}".format(ARM, scope, name,
                                                                                           AUTH_API)
    request = json.dumps({"properties": {
        "roleDefinitionId": "/subscriptions/{}/providers/Microsoft.Authorization/roleDefinitions/{}".format(
            SUB, ACR_PULL_ROLE), "principalId": principal_id, "principalType": "ServicePrincipal"}})
    if error:
        return self.add("PUT", url, status, body={"error": {"code": error[0], "message": error[1]}},
                        request_body=request)
    return self.add("PUT", url, status, body=role_assignment(scope, ACR_PULL_ROLE, principal_id, name),
                    request_body=request)


Recording.role_assignments = _role_assignments
Recording.role_assignment_put = _role_assignment_put

# ---- Features and resource providers ---------------------------------------------------------------------------
FEATURES_API = "2021-07-01"
PROVIDERS_API = "2024-11-01"
FEATURE_PATH = "/subscriptions/{}/providers/Microsoft.Features/providers/Microsoft.ContainerService/features/" \
               "ArtifactStreamingPreview".format(SUB)
PROVIDER_PATH = "/subscriptions/{}/providers/Microsoft.ContainerService".format(SUB)


def _feature_body(state):
    return {"id": FEATURE_PATH, "name": "Microsoft.ContainerService/ArtifactStreamingPreview",
            "type": "Microsoft.Features/providers/features", "properties": {"state": state}}


def _feature(self, state, register=False):
    path = FEATURE_PATH + ("/register" if register else "")
    return self.add("POST" if register else "GET", "{}{}?api-version={}".format(ARM, path, FEATURES_API),
                    body=_feature_body(state))


def _provider(self, state, register=False):
    path = PROVIDER_PATH + ("/register" if register else "")
    return self.add("POST" if register else "GET", "{}{}?api-version={}".format(ARM, path, PROVIDERS_API),
                    body={"id": PROVIDER_PATH, "namespace": "Microsoft.ContainerService",
                          "registrationState": state, "registrationPolicy": "RegistrationRequired"})


Recording.feature = _feature
Recording.provider = _provider


def _manifest(self, repo, reference, document):
    media_type = document.get("mediaType") or "application/vnd.oci.image.manifest.v1+json"
    return self.acr("GET", "/v2/{}/manifests/{}".format(repo, reference), body=document,
                    headers={"content-type": media_type, "Docker-Content-Digest": reference})


def image_index(*platforms):
    """An OCI index whose children are (digest, os, architecture)."""
    return {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": d, "size": 1500,
                           "platform": {"os": os_name, "architecture": arch}} for d, os_name, arch in platforms]}


def image_manifest(*layer_sizes):
    return {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": digest("0c"), "size": 7000},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest(str(i)),
                        "size": size} for i, size in enumerate(layer_sizes)]}


def _manifest_metadata_for(self, repo, dgst, os_name, arch, size):
    return self.acr("GET", "/acr/v1/{}/_manifests/{}".format(repo, dgst), body={
        "registry": LOGIN, "imageName": repo,
        "manifest": {"digest": dgst, "imageSize": size, "architecture": arch, "os": os_name,
                     "mediaType": "application/vnd.oci.image.manifest.v1+json"}})


Recording.manifest = _manifest
Recording.manifest_metadata_for = _manifest_metadata_for
