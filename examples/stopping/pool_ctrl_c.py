import multiprocessing
import os
import signal
from multiprocessing import Pool

started = stop = None


def init(*events):
    global started, stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (1)!
    started, stop = events


def work(x):
    started.release()
    stop.wait()  # (2)!
    return x


if __name__ == "__main__":
    started, stop = multiprocessing.Semaphore(0), multiprocessing.Event()
    pool = Pool(2, initializer=init, initargs=(started, stop))
    result = pool.map_async(work, range(8), chunksize=1)
    workers = multiprocessing.active_children()
    try:
        started.acquire()
        started.acquire()  # both workers are now busy
        for pid in [w.pid for w in workers] + [os.getpid()]:
            os.kill(pid, signal.SIGINT)  # (3)!
        print(result.get())
    except KeyboardInterrupt:
        print("parent caught KeyboardInterrupt")  # (4)!
        pool.terminate()
        pool.join()
        print("pool terminated")
    print("worker exit codes:", sorted(w.exitcode for w in workers))
