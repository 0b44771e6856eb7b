"""Benchmarks and accuracy scorers, run with ``python -m bench.<name>``."""
