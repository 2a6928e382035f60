"""The command table. Operations are referenced by name so nothing heavy is imported at load time."""

from azure.cli.core.commands import CliCommandType

from ._validators import (validate_changing_command, validate_images_command, validate_nodepool_command,
                          validate_operation_command, validate_read_only_command, validate_repository_command)

_FORMAT = "azext_streaming._format#{}"


# `--no-wait` is declared in _params.py (as `skip_wait`: az reserves the name no_wait) rather than through
# supports_no_wait, because az discards the result of such a command and ours must print the ids it started.


def load_command_table(self, _):
    custom = CliCommandType(operations_tmpl="azext_streaming.custom#{}")

    with self.command_group("streaming", custom_command_type=custom, is_preview=True) as g:
        g.custom_command("enable", "streaming_enable", validator=validate_changing_command,
                         table_transformer=_FORMAT.format("transform_streaming"))
        g.custom_command("check", "streaming_check", validator=validate_read_only_command,
                         table_transformer=_FORMAT.format("transform_findings"))
        g.custom_show_command("show", "streaming_show", validator=validate_read_only_command,
                              table_transformer=_FORMAT.format("transform_streaming"))
        g.custom_command("disable", "streaming_disable", validator=validate_changing_command, confirmation=True,
                         table_transformer=_FORMAT.format("transform_streaming"))
        g.custom_command("wait", "streaming_wait", validator=validate_changing_command,
                         table_transformer=_FORMAT.format("transform_streaming"))

    with self.command_group("streaming image", custom_command_type=custom) as g:
        g.custom_command("create", "image_create", validator=validate_images_command,
                         table_transformer=_FORMAT.format("transform_images"))
        g.custom_show_command("show", "image_show", validator=validate_images_command,
                              table_transformer=_FORMAT.format("transform_image"))
        g.custom_command("list", "image_list", validator=validate_repository_command,
                         table_transformer=_FORMAT.format("transform_tags"))
        g.custom_command("wait", "image_wait", validator=validate_images_command,
                         table_transformer=_FORMAT.format("transform_images"))

    with self.command_group("streaming operation", custom_command_type=custom) as g:
        g.custom_show_command("show", "operation_show", validator=validate_operation_command,
                              table_transformer=_FORMAT.format("transform_operation"))
        g.custom_command("cancel", "operation_cancel", validator=validate_operation_command, confirmation=True,
                         table_transformer=_FORMAT.format("transform_operation"))

    with self.command_group("streaming repository", custom_command_type=custom) as g:
        g.custom_show_command("show", "repository_show", validator=validate_repository_command,
                              table_transformer=_FORMAT.format("transform_repository"))
        g.custom_command("update", "repository_update", validator=validate_repository_command,
                         table_transformer=_FORMAT.format("transform_repository"))

    with self.command_group("streaming nodepool", custom_command_type=custom) as g:
        g.custom_command("list", "nodepool_list", table_transformer=_FORMAT.format("transform_pool_listing"))
        g.custom_command("enable", "nodepool_enable", validator=validate_nodepool_command,
                         table_transformer=_FORMAT.format("transform_pools"))
        g.custom_command("disable", "nodepool_disable", validator=validate_nodepool_command, confirmation=True,
                         table_transformer=_FORMAT.format("transform_pools"))
        g.custom_command("wait", "nodepool_wait", validator=validate_nodepool_command,
                         table_transformer=_FORMAT.format("transform_pools"))

    with self.command_group("streaming acr-pull", custom_command_type=custom) as g:
        g.custom_show_command("show", "acr_pull_show", table_transformer=_FORMAT.format("transform_acr_pull"))
        g.custom_command("grant", "acr_pull_grant", table_transformer=_FORMAT.format("transform_acr_pull"))

    with self.command_group("streaming feature", custom_command_type=custom) as g:
        g.custom_show_command("show", "feature_show")
        g.custom_command("register", "feature_register")
