import os
import struct
import subprocess
import tempfile
from pathlib import Path

RECORD = struct.Struct("<idI")  # (1)!

if __name__ == "__main__":
    print("native  @idI:", struct.calcsize("@idI"), "bytes")  # (2)!
    print("little  <idI:", RECORD.size, "bytes")
    source = Path(__file__).with_name("read_records.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "read_records")
        subprocess.run(
            ["cc", "-O2", "-Wall", "-o", exe, str(source)], check=True
        )
        data = os.path.join(tmp, "records.bin")
        with open(data, "wb") as f:
            for record in [(1, 2.5, 10), (-2, 3.25, 4000000000)]:
                f.write(RECORD.pack(*record))
        print("file size:", os.path.getsize(data), "bytes")
        subprocess.run([exe, data], check=True)  # (3)!
