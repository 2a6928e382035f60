"""Every group and command has help with a runnable example, and every argument has help text."""

import yaml
from azure.cli.core.mock import DummyCli
from knack.help_files import helps

from azext_streaming import StreamingCommandsLoader

GLOBAL_ARGUMENTS = {"cmd", "_subscription", "acquire_policy_token", "change_reference"}


def _loaded_commands():
    loader = StreamingCommandsLoader(cli_ctx=DummyCli())
    loader.skip_applicability = True
    table = loader.load_command_table(None)
    for name, command in table.items():
        command.load_arguments()
        loader.load_arguments(name)
    for name, command in table.items():  # what az does when it parses a command line
        for dest in command.arguments:
            command.update_argument(dest, loader.argument_registry.get_cli_argument(name, dest))
    return table


def _groups(table):
    groups = set()
    for name in table:
        words = name.split()
        groups.update(" ".join(words[:i]) for i in range(1, len(words)))
    return groups


def test_every_group_and_command_has_help_with_an_example():
    table = _loaded_commands()
    for name in sorted(set(table) | _groups(table)):
        assert name in helps, "no help for '{}'".format(name)
        entry = yaml.safe_load(helps[name])
        assert entry.get("short-summary"), "no short summary for '{}'".format(name)
        examples = entry.get("examples") or []
        assert examples, "no example for '{}'".format(name)
        for example in examples:
            assert example["text"].startswith("az streaming "), (name, example)
            if name in table:  # a command's examples run that command
                assert (example["text"] + " ").startswith("az " + name + " "), (name, example)


def test_every_argument_has_help():
    table = _loaded_commands()
    checked = 0
    for name, command in table.items():
        for dest, argument in command.arguments.items():
            if dest in GLOBAL_ARGUMENTS:
                continue
            assert argument.type.settings.get("help"), "argument '{}' of '{}' has no help".format(dest, name)
            checked += 1
    assert checked > 2 * len(table)
