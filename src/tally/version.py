"""The version of this package, in one place (the public face re-exports it as ``__version__``)."""

VERSION = "0.1.0"
