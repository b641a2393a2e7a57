from multiprocessing import Manager, Process


def configure(ns):
    ns.mode = "fast"  # (1)!
    ns.workers = 4


if __name__ == "__main__":
    with Manager() as manager:
        ns = manager.Namespace()
        ns.mode = "safe"
        p = Process(target=configure, args=(ns,))
        p.start()
        p.join()
        print(ns)  # (2)!
        print("mode:", ns.mode, "| workers:", ns.workers)
