import multiprocessing
from concurrent import interpreters

SETUP = "import concurrent.futures, multiprocessing, threading\n"
CASES = [
    ("a thread", "t = threading.Thread(target=int)\nt.start()\nt.join()"),
    (
        "ThreadPoolExecutor",
        "with concurrent.futures.ThreadPoolExecutor(2) as ex:\n"
        "    list(ex.map(int, '12'))",
    ),
    ("a daemon thread", "threading.Thread(target=int, daemon=True).start()"),
    ("Queue().put()", "multiprocessing.Queue().put(1)"),
    ("Pool()", "multiprocessing.get_context('spawn').Pool(2)"),
]

if __name__ == "__main__":
    for what, code in CASES:
        interp = interpreters.create()
        try:
            interp.exec(SETUP + code)
            print(f"{what}: works")
        except interpreters.ExecutionFailed as exc:
            print(f"{what}: {exc.excinfo.formatted}")
        interp.close()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        print("Pool() in the main interpreter:", pool.map(abs, [-1, -2]))
