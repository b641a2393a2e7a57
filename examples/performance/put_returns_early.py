import threading
from multiprocessing import Queue

may_pickle = threading.Event()


class Report:
    def __init__(self):
        self.lines = []

    def __getstate__(self):  # (1)!
        may_pickle.wait()
        print("pickled in", threading.current_thread().name)
        return self.__dict__


if __name__ == "__main__":
    q = Queue()
    report = Report()
    report.lines.append("first")
    q.put(report)  # (2)!
    print("put() has returned")
    report.lines.append("added after put()")  # (3)!
    may_pickle.set()
    print(q.get().lines)
