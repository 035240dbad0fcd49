"""Command-line commands beyond the core ones in ``app/cli.py``, one module per area of work.

Each module has ``register(sub)`` (``sub`` is the argparse sub-parsers object): it adds its parsers
and sets ``handler`` with ``set_defaults(handler=...)``; a handler takes ``(args, env)`` and returns
the exit status. Use ``app.cli.open_workspace`` to open the workspace and raise ``app.cli.Refused``
(or a ``WorkspaceError``) with a one-line Chinese reason to refuse. List the module in
``app.cli.COMMAND_MODULES``.
"""
