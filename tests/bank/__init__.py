"""Tests of the question bank: loader, content, examples, seed coverage, CLI."""
