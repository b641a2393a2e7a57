from multiprocessing import Process
from multiprocessing.managers import BaseManager, NamespaceProxy


class Job:
    def __init__(self, name):
        self.name = name
        self.done = 0
        self.log = []

    def step(self, note):
        self.done += 1
        self.log.append(note)
        return self.done


class JobProxy(NamespaceProxy):  # (1)!
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__", "step")

    def step(self, note):  # (2)!
        return self._callmethod("step", (note,))


class JobManager(BaseManager):
    pass


JobManager.register("Job", Job, proxytype=JobProxy)  # (3)!
JobManager.register("AutoJob", Job)


def work(job):
    job.step("child")
    job.name = "backup (renamed)"  # (4)!


if __name__ == "__main__":
    with JobManager() as manager:
        job = manager.Job("backup")
        p = Process(target=work, args=(job,))
        p.start()
        p.join()
        print("step() returned", job.step("parent"))
        job.log.append("lost")  # (5)!
        print(job.name, "|", job.done, "|", job.log)
        auto = manager.AutoJob("backup")
        try:
            print(auto.name)  # (6)!
        except AttributeError as error:
            print("AttributeError:", error)
