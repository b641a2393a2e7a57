import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np

if __name__ == "__main__":
    source = Path(__file__).with_name("double_npy.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "double_npy")
        subprocess.run(
            ["cc", "-O2", "-Wall", "-o", exe, str(source)], check=True
        )
        path = os.path.join(tmp, "shared.npy")
        a = np.lib.format.open_memmap(  # (1)!
            path, mode="w+", dtype="<i4", shape=(5,)
        )
        a[:] = [1, 2, 3, 4, 5]
        a.flush()  # (2)!
        subprocess.run([exe, path], check=True)
        print("Python sees:", a.tolist())  # (3)!
        del a  # (4)!
        print("np.load:", np.load(path).tolist())
