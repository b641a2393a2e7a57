import threading
from multiprocessing import Process

counter = 0


def add_one(worker):
    global counter
    counter += 1
    print(f"{worker} sees counter = {counter}")


if __name__ == "__main__":
    p = Process(target=add_one, args=("child process",))  # (1)!
    p.start()
    p.join()
    print(f"main, after the process: counter = {counter}")  # (2)!

    t = threading.Thread(target=add_one, args=("thread",))
    t.start()
    t.join()
    print(f"main, after the thread:  counter = {counter}")  # (3)!
