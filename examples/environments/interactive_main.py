import subprocess
import sys

TYPED_IN = """
import multiprocessing as mp
import sys

def square(x):
    print("square ran:", x * x)

p = mp.get_context(sys.argv[1]).Process(target=square, args=(7,))
p.start()
p.join()
print("exit code:", p.exitcode)
"""  # (1)!

if __name__ == "__main__":
    for method in ["fork", "spawn", "forkserver"]:
        run = subprocess.run(
            [sys.executable, "-c", TYPED_IN, method],  # (2)!
            capture_output=True,
            text=True,
        )
        print(f"--- {method}")
        print(run.stdout, end="")
        for line in run.stderr.splitlines()[-1:]:  # (3)!
            print("child's stderr ends with:", line)
