"""``python -m hai_desktop`` (and the PyInstaller entry point): the ``hai-desktop`` CLI."""

from hai_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
