"""The `tiekartta` command line: one module per command group, all calling the services.

The entry point is `api.cli.main:main` (also `python -m api.cli`); this package module imports
nothing, so a command-group module importing its siblings never loops back through it.
"""
