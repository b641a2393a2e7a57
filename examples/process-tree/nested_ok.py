from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, Process, current_process


def square(x):
    return x * x


def manager(results):
    with Pool(2) as pool:  # (1)!
        results.extend(pool.map(square, [1, 2, 3]))
    print("non-daemonic Process with its own Pool:", results)


def executor_task():
    p = Process(target=square, args=(4,))
    p.start()  # (2)!
    p.join()
    return current_process().daemon, p.exitcode


if __name__ == "__main__":
    m = Process(target=manager, args=([],))
    m.start()
    m.join()
    with ProcessPoolExecutor(1) as executor:
        daemon, code = executor.submit(executor_task).result()
    print("executor worker is daemonic:", daemon)  # (3)!
    print("its child's exit code:", code)
