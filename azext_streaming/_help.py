"""Help text, with runnable examples for every group and command."""

from knack.help_files import helps  # pylint: disable=unused-import

helps["streaming"] = """
type: group
short-summary: Stream container images from ACR to AKS so that pods start in seconds instead of minutes.
long-summary: >
    Artifact streaming lets AKS nodes pull only the parts of an image that a pod needs to start. It needs a
    Premium registry, a streaming artifact per image, Linux node pools with streaming turned on, and pull
    rights for the cluster's kubelet identity. 'az streaming enable' does all of it in order; 'check' says
    what is missing without changing anything.
examples:
  - name: Convert two images, turn on streaming for every Linux pool and grant AcrPull, in one command.
    text: az streaming enable -r myregistry -t app:v1 -t team/web:2 -g MyResourceGroup -c MyCluster --all-nodepools --attach-acr
  - name: Check what stands in the way, without changing anything.
    text: az streaming check -r myregistry -t app:v1 -g MyResourceGroup -c MyCluster -o table
"""

helps["streaming enable"] = """
type: command
short-summary: Turn artifact streaming on end to end - convert images, switch pools, grant pull - and wait.
long-summary: >
    Everything is read first (registry, images, repositories, cluster, pools, AcrPull, the registry and the
    cluster side at the same time). Any blocking problem - registry missing, not Premium or encrypted with a
    customer-managed key, image missing, cluster or named pool missing, named pool Windows - stops the command
    before a single write, and the error lists all of them, each with its fix.
    Then images are converted concurrently (converted images are skipped, running conversions reused),
    auto-conversion is turned on for each --repository, AcrPull is granted with --attach-acr, and the node pools
    are enabled once every conversion has finished, because a pod that pulls an image before its conversion
    succeeds caches the plain image and never streams it. One deadline (--timeout) covers the whole command.
    The result's 'ready' is true only when every image streams and every pool asked for has streaming on; the
    command exits 0 only then, and otherwise prints the full result and exits 1. Running it again changes
    nothing. With --no-wait it starts everything and returns at once (exit 0 unless something failed to start).
examples:
  - name: Convert images (one in a nested repository, one by digest) and enable two pools.
    text: az streaming enable -r myregistry -t app:v1 -t team/web:2 -t app@sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c -g MyResourceGroup -c MyCluster --nodepool-names np1 np2
  - name: Also convert every image pushed to app from now on, and grant the nodes AcrPull.
    text: az streaming enable -r myregistry -t app:v1 --repository app -g MyResourceGroup -c MyCluster --all-nodepools --attach-acr
  - name: Registry side only - convert images and wait for them.
    text: az streaming enable -r myregistry -t app:v1 -t app:v2
  - name: Start everything and return at once; wait later with 'az streaming wait'.
    text: az streaming enable -r myregistry -t app:v1 -g MyResourceGroup -c MyCluster --all-nodepools --no-wait
"""

helps["streaming check"] = """
type: command
short-summary: Read-only preflight - report every problem that stands in the way of streaming, each with its fix.
long-summary: >
    Takes the same arguments as enable and writes nothing, ever. Each finding has a severity (error, warning,
    info), a stable code (RegistryNotPremium, ImagePlatformUnsupported, NodepoolWindows, AcrPullMissing, ...),
    a message and the command that fixes it. Images are inspected from their manifests: no linux/amd64
    platform is an error, a size over 30 GiB a warning. 'ready' is true and the command exits 0 when no
    finding is an error. Without pool names every pool of the cluster is checked.
examples:
  - name: Check a registry, an image and a whole cluster, as a table.
    text: az streaming check -r myregistry -t app:v1 -g MyResourceGroup -c MyCluster -o table
  - name: Check the registry side only.
    text: az streaming check -r myregistry -t app:v1 -t team/web:2
  - name: Check the cluster side only, listing just the error codes.
    text: az streaming check -g MyResourceGroup -c MyCluster --query "findings[?severity=='error'].code" -o tsv
"""

helps["streaming show"] = """
type: command
short-summary: Show the streaming state of images, repositories, node pools and the AcrPull grant.
long-summary: >
    The same result as enable, read-only. Without pool names every pool of the cluster is shown. Exits 3 when
    the registry, an image, the cluster or a named pool does not exist.
examples:
  - name: Show the state of two images and every pool of a cluster.
    text: az streaming show -r myregistry -t app:v1 -t team/web:2 -g MyResourceGroup -c MyCluster -o table
  - name: Print whether everything is ready to stream.
    text: az streaming show -r myregistry -t app:v1 -g MyResourceGroup -c MyCluster --query ready
"""

helps["streaming disable"] = """
type: command
short-summary: Turn streaming off for node pools and auto-conversion off for repositories.
long-summary: >
    Streaming artifacts are kept, so turning streaming on again is quick. Asks for confirmation unless --yes.
examples:
  - name: Stop streaming on one pool and stop converting pushes to app.
    text: az streaming disable -r myregistry --repository app -g MyResourceGroup -c MyCluster --nodepool-names np1 --yes
  - name: Stop streaming on every pool of a cluster without waiting.
    text: az streaming disable -g MyResourceGroup -c MyCluster --all-nodepools --yes --no-wait
"""

