"""The Qt layer of HAI Desk: the only package that imports PySide6.

Everything here renders and dispatches; the rules live in ``hai_desktop.core``.
"""
