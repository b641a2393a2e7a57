from multiprocessing import Pipe, Process, parent_process
from multiprocessing.connection import wait


def worker(tasks, results):
    parent = parent_process()
    while True:
        ready = wait([tasks, parent.sentinel])  # (1)!
        if parent.sentinel in ready:
            results.send(f"worker: {parent.name} has gone, stopping")
            return  # (2)!
        n = tasks.recv()
        results.send(f"worker: {n} squared is {n * n}")


def middle(tasks, results):
    w = Process(target=worker, args=(tasks, results), daemon=True)
    w.start()
    w.join()  # (3)!


if __name__ == "__main__":
    tasks_r, tasks_w = Pipe(duplex=False)
    results_r, results_w = Pipe(duplex=False)
    m = Process(target=middle, args=(tasks_r, results_w), name="middle")
    m.start()
    tasks_r.close()
    results_w.close()  # (4)!
    tasks_w.send(7)
    print(results_r.recv())
    m.kill()  # (5)!
    m.join()
    print("middle alive:", m.is_alive())
    print(results_r.recv())
    try:
        results_r.recv()
    except EOFError:  # (6)!
        print("main: the worker has exited")
