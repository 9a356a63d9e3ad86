"""Classify citizen proposals into the programme's themes (offline embeddings head or an LLM)."""
