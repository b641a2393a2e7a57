from multiprocessing import Pool, Process


def noop():
    pass


def start_child():
    p = Process(target=noop)
    p.start()  # (1)!
    p.join()


def try_in_daemon():
    try:
        start_child()
    except AssertionError as e:
        print("in a daemon:", repr(e))


if __name__ == "__main__":
    d = Process(target=try_in_daemon, daemon=True)
    d.start()
    d.join()
    with Pool(1) as pool:
        try:
            pool.apply(start_child)
        except AssertionError as e:  # (2)!
            print("in a Pool task:", repr(e))
