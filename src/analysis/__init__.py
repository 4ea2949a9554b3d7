"""Provincial policy briefs: documents in, validated data, one brief per province out."""

__version__ = "0.1.0"
