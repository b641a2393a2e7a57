import os
import subprocess
import sys
import tempfile
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path


def attach(name, fixed):
    if not fixed:
        shm = SharedMemory(name)  # (1)!
    elif sys.version_info >= (3, 13):
        print("  fix: track=False")
        shm = SharedMemory(name, track=False)  # (2)!
    else:
        from multiprocessing import resource_tracker

        print("  fix: resource_tracker.unregister()")
        shm = SharedMemory(name)
        resource_tracker.unregister(shm._name, "shared_memory")  # (3)!
    print("  Python read:", bytes(shm.buf[:9]))
    shm.close()


def run_once(exe, name, fixed):
    print("fixed:" if fixed else "default:")
    with subprocess.Popen(
        [exe, "/" + name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as owner:
        print(" ", owner.stdout.readline(), end="")  # (4)!
        child = subprocess.run(
            [sys.executable, __file__, name, "fixed" if fixed else ""],
            stderr=subprocess.PIPE,  # (5)!
            text=True,
            encoding="utf-8",
        )
        warned = "leaked shared_memory" in child.stderr
        print("  tracker warning:", warned)
        print("  block still there:", os.path.exists("/dev/shm/" + name))
        owner.stdin.write("quit\n")
        owner.stdin.close()
        print(" ", owner.stdout.read(), end="")


if __name__ == "__main__":
    if len(sys.argv) > 1:  # (6)!
        attach(sys.argv[1], sys.argv[2] == "fixed")
        sys.exit()
    source = Path(__file__).with_name("shm_owner.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "shm_owner")
        subprocess.run(
            ["cc", "-O2", "-Wall", "-o", exe, str(source)], check=True
        )
        name = f"c_owned_{os.getpid()}"
        run_once(exe, name, fixed=False)
        run_once(exe, name, fixed=True)
