"""Runs the pyiq that ships inside the VS Code extension, with any Python 3.10+.

The extension starts ``<python> bundled/tool/pyiq_server.py serve``. The server and its
dependencies sit in ``bundled/libs`` (``pip install --target``); the native ones (tree-sitter,
rpds-py, PyYAML) carry one extension module per CPython version, so the same folder imports on
3.10 to 3.14. ``PYIQ_IMPORT_STRATEGY=fromEnvironment`` puts the bundle after the interpreter's own
packages (a pyiq installed there wins); anything else puts it first, as the Python tools
extension template does. Kept to the standard library and old syntax so that an older Python
reaches the version check and says why it cannot run, instead of a traceback.
"""

import os
import sys

if sys.version_info < (3, 10):
    sys.stderr.write(
        "pyiq needs Python 3.10 or later; %s is Python %d.%d\n"
        % (sys.executable, sys.version_info[0], sys.version_info[1])
    )
    sys.exit(3)

LIBS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "libs")
if not os.path.isdir(LIBS):
    sys.stderr.write("pyiq: the extension's bundled libraries are missing (%s)\n" % LIBS)
    sys.exit(3)
if os.environ.get("PYIQ_IMPORT_STRATEGY") == "fromEnvironment":
    sys.path.append(LIBS)
else:
    sys.path.insert(0, LIBS)

from pyiq.cli.main import main  # noqa: E402  (the path above decides which pyiq this is)

sys.exit(main())
