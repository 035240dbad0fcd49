"""Command-line commands, one module per area of work (``workspace``: init, demo, stats, check …).

Each module has ``register(sub)`` (``sub`` is the argparse sub-parsers object): it adds its parsers
and sets ``handler`` with ``set_defaults(handler=...)``; a handler takes ``(args, env)`` and returns
the exit status. Use :func:`app.commands.common.open_workspace` to open the workspace and raise
:class:`app.commands.common.Refused` (or a ``WorkspaceError``) with a one-line Chinese reason to
refuse. List the module in ``app.cli.COMMAND_MODULES``.
"""
