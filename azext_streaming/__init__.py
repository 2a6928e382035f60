"""The `streaming` Azure CLI extension: artifact streaming from ACR to AKS in single commands."""

from azure.cli.core import AzCommandsLoader

from ._help import helps  # pylint: disable=unused-import


class StreamingCommandsLoader(AzCommandsLoader):

    def __init__(self, cli_ctx=None):
        from azure.cli.core.commands import CliCommandType
        custom = CliCommandType(operations_tmpl="azext_streaming.custom#{}")
        super().__init__(cli_ctx=cli_ctx, custom_command_type=custom)
        if cli_ctx is not None:
            _register_deferred_error_handler(cli_ctx)

    def load_command_table(self, args):
        from .commands import load_command_table
        load_command_table(self, args)
        return self.command_table

    def load_arguments(self, command):
        from ._params import load_arguments
        load_arguments(self, command)


def _register_deferred_error_handler(cli_ctx):
    """Once per CLI context: fail a command after its (partial) result has been printed."""
    from knack.events import EVENT_CLI_SUCCESSFUL_EXECUTE
    from ._errors import raise_deferred_error
    handlers = getattr(cli_ctx, "_event_handlers", {}).get(EVENT_CLI_SUCCESSFUL_EXECUTE, [])
    if raise_deferred_error not in handlers:
        cli_ctx.register_event(EVENT_CLI_SUCCESSFUL_EXECUTE, raise_deferred_error)


COMMAND_LOADER_CLS = StreamingCommandsLoader
