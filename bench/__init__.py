"""Measurement scripts (never run as tests): `python -m bench.<name>` from the repository root."""
