import sys

print("3.12 or newer" if sys.version_info >= (3, 12) else "older than 3.12")
