"""The ``iot-transfer`` console script: the operators' command line (``iot-transfer handover
--certificates certs.txt --to 444455556666 --journal run.jsonl``), run by the Rust core's own
command-line code, the same as the binary cargo builds. ``iot-transfer --help`` lists the commands."""

import signal
import sys

from .iot_transfer import run_cli


def main() -> None:
    """Runs the command line in ``sys.argv`` and exits with its status."""
    # The command line handles Ctrl-C itself (the first stops the batch after what is in flight);
    # Python's handler would only raise KeyboardInterrupt once it returns.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(run_cli(sys.argv[1:]))


if __name__ == "__main__":
    main()
