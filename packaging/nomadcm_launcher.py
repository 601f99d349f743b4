"""The bundle's entry point: the GUI, or the `nomadcm` command when a subcommand is given.

`NomadCM` (double-click) opens the app; `NomadCM --exit-after-startup` is the smoke test;
`NomadCM desktop install` adds the bundle to the desktop's menu; `NomadCM --version` prints the version.
"""

from __future__ import annotations

import sys


def main() -> int:
    args = sys.argv[1:]
    if args and (not args[0].startswith("-") or args[0] == "--version"):
        from nomadcm.cli import main as cli_main

        return cli_main(args)
    from nomadcm.app import gui_main

    return gui_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