helps["streaming wait"] = """
type: command
short-summary: Wait for the conversions and node pools given, up to a deadline.
long-summary: >
    Exits 0 when every image streams and every pool has streaming on; exits 1 (after printing the result) when
    something failed, the deadline passed, or nothing is running that would make an image or pool stream.
examples:
  - name: Wait up to 30 minutes for two conversions and two pools started with --no-wait.
    text: az streaming wait -r myregistry -t app:v1 -t team/web:2 -g MyResourceGroup -c MyCluster --nodepool-names np1 np2 --timeout 1800
"""

helps["streaming image"] = """
type: group
short-summary: Create and inspect the streaming artifacts of images.
examples:
  - name: List the tags of a repository with their streaming state.
    text: az streaming image list -r myregistry --repository app -o table
"""

helps["streaming image create"] = """
type: command
short-summary: Convert images into streaming artifacts, several at a time.
long-summary: >
    Images that already have a streaming artifact are skipped (status AlreadyStreaming) and a conversion that
    is already running is reused. Only Premium registries without customer-managed key encryption can convert.
    The command exits 1 when a conversion ends Failed or Canceled, after printing the status of every image.
    Convert before you deploy: a pod that pulls an image before its conversion has succeeded caches the plain
    image on that node and never streams it.
examples:
  - name: Convert three images, one of them in a nested repository, and wait for all of them.
    text: az streaming image create -r myregistry -t app:v1 -t app:v2 -t jupyter/all-spark-notebook:latest
  - name: Convert an image named by digest, with the login server in the reference.
    text: az streaming image create -t myregistry.azurecr.io/app@sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c
  - name: Start the conversion and return at once (then wait with 'az streaming image wait').
    text: az streaming image create -r myregistry -t app:v1 --no-wait
"""

helps["streaming image show"] = """
type: command
short-summary: Show the streaming state of one image.
long-summary: Exits 3 when the image does not exist.
examples:
  - name: Show whether app:v1 has a streaming artifact.
    text: az streaming image show -r myregistry -t app:v1
"""

helps["streaming image list"] = """
type: command
short-summary: List the tags of a repository with their digest and streaming state.
examples:
  - name: List the tags of the app repository as a table.
    text: az streaming image list -r myregistry --repository app -o table
  - name: List the tags that do not stream yet.
    text: az streaming image list -r myregistry --repository app --query "[?!streaming].tag" -o tsv
"""

helps["streaming image wait"] = """
type: command
short-summary: Wait until the conversions of images have finished.
long-summary: Exits 1 when a conversion ended Failed or Canceled, or when the deadline passes first.
examples:
  - name: Wait up to 30 minutes for two conversions started with --no-wait.
    text: az streaming image wait -r myregistry -t app:v1 -t web:2 --timeout 1800
"""

helps["streaming operation"] = """
type: group
short-summary: Inspect or cancel single conversion operations.
examples:
  - name: Show the most recent conversion of an image.
    text: az streaming operation show -r myregistry -t app:v1
"""

helps["streaming operation show"] = """
type: command
short-summary: Show a conversion operation, by id or by image.
examples:
  - name: Show an operation by repository and id.
    text: az streaming operation show -r myregistry --repository app --id 3f0e9d52-8a8c-4a59-9a55-2c6a3f1f2b7e
  - name: Show the most recent conversion of an image.
    text: az streaming operation show -r myregistry -t app:v1
"""

helps["streaming operation cancel"] = """
type: command
short-summary: Cancel a running conversion operation.
examples:
  - name: Cancel the running conversion of an image without a prompt.
    text: az streaming operation cancel -r myregistry -t app:v1 --yes
  - name: Cancel an operation by repository and id.
    text: az streaming operation cancel -r myregistry --repository app --id 3f0e9d52-8a8c-4a59-9a55-2c6a3f1f2b7e --yes
"""

helps["streaming repository"] = """
type: group
short-summary: Show or change the automatic conversion of images pushed to a repository.
examples:
  - name: Convert every image pushed to the app repository from now on.
    text: az streaming repository update -r myregistry --repository app --enable-streaming true
"""

helps["streaming repository show"] = """
type: command
short-summary: Show whether images pushed to a repository are converted automatically.
examples:
  - name: Show the auto-conversion setting of the app repository.
    text: az streaming repository show -r myregistry --repository app
"""

helps["streaming repository update"] = """
type: command
short-summary: Turn automatic conversion of newly pushed images on or off.
long-summary: Only images pushed afterwards are converted; convert existing ones with 'az streaming image create'.
examples:
  - name: Turn auto-conversion on for a nested repository.
    text: az streaming repository update -r myregistry --repository team/app --enable-streaming true
  - name: Turn it off again.
    text: az streaming repository update -r myregistry --repository team/app --enable-streaming false
"""

