"""The photodedup engine: plain functions and dataclasses, no Qt."""
