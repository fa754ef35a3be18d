"""Allow ``python -m commkit``."""

from commkit.cli.app import main

main()