helps["streaming nodepool"] = """
type: group
short-summary: Turn artifact streaming on or off for AKS node pools.
examples:
  - name: List the pools of a cluster with their streaming state and eligibility.
    text: az streaming nodepool list -g MyResourceGroup -c MyCluster -o table
"""

helps["streaming nodepool list"] = """
type: command
short-summary: List node pools with OS, size, architecture, streaming state and whether they can stream.
examples:
  - name: List the pools of a cluster as a table.
    text: az streaming nodepool list -g MyResourceGroup -c MyCluster -o table
"""

helps["streaming nodepool enable"] = """
type: command
short-summary: Turn artifact streaming on for node pools.
long-summary: >
    Pools already streaming are left alone (AlreadyEnabled). A Windows pool named explicitly stops the command
    before anything is written; under --all-nodepools it is reported as Skipped. Each pool is written back with
    the eTag it was read with, so a concurrent change is never overwritten. Convert your images first
    (az streaming image create): pods that pull before their image's conversion succeeded never stream.
examples:
  - name: Turn streaming on for two pools and wait.
    text: az streaming nodepool enable -g MyResourceGroup -c MyCluster --nodepool-names np1 np2
  - name: Turn streaming on for every Linux pool without waiting.
    text: az streaming nodepool enable -g MyResourceGroup -c MyCluster --all-nodepools --no-wait
"""

helps["streaming nodepool disable"] = """
type: command
short-summary: Turn artifact streaming off for node pools.
examples:
  - name: Turn streaming off for one pool without a prompt.
    text: az streaming nodepool disable -g MyResourceGroup -c MyCluster --nodepool-names np1 --yes
"""

helps["streaming nodepool wait"] = """
type: command
short-summary: Wait until node pools have finished updating.
examples:
  - name: Wait up to 20 minutes for a pool.
    text: az streaming nodepool wait -g MyResourceGroup -c MyCluster --nodepool-names np1 --timeout 1200
"""

helps["streaming acr-pull"] = """
type: group
short-summary: Check and grant the AcrPull role that a cluster's kubelet identity needs on the registry.
long-summary: >
    Nodes pull streaming artifacts with the cluster's kubelet identity. Without pull rights on the registry
    (AcrPull, AcrPush, Reader, Contributor or Owner at the registry or above), pods cannot pull the image.
examples:
  - name: Check whether the nodes of MyCluster can pull from myregistry.
    text: az streaming acr-pull show -r myregistry -g MyResourceGroup -c MyCluster
"""

helps["streaming acr-pull show"] = """
type: command
short-summary: Show whether the cluster's kubelet identity can pull from the registry.
long-summary: >
    Status is AlreadyGranted (with the role found), Missing, or NotChecked for a cluster that pulls with a
    service principal rather than a kubelet managed identity. Reads only.
examples:
  - name: Check the grant and show it as a table.
    text: az streaming acr-pull show -r myregistry -g MyResourceGroup -c MyCluster -o table
  - name: Print only the status, for a script.
    text: az streaming acr-pull show -r myregistry -g MyResourceGroup -c MyCluster --query status -o tsv
"""

helps["streaming acr-pull grant"] = """
type: command
short-summary: Grant the cluster's kubelet identity AcrPull on the registry, unless it can pull already.
long-summary: >
    Adds one role assignment at the registry scope; the cluster itself is not updated. An existing grant is
    reported as AlreadyGranted and nothing is written. Granting a role needs Owner, User Access Administrator
    or Role Based Access Control Administrator on the registry.
examples:
  - name: Let the nodes of MyCluster pull from myregistry.
    text: az streaming acr-pull grant -r myregistry -g MyResourceGroup -c MyCluster
"""

helps["streaming feature"] = """
type: group
short-summary: Show or register the subscription's ArtifactStreamingPreview feature flag.
long-summary: >
    The flag (Microsoft.ContainerService/ArtifactStreamingPreview) is needed only by preview AKS api-versions;
    the api-version this extension uses does not need it.
examples:
  - name: Show the feature's state and the provider's registration state.
    text: az streaming feature show
"""

helps["streaming feature show"] = """
type: command
short-summary: Show the state of the ArtifactStreamingPreview feature and of the Microsoft.ContainerService provider.
examples:
  - name: Print only the feature's state.
    text: az streaming feature show --query state -o tsv
"""

helps["streaming feature register"] = """
type: command
short-summary: Register the ArtifactStreamingPreview feature, then re-register the provider so that it applies.
long-summary: >
    Registration takes several minutes. Without --wait the command returns while the feature is Registering;
    run it again with --wait to finish, which re-registers the Microsoft.ContainerService provider once the
    feature is Registered (re-registering a registered provider changes nothing else).
examples:
  - name: Register the feature and wait until it and the provider are registered.
    text: az streaming feature register --wait
  - name: Start the registration and return at once.
    text: az streaming feature register
"""
