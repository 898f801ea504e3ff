"""Benchmarks: they measure, they never assert times; the content they measure comes from `demo.generator`."""
