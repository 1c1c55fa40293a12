"""``python -m aggregator``: the same as the ``aggregator`` command."""

from .cli import cli

if __name__ == "__main__":
    cli()
