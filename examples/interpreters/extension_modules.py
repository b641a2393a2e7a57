from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor

import numpy as np


def import_error(text):
    lines = text.splitlines()
    return next(line for line in lines if line.startswith("ImportError: mod"))


if __name__ == "__main__":
    interp = interpreters.create()
    interp.exec("import decimal, json, sqlite3")  # (1)!
    print("decimal, json, sqlite3: imported")
    try:
        interp.exec("import numpy")  # (2)!
    except interpreters.ExecutionFailed as exc:
        print("import numpy:", type(exc).__name__)
        print("  " + import_error(exc.excinfo.errdisplay))
    interp.close()

    with InterpreterPoolExecutor(max_workers=1) as executor:
        future = executor.submit(np.sum, np.arange(10))  # (3)!
        try:
            future.result()
        except interpreters.NotShareableError as exc:
            print("np.sum(array) in a pool:", type(exc).__name__, "-", exc)
            print("  " + import_error(str(exc.__cause__)))  # (4)!
