"""Draft the yearly roadmap follow-up per theme, every claim tied to evidence, for human review."""
