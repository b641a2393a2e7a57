from multiprocessing import Manager
from multiprocessing.managers import RemoteError

if __name__ == "__main__":
    with Manager() as manager:
        jobs = manager.list(["a"])
        snapshot = jobs._getvalue()  # (1)!
        jobs.append("b")  # (2)!
        snapshot.append("z")
        print(type(snapshot).__name__, snapshot, "| shared:", jobs)
        ns = manager.Namespace(mode="fast")
        print(type(ns._getvalue()).__name__)  # (3)!
        lock = manager.Lock()
        try:
            lock._getvalue()  # (4)!
        except RemoteError as error:
            lines = str(error).splitlines()
            print("RemoteError:", next(s for s in lines if "pickle" in s))
