"""Allow ``python -m commkit``."""

from commkit.cli.quick_start import main

main()
