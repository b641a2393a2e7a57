from multiprocessing.managers import BaseProxy, SyncManager


class CountingDictProxy(BaseProxy):  # (1)!
    _exposed_ = ("__setitem__", "update", "copy")
    round_trips = 0

    def _callmethod(self, methodname, args=(), kwds=None):
        CountingDictProxy.round_trips += 1
        return super()._callmethod(methodname, args, kwds or {})

    def __setitem__(self, key, value):
        self._callmethod("__setitem__", (key, value))

    def update(self, other):
        self._callmethod("update", (other,))

    def copy(self):
        return self._callmethod("copy")


class CountingManager(SyncManager):
    pass


CountingManager.register("CountingDict", dict, CountingDictProxy)


def trips_since(start):
    return CountingDictProxy.round_trips - start


if __name__ == "__main__":
    with CountingManager() as manager:
        d = manager.CountingDict()

        start = CountingDictProxy.round_trips
        for k in range(1000):
            d[k] = k  # (2)!
        print("1000 x d[k] = k:      ", trips_since(start), "round trips")

        start = CountingDictProxy.round_trips
        d.update({k: k for k in range(1000)})  # (3)!
        print("one d.update(...):    ", trips_since(start), "round trip")

        start = CountingDictProxy.round_trips
        local = d.copy()  # (4)!
        print("one d.copy():         ", trips_since(start), "round trip")
        print("sum of the local copy:", sum(local.values()))
