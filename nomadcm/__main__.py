"""`python -m nomadcm` is the `nomadcm` command."""

from nomadcm.cli import main

raise SystemExit(main())
