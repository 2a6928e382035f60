"""Progress on stderr: a live line through az's progress controller, transitions at --verbose."""

from knack.log import get_logger

logger = get_logger(__name__)


class Progress:
    def __init__(self, cli_ctx=None):
        self._hook = cli_ctx.get_progress_controller() if cli_ctx is not None else None
        self._last = {}

    def show(self, states):
        """`states` maps a label (image or pool) to its current status text."""
        for label, status in states.items():
            if self._last.get(label) != status:
                logger.info("%s: %s", label, status)
                self._last[label] = status
        if self._hook is not None:
            self._hook.add(message=", ".join("{} {}".format(k, v) for k, v in states.items()))

    def end(self):
        if self._hook is not None:
            self._hook.end()
