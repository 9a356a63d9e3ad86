"""Use cases: what a person can do, one service per feature. Routes and CLI commands both call
these (and nothing below them that changes state); the audit log is written only here."""
