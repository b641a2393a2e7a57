import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np

if __name__ == "__main__":
    source = Path(__file__).with_name("read_npy.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "read_npy")
        subprocess.run(
            ["cc", "-O2", "-Wall", "-o", exe, str(source)], check=True
        )
        path = os.path.join(tmp, "a.npy")
        a = np.arange(6, dtype="<f8").reshape(2, 3)  # (1)!
        np.save(path, a)
        with open(path, "rb") as f:
            raw = f.read()
        print("magic:", raw[:6], "version:", raw[6], raw[7])  # (2)!
        header_len = int.from_bytes(raw[8:10], "little")
        print("header:", raw[10 : 10 + header_len].decode("latin1").rstrip())
        print("row sums in Python:", a.sum(axis=1).tolist())
        subprocess.run([exe, path], check=True)
