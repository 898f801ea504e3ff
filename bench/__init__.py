"""Benchmarks and the content generator they use: they measure, they never assert times."""
