from multiprocessing import shared_memory
from multiprocessing.resource_tracker import unregister

block = shared_memory.SharedMemory(create=True, size=16)
# Hide the block from the resource tracker, as if it had been lost track of.
unregister(block._name, "shared_memory")
block.close()
print("closed but never unlinked")
