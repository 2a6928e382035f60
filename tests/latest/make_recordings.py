"""Writes the playback recordings of the scenario tests: `python tests/latest/make_recordings.py`.

Each function below is one test's recording, named after the test method. test_recordings_current.py fails
when a committed file differs from what this script builds.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recording_builder import (Recording, cluster_body, cluster_path, digest, image_index,  # noqa: E402
                               image_manifest, pool_body, registry_body, registry_id, role_assignment)

RECORDINGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "recordings")

APP_V1 = digest("a1")
NOTEBOOK = digest("b2")
APP_CONVERTED = digest("c3")
STREAMING_ARTIFACT = digest("d4")
WEB_2 = digest("e5")
LEGACY = digest("f6")
OP_APP = "0f3a2c1e-0000-4000-8000-000000000001"
OP_NOTEBOOK = "0f3a2c1e-0000-4000-8000-000000000002"
OP_WEB = "0f3a2c1e-0000-4000-8000-000000000003"
OP_LEGACY = "0f3a2c1e-0000-4000-8000-000000000004"
NB = "jupyter/all-spark-notebook"


def premium():
    return Recording().registry_list(registry_body("otherreg", "Standard"), registry_body("myreg", "Premium"))


# ---- az streaming image create ---------------------------------------------------------------------------
def test_image_create_converts_new_images_and_skips_streaming_ones():
    r = premium().exchange().token(4)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag(NB, "latest", NOTEBOOK).referrers(NB, NOTEBOOK).last_conversion(NB, NOTEBOOK)
    r.manifest_metadata("app", APP_CONVERTED).referrers("app", APP_CONVERTED, [STREAMING_ARTIFACT])
    r.start_conversion("app", APP_V1, OP_APP).start_conversion(NB, NOTEBOOK, OP_NOTEBOOK)
    r.operation("app", APP_V1, OP_APP, "Running", "40%").operation(NB, NOTEBOOK, OP_NOTEBOOK, "Running", "10%")
    r.operation("app", APP_V1, OP_APP, "Succeeded").operation(NB, NOTEBOOK, OP_NOTEBOOK, "Succeeded")
    return r


def test_image_create_reuses_running_conversion_through_503():
    r = premium().exchange().token(1)
    r.tag("web", "2", WEB_2).referrers("web", WEB_2).last_conversion("web", WEB_2, OP_WEB, "Running")
    r.operation("web", WEB_2, OP_WEB, None, http_status=503, headers={"Retry-After": "7"})
    r.operation("web", WEB_2, OP_WEB, "Running", "60%")
    r.operation("web", WEB_2, OP_WEB, "Succeeded")
    return r


def test_image_create_honours_retry_after_on_429():
    r = premium().exchange().token(1)
    r.tag("app", "v1", APP_V1, status=429, headers={"Retry-After": "3"})
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1, [STREAMING_ARTIFACT])
    return r


def test_image_create_failed_conversion_exits_1_and_reports_every_image():
    r = premium().exchange().token(4)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag("legacy", "win", LEGACY).referrers("legacy", LEGACY).last_conversion("legacy", LEGACY)
    r.start_conversion("app", APP_V1, OP_APP).start_conversion("legacy", LEGACY, OP_LEGACY)
    r.operation("app", APP_V1, OP_APP, "Succeeded")
    r.operation("legacy", LEGACY, OP_LEGACY, "Failed", "0%",
                details="UNSUPPORTED_PLATFORM: the image has no linux/amd64 platform")
    return r


def test_image_create_refuses_registry_that_cannot_stream():
    r = Recording().registry_list(registry_body("myreg", "Standard"))
    r.registry_list(registry_body("myreg", "Premium", cmk=True))
    return r


def test_image_create_missing_tag_writes_nothing():
    r = premium().exchange().token(1)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag("app", "v9", None, status=404)
    return r


def test_image_create_no_wait_returns_operation_ids():
    r = premium().exchange().token(2)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.start_conversion("app", APP_V1, OP_APP)
    return r


def test_unknown_registry_is_reported_with_the_fix():
    return Recording().registry_list(registry_body("otherreg")).registry_list(registry_body("otherreg"))


def test_bad_arguments_fail_before_any_request():
    return Recording()


# ---- az streaming image wait / show / list ---------------------------------------------------------------
def test_image_wait_renews_token_after_401():
    r = premium().exchange().token(1)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1, OP_APP, "Running")
    r.operation("app", APP_V1, OP_APP, None, http_status=401)
    r.token(1)
    r.operation("app", APP_V1, OP_APP, "Succeeded")
    return r


def test_image_show_by_registry_id_and_digest():
    r = Recording()
    r.add("GET", "https://management.azure.com{}?api-version=2023-07-01".format(registry_id("myreg")),
          body=registry_body("myreg"))
    r.exchange().token(1)
    r.manifest_metadata("app", APP_CONVERTED).referrers("app", APP_CONVERTED, [STREAMING_ARTIFACT])
    return r


def test_image_show_missing_image_exits_3():
    r = premium().exchange().token(1)
    r.tag(NB, "nope", None, status=404)
    return r


def test_image_list_pages_tags_and_shows_streaming_state():
    r = premium().exchange().token(1)
    r.tags("app", [("v1", APP_V1), ("v2", APP_CONVERTED)], next_link="/acr/v1/app/_tags?last=v2&n=100")
    r.tags("app", [("latest", APP_CONVERTED)], query="?last=v2&n=100")
    r.referrers("app", APP_V1).last_conversion("app", APP_V1, OP_APP, "Running")
    r.referrers("app", APP_CONVERTED, [STREAMING_ARTIFACT])
    return r


# ---- az streaming operation ------------------------------------------------------------------------------
def test_operation_show_by_id_and_cancel_by_image():
    r = premium().exchange().token(1)
    r.operation("app", APP_V1, OP_APP, "Running", "40%")
    r.registry_list(registry_body("myreg")).exchange().token(2)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1, OP_APP, "Running")
    r.operation("app", APP_V1, OP_APP, "Running", "45%")
    r.cancel("app", APP_V1, OP_APP)
    return r


# ---- az streaming repository -----------------------------------------------------------------------------
def test_repository_update_is_idempotent():
    r = premium().exchange().token(1).repo_streaming("team/app", False)
    r.registry_list(registry_body("myreg")).exchange().token(2)
    r.repo_streaming("team/app", False).set_repo_streaming("team/app", True)
    r.registry_list(registry_body("myreg")).exchange().token(1).repo_streaming("team/app", True)
    return r


# ---- az streaming nodepool -------------------------------------------------------------------------------
NP1_OFF = pool_body("np1", os_sku="Ubuntu", enabled=False, etag="etag-np1-7")
NP1_ON = pool_body("np1", os_sku="Ubuntu", enabled=True, etag="etag-np1-8")
NP2_ON = pool_body("np2", os_sku="AzureLinux", enabled=True)
NP3_OFF = pool_body("np3", os_sku="Ubuntu2204", vm_size="Standard_D4pds_v5")
NP3_ON = pool_body("np3", os_sku="Ubuntu2204", vm_size="Standard_D4pds_v5", enabled=True)
WIN = pool_body("win1", os_type="Windows", os_sku="Windows2022")


def test_nodepool_enable_writes_only_the_pool_that_is_off():
    r = Recording().pools_list(NP1_OFF, NP2_ON, WIN)
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "InProgress").async_status("op-np1", "Succeeded")
    return r.pool_get(NP1_ON)


def test_nodepool_enable_refuses_a_named_windows_pool():
    return Recording().pools_list(NP1_OFF, WIN)


def test_nodepool_enable_all_skips_windows_and_waits_out_409():
    r = Recording().pools_list(NP1_OFF, WIN)
    r.pool_put(NP1_OFF, status=409, error=("OperationNotAllowed", "Operation is not allowed: another operation "
                                                                  "is in progress on the cluster."))
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "Succeeded")
    return r.pool_get(NP1_ON)


def test_nodepool_enable_reports_a_failed_operation_and_finishes_the_others():
    r = Recording().pools_list(NP1_OFF, NP3_OFF)
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "Failed", ("ArtifactStreamingNotSupported",
                                                                   "The node image does not support streaming."))
    r.pool_put(NP3_OFF, "op-np3").async_status("op-np3", "Succeeded")
    return r.pool_get(NP3_ON)


def test_nodepool_list_and_disable():
    r = Recording().pools_list(NP1_OFF, NP2_ON, NP3_OFF, WIN)
    r.pools_list(NP1_OFF, NP2_ON)
    r.pool_put(NP2_ON, "op-np2").async_status("op-np2", "Succeeded")
    return r.pool_get(pool_body("np2", os_sku="AzureLinux", enabled=False))


# ---- az streaming acr-pull -------------------------------------------------------------------------------
KUBELET = "11111111-2222-3333-4444-555555555555"
REG_ID = registry_id("myreg")
ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d"
ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec"
MONITORING_READER = "43d0d8ad-25c7-4714-9337-8ba259a9fe05"
FIRST_TEST_GUID = "88888888-0000-0000-0000-000000000001"


def test_acr_pull_missing_then_granted():
    r = Recording().registry_list(registry_body("myreg")).cluster_get()
    r.role_assignments(REG_ID, KUBELET, [role_assignment(REG_ID, MONITORING_READER, KUBELET)])
    r.role_assignment_put(REG_ID, FIRST_TEST_GUID, KUBELET)
    r.registry_list(registry_body("myreg")).cluster_get()
    return r.role_assignments(REG_ID, KUBELET, [role_assignment(REG_ID, ACR_PULL, KUBELET)])


def test_acr_pull_assignment_already_exists():
    r = Recording().registry_list(registry_body("myreg")).cluster_get().role_assignments(REG_ID, KUBELET)
    r.role_assignment_put(REG_ID, FIRST_TEST_GUID, KUBELET, 409,
                          ("RoleAssignmentExists", "The role assignment already exists."))
    r.registry_list(registry_body("myreg")).cluster_get()
    subscription_scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
    return r.role_assignments(REG_ID, KUBELET, [role_assignment(subscription_scope, ACR_PUSH, KUBELET)])


def test_acr_pull_grant_forbidden_names_the_role_needed():
    r = Recording().registry_list(registry_body("myreg")).cluster_get().role_assignments(REG_ID, KUBELET)
    return r.role_assignment_put(REG_ID, FIRST_TEST_GUID, KUBELET, 403, (
        "AuthorizationFailed", "The client does not have authorization to perform action "
                               "'Microsoft.Authorization/roleAssignments/write'."))


def test_acr_pull_service_principal_cluster_not_checked():
    r = Recording().registry_list(registry_body("myreg")).cluster_get(cluster_body(kubelet_object_id=None))
    return r.registry_list(registry_body("myreg")).cluster_get(cluster_body(kubelet_object_id=None))


# ---- az streaming feature --------------------------------------------------------------------------------
def test_feature_register_waits_until_registered():
    r = Recording().feature("NotRegistered").feature("Registering", register=True)
    r.feature("Registering").feature("Registered")
    r.provider("Registering", register=True).provider("Registered")
    r.feature("Registered").provider("Registered")  # feature show
    return r.feature("Registered").provider("Registered", register=True)  # register again: no feature POST


def test_feature_register_without_wait_returns_registering():
    return Recording().feature("NotRegistered").feature("Registering", register=True).provider("Registered")


# ---- az streaming enable|check|show|disable|wait ---------------------------------------------------------
GIB = 1024 ** 3
APP_AMD64 = digest("a7")
APP_ARM64 = digest("a8")
NP2_OFF = pool_body("np2", os_sku="AzureLinux", enabled=False)
NP1_UPDATING = pool_body("np1", os_sku="Ubuntu", enabled=True, etag="etag-np1-8", state="Updating")


def _granted(r):
    return r.role_assignments(REG_ID, KUBELET, [role_assignment(REG_ID, ACR_PULL, KUBELET)])


def test_enable_happy_path_then_rerun_changes_nothing():
    r = premium().exchange().token(4)
    r.tag(NB, "latest", NOTEBOOK).referrers(NB, NOTEBOOK).last_conversion(NB, NOTEBOOK)
    r.manifest_metadata("app", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag("app", "v2", APP_CONVERTED).referrers("app", APP_CONVERTED, [STREAMING_ARTIFACT])
    r.cluster_get()
    r.aks("GET", cluster_path() + "/agentPools", 429, headers={"Retry-After": "1"},
          body={"error": {"code": "TooManyRequests", "message": "Too many requests, retry later."}})
    r.pools_list(NP1_OFF, NP2_ON, WIN)
    _granted(r)
    r.start_conversion(NB, NOTEBOOK, OP_NOTEBOOK).start_conversion("app", APP_V1, OP_APP)
    r.operation(NB, NOTEBOOK, OP_NOTEBOOK, "Running", "30%")
    r.operation("app", APP_V1, OP_APP, None, http_status=503, headers={"Retry-After": "2"})
    r.operation("app", APP_V1, OP_APP, "Running", "50%")
    r.operation(NB, NOTEBOOK, OP_NOTEBOOK, "Succeeded").operation("app", APP_V1, OP_APP, "Succeeded")
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "InProgress").async_status("op-np1", "Succeeded")
    r.pool_get(NP1_ON)
    # The same command again: everything is in place, so only reads.
    r.registry_list(registry_body("myreg")).exchange().token(2)
    r.tag(NB, "latest", NOTEBOOK).referrers(NB, NOTEBOOK, [STREAMING_ARTIFACT])
    r.manifest_metadata("app", APP_V1).referrers("app", APP_V1, [STREAMING_ARTIFACT])
    r.tag("app", "v2", APP_CONVERTED).referrers("app", APP_CONVERTED, [STREAMING_ARTIFACT])
    r.cluster_get().pools_list(NP1_ON, NP2_ON, WIN)
    return _granted(r)


def test_enable_refuses_standard_registry_and_windows_pool_before_any_write():
    r = Recording().registry_list(registry_body("myreg", "Standard")).exchange().token(1)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.cluster_get().pools_list(NP1_OFF, WIN)
    return _granted(r)


def test_enable_one_conversion_failed_still_enables_pools_and_grants_acr_pull():
    r = premium().exchange().token(4)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag("legacy", "win", LEGACY).referrers("legacy", LEGACY).last_conversion("legacy", LEGACY)
    r.cluster_get().pools_list(NP1_OFF, NP2_ON).role_assignments(REG_ID, KUBELET)
    r.start_conversion("app", APP_V1, OP_APP).start_conversion("legacy", LEGACY, OP_LEGACY)
    r.role_assignment_put(REG_ID, FIRST_TEST_GUID, KUBELET)
    r.operation("app", APP_V1, OP_APP, "Succeeded")
    r.operation("legacy", LEGACY, OP_LEGACY, "Failed", "0%",
                details="UNSUPPORTED_PLATFORM: the image has no linux/amd64 platform")
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "Succeeded")
    return r.pool_get(NP1_ON)


def test_enable_registry_only_with_auto_conversion():
    r = premium().exchange().token(2)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1).repo_streaming("app", False)
    r.start_conversion("app", APP_V1, OP_APP).set_repo_streaming("app", True)
    return r.operation("app", APP_V1, OP_APP, "Succeeded")


def test_enable_cluster_only_skips_windows_pools():
    r = Recording().cluster_get().pools_list(NP1_OFF, NP2_ON, WIN)
    r.pool_put(NP1_OFF, "op-np1").async_status("op-np1", "Succeeded")
    return r.pool_get(NP1_ON)


def test_enable_no_wait_starts_everything_and_returns_ids():
    r = premium().exchange().token(2)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    _granted(r.cluster_get().pools_list(NP1_OFF, NP2_ON))
    r.start_conversion("app", APP_V1, OP_APP)
    return r.pool_put(NP1_OFF, "op-np1")


def test_check_registry_only_reads_manifests():
    r = premium().exchange().token(2)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1)
    r.tag("legacy", "win", LEGACY).referrers("legacy", LEGACY)
    r.last_conversion("legacy", LEGACY, OP_LEGACY, "Failed")
    r.manifest("app", APP_V1, image_index((APP_AMD64, "linux", "amd64"), (APP_ARM64, "linux", "arm64")))
    r.manifest("app", APP_AMD64, image_manifest(20 * GIB, 12 * GIB))
    r.manifest("legacy", LEGACY, image_manifest(3 * GIB))
    r.manifest_metadata_for("legacy", LEGACY, "windows", "amd64", 3 * GIB)
    return r.repo_streaming("app", False)


def test_check_reports_missing_registry_and_cluster_together():
    return Recording().registry_list(registry_body("otherreg")).cluster_get(status=404)


def test_check_cluster_only():
    return Recording().cluster_get().pools_list(NP1_OFF, NP2_ON, NP3_OFF, WIN).feature("NotRegistered")


def test_check_standard_registry_and_windows_pool_exits_1():
    r = Recording().registry_list(registry_body("myreg", "Standard"))
    r.cluster_get().pools_list(NP1_OFF, WIN).feature("Registered")
    return r.role_assignments(REG_ID, KUBELET)


def test_show_reports_state_and_exits_3_for_missing_cluster():
    r = premium().exchange().token(1)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1, OP_APP, "Running")
    _granted(r.cluster_get().pools_list(NP1_OFF, NP2_ON, WIN))
    return r.cluster_get(status=404)


def test_disable_turns_off_pools_and_auto_conversion():
    r = premium().exchange().token(2).repo_streaming("app", True).set_repo_streaming("app", False)
    r.cluster_get().pools_list(NP1_ON, NP2_OFF)
    r.pool_put(NP1_ON, "op-np1").async_status("op-np1", "Succeeded")
    return r.pool_get(pool_body("np1", os_sku="Ubuntu", enabled=False, etag="etag-np1-9"))


def test_wait_follows_conversion_and_pool_to_the_end():
    r = premium().exchange().token(1)
    r.tag("app", "v1", APP_V1).referrers("app", APP_V1).last_conversion("app", APP_V1, OP_APP, "Running")
    r.cluster_get().pools_list(NP1_UPDATING)
    r.operation("app", APP_V1, OP_APP, "Running", "70%").operation("app", APP_V1, OP_APP, "Succeeded")
    return r.pools_list(NP1_ON)


def build_all():
    module = sys.modules[__name__]
    return {name: getattr(module, name)() for name in dir(module) if name.startswith("test_")}


def main():
    os.makedirs(RECORDINGS, exist_ok=True)
    for name, recording in build_all().items():
        with open(os.path.join(RECORDINGS, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(recording.to_yaml())
        print("wrote recordings/{}.yaml ({} interactions)".format(name, len(recording.interactions)))


if __name__ == "__main__":
    main()
