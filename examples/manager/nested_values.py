from multiprocessing import Manager, Process


def append_in_place(d):
    d["plain"].append("x")  # (1)!


def append_and_reassign(d):
    items = d["plain"]
    items.append("x")
    d["plain"] = items  # (2)!


def append_to_nested_proxy(d):
    d["proxied"].append("x")  # (3)!


if __name__ == "__main__":
    with Manager() as manager:
        d = manager.dict()
        d["plain"] = []
        d["proxied"] = manager.list()  # (4)!
        for change in (append_in_place, append_and_reassign):
            p = Process(target=change, args=(d,))
            p.start()
            p.join()
            print(f"{change.__name__:>22}: plain = {d['plain']}")
        p = Process(target=append_to_nested_proxy, args=(d,))
        p.start()
        p.join()
        print(f"append_to_nested_proxy: proxied = {list(d['proxied'])}")
