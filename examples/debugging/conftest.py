import multiprocessing

import pytest


@pytest.fixture
def mp():
    return multiprocessing.get_context("spawn")


@pytest.fixture(autouse=True)
def no_leftover_processes():
    yield
    leftovers = multiprocessing.active_children()
    for process in leftovers:
        process.kill()
        process.join()
    if leftovers:
        names = ", ".join(p.name for p in leftovers)
        pytest.fail(f"left running: {names}", pytrace=False)
