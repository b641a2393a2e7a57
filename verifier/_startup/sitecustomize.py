"""Make VERIFIER_START_METHOD multiprocessing's default start method.

Python imports this module at start-up because the verifier puts its folder
on PYTHONPATH; it runs in the program and in every child interpreter.  Only
the *default* is changed, as if the program ran on a platform whose default
is that method: the program's own `set_start_method()` or `get_context()`
calls still work exactly as for a reader.
"""

import os

_method = os.environ.get("VERIFIER_START_METHOD")
if _method:
    from multiprocessing import context as _context

    # Private attributes, unchanged from 3.9 to 3.14; a test checks each
    # interpreter reports the forced method, so a change here fails loudly.
    _context._default_context._default_context = _context._concrete_contexts[_method]
