"""Errors a user can cause: each carries a one-line message fit to show as is."""

from __future__ import annotations


class PriorAuthError(Exception):
    """Bad input or configuration. ``str(err)`` is the whole user-facing message."""


class UnknownPolicy(PriorAuthError):
    """A CPT code the library has no policy for."""


class FactError(PriorAuthError):
    """A fact value that is malformed, out of range, or names no known fact."""


class CriteriaError(PriorAuthError):
    """A criteria or facts file that does not validate (names file and field)."""
