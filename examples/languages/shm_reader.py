import os
import subprocess
import tempfile
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path


def compile_c(source, directory):
    exe = os.path.join(directory, source.stem)
    subprocess.run(["cc", "-O2", "-Wall", "-o", exe, str(source)], check=True)
    return exe


if __name__ == "__main__":
    source = Path(__file__).with_name("shm_reader.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = compile_c(source, tmp)  # (1)!
        shm = SharedMemory(create=True, size=64)
        try:
            name = shm.name  # (2)!
            print("prefix:", name[:4], "length:", len(name))
            print("starts with '/':", name.startswith("/"))
            mode = os.stat("/dev/shm/" + shm.name).st_mode & 0o777
            print("mode:", oct(mode))  # (3)!
            text = b"hello from Python\0"
            shm.buf[: len(text)] = text
            with subprocess.Popen(
                [exe, "/" + shm.name],  # (4)!
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            ) as child:
                for line in child.stdout:  # (5)!
                    print(line, end="")
                    if line == "done\n":
                        reply = bytes(shm.buf[32:44])
                        print("Python read:", reply)
            print("C exit code:", child.returncode)
        finally:
            shm.close()
            shm.unlink()
