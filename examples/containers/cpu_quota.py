import os
from multiprocessing import Pool


def read_quota(directory, version):
    try:
        if version == 2:
            with open(os.path.join(directory, "cpu.max")) as f:
                quota, period = f.read().split()  # (1)!
        else:
            with open(os.path.join(directory, "cpu.cfs_quota_us")) as f:
                quota = f.read().strip()
            with open(os.path.join(directory, "cpu.cfs_period_us")) as f:
                period = f.read().strip()
    except OSError:
        return None  # (2)!
    if quota in ("max", "-1"):
        return None
    return int(quota) / int(period)


def cgroup_cpu_quota():
    groups = {}
    with open("/proc/self/cgroup") as f:
        for line in f:  # (3)!
            _, controllers, path = line.rstrip("\n").split(":", 2)
            for controller in controllers.split(","):
                groups[controller] = path
    quotas = []
    with open("/proc/self/mountinfo") as f:
        for line in f:  # (4)!
            fields = line.split()
            dash = fields.index("-")
            fstype, options = fields[dash + 1], fields[dash + 3].split(",")
            if fstype == "cgroup2" and "" in groups:
                version, path = 2, groups[""]
            elif fstype == "cgroup" and "cpu" in options and "cpu" in groups:
                version, path = 1, groups["cpu"]
            else:
                continue
            root, mount_point = fields[3], fields[4]
            relative = os.path.relpath(path, root)
            if relative.startswith(".."):
                continue  # (5)!
            directory = os.path.normpath(os.path.join(mount_point, relative))
            while True:  # (6)!
                quota = read_quota(directory, version)
                if quota is not None:
                    quotas.append(quota)
                if directory == mount_point:
                    break
                directory = os.path.dirname(directory)
    return min(quotas, default=None)


def pool_size():
    quota = cgroup_cpu_quota()
    cpus = len(os.sched_getaffinity(0))  # (7)!
    if quota is None:
        return cpus
    return max(1, min(cpus, int(quota)))  # (8)!


def square(n):
    return n * n


if __name__ == "__main__":
    quota = cgroup_cpu_quota()
    if quota is None:
        print("no CPU quota")
    else:
        print(f"quota: {quota} CPUs")
        print("os.cpu_count() sees it:", os.cpu_count() <= quota)  # (9)!
        print(
            "sched_getaffinity() sees it:",
            len(os.sched_getaffinity(0)) <= quota,
        )
    size = pool_size()
    print("pool size:", size)
    with Pool(size) as pool:
        print(pool.map(square, range(5)))
