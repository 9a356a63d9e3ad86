"""`python -m api.cli` runs the same CLI as the `tiekartta` command."""

from api.cli.main import main

main()
