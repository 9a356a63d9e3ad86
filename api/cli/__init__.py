"""The `tiekartta` command line: one module per command group, all calling the services."""


def main() -> None:
    """Entry point of the `tiekartta` script (imported lazily: `api.cli.common` stays light)."""
    from api.cli.main import main as run

    run()
