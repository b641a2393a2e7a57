import multiprocessing as mp


def report(q):
    q.put(mp.get_start_method())


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=report, args=(q,))
    p.start()
    print("parent:", mp.get_start_method(), "child:", q.get())
    p.join()
