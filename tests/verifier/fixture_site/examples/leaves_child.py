import subprocess
import sys

# A grandchild that outlives the program and keeps no stdout/stderr open.
subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(30)"],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
print("started a background process")
