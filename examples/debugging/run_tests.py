import os
import sys

import pytest

if __name__ == "__main__":
    os.environ["COLUMNS"] = "80"  # (1)!
    args = ["-q", "--tb=no", "--color=no", "-p", "no:cacheprovider"]  # (2)!
    sys.exit(pytest.main(args))  # (3)!
