import os
from multiprocessing import get_context


def work():
    pass


def state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:  # (1)!
            return f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


if __name__ == "__main__":
    p = get_context("spawn").Process(target=work)  # (2)!
    p.start()
    os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOWAIT)  # (3)!
    print("ended, not joined:", state(p.pid))
    p.join()  # (4)!
    print("after join():     ", state(p.pid))
