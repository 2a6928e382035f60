"""Arguments. Shared ones are defined once, on the parent `streaming` context. No SDK import here."""

from azure.cli.core.commands.parameters import get_three_state_flag, resource_group_name_type
from knack.arguments import CLIArgumentType

from ._constants import DEFAULT_TIMEOUT_SECONDS


def _positive_int(value):
    number = int(value)
    if number <= 0:
        raise ValueError("must be a positive number of seconds")
    return number


_positive_int.__name__ = "seconds"

registry_type = CLIArgumentType(
    options_list=["--registry", "-r"], configured_default="acr",
    help="Registry name, login server (myregistry.azurecr.io) or resource ID. Optional when the images carry the "
         "login server. Default: az configure --defaults acr=<name>.")
images_type = CLIArgumentType(
    options_list=["--image", "-t"], action="append",
    help="Image: repo[:tag] or repo@sha256:<digest>, optionally prefixed by the login server. No tag means "
         "latest. Repeat for several images: -t app:v1 -t web:2.")
timeout_type = CLIArgumentType(
    type=_positive_int, default=DEFAULT_TIMEOUT_SECONDS,
    help="Seconds to wait before giving up; the work itself continues in Azure.")
no_wait_type = CLIArgumentType(
    options_list=["--no-wait"], action="store_true",
    help="Start the work and return at once, printing the operation ids; wait later with the group's wait command.")


ONE_STEP_SCOPES = ("streaming enable", "streaming check", "streaming show", "streaming disable", "streaming wait")


def load_arguments(self, _):
    with self.argument_context("streaming") as c:
        c.argument("registry", arg_type=registry_type)
        c.argument("timeout", arg_type=timeout_type)
        c.argument("skip_wait", arg_type=no_wait_type)

    for scope in ("streaming image create", "streaming image wait"):
        with self.argument_context(scope) as c:
            c.argument("images", arg_type=images_type, required=True)

    with self.argument_context("streaming image show") as c:
        c.argument("image", options_list=["--image", "-t"],
                   help="Image: repo[:tag] or repo@sha256:<digest>, optionally prefixed by the login server.")

    with self.argument_context("streaming image list") as c:
        c.argument("repository", help="Repository whose tags are listed, e.g. app or team/app.")

    with self.argument_context("streaming operation") as c:
        c.argument("repository", help="Repository of the operation; goes with --id.")
        c.argument("operation_id", options_list=["--id"], help="Operation id, as printed by image create.")
        c.argument("image", options_list=["--image", "-t"],
                   help="Image whose most recent conversion is meant, instead of --repository and --id.")

    with self.argument_context("streaming repository") as c:
        c.argument("repository", help="Repository name, e.g. app or team/app.")
    with self.argument_context("streaming repository update") as c:
        c.argument("enable_streaming", arg_type=get_three_state_flag(),
                   help="Convert every image pushed to the repository from now on (true) or stop doing so (false). "
                        "Images already in the repository need 'az streaming image create'.")

    cluster_scopes = ("streaming nodepool", "streaming acr-pull") + ONE_STEP_SCOPES
    for scope in cluster_scopes:
        with self.argument_context(scope) as c:
            c.argument("resource_group_name", arg_type=resource_group_name_type)
            c.argument("cluster_name", options_list=["--cluster-name", "-c"], help="Name of the AKS cluster.")

    for scope in ("streaming nodepool",) + ONE_STEP_SCOPES:
        with self.argument_context(scope) as c:
            c.argument("nodepool_names", options_list=["--nodepool-names"], nargs="+",
                       help="Space-separated node pool names, e.g. --nodepool-names np1 np2.")
            c.argument("all_nodepools", options_list=["--all-nodepools"], action="store_true",
                       help="Every pool of the cluster; Windows pools are reported as Skipped.")

    for scope in ONE_STEP_SCOPES:
        with self.argument_context(scope) as c:
            c.argument("images", arg_type=images_type)
            c.argument("repositories", options_list=["--repository"], action="append",
                       help="Repository whose conversion of pushed images is turned on (enable), off (disable) or "
                            "reported (check, show), e.g. --repository team/app. Repeat for several.")

    with self.argument_context("streaming enable") as c:
        c.argument("attach_acr", options_list=["--attach-acr"], action="store_true",
                   help="Grant the cluster's kubelet identity AcrPull on the registry when it cannot pull yet "
                        "(one role assignment; the cluster is not updated).")

    with self.argument_context("streaming acr-pull") as c:
        c.argument("registry", arg_type=registry_type, required=True,
                   help="Registry the cluster pulls from: name, login server or resource ID. "
                        "Default: az configure --defaults acr=<name>.")

    with self.argument_context("streaming feature register") as c:
        c.argument("wait_for_registration", options_list=["--wait"], action="store_true",
                   help="Wait until the feature is Registered, then re-register the Microsoft.ContainerService "
                        "provider and wait for that too (usually several minutes).")
